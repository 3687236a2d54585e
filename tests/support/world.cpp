#include "support/world.h"

#include "app/cash_drawer.h"

namespace narcisse::test {

using namespace narcisse::domain;

World seedWorld(Store& store) {
    World w;
    w.ill = {Uuid::generate(), "Ill", 12, BoatStatus::InService, "#1F77B4", 1};
    w.lauch = {Uuid::generate(), "Lauch", 10, BoatStatus::InService, "#FF7F0E", 2};
    w.summer.id = Uuid::generate();
    w.summer.validFrom = LocalDate{date::year{2026}, date::month{4}, date::day{1}};
    w.summer.validTo = LocalDate{date::year{2026}, date::month{10}, date::day{31}};
    w.summer.firstDeparture = Minutes{10 * 60};
    w.summer.lastDeparture = Minutes{12 * 60};
    w.summer.interval = Minutes{30};
    w.summer.rideDuration = Minutes{45};
    w.prices = {Uuid::generate(), LocalDate{date::year{2026}, date::month{1}, date::day{1}}, Money::cents(1200),
                Money::cents(700), Money::cents(0), 1000};
    store.write([&](StoreWriter& tx) {
        tx.saveBoat(w.ill);
        tx.saveBoat(w.lauch);
        tx.saveTimetableRule(w.summer);
        tx.savePriceList(w.prices);
    });
    return w;
}

LocalDate bastilleDay() { return LocalDate{date::year{2026}, date::month{7}, date::day{14}}; }

Instant at(const char* isoUtc) { return parseIsoUtc(isoUtc, "test instant"); }

void openDrawer(domain::Store& store, const char* counted) {
    app::openCashSession(store, domain::FixedClock(at("2020-01-01T08:00:00Z")), domain::CashCount::parse(counted, "float"),
                         std::nullopt);
}

}  // namespace narcisse::test
