// The store contract for the desk: search, a booking's history, hash chains, reprints,
// gift vouchers, the cash drawer — on SQLite and on PostgreSQL, and the databases themselves
// refusing to edit or delete what the desk only ever appends.
#include "data/pg_store.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include <array>
#include <cctype>
#include <chrono>
#include <iostream>
#include <latch>
#include <thread>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

bool says(const std::string& error, const std::string& expected) {
    INFO(error);
    return error.find(expected) != std::string::npos;
}

Employee clerk() { return {Uuid::generate(), "lea", "Léa Muller", Role::Staff, true, "", ""}; }

Booking booking(const Uuid& boat, const char* startUtc, std::uint64_t ref, const std::optional<Uuid>& customer,
                BookingState state = BookingState::Confirmed, const char* createdUtc = "2026-06-01T09:00:00Z") {
    Booking b;
    b.id = Uuid::generate();
    b.ref = PublicRef::fromNumber(ref);
    b.boatId = boat;
    b.departureStart = at(startUtc);
    b.departureEnd = b.departureStart + std::chrono::minutes{45};
    b.party = {2, 0, 0};
    b.language = "fr";
    b.channel = Channel::Desk;
    b.state = state;
    b.total = Money::cents(2400);
    b.customerId = customer;
    b.createdAt = at(createdUtc);
    return b;
}

ChainRecord record(Chain chain, std::int64_t seq, const char* atUtc, const std::string& entity) {
    return {chain, seq, at(atUtc), entity, "n=" + std::to_string(seq) + "\n", std::string(64, '0'),
            std::string(63, 'a') + std::to_string(seq % 10)};
}

Voucher voucher(std::uint64_t code, const char* soldUtc, const std::optional<Uuid>& employee) {
    Voucher v;
    v.id = Uuid::generate();
    v.code = GiftCode::fromNumber(code);
    v.kind = VoucherKind::Ride;
    v.value = Money::cents(3100);
    v.party = {2, 1, 0};
    v.buyerName = "Anne Keller";
    v.recipientName = "Zoé Wälti";
    v.message = "Joyeux anniversaire !\nBises";
    v.expiresOn = LocalDate{date::year{2027}, date::month{7}, date::day{14}};
    v.soldAt = at(soldUtc);
    v.paidWith = PaymentMethod::Card;
    v.vat = VoucherVat::SinglePurpose;
    v.vatRateBasisPoints = 1000;
    v.employeeId = employee;
    return v;
}

std::vector<std::string> refsOf(const std::vector<Booking>& bookings) {
    std::vector<std::string> out;
    for (const auto& b : bookings) out.push_back(b.ref.str());
    return out;
}

}  // namespace

TEMPLATE_TEST_CASE("refunds keep how the money went back and who gave it; payments and refunds are found by id",
                   "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Employee lea = clerk();
    const Booking b = booking(w.ill.id, "2026-07-14T08:00:00Z", 1, std::nullopt);
    const Payment paid{Uuid::generate(), b.id, PaymentMethod::Cash, Money::cents(2400), PaymentStatus::Succeeded, "",
                       at("2026-07-14T07:00:00Z")};
    const Refund cash{Uuid::generate(), paid.id, b.id, Money::cents(1200), RefundStatus::Done, "Orage",
                      at("2026-07-14T09:00:00Z"), PaymentMethod::Cash, lea.id};
    const Refund owed{Uuid::generate(), paid.id, b.id, Money::cents(300), RefundStatus::Owed, "Geste",
                      at("2026-07-14T09:30:00Z")};
    store->write([&](StoreWriter& tx) {
        tx.saveEmployee(lea);
        tx.insertBooking(b);
        tx.insertPayment(paid);
        tx.insertRefund(cash);
        tx.insertRefund(owed);
    });

    std::optional<Payment> payment;
    std::optional<Refund> byId, unknown;
    std::vector<Refund> refunds;
    store->read([&](StoreReader& r) {
        payment = r.paymentById(paid.id);
        byId = r.refundById(cash.id);
        unknown = r.refundById(Uuid::generate());
        refunds = r.refundsOfBooking(b.id);
    });
    REQUIRE(payment);
    CHECK(payment->bookingId == b.id);
    CHECK(payment->method == PaymentMethod::Cash);
    CHECK(payment->amount == Money::cents(2400));
    CHECK(payment->createdAt == at("2026-07-14T07:00:00Z"));
    REQUIRE(byId);
    CHECK(byId->paymentId == paid.id);
    CHECK(byId->bookingId == b.id);
    CHECK(byId->amount == Money::cents(1200));
    CHECK(byId->status == RefundStatus::Done);
    CHECK(byId->reason == "Orage");
    CHECK(byId->createdAt == at("2026-07-14T09:00:00Z"));
    CHECK(byId->method == PaymentMethod::Cash);
    CHECK(byId->employeeId == lea.id);
    CHECK_FALSE(unknown);
    REQUIRE(refunds.size() == 2);
    CHECK(refunds[0].id == cash.id);
    CHECK(refunds[0].method == PaymentMethod::Cash);
    CHECK(refunds[1].id == owed.id);
    CHECK_FALSE(refunds[1].method);
    CHECK_FALSE(refunds[1].employeeId);
}

TEMPLATE_TEST_CASE("a booking's history is its audit entries, oldest first", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    store->write([&](StoreWriter& tx) {
        tx.appendAudit({Uuid::generate(), at("2026-07-14T07:00:00Z"), std::nullopt, "booking.sell", "booking", "b-1",
                        "SN-… 2A"});
        tx.appendAudit({Uuid::generate(), at("2026-07-14T07:05:00Z"), std::nullopt, "booking.sell", "booking", "b-2", ""});
        tx.appendAudit({Uuid::generate(), at("2026-07-14T07:10:00Z"), std::nullopt, "booking.board", "booking", "b-1",
                        "on Ill"});
    });
    std::vector<AuditEntry> history;
    store->read([&](StoreReader& r) { history = r.auditOfEntity("b-1"); });
    REQUIRE(history.size() == 2);
    CHECK(history[0].action == "booking.sell");
    CHECK(history[0].details == "SN-… 2A");
    CHECK(history[0].at == at("2026-07-14T07:00:00Z"));
    CHECK(history[1].action == "booking.board");
    CHECK(history[1].entity == "booking");
    CHECK(history[1].entityId == "b-1");
}

TEMPLATE_TEST_CASE("hash chains are appended by seq, read back by seq, time and entity, and a taken seq is refused",
                   "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    std::optional<ChainRecord> emptyTip;
    store->write([&](StoreWriter& tx) {
        emptyTip = tx.lockChain(Chain::Receipt);
        tx.appendChainRecord(record(Chain::Receipt, 1, "2026-07-14T07:00:00Z", "SN-A"));
        tx.appendChainRecord(record(Chain::Receipt, 2, "2026-07-14T08:00:00Z", "SN-B"));
        tx.appendChainRecord(record(Chain::Receipt, 3, "2026-07-15T07:00:00Z", "SN-A"));
        tx.appendChainRecord(record(Chain::Payment, 1, "2026-07-14T07:00:00Z", "p-1"));
    });
    CHECK_FALSE(emptyTip);

    // A taken seq: ConflictError, and the rest of the transaction still lands.
    std::string refusal;
    std::optional<ChainRecord> lockedTip;
    store->write([&](StoreWriter& tx) {
        lockedTip = tx.lockChain(Chain::Receipt);
        try {
            tx.appendChainRecord(record(Chain::Receipt, 2, "2026-07-15T09:00:00Z", "SN-C"));
        } catch (const ConflictError& e) {
            refusal = e.what();
        }
        tx.appendChainRecord(record(Chain::Receipt, 4, "2026-07-15T09:00:00Z", "SN-C"));
    });
    CHECK(refusal == "the receipt chain already has a record #2");
    REQUIRE(lockedTip);
    CHECK(lockedTip->seq == 3);

    std::optional<ChainRecord> tip, closingTip;
    std::vector<ChainRecord> fromTwo, day, ofA, ofNobody;
    store->read([&](StoreReader& r) {
        tip = r.chainTip(Chain::Receipt);
        closingTip = r.chainTip(Chain::Closing);
        fromTwo = r.chainRecords(Chain::Receipt, 2, 2);
        day = r.chainRecordsBetween(Chain::Receipt, at("2026-07-14T07:00:00Z"), at("2026-07-15T07:00:00Z"));
        ofA = r.chainRecordsOfEntity(Chain::Receipt, "SN-A");
        ofNobody = r.chainRecordsOfEntity(Chain::Payment, "SN-A");
    });
    REQUIRE(tip);
    CHECK(tip->chain == Chain::Receipt);
    CHECK(tip->seq == 4);
    CHECK(tip->at == at("2026-07-15T09:00:00Z"));
    CHECK(tip->entityId == "SN-C");
    CHECK(tip->content == "n=4\n");
    CHECK(tip->prevHash == std::string(64, '0'));
    CHECK(tip->hash == std::string(63, 'a') + "4");
    CHECK_FALSE(closingTip);
    REQUIRE(fromTwo.size() == 2);
    CHECK(fromTwo[0].seq == 2);
    CHECK(fromTwo[1].seq == 3);
    REQUIRE(day.size() == 2);   // [from, to): 07:00 on the 15th is out
    CHECK(day[0].seq == 1);
    CHECK(day[1].seq == 2);
    REQUIRE(ofA.size() == 2);
    CHECK(ofA[0].seq == 1);
    CHECK(ofA[1].seq == 3);
    CHECK(ofNobody.empty());
}

TEMPLATE_TEST_CASE("receipt reprints are counted per receipt", "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const Employee lea = clerk();
    store->write([&](StoreWriter& tx) {
        tx.saveEmployee(lea);
        tx.insertReceiptReprint(7, at("2026-07-14T08:00:00Z"), lea.id);
        tx.insertReceiptReprint(7, at("2026-07-14T08:05:00Z"), std::nullopt);
        tx.insertReceiptReprint(8, at("2026-07-14T08:06:00Z"), lea.id);
    });
    int seven = -1, eight = -1, nine = -1;
    store->read([&](StoreReader& r) {
        seven = r.receiptReprints(7);
        eight = r.receiptReprints(8);
        nine = r.receiptReprints(9);
    });
    CHECK(seven == 2);
    CHECK(eight == 1);
    CHECK(nine == 0);
}

TEMPLATE_TEST_CASE("vouchers round-trip, are found by code and id, listed by sale time; a code is unique", "[store]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Employee lea = clerk();
    const Voucher ride = voucher(1234, "2026-07-14T10:00:00Z", lea.id);
    Voucher amount = voucher(99, "2026-07-13T10:00:00Z", std::nullopt);
    amount.kind = VoucherKind::Amount;
    amount.value = Money::cents(5000);
    amount.party = {};
    amount.paidWith = std::nullopt;
    amount.vat = VoucherVat::MultiPurpose;
    amount.vatRateBasisPoints = 2000;
    const Booking paidWith = booking(w.ill.id, "2026-07-20T08:00:00Z", 5, std::nullopt);
    store->write([&](StoreWriter& tx) {
        tx.saveEmployee(lea);
        tx.insertBooking(paidWith);
        tx.insertVoucher(ride);
        tx.insertVoucher(amount);
        tx.insertVoucherMovement({Uuid::generate(), amount.id, at("2026-07-20T07:00:00Z"), VoucherMovementKind::Redeem,
                                  Money::cents(2400), paidWith.id, std::nullopt, lea.id, ""});
        tx.insertVoucherMovement({Uuid::generate(), amount.id, at("2026-07-16T07:00:00Z"), VoucherMovementKind::Extend,
                                  Money::cents(0), std::nullopt, LocalDate{date::year{2027}, date::month{12}, date::day{31}},
                                  std::nullopt, "geste commercial"});
    });

    Voucher copy = voucher(1234, "2026-07-14T11:00:00Z", std::nullopt);
    std::string refusal;
    bool stillUsable = false;
    store->write([&](StoreWriter& tx) {
        try {
            tx.insertVoucher(copy);
        } catch (const ConflictError& e) {
            refusal = e.what();
        }
        stillUsable = tx.voucherById(ride.id).has_value();
    });
    CHECK(refusal == "voucher code " + ride.code.str() + " already exists");
    CHECK(stillUsable);

    std::optional<Voucher> byCode, byId, none;
    std::vector<Voucher> sold, july14;
    std::vector<VoucherMovement> movements;
    store->read([&](StoreReader& r) {
        byCode = r.voucherByCode(GiftCode::fromNumber(1234));
        byId = r.voucherById(amount.id);
        none = r.voucherByCode(GiftCode::fromNumber(4321));
        sold = r.vouchersSold(at("2026-07-01T00:00:00Z"), at("2026-08-01T00:00:00Z"));
        july14 = r.vouchersSold(at("2026-07-14T00:00:00Z"), at("2026-07-14T10:00:00Z"));
        movements = r.voucherMovements(amount.id);
    });
    REQUIRE(byCode);
    CHECK(byCode->id == ride.id);
    CHECK(byCode->code == ride.code);
    CHECK(byCode->kind == VoucherKind::Ride);
    CHECK(byCode->value == Money::cents(3100));
    CHECK(byCode->party == Party{2, 1, 0});
    CHECK(byCode->buyerName == "Anne Keller");
    CHECK(byCode->recipientName == "Zoé Wälti");
    CHECK(byCode->message == "Joyeux anniversaire !\nBises");
    CHECK(byCode->expiresOn == LocalDate{date::year{2027}, date::month{7}, date::day{14}});
    CHECK(byCode->soldAt == at("2026-07-14T10:00:00Z"));
    CHECK(byCode->paidWith == PaymentMethod::Card);
    CHECK(byCode->vat == VoucherVat::SinglePurpose);
    CHECK(byCode->vatRateBasisPoints == 1000);
    CHECK(byCode->employeeId == lea.id);
    REQUIRE(byId);
    CHECK(byId->kind == VoucherKind::Amount);
    CHECK(byId->value == Money::cents(5000));
    CHECK_FALSE(byId->paidWith);
    CHECK(byId->vat == VoucherVat::MultiPurpose);
    CHECK(byId->vatRateBasisPoints == 2000);
    CHECK_FALSE(byId->employeeId);
    CHECK_FALSE(none);
    REQUIRE(sold.size() == 2);
    CHECK(sold[0].id == amount.id);
    CHECK(sold[1].id == ride.id);
    CHECK(july14.empty());   // [from, to): 10:00 is out
    REQUIRE(movements.size() == 2);
    CHECK(movements[0].kind == VoucherMovementKind::Extend);
    CHECK(movements[0].amount == Money::cents(0));
    CHECK(movements[0].newExpiry == LocalDate{date::year{2027}, date::month{12}, date::day{31}});
    CHECK_FALSE(movements[0].bookingId);
    CHECK_FALSE(movements[0].employeeId);
    CHECK(movements[0].note == "geste commercial");
    CHECK(movements[1].kind == VoucherMovementKind::Redeem);
    CHECK(movements[1].voucherId == amount.id);
    CHECK(movements[1].at == at("2026-07-20T07:00:00Z"));
    CHECK(movements[1].amount == Money::cents(2400));
    CHECK(movements[1].bookingId == paidWith.id);
    CHECK_FALSE(movements[1].newExpiry);
    CHECK(movements[1].employeeId == lea.id);
}

TEMPLATE_TEST_CASE("a desk has one open cash session at a time; closing it sets its closing number", "[store]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const Employee lea = clerk();
    CashSession morning{Uuid::generate(), "DESK-1", at("2026-07-14T06:30:00Z"), lea.id, Money::cents(15000),
                        CashCount::parse("50x2,20x2,10x1", "float"), std::nullopt, std::nullopt};
    store->write([&](StoreWriter& tx) {
        tx.saveEmployee(lea);
        tx.saveCashSession(morning);
        tx.saveCashSession(morning);   // saved again as it is: nothing changes
        tx.insertCashMovement({Uuid::generate(), morning.id, at("2026-07-14T15:00:00Z"), Money::cents(-20000),
                               "Dépôt banque", true, lea.id});
        tx.insertCashMovement({Uuid::generate(), morning.id, at("2026-07-14T09:00:00Z"), Money::cents(3000),
                               "Monnaie", false, std::nullopt});
    });

    const CashSession second{Uuid::generate(), "DESK-1", at("2026-07-14T07:00:00Z"), std::nullopt, Money::cents(0), {},
                             std::nullopt, std::nullopt};
    std::string refusal;
    try {
        store->write([&](StoreWriter& tx) { tx.saveCashSession(second); });
    } catch (const ConflictError& e) {
        refusal = e.what();
    }
    CHECK(refusal == "the desk DESK-1 already has an open cash session");
    const CashSession otherDesk{Uuid::generate(), "DESK-2", at("2026-07-14T07:00:00Z"), std::nullopt, Money::cents(0),
                                {}, std::nullopt, std::nullopt};
    store->write([&](StoreWriter& tx) { tx.saveCashSession(otherDesk); });

    std::optional<CashSession> open, none;
    std::vector<CashMovement> movements;
    store->read([&](StoreReader& r) {
        open = r.openCashSession("DESK-1");
        none = r.openCashSession("DESK-3");
        movements = r.cashMovements(morning.id);
    });
    REQUIRE(open);
    CHECK(open->id == morning.id);
    CHECK(open->desk == "DESK-1");
    CHECK(open->openedAt == at("2026-07-14T06:30:00Z"));
    CHECK(open->openedBy == lea.id);
    CHECK(open->openingFloat == Money::cents(15000));
    CHECK(open->openingCount.str() == "50x2,20x2,10x1");
    CHECK_FALSE(open->closedAt);
    CHECK_FALSE(open->closingNumber);
    CHECK_FALSE(none);
    REQUIRE(movements.size() == 2);
    CHECK(movements[0].reason == "Monnaie");
    CHECK(movements[0].amount == Money::cents(3000));
    CHECK_FALSE(movements[0].bankDeposit);
    CHECK_FALSE(movements[0].employeeId);
    CHECK(movements[1].sessionId == morning.id);
    CHECK(movements[1].at == at("2026-07-14T15:00:00Z"));
    CHECK(movements[1].amount == Money::cents(-20000));
    CHECK(movements[1].reason == "Dépôt banque");
    CHECK(movements[1].bankDeposit);
    CHECK(movements[1].employeeId == lea.id);

    // The closing closes it; the desk may then open a new one.
    morning.closedAt = at("2026-07-14T17:00:00Z");
    morning.closingNumber = 12;
    store->write([&](StoreWriter& tx) { tx.saveCashSession(morning); });
    store->read([&](StoreReader& r) { open = r.openCashSession("DESK-1"); });
    CHECK_FALSE(open);
    CashSession closedAgain = morning;
    closedAgain.closingNumber = 13;
    refusal.clear();
    try {
        store->write([&](StoreWriter& tx) { tx.saveCashSession(closedAgain); });
    } catch (const ConflictError& e) {
        refusal = e.what();
    }
    CHECK(refusal == "the cash session was already closed by closing #12");
    store->write([&](StoreWriter& tx) { tx.saveCashSession(second); });
    store->read([&](StoreReader& r) { open = r.openCashSession("DESK-1"); });
    REQUIRE(open);
    CHECK(open->id == second.id);
    CHECK(open->openingCount == CashCount{});
}

TEMPLATE_TEST_CASE("the database itself refuses to edit or delete the desk's records", "[store]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    {
        auto store = engine.open();
        const Voucher v = voucher(1, "2026-07-14T10:00:00Z", std::nullopt);
        const CashSession s{Uuid::generate(), "DESK-1", at("2026-07-14T06:30:00Z"), std::nullopt, Money::cents(100),
                            {}, std::nullopt, std::nullopt};
        store->write([&](StoreWriter& tx) {
            tx.appendChainRecord(record(Chain::Event, 1, "2026-07-14T06:00:00Z", "sign_in"));
            tx.insertReceiptReprint(1, at("2026-07-14T08:00:00Z"), std::nullopt);
            tx.insertVoucher(v);
            tx.insertVoucherMovement({Uuid::generate(), v.id, at("2026-07-14T11:00:00Z"), VoucherMovementKind::Extend,
                                      Money::cents(0), std::nullopt, std::nullopt, std::nullopt, ""});
            tx.saveCashSession(s);
            tx.insertCashMovement({Uuid::generate(), s.id, at("2026-07-14T09:00:00Z"), Money::cents(500), "Monnaie",
                                   false, std::nullopt});
        });
    }
    CHECK(says(engine.rawError("UPDATE chain_records SET content = 'x'"), "chain records are never edited"));
    CHECK(says(engine.rawError("DELETE FROM chain_records"), "chain records are never deleted"));
    CHECK(says(engine.rawError("UPDATE receipt_reprints SET receipt_number = 2"), "receipt reprints are never edited"));
    CHECK(says(engine.rawError("DELETE FROM receipt_reprints"), "receipt reprints are never deleted"));
    CHECK(says(engine.rawError("UPDATE vouchers SET value_cents = 1"), "vouchers are never edited; record a movement"));
    CHECK(says(engine.rawError("DELETE FROM vouchers"), "vouchers are never deleted"));
    CHECK(says(engine.rawError("UPDATE voucher_movements SET amount_cents = 1"), "voucher movements are never edited"));
    CHECK(says(engine.rawError("DELETE FROM voucher_movements"), "voucher movements are never deleted"));
    CHECK(says(engine.rawError("UPDATE cash_movements SET amount_cents = 1"), "cash movements are never edited"));
    CHECK(says(engine.rawError("DELETE FROM cash_movements"), "cash movements are never deleted"));
    CHECK(says(engine.rawError("UPDATE cash_sessions SET opening_float_cents = 1"),
               "a cash session is only ever closed, once"));
    CHECK(says(engine.rawError("DELETE FROM cash_sessions"), "cash sessions are never deleted"));
    CHECK(says(engine.rawError("INSERT INTO chain_records (chain, seq, at, entity_id, content, prev_hash, hash) "
                                "VALUES ('event', 1, '2026-07-14T06:00:00Z', 'x', 'x', 'x', 'x')"),
               "chain_records"));
    // The closing is the one change allowed, once.
    CHECK(engine.rawError("UPDATE cash_sessions SET closed_at = '2026-07-14T17:00:00Z', closing_number = 1") == "");
    CHECK(says(engine.rawError("UPDATE cash_sessions SET closing_number = 2"), "a cash session is only ever closed, once"));
    auto store = engine.open();
    CHECK(store->check().empty());
}

TEMPLATE_TEST_CASE("the desk finds bookings by reference start, name, phone or e-mail, nearest departure first",
                   "[store]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    const Customer zoe{Uuid::generate(), "Zoé Wälti", "zoe.walti@example.ch", "+41 79 123 45 67", "de"};
    const Customer marc{Uuid::generate(), "Marc Dupont", "marc@exemple.fr", "06 12 34 56 78", "fr"};
    const Customer percent{Uuid::generate(), "100% Fun_Tours", "", "", "en"};
    const Booking zoeEarly = booking(w.ill.id, "2026-07-10T08:00:00Z", 1000, zoe.id, BookingState::Cancelled);
    const Booking zoeLate = booking(w.ill.id, "2026-07-20T08:00:00Z", 1001, zoe.id, BookingState::Completed);
    const Booking zoeSameDay = booking(w.lauch.id, "2026-07-14T09:00:00Z", 1002, zoe.id, BookingState::Pending);
    const Booking marcs = booking(w.ill.id, "2026-07-14T08:00:00Z", 2000, marc.id);
    const Booking anonymous = booking(w.ill.id, "2026-07-15T08:00:00Z", 3000, std::nullopt, BookingState::Expired);
    const Booking tours = booking(w.ill.id, "2026-07-16T08:00:00Z", 4000, percent.id);
    store->write([&](StoreWriter& tx) {
        for (const auto& c : {zoe, marc, percent}) tx.saveCustomer(c);
        for (const auto& b : {zoeEarly, zoeLate, zoeSameDay, marcs, anonymous, tours}) tx.insertBooking(b);
    });
    const Instant around = at("2026-07-14T08:30:00Z");
    auto search = [&](std::string_view text, int limit = 10) {
        std::vector<Booking> found;
        store->read([&](StoreReader& r) { found = r.searchBookings(text, around, limit); });
        return found;
    };

    // By name, case-insensitive, accents as typed; every state; nearest departure first.
    const auto byName = search("zoé wä");
    CHECK(refsOf(byName) == std::vector<std::string>{zoeSameDay.ref.str(), zoeEarly.ref.str(), zoeLate.ref.str()});
    REQUIRE(byName.size() == 3);
    CHECK(byName[0].customerName == "Zoé Wälti");
    CHECK(byName[0].state == BookingState::Pending);
    CHECK(byName[0].id == zoeSameDay.id);
    CHECK(refsOf(search("ZOE.WALTI")) ==
          std::vector<std::string>{zoeSameDay.ref.str(), zoeEarly.ref.str(), zoeLate.ref.str()});
    CHECK(refsOf(search("DUPONT")) == std::vector<std::string>{marcs.ref.str()});
    CHECK(refsOf(search("zoé", 2)) == std::vector<std::string>{zoeSameDay.ref.str(), zoeEarly.ref.str()});
    // By e-mail and by phone (spaces and dots ignored).
    CHECK(refsOf(search("MARC@exemple")) == std::vector<std::string>{marcs.ref.str()});
    CHECK(refsOf(search("0612 34")) == std::vector<std::string>{marcs.ref.str()});
    CHECK(refsOf(search("79.123.45")).size() == 3);
    // By the start of the reference: any case, with or without "SN-", spaces and hyphens ignored.
    const std::string anonymousRef = anonymous.ref.str();   // "SN-" + 8 characters
    CHECK(refsOf(search(anonymousRef)) == std::vector<std::string>{anonymousRef});
    std::string typed = anonymousRef.substr(3, 5);
    for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(refsOf(search("sn " + typed)) == std::vector<std::string>{anonymousRef});
    CHECK(refsOf(search(anonymousRef.substr(3, 4) + "-" + anonymousRef.substr(7, 4))) ==
          std::vector<std::string>{anonymousRef});
    // LIKE's wildcards are literal text.
    CHECK(refsOf(search("100%")) == std::vector<std::string>{tours.ref.str()});
    CHECK(refsOf(search("mar_")).empty());
    CHECK(refsOf(search("fun_t")) == std::vector<std::string>{tours.ref.str()});
    CHECK(search("nobody").empty());
    CHECK(search("   ").empty());
}

TEST_CASE("two desks appending to one chain at once each take the next seq, without a conflict", "[pg]") {
    PgEngine engine;
    engine.open();
    constexpr int kPerDesk = 50;
    std::latch ready(2);
    std::array<std::string, 2> errors;
    {
        std::vector<std::jthread> desks;
        for (int d = 0; d < 2; ++d)
            desks.emplace_back([&, d] {
                data::PgStore store(engine.location());
                ready.arrive_and_wait();
                for (int i = 0; i < kPerDesk; ++i) {
                    try {
                        store.write([&](StoreWriter& tx) {
                            const auto tip = tx.lockChain(Chain::Receipt);
                            const std::int64_t seq = tip ? tip->seq + 1 : 1;
                            tx.appendChainRecord({Chain::Receipt, seq, at("2026-07-14T08:00:00Z"),
                                                  "desk-" + std::to_string(d), "n=" + std::to_string(seq) + "\n",
                                                  tip ? tip->hash : std::string(64, '0'), std::to_string(seq)});
                        });
                    } catch (const std::exception& e) {
                        errors[d] = e.what();
                    }
                }
            });
    }
    CHECK(errors[0].empty());
    CHECK(errors[1].empty());
    std::vector<ChainRecord> all;
    auto store = engine.open();
    store->read([&](StoreReader& r) { all = r.chainRecords(Chain::Receipt, 1, 1000); });
    REQUIRE(all.size() == 2 * kPerDesk);
    for (std::size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i].seq == static_cast<std::int64_t>(i + 1));
        if (i > 0) CHECK(all[i].prevHash == all[i - 1].hash);
    }
}

// Not a check: how long the desk's search takes on a season of 200,000 bookings (run it by name).
TEST_CASE("timing: the desk's search on 200,000 bookings", "[.timing][sqlite]") {
    SqliteEngine engine;
    auto store = engine.open();
    const World w = seedWorld(*store);
    constexpr int kBookings = 200000;
    const char* surnames[] = {"Muller", "Schmitt", "Meyer", "Weber", "Dupont", "Keller", "Wälti", "Fischer"};
    store->write([&](StoreWriter& tx) {
        for (int i = 0; i < kBookings; ++i) {
            const Customer c{Uuid::generate(), std::string(surnames[i % 8]) + " " + std::to_string(i),
                             "client" + std::to_string(i) + "@example.fr", "06 " + std::to_string(10000000 + i), "fr"};
            tx.saveCustomer(c);
            Booking b = booking(w.ill.id, "2026-04-01T08:00:00Z", 100000 + static_cast<std::uint64_t>(i), c.id);
            b.departureStart += std::chrono::minutes{30 * (i % 9000)};
            b.createdAt = b.departureStart - std::chrono::hours{24};
            tx.insertBooking(b);
        }
    });
    const Instant around = at("2026-07-14T08:00:00Z");
    for (const char* text : {"SN-0003", "0003D", "dupont 1234", "client123456@", "06 1012 3456", "keller", "zz"}) {
        const auto start = std::chrono::steady_clock::now();
        std::size_t found = 0;
        constexpr int kRuns = 5;
        for (int run = 0; run < kRuns; ++run)
            store->read([&](StoreReader& r) { found = r.searchBookings(text, around, 20).size(); });
        const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / kRuns;
        std::cout << "search \"" << text << "\": " << found << " found, " << ms << " ms\n";
    }
}
