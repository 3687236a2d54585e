// The Accounting view: the journal of a period (app::loadJournal) with its filters, the account
// balances, the totals by payment method and VAT rate, and the check against the daily closings
// (app::reconcile). The journal is read on the worker; filtering the lines read is done here.
#pragma once

#include "app/accounting.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/panel.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class wxActivityIndicator;
class wxButton;
class wxChoice;
class wxDatePickerCtrl;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class JournalList;

class AccountingPanel : public wxPanel {
public:
    enum class Preset { ThisMonth, LastMonth, ThisYear, Custom };

    AccountingPanel(wxWindow* parent, std::shared_ptr<Session> session);

    // Reads the period's journal and its check again (on the worker).
    void Reload();
    void SetPeriod(domain::LocalDate from, domain::LocalDate to);   // and reloads
    void ApplyPreset(Preset preset);                                // and reloads
    // Filters the lines already read (no store work).
    void SetJournalFilter(std::optional<domain::Journal> journal);
    void SetAccountFilter(const wxString& prefix);
    void SetMethodFilter(std::optional<domain::PaymentMethod> method);

    // What the Accounts… and Export… buttons open; the main frame wires them.
    void SetOnAccounts(std::function<void()> open) { m_onAccounts = std::move(open); }
    void SetOnExport(std::function<void(domain::LocalDate, domain::LocalDate)> open) { m_onExport = std::move(open); }

    // For the UI tests.
    bool IsBusy() const { return m_pending > 0; }
    bool IsLoaded() const { return m_loaded; }
    JournalList* Journal() const { return m_journal; }
    wxListCtrl* Balances() const { return m_balances; }
    wxListCtrl* Totals() const { return m_totals; }
    wxListCtrl* Differences() const { return m_differences; }
    wxString CheckText() const;
    wxString StatusText() const;
    domain::LocalDate From() const;
    domain::LocalDate To() const;
    const std::optional<app::Reconciliation>& Check() const { return m_check; }

private:
    struct Loaded;
    void BuildLayout();
    wxSizer* BuildFilters();
    wxSizer* BuildSummary();
    void OnLoaded(Loaded loaded);
    void Refilter();
    void ShowBalances();
    void ShowTotals();
    void ShowCheck();
    void ShowStatus(const wxString& text, bool error);

    std::shared_ptr<Session> m_session;
    std::shared_ptr<const app::JournalView> m_view;
    std::optional<domain::ChartOfAccounts> m_chart;
    std::optional<app::Reconciliation> m_check;
    std::vector<domain::AccountBalance> m_accountBalances;
    bool m_loaded = false;
    int m_pending = 0;
    std::function<void()> m_onAccounts;
    std::function<void(domain::LocalDate, domain::LocalDate)> m_onExport;

    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxChoice* m_preset = nullptr;
    wxChoice* m_journalFilter = nullptr;
    wxTextCtrl* m_accountFilter = nullptr;
    wxChoice* m_methodFilter = nullptr;
    wxActivityIndicator* m_busy = nullptr;
    wxStaticText* m_status = nullptr;
    JournalList* m_journal = nullptr;
    wxStaticText* m_count = nullptr;
    wxListCtrl* m_balances = nullptr;
    wxListCtrl* m_totals = nullptr;
    wxStaticText* m_checkHeadline = nullptr;
    wxListCtrl* m_differences = nullptr;
};

}  // namespace narcisse::ui
