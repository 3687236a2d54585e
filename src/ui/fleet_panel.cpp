#include "ui/fleet_panel.h"

#include "ui/format.h"
#include "ui/maintenance_dialog.h"
#include "ui/out_of_service_dialog.h"

#include <wx/choice.h>
#include <wx/imaglist.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace narcisse::ui {
namespace {

const wxColour kErrorColour(0xC5, 0x30, 0x30);
const wxColour kErrorField(0xFD, 0xEC, 0xEC);
const wxColour kMutedText(0x5F, 0x6B, 0x7A);
const wxColour kOkText(0x2E, 0x7D, 0x32);

constexpr domain::BoatStatus kStatuses[] = {domain::BoatStatus::InService, domain::BoatStatus::Maintenance,
                                            domain::BoatStatus::Retired};
constexpr domain::MaintenanceKind kKinds[] = {domain::MaintenanceKind::Inspection, domain::MaintenanceKind::Maintenance,
                                              domain::MaintenanceKind::Repair, domain::MaintenanceKind::Incident};
constexpr domain::Priority kPriorities[] = {domain::Priority::Low, domain::Priority::Normal, domain::Priority::High};

wxString StatusName(domain::BoatStatus s)
{
    switch (s) {
        case domain::BoatStatus::InService: return _("In service");
        case domain::BoatStatus::Maintenance: return _("Maintenance");
        case domain::BoatStatus::Retired: return _("Retired");
    }
    return _("In service");
}

wxString DateText(const std::optional<domain::LocalDate>& d)
{
    return d ? ToWxDate(*d).FormatDate() : wxString(wxS("—"));
}

std::optional<domain::Uuid> EmployeeOf(const Session& s)
{
    return s.employee ? std::optional(s.employee->id) : std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
BoatDialog::BoatDialog(wxWindow* parent, std::shared_ptr<Session> session, std::optional<domain::Boat> boat)
    : wxDialog(parent, wxID_ANY, boat ? wxString::Format(_("Edit %s"), wxString::FromUTF8(boat->name)) : _("New boat")),
      m_session(std::move(session)),
      m_boat(std::move(boat))
{
    const domain::Boat shown = m_boat.value_or(domain::Boat{});
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* fields = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    fields->AddGrowableCol(1);
    auto add = [&](const wxString& label, wxWindow* field) {
        fields->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical());
        fields->Add(field, wxSizerFlags().Expand());
    };
    m_name = new wxTextCtrl(this, wxID_ANY, m_boat ? wxString::FromUTF8(shown.name) : wxString(), wxDefaultPosition,
                            FromDIP(wxSize(280, -1)));
    add(_("&Name:"), m_name);
    // A text field, not a spin control: the seat limits are the domain's rule, refused with its sentence.
    m_capacity = new wxTextCtrl(this, wxID_ANY, wxString::Format("%d", shown.capacity));
    add(_("&Capacity (seats):"), m_capacity);
    m_colour = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(shown.colour));
    m_colour->SetHint("#RRGGBB");
    add(_("C&olour:"), m_colour);
    m_status = new wxChoice(this, wxID_ANY);
    for (auto s : kStatuses) m_status->Append(StatusName(s));
    m_status->SetSelection(static_cast<int>(shown.status));
    add(_("&Status:"), m_status);
    m_registration = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(shown.registration));
    add(_("&Registration:"), m_registration);
    m_notes = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(shown.notes), wxDefaultPosition, FromDIP(wxSize(280, 60)),
                             wxTE_MULTILINE);
    add(_("No&tes:"), m_notes);
    top->Add(fields, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));
    m_error = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxST_NO_AUTORESIZE);
    m_error->SetForegroundColour(kErrorColour);
    top->Add(m_error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(16)));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    m_save = new wxButton(this, wxID_OK, _("&Save"));
    m_save->SetDefault();
    buttons->Add(m_save);
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Cancel")), wxSizerFlags().Border(wxLEFT, FromDIP(8)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));
    SetSizerAndFit(top);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); }, wxID_OK);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Destroy(); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    CentreOnParent();
}

wxString BoatDialog::ErrorText() const { return m_error->GetLabel(); }

void BoatDialog::Save()
{
    if (m_busy) return;
    app::BoatForm form;
    form.name = m_name->GetValue().utf8_string();
    long capacity = 0;
    // Not a number: 0, which the boat's own check refuses on this field.
    form.capacity = m_capacity->GetValue().Trim().Trim(false).ToLong(&capacity) ? static_cast<int>(capacity) : 0;
    form.colour = m_colour->GetValue().Trim().Trim(false).utf8_string();
    form.status = kStatuses[std::max(0, m_status->GetSelection())];
    form.registration = m_registration->GetValue().Trim().Trim(false).utf8_string();
    form.notes = m_notes->GetValue().utf8_string();
    m_busy = true;
    m_save->Disable();
    const auto clock = m_session->clock;
    const auto employee = EmployeeOf(*m_session);
    const auto id = m_boat ? std::optional(m_boat->id) : std::nullopt;
    RunOnWorker(
        *m_session->worker, this,
        [clock, employee, id, form](domain::Store& store) {
            return id ? app::editBoat(store, *clock, *id, form, employee) : app::addBoat(store, *clock, form, employee);
        },
        [](BoatDialog& d, domain::Boat boat) {
            d.m_busy = false;
            d.m_saved = true;
            if (d.m_onSaved) d.m_onSaved(boat);
            d.Destroy();
        },
        [](BoatDialog& d, const Failure& failure) { d.OnFailed(failure); });
}

void BoatDialog::Highlight(wxWindow* field)
{
    if (m_highlighted) {
        m_highlighted->SetBackgroundColour(wxNullColour);
        m_highlighted->Refresh();
    }
    m_highlighted = field;
    if (field) {
        field->SetBackgroundColour(kErrorField);
        field->Refresh();
        field->SetFocus();
    }
}

void BoatDialog::OnFailed(const Failure& failure)
{
    m_busy = false;
    m_save->Enable();
    const std::string& f = failure.field;
    Highlight(f == "name" ? static_cast<wxWindow*>(m_name)
              : f == "capacity" ? static_cast<wxWindow*>(m_capacity)
              : f == "colour" ? static_cast<wxWindow*>(m_colour)
              : f == "status" ? static_cast<wxWindow*>(m_status)
                              : nullptr);
    m_error->SetLabel(failure.message);
    m_error->Wrap(FromDIP(380));
    Layout();
    Fit();
}

// ---------------------------------------------------------------------------------------------
FleetPanel::FleetPanel(wxWindow* parent, std::shared_ptr<Session> session)
    : wxPanel(parent, wxID_ANY), m_session(std::move(session))
{
    SetBackgroundColour(*wxWHITE);
    BuildLayout();
    Reload();
}

void FleetPanel::BuildLayout()
{
    const int gap = FromDIP(12);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Fleet"));
    title->SetFont(GetFont().Scaled(1.4f).Bold());
    top->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));

    m_boats = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 260)), wxLC_REPORT | wxLC_SINGLE_SEL);
    m_boats->AppendColumn(_("Boat"), wxLIST_FORMAT_LEFT, FromDIP(170));
    m_boats->AppendColumn(_("Seats"), wxLIST_FORMAT_RIGHT, FromDIP(60));
    m_boats->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_boats->AppendColumn(_("Registration"), wxLIST_FORMAT_LEFT, FromDIP(120));
    m_boats->AppendColumn(_("Last maintenance"), wxLIST_FORMAT_LEFT, FromDIP(130));
    m_boats->AppendColumn(_("Next due"), wxLIST_FORMAT_LEFT, FromDIP(300));
    m_boats->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { SelectBoat(e.GetIndex()); });
    m_boats->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { OpenBoatForm(true); });
    top->Add(m_boats, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    m_add = new wxButton(this, wxID_ANY, _("&Add…"));
    m_edit = new wxButton(this, wxID_ANY, _("&Edit…"));
    m_retire = new wxButton(this, wxID_ANY, _("&Retire"));
    m_outOfService = new wxButton(this, wxID_ANY, _("&Out of service…"));
    for (auto* b : {m_add, m_edit, m_retire, m_outOfService}) actions->Add(b, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    m_status = new wxStaticText(this, wxID_ANY, wxString());
    actions->Add(m_status, wxSizerFlags(1).CenterVertical().Border(wxLEFT, gap));
    top->Add(actions, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));
    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenBoatForm(false); });
    m_edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenBoatForm(true); });
    m_retire->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnRetire(); });
    m_outOfService->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenOutOfService(); });

    m_logTitle = new wxStaticText(this, wxID_ANY, _("Maintenance log"));
    m_logTitle->SetFont(GetFont().Scaled(1.15f).Bold());
    top->Add(m_logTitle, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));
    auto* filters = new wxBoxSizer(wxHORIZONTAL);
    m_kindFilter = new wxChoice(this, wxID_ANY);
    m_kindFilter->Append(_("Every kind"));
    for (auto k : kKinds) m_kindFilter->Append(MaintenanceKindName(k));
    m_stateFilter = new wxChoice(this, wxID_ANY);
    m_stateFilter->Append({_("Open and done"), _("Open only"), _("Done only")});
    m_priorityFilter = new wxChoice(this, wxID_ANY);
    m_priorityFilter->Append(_("Every priority"));
    for (auto p : kPriorities) m_priorityFilter->Append(PriorityName(p));
    for (auto* c : {m_kindFilter, m_stateFilter, m_priorityFilter}) {
        c->SetSelection(0);
        c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { LoadLog(); });
        filters->Add(c, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    }
    filters->AddStretchSpacer();
    m_addMaintenance = new wxButton(this, wxID_ANY, _("Plan &work…"));
    m_markDone = new wxButton(this, wxID_ANY, _("&Mark done…"));
    filters->Add(m_addMaintenance, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    filters->Add(m_markDone);
    top->Add(filters, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));
    m_addMaintenance->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnAddMaintenance(); });
    m_markDone->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnMarkDone(); });

    m_logList = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 200)), wxLC_REPORT | wxLC_SINGLE_SEL);
    m_logList->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(100));
    m_logList->AppendColumn(_("Title"), wxLIST_FORMAT_LEFT, FromDIP(220));
    m_logList->AppendColumn(_("Priority"), wxLIST_FORMAT_LEFT, FromDIP(80));
    m_logList->AppendColumn(_("Planned"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_logList->AppendColumn(_("Done"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_logList->AppendColumn(_("By"), wxLIST_FORMAT_LEFT, FromDIP(150));
    m_logList->AppendColumn(_("Cost"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    m_logList->AppendColumn(_("Every"), wxLIST_FORMAT_LEFT, FromDIP(90));
    m_logList->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { UpdateButtons(); });
    top->Add(m_logList, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(18)));
    SetSizer(top);
    UpdateButtons();
}

std::optional<domain::Uuid> FleetPanel::Employee() const { return EmployeeOf(*m_session); }

std::optional<domain::Boat> FleetPanel::Selected() const
{
    for (const auto& f : m_fleet)
        if (m_selectedId && f.boat.id == *m_selectedId) return f.boat;
    return std::nullopt;
}

wxString FleetPanel::StatusText() const { return m_status->GetLabel(); }

void FleetPanel::ShowStatus(const wxString& text, bool error)
{
    m_status->SetForegroundColour(error ? kErrorColour : kOkText);
    m_status->SetLabel(text);
    Layout();
}

void FleetPanel::UpdateButtons()
{
    const auto boat = Selected();
    m_edit->Enable(boat.has_value());
    m_retire->Enable(boat && boat->status != domain::BoatStatus::Retired);
    m_outOfService->Enable(boat && boat->status != domain::BoatStatus::Retired);
    m_addMaintenance->Enable(boat.has_value());
    const long row = m_logList->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    m_markDone->Enable(row >= 0 && static_cast<std::size_t>(row) < m_log.size() && !m_log[row].record.doneOn);
}

void FleetPanel::Reload()
{
    ++m_pending;
    const auto today = m_session->Today();
    RunOnWorker(
        *m_session->worker, this, [today](domain::Store& store) { return app::loadFleet(store, today); },
        [](FleetPanel& p, std::vector<app::FleetBoat> fleet) {
            --p.m_pending;
            p.OnFleet(std::move(fleet));
        },
        [](FleetPanel& p, const Failure& failure) {
            --p.m_pending;
            p.ShowStatus(wxString::Format(_("The fleet cannot be read: %s"), failure.message), true);
        });
}

void FleetPanel::OnFleet(std::vector<app::FleetBoat> fleet)
{
    m_fleet = std::move(fleet);
    m_loaded = true;
    // The swatch is the boat's colour on the planning, so the two screens are read together.
    const wxSize swatch = FromDIP(wxSize(16, 16));
    auto* images = new wxImageList(swatch.x, swatch.y);
    m_boats->DeleteAllItems();
    if (!m_selectedId && !m_fleet.empty()) m_selectedId = m_fleet.front().boat.id;
    for (std::size_t i = 0; i < m_fleet.size(); ++i) {
        const auto& f = m_fleet[i];
        wxBitmap bitmap(swatch);
        {
            wxMemoryDC dc(bitmap);
            dc.SetBackground(*wxWHITE_BRUSH);
            dc.Clear();
            dc.SetPen(wxPen(wxColour(0x50, 0x50, 0x50)));
            dc.SetBrush(wxBrush(wxColour(wxString::FromUTF8(f.boat.colour))));
            dc.DrawRoundedRectangle(1, 1, swatch.x - 2, swatch.y - 2, 3);
        }
        const int image = images->Add(bitmap);
        const long row = m_boats->InsertItem(static_cast<long>(i), wxString::FromUTF8(f.boat.name), image);
        m_boats->SetItem(row, 1, wxString::Format("%d", f.boat.capacity));
        m_boats->SetItem(row, 2, StatusName(f.boat.status));
        m_boats->SetItem(row, 3, wxString::FromUTF8(f.boat.registration));
        m_boats->SetItem(row, 4, DateText(f.maintenance.lastDone));
        wxString next = f.maintenance.nextDue ? DateText(f.maintenance.nextDue) + " · " +
                                                    wxString::FromUTF8(f.maintenance.nextTitle)
                                              : wxString(wxS("—"));
        // TRANSLATORS: after a maintenance due date that has passed
        if (f.overdue) next += " " + _("(overdue)");
        m_boats->SetItem(row, 5, next);
        if (f.overdue) m_boats->SetItemTextColour(row, kErrorColour);
        else if (f.boat.status == domain::BoatStatus::Retired) m_boats->SetItemTextColour(row, kMutedText);
        if (m_selectedId && f.boat.id == *m_selectedId) m_boats->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    m_boats->AssignImageList(images, wxIMAGE_LIST_SMALL);
    // The longest name sets the first column (with the swatch and the margins): a name is never cut
    // while the list has room to its right.
    int nameWidth = FromDIP(170);
    for (const auto& f : m_fleet)
        nameWidth = std::max(nameWidth, m_boats->GetTextExtent(wxString::FromUTF8(f.boat.name)).x + swatch.x + FromDIP(28));
    m_boats->SetColumnWidth(0, nameWidth);
    UpdateButtons();
    LoadLog();
}

void FleetPanel::SelectBoat(long row)
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_fleet.size()) return;
    const auto id = m_fleet[row].boat.id;
    if (m_boats->GetItemState(row, wxLIST_STATE_SELECTED) == 0)
        m_boats->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    if (m_selectedId == id) return;
    m_selectedId = id;
    UpdateButtons();
    LoadLog();
}

void FleetPanel::LoadLog()
{
    const auto boat = Selected();
    if (!boat) return;
    m_logTitle->SetLabel(wxString::Format(_("Maintenance log of %s"), wxString::FromUTF8(boat->name)));
    app::MaintenanceFilter filter;
    filter.boat = boat->id.str();
    if (m_kindFilter->GetSelection() > 0) filter.kind = kKinds[m_kindFilter->GetSelection() - 1];
    if (m_stateFilter->GetSelection() > 0) filter.done = m_stateFilter->GetSelection() == 2;
    if (m_priorityFilter->GetSelection() > 0) filter.priority = kPriorities[m_priorityFilter->GetSelection() - 1];
    ++m_pending;
    RunOnWorker(
        *m_session->worker, this, [filter](domain::Store& store) { return app::listMaintenance(store, filter); },
        [](FleetPanel& p, std::vector<app::MaintenanceLine> log) {
            --p.m_pending;
            p.OnLog(std::move(log));
        },
        [](FleetPanel& p, const Failure& failure) {
            --p.m_pending;
            p.ShowStatus(failure.message, true);
        });
}

void FleetPanel::OnLog(std::vector<app::MaintenanceLine> log)
{
    m_log = std::move(log);
    m_logList->DeleteAllItems();
    for (std::size_t i = 0; i < m_log.size(); ++i) {
        const auto& m = m_log[i].record;
        const long row = m_logList->InsertItem(static_cast<long>(i), MaintenanceKindName(m.kind));
        m_logList->SetItem(row, 1, wxString::FromUTF8(m.title));
        m_logList->SetItem(row, 2, PriorityName(m.priority));
        m_logList->SetItem(row, 3, DateText(m.plannedOn));
        m_logList->SetItem(row, 4, DateText(m.doneOn));
        m_logList->SetItem(row, 5, wxString::FromUTF8(m.doneBy));
        m_logList->SetItem(row, 6, m.cost ? FormatMoney(*m.cost) : wxString());
        // TRANSLATORS: how often a recurring inspection comes back
        m_logList->SetItem(row, 7, m.recurEveryDays > 0 ? wxString::Format(_("%d days"), m.recurEveryDays) : wxString());
    }
    UpdateButtons();
    Layout();
}

BoatDialog* FleetPanel::OpenBoatForm(bool edit)
{
    const auto boat = edit ? Selected() : std::nullopt;
    if (edit && !boat) return nullptr;
    auto* dialog = new BoatDialog(this, m_session, boat);
    dialog->SetOnSaved([this](const domain::Boat& saved) {
        m_selectedId = saved.id;
        ShowStatus(wxString::Format(_("%s saved."), wxString::FromUTF8(saved.name)), false);
        Reload();
    });
    dialog->Show();
    return dialog;
}

OutOfServiceDialog* FleetPanel::OpenOutOfService()
{
    const auto boat = Selected();
    if (!boat) return nullptr;
    auto* dialog = new OutOfServiceDialog(this, m_session, *boat);
    dialog->SetOnApplied([this](const wxString& headline) {
        ShowStatus(headline, false);
        Reload();
    });
    dialog->Show();
    return dialog;
}

void FleetPanel::OnRetire()
{
    const auto boat = Selected();
    if (!boat) return;
    if (wxMessageBox(wxString::Format(_("Retire %s? It leaves the planning and is kept with its history."),
                                      wxString::FromUTF8(boat->name)),
                     _("Retire a boat"), wxYES_NO | wxICON_QUESTION, this) != wxYES)
        return;
    const auto clock = m_session->clock;
    const auto employee = Employee();
    const auto id = boat->id.str();
    ++m_pending;
    RunOnWorker(
        *m_session->worker, this,
        [clock, employee, id](domain::Store& store) { return app::retireBoat(store, *clock, id, employee); },
        [](FleetPanel& p, domain::Boat retired) {
            --p.m_pending;
            p.ShowStatus(wxString::Format(_("%s retired."), wxString::FromUTF8(retired.name)), false);
            p.Reload();
        },
        [](FleetPanel& p, const Failure& failure) {
            --p.m_pending;
            p.ShowStatus(failure.message, true);
        });
}

void FleetPanel::OnAddMaintenance()
{
    const auto boat = Selected();
    if (!boat) return;
    auto* dialog = new MaintenanceDialog(this, m_session, *boat, std::nullopt);
    dialog->SetOnSaved([this] { Reload(); });
    dialog->Show();
}

void FleetPanel::OnMarkDone()
{
    const auto boat = Selected();
    const long row = m_logList->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (!boat || row < 0 || static_cast<std::size_t>(row) >= m_log.size()) return;
    auto* dialog = new MaintenanceDialog(this, m_session, *boat, m_log[row].record);
    dialog->SetOnSaved([this] { Reload(); });
    dialog->Show();
}

}  // namespace narcisse::ui
