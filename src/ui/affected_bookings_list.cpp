#include "ui/affected_bookings_list.h"

#include "app/notifications.h"
#include "ui/format.h"
#include "ui/note_box.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/statline.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace narcisse::ui {
namespace {

const wxColour kMutedText(0x5F, 0x6B, 0x7A);
const wxColour kMovedText(0x1E, 0x7A, 0x46);
const wxColour kCancelledText(0xA6, 0x4B, 0x00);

wxString U(const std::string& s) { return wxString::FromUTF8(s); }

// "14:20", or "Tuesday 21 July 2026 14:20" when `day` is not that date.
wxString When(domain::Instant start, std::optional<domain::LocalDate> day, const domain::BusinessZone& zone)
{
    const auto date = zone.localDate(start);
    wxString when = FormatWallTime(zone.localMinutes(start));
    if (!day || date != *day) when = FormatLongDate(date) + " " + when;
    return when;
}

// "16:20 · Lauch (8 free)", with the date when the proposal is another day.
wxString ProposalLabel(const domain::DepartureProposal& p, std::optional<domain::LocalDate> day,
                       const domain::BusinessZone& zone)
{
    return wxString::Format(_("%s · %s (%d free)"), When(p.departure.start, day, zone), U(p.boatName),
                            p.freeSeatsBefore);
}

}  // namespace

AffectedBookingsList::AffectedBookingsList(wxWindow* parent, const wxString& placeholder, const wxSize& listSize)
    : wxPanel(parent, wxID_ANY), m_placeholder(placeholder)
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_title = new wxStaticText(this, wxID_ANY, placeholder);
    m_title->SetForegroundColour(kMutedText);
    top->Add(m_title, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    m_list = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, listSize, wxVSCROLL);
    m_list->SetScrollRate(0, FromDIP(12));
    top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    m_moveAll = new wxButton(this, wxID_ANY, _("&Move all"));
    m_notify = new wxCheckBox(this, wxID_ANY, _("&Notify customers by e-mail"));
    m_notify->SetValue(true);
    actions->Add(m_moveAll, wxSizerFlags().CenterVertical());
    actions->Add(m_notify, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(20)));
    top->Add(actions, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(top);
    m_moveAll->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { MoveAll(); });
    Rebuild();
}

void AffectedBookingsList::ShowPreview(const app::ClosurePreview& preview, const domain::BusinessZone& zone,
                                       std::optional<domain::LocalDate> day)
{
    m_affected = preview.affected;
    m_shown = true;
    Rebuild();
    auto* grid = static_cast<wxFlexGridSizer*>(m_list->GetSizer());
    for (const auto& a : m_affected) {
        const auto& b = a.booking;
        wxString who = U(b.ref.str()) + "  " + When(b.departureStart, day, zone) + " · " + U(a.boatName) + " · " +
                       PartyShort(b.party);
        if (!b.customerName.empty()) who += " · " + U(b.customerName);
        auto* label = new wxStaticText(m_list, wxID_ANY, who);
        Row row;
        row.proposal = new wxChoice(m_list, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(230, -1)));
        // A proposal's date shows when it is not the booking's own day.
        const auto ownDay = zone.localDate(b.departureStart);
        for (const auto& p : a.proposals) row.proposal->Append(ProposalLabel(p, ownDay, zone));
        if (a.proposals.empty()) row.proposal->Append(_("No departure with room"));
        row.proposal->SetSelection(0);
        row.proposal->Enable(!a.proposals.empty());
        row.move = new wxCheckBox(m_list, wxID_ANY, _("Move"));
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
    SetEditable(m_editable);
    m_list->FitInside();
    m_list->Layout();
    Layout();
}

void AffectedBookingsList::Clear()
{
    m_affected.clear();
    m_shown = false;
    Rebuild();
    SetEditable(m_editable);
    Layout();
}

void AffectedBookingsList::Rebuild()
{
    m_list->DestroyChildren();
    m_rows.clear();
    auto* grid = new wxFlexGridSizer(4, FromDIP(6), FromDIP(12));
    grid->AddGrowableCol(0);
    m_list->SetSizer(grid);
    if (!m_shown)
        m_title->SetLabel(m_placeholder);
    else if (m_affected.empty())
        m_title->SetLabel(_("No booking is affected: the closure can be applied as it is."));
    else
        m_title->SetLabel(wxString::Format(wxPLURAL("%zu booking is affected. Move it or cancel it:",
                                                    "%zu bookings are affected. Move each or cancel it:",
                                                    m_affected.size()),
                                           m_affected.size()));
    m_list->FitInside();
}

void AffectedBookingsList::UpdateRow(std::size_t index)
{
    const Row& row = m_rows[index];
    const auto& a = m_affected[index];
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

void AffectedBookingsList::MoveAll()
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].move->IsEnabled()) {
            m_rows[i].move->SetValue(true);
            UpdateRow(i);
        }
}

void AffectedBookingsList::SetNotify(bool notify) { m_notify->SetValue(notify); }
bool AffectedBookingsList::Notify() const { return m_notify->GetValue(); }

void AffectedBookingsList::SetEditable(bool editable)
{
    m_editable = editable;
    m_moveAll->Enable(editable && !m_rows.empty());
    m_notify->Enable(editable && m_shown);
    for (const auto& row : m_rows) row.move->Enable(editable && row.proposal->IsEnabled());
}

std::vector<app::BookingDecision> AffectedBookingsList::Decisions() const
{
    std::vector<app::BookingDecision> decisions;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto& a = m_affected[i];
        const int choice = m_rows[i].proposal->GetSelection();
        if (m_rows[i].move->GetValue() && choice >= 0 && static_cast<std::size_t>(choice) < a.proposals.size()) {
            const auto& p = a.proposals[static_cast<std::size_t>(choice)];
            decisions.push_back({a.booking.id, app::BookingDecision::Kind::Move, p.departure.start, p.boatId});
        } else {
            decisions.push_back({a.booking.id, app::BookingDecision::Kind::Cancel, {}, {}});
        }
    }
    return decisions;
}

void AffectedBookingsList::ShowOutcomes(const app::ClosureResult& result)
{
    for (std::size_t i = 0; i < m_rows.size() && i < result.outcomes.size(); ++i)
        m_rows[i].outcome->SetLabel(result.outcomes[i].movedTo ? _("moved") : _("cancelled"));
}

AppliedClosure ApplyClosureAndNotify(domain::Store& store, const domain::Clock& clock, const app::ClosureRequest& request)
{
    AppliedClosure out;
    out.result = app::applyClosure(store, clock, request);
    if (request.notify && out.result.notified > 0) {
        auto mailer = app::configuredMailer(store);
        out.mailNote = mailer.note;
        if (mailer.mailer) {
            const auto report = app::sendPendingNotifications(store, *mailer.mailer, clock);
            out.sent = report.sent;
            out.failed = report.failed;
        }
    }
    return out;
}

wxString DescribeOutcome(const wxString& headline, const AppliedClosure& applied)
{
    const auto& r = applied.result;
    wxString text = headline;
    if (r.refundOwed.cents() > 0) text += wxString::Format(_(" (refunds owed: %s)"), FormatMoney(r.refundOwed));
    text += wxString::Format(_(", %d customers to notify."), r.notified);
    if (r.notified > 0) {
        if (!applied.mailNote.empty() && applied.sent + applied.failed == 0)
            text += "\n" + wxString::Format(_("The messages wait in the notification log: %s."), U(applied.mailNote));
        else
            text += "\n" + wxString::Format(_("Messages: %d sent, %d failed (see the notification log)."),
                                            applied.sent, applied.failed);
    }
    return text;
}

AffectedSection AddAffectedSection(wxDialog* dialog, wxSizer* top, const wxString& placeholder,
                                   const wxString& applyLabel)
{
    static const wxColour kErrorColour(0xC5, 0x30, 0x30);
    static const wxColour kResultBackground(0xE3, 0xF1, 0xE8);
    static const wxColour kResultBorder(0x9F, 0xCF, 0xB0);
    const int gap = dialog->FromDIP(10);
    AffectedSection s;
    s.preview = new wxButton(dialog, wxID_ANY, _("&Show affected bookings"));
    top->Add(s.preview, wxSizerFlags().Right().Border(wxALL, dialog->FromDIP(12)));
    top->Add(new wxStaticLine(dialog), wxSizerFlags().Expand());
    s.list = new AffectedBookingsList(dialog, placeholder, dialog->FromDIP(wxSize(900, 300)));
    top->Add(s.list, wxSizerFlags(1).Expand());

    s.error = new wxStaticText(dialog, wxID_ANY, wxString());
    s.error->SetForegroundColour(kErrorColour);
    s.error->SetFont(dialog->GetFont().Bold());
    top->Add(s.error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, dialog->FromDIP(16)));
    s.result = new NoteBox(dialog, kResultBackground, kResultBorder);
    top->Add(s.result, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, dialog->FromDIP(16)));

    top->Add(new wxStaticLine(dialog), wxSizerFlags().Expand().Border(wxTOP, gap));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    s.apply = new wxButton(dialog, wxID_APPLY, applyLabel);
    buttons->Add(new wxButton(dialog, wxID_CLOSE, _("Close")), wxSizerFlags().Border(wxRIGHT, 6));
    buttons->Add(s.apply);
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));
    s.error->Hide();
    s.result->Hide();
    return s;
}

}  // namespace narcisse::ui
