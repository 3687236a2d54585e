// The main window: the views of DESIGN.md §7 that exist (Planning and Week so far) down the left,
// the chosen view on the right, the store and the signed-in employee in the status bar; Edit's
// undo and redo are the planning's history.
#pragma once

#include "ui/session.h"

#include <wx/frame.h>

#include <memory>

class wxMenu;
class wxSimplebook;

namespace narcisse::ui {

class NavBar;
class PlanningPanel;
class WeekView;

class MainFrame : public wxFrame {
public:
    explicit MainFrame(std::shared_ptr<Session> session);

    PlanningPanel* Planning() const { return m_planning; }
    NavBar* Navigation() const { return m_nav; }
    WeekView* Week() const { return m_week; }

private:
    void ShowPage(int page);
    void BuildMenus();
    wxMenu* MakeFileMenu();
    wxMenu* MakeEditMenu();
    wxMenu* MakeViewMenu();
    wxMenu* MakePlanningMenu();   // the schedule's actions: move, closures, crew, timetable, messages
    wxMenu* MakeHelpMenu();
    void BuildStatusBar();
    void OnAbout(wxCommandEvent& event);

    std::shared_ptr<Session> m_session;
    NavBar* m_nav = nullptr;
    wxSimplebook* m_book = nullptr;
    PlanningPanel* m_planning = nullptr;
    WeekView* m_week = nullptr;
};

}  // namespace narcisse::ui
