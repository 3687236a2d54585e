#include "ui/session.h"

#include "app/settings.h"
#include "app/store_factory.h"
#include "domain/errors.h"

namespace narcisse::ui {

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
    session->worker = std::make_unique<app::Worker>([location] { return app::openStore(location); });
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
