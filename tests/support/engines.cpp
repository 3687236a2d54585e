#include "support/engines.h"

#include "app/store_factory.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <pqxx/pqxx>

#include <random>

namespace narcisse::test {

TempDir::TempDir() {
    std::random_device rd;
    const auto base = std::filesystem::temp_directory_path();
    for (;;) {
        auto candidate = base / ("narcisse-test-" + std::to_string(rd()));
        if (std::filesystem::create_directory(candidate)) {
            m_path = candidate;
            break;
        }
    }
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

SqliteEngine::SqliteEngine() : m_location(m_dir.file("narcisse.db")) {}

std::unique_ptr<domain::Store> SqliteEngine::open() const { return app::openStore(m_location); }

std::string SqliteEngine::rawError(const char* sql) const {
    try {
        SQLite::Database db(m_location, SQLite::OPEN_READWRITE);
        db.exec(sql);
    } catch (const SQLite::Exception& e) {
        return e.what();
    }
    return "";
}

PgEngine::PgEngine() : m_location(freshPgDatabase()) {}

std::unique_ptr<domain::Store> PgEngine::open() const { return app::openStore(m_location); }

std::string PgEngine::rawError(const char* sql) const {
    try {
        pqxx::connection c(m_location);
        pqxx::work tx(c);
        tx.exec(sql);
        tx.commit();
    } catch (const pqxx::sql_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace narcisse::test
