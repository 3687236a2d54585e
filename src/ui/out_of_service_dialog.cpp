#include "ui/out_of_service_dialog.h"

#include "app/fleet.h"
#include "ui/affected_bookings_list.h"
#include "ui/format.h"
#include "ui/note_box.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace narcisse::ui {
namespace {

const wxColour kErrorField(0xFD, 0xEC, 0xEC);
const wxColour kMutedText(0x5F, 0x6B, 0x7A);

wxString U(const std::string& s) { return wxString::FromUTF8(s); }

}  // namespace

OutOfServiceDialog::OutOfServiceDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::Boat boat)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Take %s out of service"), U(boat.name)), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session)),
      m_boat(std::move(boat))
{
    BuildLayout();
    SetBusy(false);
}

void OutOfServiceDialog::BuildLayout()
{
    const int gap = FromDIP(10);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, wxString::Format(_("Take %s out of service"), U(m_boat.name)));
    title->SetFont(GetFont().Scaled(1.3f).Bold());
    top->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("Its seats leave the sale from the first day. Its bookings are moved to another "
                                     "departure or cancelled, as for a closure."));
    intro->SetForegroundColour(kMutedText);
    intro->Wrap(FromDIP(880));
    top->Add(intro, wxSizerFlags().Border(wxALL, FromDIP(16)));

    auto* fields = new wxFlexGridSizer(2, FromDIP(8), gap);
    fields->AddGrowableCol(1);
    m_from = new wxDatePickerCtrl(this, wxID_ANY, ToWxDate(m_session->Today()), wxDefaultPosition, wxDefaultSize,
                                  wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    fields->Add(new wxStaticText(this, wxID_ANY, _("&From:")), wxSizerFlags().CenterVertical());
    fields->Add(m_from);
    auto* until = new wxBoxSizer(wxHORIZONTAL);
    m_to = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_SHOWCENTURY | wxDP_ALLOWNONE);
    m_to->SetValue(wxInvalidDateTime);   // the generic picker shows today otherwise
    auto* open = new wxStaticText(this, wxID_ANY, _("empty: until further notice"));
    open->SetForegroundColour(kMutedText);
    until->Add(m_to, wxSizerFlags().CenterVertical());
    until->Add(open, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    // TRANSLATORS: the last day a boat stays out of service
    fields->Add(new wxStaticText(this, wxID_ANY, _("&Through:")), wxSizerFlags().CenterVertical());
    fields->Add(until);
    m_reason = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(380, -1)));
    m_reason->SetHint(_("Repair, inspection, hull damage…"));
    fields->Add(new wxStaticText(this, wxID_ANY, _("&Reason:")), wxSizerFlags().CenterVertical());
    fields->Add(m_reason, wxSizerFlags().Expand());
    top->Add(fields, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(16)));

    const AffectedSection section = AddAffectedSection(
        this, top, _("Pick the dates and the reason, then show the affected bookings."), _("&Take out of service"));
    m_previewButton = section.preview;
    m_list = section.list;
    m_error = section.error;
    m_result = section.result;
    m_apply = section.apply;
    SetSizer(top);
    SetMinSize(FromDIP(wxSize(940, 700)));
    Fit();
    CentreOnParent();

    m_previewButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Preview(); });
    m_apply->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Apply(); });
    m_from->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { DropPreview(); });
    m_to->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) { DropPreview(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Destroy(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
}

wxWindow* OutOfServiceDialog::FromField() const { return m_from; }
wxWindow* OutOfServiceDialog::ToField() const { return m_to; }
wxWindow* OutOfServiceDialog::ReasonField() const { return m_reason; }

void OutOfServiceDialog::SetDates(domain::LocalDate from, std::optional<domain::LocalDate> to)
{
    m_from->SetValue(ToWxDate(from));
    m_to->SetValue(to ? ToWxDate(*to) : wxDefaultDateTime);
    DropPreview();
}

void OutOfServiceDialog::SetReason(const wxString& reason) { m_reason->SetValue(reason); }
void OutOfServiceDialog::SetNotify(bool notify) { m_list->SetNotify(notify); }
void OutOfServiceDialog::MoveAll() { m_list->MoveAll(); }

void OutOfServiceDialog::DropPreview()
{
    if (m_applied) return;
    m_scope.reset();
    m_preview.reset();
    m_list->Clear();
    SetBusy(m_busy);
    Layout();
}

void OutOfServiceDialog::Preview()
{
    if (m_busy || m_applied) return;
    const domain::LocalDate from = FromWxDate(m_from->GetValue());
    const wxDateTime toValue = m_to->GetValue();
    const auto to = toValue.IsValid() ? std::optional(FromWxDate(toValue)) : std::nullopt;
    const std::string reason = m_reason->GetValue().utf8_string();
    const std::string boat = m_boat.id.str();
    const auto employee = m_session->employee ? std::optional(m_session->employee->id) : std::nullopt;
    const auto now = m_session->Now();
    SetBusy(true);
    Highlight(nullptr);
    m_error->Hide();
    RunOnWorker(
        *m_session->worker, this,
        [boat, from, to, employee, reason, now](domain::Store& store) {
            Previewed out;
            out.scope = app::outOfServiceScope(store, boat, from, to, employee);
            out.preview = app::previewClosure(store, out.scope, reason, now);
            return out;
        },
        [](OutOfServiceDialog& d, Previewed previewed) { d.OnPreview(std::move(previewed)); },
        [](OutOfServiceDialog& d, const Failure& f) { d.OnFailed(f); });
}

void OutOfServiceDialog::OnPreview(Previewed previewed)
{
    m_scope = std::move(previewed.scope);
    m_preview = std::move(previewed.preview);
    // One day: the rows show times only; a range: each row shows its date.
    const auto day = m_scope->lastDate && *m_scope->lastDate != m_scope->date ? std::nullopt
                                                                               : std::optional(m_scope->date);
    m_list->ShowPreview(*m_preview, m_session->zone.value_or(domain::BusinessZone{}), day);
    SetBusy(false);
    Layout();
}

void OutOfServiceDialog::Apply()
{
    if (m_busy || !m_preview || !m_scope || m_applied) return;
    app::ClosureRequest request;
    request.scope = *m_scope;
    request.reason = m_reason->GetValue().utf8_string();
    request.decisions = m_list->Decisions();
    request.notify = m_list->Notify();
    if (m_session->employee) request.employeeId = m_session->employee->id;
    const auto clock = m_session->clock;
    SetBusy(true);
    Highlight(nullptr);
    m_error->Hide();
    RunOnWorker(
        *m_session->worker, this,
        [request, clock](domain::Store& store) { return ApplyClosureAndNotify(store, *clock, request); },
        [](OutOfServiceDialog& d, AppliedClosure applied) { d.OnApplied(std::move(applied)); },
        [](OutOfServiceDialog& d, const Failure& f) { d.OnFailed(f); });
}

wxString OutOfServiceDialog::Headline(const app::ClosureResult& r) const
{
    const wxString name = U(m_boat.name);
    const wxString from = FormatLongDate(m_scope->date);
    if (!m_to->GetValue().IsValid())
        return wxString::Format(_("%s is out of service from %s until further notice: %d moved, %d cancelled"), name,
                                from, r.moved, r.cancelled);
    if (!m_scope->lastDate || *m_scope->lastDate == m_scope->date)
        return wxString::Format(_("%s is out of service on %s: %d moved, %d cancelled"), name, from, r.moved,
                                r.cancelled);
    return wxString::Format(_("%s is out of service from %s through %s: %d moved, %d cancelled"), name, from,
                            FormatLongDate(*m_scope->lastDate), r.moved, r.cancelled);
}

void OutOfServiceDialog::OnApplied(AppliedClosure applied)
{
    m_applied = true;
    const wxString headline = Headline(applied.result);
    m_result->SetText(DescribeOutcome(headline, applied));
    m_result->Show();
    m_list->ShowOutcomes(applied.result);
    SetBusy(false);
    GrowToFit();
    if (m_onApplied) m_onApplied(headline + ".");
}

void OutOfServiceDialog::Highlight(wxWindow* field)
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

void OutOfServiceDialog::OnFailed(const Failure& failure)
{
    const std::string& f = failure.field;
    Highlight(f == "from" || f == "date" ? static_cast<wxWindow*>(m_from)
              : f == "to"                ? static_cast<wxWindow*>(m_to)
              : f == "reason"            ? static_cast<wxWindow*>(m_reason)
                                         : nullptr);
    m_error->SetLabel(failure.message);
    m_error->Wrap(FromDIP(880));
    m_error->Show();
    SetBusy(false);
    GrowToFit();
}

void OutOfServiceDialog::GrowToFit()
{
    // The outcome or the error takes its room from the list, never hiding the rows: the dialog grows.
    const wxSize best = GetBestSize();
    const wxSize now = GetSize();
    if (best.y > now.y) SetSize(wxSize(std::max(best.x, now.x), best.y));
    Layout();
}

void OutOfServiceDialog::SetBusy(bool busy)
{
    m_busy = busy;
    const bool editable = !busy && !m_applied;
    for (wxWindow* w : std::initializer_list<wxWindow*>{m_from, m_to, m_reason, m_previewButton}) w->Enable(editable);
    m_list->SetEditable(editable);
    m_apply->Enable(editable && m_preview.has_value());
}

wxString OutOfServiceDialog::ResultText() const { return m_result->IsShown() ? m_result->GetText() : wxString(); }
wxString OutOfServiceDialog::ErrorText() const { return m_error->IsShown() ? m_error->GetLabel() : wxString(); }

}  // namespace narcisse::ui
