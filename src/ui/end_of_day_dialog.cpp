#include "ui/end_of_day_dialog.h"

#include "ui/booking_card_dialog.h"
#include "ui/format.h"

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace narcisse::ui {

EndOfDayDialog::EndOfDayDialog(wxWindow* parent, std::shared_ptr<Session> session)
    : wxDialog(parent, wxID_ANY, _("End of day"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session))
{
    const int gap = FromDIP(12);
    auto* title = new wxStaticText(this, wxID_ANY, FormatLongDate(m_session->Today()));
    wxFont big = GetFont().Bold();
    big.SetPointSize(14);
    title->SetFont(big);
    m_text = new wxStaticText(this, wxID_ANY, _("Reading the day…"));
    m_text->SetFont(GetFont().Bold());
    m_lines = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 280)));
    m_apply = new wxButton(this, wxID_APPLY, _("&Apply"));
    m_apply->SetToolTip(_("Confirmed bookings of departed boats become no-shows, boarded ones completed, "
                          "expired phone bookings expired"));
    m_apply->Disable();
    auto* close = new wxButton(this, wxID_CANCEL, _("Close (Esc)"));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(close, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    buttons->Add(m_apply);
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    top->Add(m_text, wxSizerFlags().Expand().Border(wxALL, gap));
    top->Add(m_lines, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, gap));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));
    SetSizerAndFit(top);
    SetEscapeId(wxID_CANCEL);
    m_apply->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Apply(); });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE && !e.HasAnyModifiers()) return static_cast<void>(Close());
        e.Skip();
    });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
        if (m_busy && e.CanVeto()) return e.Veto();
        Destroy();
    });
    Run(false);
}

void EndOfDayDialog::Apply()
{
    if (m_busy || m_applied || !m_summary) return;
    Run(true);
}

void EndOfDayDialog::Run(bool apply)
{
    m_busy = true;
    m_apply->Disable();
    const auto clock = m_session->clock;
    const domain::LocalDate date = m_session->Today();
    std::optional<domain::Uuid> employee;
    if (m_session->employee) employee = m_session->employee->id;
    RunOnWorker(
        *m_session->worker, this,
        [clock, date, apply, employee](domain::Store& store) { return app::endOfDay(store, *clock, date, apply, employee); },
        [apply](EndOfDayDialog& d, app::EndOfDaySummary summary) { d.Display(std::move(summary), apply); },
        [](EndOfDayDialog& d, const Failure& f) {
            d.m_busy = false;
            d.m_text->SetLabelText(f.message);
            d.m_text->Wrap(std::max(d.FromDIP(400), d.GetClientSize().x - d.FromDIP(24)));
            d.Layout();
            d.m_text->SetForegroundColour(wxColour(0xB0, 0x1E, 0x1E));
            d.m_apply->Enable(d.m_summary.has_value() && !d.m_applied);
        });
}

void EndOfDayDialog::Display(app::EndOfDaySummary summary, bool applied)
{
    m_busy = false;
    m_applied = applied;
    const int changes = summary.noShows + summary.completed + summary.expired;
    const wxString counts =
        wxString::Format(wxPLURAL("%d departure has left", "%d departures have left", summary.departures), summary.departures) +
        ": " + wxString::Format(wxPLURAL("%d no-show", "%d no-shows", summary.noShows), summary.noShows) + ", " +
        wxString::Format(wxPLURAL("%d completed", "%d completed", summary.completed), summary.completed) + ", " +
        wxString::Format(wxPLURAL("%d expired", "%d expired", summary.expired), summary.expired) + ".";
    wxString text;
    if (applied) text = _("Done. ") + counts;
    else if (changes == 0) text = counts + "\n" + _("Nothing to change.");
    else text = counts + "\n" + _("Nothing is changed until you press Apply.");
    m_text->SetLabel(text);
    m_text->SetForegroundColour(applied ? wxColour(0x1E, 0x7B, 0x34) : GetForegroundColour());
    m_lines->Clear();
    // The lines name the new state in words ("→ no-show"), not as stored ("→ NO_SHOW").
    for (const auto& line : summary.lines) m_lines->Append(WithStateNames(wxString::FromUTF8(line)));
    m_apply->Enable(!applied && changes > 0);
    if (!applied && changes > 0) m_apply->SetFocus();
    m_summary = std::move(summary);
    Layout();
    // Apply, greyed once applied, held the focus: Esc and Enter need one inside the dialog.
    wxWindow* focus = FindFocus();
    if (!focus || wxGetTopLevelParent(focus) != this || !focus->IsEnabled()) FindWindow(wxID_CANCEL)->SetFocus();
    if (applied && m_onApplied) m_onApplied();
}

wxString EndOfDayDialog::SummaryText() const { return m_text->GetLabel(); }

}  // namespace narcisse::ui
