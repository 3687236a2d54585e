#include "ui/session.h"

#include "app/settings.h"
#include "app/store_factory.h"
#include "domain/errors.h"

namespace narcisse::ui {
namespace {

// Stands in for a store that failed to open, so the error reaches the window that asked through
// the ordinary failure path instead of leaving it waiting.
class UnavailableStore final : public domain::Store {
public:
    UnavailableStore(std::string location, std::string reason)
        : m_location(std::move(location)), m_reason(std::move(reason)) {}
    std::string describe() const override { return m_location; }
    void read(const std::function<void(domain::StoreReader&)>&) override { Fail(); }
    void write(const std::function<void(domain::StoreWriter&)>&) override { Fail(); }
    int schemaVersion() override { Fail(); }
    int latestSchemaVersion() const override { return 0; }
    int migrate() override { Fail(); }
    std::vector<std::string> check() override { Fail(); }

private:
    [[noreturn]] void Fail() const { throw domain::StoreUnavailable(m_reason); }
    std::string m_location;
    std::string m_reason;
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
    session->worker = std::make_unique<app::Worker>([location]() -> std::unique_ptr<domain::Store> {
        try {
            return app::openStore(location);
        } catch (const std::exception& e) {
            return std::make_unique<UnavailableStore>(location, e.what());
        }
    });
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
