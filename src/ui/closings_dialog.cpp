#include "ui/closings_dialog.h"

#include "ui/cash_labels.h"
#include "ui/cash_print.h"
#include "ui/format.h"
#include "ui/icons.h"

#include <wx/choicdlg.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>

#include <algorithm>

namespace narcisse::ui {

ClosingsDialog::ClosingsDialog(wxWindow* parent, std::shared_ptr<Session> session)
    : wxDialog(parent, wxID_ANY, _("Closings"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session))
{
    SetIcons(GetAppIcons());
    const int border = FromDIP(16);
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(820, 300)), wxLC_REPORT | wxLC_SINGLE_SEL);
    // TRANSLATORS: column of the closings list: the closing's sequence number
    m_list->AppendColumn(_("No."), wxLIST_FORMAT_RIGHT, FromDIP(50));
    m_list->AppendColumn(_("Period"), wxLIST_FORMAT_LEFT, FromDIP(70));
    m_list->AppendColumn(_("Covers"), wxLIST_FORMAT_LEFT, FromDIP(120));
    m_list->AppendColumn(_("Closed on"), wxLIST_FORMAT_LEFT, FromDIP(130));
    m_list->AppendColumn(_("Receipts"), wxLIST_FORMAT_RIGHT, FromDIP(70));
    m_list->AppendColumn(_("Period total"), wxLIST_FORMAT_RIGHT, FromDIP(115));
    m_list->AppendColumn(_("Difference"), wxLIST_FORMAT_RIGHT, FromDIP(95));
    m_list->AppendColumn(_("By"), wxLIST_FORMAT_LEFT, FromDIP(140));
    top->Add(m_list, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { PrintSelected(); });
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { m_print->Enable(!m_busy); });

    m_message = new wxStaticText(this, wxID_ANY, wxString());
    m_message->SetFont(GetFont().Bold());
    top->Add(m_message, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));

    top->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_print = new wxButton(this, wxID_PRINT, _("&Print"));
    m_month = new wxButton(this, wxID_ANY, _("Close &month…"));
    m_year = new wxButton(this, wxID_ANY, _("Close &year…"));
    for (auto* b : {m_print, m_month, m_year}) buttons->Add(b, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(top);
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PrintSelected(); });
    m_month->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskMonth(); });
    m_year->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AskYear(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    SetEscapeId(wxID_CLOSE);
    // Esc closes wherever the focus is, also when the button that had it was greyed meanwhile.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE && !e.HasAnyModifiers()) return static_cast<void>(Close());
        e.Skip();
    });
    CentreOnParent();
    Reload();
}

void ClosingsDialog::Reload()
{
    SetBusy(true);
    RunOnWorker(
        *m_session->worker, this, [](domain::Store& store) { return app::closings(store, 200); },
        [](ClosingsDialog& d, std::vector<domain::Closing> closings) {
            d.SetBusy(false);
            d.ShowList(std::move(closings));
        },
        [](ClosingsDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowMessage(failure.message, true);
        });
}

void ClosingsDialog::ShowList(std::vector<domain::Closing> closings)
{
    m_closings = std::move(closings);
    m_loaded = true;
    m_list->DeleteAllItems();
    for (const auto& z : m_closings) {
        const long row = m_list->InsertItem(m_list->GetItemCount(), wxString::Format("%lld", static_cast<long long>(z.number)));
        m_list->SetItem(row, 1, ClosingPeriodName(z.period));
        m_list->SetItem(row, 2, ClosingPeriodText(z));
        m_list->SetItem(row, 3, FormatDateTime(*m_session, z.closedAt));
        m_list->SetItem(row, 4, FormatCount(z.receiptCount));
        m_list->SetItem(row, 5, FormatMoney(z.periodTotal));
        m_list->SetItem(row, 6, z.period == domain::ClosingPeriod::Day ? FormatMoney(z.difference) : wxString());
        m_list->SetItem(row, 7, wxString::FromUTF8(z.operatorName));
    }
    if (!m_closings.empty()) m_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                                  wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    if (m_closings.empty()) ShowMessage(_("No closing yet."), false);
    m_print->Enable(!m_closings.empty());
}

void ClosingsDialog::PrintSelected()
{
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (m_busy || row < 0 || static_cast<std::size_t>(row) >= m_closings.size()) return;
    SetBusy(true);
    const domain::Closing closing = m_closings[static_cast<std::size_t>(row)];
    RunOnWorker(
        *m_session->worker, this, [closing](domain::Store& store) { return WriteClosingForPrint(store, closing); },
        [](ClosingsDialog& d, const std::filesystem::path& file) {
            d.SetBusy(false);
            if (!OpenPrintedDocument(file))
                d.ShowMessage(wxString::Format(_("The report is saved as %s, but no PDF viewer could open it."),
                                               wxString::FromUTF8(file.string())),
                              true);
        },
        [](ClosingsDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowMessage(failure.message, true);
        });
}

void ClosingsDialog::AskMonth()
{
    // The twelve months before this one: a month is closed once it has ended.
    const domain::LocalDate today = m_session->Today();
    date::year_month ym{today.year(), today.month()};
    wxArrayString names;
    std::vector<date::year_month> months;
    for (int i = 0; i < 12; ++i) {
        ym -= date::months{1};
        months.push_back(ym);
        names.Add(ToWxDate(domain::LocalDate{ym / date::day{1}}).Format("%B %Y"));
    }
    wxSingleChoiceDialog ask(this, _("Build the closing of which month from its daily closings?"), _("Close month"), names);
    if (ask.ShowModal() != wxID_OK) return;
    const auto chosen = months[static_cast<std::size_t>(ask.GetSelection())];
    CloseMonth(static_cast<int>(chosen.year()), static_cast<unsigned>(chosen.month()));
}

void ClosingsDialog::AskYear()
{
    const int thisYear = static_cast<int>(m_session->Today().year());
    wxArrayString names;
    for (int y = thisYear - 1; y >= thisYear - 3; --y) names.Add(wxString::Format("%d", y));
    wxSingleChoiceDialog ask(this, _("Build the closing of which year from its monthly closings?"), _("Close year"), names);
    if (ask.ShowModal() != wxID_OK) return;
    CloseYear(thisYear - 1 - ask.GetSelection());
}

void ClosingsDialog::CloseMonth(int year, unsigned month)
{
    if (m_busy) return;
    SetBusy(true);
    const auto clock = m_session->clock;
    const auto employee = ActingEmployee(*m_session);
    RunOnWorker(
        *m_session->worker, this,
        [clock, employee, year, month](domain::Store& store) { return app::closeMonth(store, *clock, year, month, employee); },
        [](ClosingsDialog& d, const domain::Closing& z) {
            d.SetBusy(false);
            d.ShowMessage(wxString::Format(_("Closing no. %lld stored: %s."), static_cast<long long>(z.number),
                                           ClosingPeriodText(z)),
                          false);
            d.Reload();
        },
        [](ClosingsDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowMessage(failure.message, true);
        });
}

void ClosingsDialog::CloseYear(int year)
{
    if (m_busy) return;
    SetBusy(true);
    const auto clock = m_session->clock;
    const auto employee = ActingEmployee(*m_session);
    RunOnWorker(
        *m_session->worker, this,
        [clock, employee, year](domain::Store& store) { return app::closeYear(store, *clock, year, employee); },
        [](ClosingsDialog& d, const domain::Closing& z) {
            d.SetBusy(false);
            d.ShowMessage(wxString::Format(_("Closing no. %lld stored: %s."), static_cast<long long>(z.number),
                                           ClosingPeriodText(z)),
                          false);
            d.Reload();
        },
        [](ClosingsDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowMessage(failure.message, true);
        });
}

void ClosingsDialog::ShowMessage(const wxString& text, bool error)
{
    m_message->SetForegroundColour(error ? kCashError : kCashOk);
    m_message->SetLabelText(text);
    m_message->Wrap(std::max(FromDIP(500), GetClientSize().x - FromDIP(32)));
    Layout();
}

void ClosingsDialog::SetBusy(bool busy)
{
    m_busy = busy;
    m_print->Enable(!busy && !m_closings.empty());
    m_month->Enable(!busy);
    m_year->Enable(!busy);
}

wxString ClosingsDialog::MessageText() const { return m_message->GetLabel(); }

ClosingsDialog* ShowClosings(wxWindow* parent, std::shared_ptr<Session> session)
{
    auto* dialog = new ClosingsDialog(parent, std::move(session));
    dialog->Show();
    return dialog;
}

}  // namespace narcisse::ui
