// Boats and the stored names of statuses and payment kinds.
#include "domain/errors.h"
#include "domain/fleet.h"
#include "domain/payment.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {
Boat ill() {
    Boat b;
    b.id = Uuid::generate();
    b.name = "Ill";
    return b;
}
}  // namespace

TEST_CASE("Boat validation names the field", "[domain][fleet]") {
    CHECK_NOTHROW(ill().validate());
    auto refused = [](auto change) {
        Boat b = ill();
        change(b);
        return refusedField([&] { b.validate(); });
    };
    CHECK(refused([](Boat& b) { b.name = ""; }) == "name");
    CHECK(refused([](Boat& b) { b.name = "  "; }) == "name");
    CHECK(refused([](Boat& b) { b.capacity = 0; }) == "capacity");
    CHECK(refused([](Boat& b) { b.capacity = 51; }) == "capacity");
    CHECK(refused([](Boat& b) { b.colour = "2E86AB"; }) == "colour");
    CHECK(refused([](Boat& b) { b.colour = "#2E86AG"; }) == "colour");
    CHECK(refused([](Boat& b) { b.colour = "#2E86A"; }) == "colour");
    CHECK(refused([](Boat& b) { b.colour = "blue"; }) == "colour");
    CHECK(refused([](Boat& b) { b.capacity = 1; }) == "(no error)");
    CHECK(refused([](Boat& b) { b.capacity = 50; }) == "(no error)");
    CHECK(refused([](Boat& b) { b.colour = "#ff00aa"; }) == "(no error)");
}

TEST_CASE("Boat statuses keep their stored names", "[domain][fleet]") {
    for (auto [status, text] : {std::pair{BoatStatus::InService, "IN_SERVICE"}, std::pair{BoatStatus::Maintenance, "MAINTENANCE"},
                                std::pair{BoatStatus::Retired, "RETIRED"}}) {
        CHECK(toString(status) == text);
        CHECK(parseBoatStatus(text) == status);
    }
    CHECK_FALSE(parseBoatStatus("BROKEN"));
}

TEST_CASE("Payment methods and statuses keep their stored names", "[domain][payment]") {
    for (auto [m, text] : {std::pair{PaymentMethod::Cash, "CASH"}, std::pair{PaymentMethod::Card, "CARD"},
                           std::pair{PaymentMethod::Voucher, "VOUCHER"}, std::pair{PaymentMethod::Stripe, "STRIPE"},
                           std::pair{PaymentMethod::PayPal, "PAYPAL"}}) {
        CHECK(toString(m) == text);
        CHECK(parsePaymentMethod(text) == m);
    }
    CHECK_FALSE(parsePaymentMethod("CHEQUE"));
    for (auto [s, text] : {std::pair{PaymentStatus::Pending, "PENDING"}, std::pair{PaymentStatus::Succeeded, "SUCCEEDED"},
                           std::pair{PaymentStatus::Failed, "FAILED"}}) {
        CHECK(toString(s) == text);
        CHECK(parsePaymentStatus(text) == s);
    }
    CHECK_FALSE(parsePaymentStatus("REFUNDED"));
    CHECK(toString(RefundStatus::Owed) == "OWED");
    CHECK(toString(RefundStatus::Done) == "DONE");
    CHECK(parseRefundStatus("OWED") == RefundStatus::Owed);
    CHECK(parseRefundStatus("DONE") == RefundStatus::Done);
    CHECK_FALSE(parseRefundStatus("PAID"));
}
