#include "ui/integrity_dialog.h"

#include "ui/cash_labels.h"
#include "ui/format.h"
#include "ui/icons.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>

namespace narcisse::ui {

IntegrityDialog::IntegrityDialog(wxWindow* parent, std::shared_ptr<Session> session)
    : wxDialog(parent, wxID_ANY, _("Integrity of the cash records"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session))
{
    SetIcons(GetAppIcons());
    const int border = FromDIP(16);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("Receipts, payments, refunds, closings and the event journal are each sealed in a "
                                     "hash chain. Verifying walks every record and names the first one that was "
                                     "altered, removed or numbered out of turn."));
    intro->Wrap(FromDIP(880));
    top->Add(intro, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, border));

    auto* verifyRow = new wxBoxSizer(wxHORIZONTAL);
    m_verify = new wxButton(this, wxID_ANY, _("&Verify integrity"));
    m_verify->SetDefault();
    verifyRow->Add(m_verify, wxSizerFlags().CenterVertical());
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetFont(GetFont().Scaled(1.15f).Bold());
    verifyRow->Add(m_summary, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(16)));
    top->Add(verifyRow, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));
    m_verify->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Verify(); });

    m_chains = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 156)), wxLC_REPORT | wxLC_SINGLE_SEL);
    m_chains->AppendColumn(_("Chain"), wxLIST_FORMAT_LEFT, FromDIP(150));
    m_chains->AppendColumn(_("Records"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    m_chains->AppendColumn(_("Result"), wxLIST_FORMAT_LEFT, FromDIP(620));
    top->Add(m_chains, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));

    auto* journalTitle = new wxStaticText(this, wxID_ANY, _("Technical event journal"));
    journalTitle->SetFont(GetFont().Bold());
    top->Add(journalTitle, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, border));
    m_events = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(900, 240)), wxLC_REPORT | wxLC_SINGLE_SEL);
    // TRANSLATORS: column of the event journal: the event's sequence number
    m_events->AppendColumn(_("No."), wxLIST_FORMAT_RIGHT, FromDIP(55));
    m_events->AppendColumn(_("When"), wxLIST_FORMAT_LEFT, FromDIP(135));
    m_events->AppendColumn(_("Event"), wxLIST_FORMAT_LEFT, FromDIP(150));
    m_events->AppendColumn(_("Employee"), wxLIST_FORMAT_LEFT, FromDIP(100));
    m_events->AppendColumn(_("Details"), wxLIST_FORMAT_LEFT, FromDIP(440));
    top->Add(m_events, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(6)).Border(wxLEFT | wxRIGHT, border));

    top->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(top);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    SetEscapeId(wxID_CLOSE);
    CentreOnParent();
    LoadEvents();
}

void IntegrityDialog::Verify()
{
    if (m_busy) return;
    SetBusy(true);
    m_summary->SetForegroundColour(kCashMuted);
    m_summary->SetLabel(_("Verifying…"));
    const auto clock = m_session->clock;
    const auto employee = ActingEmployee(*m_session);
    RunOnWorker(
        *m_session->worker, this,
        [clock, employee](domain::Store& store) { return app::verifyIntegrity(store, *clock, employee); },
        [](IntegrityDialog& d, app::IntegrityReport report) {
            d.SetBusy(false);
            d.ShowReport(std::move(report));
            d.LoadEvents();   // the check itself is journaled
        },
        [](IntegrityDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.m_summary->SetForegroundColour(kCashError);
            d.m_summary->SetLabel(failure.message);
            d.Layout();
        });
}

void IntegrityDialog::ShowReport(app::IntegrityReport report)
{
    m_report = std::move(report);
    m_chains->DeleteAllItems();
    const auto& problem = m_report->firstProblem;
    for (const auto& c : m_report->chains) {
        const long row = m_chains->InsertItem(m_chains->GetItemCount(), ChainName(c.chain));
        m_chains->SetItem(row, 1, FormatCount(static_cast<long>(c.records)));
        if (problem && problem->chain == c.chain) {
            m_chains->SetItem(row, 2, wxString::Format(_("Record no. %lld (%s): %s"), static_cast<long long>(problem->seq),
                                                       wxString::FromUTF8(problem->entityId),
                                                       wxString::FromUTF8(problem->what)));
            m_chains->SetItemTextColour(row, kCashError);
        } else if (problem) {
            // Only the first problem is named; this chain is not said to be sound when another is not.
            m_chains->SetItem(row, 2, _("No problem found"));
        } else {
            m_chains->SetItem(row, 2, _("All records sound"));
            m_chains->SetItemTextColour(row, kCashOk);
        }
    }
    if (problem) {
        m_summary->SetForegroundColour(kCashError);
        m_summary->SetLabel(wxString::Format(_("Broken: %s"), wxString::FromUTF8(problem->describe())));
    } else {
        m_summary->SetForegroundColour(kCashOk);
        m_summary->SetLabel(_("All records sound"));
    }
    Layout();
}

void IntegrityDialog::LoadEvents()
{
    m_eventsLoaded = false;
    RunOnWorker(
        *m_session->worker, this, [](domain::Store& store) { return app::technicalEvents(store, 500); },
        [](IntegrityDialog& d, const std::vector<domain::TechnicalEvent>& events) { d.ShowEvents(events); },
        [](IntegrityDialog& d, const Failure& failure) {
            d.m_eventsLoaded = true;
            d.m_summary->SetForegroundColour(kCashError);
            d.m_summary->SetLabel(failure.message);
            d.Layout();
        });
}

void IntegrityDialog::ShowEvents(const std::vector<domain::TechnicalEvent>& events)
{
    m_events->Freeze();
    m_events->DeleteAllItems();
    for (const auto& e : events) {
        const long row = m_events->InsertItem(m_events->GetItemCount(), wxString::Format("%lld", static_cast<long long>(e.number)));
        m_events->SetItem(row, 1, FormatDateTime(*m_session, e.at));
        m_events->SetItem(row, 2, EventKindName(e.kind));
        m_events->SetItem(row, 3, e.employee.empty() ? wxString(wxS("—")) : wxString::FromUTF8(e.employee));
        m_events->SetItem(row, 4, wxString::FromUTF8(e.details));
        if (e.kind == domain::EventKind::IntegrityFailure) m_events->SetItemTextColour(row, kCashError);
    }
    m_events->Thaw();
    m_eventsLoaded = true;
}

void IntegrityDialog::SetBusy(bool busy)
{
    m_busy = busy;
    m_verify->Enable(!busy);
}

wxString IntegrityDialog::SummaryText() const { return m_summary->GetLabel(); }

IntegrityDialog* ShowIntegrity(wxWindow* parent, std::shared_ptr<Session> session)
{
    auto* dialog = new IntegrityDialog(parent, std::move(session));
    dialog->Show();
    dialog->Verify();
    return dialog;
}

}  // namespace narcisse::ui
