// The shared store: a PostgreSQL server through libpqxx, one connection per PgStore (one per
// thread), the same contract as SqliteStore (DESIGN.md §3).
#pragma once

#include "domain/store.h"

#include <cstdint>
#include <memory>
#include <string>

namespace narcisse::data {

class PgStore final : public domain::Store {
public:
    // Connects at once ("postgresql://…" URL or libpq "host=… dbname=…" string). An unreachable
    // server, a refused login or a missing database throws domain::StoreUnavailable naming the
    // server (never the password).
    explicit PgStore(const std::string& connectionString);
    ~PgStore() override;
    PgStore(const PgStore&) = delete;
    PgStore& operator=(const PgStore&) = delete;

    std::string describe() const override;   // "server: <host or socket dir>/<dbname>"
    void read(const std::function<void(domain::StoreReader&)>& work) override;
    void write(const std::function<void(domain::StoreWriter&)>& work) override;
    std::int64_t changeStamp() override;
    int schemaVersion() override;
    int latestSchemaVersion() const override;
    // Applies each missing migration in its own transaction under an advisory lock (two desks
    // starting at once do not race). A schema newer than the program throws StoreUnavailable
    // before anything is changed.
    int migrate() override;
    std::vector<std::string> check() override;

    // The advisory lock key of the departure starting at `start` (pg_advisory_xact_lock(bigint)).
    // Every writer of bookings — the website included — must take this same key before reading a
    // departure's seats: "SN" in the top 16 bits keeps it apart from other users of advisory locks,
    // the epoch seconds of the departure's start fill the rest.
    static std::int64_t departureLockKey(domain::Instant start);

    class Session;   // the connection and its prepared statements

private:
    // The open session; after a lost connection, a new one (the failed call reported the loss).
    Session& session();

    std::string m_connectionString;
    std::string m_server;   // "<host or socket dir>/<dbname>", for messages
    std::unique_ptr<Session> m_session;
};

}  // namespace narcisse::data
