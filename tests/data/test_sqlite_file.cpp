// What the embedded store does with files it must not touch: damaged ones and newer schemas.
#include "app/sales.h"
#include "app/store_factory.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/world.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <fstream>
#include <iterator>

using namespace narcisse;
using namespace narcisse::test;

namespace {

std::string contentOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The error SQLite gives for `sql`, or "" when it ran.
std::string rawError(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    sqlite3_exec(db, sql, nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
}

void execRaw(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(message.empty());
    REQUIRE(rc == SQLITE_OK);
}

std::string openError(const std::string& location) {
    try {
        app::openStore(location);
    } catch (const domain::StoreUnavailable& e) {
        return e.what();
    }
    return "(opened)";
}

}  // namespace

TEST_CASE("a file that is not a database is reported as damaged and left untouched", "[sqlite]") {
    TempDir dir;
    const std::string path = dir.file("narcisse.db");
    {
        std::ofstream out(path, std::ios::binary);
        out << std::string(8192, 'x');
    }
    const std::string before = contentOf(path);
    const std::string error = openError(path);
    CHECK(error.find("is damaged") != std::string::npos);
    CHECK(error.find(path) != std::string::npos);
    CHECK(error.find("left untouched") != std::string::npos);
    CHECK(contentOf(path) == before);
}

TEST_CASE("a database written by a newer program is refused without a change", "[sqlite]") {
    TempDir dir;
    const std::string path = dir.file("narcisse.db");
    int latest = 0;
    {
        auto store = app::openStore(path);
        latest = store->latestSchemaVersion();
    }
    execRaw(path, "PRAGMA journal_mode = DELETE; INSERT INTO schema_migrations (version, name) VALUES (999, '999_future.sql')");
    const std::string before = contentOf(path);
    CHECK(openError(path) == "the database " + path + " has schema version 999, newer than this program (" +
                                 std::to_string(latest) + "): update the program; the database was left untouched");
    CHECK(contentOf(path) == before);
}

TEST_CASE("an embedded database is created with its folder on first open", "[sqlite]") {
    TempDir dir;
    const std::string path = dir.file("deep/er/narcisse.db");
    auto store = app::openStore(path);
    CHECK(store->describe() == "embedded: " + path);
    CHECK(store->schemaVersion() == store->latestSchemaVersion());
}

TEST_CASE("a database with bookings reopens and passes its integrity check", "[sqlite]") {
    TempDir dir;
    const std::string path = dir.file("narcisse.db");
    {
        auto store = app::openStore(path);
        seedWorld(*store);
        const domain::FixedClock clock(at("2026-07-14T06:00:00Z"));
        app::SaleRequest sale;
        sale.date = bastilleDay();
        sale.time = domain::Minutes{600};
        sale.party = {2, 1, 0};
        sale.payment = domain::PaymentMethod::Card;
        sale.customer = domain::Customer{domain::Uuid::generate(), "Zoé Wälti", "", "", "fr"};
        app::sellRide(*store, clock, sale);
        app::sellRide(*store, clock, sale);
    }
    auto reopened = app::openStore(path);   // runs quick_check on the existing file
    CHECK(reopened->check().empty());
    std::int64_t count = 0;
    reopened->read([&](domain::StoreReader& r) { count = r.bookingCount(); });
    CHECK(count == 2);
}

TEST_CASE("the embedded database itself refuses to edit or delete money and the audit trail", "[sqlite]") {
    TempDir dir;
    const std::string path = dir.file("narcisse.db");
    {
        auto store = app::openStore(path);
        seedWorld(*store);
        openDrawer(*store);
        const domain::FixedClock clock(at("2026-07-14T06:00:00Z"));
        app::SaleRequest sale;
        sale.date = bastilleDay();
        sale.time = domain::Minutes{600};
        sale.party = {2, 0, 0};
        sale.payment = domain::PaymentMethod::Cash;
        const auto sold = app::sellRide(*store, clock, sale);
        store->write([&](domain::StoreWriter& tx) {
            const auto payments = tx.paymentsOfBooking(sold.booking.id);
            tx.insertRefund({domain::Uuid::generate(), payments.at(0).id, sold.booking.id, domain::Money::cents(2400),
                             domain::RefundStatus::Owed, "Orage", clock.now()});
        });
    }
    CHECK(rawError(path, "UPDATE payments SET amount_cents = 1") == "payments are never edited; record a counter-entry");
    CHECK(rawError(path, "DELETE FROM payments") == "payments are never deleted; record a refund");
    CHECK(rawError(path, "DELETE FROM refunds") == "refunds are never deleted");
    CHECK(rawError(path, "UPDATE refunds SET amount_cents = 1") ==
          "refunds are never edited; only an owed refund may be marked done");
    CHECK(rawError(path, "UPDATE audit_log SET details = 'nothing happened'") == "the audit log is append-only");
    CHECK(rawError(path, "DELETE FROM audit_log") == "the audit log is append-only");
    // Paying out an owed refund is the one change allowed, once.
    CHECK(rawError(path, "UPDATE refunds SET status = 'DONE'") == "");
    CHECK(rawError(path, "UPDATE refunds SET status = 'OWED'") ==
          "refunds are never edited; only an owed refund may be marked done");
}
