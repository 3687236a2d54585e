#include "ui/main_frame.h"

#include "ui/format.h"
#include "ui/icons.h"
#include "ui/nav_bar.h"
#include "ui/planning_grid.h"
#include "ui/planning_panel.h"

#include <wx/aboutdlg.h>
#include <wx/menu.h>
#include <wx/simplebook.h>
#include <wx/statusbr.h>

namespace narcisse::ui {
namespace {

enum {
    kIdViewPlanning = wxID_HIGHEST + 1,
    kIdPreviousDay,
    kIdNextDay,
    kIdToday,
    kIdRefresh,
    kIdMoveBooking,
};

}  // namespace

MainFrame::MainFrame(std::shared_ptr<Session> session)
    : wxFrame(nullptr, wxID_ANY, _("Sweet Narcisse — back-office")), m_session(std::move(session))
{
    SetIcons(GetAppIcons());
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    m_nav = new NavBar(this);
    m_book = new wxSimplebook(this);
    m_planning = new PlanningPanel(m_book, m_session);
    m_book->AddPage(m_planning, _("Planning"));
    m_nav->AddItem(_("Planning"), ui::GetIcon("planning", 28), _("The day's boats and departures (Ctrl+1)"));
    m_nav->SetOnSelect([this](int page) { m_book->ChangeSelection(static_cast<std::size_t>(page)); });
    sizer->Add(m_nav, wxSizerFlags().Expand());
    sizer->Add(m_book, wxSizerFlags(1).Expand());
    SetSizer(sizer);

    BuildMenus();
    BuildStatusBar();
    SetMinSize(FromDIP(wxSize(760, 480)));
    SetSize(FromDIP(wxSize(1280, 800)));
    m_planning->Grid()->SetFocus();
}

void MainFrame::BuildMenus()
{
    // One function per menu, so a new dialog (closures, crew, timetable…) is one Append and one Bind.
    auto* bar = new wxMenuBar;
    bar->Append(MakeFileMenu(), _("&File"));
    bar->Append(MakeEditMenu(), _("&Edit"));
    bar->Append(MakeViewMenu(), _("&View"));
    bar->Append(MakePlanningMenu(), _("&Planning"));
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
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& event) {
        event.Enable(m_planning->CanUndo());
        const wxString what = m_planning->UndoLabel();
        event.SetText((what.empty() ? _("&Undo") : wxString::Format(_("&Undo %s"), what)) + "\tCtrl+Z");
    }, wxID_UNDO);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& event) {
        event.Enable(m_planning->CanRedo());
        const wxString what = m_planning->RedoLabel();
        event.SetText((what.empty() ? _("&Redo") : wxString::Format(_("&Redo %s"), what)) + "\tCtrl+Y");
    }, wxID_REDO);
    return edit;
}

wxMenu* MainFrame::MakeViewMenu()
{
    auto* view = new wxMenu;
    view->Append(kIdViewPlanning, _("&Planning\tCtrl+1"), _("Show the day's planning"));
    view->AppendSeparator();
    view->Append(kIdPreviousDay, _("P&revious day\tCtrl+Left"), _("Show the day before"));
    view->Append(kIdNextDay, _("&Next day\tCtrl+Right"), _("Show the day after"));
    view->Append(kIdToday, _("&Today\tCtrl+T"), _("Show today"));
    view->AppendSeparator();
    view->Append(kIdRefresh, _("&Reload\tF5"), _("Read the planning again from the database"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_nav->Select(0); }, kIdViewPlanning);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->ShowPreviousDay(); }, kIdPreviousDay);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->ShowNextDay(); }, kIdNextDay);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->ShowToday(); }, kIdToday);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->Reload(); }, kIdRefresh);
    return view;
}

wxMenu* MainFrame::MakePlanningMenu()
{
    auto* planning = new wxMenu;
    // No accelerator: the grid itself answers M and Enter, and a menu letter would eat the date field's typing.
    planning->Append(kIdMoveBooking, _("&Move booking…"),
                     _("Move the selected booking to another departure or boat (M or Enter in the planning)"));
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->OpenMoveDialog(); }, kIdMoveBooking);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& event) { event.Enable(!m_planning->IsEditing()); }, kIdMoveBooking);
    return planning;
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

}  // namespace narcisse::ui
