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
