// The staff screen driven for real under Xvfb on the demo database: the employees listed with their
// licences coloured, the employee form naming a bad field, and the permission table.
// Screenshots: staff.png, permissions.png.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/store_factory.h"
#include "ui/employee_dialog.h"
#include "ui/permissions_dialog.h"
#include "ui/staff_panel.h"

#include <wx/button.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

void Click(wxButton* button)
{
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(click);
}

// Two boatmen's licences as a season shows them: Hugo's to renew within the month, Théo's expired
// (written directly: the form would rightly refuse an expiry in the past).
void GiveLicences()
{
    auto store = app::openStore(test::DemoDatabasePath());
    store->write([](domain::StoreWriter& w) {
        auto hugo = *w.employeeByLogin("hugo");
        hugo.licenceNumber = "CR-68-0117";
        hugo.licenceExpiry = domain::LocalDate{date::year{2026}, date::July, date::day{30}};
        w.saveEmployee(hugo);
        auto theo = *w.employeeByLogin("theo");
        theo.licenceNumber = "CR-68-0093";
        theo.licenceExpiry = domain::LocalDate{date::year{2026}, date::June, date::day{30}};
        w.saveEmployee(theo);
        auto lucas = *w.employeeByLogin("lucas");
        lucas.licenceNumber = "CR-68-0042";
        lucas.licenceExpiry = domain::LocalDate{date::year{2028}, date::March, date::day{31}};
        w.saveEmployee(lucas);
    });
}

long RowOf(const ui::StaffPanel& panel, const std::string& login)
{
    const auto& rows = panel.Staff().rows;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].employee.login == login) return static_cast<long>(i);
    FAIL("no row for " << login);
    return -1;
}

}  // namespace

TEST_CASE("the staff panel lists the demo staff, names a bad field and shows the permissions", "[ui][staff]")
{
    GiveLicences();
    auto session = test::DemoSession();
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Staff", wxPoint(0, 0), wxSize(1000, 620));
    auto* panel = new ui::StaffPanel(frame, session);
    frame->Show();
    REQUIRE(test::PumpUntil([panel] { return panel->IsLoaded() && !panel->IsBusy(); }));

    REQUIRE(panel->List()->GetItemCount() == 12);
    CHECK(panel->CellText(0, 0) == "Antoine Muller");
    const long mathieu = RowOf(*panel, "mathieu");
    CHECK(panel->CellText(mathieu, 0) == "Mathieu Kieffer");
    CHECK(panel->CellText(mathieu, 2) == "Administrator");
    CHECK(panel->CellText(mathieu, 3) == "Active");
    CHECK(panel->CellText(mathieu, 4) == "Yes");
    CHECK(panel->CellText(RowOf(*panel, "hugo"), 5).EndsWith(wxString::FromUTF8(" — expires soon")));
    CHECK(panel->LicenceColour(RowOf(*panel, "hugo")) == wxColour(0xB2, 0x6B, 0x00));
    CHECK(panel->CellText(RowOf(*panel, "theo"), 5).EndsWith(wxString::FromUTF8(" — expired")));
    CHECK(panel->LicenceColour(RowOf(*panel, "theo")) == wxColour(0xC5, 0x30, 0x30));
    CHECK_FALSE(panel->LicenceColour(RowOf(*panel, "lucas")).IsOk());
    CHECK(panel->StatusText() == wxString::FromUTF8("12 active employees · 2 licences to renew"));
    panel->List()->SetItemState(RowOf(*panel, "lucas"), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    test::SaveScreenshot(frame, "staff");

    // An empty name: the form says so and points at the field; nothing is added.
    auto* form = panel->OpenAddDialog();
    form->LoginField()->SetValue("anna");
    form->NameField()->SetValue("");
    form->PasswordField()->SetValue("canal-2026");
    Click(form->SaveButton());
    REQUIRE(test::PumpUntil([form] { return !form->IsBusy(); }));
    CHECK(form->ErrorText() == "name: is required");
    CHECK(form->HighlightedField() == form->NameField());
    test::SaveScreenshot(form, "employee_dialog");
    form->Destroy();

    // The permission table: a manager may not manage staff, an administrator may.
    auto* permissions = panel->OpenPermissions();
    CHECK_FALSE(permissions->ShowsAllowed(domain::Role::Manager, domain::Action::ManageStaff));
    CHECK(permissions->ShowsAllowed(domain::Role::Admin, domain::Action::ManageStaff));
    CHECK(permissions->ShowsAllowed(domain::Role::Manager, domain::Action::EditTimetable));
    CHECK(permissions->Grid()->GetItemCount() == static_cast<int>(domain::allActions().size()));
    CHECK(permissions->Grid()->GetItemText(9, 0) == "Manage staff");
    permissions->Move(0, 0);
    test::SaveScreenshot(permissions, "permissions");
    permissions->Destroy();
    frame->Destroy();
    test::Pump(50ms);
}
