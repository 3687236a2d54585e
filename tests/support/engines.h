// The two storage engines every store contract test runs on (TEMPLATE_TEST_CASE over both).
#pragma once

#include "domain/store.h"

#include <filesystem>
#include <memory>
#include <string>

namespace narcisse::test {

// A temporary directory removed with its content when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

// The admin connection string of the throwaway PostgreSQL cluster that scripts/test starts
// ($NARCISSE_TEST_PG). Fails the running test with a clear message when it is not set.
std::string pgAdminConnection();

// Creates a new, empty database on that cluster and returns its connection string. Each call gives
// a distinct database, dropped when the test program exits.
std::string freshPgDatabase();

// An empty, migrated store per instance; `location()` opens more connections to the same database.
struct SqliteEngine {
    static constexpr const char* name = "sqlite";
    SqliteEngine();
    std::unique_ptr<domain::Store> open() const;   // a new connection, migrated
    std::string location() const { return m_location; }
    // Runs raw SQL on a side connection, as another program would; returns the database's refusal,
    // or "" when it ran.
    std::string rawError(const char* sql) const;

private:
    TempDir m_dir;
    std::string m_location;
};

struct PgEngine {
    static constexpr const char* name = "postgresql";
    PgEngine();
    std::unique_ptr<domain::Store> open() const;
    std::string location() const { return m_location; }
    std::string rawError(const char* sql) const;   // as SqliteEngine's

private:
    std::string m_location;
};

}  // namespace narcisse::test
