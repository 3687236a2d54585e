#include "ui/session.h"

#include "app/settings.h"
#include "app/store_factory.h"
#include "domain/errors.h"

namespace narcisse::ui {
namespace {

// The store of the UI's worker. Store::changeStamp moves with the commits of other connections
// (SQLite's data_version ignores the connection's own), but the screens' live refresh must see this
// window's own writes too: a sale at the desk shows on the planning and on Today without a reload.
// Each write this connection commits therefore moves the stamp as well.
class OwnCommitsStore final : public domain::Store {
public:
    explicit OwnCommitsStore(std::unique_ptr<domain::Store> store) : m_store(std::move(store)) {}

    std::string describe() const override { return m_store->describe(); }
    void read(const std::function<void(domain::StoreReader&)>& work) override { m_store->read(work); }
    void write(const std::function<void(domain::StoreWriter&)>& work) override
    {
        m_store->write(work);
        ++m_commits;   // only once it landed: a refused write changed nothing
    }
    std::int64_t changeStamp() override { return m_store->changeStamp() + m_commits; }
    int schemaVersion() override { return m_store->schemaVersion(); }
    int latestSchemaVersion() const override { return m_store->latestSchemaVersion(); }
    int migrate() override { return m_store->migrate(); }
    std::vector<std::string> check() override { return m_store->check(); }

private:
    std::unique_ptr<domain::Store> m_store;
    std::int64_t m_commits = 0;   // on the worker thread only, as every call here
};

}  // namespace

bool Session::IsServer() const
{
    return app::isServerLocation(location);
}

domain::LocalDate Session::Today() const
{
    return zone ? zone->localDate(Now()) : domain::LocalDate{date::floor<date::days>(Now())};
}

std::shared_ptr<Session> MakeSession(std::string location, std::shared_ptr<const domain::Clock> clock)
{
    auto session = std::make_shared<Session>();
    session->location = location;
    session->clock = std::move(clock);
    // A store that fails to open reaches the asking window through RunOnWorker's failure path.
    session->worker = std::make_unique<app::Worker>(
        [location]() -> std::unique_ptr<domain::Store> { return std::make_unique<OwnCommitsStore>(app::openStore(location)); });
    return session;
}

StoreInfo PrepareStore(domain::Store& store, bool server, const domain::Clock& clock,
                       const std::function<void()>& creatingDemo)
{
    StoreInfo info;
    info.description = store.describe();
    bool empty = false;
    store.read([&](domain::StoreReader& reader) { empty = reader.boats().empty() && reader.employees().empty(); });
    if (empty && !server) {
        creatingDemo();
        app::DemoOptions options;
        options.season = app::defaultDemoSeason(domain::LocalDate{date::floor<date::days>(clock.now())});
        info.createdDemo = app::generateDemoData(store, options, clock);
    }
    store.read([&](domain::StoreReader& reader) { info.timeZone = app::loadBusinessSettings(reader).timeZone; });
    info.demoCredentials = app::demoCredentials(store);
    return info;
}

}  // namespace narcisse::ui
