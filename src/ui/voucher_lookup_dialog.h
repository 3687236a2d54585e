// Looking up a gift voucher by its code (typed or scanned): balance, expiry, whether it can pay and
// why not, its history and receipts; its expiry extended (with the permission) and the voucher
// printed again. Store work runs through app/vouchers.h on the worker.
#pragma once

#include "app/vouchers.h"
#include "ui/async.h"
#include "ui/cash_labels.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <memory>
#include <optional>
#include <string>

class wxButton;
class wxDatePickerCtrl;
class wxListCtrl;
class wxPanel;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class VoucherLookupDialog : public wxDialog {
public:
    // Looks `code` up straight away when it is not empty.
    VoucherLookupDialog(wxWindow* parent, std::shared_ptr<Session> session, const wxString& code = wxString());

    void LookUp();            // the code field's text
    void Extend();            // to the date picked
    void Print();

    // Controls and state, for the UI tests.
    bool IsBusy() const { return m_busy; }
    const std::optional<app::VoucherCard>& Card() const { return m_card; }
    wxTextCtrl* CodeField() const { return m_codeField; }
    wxDatePickerCtrl* ExtendField() const { return m_extendTo; }
    wxListCtrl* History() const { return m_history; }
    wxString BalanceText() const;
    wxString StateText() const;
    wxString ExpiryText() const;
    wxString ErrorText() const;
    bool IsPrinted() const { return m_printed; }

private:
    struct Loaded {
        app::VoucherCard card;
        EmployeeNames names;
    };
    void BuildLayout();
    void ShowCard(Loaded loaded);
    void ShowFailure(const Failure& failure);
    void SetBusy(bool busy);

    std::shared_ptr<Session> m_session;
    std::optional<app::VoucherCard> m_card;
    bool m_busy = false;
    bool m_printed = false;

    wxTextCtrl* m_codeField = nullptr;
    wxButton* m_lookUp = nullptr;
    wxStaticText* m_error = nullptr;
    wxPanel* m_cardPanel = nullptr;
    wxStaticText* m_code = nullptr;
    wxStaticText* m_what = nullptr;
    wxStaticText* m_balance = nullptr;
    wxStaticText* m_state = nullptr;
    wxStaticText* m_expiry = nullptr;
    wxStaticText* m_people = nullptr;
    wxStaticText* m_messageText = nullptr;
    wxStaticText* m_receipts = nullptr;
    wxListCtrl* m_history = nullptr;
    wxDatePickerCtrl* m_extendTo = nullptr;
    wxButton* m_extend = nullptr;
    wxButton* m_print = nullptr;
};

// Opens the lookup (modeless; it destroys itself when closed), looking `code` up when given.
VoucherLookupDialog* ShowVoucherLookup(wxWindow* parent, std::shared_ptr<Session> session,
                                       const wxString& code = wxString());

}  // namespace narcisse::ui
