// The embedded store: one SQLite file, one connection per SqliteStore (one per thread).
#pragma once

#include "domain/store.h"

#include <memory>
#include <string>

namespace narcisse::data {

class SqliteStore final : public domain::Store {
public:
    // Opens (creating when missing) the file. A file that is not a sound SQLite database, or whose
    // schema is newer than this program, throws domain::StoreUnavailable and is left untouched.
    explicit SqliteStore(const std::string& path);
    ~SqliteStore() override;

    std::string describe() const override;
    void read(const std::function<void(domain::StoreReader&)>& work) override;
    void write(const std::function<void(domain::StoreWriter&)>& work) override;
    std::int64_t changeStamp() override;
    int schemaVersion() override;
    int latestSchemaVersion() const override;
    int migrate() override;
    std::vector<std::string> check() override;

    class Impl;

private:
    std::string m_path;
    std::unique_ptr<Impl> m_impl;
    // This connection's own commits: data_version moves only with other connections' ones, and the
    // change stamp must move with every commit (a desk's sale shows on its own planning).
    std::int64_t m_ownCommits = 0;
};

}  // namespace narcisse::data
