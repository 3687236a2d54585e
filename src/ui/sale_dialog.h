// The desk's quick sale, keyboard first: the departure (the next with room preselected), the party
// with its price computed live, optional customer details, and the payment by cash (change shown
// live), card, gift voucher or a split. Enter sells, Esc cancels; a refusal names its field and
// keeps everything typed. The same form takes a phone booking (no payment: PENDING) and collects
// what a booking still owes.
#pragma once

#include "app/boarding.h"
#include "app/desk.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxPanel;
class wxRadioButton;
class wxSizer;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class SaleDialog : public wxDialog {
public:
    enum class Mode { Sale, Phone, Collect };

    // A sale or a phone booking on one of `day`'s departures.
    SaleDialog(wxWindow* parent, std::shared_ptr<Session> session, Mode mode, const app::DeskDay& day);
    // Collecting what `booking` still owes.
    SaleDialog(wxWindow* parent, std::shared_ptr<Session> session, const app::BookingSummary& booking);

    // Called once the sale (or booking, or payment) is stored.
    void SetOnDone(std::function<void(const app::DeskSaleResult&)> done) { m_onDone = std::move(done); }

    void Confirm();    // what Enter does: sells, or closes once sold
    void PrintReceipt();

    Mode GetMode() const { return m_mode; }
    bool IsBusy() const { return m_busy; }
    bool IsReady() const { return m_prices.has_value() || m_mode == Mode::Collect; }
    const std::optional<app::DeskSaleResult>& Result() const { return m_result; }
    wxString TotalText() const;
    wxString ChangeText() const;
    wxString RemainderText() const;
    wxString ErrorText() const;
    wxString OutcomeText() const;
    wxString PrintedPath() const { return m_printed; }
    wxWindow* HighlightedField() const { return m_highlighted; }
    wxSpinCtrl* Adults() const { return m_adults; }
    wxTextCtrl* CashGiven() const { return m_given; }
    wxCheckBox* ExactAmount() const { return m_exact; }
    wxRadioButton* CashChoice() const { return m_cash; }
    wxRadioButton* CardChoice() const { return m_card; }
    wxTextCtrl* CustomerName() const { return m_name; }

private:
    void Build();
    wxSizer* BuildParty();
    wxSizer* BuildPayment();
    void LoadPrices();
    void UpdateTotals();
    void ShowPaymentRows();
    void FitContent();
    domain::Money Due() const;        // what the payment must add up to
    std::vector<app::Tender> Tenders() const;   // throws ValidationError naming the field
    void Succeeded(app::DeskSaleResult result);
    void Failed(const Failure& failure);
    void Highlight(wxWindow* field);
    void SetError(const wxString& text);
    // What the payment still lacks before Enter may sell (the sentence and the field), if anything.
    std::optional<std::pair<wxString, wxWindow*>> Incomplete() const;
    void OnCharHook(wxKeyEvent& event);

    std::shared_ptr<Session> m_session;
    Mode m_mode;
    app::DeskDay m_day;
    std::optional<app::BookingSummary> m_booking;   // Collect
    std::optional<std::vector<domain::PriceList>> m_prices;
    std::optional<app::DeskSaleResult> m_result;
    std::function<void(const app::DeskSaleResult&)> m_onDone;
    bool m_busy = false;
    wxString m_printed;
    std::map<std::string, wxWindow*> m_fields;     // ValidationError field → control
    wxWindow* m_highlighted = nullptr;

    wxChoice* m_departure = nullptr;
    wxSpinCtrl* m_adults = nullptr;
    wxSpinCtrl* m_children = nullptr;
    wxSpinCtrl* m_babies = nullptr;
    wxStaticText* m_total = nullptr;
    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_phone = nullptr;
    wxTextCtrl* m_email = nullptr;
    wxChoice* m_language = nullptr;
    wxRadioButton* m_cash = nullptr;
    wxRadioButton* m_card = nullptr;
    wxRadioButton* m_voucher = nullptr;
    wxRadioButton* m_split = nullptr;
    wxTextCtrl* m_given = nullptr;
    wxCheckBox* m_exact = nullptr;
    wxTextCtrl* m_voucherCode = nullptr;
    wxTextCtrl* m_splitCash = nullptr;
    wxTextCtrl* m_splitCard = nullptr;
    wxTextCtrl* m_splitVoucher = nullptr;
    wxStaticText* m_change = nullptr;
    wxStaticText* m_remainder = nullptr;
    std::vector<wxWindow*> m_cashRow, m_voucherRow, m_splitRows;
    wxStaticText* m_error = nullptr;
    wxPanel* m_outcome = nullptr;
    wxStaticText* m_outcomeText = nullptr;
    wxStaticText* m_outcomeChange = nullptr;
    wxButton* m_print = nullptr;
    wxButton* m_ok = nullptr;
};

}  // namespace narcisse::ui
