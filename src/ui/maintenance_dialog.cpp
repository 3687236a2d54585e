#include "ui/maintenance_dialog.h"

#include "domain/errors.h"
#include "ui/format.h"

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace narcisse::ui {
namespace {

const wxColour kErrorColour(0xC5, 0x30, 0x30);
const wxColour kErrorField(0xFD, 0xEC, 0xEC);

constexpr domain::MaintenanceKind kKinds[] = {domain::MaintenanceKind::Inspection, domain::MaintenanceKind::Maintenance,
                                              domain::MaintenanceKind::Repair, domain::MaintenanceKind::Incident};
constexpr domain::Priority kPriorities[] = {domain::Priority::Low, domain::Priority::Normal, domain::Priority::High};

}  // namespace

wxString MaintenanceKindName(domain::MaintenanceKind kind)
{
    switch (kind) {
        case domain::MaintenanceKind::Inspection: return _("Inspection");
        case domain::MaintenanceKind::Maintenance: return _("Maintenance");
        case domain::MaintenanceKind::Repair: return _("Repair");
        case domain::MaintenanceKind::Incident: return _("Incident");
    }
    return _("Maintenance");
}

wxString PriorityName(domain::Priority priority)
{
    switch (priority) {
        // TRANSLATORS: a maintenance priority
        case domain::Priority::Low: return _("Low");
        case domain::Priority::Normal: return _("Normal");
        case domain::Priority::High: return _("High");
    }
    return _("Normal");
}

MaintenanceDialog::MaintenanceDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::Boat boat,
                                     std::optional<domain::MaintenanceRecord> record)
    : wxDialog(parent, wxID_ANY,
               record ? wxString::Format(_("Done: %s"), wxString::FromUTF8(record->title))
                      : wxString::Format(_("Plan maintenance on %s"), wxString::FromUTF8(boat.name))),
      m_session(std::move(session)),
      m_boat(std::move(boat)),
      m_record(std::move(record))
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* fields = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    fields->AddGrowableCol(1);
    if (m_record)
        BuildDoneFields(this, fields);
    else
        BuildPlanFields(this, fields);
    top->Add(fields, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));
    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(kErrorColour);
    top->Add(m_error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(16)));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    m_save = new wxButton(this, wxID_OK, m_record ? _("&Mark done") : _("&Save"));
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

void MaintenanceDialog::BuildPlanFields(wxWindow* parent, wxFlexGridSizer* fields)
{
    auto add = [&](const wxString& label, wxWindow* field) {
        fields->Add(new wxStaticText(parent, wxID_ANY, label), wxSizerFlags().CenterVertical());
        fields->Add(field, wxSizerFlags().Expand());
    };
    m_kind = new wxChoice(parent, wxID_ANY);
    for (auto k : kKinds) m_kind->Append(MaintenanceKindName(k));
    m_kind->SetSelection(1);
    add(_("&Kind:"), m_kind);
    m_title = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(320, -1)));
    add(_("&Title:"), m_title);
    m_description = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(320, 60)),
                                   wxTE_MULTILINE);
    add(_("&Description:"), m_description);
    m_priority = new wxChoice(parent, wxID_ANY);
    for (auto p : kPriorities) m_priority->Append(PriorityName(p));
    m_priority->SetSelection(1);
    add(_("&Priority:"), m_priority);
    m_planned = new wxDatePickerCtrl(parent, wxID_ANY, ToWxDate(m_session->Today()));
    add(_("P&lanned on:"), m_planned);
    m_every = new wxTextCtrl(parent, wxID_ANY, "0");
    m_every->SetToolTip(_("A recurring inspection is due again this many days after it is done; 0 for once"));
    add(_("&Every (days):"), m_every);
}

void MaintenanceDialog::BuildDoneFields(wxWindow* parent, wxFlexGridSizer* fields)
{
    auto add = [&](const wxString& label, wxWindow* field) {
        fields->Add(new wxStaticText(parent, wxID_ANY, label), wxSizerFlags().CenterVertical());
        fields->Add(field, wxSizerFlags().Expand());
    };
    m_doneOn = new wxDatePickerCtrl(parent, wxID_ANY, ToWxDate(m_session->Today()));
    add(_("&Done on:"), m_doneOn);
    m_cost = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(200, -1)));
    m_cost->SetHint(_("e.g. 120.50"));
    add(_("&Cost:"), m_cost);
    m_doneBy = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)));
    add(_("Done &by:"), m_doneBy);
}

void MaintenanceDialog::Save()
{
    if (m_busy) return;
    m_busy = true;
    m_save->Disable();
    const auto clock = m_session->clock;
    const auto employee = m_session->employee ? std::optional(m_session->employee->id) : std::nullopt;
    auto done = [](MaintenanceDialog& d, bool) {
        d.m_busy = false;
        if (d.m_onSaved) d.m_onSaved();
        d.Destroy();
    };
    auto failed = [](MaintenanceDialog& d, const Failure& failure) { d.OnFailed(failure); };
    if (m_record) {
        const auto id = m_record->id;
        const auto doneOn = FromWxDate(m_doneOn->GetValue());
        const std::string cost = m_cost->GetValue().Trim().Trim(false).utf8_string();
        const std::string by = m_doneBy->GetValue().Trim().Trim(false).utf8_string();
        RunOnWorker(
            *m_session->worker, this,
            [clock, employee, id, doneOn, cost, by](domain::Store& store) {
                app::DoneRequest r{id, doneOn, std::nullopt, by};
                if (!cost.empty()) r.cost = domain::Money::parse(cost, "cost");
                app::markMaintenanceDone(store, *clock, r, employee);
                return true;
            },
            done, failed);
        return;
    }
    app::MaintenanceRequest r;
    r.boat = m_boat.id.str();
    r.kind = kKinds[std::max(0, m_kind->GetSelection())];
    r.title = m_title->GetValue().utf8_string();
    r.description = m_description->GetValue().utf8_string();
    r.priority = kPriorities[std::max(0, m_priority->GetSelection())];
    r.plannedOn = FromWxDate(m_planned->GetValue());
    long every = 0;
    // Not a number: -1, which the record's own check refuses on this field.
    r.recurEveryDays = m_every->GetValue().Trim().ToLong(&every) ? static_cast<int>(every) : -1;
    RunOnWorker(
        *m_session->worker, this,
        [clock, employee, r](domain::Store& store) {
            app::addMaintenance(store, *clock, r, employee);
            return true;
        },
        done, failed);
}

void MaintenanceDialog::OnFailed(const Failure& failure)
{
    m_busy = false;
    m_save->Enable();
    for (wxWindow* w : {static_cast<wxWindow*>(m_title), static_cast<wxWindow*>(m_every), static_cast<wxWindow*>(m_cost)})
        if (w) w->SetBackgroundColour(wxNullColour);
    const std::string& f = failure.field;
    m_highlighted = f == "title" ? static_cast<wxWindow*>(m_title)
                  : f == "every (days)" ? static_cast<wxWindow*>(m_every)
                  : f == "cost" ? static_cast<wxWindow*>(m_cost)
                  : f == "done date" ? static_cast<wxWindow*>(m_doneOn)
                  : f == "planned date" ? static_cast<wxWindow*>(m_planned)
                                        : nullptr;
    if (m_highlighted) {
        m_highlighted->SetBackgroundColour(kErrorField);
        m_highlighted->Refresh();
        m_highlighted->SetFocus();
    }
    m_error->SetLabel(failure.message);
    Layout();
    Fit();
}

}  // namespace narcisse::ui
