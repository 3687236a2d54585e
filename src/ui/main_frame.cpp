#include "ui/main_frame.h"

#include "ui/access.h"
#include "ui/accounting_panel.h"
#include "ui/accounts_dialog.h"
#include "ui/closure_dialog.h"
#include "ui/cash_drawer_dialog.h"
#include "ui/crew_dialog.h"
#include "ui/integrity_dialog.h"
#include "ui/voucher_lookup_dialog.h"
#include "ui/voucher_sale_dialog.h"
#include "ui/desk_panel.h"
#include "ui/export_dialog.h"
#include "ui/fleet_panel.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/nav_bar.h"
#include "ui/planning_grid.h"
#include "ui/notification_log_dialog.h"
#include "ui/planning_panel.h"
#include "ui/reopen_dialog.h"
#include "ui/staff_panel.h"
#include "ui/stats_panel.h"
#include "ui/today_panel.h"
#include "ui/timetable_dialog.h"
#include "ui/week_view.h"

#include "app/sign_in.h"

#include <wx/aboutdlg.h>
#include <wx/menu.h>
#include <wx/simplebook.h>
#include <wx/statusbr.h>

#include <chrono>
#include <future>
#include <utility>

namespace narcisse::ui {
namespace {

enum {
    kIdViewPlanning = wxID_HIGHEST + 1,
    kIdPreviousDay,
    kIdNextDay,
    kIdToday,
    kIdRefresh,
    kIdMoveBooking,
    kIdViewWeek,
    kIdViewToday,
    kIdViewFleet,
    kIdViewStaff,
    kIdCloseDepartures,
    kIdReopenClosures,
    kIdCrew,
    kIdTimetable,
    kIdNotifications,
    kIdViewDesk,
    kIdNewSale,
    kIdPhoneBooking,
    kIdFindBooking,
    kIdEndOfDay,
    kIdCashDrawer,
    kIdVoucherSale,
    kIdVoucherLookup,
    kIdIntegrity,
    kIdViewAccounting,
    kIdViewStats,
    kIdExport,
    kIdAccounts,
};

enum Page { kPageToday = 0, kPageDesk, kPagePlanning, kPageWeek, kPageFleet, kPageStaff, kPageAccounting, kPageStats };

// A menu command the role may not run stays in its menu, greyed, and says who may in the status bar.
void ExplainRefusal(wxMenu* menu, int id, const Session& session, domain::Action action)
{
    if (!May(session, action)) menu->SetHelpString(id, WhoMay(action));
}

}  // namespace

MainFrame::MainFrame(std::shared_ptr<Session> session)
    : wxFrame(nullptr, wxID_ANY, _("Sweet Narcisse — back-office")), m_session(std::move(session))
{
    SetIcons(GetAppIcons());
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    m_nav = new NavBar(this);
    m_book = new wxSimplebook(this);
    m_today = new TodayPanel(m_book, m_session);
    m_book->AddPage(m_today, _("Today"));
    m_nav->AddItem(_("Today"), ui::GetIcon("today", 28), _("The day at a glance: what needs doing"));
    m_today->SetOnOpen([this](const app::TodayTarget& target) { OpenTarget(target); });
    m_desk = new DeskPanel(m_book, m_session);
    m_book->AddPage(m_desk, _("Desk"));
    m_nav->AddItem(_("Desk"), ui::GetIcon("desk", 28), _("Sell, find and board: the ticket desk (F2)"));
    m_planning = new PlanningPanel(m_book, m_session);
    m_book->AddPage(m_planning, _("Planning"));
    m_nav->AddItem(_("Planning"), ui::GetIcon("planning", 28), _("The day's boats and departures (Ctrl+1)"));
    m_week = new WeekView(m_book, m_session);
    m_book->AddPage(m_week, _("Week"));
    m_nav->AddItem(_("Week"), ui::GetIcon("week", 28), _("The week's occupancy, day by day (Ctrl+2)"));
    // A click on a day of the week opens it in the day view.
    m_week->SetOnOpenDay([this](domain::LocalDate date) {
        m_planning->ShowDate(date);
        m_nav->Select(kPagePlanning);
    });
    m_fleet = new FleetPanel(m_book, m_session);
    m_book->AddPage(m_fleet, _("Fleet"));
    m_nav->AddItem(_("Fleet"), ui::GetIcon("fleet", 28), _("Boats and their maintenance (Ctrl+3)"));
    m_staff = new StaffPanel(m_book, m_session);
    m_book->AddPage(m_staff, _("Staff"));
    m_nav->AddItem(_("Staff"), ui::GetIcon("staff", 28), _("Employees, licences and days off (Ctrl+4)"));
    m_accounting = new AccountingPanel(m_book, m_session);
    m_book->AddPage(m_accounting, _("Accounting"));
    m_nav->AddItem(_("Accounting"), ui::GetIcon("accounting", 28), _("The journal, account balances and exports (Ctrl+5)"));
    m_stats = new StatsPanel(m_book, m_session);
    m_book->AddPage(m_stats, _("Stats"));
    m_nav->AddItem(_("Stats"), ui::GetIcon("stats", 28), _("Passengers, revenue and occupancy at a glance (Ctrl+6)"));
    m_accounting->SetOnAccounts([this] { ProcessCommand(kIdAccounts); });
    m_accounting->SetOnExport([this](domain::LocalDate from, domain::LocalDate to) { ShowExportDialog(this, m_session, from, to); });
    m_nav->SetOnSelect([this](int page) { ShowPage(page); });
    sizer->Add(m_nav, wxSizerFlags().Expand());
    sizer->Add(m_book, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    ShowAllowedViews();
    BuildMenus();
    BuildStatusBar();
    SetMinSize(FromDIP(wxSize(760, 480)));
    SetSize(FromDIP(wxSize(1280, 800)));
    m_today->ShowDate(m_session->Today());   // the view that opens first
}

bool MainFrame::IsViewAllowed(View view) const
{
    using domain::Action;
    const Session& s = *m_session;
    switch (view) {
    case View::Today:
    case View::Planning:
    case View::Week: return May(s, Action::ViewPlanning);
    case View::Desk: return May(s, Action::SellRide) || May(s, Action::BoardPassenger);
    case View::Fleet: return May(s, Action::ManageFleet);
    // The manager reads the staff (licences, days off) to plan the crew; only the administrator changes it.
    case View::Staff: return May(s, Action::ManageStaff) || May(s, Action::EditTimetable);
    case View::Accounting:
    case View::Stats: return May(s, Action::ViewAccounting);   // the figures are the accounts' figures
    }
    return false;
}

void MainFrame::ShowAllowedViews()
{
    for (View view : {View::Today, View::Desk, View::Planning, View::Week, View::Fleet, View::Staff, View::Accounting,
                      View::Stats})
        m_nav->ShowItem(static_cast<int>(view), IsViewAllowed(view));
}

bool MainFrame::ShowView(View view)
{
    if (!IsViewAllowed(view)) return false;
    const int page = static_cast<int>(view);
    if (m_nav->Selection() == page)
        ShowPage(page);   // already chosen: load it again all the same
    else
        m_nav->Select(page);
    return true;
}

MainFrame::View MainFrame::CurrentView() const { return static_cast<View>(m_book->GetSelection()); }

void MainFrame::ShowPage(int page)
{
    // Each view loads what it shows when it is chosen: the week of the day being planned, the
    // fleet and staff as they are now, today's lines.
    if (page == kPageWeek) m_week->ShowWeekOf(m_planning->Date());
    if (page == kPageToday) m_today->ShowDate(m_session->Today());
    if (page == kPageFleet) m_fleet->Reload();
    if (page == kPageStaff) m_staff->Reload();
    if (page == kPageDesk) m_desk->Reload();
    if (page == kPageAccounting) m_accounting->Reload();
    if (page == kPageStats) m_stats->Reload();
    m_book->ChangeSelection(static_cast<std::size_t>(page));
    if (page == kPagePlanning) m_planning->Grid()->SetFocus();
    if (page == kPageDesk) m_desk->FocusSearch();   // a scanner can type at once
}

void MainFrame::OpenTarget(const app::TodayTarget& target)
{
    using Place = app::TodayTarget::Place;
    switch (target.place) {
        case Place::Planning:
        case Place::Booking:
            m_planning->ShowDate(target.date);
            ShowView(View::Planning);
            break;
        case Place::Boat: ShowView(View::Fleet); break;
        case Place::Employee: ShowView(View::Staff); break;
        case Place::NotificationLog: ShowNotificationLog(this, *m_session); break;
    }
}

void MainFrame::BuildMenus()
{
    // One function per menu, so a new dialog (closures, crew, timetable…) is one Append and one Bind.
    auto* bar = new wxMenuBar;
    bar->Append(MakeFileMenu(), _("&File"));
    bar->Append(MakeEditMenu(), _("&Edit"));
    bar->Append(MakeViewMenu(), _("&View"));
    bar->Append(MakeDeskMenu(), _("&Desk"));
    bar->Append(MakePlanningMenu(), _("&Planning"));
    if (IsViewAllowed(View::Accounting)) bar->Append(MakeAccountingMenu(), _("&Accounting"));
    bar->Append(MakeHelpMenu(), _("&Help"));
    SetMenuBar(bar);
}

wxMenu* MainFrame::MakeFileMenu()
{
    auto* file = new wxMenu;
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"), _("Close the program"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    return file;
}

wxMenu* MainFrame::MakeEditMenu()
{
    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, _("&Undo\tCtrl+Z"), _("Undo the last planning change (checked again against the seats)"));
    edit->Append(wxID_REDO, _("&Redo\tCtrl+Y"), _("Do the last undone planning change again"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->Undo(); }, wxID_UNDO);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->Redo(); }, wxID_REDO);
    // The labels name what would be undone ("Undo move SN-…"), refreshed whenever the menu shows.
    // Undo and redo are moves again: the role must be allowed to move bookings.
    ExplainRefusal(edit, wxID_UNDO, *m_session, domain::Action::MoveBooking);
    ExplainRefusal(edit, wxID_REDO, *m_session, domain::Action::MoveBooking);
    const bool mayMove = May(*m_session, domain::Action::MoveBooking);
    Bind(wxEVT_UPDATE_UI, [this, mayMove](wxUpdateUIEvent& event) {
        event.Enable(mayMove && m_planning->CanUndo());
        const wxString what = m_planning->UndoLabel();
        event.SetText((what.empty() ? _("&Undo") : wxString::Format(_("&Undo %s"), what)) + "\tCtrl+Z");
    }, wxID_UNDO);
    Bind(wxEVT_UPDATE_UI, [this, mayMove](wxUpdateUIEvent& event) {
        event.Enable(mayMove && m_planning->CanRedo());
        const wxString what = m_planning->RedoLabel();
        event.SetText((what.empty() ? _("&Redo") : wxString::Format(_("&Redo %s"), what)) + "\tCtrl+Y");
    }, wxID_REDO);
    return edit;
}

wxMenu* MainFrame::MakeViewMenu()
{
    auto* view = new wxMenu;
    // Only the views the role may open, as in the navigation (their accelerators go with them).
    auto add = [this, view](View v, int id, const wxString& label, const wxString& help) {
        if (IsViewAllowed(v)) view->Append(id, label, help);
    };
    add(View::Today, kIdViewToday, _("T&oday's overview"), _("What needs doing today"));
    add(View::Desk, kIdViewDesk, _("&Desk\tF2"), _("The ticket desk: sell, find and board"));
    add(View::Planning, kIdViewPlanning, _("&Planning\tCtrl+1"), _("Show the day's planning"));
    add(View::Week, kIdViewWeek, _("&Week\tCtrl+2"), _("Show the week's occupancy"));
    add(View::Fleet, kIdViewFleet, _("&Fleet\tCtrl+3"), _("Boats and their maintenance"));
    add(View::Staff, kIdViewStaff, _("&Staff\tCtrl+4"), _("Employees, licences and days off"));
    add(View::Accounting, kIdViewAccounting, _("&Accounting\tCtrl+5"), _("The journal, account balances and the check against the closings"));
    add(View::Stats, kIdViewStats, _("S&tats\tCtrl+6"), _("Passengers, revenue, occupancy, channels and lead time of a period"));
    view->AppendSeparator();
    view->Append(kIdPreviousDay, _("P&revious day\tCtrl+Left"), _("Show the day before"));
    view->Append(kIdNextDay, _("&Next day\tCtrl+Right"), _("Show the day after"));
    view->Append(kIdToday, _("&Today\tCtrl+T"), _("Show today"));
    view->AppendSeparator();
    view->Append(kIdRefresh, _("&Reload\tF5"), _("Read the planning again from the database"));
    view->AppendSeparator();
    // Stock ids: the toolkit's own zoom icons and labels where it has them. Ctrl+= is what the
    // "+" key gives without Shift on most layouts; Ctrl++ and the keypad's keys work too.
    wxMenuItem* zoomIn = view->Append(wxID_ZOOM_IN, _("Zoom &in\tCtrl+="), _("Larger blocks and text in the planning"));
    zoomIn->AddExtraAccel(wxAcceleratorEntry(wxACCEL_CTRL, '+'));
    zoomIn->AddExtraAccel(wxAcceleratorEntry(wxACCEL_CTRL, WXK_NUMPAD_ADD));
    wxMenuItem* zoomOut = view->Append(wxID_ZOOM_OUT, _("Zoom &out\tCtrl+-"), _("More of the day in the planning, in compact blocks"));
    zoomOut->AddExtraAccel(wxAcceleratorEntry(wxACCEL_CTRL, WXK_NUMPAD_SUBTRACT));
    view->Append(wxID_ZOOM_100, _("&Normal size\tCtrl+0"), _("The planning at its normal size"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowView(View::Today); }, kIdViewToday);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowView(View::Desk); }, kIdViewDesk);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowView(View::Planning); }, kIdViewPlanning);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowView(View::Week); }, kIdViewWeek);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowView(View::Fleet); }, kIdViewFleet);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowView(View::Staff); }, kIdViewStaff);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowView(View::Accounting); }, kIdViewAccounting);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowView(View::Stats); }, kIdViewStats);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->ShowPreviousDay(); }, kIdPreviousDay);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->ShowNextDay(); }, kIdNextDay);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->ShowToday(); }, kIdToday);
    // F5 reloads the view shown; in the Desk view the panel takes F5 first (a new sale).
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (CurrentView() == View::Desk) m_desk->Reload();
        else if (CurrentView() == View::Accounting) m_accounting->Reload();
        else if (CurrentView() == View::Stats) m_stats->Reload();
        else m_planning->Reload();
    }, kIdRefresh);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->Grid()->ZoomIn(); }, wxID_ZOOM_IN);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->Grid()->ZoomOut(); }, wxID_ZOOM_OUT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->Grid()->ZoomReset(); }, wxID_ZOOM_100);
    // The zoom is the day view's: greyed on the week, and at the ends of the levels.
    auto onPlanning = [this] { return m_book->GetSelection() == static_cast<int>(kPagePlanning); };
    Bind(wxEVT_UPDATE_UI, [this, onPlanning](wxUpdateUIEvent& e) { e.Enable(onPlanning() && m_planning->Grid()->CanZoomIn()); }, wxID_ZOOM_IN);
    Bind(wxEVT_UPDATE_UI, [this, onPlanning](wxUpdateUIEvent& e) { e.Enable(onPlanning() && m_planning->Grid()->CanZoomOut()); }, wxID_ZOOM_OUT);
    Bind(wxEVT_UPDATE_UI, [this, onPlanning](wxUpdateUIEvent& e) {
        e.Enable(onPlanning());
        // TRANSLATORS: View menu; %d is the planning's current zoom in percent
        e.SetText(wxString::Format(_("&Normal size (now %d %%)"), m_planning->Grid()->ZoomPercent()) + "\tCtrl+0");
    }, wxID_ZOOM_100);
    return view;
}

namespace {
// The drawer's steps of the desk's day (the other desk commands are in the enum above).
enum { kIdCashInOut = wxID_HIGHEST + 300, kIdCloseDay, kIdClosings };
}  // namespace

wxMenu* MainFrame::MakeDeskMenu()
{
    // The desk's day in its order: open the drawer, sell and board, cash in and out, end of day,
    // close the day (Z, printed), the closings. Each step opens from here and has its key.
    auto* desk = new wxMenu;
    desk->Append(kIdCashDrawer, _("&Open the drawer…\tF7"), _("Count the float and open the cash drawer: the day's first step"));
    desk->AppendSeparator();
    // F5 is View > Reload's accelerator everywhere else: in the Desk view the panel answers F5 itself.
    desk->Append(kIdNewSale, _("&New sale…"), _("Sell a ride at the desk (F5 in the Desk view)"));
    desk->Append(kIdPhoneBooking, _("&Phone booking…\tF6"), _("Book a ride by phone, paid later"));
    desk->Append(kIdFindBooking, _("&Find or scan a booking\tF3"), _("The Desk view's search and scan field"));
    desk->AppendSeparator();
    desk->Append(kIdCashInOut, _("Cash &in / out…\tShift+F7"), _("Cash paid into or taken out of the open drawer, with its reason"));
    desk->Append(kIdEndOfDay, _("&End of day (no-shows)…\tF8"), _("No-shows and completed rides of the departures that have left"));
    desk->Append(kIdCloseDay, _("&Close the day (Z)…\tF9"), _("Count the drawer and store the daily closing, then print it"));
    desk->Append(kIdClosings, _("C&losings…\tShift+F9"), _("The stored closings; close a month or a year"));
    desk->AppendSeparator();
    desk->Append(kIdVoucherSale, _("Sell a &gift voucher…"), _("A voucher for an amount or a ride type, printed with its code"));
    desk->Append(kIdVoucherLookup, _("Gift &vouchers…"), _("A voucher's balance and history; extend its expiry"));
    desk->AppendSeparator();
    desk->Append(kIdIntegrity, _("&Verify integrity…"), _("Walk the receipts, payments, refunds and closings chains"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        // A voucher paid in cash changes what the drawer should hold.
        ShowVoucherSale(this, m_session)->SetOnSold([this](const app::VoucherSaleResult&) { m_desk->DataChanged(); });
    }, kIdVoucherSale);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowVoucherLookup(this, m_session); }, kIdVoucherLookup);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowIntegrity(this, m_session); }, kIdIntegrity);
    // Each opens the Desk view first, so the sale finds its departures loaded and the drawer's
    // state shows beside its dialog.
    auto onDesk = [this](std::function<void()> then) {
        if (CurrentView() == View::Desk) return then();
        ShowView(View::Desk);
        if (CurrentView() != View::Desk) return;   // a role without the desk
        m_desk->CallAfter([then] { then(); });
    };
    Bind(wxEVT_MENU, [this, onDesk](wxCommandEvent&) { onDesk([this] { m_desk->OpenCashDrawer(); }); }, kIdCashDrawer);
    Bind(wxEVT_MENU, [this, onDesk](wxCommandEvent&) { onDesk([this] { m_desk->OpenSale(); }); }, kIdNewSale);
    Bind(wxEVT_MENU, [this, onDesk](wxCommandEvent&) { onDesk([this] { m_desk->OpenPhoneBooking(); }); }, kIdPhoneBooking);
    Bind(wxEVT_MENU, [this, onDesk](wxCommandEvent&) { onDesk([this] { m_desk->FocusSearch(); }); }, kIdFindBooking);
    Bind(wxEVT_MENU, [this, onDesk](wxCommandEvent&) { onDesk([this] { m_desk->OpenCashDrawer(); }); }, kIdCashInOut);
    Bind(wxEVT_MENU, [this, onDesk](wxCommandEvent&) { onDesk([this] { m_desk->OpenEndOfDay(); }); }, kIdEndOfDay);
    Bind(wxEVT_MENU, [this, onDesk](wxCommandEvent&) { onDesk([this] { m_desk->OpenCloseDay(); }); }, kIdCloseDay);
    Bind(wxEVT_MENU, [this, onDesk](wxCommandEvent&) { onDesk([this] { m_desk->OpenClosings(); }); }, kIdClosings);
    // The drawer's state, once the Desk view has read it, greys the step that does not apply. A
    // role without the Desk view (the accountant) keeps only the vouchers' lookup and the check.
    using Drawer = app::DeskDrawer::State;
    const bool atDesk = IsViewAllowed(View::Desk);
    Bind(wxEVT_UPDATE_UI, [this, atDesk](wxUpdateUIEvent& e) {
        e.Enable(atDesk && (!m_desk->Drawer() || m_desk->Drawer()->state != Drawer::Open));
    }, kIdCashDrawer);
    Bind(wxEVT_UPDATE_UI, [this, atDesk](wxUpdateUIEvent& e) {
        e.Enable(atDesk && (!m_desk->Drawer() || m_desk->Drawer()->state == Drawer::Open));
    }, kIdCashInOut);
    for (const int id : std::initializer_list<int>{kIdNewSale, kIdPhoneBooking, kIdFindBooking, kIdEndOfDay, kIdCloseDay, kIdClosings, kIdVoucherSale})
        Bind(wxEVT_UPDATE_UI, [atDesk](wxUpdateUIEvent& e) { e.Enable(atDesk); }, id);
    return desk;
}

wxMenu* MainFrame::MakePlanningMenu()
{
    auto* planning = new wxMenu;
    // No accelerator: the grid itself answers M and Enter, and a menu letter would eat the date field's typing.
    planning->Append(kIdMoveBooking, _("&Move booking…"),
                     _("Move the selected booking to another departure or boat (M or Enter in the planning)"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->OpenMoveDialog(); }, kIdMoveBooking);
    planning->AppendSeparator();
    planning->Append(kIdCloseDepartures, _("&Close departures…"),
                     _("Close a departure, a time range, the day or one boat, and take care of its passengers"));
    planning->Append(kIdReopenClosures, _("&Reopen closures…"), _("Remove closures of the day shown"));
    planning->AppendSeparator();
    planning->Append(kIdCrew, _("&Boatmen of the day…"), _("Assign boatmen to the boats of the day shown"));
    planning->Append(kIdTimetable, _("&Timetable…"), _("Seasons, extra and cancelled departures"));
    planning->AppendSeparator();
    planning->Append(kIdNotifications, _("Customer &messages…"), _("The messages sent to customers, and those that failed"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (ShowClosureDialog(this, *m_session, m_planning->Date())) m_planning->Reload();
    }, kIdCloseDepartures);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        const auto day = m_planning->CurrentPlanning();
        if (!day) return;
        ShowReopenDialog(this, m_session, *day, [this](const wxString& outcome) {
            m_planning->ShowNotice(outcome, wxICON_INFORMATION);
            m_planning->Reload();
        });
    }, kIdReopenClosures);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        ShowCrewDialog(this, m_session, m_planning->Date())->SetOnChanged([this] { m_planning->Reload(); });
    }, kIdCrew);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        ShowTimetableDialog(this, m_session)->SetOnChanged([this] { m_planning->Reload(); });
    }, kIdTimetable);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { ShowNotificationLog(this, *m_session); }, kIdNotifications);
    // Each changes the schedule: greyed while an edit is on its way, and for a role that may not.
    using domain::Action;
    for (auto [id, action] : {std::pair{int(kIdMoveBooking), Action::MoveBooking},
                              std::pair{int(kIdCloseDepartures), Action::ManageClosures},
                              std::pair{int(kIdReopenClosures), Action::ManageClosures},
                              std::pair{int(kIdCrew), Action::EditTimetable},
                              std::pair{int(kIdTimetable), Action::EditTimetable}}) {
        ExplainRefusal(planning, id, *m_session, action);
        const bool allowed = May(*m_session, action);
        Bind(wxEVT_UPDATE_UI, [this, allowed](wxUpdateUIEvent& event) { event.Enable(allowed && !m_planning->IsEditing()); }, id);
    }
    return planning;
}

wxMenu* MainFrame::MakeAccountingMenu()
{
    auto* accounting = new wxMenu;
    // The view's own entry has Ctrl+5 in the View menu; one accelerator per command.
    accounting->Append(kIdViewAccounting, _("The &journal"), _("The journal, account balances and the check against the closings"));
    accounting->AppendSeparator();
    accounting->Append(kIdExport, _("&Export…"), _("FEC file, CSV files and PDF reports for the accountant"));
    accounting->Append(kIdAccounts, _("A&ccounts…"), _("The account each payment method, VAT rate and voucher kind is booked to"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        // The period the Accounting view shows, once it has been opened; this month otherwise.
        const auto today = m_session->Today();
        const bool shown = m_accounting->IsLoaded();
        const domain::LocalDate from = shown ? m_accounting->From() : today.year() / today.month() / date::day{1};
        const domain::LocalDate to = shown ? m_accounting->To() : domain::LocalDate{today.year() / today.month() / date::last};
        ShowExportDialog(this, m_session, from, to);
    }, kIdExport);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        ShowAccountsDialog(this, m_session)->SetOnSaved([this] {
            if (m_accounting->IsLoaded()) m_accounting->Reload();
        });
    }, kIdAccounts);
    // The exports need their own right; the accounts open for anyone who sees the books (the dialog
    // saves only for who may edit the settings).
    ExplainRefusal(accounting, kIdExport, *m_session, domain::Action::ExportAccounting);
    accounting->Enable(kIdExport, May(*m_session, domain::Action::ExportAccounting));
    return accounting;
}

wxMenu* MainFrame::MakeHelpMenu()
{
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About Sweet Narcisse"));
    Bind(wxEVT_MENU, &MainFrame::OnAbout, this, wxID_ABOUT);
    return help;
}

void MainFrame::BuildStatusBar()
{
    wxStatusBar* bar = CreateStatusBar(2);
    const int widths[] = {-3, -2};
    bar->SetStatusWidths(2, widths);
    const wxString store = m_session->store ? wxString::FromUTF8(m_session->store->description) : wxString();
    SetStatusText(wxString::Format(_("Database: %s"), store), 0);
    if (m_session->employee) {
        const auto& employee = *m_session->employee;
        SetStatusText(wxString::Format(_("Signed in: %s (%s)"), wxString::FromUTF8(employee.name), RoleName(employee.role)), 1);
    }
}

void MainFrame::OnAbout(wxCommandEvent&)
{
    wxAboutDialogInfo info;
    info.SetName(_("Sweet Narcisse"));
    info.SetVersion(NARCISSE_VERSION);
    info.SetDescription(_("The back-office of the Sweet Narcisse boat rides: planning, desk sales, bookings and accounts."));
    info.SetIcon(ui::GetIcon("narcisse", 64).GetIcon(FromDIP(wxSize(64, 64))));
    wxAboutBox(info, this);
}

void MainFrame::OnClose(wxCloseEvent& event)
{
    // The sign-out belongs in the technical event journal (cash-register law). The worker drops
    // queued jobs when it stops, so this one is waited for — briefly: a store that does not answer
    // within two seconds does not keep the window open.
    if (m_session->employee && m_session->worker) {
        auto done = std::make_shared<std::promise<void>>();
        auto future = done->get_future();
        const auto employee = *m_session->employee;
        const auto clock = m_session->clock;
        m_session->worker->post([employee, clock, done](domain::Store& store) {
            app::signOut(store, *clock, employee);
            done->set_value();
        }, [done](std::exception_ptr) { done->set_value(); });
        future.wait_for(std::chrono::seconds(2));
        m_session->employee.reset();
    }
    event.Skip();
}

}  // namespace narcisse::ui
