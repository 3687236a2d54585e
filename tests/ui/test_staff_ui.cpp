// The staff screen driven for real under Xvfb on the demo database: the employees listed with their
// licences coloured, the employee form naming a bad field, the permission table, and a boatman's days
// off, which the crew assignment then refuses. Screenshots: staff.png, permissions.png, days_off.png.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/crew.h"
#include "app/staff.h"
#include "app/store_factory.h"
#include "domain/errors.h"
#include "ui/days_off_dialog.h"
#include "ui/employee_dialog.h"
#include "ui/format.h"
#include "ui/permissions_dialog.h"
#include "ui/staff_panel.h"

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include <algorithm>

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

domain::LocalDate Day(int month, int day)
{
    return domain::LocalDate{date::year{2026}, date::month{static_cast<unsigned>(month)},
                             date::day{static_cast<unsigned>(day)}};
}

std::vector<app::DayOffRow> DaysOffOf(const std::string& login)
{
    auto store = app::openStore(test::DemoDatabasePath());
    return app::listDaysOff(*store, login, Day(1, 1), Day(12, 31));
}

// The demo database is shared by every UI test: whatever days off a test leaves behind (a failed
// check stops it half-way) are removed again.
class DaysOffRestorer {
public:
    explicit DaysOffRestorer(std::string login) : m_login(std::move(login)), m_before(DaysOffOf(m_login)) {}
    ~DaysOffRestorer()
    {
        auto store = app::openStore(test::DemoDatabasePath());
        for (const auto& row : app::listDaysOff(*store, m_login, Day(1, 1), Day(12, 31)))
            if (std::none_of(m_before.begin(), m_before.end(),
                             [&](const app::DayOffRow& b) { return b.dayOff.id == row.dayOff.id; }))
                app::removeDayOff(*store, domain::FixedClock(test::TestNow()), row.dayOff.id, std::nullopt);
    }
    std::size_t Before() const { return m_before.size(); }

private:
    std::string m_login;
    std::vector<app::DayOffRow> m_before;
};

void AddThroughDialog(ui::DaysOffDialog* dialog, domain::LocalDate from, domain::LocalDate to, const char* reason)
{
    dialog->FromField()->SetValue(ui::ToWxDate(from));
    dialog->ToField()->SetValue(ui::ToWxDate(to));
    dialog->ReasonField()->SetValue(wxString::FromUTF8(reason));
    Click(dialog->AddButton());
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
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

TEST_CASE("a boatman's days off are added and removed from the staff panel, and the crew refuses them",
          "[ui][staff]")
{
    const DaysOffRestorer restore("lucas");
    REQUIRE(restore.Before() == 0);
    auto session = test::DemoSession();
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Staff", wxPoint(0, 0), wxSize(1000, 620));
    auto* panel = new ui::StaffPanel(frame, session);
    frame->Show();
    REQUIRE(test::PumpUntil([panel] { return panel->IsLoaded() && !panel->IsBusy(); }));
    CHECK_FALSE(panel->DaysOffButton()->IsEnabled());
    CHECK(panel->OpenDaysOff() == nullptr);
    panel->List()->SetItemState(RowOf(*panel, "lucas"), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    CHECK(panel->DaysOffButton()->IsEnabled());
    auto* dialog = panel->OpenDaysOff();
    REQUIRE(dialog != nullptr);
    CHECK(dialog->GetTitle() == wxString::FromUTF8("Days off — Lucas Fischer"));
    REQUIRE(test::PumpUntil([dialog] { return dialog->IsLoaded() && !dialog->IsBusy(); }));
    CHECK(dialog->List()->GetItemCount() == 0);
    CHECK(dialog->StatusText() == "No day off recorded.");

    // A wedding on a busy summer Monday and Tuesday: listed, stored, and the crew refuses Lucas that day.
    AddThroughDialog(dialog, Day(7, 20), Day(7, 21), "Family wedding");
    CHECK(dialog->ErrorText().empty());
    REQUIRE(dialog->List()->GetItemCount() == 1);
    CHECK(dialog->List()->GetItemText(0, 0) == ui::FormatLongDate(Day(7, 20)));
    CHECK(dialog->List()->GetItemText(0, 1) == ui::FormatLongDate(Day(7, 21)));
    CHECK(dialog->List()->GetItemText(0, 2) == "2");
    CHECK(dialog->List()->GetItemText(0, 3) == "Family wedding");
    CHECK_FALSE(dialog->IsPast(0));
    const auto stored = DaysOffOf("lucas");
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].dayOff.from == Day(7, 20));
    CHECK(stored[0].dayOff.to == Day(7, 21));
    CHECK(stored[0].dayOff.reason == "Family wedding");
    CHECK(stored[0].employeeName == "Lucas Fischer");
    {
        auto store = app::openStore(test::DemoDatabasePath());
        std::string boat;
        store->read([&](domain::StoreReader& r) { boat = r.boats().front().name; });
        app::CrewRequest request{Day(7, 21), boat, "lucas", false, std::nullopt};
        CHECK_THROWS_AS(app::assignBoatman(*store, *session->clock, request), domain::ConflictError);
        CHECK_THROWS_WITH(app::assignBoatman(*store, *session->clock, request),
                          "Lucas Fischer is off on 2026-07-21 (Family wedding)");
    }

    // A past one (a medical appointment in June) comes after the upcoming one, greyed.
    AddThroughDialog(dialog, Day(6, 2), Day(6, 2), "Medical appointment");
    REQUIRE(dialog->List()->GetItemCount() == 2);
    CHECK(dialog->List()->GetItemText(0, 3) == "Family wedding");
    CHECK(dialog->List()->GetItemText(1, 3) == "Medical appointment");
    CHECK(dialog->IsPast(1));
    CHECK(dialog->List()->GetItemTextColour(1) == wxColour(0x9A, 0xA3, 0xAE));
    CHECK(dialog->StatusText().EndsWith(wxString::FromUTF8("1 upcoming · 1 past")));

    // "To" before "from": the use case names the field, the form points at it, nothing is added.
    AddThroughDialog(dialog, Day(7, 25), Day(7, 24), "Training");
    CHECK(dialog->ErrorText() == "to: must not be before from");
    CHECK(dialog->HighlightedField() == dialog->ToField());
    CHECK(dialog->List()->GetItemCount() == 2);
    CHECK(DaysOffOf("lucas").size() == 2);
    CHECK(dialog->StatusText() == wxString::FromUTF8("1 upcoming · 1 past"));
    test::SaveScreenshot(dialog, "days_off");

    // Removing asks first: "no" keeps it, "yes" removes it; the panel behind reads the staff again.
    wxString asked;
    bool answer = false;
    dialog->SetConfirm([&](const wxString& question) {
        asked = question;
        return answer;
    });
    dialog->List()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    Click(dialog->RemoveButton());
    CHECK(asked == wxString::Format("Remove the days off of Lucas Fischer from %s to %s?",
                                    ui::FormatLongDate(Day(7, 20)), ui::FormatLongDate(Day(7, 21))));
    CHECK(DaysOffOf("lucas").size() == 2);
    answer = true;
    while (dialog->List()->GetItemCount() > 0) {
        const auto count = dialog->List()->GetItemCount();
        dialog->List()->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        Click(dialog->RemoveButton());
        REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
        REQUIRE(dialog->List()->GetItemCount() == count - 1);
    }
    CHECK(asked == wxString::Format("Remove the day off of Lucas Fischer on %s?", ui::FormatLongDate(Day(6, 2))));
    CHECK(dialog->ErrorText().empty());
    CHECK(dialog->StatusText() == wxString::FromUTF8("Day off removed.  No day off recorded."));
    CHECK(DaysOffOf("lucas").empty());
    REQUIRE(test::PumpUntil([panel] { return !panel->IsBusy(); }));
    dialog->Destroy();
    frame->Destroy();
    test::Pump(50ms);
}
