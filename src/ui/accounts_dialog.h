// The accounts settings screen: the number and label of the account each kind of event is booked
// to (app::chartOfAccounts), each VAT rate's account, the French defaults beside them, a live check
// (ChartOfAccounts::problems) and Save through app::saveChartOfAccounts. Modeless; store work on the worker.
#pragma once

#include "app/accounting.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

class wxButton;
class wxFlexGridSizer;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class AccountsDialog : public wxDialog {
public:
    AccountsDialog(wxWindow* parent, std::shared_ptr<Session> session);
    void SetOnSaved(std::function<void()> callback) { m_onSaved = std::move(callback); }

    void Save();
    void ResetToDefaults();
    // The chart as the fields say it now.
    domain::ChartOfAccounts Chart() const;

    // For the UI tests.
    bool IsBusy() const { return m_busy; }
    bool IsLoaded() const { return m_loaded; }
    bool IsSaved() const { return m_saved; }
    wxTextCtrl* NumberField(domain::AccountRole role) const;
    wxTextCtrl* LabelField(domain::AccountRole role) const;
    wxTextCtrl* VatNumberField(int rateBasisPoints) const;
    wxButton* SaveButton() const { return m_save; }
    wxString ProblemsText() const;
    wxString MessageText() const;

private:
    struct Row {
        std::optional<domain::AccountRole> role;   // else a VAT rate
        int rate = 0;
        wxTextCtrl* number = nullptr;
        wxTextCtrl* label = nullptr;
        domain::Account fallback;                  // the default shown beside it
    };
    struct Loaded {
        domain::ChartOfAccounts chart;
        std::vector<int> rates;                    // of the price lists and the chart, ascending
    };
    friend AccountsDialog* ShowAccountsDialog(wxWindow* parent, std::shared_ptr<Session> session);
    void OnLoaded(Loaded loaded);
    void ShowOnceSized();   // shown at its final size: the rows arrive from the worker
    void AddRow(std::optional<domain::AccountRole> role, int rate, const domain::Account& current);
    void Check();
    void ShowMessage(const wxString& text, bool error);

    std::shared_ptr<Session> m_session;
    std::function<void()> m_onSaved;
    std::vector<Row> m_rows;
    std::set<int> m_ownVat;                        // rates the settings give an account of their own
    bool m_busy = false;
    bool m_loaded = false;
    bool m_saved = false;
    bool m_filling = false;
    bool m_showWhenLoaded = false;
    wxFlexGridSizer* m_grid = nullptr;
    wxStaticText* m_problems = nullptr;
    wxStaticText* m_message = nullptr;
    wxButton* m_save = nullptr;
    wxButton* m_reset = nullptr;
};

// Opens the dialog (modeless) and returns it; it appears once the accounts are read, laid out at its size.
AccountsDialog* ShowAccountsDialog(wxWindow* parent, std::shared_ptr<Session> session);

wxString AccountRoleName(domain::AccountRole role);   // "Ride sales", "Cash drawer"…

}  // namespace narcisse::ui
