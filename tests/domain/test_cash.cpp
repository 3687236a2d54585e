// The cash drawer: a count by denomination as typed at the closing, cash paid in or out, and the
// cash the drawer should hold.
#include "domain/cash.h"
#include "domain/errors.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {
CashMovement cashMovement(std::int64_t cents, std::string reason = "change from the bank") {
    CashMovement m;
    m.id = Uuid::generate();
    m.sessionId = Uuid::generate();
    m.at = utc("2026-07-14T09:00:00Z");
    m.amount = Money::cents(cents);
    m.reason = std::move(reason);
    return m;
}
}  // namespace

TEST_CASE("Euro notes and coins, largest first", "[domain][cash]") {
    CHECK(denominations() == std::vector<std::int64_t>{50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20,
                                                       10, 5, 2, 1});
}

TEST_CASE("A count typed at the closing", "[domain][cash]") {
    const auto count = CashCount::parse("50x2,20x5,0.5x3", "counted");
    CHECK(count.quantities == std::map<std::int64_t, int, std::greater<>>{{5000, 2}, {2000, 5}, {50, 3}});
    CHECK(count.total() == Money::cents(20150));
    CHECK(count.str() == "50x2,20x5,0.50x3");

    // A decimal comma before the "x", spaces, ";" and "×" all read the same.
    CHECK(CashCount::parse("0,50x3", "counted").quantities == std::map<std::int64_t, int, std::greater<>>{{50, 3}});
    CHECK(CashCount::parse("50 x 2 ; 20 x 5 ; 0,50 x 3", "counted") == count);
    CHECK(CashCount::parse("0,5x3, 20X5, 50×2", "counted") == count);
    CHECK(CashCount::parse("50€x2,20€x5,0.50€x3", "counted") == count);

    // Every denomination, one each: 888.88 €.
    const auto all = CashCount::parse("500x1,200x1,100x1,50x1,20x1,10x1,5x1,2x1,1x1,0.50x1,0.20x1,0.10x1,0.05x1,0.02x1,0.01x1",
                                      "counted");
    CHECK(all.total() == Money::cents(88888));
    CHECK(all.str() == "500x1,200x1,100x1,50x1,20x1,10x1,5x1,2x1,1x1,0.50x1,0.20x1,0.10x1,0.05x1,0.02x1,0.01x1");
    CHECK(CashCount::parse(all.str(), "counted") == all);

    // Zero quantities are accepted and left out; an empty drawer is an empty count.
    CHECK(CashCount::parse("20x0,10x4", "counted").str() == "10x4");
    CHECK(CashCount::parse("", "counted").total() == Money::cents(0));
    CHECK(CashCount::parse("  ", "counted").str().empty());
    CHECK(CashCount::parse("0.01x100000", "counted").total() == Money::cents(100000));
}

TEST_CASE("A count refuses the item it cannot read, naming it", "[domain][cash]") {
    auto message = [](std::string_view text) {
        return errorMessage<ValidationError>([&] { CashCount::parse(text, "counted"); });
    };
    CHECK(message("30x2") == "counted: \"30x2\" — 30 € is not a euro note or coin");
    CHECK(message("50x2,0.03x1") == "counted: \"0.03x1\" — 0.03 € is not a euro note or coin");
    CHECK(message("50x2,1000x1") == "counted: \"1000x1\" — 1000 € is not a euro note or coin");
    CHECK(message("-20x1") == "counted: \"-20x1\" — -20 € is not a euro note or coin");
    CHECK(message("50x2,20x1,50x1") == "counted: \"50x1\" — 50 € is counted twice");
    CHECK(message("0.5x1,0,50x2") == "counted: \"0,50x2\" — 0.50 € is counted twice");
    CHECK(message("50x2,20x-1") == "counted: \"20x-1\" — the quantity must be a whole number from 0 to 100000");
    CHECK(message("20x100001") == "counted: \"20x100001\" — the quantity must be a whole number from 0 to 100000");
    CHECK(message("20x1.5") == "counted: \"20x1.5\" — the quantity must be a whole number from 0 to 100000");
    CHECK(message("20x") == "counted: \"20x\" — the quantity must be a whole number from 0 to 100000");
    CHECK(message("50x2,20") == "counted: \"20\" — write the value, x and the quantity, e.g. 20x5");
    CHECK(message("abcx2") == "counted: \"abcx2\" — the value is not an amount in euros");
    CHECK(message("50x2,,20x1") == "counted: has an empty item between separators");
    CHECK(refusedField([] { CashCount::parse("30x2", "opening float"); }) == "opening float");
}

TEST_CASE("A cash movement needs an amount and a reason", "[domain][cash]") {
    CHECK_NOTHROW(cashMovement(2000).validate());
    CHECK_NOTHROW(cashMovement(-1000000, "deposit to the bank").validate());
    CHECK_NOTHROW(cashMovement(1000000).validate());
    CHECK(errorMessage<ValidationError>([] { cashMovement(0).validate(); }) == "amount: must not be zero");
    CHECK(errorMessage<ValidationError>([] { cashMovement(1000001).validate(); }) ==
          "amount: must be between -10000.00 € and 10000.00 €, got 10000.01 €");
    CHECK(refusedField([] { cashMovement(-1000001).validate(); }) == "amount");
    CHECK(errorMessage<ValidationError>([] { cashMovement(500, "").validate(); }) == "reason: is required");
    CHECK(errorMessage<ValidationError>([] { cashMovement(500, "   ").validate(); }) == "reason: is required");
    CHECK_NOTHROW(cashMovement(500, std::string(200, 'r')).validate());
    CHECK(errorMessage<ValidationError>([] { cashMovement(500, std::string(201, 'r')).validate(); }) ==
          "reason: must be at most 200 characters");
}

TEST_CASE("Expected cash: float, takings, refunds, paid in and out", "[domain][cash]") {
    // 150.00 + 34.50 − 31.00 + 20.00 − 100.00 − 4.80 = 68.70
    const std::vector<CashMovement> movements = {cashMovement(2000), cashMovement(-10000, "deposit"),
                                                 cashMovement(-480, "stamps")};
    CHECK(expectedCash(Money::cents(15000), Money::cents(3450), Money::cents(3100), movements) == Money::cents(6870));
    CHECK(expectedCash(Money::cents(15000), Money::cents(0), Money::cents(0), {}) == Money::cents(15000));
}
