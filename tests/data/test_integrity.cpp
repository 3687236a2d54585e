// "Verify integrity" on both engines: a sound store passes with its counts; a receipt, a closing or a
// payment altered directly in the database (its append-only trigger dropped first) is named, and the
// failure lands in the technical event journal.
#include "app/cash_drawer.h"
#include "app/desk.h"
#include "app/integrity.h"
#include "app/vouchers.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>
#include <pqxx/pqxx>
#include <sqlite3.h>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

// What a person with the database file or a superuser login could do behind the program's back.
void tamper(const SqliteEngine& engine, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(engine.location().c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    INFO(message);
    REQUIRE(rc == SQLITE_OK);
}

void tamper(const PgEngine& engine, const std::string& sql) {
    pqxx::connection c(engine.location());
    pqxx::work tx(c);
    tx.exec(sql);
    tx.commit();
}

// The same alteration in each engine's dialect.
std::string alterReceipt(bool pg, int seq) {
    return std::string(pg ? "DROP TRIGGER IF EXISTS chain_records_no_update ON chain_records;"
                          : "DROP TRIGGER IF EXISTS chain_records_no_update;") +
           "UPDATE chain_records SET content = replace(content, 'total=12.00 EUR', 'total=1.20 EUR') "
           "WHERE chain = 'receipt' AND seq = " +
           std::to_string(seq) + ";";
}

std::string alterClosing(bool pg) {
    return std::string(pg ? "DROP TRIGGER IF EXISTS chain_records_no_update ON chain_records;"
                          : "DROP TRIGGER IF EXISTS chain_records_no_update;") +
           "UPDATE chain_records SET content = replace(content, 'period_total=63.00 EUR', 'period_total=60.00 EUR') "
           "WHERE chain = 'closing' AND seq = 1;";
}

std::string alterPayment(bool pg, int seq) {
    return std::string(pg ? "DROP TRIGGER IF EXISTS payments_no_update ON payments;"
                            "UPDATE payments SET amount_cents = amount_cents - 100 WHERE id = "
                            "(SELECT entity_id::uuid FROM chain_records WHERE chain = 'payment' AND seq = "
                          : "DROP TRIGGER IF EXISTS payments_no_update;"
                            "UPDATE payments SET amount_cents = amount_cents - 100 WHERE id = "
                            "(SELECT entity_id FROM chain_records WHERE chain = 'payment' AND seq = ") +
           std::to_string(seq) + ");";
}

template <typename Engine>
constexpr bool isPg() {
    return std::is_same_v<Engine, PgEngine>;
}

app::DeskSaleResult deskSale(Store& store, const Clock& clock, const char* time, Party party, PaymentMethod method,
                             std::int64_t cents) {
    app::DeskSaleRequest r;
    r.sale.date = bastilleDay();
    r.sale.time = parseWallTime(time, "time");
    r.sale.party = party;
    r.tenders = {{method, Money::cents(cents), Money::cents(0), ""}};
    return app::sellAtDesk(store, clock, r);
}

// Receipts 1–3 (a voucher, a cash sale of 31.00, a card sale of 12.00), payments 1–2, closing 1.
void busyDay(Store& store, FixedClock& clock) {
    clock.set(at("2026-07-14T06:00:00Z"));
    app::VoucherSaleRequest v;
    v.value = Money::cents(2000);
    v.paidWith = PaymentMethod::Card;
    app::sellVoucher(store, clock, v);
    deskSale(store, clock, "10:00", {2, 1, 0}, PaymentMethod::Cash, 3100);
    deskSale(store, clock, "10:30", {1, 0, 0}, PaymentMethod::Card, 1200);
    clock.set(at("2026-07-14T18:00:00Z"));
    app::CloseDayRequest close;
    close.date = bastilleDay();
    close.counted = CashCount::parse("20x1,10x1,1x1", "count");   // the cash sale
    app::closeDay(store, clock, close);
}

std::int64_t countOf(const app::IntegrityReport& report, Chain chain) {
    for (const auto& c : report.chains)
        if (c.chain == chain) return c.records;
    return -1;
}

}  // namespace

TEMPLATE_TEST_CASE("a sound store passes verification with its counts, and the check is journalled", "[integrity]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));

    // An empty store is sound.
    auto report = app::verifyIntegrity(*store, clock, std::nullopt);
    CHECK(report.ok());
    CHECK(report.chains.size() == 5);

    openDrawer(*store);
    busyDay(*store, clock);
    report = app::verifyIntegrity(*store, clock, std::nullopt);
    CHECK(report.ok());
    REQUIRE(report.chains.size() == 5);
    CHECK(countOf(report, Chain::Receipt) == 3);
    CHECK(countOf(report, Chain::Payment) == 2);
    CHECK(countOf(report, Chain::Refund) == 0);
    CHECK(countOf(report, Chain::Closing) == 1);
    CHECK(countOf(report, Chain::Event) == 3);   // the first check, the drawer's opening, the closing

    const auto events = app::technicalEvents(*store);
    REQUIRE(events.size() == 4);
    CHECK(events[0].kind == EventKind::IntegrityCheck);
    CHECK(events[0].number == 4);
    CHECK(events[0].details == "every chain sound: receipt 3, payment 2, refund 0, closing 1, event 3");
    CHECK(events[1].kind == EventKind::Closing);
    CHECK(events[2].kind == EventKind::CashSessionOpened);
    CHECK(events[3].kind == EventKind::IntegrityCheck);
    CHECK(events[3].details == "every chain sound: receipt 0, payment 0, refund 0, closing 0, event 0");
}

TEMPLATE_TEST_CASE("a receipt altered in the database is named as the first broken record", "[integrity]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    busyDay(*store, clock);

    // Without dropping the trigger, the database refuses the change.
    if constexpr (isPg<TestType>()) {
        CHECK_THROWS(tamper(engine, "UPDATE chain_records SET content = '' WHERE chain = 'receipt' AND seq = 3"));
    } else {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(engine.location().c_str(), &db) == SQLITE_OK);
        CHECK(sqlite3_exec(db, "UPDATE chain_records SET content = '' WHERE chain = 'receipt' AND seq = 3", nullptr,
                           nullptr, nullptr) != SQLITE_OK);
        sqlite3_close(db);
    }

    tamper(engine, alterReceipt(isPg<TestType>(), 3));   // the card sale of 12.00 now says 1.20
    const auto report = app::verifyIntegrity(*store, clock, std::nullopt);
    REQUIRE_FALSE(report.ok());
    CHECK(report.firstProblem->chain == Chain::Receipt);
    CHECK(report.firstProblem->seq == 3);
    CHECK(report.firstProblem->describe().rfind("receipt #3 (SN-", 0) == 0);
    CHECK(report.firstProblem->what == "hash does not match its content");
    CHECK(countOf(report, Chain::Receipt) == 2);   // the sound ones before it
    CHECK(report.chains.size() == 1);              // stops at the first problem

    const auto events = app::technicalEvents(*store, 1);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == EventKind::IntegrityFailure);
    CHECK(events[0].details == report.firstProblem->describe());
}

TEMPLATE_TEST_CASE("a closing altered in the database is named", "[integrity]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    busyDay(*store, clock);

    tamper(engine, alterClosing(isPg<TestType>()));
    const auto report = app::verifyIntegrity(*store, clock, std::nullopt);
    REQUIRE_FALSE(report.ok());
    CHECK(report.firstProblem->describe() == "closing #1 (day 2026-07-14): hash does not match its content");
    CHECK(countOf(report, Chain::Receipt) == 3);
    CHECK(countOf(report, Chain::Payment) == 2);
    CHECK(app::technicalEvents(*store, 1).at(0).kind == EventKind::IntegrityFailure);
}

TEMPLATE_TEST_CASE("a payment row altered after it was sealed is named", "[integrity]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    openDrawer(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    busyDay(*store, clock);

    std::string paymentId;
    store->read([&](StoreReader& r) { paymentId = r.chainRecords(Chain::Payment, 2, 1).at(0).entityId; });
    tamper(engine, alterPayment(isPg<TestType>(), 2));

    const auto report = app::verifyIntegrity(*store, clock, std::nullopt);
    REQUIRE_FALSE(report.ok());
    CHECK(report.firstProblem->chain == Chain::Payment);
    CHECK(report.firstProblem->seq == 2);
    CHECK(report.firstProblem->describe() ==
          "payment #2 (" + paymentId + "): the sealed row was altered after it was sealed");
    CHECK(countOf(report, Chain::Receipt) == 3);
    CHECK(countOf(report, Chain::Payment) == 1);

    const auto events = app::technicalEvents(*store, 1);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == EventKind::IntegrityFailure);
    CHECK(events[0].details == report.firstProblem->describe());
}

TEMPLATE_TEST_CASE("the event journal reads newest first within its limit", "[integrity]", SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    seedWorld(*store);
    FixedClock clock(at("2026-07-14T06:00:00Z"));
    CHECK(app::technicalEvents(*store).empty());
    for (int i = 0; i < 4; ++i) app::verifyIntegrity(*store, clock, std::nullopt);
    const auto events = app::technicalEvents(*store, 3);
    REQUIRE(events.size() == 3);
    CHECK(events[0].number == 4);
    CHECK(events[2].number == 2);
    CHECK(events[0].details == "every chain sound: receipt 0, payment 0, refund 0, closing 0, event 3");
    CHECK(app::technicalEvents(*store, 0).empty());
}
