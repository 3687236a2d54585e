#include "ui/closure_dialog.h"

#include "domain/errors.h"
#include "ui/affected_bookings_list.h"
#include "ui/async.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/note_box.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace narcisse::ui {
namespace {


wxString U(const std::string& s) { return wxString::FromUTF8(s); }

}  // namespace

ClosureDialog::ClosureDialog(wxWindow* parent, Session& session, domain::LocalDate date)
    : wxDialog(parent, wxID_ANY, _("Close departures"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(session),
      m_date(date)
{
    BuildLayout();
    SetBusy(true);
    const auto now = m_session.Now();
    RunOnWorker(
        *m_session.worker, this, [date, now](domain::Store& store) { return app::loadDayPlanning(store, date, now); },
        [](ClosureDialog& d, app::DayPlanning day) { d.OnDayLoaded(std::move(day)); },
        [](ClosureDialog& d, const Failure& f) { d.OnFailed(f.message); });
}

void ClosureDialog::BuildLayout()
{
    const int gap = FromDIP(10);
    auto* top = new wxBoxSizer(wxVERTICAL);

    auto* title = new wxStaticText(this, wxID_ANY, wxString::Format(_("Close departures on %s"), FormatLongDate(m_date)));
    title->SetFont(GetFont().Scaled(1.3f).Bold());
    top->Add(title, wxSizerFlags().Border(wxALL, FromDIP(16)));

    auto* fields = new wxFlexGridSizer(2, FromDIP(8), gap);
    fields->AddGrowableCol(1);
    m_scope = new wxChoice(this, wxID_ANY);
    m_scope->Append(_("The whole day"));
    m_scope->Append(_("A time range"));
    m_scope->Append(_("One departure"));
    m_scope->Append(_("One boat, the whole day"));
    m_scope->SetSelection(0);
    fields->Add(new wxStaticText(this, wxID_ANY, _("&Close:")), wxSizerFlags().CenterVertical());
    fields->Add(m_scope, wxSizerFlags().Expand());

    auto* which = new wxBoxSizer(wxHORIZONTAL);
    m_departure = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(90, -1)));
    m_from = new wxTextCtrl(this, wxID_ANY, "14:00", wxDefaultPosition, FromDIP(wxSize(64, -1)));
    m_to = new wxTextCtrl(this, wxID_ANY, "16:00", wxDefaultPosition, FromDIP(wxSize(64, -1)));
    m_boat = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(150, -1)));
    which->Add(m_departure, wxSizerFlags().CenterVertical());
    which->Add(m_from, wxSizerFlags().CenterVertical());
    // TRANSLATORS: between the two times of a range, "14:00 to 16:00"
    which->Add(new wxStaticText(this, wxID_ANY, _("to")), wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, 6));
    which->Add(m_to, wxSizerFlags().CenterVertical());
    which->Add(new wxStaticText(this, wxID_ANY, _("Boat:")), wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    which->Add(m_boat, wxSizerFlags().CenterVertical().Border(wxLEFT, 6));
    fields->Add(new wxStaticText(this, wxID_ANY, _("When:")), wxSizerFlags().CenterVertical());
    fields->Add(which);

    m_reason = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(380, -1)));
    m_reason->SetHint(_("Storm, high water, maintenance…"));
    fields->Add(new wxStaticText(this, wxID_ANY, _("&Reason:")), wxSizerFlags().CenterVertical());
    fields->Add(m_reason, wxSizerFlags().Expand());
    top->Add(fields, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(16)));

    const AffectedSection section = AddAffectedSection(
        this, top, _("Pick the scope and the reason, then show the affected bookings."), _("&Apply the closure"));
    m_previewButton = section.preview;
    m_list = section.list;
    m_error = section.error;
    m_result = section.result;
    m_apply = section.apply;
    SetSizer(top);
    SetMinSize(FromDIP(wxSize(940, 620)));
    Fit();
    CentreOnParent();

    m_scope->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateScopeFields(); });
    m_previewButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Preview(); });
    m_apply->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Apply(); });
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (IsModal())
                EndModal(m_applied ? wxID_OK : wxID_CANCEL);
            else
                Destroy();
        },
        wxID_CLOSE);
    UpdateScopeFields();
}

void ClosureDialog::UpdateScopeFields()
{
    const auto scope = static_cast<Scope>(m_scope->GetSelection());
    m_departure->Show(scope == Scope::Departure);
    m_from->Show(scope == Scope::TimeRange);
    m_to->Show(scope == Scope::TimeRange);
    m_from->GetContainingSizer()->GetItem(2)->Show(scope == Scope::TimeRange);   // the "to" between them
    m_boat->GetContainingSizer()->GetItem(4)->Show(scope != Scope::WholeDay);  // "Boat:"
    m_boat->Show(scope != Scope::WholeDay);
    // A boat is optional for a range or a departure ("every boat"), required for a boat closure.
    if (m_boat->GetCount() > 0 && scope == Scope::Boat && m_boat->GetSelection() == 0) m_boat->SetSelection(1);
    m_preview.reset();
    ShowRows();
    Layout();
}

void ClosureDialog::SetScope(Scope scope)
{
    m_scope->SetSelection(static_cast<int>(scope));
    UpdateScopeFields();
}

bool ClosureDialog::SelectDeparture(const wxString& hhmm) { return m_departure->SetStringSelection(hhmm); }
bool ClosureDialog::SelectBoat(const wxString& name) { return m_boat->SetStringSelection(name); }
void ClosureDialog::SetReason(const wxString& reason) { m_reason->SetValue(reason); }
void ClosureDialog::SetNotify(bool notify) { m_list->SetNotify(notify); }

void ClosureDialog::SetRange(const wxString& from, const wxString& to)
{
    m_from->SetValue(from);
    m_to->SetValue(to);
}

void ClosureDialog::OnDayLoaded(app::DayPlanning day)
{
    for (const auto& d : day.departures) m_departure->Append(FormatWallTime(d.departure.localStart));
    if (!day.departures.empty()) m_departure->SetSelection(0);
    m_boat->Append(_("Every boat"));
    for (const auto& b : day.boats) m_boat->Append(U(b.name));
    m_boat->SetSelection(0);
    m_day = std::move(day);
    SetBusy(false);
    UpdateScopeFields();
}

std::optional<app::ClosureScope> ClosureDialog::ScopeFromFields()
{
    app::ClosureScope scope;
    scope.date = m_date;
    const auto kind = static_cast<Scope>(m_scope->GetSelection());
    try {
        if (kind == Scope::TimeRange) {
            scope.from = domain::parseWallTime(m_from->GetValue().ToStdString(wxConvUTF8), "from");
            scope.to = domain::parseWallTime(m_to->GetValue().ToStdString(wxConvUTF8), "to");
        } else if (kind == Scope::Departure) {
            const int i = m_departure->GetSelection();
            if (i == wxNOT_FOUND || !m_day) throw domain::ValidationError("departure", "pick a departure");
            // That departure alone: the rides still on the water when it leaves sail as planned.
            scope.from = m_day->departures[static_cast<std::size_t>(i)].departure.localStart;
            scope.to = *scope.from + domain::Minutes{1};
            scope.departuresOnly = true;
        }
    } catch (const domain::Error& e) {
        OnFailed(U(e.what()));
        return std::nullopt;
    }
    if (kind != Scope::WholeDay && m_boat->GetSelection() > 0)
        scope.boatName = m_boat->GetStringSelection().ToStdString(wxConvUTF8);
    return scope;
}

void ClosureDialog::Preview()
{
    if (m_busy || !m_day) return;
    const auto scope = ScopeFromFields();
    if (!scope) return;
    const std::string reason = m_reason->GetValue().ToStdString(wxConvUTF8);
    const auto now = m_session.Now();
    SetBusy(true);
    m_error->Hide();
    RunOnWorker(
        *m_session.worker, this,
        [scope = *scope, reason, now](domain::Store& store) { return app::previewClosure(store, scope, reason, now); },
        [](ClosureDialog& d, app::ClosurePreview preview) { d.OnPreview(std::move(preview)); },
        [](ClosureDialog& d, const Failure& f) { d.OnFailed(f.message); });
}

void ClosureDialog::OnPreview(app::ClosurePreview preview)
{
    m_preview = std::move(preview);
    m_applied = false;
    m_result->Hide();
    SetBusy(false);
    ShowRows();
}

void ClosureDialog::ShowRows()
{
    if (m_preview)
        m_list->ShowPreview(*m_preview, domain::BusinessZone(m_day ? m_day->timeZone : std::string("Europe/Paris")),
                            m_date);
    else
        m_list->Clear();
    SetBusy(m_busy);
    Layout();
}

void ClosureDialog::MoveAll() { m_list->MoveAll(); }

void ClosureDialog::Apply()
{
    if (m_busy || !m_preview || m_applied) return;
    const auto scope = ScopeFromFields();
    if (!scope) return;
    app::ClosureRequest request;
    request.scope = *scope;
    request.reason = m_reason->GetValue().ToStdString(wxConvUTF8);
    request.notify = m_list->Notify();
    if (m_session.employee) request.employeeId = m_session.employee->id;
    request.decisions = m_list->Decisions();
    const auto clock = m_session.clock;
    SetBusy(true);
    m_error->Hide();
    RunOnWorker(
        *m_session.worker, this,
        [request, clock](domain::Store& store) { return ApplyClosureAndNotify(store, *clock, request); },
        [](ClosureDialog& d, AppliedClosure applied) { d.OnApplied(std::move(applied)); },
        [](ClosureDialog& d, const Failure& f) { d.OnFailed(f.message); });
}

void ClosureDialog::OnApplied(AppliedClosure applied)
{
    m_applied = true;
    const auto& r = applied.result;
    m_result->SetText(
        DescribeOutcome(wxString::Format(_("Closure applied: %d moved, %d cancelled"), r.moved, r.cancelled), applied));
    m_result->Show();
    m_list->ShowOutcomes(r);
    SetBusy(false);
    Layout();
}

void ClosureDialog::OnFailed(const wxString& message)
{
    m_error->SetLabel(message);
    m_error->Wrap(FromDIP(880));
    m_error->Show();
    SetBusy(false);
    Layout();
}

void ClosureDialog::SetBusy(bool busy)
{
    m_busy = busy;
    const bool editable = !busy && m_day && !m_applied;
    for (wxWindow* w : std::initializer_list<wxWindow*>{m_scope, m_departure, m_boat, m_from, m_to, m_reason,
                                                        m_previewButton})
        w->Enable(editable);
    m_list->SetEditable(editable);
    m_apply->Enable(editable && m_preview.has_value());
}

wxString ClosureDialog::ResultText() const { return m_result->IsShown() ? m_result->GetText() : wxString(); }
wxString ClosureDialog::ErrorText() const { return m_error->IsShown() ? m_error->GetLabel() : wxString(); }

bool ShowClosureDialog(wxWindow* parent, Session& session, domain::LocalDate date)
{
    ClosureDialog dialog(parent, session, date);
    dialog.ShowModal();
    return dialog.IsApplied();
}

}  // namespace narcisse::ui
