// The closure dialog driven for real under Xvfb on a copy of the demo database: close the 16:00
// departure of 14 July 2026, move everyone with "Move all", check the result and the planning.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/planning.h"
#include "app/store_factory.h"
#include "support/engines.h"
#include "ui/closure_dialog.h"
#include "ui/notification_log_dialog.h"

#include <wx/listctrl.h>

#include <filesystem>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {
constexpr domain::LocalDate kBastilleDay{date::year{2026}, date::July, date::day{14}};
}

TEST_CASE("closing a departure and moving all its passengers from the dialog", "[ui][closure]")
{
    // A copy: the other UI tests keep their demo day as it was.
    test::TempDir dir;
    const std::string db = dir.file("closure.db");
    std::filesystem::copy_file(test::DemoDatabasePath(), db);
    auto session = ui::MakeSession(db, std::make_shared<domain::FixedClock>(test::TestNow()));

    auto* dialog = new ui::ClosureDialog(nullptr, *session, kBastilleDay);
    dialog->Move(0, 0);
    dialog->Show();
    REQUIRE(test::PumpUntil([dialog] { return dialog->IsReady() && !dialog->IsBusy(); }));
    INFO(dialog->ErrorText().utf8_string());
    dialog->SetScope(ui::ClosureDialog::Scope::Departure);
    REQUIRE(dialog->SelectDeparture("16:00"));
    dialog->SetReason("Orage");
    dialog->Preview();
    REQUIRE(test::PumpUntil([dialog] { return dialog->HasPreview() && !dialog->IsBusy(); }));
    const std::size_t affected = dialog->AffectedCount();
    CHECK(affected > 0);
    dialog->MoveAll();
    test::SaveScreenshot(dialog, "closure_dialog_preview");

    dialog->Apply();
    REQUIRE(test::PumpUntil([dialog] { return dialog->IsApplied() || !dialog->ErrorText().empty(); }));
    INFO(dialog->ErrorText().utf8_string());
    REQUIRE(dialog->IsApplied());
    const wxString result = dialog->ResultText();
    INFO(result.utf8_string());
    CHECK(result.StartsWith(wxString::Format("Closure applied: %zu moved, 0 cancelled, ", affected)));
    test::SaveScreenshot(dialog, "closure_dialog");
    dialog->Destroy();
    test::Pump(50ms);

    // The planning now shows 16:00 closed and nobody left on it.
    const auto plan = app::loadDayPlanning(*app::openStore(db), kBastilleDay, test::TestNow());
    const domain::BusinessZone zone;
    bool found = false;
    for (std::size_t d = 0; d < plan.departures.size(); ++d) {
        if (zone.localMinutes(plan.departures[d].departure.start) != domain::Minutes{16 * 60}) continue;
        found = true;
        REQUIRE(plan.departures[d].closedReason);
        CHECK(*plan.departures[d].closedReason == "Orage");
        CHECK(plan.departures[d].seatsHeld == 0);
    }
    CHECK(found);

    // The notification log lists the queued messages (no mail server in the demo settings).
    auto* log = new ui::NotificationLogDialog(nullptr, *session);
    log->Show();
    REQUIRE(test::PumpUntil([log] { return !log->IsBusy(); }));
    for (const auto& n : log->Shown()) CHECK(n.status == domain::NotificationStatus::Pending);
    test::SaveScreenshot(log, "notification_log");
    log->Destroy();
    test::Pump(50ms);
}
