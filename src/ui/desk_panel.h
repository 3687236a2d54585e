// The Desk view, for a manager with a queue in front of them: the next departures on the left (the
// first with room preselected), ONE field on top that takes a barcode scanner's keystrokes or typed
// text (a reference + Enter boards; anything else lists matching bookings as you type), the boarding
// banner under it, and the sale, phone booking and end-of-day actions on keys F5, F6 and a button.
#pragma once

#include "app/boarding.h"
#include "app/desk.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/panel.h>
#include <wx/timer.h>
#include <wx/weakref.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class wxCheckBox;
class wxListCtrl;
class wxListEvent;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class BookingCardDialog;
class DeskBanner;
class EndOfDayDialog;
class SaleDialog;

class DeskPanel : public wxPanel {
public:
    DeskPanel(wxWindow* parent, std::shared_ptr<Session> session);

    void Reload();          // the departures again; keeps the one chosen when it is still there
    void FocusSearch();     // F3
    void OpenSale();        // F5
    void OpenPhoneBooking();   // F6
    void OpenEndOfDay();
    void OpenCard(const domain::PublicRef& ref);
    void Collect(const domain::PublicRef& ref);
    // What Enter in the field does: a reference boards, other text opens the first result.
    void Submit();

    bool IsLoaded() const { return m_day.has_value() && !m_loading; }
    bool IsBusy() const { return m_loading || m_searching || m_scanning || m_searchTimer.IsRunning(); }
    const std::optional<app::DeskDay>& Day() const { return m_day; }
    std::optional<std::size_t> SelectedDeparture() const;
    const std::vector<app::BookingSummary>& Results() const { return m_results; }
    const std::optional<app::ScanResult>& LastScan() const { return m_lastScan; }
    wxTextCtrl* SearchField() const { return m_search; }
    wxCheckBox* ThisDepartureOnly() const { return m_thisOnly; }
    DeskBanner* Banner() const { return m_banner; }
    wxListCtrl* DepartureList() const { return m_departures; }
    wxListCtrl* ResultList() const { return m_resultList; }
    SaleDialog* CurrentSale() const { return m_sale.get(); }
    BookingCardDialog* CurrentCard() const { return m_card.get(); }
    EndOfDayDialog* CurrentEndOfDay() const { return m_endOfDay.get(); }

private:
    void BuildLayout();
    void FillDepartures();
    void FillResults();
    void Search();
    void Scan(const std::string& text);
    void OnCharHook(wxKeyEvent& event);
    void Changed();   // after a sale, a scan or a card's action: seats and results read again
    void SetStatus(const wxString& text, bool error = false);

    std::shared_ptr<Session> m_session;
    std::optional<app::DeskDay> m_day;
    std::vector<app::BookingSummary> m_results;
    std::optional<app::ScanResult> m_lastScan;
    std::optional<domain::Instant> m_chosen;   // the departure chosen, kept across reloads
    bool m_loading = false;
    std::function<void()> m_whenLoaded;   // a sale asked for before the departures arrived
    bool m_searching = false;
    bool m_scanning = false;
    std::uint64_t m_searchGeneration = 0;
    wxTimer m_searchTimer;
    wxTimer m_minute;

    wxTextCtrl* m_search = nullptr;
    wxCheckBox* m_thisOnly = nullptr;
    DeskBanner* m_banner = nullptr;
    wxListCtrl* m_departures = nullptr;
    wxListCtrl* m_resultList = nullptr;
    wxStaticText* m_title = nullptr;
    wxStaticText* m_status = nullptr;
    wxWeakRef<SaleDialog> m_sale;
    wxWeakRef<BookingCardDialog> m_card;
    wxWeakRef<EndOfDayDialog> m_endOfDay;
};

}  // namespace narcisse::ui
