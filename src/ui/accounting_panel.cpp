#include "ui/accounting_panel.h"

#include "ui/access.h"
#include "ui/cash_labels.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/journal_list.h"

#include <wx/activityindicator.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dateevt.h>
#include <wx/datectrl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace narcisse::ui {
namespace {

constexpr domain::PaymentMethod kMethods[] = {domain::PaymentMethod::Cash, domain::PaymentMethod::Card,
                                              domain::PaymentMethod::Voucher, domain::PaymentMethod::Stripe,
                                              domain::PaymentMethod::PayPal};

domain::LocalDate FirstOfMonth(domain::LocalDate d) { return d.year() / d.month() / date::day{1}; }
domain::LocalDate LastOfMonth(domain::LocalDate d) { return domain::LocalDate{d.year() / d.month() / date::last}; }

// `column` takes the width the others leave, whenever the list is resized.
void FillColumn(wxListCtrl* list, int column, int minWidth)
{
    list->Bind(wxEVT_SIZE, [list, column, minWidth](wxSizeEvent& event) {
        event.Skip();
        int others = 0;
        for (int c = 0; c < list->GetColumnCount(); ++c)
            if (c != column) others += list->GetColumnWidth(c);
        const int scrollbar = wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, list);
        list->SetColumnWidth(column, std::max(minWidth, list->GetClientSize().x - others - scrollbar));
    });
}

// A trial balance leaves the empty side blank, as the journal does.
wxString Side(const domain::Money& m) { return m.cents() == 0 ? wxString() : FormatMoney(m); }

}  // namespace

struct AccountingPanel::Loaded {
    std::shared_ptr<const app::JournalView> view;
    domain::ChartOfAccounts chart;
    app::Reconciliation check;
    std::vector<domain::AccountBalance> balances;
};

AccountingPanel::AccountingPanel(wxWindow* parent, std::shared_ptr<Session> session)
    : wxPanel(parent, wxID_ANY), m_session(std::move(session))
{
    SetBackgroundColour(*wxWHITE);
    BuildLayout();
    const auto today = m_session->Today();
    m_from->SetValue(ToWxDate(FirstOfMonth(today)));
    m_to->SetValue(ToWxDate(LastOfMonth(today)));
    // Not read here: the view loads when it is first shown (MainFrame::ShowPage).
}

void AccountingPanel::BuildLayout()
{
    const int margin = FromDIP(18);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Accounting"));
    title->SetFont(GetFont().Scaled(1.4f).Bold());
    head->Add(title, wxSizerFlags().CenterVertical());
    head->AddStretchSpacer();
    auto* accounts = new wxButton(this, wxID_ANY, _("A&ccounts…"));
    accounts->SetToolTip(_("The account each payment method, VAT rate and voucher kind is booked to"));
    auto* exportButton = new wxButton(this, wxID_ANY, _("E&xport…"));
    exportButton->SetToolTip(_("FEC file, CSV files and PDF reports of the period"));
    auto* reload = new wxButton(this, wxID_ANY, _("&Reload"));
    reload->SetBitmap(GetIcon("refresh", 16));
    for (auto* b : {accounts, exportButton, reload}) head->Add(b, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));
    accounts->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { if (m_onAccounts) m_onAccounts(); });
    exportButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { if (m_onExport) m_onExport(From(), To()); });
    reload->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
    AllowFor(exportButton, *m_session, domain::Action::ExportAccounting, true, exportButton->GetToolTipText());
    top->Add(head, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    top->Add(BuildFilters(), wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));

    m_journal = new JournalList(this);
    top->Add(m_journal, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    // Under the journal: how many lines, what was read, and the busy indicator while it reads.
    auto* under = new wxBoxSizer(wxHORIZONTAL);
    m_count = new wxStaticText(this, wxID_ANY, wxString());
    m_count->SetFont(GetFont().Bold());
    under->Add(m_count, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(14)));
    m_busy = new wxActivityIndicator(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(16, 16)));
    m_busy->Hide();
    under->Add(m_busy, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    m_status = new wxStaticText(this, wxID_ANY, wxString());
    under->Add(m_status, wxSizerFlags(1).CenterVertical());
    top->AddSpacer(FromDIP(6));
    top->Add(under, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, margin));
    top->Add(BuildSummary(), wxSizerFlags().Expand().Border(wxALL, margin));
    SetSizer(top);
}

wxSizer* AccountingPanel::BuildFilters()
{
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto label = [&](const wxString& text) {
        row->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    };
    auto gap = [&] { row->AddSpacer(FromDIP(14)); };
    m_preset = new wxChoice(this, wxID_ANY);
    m_preset->Append({_("This month"), _("Last month"), _("This year"), _("Custom period")});
    m_preset->SetSelection(0);
    label(_("&Period:"));
    row->Add(m_preset, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(8)));
    m_from = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_to = new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    label(_("from"));
    row->Add(m_from, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
    label(_("to"));
    row->Add(m_to, wxSizerFlags().CenterVertical());
    gap();
    m_journalFilter = new wxChoice(this, wxID_ANY);
    m_journalFilter->Append(_("Every journal"));
    for (auto j : domain::allJournals())
        m_journalFilter->Append(wxString::FromUTF8(std::string(domain::journalCode(j))) + wxS(" · ") +
                                wxString::FromUTF8(std::string(domain::journalLabel(j))));
    m_journalFilter->SetSelection(0);
    label(_("&Journal:"));
    row->Add(m_journalFilter, wxSizerFlags().CenterVertical());
    gap();
    m_accountFilter = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(80, -1)));
    m_accountFilter->SetHint(_("706, 445…"));
    m_accountFilter->SetToolTip(_("Lines whose account number starts with this"));
    label(_("Acc&ount:"));
    row->Add(m_accountFilter, wxSizerFlags().CenterVertical());
    gap();
    m_methodFilter = new wxChoice(this, wxID_ANY);
    m_methodFilter->Append(_("Every method"));
    for (auto m : kMethods) m_methodFilter->Append(TenderMethodName(m));
    m_methodFilter->SetSelection(0);
    label(_("Pa&yment:"));
    row->Add(m_methodFilter, wxSizerFlags().CenterVertical());

    m_preset->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { ApplyPreset(static_cast<Preset>(m_preset->GetSelection())); });
    auto onDate = [this](wxDateEvent&) {
        m_preset->SetSelection(static_cast<int>(Preset::Custom));
        Reload();
    };
    m_from->Bind(wxEVT_DATE_CHANGED, onDate);
    m_to->Bind(wxEVT_DATE_CHANGED, onDate);
    m_journalFilter->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Refilter(); });
    m_methodFilter->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { Refilter(); });
    m_accountFilter->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Refilter(); });
    return row;
}

wxSizer* AccountingPanel::BuildSummary()
{
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto column = [&](const wxString& heading, wxWindow* body, int proportion) {
        auto* box = new wxBoxSizer(wxVERTICAL);
        auto* title = new wxStaticText(this, wxID_ANY, heading);
        title->SetFont(GetFont().Bold());
        box->Add(title, wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
        box->Add(body, wxSizerFlags(1).Expand());
        row->Add(box, wxSizerFlags(proportion).Expand().Border(wxRIGHT, FromDIP(14)));
        return box;
    };
    const wxSize listSize(-1, FromDIP(200));
    m_balances = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, listSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    m_balances->AppendColumn(_("Account"), wxLIST_FORMAT_LEFT, FromDIP(64));
    m_balances->AppendColumn(_("Label"), wxLIST_FORMAT_LEFT, FromDIP(200));
    m_balances->AppendColumn(_("Debit"), wxLIST_FORMAT_RIGHT, FromDIP(112));
    m_balances->AppendColumn(_("Credit"), wxLIST_FORMAT_RIGHT, FromDIP(112));
    m_balances->AppendColumn(_("Balance"), wxLIST_FORMAT_RIGHT, FromDIP(112));
    FillColumn(m_balances, 1, FromDIP(150));
    column(_("Account balances of the period"), m_balances, 8);

    m_totals = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, listSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    // The journal's own figures (sales journal, desk receipts): what each method took, and the VAT
    // booked per rate; the closings are compared with these.
    // TRANSLATORS: first column of the totals: a payment method or a VAT rate
    m_totals->AppendColumn(_("Method or VAT"), wxLIST_FORMAT_LEFT, FromDIP(130));
    // TRANSLATORS: column of the totals: how many payments
    m_totals->AppendColumn(_("Count"), wxLIST_FORMAT_RIGHT, FromDIP(56));
    m_totals->AppendColumn(_("Amount"), wxLIST_FORMAT_RIGHT, FromDIP(96));
    column(_("Desk takings by method and VAT rate"), m_totals, 4);

    auto* check = new wxBoxSizer(wxVERTICAL);
    auto* checkTitle = new wxStaticText(this, wxID_ANY, _("Daily closings check"));
    checkTitle->SetFont(GetFont().Bold());
    check->Add(checkTitle, wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
    m_checkHeadline = new wxStaticText(this, wxID_ANY, wxString());
    m_checkHeadline->SetFont(GetFont().Bold());
    check->Add(m_checkHeadline, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(6)));
    m_differences = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(150)), wxLC_REPORT | wxLC_SINGLE_SEL);
    m_differences->AppendColumn(_("Day"), wxLIST_FORMAT_LEFT, FromDIP(92));
    m_differences->AppendColumn(_("Difference"), wxLIST_FORMAT_LEFT, FromDIP(300));
    FillColumn(m_differences, 1, FromDIP(200));
    m_differences->Hide();
    check->Add(m_differences, wxSizerFlags(1).Expand());
    row->Add(check, wxSizerFlags(3).Expand());
    return row;
}

domain::LocalDate AccountingPanel::From() const { return FromWxDate(m_from->GetValue()); }
domain::LocalDate AccountingPanel::To() const { return FromWxDate(m_to->GetValue()); }
wxString AccountingPanel::CheckText() const { return m_checkHeadline->GetLabel(); }
wxString AccountingPanel::StatusText() const { return m_status->GetLabel(); }

void AccountingPanel::ShowStatus(const wxString& text, bool error)
{
    m_status->SetForegroundColour(error ? kCashError : kCashMuted);
    m_status->SetLabel(text);
    Layout();
}

void AccountingPanel::SetPeriod(domain::LocalDate from, domain::LocalDate to)
{
    m_from->SetValue(ToWxDate(from));
    m_to->SetValue(ToWxDate(to));
    m_preset->SetSelection(static_cast<int>(Preset::Custom));
    Reload();
}

void AccountingPanel::ApplyPreset(Preset preset)
{
    const auto today = m_session->Today();
    domain::LocalDate from = FirstOfMonth(today), to = LastOfMonth(today);
    if (preset == Preset::LastMonth) {
        const domain::LocalDate previous = FirstOfMonth(today) - date::months{1};
        from = previous;
        to = LastOfMonth(previous);
    } else if (preset == Preset::ThisYear) {
        from = today.year() / date::January / date::day{1};
        to = today.year() / date::December / date::day{31};
    }
    m_preset->SetSelection(static_cast<int>(preset));
    if (preset == Preset::Custom) return;   // the pickers say what
    m_from->SetValue(ToWxDate(from));
    m_to->SetValue(ToWxDate(to));
    Reload();
}

void AccountingPanel::SetJournalFilter(std::optional<domain::Journal> journal)
{
    int index = 0;
    if (journal)
        for (std::size_t i = 0; i < domain::allJournals().size(); ++i)
            if (domain::allJournals()[i] == *journal) index = static_cast<int>(i) + 1;
    m_journalFilter->SetSelection(index);
    Refilter();
}

void AccountingPanel::SetAccountFilter(const wxString& prefix) { m_accountFilter->SetValue(prefix); }   // wxEVT_TEXT refilters

void AccountingPanel::SetMethodFilter(std::optional<domain::PaymentMethod> method)
{
    int index = 0;
    for (std::size_t i = 0; method && i < std::size(kMethods); ++i)
        if (kMethods[i] == *method) index = static_cast<int>(i) + 1;
    m_methodFilter->SetSelection(index);
    Refilter();
}

void AccountingPanel::Reload()
{
    const auto from = From(), to = To();
    if (to < from) {
        ShowStatus(_("The period ends before it starts."), true);
        return;
    }
    ++m_pending;
    m_busy->Show();
    m_busy->Start();
    ShowStatus(_("Reading the journal…"), false);
    RunOnWorker(
        *m_session->worker, this,
        [from, to](domain::Store& store) {
            Loaded loaded;
            auto view = std::make_shared<app::JournalView>(app::loadJournal(store, from, to));
            loaded.chart = app::chartOfAccounts(store);
            loaded.check = app::reconcile(store, from, to);
            loaded.balances = domain::accountBalances(view->entries);
            loaded.view = std::move(view);
            return loaded;
        },
        [](AccountingPanel& p, Loaded loaded) {
            --p.m_pending;
            p.OnLoaded(std::move(loaded));
        },
        [](AccountingPanel& p, const Failure& failure) {
            if (--p.m_pending == 0) {
                p.m_busy->Stop();
                p.m_busy->Hide();
            }
            p.ShowStatus(wxString::Format(_("The journal cannot be read: %s"), failure.message), true);
        });
}

void AccountingPanel::OnLoaded(Loaded loaded)
{
    if (m_pending > 0) return;   // a newer period is on its way: show that one
    m_busy->Stop();
    m_busy->Hide();
    m_view = std::move(loaded.view);
    m_chart = std::move(loaded.chart);
    m_check = std::move(loaded.check);
    m_accountBalances = std::move(loaded.balances);
    m_loaded = true;
    wxString status = wxString::Format(wxPLURAL("%s entry", "%s entries", m_view->entries.size()),
                                       FormatCount(static_cast<long>(m_view->entries.size())));
    if (!m_view->frozenMonths.empty()) {
        wxString months;
        for (const auto& m : m_view->frozenMonths) months += (months.empty() ? "" : ", ") + wxString::FromUTF8(m);
        // TRANSLATORS: after the number of entries; %s lists months such as "2026-06, 2026-07"
        status += " · " + wxString::Format(_("frozen: %s"), months);
    }
    ShowStatus(status, false);
    Refilter();
    ShowBalances();
    ShowTotals();
    ShowCheck();
    Layout();
}

void AccountingPanel::Refilter()
{
    if (!m_view || !m_chart) return;
    app::JournalFilter filter;
    if (m_journalFilter->GetSelection() > 0)
        filter.journal = domain::allJournals()[static_cast<std::size_t>(m_journalFilter->GetSelection() - 1)];
    filter.account = m_accountFilter->GetValue().Trim().Trim(false).utf8_string();
    if (m_methodFilter->GetSelection() > 0) filter.method = kMethods[m_methodFilter->GetSelection() - 1];
    auto rows = app::filterJournal(*m_view, *m_chart, filter);
    std::size_t lines = 0;
    for (const auto& e : m_view->entries) lines += e.lines.size();
    const bool filtered = filter.journal || !filter.account.empty() || filter.method;
    // TRANSLATORS: under the journal; the first %s is a number of lines
    m_count->SetLabel(filtered ? wxString::Format(_("%s of %s lines"), FormatCount(static_cast<long>(rows.size())),
                                                  FormatCount(static_cast<long>(lines)))
                               : wxString::Format(wxPLURAL("%s line", "%s lines", lines), FormatCount(static_cast<long>(lines))));
    m_journal->SetJournal(m_view, std::move(rows));
}

void AccountingPanel::ShowBalances()
{
    m_balances->DeleteAllItems();
    domain::Money debit, credit;
    for (const auto& b : m_accountBalances) {
        const long row = m_balances->InsertItem(m_balances->GetItemCount(), wxString::FromUTF8(b.account));
        m_balances->SetItem(row, 1, wxString::FromUTF8(b.label));
        m_balances->SetItem(row, 2, Side(b.debit));
        m_balances->SetItem(row, 3, Side(b.credit));
        m_balances->SetItem(row, 4, FormatMoney(b.balance()));
        debit += b.debit;
        credit += b.credit;
    }
    if (m_accountBalances.empty()) return;
    const long total = m_balances->InsertItem(m_balances->GetItemCount(), wxString());
    m_balances->SetItem(total, 1, _("Total"));
    m_balances->SetItem(total, 2, FormatMoney(debit));
    m_balances->SetItem(total, 3, FormatMoney(credit));
    m_balances->SetItem(total, 4, FormatMoney(debit - credit));
    m_balances->SetItemFont(total, m_balances->GetFont().Bold());
}

void AccountingPanel::ShowTotals()
{
    m_totals->DeleteAllItems();
    if (!m_check) return;
    for (const auto& m : m_check->byMethod) {
        const long row = m_totals->InsertItem(m_totals->GetItemCount(), TenderMethodName(m.method));
        m_totals->SetItem(row, 1, FormatCount(m.count));
        m_totals->SetItem(row, 2, FormatMoney(m.amount));
    }
    for (const auto& v : m_check->byVat) {
        // TRANSLATORS: a row of the totals: the VAT booked at one rate, e.g. "VAT 10 %"
        const long row = m_totals->InsertItem(m_totals->GetItemCount(), wxString::Format(_("VAT %s"), VatRateText(v.rateBasisPoints)));
        m_totals->SetItem(row, 2, FormatMoney(v.vat));
        m_totals->SetItemTextColour(row, kCashMuted);
    }
}

void AccountingPanel::ShowCheck()
{
    m_differences->DeleteAllItems();
    if (!m_check) return;
    int open = 0;
    for (const auto& d : m_check->days) open += d.closed ? 0 : 1;
    const int closed = static_cast<int>(m_check->days.size()) - open;
    if (m_check->differences == 0) {
        // "Matches" only where there is something to match: days without their closing are not checked.
        if (m_check->days.empty()) {
            m_checkHeadline->SetForegroundColour(kCashMuted);
            m_checkHeadline->SetLabel(_("No desk receipt to check"));
        } else if (closed == 0) {
            m_checkHeadline->SetForegroundColour(kCashMuted);
            m_checkHeadline->SetLabel(_("No closing yet in this period"));
        } else {
            m_checkHeadline->SetForegroundColour(kCashOk);
            wxString label = wxString::Format(wxPLURAL("Matches the daily closing (%d day)", "Matches the daily closings (%d days)", closed),
                                              closed);
            if (open > 0)
                label += wxString::FromUTF8(" · ") +
                         wxString::Format(wxPLURAL("%d day not closed yet", "%d days not closed yet", open), open);
            m_checkHeadline->SetLabel(label);
        }
        FillColumn(m_differences, 1, FromDIP(200));
        m_differences->Hide();
    } else {
        m_checkHeadline->SetForegroundColour(kCashError);
        m_checkHeadline->SetLabel(wxString::Format(
            wxPLURAL("%d day differs from its daily closing", "%d days differ from their daily closings", m_check->differences),
            m_check->differences));
        for (const auto& day : m_check->days)
            for (const auto& sentence : day.differences) {
                const long row = m_differences->InsertItem(m_differences->GetItemCount(), ToWxDate(day.date).FormatDate());
                m_differences->SetItem(row, 1, wxString::FromUTF8(sentence));
                m_differences->SetItemTextColour(row, kCashError);
            }
        m_differences->Show();
    }
    m_checkHeadline->SetToolTip(open > 0 ? wxString::Format(wxPLURAL("%d day of the period has no closing yet",
                                                                      "%d days of the period have no closing yet", open),
                                                            open)
                                         : wxString());
}

}  // namespace narcisse::ui
