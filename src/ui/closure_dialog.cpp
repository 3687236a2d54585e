#include "ui/closure_dialog.h"

#include "app/notifications.h"
#include "domain/errors.h"
#include "ui/async.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/note_box.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/scrolwin.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace narcisse::ui {
namespace {

const wxColour kErrorColour(0xC5, 0x30, 0x30);
const wxColour kMutedText(0x5F, 0x6B, 0x7A);
const wxColour kMovedText(0x1E, 0x7A, 0x46);
const wxColour kCancelledText(0xA6, 0x4B, 0x00);
const wxColour kResultBackground(0xE3, 0xF1, 0xE8);
const wxColour kResultBorder(0x9F, 0xCF, 0xB0);

wxString U(const std::string& s) { return wxString::FromUTF8(s); }

// "16:20 · Lauch (8 free)", with the date when the proposal is another day.
wxString ProposalLabel(const domain::DepartureProposal& p, domain::LocalDate day, const domain::BusinessZone& zone)
{
    const auto date = zone.localDate(p.departure.start);
    wxString when = FormatWallTime(zone.localMinutes(p.departure.start));
    if (date != day) when = FormatLongDate(date) + " " + when;
    return wxString::Format(_("%s · %s (%d free)"), when, U(p.boatName), p.freeSeatsBefore);
}

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

    m_previewButton = new wxButton(this, wxID_ANY, _("&Show affected bookings"));
    top->Add(m_previewButton, wxSizerFlags().Right().Border(wxALL, FromDIP(12)));
    top->Add(new wxStaticLine(this), wxSizerFlags().Expand());

    m_listTitle = new wxStaticText(this, wxID_ANY, _("Pick the scope and the reason, then show the affected bookings."));
    m_listTitle->SetForegroundColour(kMutedText);
    top->Add(m_listTitle, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    m_list = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(900, 300)), wxVSCROLL);
    m_list->SetScrollRate(0, FromDIP(12));
    top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    m_moveAll = new wxButton(this, wxID_ANY, _("&Move all"));
    m_notify = new wxCheckBox(this, wxID_ANY, _("&Notify customers by e-mail"));
    m_notify->SetValue(true);
    actions->Add(m_moveAll, wxSizerFlags().CenterVertical());
    actions->Add(m_notify, wxSizerFlags().CenterVertical().Border(wxLEFT, gap * 2));
    top->Add(actions, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(kErrorColour);
    m_error->SetFont(GetFont().Bold());
    top->Add(m_error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(16)));
    m_result = new NoteBox(this, kResultBackground, kResultBorder);
    top->Add(m_result, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(16)));

    top->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxTOP, gap));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    m_apply = new wxButton(this, wxID_APPLY, _("&Apply the closure"));
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")), wxSizerFlags().Border(wxRIGHT, 6));
    buttons->Add(m_apply);
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));
    SetSizer(top);
    m_error->Hide();
    m_result->Hide();
    SetMinSize(FromDIP(wxSize(940, 620)));
    Fit();
    CentreOnParent();

    m_scope->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateScopeFields(); });
    m_previewButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Preview(); });
    m_moveAll->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { MoveAll(); });
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
void ClosureDialog::SetNotify(bool notify) { m_notify->SetValue(notify); }

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
    m_list->DestroyChildren();
    m_rows.clear();
    auto* grid = new wxFlexGridSizer(4, FromDIP(6), FromDIP(12));
    grid->AddGrowableCol(0);
    m_list->SetSizer(grid);
    if (!m_preview) {
        m_listTitle->SetLabel(_("Pick the scope and the reason, then show the affected bookings."));
    } else {
        const auto& affected = m_preview->affected;
        m_listTitle->SetLabel(affected.empty()
                                  ? _("No booking is affected: the closure can be applied as it is.")
                                  : wxString::Format(wxPLURAL("%zu booking is affected. Move it or cancel it:",
                                                              "%zu bookings are affected. Move each or cancel it:",
                                                              affected.size()),
                                                     affected.size()));
        const domain::BusinessZone zone(m_day ? m_day->timeZone : std::string("Europe/Paris"));
        for (const auto& a : affected) {
            const auto& b = a.booking;
            wxString who = U(b.ref.str()) + "  " + FormatWallTime(zone.localMinutes(b.departureStart)) + " · " +
                           U(a.boatName) + " · " + PartyShort(b.party);
            if (!b.customerName.empty()) who += " · " + U(b.customerName);
            auto* label = new wxStaticText(m_list, wxID_ANY, who);
            Row row;
            row.proposal = new wxChoice(m_list, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(230, -1)));
            for (const auto& p : a.proposals) row.proposal->Append(ProposalLabel(p, m_date, zone));
            if (a.proposals.empty()) row.proposal->Append(_("No departure with room"));
            row.proposal->SetSelection(0);
            row.proposal->Enable(!a.proposals.empty());
            row.move = new wxCheckBox(m_list, wxID_ANY, _("Move"));
            row.move->Enable(!a.proposals.empty());
            row.outcome = new wxStaticText(m_list, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(170, -1)));
            grid->Add(label, wxSizerFlags().CenterVertical());
            grid->Add(row.proposal, wxSizerFlags().CenterVertical());
            grid->Add(row.move, wxSizerFlags().CenterVertical());
            grid->Add(row.outcome, wxSizerFlags().CenterVertical());
            const std::size_t index = m_rows.size();
            row.move->Bind(wxEVT_CHECKBOX, [this, index](wxCommandEvent&) { UpdateRow(index); });
            m_rows.push_back(row);
            UpdateRow(index);
        }
    }
    m_list->FitInside();
    m_list->Layout();
    SetBusy(m_busy);
    Layout();
}

void ClosureDialog::UpdateRow(std::size_t index)
{
    const Row& row = m_rows[index];
    const auto& a = m_preview->affected[index];
    if (row.move->GetValue()) {
        row.outcome->SetLabel(_("will move"));
        row.outcome->SetForegroundColour(kMovedText);
    } else {
        row.outcome->SetLabel(a.paid.cents() > 0
                                  ? wxString::Format(_("cancelled, refund %s owed"), FormatMoney(a.paid))
                                  : _("cancelled"));
        row.outcome->SetForegroundColour(kCancelledText);
    }
    row.outcome->Refresh();
}

void ClosureDialog::MoveAll()
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].move->IsEnabled()) {
            m_rows[i].move->SetValue(true);
            UpdateRow(i);
        }
}

void ClosureDialog::Apply()
{
    if (m_busy || !m_preview || m_applied) return;
    const auto scope = ScopeFromFields();
    if (!scope) return;
    app::ClosureRequest request;
    request.scope = *scope;
    request.reason = m_reason->GetValue().ToStdString(wxConvUTF8);
    request.notify = m_notify->GetValue();
    if (m_session.employee) request.employeeId = m_session.employee->id;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto& a = m_preview->affected[i];
        const int choice = m_rows[i].proposal->GetSelection();
        if (m_rows[i].move->GetValue() && choice >= 0 && static_cast<std::size_t>(choice) < a.proposals.size()) {
            const auto& p = a.proposals[static_cast<std::size_t>(choice)];
            request.decisions.push_back({a.booking.id, app::BookingDecision::Kind::Move, p.departure.start, p.boatId});
        } else {
            request.decisions.push_back({a.booking.id, app::BookingDecision::Kind::Cancel, {}, {}});
        }
    }
    const auto clock = m_session.clock;
    SetBusy(true);
    m_error->Hide();
    RunOnWorker(
        *m_session.worker, this,
        [request, clock](domain::Store& store) {
            Applied out;
            out.result = app::applyClosure(store, *clock, request);
            // After the commit: a mail server down never undoes the closure; the log keeps the rest.
            if (request.notify && out.result.notified > 0) {
                auto mailer = app::configuredMailer(store);
                out.mailNote = mailer.note;
                if (mailer.mailer) {
                    const auto report = app::sendPendingNotifications(store, *mailer.mailer, *clock);
                    out.sent = report.sent;
                    out.failed = report.failed;
                }
            }
            return out;
        },
        [](ClosureDialog& d, Applied applied) { d.OnApplied(std::move(applied)); },
        [](ClosureDialog& d, const Failure& f) { d.OnFailed(f.message); });
}

void ClosureDialog::OnApplied(Applied applied)
{
    m_applied = true;
    const auto& r = applied.result;
    wxString text = wxString::Format(_("Closure applied: %d moved, %d cancelled"), r.moved, r.cancelled);
    if (r.refundOwed.cents() > 0) text += wxString::Format(_(" (refunds owed: %s)"), FormatMoney(r.refundOwed));
    text += wxString::Format(_(", %d customers to notify."), r.notified);
    if (r.notified > 0) {
        if (!applied.mailNote.empty() && applied.sent + applied.failed == 0)
            text += "\n" + wxString::Format(_("The messages wait in the notification log: %s."), U(applied.mailNote));
        else
            text += "\n" + wxString::Format(_("Messages: %d sent, %d failed (see the notification log)."),
                                            applied.sent, applied.failed);
    }
    m_result->SetText(text);
    m_result->Show();
    for (std::size_t i = 0; i < m_rows.size() && i < r.outcomes.size(); ++i) {
        const auto& o = r.outcomes[i];
        m_rows[i].outcome->SetLabel(o.movedTo ? _("moved") : _("cancelled"));
    }
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
    m_moveAll->Enable(editable && !m_rows.empty());
    m_notify->Enable(editable && m_preview.has_value());
    m_apply->Enable(editable && m_preview.has_value());
    for (const auto& row : m_rows) row.move->Enable(editable && row.proposal->IsEnabled());
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
