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
    auto* file = new wxMenu;
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"), _("Close the program"));
    auto* view = new wxMenu;
    view->Append(kIdViewPlanning, _("&Planning\tCtrl+1"), _("Show the day's planning"));
    view->AppendSeparator();
    view->Append(kIdPreviousDay, _("P&revious day\tCtrl+Left"), _("Show the day before"));
    view->Append(kIdNextDay, _("&Next day\tCtrl+Right"), _("Show the day after"));
    view->Append(kIdToday, _("&Today\tCtrl+T"), _("Show today"));
    view->AppendSeparator();
    view->Append(kIdRefresh, _("&Reload\tF5"), _("Read the planning again from the database"));
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About Sweet Narcisse"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::OnAbout, this, wxID_ABOUT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_nav->Select(0); }, kIdViewPlanning);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->ShowPreviousDay(); }, kIdPreviousDay);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->ShowNextDay(); }, kIdNextDay);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->ShowToday(); }, kIdToday);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_planning->Reload(); }, kIdRefresh);
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
