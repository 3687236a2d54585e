// narcisse-cli close / reopen / notifications end to end on a demo season of next year: a closure
// that strands passengers is refused and lists them; with --move-passengers it moves them, with
// --notify the customers' mail reaches a fake SMTP server; reopen removes it.
#include "app/notifications.h"
#include "app/sales.h"
#include "app/store_factory.h"
#include "cli_runner.h"
#include "support/engines.h"
#include "support/fake_smtp.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace narcisse;
using namespace narcisse::domain;
using narcisse::test::TempDir;

namespace {

using Outcome = narcisse::test::RunResult;

// The real program on `db` (tests/cli/cli_runner.h): the user's own database is never touched.
Outcome run(const std::string& db, std::vector<std::string> args) { return narcisse::test::runCli(db, std::move(args)); }

LocalDate openDayOfNextSeason(const std::string& db) {
    const int season =
        static_cast<int>(date::year_month_day{date::floor<date::days>(std::chrono::system_clock::now())}.year()) + 1;
    const auto made = run(db, {"demo-data", "--season", std::to_string(season), "--seed", "7", "--bookings", "0"});
    REQUIRE(made.code == 0);
    const BusinessZone zone;
    std::vector<Block> blocks;
    const LocalDate first{date::year{season}, date::July, date::day{10}};
    app::openStore(db)->read([&](StoreReader& r) {
        blocks = r.blocksOverlapping(zone.startOfDay(first), zone.startOfDay(LocalDate{date::year{season + 1}, date::January, date::day{1}}));
    });
    for (LocalDate d = first;; d = nextDay(d))
        if (std::none_of(blocks.begin(), blocks.end(), [&](const Block& b) {
                return b.start < zone.startOfDay(nextDay(d)) && zone.startOfDay(d) < b.end;
            }))
            return d;
}

}  // namespace

TEST_CASE("close refuses to strand passengers, moves them when told, tells them by mail; reopen", "[cli][closures]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    const LocalDate day = openDayOfNextSeason(db);
    const std::string d = isoDate(day);
    test::FakeSmtpServer server;
    std::string elodie, walkIn;
    {
        auto store = app::openStore(db);
        const SystemClock clock;
        app::SaleRequest r;
        r.date = day;
        r.time = Minutes{14 * 60};
        r.party = {4, 0, 0};
        r.payment = PaymentMethod::Card;
        r.customer = Customer{Uuid::generate(), "Élodie Brändle", "elodie@example.fr", "", "fr"};
        elodie = app::sellRide(*store, clock, r).booking.ref.str();
        r.party = {2, 0, 0};
        r.customer.reset();
        walkIn = app::sellRide(*store, clock, r).booking.ref.str();
        store->write([&](StoreWriter& w) {
            w.setSetting(app::setting_keys::kSmtpHost, "127.0.0.1");
            w.setSetting(app::setting_keys::kSmtpPort, std::to_string(server.port()));
            w.setSetting(app::setting_keys::kSmtpFrom, "desk@sweet-narcisse.eu");
        });
    }
    const std::vector<std::string> scope{"--date", d, "--from", "14:00", "--to", "14:30"};
    auto with = [&](std::vector<std::string> head, std::vector<std::string> tail = {}) {
        head.insert(head.end(), scope.begin(), scope.end());
        head.insert(head.end(), tail.begin(), tail.end());
        return head;
    };

    // Without --move-passengers: refused, listed with their proposals, nothing changed.
    const auto refused = run(db, with({"close"}, {"--reason", "Orage"}));
    INFO(refused.out << refused.err);
    CHECK(refused.code == 3);
    CHECK(refused.out.rfind("Closing " + d + " 14:00–14:30 would strand 2 bookings:\n", 0) == 0);
    // 13:20 to 14:20 are on the water during the storm: the nearest open ones are 14:40, then 13:00.
    CHECK(refused.out.find(elodie + "  14:00      Poissonnerie  4A     Élodie Brändle  14:40 Poissonnerie, 13:00 "
                                    "Poissonnerie, 15:00 Poissonnerie\n") != std::string::npos);
    CHECK(refused.err.find("refused: the closure strands passengers; nothing was changed") != std::string::npos);
    const auto departures = run(db, {"departures", "--date", d});
    CHECK(departures.out.find("closed") == std::string::npos);

    // With --move-passengers and --notify: moved, the customer with an e-mail told in French.
    const auto closed = run(db, with({"close"}, {"--reason", "Orage", "--move-passengers", "--notify"}));
    INFO(closed.out << closed.err);
    CHECK(closed.code == 0);
    CHECK(closed.out.rfind("Closed " + d + " 14:00–14:30: Orage\n", 0) == 0);
    CHECK(closed.out.find(elodie + "  14:00      Élodie Brändle  moved to 14:40 on Poissonnerie  to elodie@example.fr\n") !=
          std::string::npos);
    CHECK(closed.out.find(walkIn + "  14:00                      moved to 14:40 on Poissonnerie") != std::string::npos);
    CHECK(closed.out.find("2 moved, 0 cancelled, 1 notified\nMessages: 1 sent, 0 failed.\n") != std::string::npos);
    const auto mails = server.messages();
    REQUIRE(mails.size() == 1);
    CHECK(mails[0].recipients == std::vector<std::string>{"elodie@example.fr"});
    CHECK(mails[0].header("Subject").find("Votre promenade en barque du ") == 0);
    CHECK(mails[0].body().find("à 14 h 40, à bord de la barque « Poissonnerie »") != std::string::npos);

    const auto log = run(db, {"notifications"});
    CHECK(log.code == 0);
    CHECK(log.out.find("elodie@example.fr  closure.moved  SENT") != std::string::npos);
    CHECK(run(db, {"notifications", "--retry", "not-an-id"}).code == 2);

    const auto reopened = run(db, with({"reopen"}));
    INFO(reopened.out << reopened.err);
    CHECK(reopened.code == 0);
    CHECK(reopened.out == "Orage " + d + " 14:00–14:30 reopened\nBookings moved or cancelled by this closure "
                                                  "stay as they are.\n");
    const auto again = run(db, with({"reopen"}));
    CHECK(again.code == 3);
    CHECK(again.err == "narcisse-cli: refused: there is no closure on " + d + " 14:00–14:30\n");
}
