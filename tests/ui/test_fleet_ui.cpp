// The fleet panel driven for real under Xvfb on the demo season: it lists the demo fleet, the boat
// form shows a refusal on the field it names, and a valid new boat appears in the list.
// Screenshot: fleet.png.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/store_factory.h"
#include "ui/fleet_panel.h"

#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

using namespace narcisse;
using namespace std::chrono_literals;

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
