// The main window: the views of DESIGN.md §7 that exist (Today, Desk, Planning, Week, Fleet, Staff,
// Accounting, Stats) down the left, the chosen view on the right, the store and the signed-in employee in
// the status bar; Edit's undo and redo are the planning's history.
#pragma once

#include "app/today.h"
#include "ui/session.h"

#include <wx/frame.h>

#include <memory>

class wxMenu;
class wxSimplebook;

namespace narcisse::ui {

class AccountingPanel;
class StatsPanel;
class DeskPanel;
class FleetPanel;
class NavBar;
class PlanningPanel;
class StaffPanel;
class TodayPanel;
class WeekView;

class MainFrame : public wxFrame {
public:
    // The views down the left, in this order (DESIGN.md §7); Today opens first.
    enum class View { Today, Desk, Planning, Week, Fleet, Staff, Accounting, Stats };

    explicit MainFrame(std::shared_ptr<Session> session);

    // Shows a view (as a click in the navigation would) and loads what it shows; a view the
    // signed-in role may not open is not shown (false).
    bool ShowView(View view);
    View CurrentView() const;
    // The views follow the role: a boatman sees the day and the planning, not the accounts.
    bool IsViewAllowed(View view) const;
    TodayPanel* Today() const { return m_today; }
    DeskPanel* Desk() const { return m_desk; }
    FleetPanel* Fleet() const { return m_fleet; }
    StaffPanel* Staff() const { return m_staff; }
    AccountingPanel* Accounting() const { return m_accounting; }
    StatsPanel* Stats() const { return m_stats; }

    PlanningPanel* Planning() const { return m_planning; }
    NavBar* Navigation() const { return m_nav; }
    WeekView* Week() const { return m_week; }

private:
    void ShowPage(int page);
    void ShowAllowedViews();   // the navigation lists only the views the role may open
    void OpenTarget(const app::TodayTarget& target);
    void BuildMenus();
    wxMenu* MakeFileMenu();
    wxMenu* MakeEditMenu();
    wxMenu* MakeViewMenu();
    wxMenu* MakeDeskMenu();       // the ticket desk: sale, phone booking, find, end of day
    wxMenu* MakePlanningMenu();   // the schedule's actions: move, closures, crew, timetable, messages
    wxMenu* MakeAccountingMenu(); // the journal, the exports, the accounts
    wxMenu* MakeHelpMenu();
    void BuildStatusBar();
    void OnAbout(wxCommandEvent& event);
    void OnClose(wxCloseEvent& event);   // records the sign-out

    std::shared_ptr<Session> m_session;
    NavBar* m_nav = nullptr;
    wxSimplebook* m_book = nullptr;
    PlanningPanel* m_planning = nullptr;
    WeekView* m_week = nullptr;
    TodayPanel* m_today = nullptr;
    DeskPanel* m_desk = nullptr;
    FleetPanel* m_fleet = nullptr;
    StaffPanel* m_staff = nullptr;
    AccountingPanel* m_accounting = nullptr;
    StatsPanel* m_stats = nullptr;
};

}  // namespace narcisse::ui
