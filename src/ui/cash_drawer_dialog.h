// The cash drawer at the desk: whether a session is open (since when, by whom, with what float),
// opening it with a counted float, cash paid in or out with a reason, the session's movements and
// the cash the drawer should hold now. Store work runs on the session's worker (app/cash_drawer.h).
#pragma once

#include "app/cash_drawer.h"
#include "ui/async.h"
#include "ui/cash_labels.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <functional>
#include <memory>
#include <optional>

class wxButton;
class wxCheckBox;
class wxListCtrl;
class wxPanel;
class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class CashCountGrid;

class CashDrawerDialog : public wxDialog {
public:
    CashDrawerDialog(wxWindow* parent, std::shared_ptr<Session> session);

    // Called after the drawer was opened or cash moved (a view showing the drawer reloads).
    void SetOnChanged(std::function<void()> callback) { m_onChanged = std::move(callback); }

    void Reload();
    void OpenDrawer();        // with the grid's count
    void RecordMovement();    // pay in or out, as the fields say

    // Controls and state, for the UI tests.
    bool IsLoaded() const { return m_status.has_value(); }
    bool IsBusy() const { return m_busy; }
    bool IsOpen() const { return m_status && m_status->session && !m_status->session->closedAt; }
    const std::optional<app::DrawerStatus>& Status() const { return m_status; }
    CashCountGrid* CountGrid() const { return m_grid; }
    wxButton* OpenButton() const { return m_open; }
    wxTextCtrl* AmountField() const { return m_amount; }
    wxTextCtrl* ReasonField() const { return m_reason; }
    wxRadioButton* PayInChoice() const { return m_payIn; }
    wxRadioButton* PayOutChoice() const { return m_payOut; }
    wxCheckBox* BankDepositBox() const { return m_bankDeposit; }
    wxListCtrl* Movements() const { return m_movements; }
    wxString HeadlineText() const;
    wxString ExpectedText() const;
    wxString ErrorText() const;
    wxWindow* HighlightedField() const { return m_highlighted; }

private:
    struct Loaded {
        app::DrawerStatus status;
        EmployeeNames names;
    };
    void BuildLayout();
    void ShowLoaded(Loaded loaded);
    void ShowFailure(const Failure& failure);
    void ClearError();
    void SetBusy(bool busy);

    std::shared_ptr<Session> m_session;
    std::function<void()> m_onChanged;
    std::optional<app::DrawerStatus> m_status;
    bool m_busy = false;

    wxStaticText* m_headline = nullptr;
    wxStaticText* m_float = nullptr;
    wxStaticText* m_expected = nullptr;
    wxPanel* m_openPanel = nullptr;
    wxStaticText* m_openNote = nullptr;
    CashCountGrid* m_grid = nullptr;
    wxButton* m_open = nullptr;
    wxPanel* m_sessionPanel = nullptr;
    wxListCtrl* m_movements = nullptr;
    wxRadioButton* m_payIn = nullptr;
    wxRadioButton* m_payOut = nullptr;
    wxTextCtrl* m_amount = nullptr;
    wxTextCtrl* m_reason = nullptr;
    wxCheckBox* m_bankDeposit = nullptr;
    wxButton* m_record = nullptr;
    wxStaticText* m_error = nullptr;
    wxWindow* m_highlighted = nullptr;
};

// Opens the drawer dialog (modeless; it destroys itself when closed).
CashDrawerDialog* ShowCashDrawer(wxWindow* parent, std::shared_ptr<Session> session);

}  // namespace narcisse::ui
