// A shared database written by a newer program is refused by every desk, and left as it was.
#include "app/store_factory.h"
#include "domain/errors.h"
#include "support/engines.h"

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

using namespace narcisse;
using namespace narcisse::test;

namespace {

// A fingerprint of what a migration could change: the tables, their columns, the recorded versions.
std::string schemaFingerprint(const std::string& location) {
    pqxx::connection c(location);
    pqxx::read_transaction tx(c);
    std::string out;
    for (const auto& row : tx.exec(R"(SELECT table_name || '.' || column_name FROM information_schema.columns
                                       WHERE table_schema = 'public' ORDER BY 1)"))
        out += row[0].as<std::string>() + "\n";
    for (const auto& row : tx.exec("SELECT version || ' ' || name FROM schema_migrations ORDER BY version"))
        out += row[0].as<std::string>() + "\n";
    return out;
}

}  // namespace

TEST_CASE("a PostgreSQL database with a newer schema is refused and not changed", "[pg]") {
    PgEngine engine;
    int latest = 0;
    {
        auto store = engine.open();
        latest = store->latestSchemaVersion();
    }
    {
        pqxx::connection c(engine.location());
        pqxx::work tx(c);
        tx.exec_params("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", 999, "999_future.sql");
        tx.commit();
    }
    const std::string before = schemaFingerprint(engine.location());
    std::string error = "(opened)";
    try {
        app::openStore(engine.location());
    } catch (const domain::StoreUnavailable& e) {
        error = e.what();
    }
    CHECK(error.find("the database schema is version 999, newer than this program (" + std::to_string(latest) + ")") !=
          std::string::npos);
    CHECK(schemaFingerprint(engine.location()) == before);
}

TEST_CASE("the shared database itself refuses to edit or delete money and the audit trail", "[pg]") {
    PgEngine engine;
    engine.open();   // migrated
    pqxx::connection c(engine.location());
    {
        pqxx::work tx(c);
        tx.exec(R"(
            INSERT INTO boats (id, name, capacity, status, colour) VALUES
                ('00000000-0000-7000-8000-000000000001', 'Ill', 12, 'IN_SERVICE', '#000000');
            INSERT INTO bookings (id, ref, boat_id, departure_start, departure_end, adults, children, babies,
                                  language, channel, state, total_cents, created_at) VALUES
                ('00000000-0000-7000-8000-000000000002', 'SN-0000001Y', '00000000-0000-7000-8000-000000000001',
                 '2026-07-14T08:00:00Z', '2026-07-14T08:45:00Z', 2, 0, 0, 'fr', 'DESK', 'CONFIRMED', 2400,
                 '2026-07-01T08:00:00Z');
            INSERT INTO payments (id, booking_id, method, amount_cents, status, created_at) VALUES
                ('00000000-0000-7000-8000-000000000003', '00000000-0000-7000-8000-000000000002', 'CASH', 2400,
                 'SUCCEEDED', '2026-07-01T08:00:00Z');
            INSERT INTO refunds (id, payment_id, booking_id, amount_cents, status, created_at) VALUES
                ('00000000-0000-7000-8000-000000000004', '00000000-0000-7000-8000-000000000003',
                 '00000000-0000-7000-8000-000000000002', 2400, 'OWED', '2026-07-02T08:00:00Z');
            INSERT INTO audit_log (id, at, action, entity, entity_id) VALUES
                ('00000000-0000-7000-8000-000000000005', '2026-07-01T08:00:00Z', 'booking.sell', 'booking', 'x');
        )");
        tx.commit();
    }
    auto refusal = [&](const char* sql) -> std::string {
        try {
            pqxx::work tx(c);
            tx.exec(sql);
            tx.commit();
        } catch (const pqxx::sql_error& e) {
            return e.what();
        }
        return "";
    };
    auto says = [](const std::string& error, const std::string& expected) {
        INFO(error);
        return error.find(expected) != std::string::npos;
    };
    CHECK(says(refusal("UPDATE payments SET amount_cents = 1"), "payments are never edited"));
    CHECK(says(refusal("DELETE FROM payments"), "payments are never deleted"));
    CHECK(says(refusal("TRUNCATE payments CASCADE"), "payments are never deleted"));
    CHECK(says(refusal("DELETE FROM refunds"), "refunds are never deleted"));
    CHECK(says(refusal("UPDATE refunds SET amount_cents = 1"), "only an owed refund may be marked done"));
    CHECK(says(refusal("UPDATE audit_log SET details = 'nothing happened'"), "the audit log is append-only"));
    CHECK(says(refusal("DELETE FROM audit_log"), "the audit log is append-only"));
    CHECK(refusal("UPDATE refunds SET status = 'DONE'").empty());
    CHECK(says(refusal("UPDATE refunds SET status = 'OWED'"), "only an owed refund may be marked done"));
}
