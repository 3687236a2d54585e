// The booking card: everything about one booking (state, departure, boat, party, customer, money,
// payments and refunds, its history, its receipts) and a button for each action its state allows:
// board, no-show, cancel, refund, move, collect, reprint. Refusals are shown in the card.
#pragma once

#include "app/boarding.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace narcisse::ui {

class BookingCardDialog : public wxDialog {
public:
    BookingCardDialog(wxWindow* parent, std::shared_ptr<Session> session, const domain::PublicRef& ref);

    // Called after an action changed the booking (the desk reloads its lists).
    void SetOnChanged(std::function<void()> changed) { m_onChanged = std::move(changed); }

    void Reload();
    void Run(app::BookingAction action);   // what the action's button does

    bool IsLoaded() const { return m_card.has_value() && !m_busy; }
    bool IsBusy() const { return m_busy; }
    const std::optional<app::BookingCard>& Card() const { return m_card; }
    wxButton* ActionButton(app::BookingAction action) const;
    wxString MessageText() const;
    wxListCtrl* HistoryList() const { return m_history; }
    wxString PrintedPath() const { return m_printed; }

private:
    void Build();
    void Display(app::BookingCard card);
    void Failed(const Failure& failure);
    void Say(const wxString& text, bool error);
    // Runs `work` on the worker, then says `done`'s sentence and reloads the card.
    void Act(std::function<wxString(domain::Store&)> work);
    void Move();
    void Collect();
    void Reprint();

    std::shared_ptr<Session> m_session;
    domain::PublicRef m_ref;
    std::optional<app::BookingCard> m_card;
    std::function<void()> m_onChanged;
    bool m_busy = false;
    wxString m_printed;

    wxStaticText* m_title = nullptr;
    wxStaticText* m_facts = nullptr;
    wxStaticText* m_money = nullptr;
    wxListCtrl* m_payments = nullptr;
    wxListCtrl* m_history = nullptr;
    wxListCtrl* m_receipts = nullptr;
    wxStaticText* m_message = nullptr;
    std::map<app::BookingAction, wxButton*> m_buttons;
};

// Opens the card of `ref` (modeless; it closes itself).
BookingCardDialog* ShowBookingCard(wxWindow* parent, std::shared_ptr<Session> session, const domain::PublicRef& ref);

// "Cash", "Card", … for a payment method.
wxString PaymentMethodName(domain::PaymentMethod method);

// "Sold", "Boarded", … for a booking's journal action ("booking.sell"): words, not codes.
wxString AuditActionName(const std::string& action);
// A journal line or a use case's sentence with its state codes as words ("CONFIRMED → NO_SHOW"
// reads "confirmed → no-show").
wxString WithStateNames(const wxString& text);

}  // namespace narcisse::ui
