// The main window follows who signed in, and its screens say what is true, driven for real under
// Xvfb: a boatman and an accountant signed in through the sign-in dialog on the demo season see the
// views and commands of their role (the others absent, or greyed with who may); Today counts the
// customer messages still waiting; the Accounting check says when there is no closing to match; the
// planning shows a sale made through the window's own worker; Tab in "Add employee" goes from the
// name to the login. Screenshots: roles_boatman.png, roles_accountant.png, roles_accounts.png,
// today_waiting_messages.png, accounting_no_closing.png, employee_tab_order.png.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/cash_drawer.h"
#include "app/desk.h"
#include "app/sales.h"
#include "app/staff.h"
#include "app/store_factory.h"
#include "support/engines.h"
#include "support/world.h"
#include "ui/accounting_panel.h"
#include "ui/accounts_dialog.h"
#include "ui/employee_dialog.h"
#include "ui/main_frame.h"
#include "ui/nav_bar.h"
#include "ui/planning_grid.h"
#include "ui/planning_panel.h"
#include "ui/sign_in_dialog.h"
#include "ui/staff_panel.h"
#include "ui/today_panel.h"

#include <wx/button.h>
#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/textctrl.h>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

void PressEnter(wxTextCtrl* field)
{
    wxCommandEvent enter(wxEVT_TEXT_ENTER, field->GetId());
    enter.SetEventObject(field);
    field->GetEventHandler()->ProcessEvent(enter);
}

// Signs `login` in through the real dialog with the demo password.
std::shared_ptr<ui::Session> SignedIn(const char* login)
{
    auto session = test::DemoSession();
    auto* dialog = new ui::SignInDialog(nullptr, session);
    dialog->Show();
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
    REQUIRE(dialog->IsReady());
    dialog->LoginField()->SetValue(login);
    dialog->PasswordField()->SetValue("narcisse");
    PressEnter(dialog->PasswordField());
    REQUIRE(test::PumpUntil([&session] { return session->employee.has_value(); }));
    dialog->Destroy();
    return session;
}

ui::MainFrame* OpenFrame(std::shared_ptr<ui::Session> session, wxSize size = wxSize(1280, 800))
{
    auto* frame = new ui::MainFrame(std::move(session));
    frame->SetSize(frame->FromDIP(size));
    frame->Move(0, 0);
    frame->Show();
    REQUIRE(test::PumpUntil([frame] { return frame->Today()->IsLoaded(); }, 60s));
    return frame;
}

// A menu command by the words its menu shows (mnemonics and accelerators left out).
wxMenuItem* MenuItem(wxFrame* frame, const wxString& menu, const wxString& item)
{
    wxMenuBar* bar = frame->GetMenuBar();
    const int id = bar->FindMenuItem(menu, item);
    return id == wxNOT_FOUND ? nullptr : bar->FindItem(id);
}

// What the menus show once opened: the update handlers have run.
bool MenuEnabled(wxFrame* frame, wxMenuItem* item)
{
    frame->GetMenuBar()->UpdateMenus();
    return item->IsEnabled();
}

template <class Window>
Window* TopLevel()
{
    for (wxWindow* w : wxTopLevelWindows)
        if (auto* found = dynamic_cast<Window*>(w)) return found;
    return nullptr;
}

}  // namespace

TEST_CASE("a boatman sees the day, the desk and the planning; staff and accounts are not his", "[ui][roles][staff]")
{
    auto session = SignedIn("lucas");
    REQUIRE(session->employee->role == domain::Role::Staff);
    auto* frame = OpenFrame(session);

    CHECK(frame->Navigation()->Labels() == std::vector<wxString>{"Today", "Desk", "Planning", "Week"});
    CHECK(frame->CurrentView() == ui::MainFrame::View::Today);
    CHECK_FALSE(frame->IsViewAllowed(ui::MainFrame::View::Accounting));
    CHECK_FALSE(frame->IsViewAllowed(ui::MainFrame::View::Stats));
    CHECK_FALSE(frame->ShowView(ui::MainFrame::View::Accounting));   // a shortcut or a Today line cannot open it
    CHECK(frame->CurrentView() == ui::MainFrame::View::Today);
    CHECK(frame->ShowView(ui::MainFrame::View::Planning));
    CHECK(frame->CurrentView() == ui::MainFrame::View::Planning);

    // The menus: no Accounting menu, no view he may not open, the schedule's changes greyed with who may.
    CHECK(frame->GetMenuBar()->FindMenu("Accounting") == wxNOT_FOUND);
    CHECK(MenuItem(frame, "View", "Accounting") == nullptr);
    CHECK(MenuItem(frame, "View", "Stats") == nullptr);
    CHECK(MenuItem(frame, "View", "Staff") == nullptr);
    CHECK(MenuItem(frame, "View", "Planning") != nullptr);
    wxMenuItem* move = MenuItem(frame, "Planning", wxString::FromUTF8("Move booking…"));
    REQUIRE(move != nullptr);
    CHECK_FALSE(MenuEnabled(frame, move));
    CHECK(move->GetHelp() == "Only an administrator or a manager may move a booking");
    wxMenuItem* timetable = MenuItem(frame, "Planning", wxString::FromUTF8("Timetable…"));
    REQUIRE(timetable != nullptr);
    CHECK_FALSE(MenuEnabled(frame, timetable));
    CHECK(timetable->GetHelp() == "Only an administrator or a manager may edit the timetable and the crew");
    wxMenuItem* messages = MenuItem(frame, "Planning", wxString::FromUTF8("Customer messages…"));
    REQUIRE(messages != nullptr);
    CHECK(MenuEnabled(frame, messages));

    // The staff screen behind the hidden view: "Add" greyed, saying who may, before any form is filled.
    ui::StaffPanel* staff = frame->Staff();
    CHECK_FALSE(staff->AddButton()->IsEnabled());
    CHECK(staff->AddButton()->GetToolTipText() == "Only an administrator may manage staff");
    CHECK_FALSE(staff->EditButton()->IsEnabled());
    CHECK(staff->EditButton()->GetToolTipText() == "Only an administrator may manage staff");

    frame->ShowView(ui::MainFrame::View::Today);
    test::SaveScreenshot(frame, "roles_boatman");
    frame->Destroy();
    test::Pump(50ms);
}

TEST_CASE("an accountant sees the accounts and the stats, and reads the chart without changing it", "[ui][roles][accounting]")
{
    auto session = SignedIn("nathalie");
    REQUIRE(session->employee->role == domain::Role::Accountant);
    auto* frame = OpenFrame(session, wxSize(1600, 1000));
    CHECK(frame->Navigation()->Labels() == std::vector<wxString>{"Today", "Planning", "Week", "Accounting", "Stats"});
    REQUIRE(frame->ShowView(ui::MainFrame::View::Accounting));
    CHECK(frame->CurrentView() == ui::MainFrame::View::Accounting);
    REQUIRE(test::PumpUntil([frame] { return frame->Accounting()->IsLoaded() && !frame->Accounting()->IsBusy(); }, 120s));
    CHECK(frame->GetMenuBar()->FindMenu("Accounting") != wxNOT_FOUND);
    wxMenuItem* exportItem = MenuItem(frame, "Accounting", wxString::FromUTF8("Export…"));
    REQUIRE(exportItem != nullptr);
    CHECK(MenuEnabled(frame, exportItem));
    CHECK(MenuItem(frame, "View", "Desk") == nullptr);   // she neither sells nor boards
    // The Desk menu keeps what she may do without the Desk view: vouchers' lookup, the integrity check.
    for (const char* step : {"New sale…", "Close the day (Z)…", "Open the drawer…", "Closings…"}) {
        INFO(step);
        wxMenuItem* item = MenuItem(frame, "Desk", wxString::FromUTF8(step));
        REQUIRE(item != nullptr);
        CHECK_FALSE(MenuEnabled(frame, item));
    }
    wxMenuItem* integrity = MenuItem(frame, "Desk", wxString::FromUTF8("Verify integrity…"));
    REQUIRE(integrity != nullptr);
    CHECK(MenuEnabled(frame, integrity));
    test::SaveScreenshot(frame, "roles_accountant");

    // Accounting ▸ Accounts…: the chart shown in full, its buttons at their size; saving is the administrator's.
    wxMenuItem* accounts = MenuItem(frame, "Accounting", wxString::FromUTF8("Accounts…"));
    REQUIRE(accounts != nullptr);
    frame->ProcessCommand(accounts->GetId());
    auto* dialog = TopLevel<ui::AccountsDialog>();
    REQUIRE(dialog != nullptr);
    REQUIRE(test::PumpUntil([dialog] { return dialog->IsLoaded() && !dialog->IsBusy(); }));
    test::Pump(300ms);   // the window manager's answer to the new size
    auto* save = dynamic_cast<wxButton*>(dialog->FindWindow(wxID_SAVE));
    REQUIRE(save != nullptr);
    CHECK_FALSE(save->IsEnabled());
    CHECK(save->GetToolTipText() == "Only an administrator may edit the settings");
    for (wxWindow* child : dialog->GetChildren())
        if (auto* button = dynamic_cast<wxButton*>(child)) {
            INFO(button->GetLabel().utf8_string());
            CHECK(button->GetSize().x >= button->GetBestSize().x);
            CHECK(button->GetSize().y >= button->GetBestSize().y);
        }
    test::SaveScreenshot(dialog, "roles_accounts");
    dialog->Destroy();
    frame->Destroy();
    test::Pump(50ms);
}

TEST_CASE("Today counts the customer messages still waiting to be sent", "[ui][today]")
{
    test::TempDir dir;
    const std::string file = dir.file("messages.db");
    const auto clock = std::make_shared<domain::FixedClock>(test::at("2026-07-14T08:00:00Z"));
    {
        auto store = app::openStore(file);
        test::seedWorld(*store);
    }
    auto session = ui::MakeSession(file, clock);
    session->zone = domain::BusinessZone();
    auto* frame = new wxFrame(nullptr, wxID_ANY, "today", wxPoint(0, 0));
    frame->SetClientSize(frame->FromDIP(wxSize(1280, 760)));
    auto* panel = new ui::TodayPanel(frame, session);
    frame->Show();
    panel->ShowDate(test::bastilleDay());
    REQUIRE(test::PumpUntil([panel] { return panel->IsLoaded(); }));
    CHECK(panel->WaitingMessages() == 0);
    CHECK(panel->Attention()->Headings().back() == "Customer messages (0)");
    CHECK(panel->Attention()->RowText(panel->Attention()->RowCount() - 1) == "Every message was sent");

    // Ten messages written by a closure, the mail server not reached yet: Today says so, and the line opens the log.
    {
        auto store = app::openStore(file);
        store->write([&](domain::StoreWriter& w) {
            for (int i = 0; i < 10; ++i) {
                domain::Notification n;
                n.id = domain::Uuid::generate();
                n.recipient = "client" + std::to_string(i) + "@example.org";
                n.kind = "closure.moved";
                n.subject = "Votre promenade";
                n.body = "Bonjour";
                n.createdAt = clock->now();
                w.insertNotification(n);
            }
        });
    }
    REQUIRE(test::PumpUntil([panel] { return panel->WaitingMessages() == 10; }, 5s));
    ui::TodayList* list = panel->Attention();
    CHECK(list->Headings().back() == "Customer messages (1)");
    const int last = list->RowCount() - 1;
    CHECK(list->RowText(last) == "10 messages waiting to be sent");
    REQUIRE(list->LineAt(last) != nullptr);
    CHECK(list->LineAt(last)->severity == app::Severity::Warning);
    CHECK(list->LineAt(last)->target.place == app::TodayTarget::Place::NotificationLog);
    CHECK(panel->StatusText().EndsWith("1 warning"));
    test::SaveScreenshot(frame, "today_waiting_messages");
    frame->Destroy();
    test::Pump(50ms);
}

TEST_CASE("the Accounting check says when the period has no closing to match", "[ui][accounting]")
{
    test::SqliteEngine engine;
    const auto clock = std::make_shared<domain::FixedClock>(test::at("2026-07-14T07:30:00Z"));
    domain::Employee admin;
    {
        auto store = engine.open();
        test::seedWorld(*store);
        app::NewEmployee form;
        form.login = "claire";
        form.name = "Claire Muller";
        form.role = domain::Role::Admin;
        admin = app::addEmployee(*store, *clock, form, std::nullopt);
        app::DeskSaleRequest request;
        request.sale.date = test::bastilleDay();
        request.sale.time = domain::Minutes{10 * 60};
        request.sale.party = domain::Party{1, 0, 0};
        request.sale.employeeId = admin.id;
        request.tenders.push_back(app::Tender{domain::PaymentMethod::Card, domain::Money::cents(1200), {}, {}});
        app::sellAtDesk(*store, *clock, request);
    }
    auto session = ui::MakeSession(engine.location(), clock);
    session->zone = domain::BusinessZone("Europe/Paris");
    session->employee = admin;
    auto* frame = OpenFrame(session);
    REQUIRE(frame->ShowView(ui::MainFrame::View::Accounting));
    ui::AccountingPanel* panel = frame->Accounting();
    REQUIRE(test::PumpUntil([panel] { return panel->IsLoaded() && !panel->IsBusy(); }));
    REQUIRE(panel->Check());
    CHECK(panel->Check()->days.size() == 1);
    CHECK(panel->Check()->differences == 0);
    CHECK(panel->CheckText() == "No closing yet in this period");
    test::SaveScreenshot(frame, "accounting_no_closing");
    frame->Destroy();
    test::Pump(50ms);
}

TEST_CASE("a sale made through the window's own worker shows on the planning without a reload", "[ui][roles][moves]")
{
    test::TempDir dir;
    const std::string file = dir.file("own-sale.db");
    const auto clock = std::make_shared<domain::FixedClock>(test::at("2026-07-14T07:40:00Z"));
    {
        auto store = app::openStore(file);
        test::seedWorld(*store);
    }
    auto session = ui::MakeSession(file, clock);
    session->zone = domain::BusinessZone();
    auto* frame = OpenFrame(session);
    REQUIRE(frame->ShowView(ui::MainFrame::View::Planning));
    ui::PlanningPanel* planning = frame->Planning();
    planning->ShowDate(test::bastilleDay());
    REQUIRE(test::PumpUntil([planning] { return planning->IsLoaded(); }));
    const std::size_t before = planning->Grid()->Planning()->bookings.size();

    // As the desk sells: on the session's worker, its one connection, while the planning is shown.
    auto sold = std::make_shared<std::optional<domain::Uuid>>();
    session->worker->post([clock, sold](domain::Store& store) {
        app::SaleRequest request;
        request.date = test::bastilleDay();
        request.time = domain::Minutes{11 * 60};
        request.party = {2, 0, 0};
        request.payment = domain::PaymentMethod::Card;
        *sold = app::sellRide(store, *clock, request).booking.id;
    });
    REQUIRE(test::PumpUntil([&] {
        if (!*sold) return false;
        for (const auto& b : planning->Grid()->Planning()->bookings)
            if (b.id == **sold) return true;
        return false;
    }, 5s));
    CHECK(planning->Grid()->Planning()->bookings.size() == before + 1);
    frame->Destroy();
    test::Pump(50ms);
}

TEST_CASE("Tab in the employee form goes from the name to the login", "[ui][staff]")
{
    auto session = test::DemoSession();
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Staff", wxPoint(0, 0), wxSize(1000, 620));
    auto* panel = new ui::StaffPanel(frame, session);
    frame->Show();
    REQUIRE(test::PumpUntil([panel] { return panel->IsLoaded() && !panel->IsBusy(); }));
    REQUIRE(panel->AddButton()->IsEnabled());   // nobody signed in: the use cases check nobody either
    auto* form = panel->OpenAddDialog();

    // The keyboard's order is the order the fields are shown in: name, login, role…
    std::vector<wxWindow*> order;
    for (wxWindow* child : form->GetChildren())
        if (child->IsShown() && child->AcceptsFocusFromKeyboard()) order.push_back(child);
    REQUIRE(order.size() >= 2);
    CHECK(order[0] == form->NameField());
    CHECK(order[1] == form->LoginField());

    // And a Tab from the name lands in the login.
    form->NameField()->SetFocus();
    REQUIRE(test::PumpUntil([form] { return wxWindow::FindFocus() == form->NameField(); }, 2s));
    form->NameField()->Navigate(wxNavigationKeyEvent::IsForward);
    CHECK(test::PumpUntil([form] { return wxWindow::FindFocus() == form->LoginField(); }, 2s));
    form->LoginField()->SetValue("anna");
    test::SaveScreenshot(form, "employee_tab_order");
    form->Destroy();
    frame->Destroy();
    test::Pump(50ms);
}
