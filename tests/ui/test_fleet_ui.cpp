// The fleet panel driven for real under Xvfb on the demo season: it lists the demo fleet, the boat
// form shows a refusal on the field it names, and a valid new boat appears in the list; a boat taken
// out of service for a summer day has its passengers moved with "Move all".
// Screenshots: fleet.png, fleet_boat_form.png, fleet_out_of_service.png.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/store_factory.h"
#include "support/engines.h"
#include "ui/fleet_panel.h"
#include "ui/format.h"
#include "ui/out_of_service_dialog.h"

#include <wx/datectrl.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include <filesystem>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {
constexpr domain::LocalDate kSummerDay{date::year{2026}, date::July, date::day{18}};
}

TEST_CASE("the fleet panel lists the boats, names a bad field and adds a boat", "[ui][fleet]")
{
    auto session = test::DemoSession();
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Fleet", wxPoint(0, 0), wxSize(1200, 760));
    auto* panel = new ui::FleetPanel(frame, session);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(panel, wxSizerFlags(1).Expand());
    frame->SetSizer(sizer);
    frame->Show();
    auto settle = [panel] { REQUIRE(test::PumpUntil([panel] { return panel->IsLoaded() && !panel->IsBusy(); })); };
    settle();

    // The demo fleet, in the planning's order.
    REQUIRE(panel->Boats()->GetItemCount() == 8);
    CHECK(panel->Boats()->GetItemText(0) == "Lauch");
    CHECK(panel->Boats()->GetItemText(1, 1) == "12");
    CHECK(panel->Boats()->GetItemText(7) == "Bartholdi");

    // 200 seats: refused by the domain's rule, shown on the capacity field.
    auto* form = panel->OpenBoatForm(false);
    form->NameField()->SetValue("Vauban");
    form->CapacityField()->SetValue("200");
    form->ColourField()->SetValue("#2CA02C");
    form->RegistrationField()->SetValue("CO-2026-9");
    form->Save();
    REQUIRE(test::PumpUntil([form] { return !form->IsBusy(); }));
    CHECK(form->HighlightedField() == form->CapacityField());
    CHECK(form->ErrorText() == "capacity: must be between 1 and 50 seats");
    test::SaveScreenshot(form, "fleet_boat_form");

    // A valid boat: the form closes and the list shows it.
    form->CapacityField()->SetValue("14");
    form->Save();
    test::Pump(100ms);
    settle();
    REQUIRE(panel->Boats()->GetItemCount() == 9);
    CHECK(panel->Boats()->GetItemText(8) == "Vauban");
    CHECK(panel->Boats()->GetItemText(8, 1) == "14");
    CHECK(panel->Boats()->GetItemText(8, 3) == "CO-2026-9");
    CHECK(panel->StatusText() == "Vauban saved.");

    panel->SelectBoat(0);
    settle();
    test::SaveScreenshot(frame, "fleet");
    frame->Destroy();
    test::Pump(50ms);
    // Leave the shared demo fleet as the other tests expect it: a retired boat is off every planning.
    auto store = app::openStore(test::DemoDatabasePath(), app::Migrations::Apply);
    app::retireBoat(*store, *session->clock, "Vauban", std::nullopt);
}

TEST_CASE("taking a boat out of service for a summer day moves its passengers", "[ui][fleet]")
{
    // A copy: the other UI tests keep the demo season as it was.
    test::TempDir dir;
    const std::string db = dir.file("fleet.db");
    std::filesystem::copy_file(test::DemoDatabasePath(), db);
    auto session = ui::MakeSession(db, std::make_shared<domain::FixedClock>(test::TestNow()));
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Fleet", wxPoint(0, 0), wxSize(1200, 760));
    auto* panel = new ui::FleetPanel(frame, session);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(panel, wxSizerFlags(1).Expand());
    frame->SetSizer(sizer);
    frame->Show();
    auto settle = [panel] { REQUIRE(test::PumpUntil([panel] { return panel->IsLoaded() && !panel->IsBusy(); })); };
    settle();
    panel->SelectBoat(0);
    settle();
    REQUIRE(panel->Boats()->GetItemText(0) == "Lauch");
    const domain::Uuid lauch = panel->Fleet().front().boat.id;

    auto* dialog = panel->OpenOutOfService();
    REQUIRE(dialog);
    dialog->Move(0, 0);
    // Until further notice unless a last day is given.
    CHECK_FALSE(static_cast<wxDatePickerCtrl*>(dialog->ToField())->GetValue().IsValid());
    // Back to front: refused on the "through" field, with the rule's sentence.
    dialog->SetDates(kSummerDay, ui::AddDays(kSummerDay, -1));
    dialog->SetReason("Réparation de la coque");
    dialog->Preview();
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
    CHECK(dialog->HighlightedField() == dialog->ToField());
    CHECK(dialog->ErrorText() == "to: must not be before the first day");
    CHECK_FALSE(dialog->HasPreview());
    test::SaveScreenshot(dialog, "fleet_out_of_service_refused");

    // One day: its bookings listed, each moved to its first proposal.
    dialog->SetDates(kSummerDay, kSummerDay);
    dialog->Preview();
    REQUIRE(test::PumpUntil([dialog] { return dialog->HasPreview() && !dialog->IsBusy(); }));
    CHECK(dialog->HighlightedField() == nullptr);
    const auto affected = dialog->ShownPreview()->affected;
    REQUIRE(affected.size() == 34);   // a Saturday in July on the first boat
    for (const auto& a : affected) {
        CHECK(a.booking.boatId == lauch);
        CHECK_FALSE(a.proposals.empty());
    }
    dialog->MoveAll();
    dialog->Apply();
    REQUIRE(test::PumpUntil([dialog] { return dialog->IsApplied() || !dialog->ErrorText().empty(); }));
    INFO(dialog->ErrorText().utf8_string());
    REQUIRE(dialog->IsApplied());
    const wxString headline =
        wxString::Format("Lauch is out of service on %s: 34 moved, 0 cancelled", ui::FormatLongDate(kSummerDay));
    CHECK(dialog->ResultText() == headline + ", 31 customers to notify.\n"
                                             "The messages wait in the notification log: no mail server is set up "
                                             "(setting smtp_host).");
    test::SaveScreenshot(dialog, "fleet_out_of_service");
    settle();
    CHECK(panel->StatusText() == headline + ".");
    dialog->Destroy();
    frame->Destroy();
    test::Pump(50ms);

    // Read back through the store: each booking sits on the departure it was proposed.
    auto store = app::openStore(db);
    store->read([&](domain::StoreReader& r) {
        for (const auto& a : affected) {
            const auto now = r.bookingById(a.booking.id);
            REQUIRE(now);
            CHECK(now->boatId == a.proposals.front().boatId);
            CHECK(now->boatId != lauch);
            CHECK(now->departureStart == a.proposals.front().departure.start);
        }
    });
}
