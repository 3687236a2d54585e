// Selling a gift voucher at the desk: for an amount or for a party's ride, with buyer, recipient,
// message and expiry (one year by default), paid by cash (change given back) or card; then its code
// and the printed voucher. The sale runs through app/vouchers.h on the worker.
#pragma once

#include "app/vouchers.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class wxButton;
class wxDatePickerCtrl;
class wxPanel;
class wxRadioButton;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class VoucherSaleDialog : public wxDialog {
public:
    VoucherSaleDialog(wxWindow* parent, std::shared_ptr<Session> session);

    void SetOnSold(std::function<void(const app::VoucherSaleResult&)> callback) { m_onSold = std::move(callback); }

    void Sell();
    void Print();
    void SellAnother();

    // Controls and state, for the UI tests.
    bool IsBusy() const { return m_busy; }
    const std::optional<app::VoucherSaleResult>& Sold() const { return m_sold; }
    wxRadioButton* RideChoice() const { return m_forRide; }
    wxTextCtrl* AmountField() const { return m_amount; }
    wxSpinCtrl* AdultsField() const { return m_adults; }
    wxTextCtrl* BuyerField() const { return m_buyer; }
    wxTextCtrl* RecipientField() const { return m_recipient; }
    wxTextCtrl* MessageField() const { return m_message; }
    wxDatePickerCtrl* ExpiryField() const { return m_expiry; }
    wxRadioButton* CardChoice() const { return m_card; }
    wxTextCtrl* CashGivenField() const { return m_given; }
    wxString PriceText() const;
    wxString ChangeText() const;
    wxString CodeText() const;
    wxString ErrorText() const;
    wxWindow* HighlightedField() const { return m_highlighted; }
    bool IsPrinted() const { return m_printed; }

private:
    void BuildLayout();
    void UpdateKind();
    void UpdatePrice();
    void UpdateChange();
    void ShowSold();
    void ShowFailure(const Failure& failure);
    void ClearError();
    void SetBusy(bool busy);
    void FitToContent();
    domain::Party PartyTyped() const;

    std::shared_ptr<Session> m_session;
    std::function<void(const app::VoucherSaleResult&)> m_onSold;
    std::optional<app::VoucherSaleResult> m_sold;
    std::optional<domain::Money> m_price;      // what the buyer pays, when known
    int m_priceRequest = 0;                    // the latest ride price asked of the worker
    bool m_busy = false;
    bool m_printed = false;

    wxPanel* m_form = nullptr;
    wxRadioButton* m_forAmount = nullptr;
    wxRadioButton* m_forRide = nullptr;
    wxTextCtrl* m_amount = nullptr;
    wxSpinCtrl* m_adults = nullptr;
    wxSpinCtrl* m_children = nullptr;
    wxSpinCtrl* m_babies = nullptr;
    wxTextCtrl* m_buyer = nullptr;
    wxTextCtrl* m_recipient = nullptr;
    wxTextCtrl* m_message = nullptr;
    wxDatePickerCtrl* m_expiry = nullptr;
    wxRadioButton* m_cash = nullptr;
    wxRadioButton* m_card = nullptr;
    wxTextCtrl* m_given = nullptr;
    wxStaticText* m_priceText = nullptr;
    wxStaticText* m_change = nullptr;
    wxStaticText* m_error = nullptr;
    wxPanel* m_done = nullptr;
    wxStaticText* m_code = nullptr;
    wxStaticText* m_doneDetails = nullptr;
    wxButton* m_sell = nullptr;
    wxButton* m_print = nullptr;
    wxButton* m_another = nullptr;
    wxWindow* m_highlighted = nullptr;
    std::map<std::string, wxWindow*> m_fields;   // the use case's field names → their controls
};

// Opens the sale form (modeless; it destroys itself when closed).
VoucherSaleDialog* ShowVoucherSale(wxWindow* parent, std::shared_ptr<Session> session);

}  // namespace narcisse::ui
