// Throwaway PostgreSQL databases for the tests, on the cluster scripts/test starts
// ($NARCISSE_TEST_PG): one per freshPgDatabase() call, all dropped when the program exits.
#include "support/engines.h"

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <vector>

#include <unistd.h>

namespace narcisse::test {

namespace {

// The databases this program created; its destructor runs at exit, after the tests closed their
// stores. FORCE ends connections a failed test may have left open.
class CreatedDatabases {
public:
    ~CreatedDatabases() {
        if (m_names.empty()) return;
        try {
            pqxx::connection admin(m_admin);
            for (const auto& name : m_names) {
                pqxx::nontransaction tx(admin);
                tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(name) + " WITH (FORCE)");
            }
        } catch (const std::exception& e) {
            // The cluster is throwaway: a leftover database is harmless, but say so.
            std::cerr << "warning: could not drop the test databases: " << e.what() << '\n';
        }
    }

    void add(const std::string& admin, const std::string& name) {
        const std::lock_guard lock(m_mutex);
        m_admin = admin;
        m_names.push_back(name);
    }

private:
    std::mutex m_mutex;
    std::string m_admin;
    std::vector<std::string> m_names;
};

CreatedDatabases& createdDatabases() {
    static CreatedDatabases databases;
    return databases;
}

// The admin connection string pointed at another database: a URL gets a new path, a libpq
// key=value string a trailing dbname (the last occurrence of a keyword wins).
std::string onDatabase(const std::string& admin, const std::string& name) {
    if (admin.rfind("postgresql://", 0) == 0 || admin.rfind("postgres://", 0) == 0) {
        const auto authority = admin.find("://") + 3;
        const auto query = admin.find('?', authority);
        const auto path = admin.find('/', authority);
        const auto hostEnd = std::min(path, query);
        std::string url = admin.substr(0, hostEnd) + "/" + name;
        if (query != std::string::npos) url += admin.substr(query);
        return url;
    }
    return admin + " dbname=" + name;
}

}  // namespace

std::string pgAdminConnection() {
    const char* url = std::getenv("NARCISSE_TEST_PG");
    if (!url || !*url) FAIL("NARCISSE_TEST_PG is not set: run scripts/test, which starts a throwaway PostgreSQL");
    return url;
}

std::string freshPgDatabase() {
    static std::atomic<int> counter{0};
    const std::string admin = pgAdminConnection();
    const std::string name =
        "narcisse_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter.fetch_add(1) + 1);
    pqxx::connection connection(admin);
    // CREATE DATABASE cannot run in a transaction block. A database of that name can only be left
    // over by an earlier run whose process had this pid.
    pqxx::nontransaction tx(connection);
    tx.exec0("DROP DATABASE IF EXISTS " + tx.quote_name(name) + " WITH (FORCE)");
    tx.exec0("CREATE DATABASE " + tx.quote_name(name));
    // Registered after libpqxx's own statics came to life (first connection above), so they are
    // still there when the registry drops the databases at exit.
    createdDatabases().add(admin, name);
    return onDatabase(admin, name);
}

}  // namespace narcisse::test
