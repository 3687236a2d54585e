// The Desk view, for a manager with a queue in front of them: the drawer's state and the day's next
// step on top (open the drawer → sell → close the day → closings), ONE field that takes a barcode
// scanner's keystrokes or typed text (a reference + Enter boards; anything else lists matching
// bookings as you type), the boarding banner under it, the departures of the date chosen (today by
// default, the next days one key away) and the sale, phone booking and end-of-day actions.
#pragma once

#include "app/boarding.h"
#include "app/cash_drawer.h"
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

class wxButton;
class wxCheckBox;
class wxDatePickerCtrl;
class wxListCtrl;
class wxListEvent;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class BookingCardDialog;
class CashDrawerDialog;
class CloseDayDialog;
class ClosingsDialog;
class DeskBanner;
class EndOfDayDialog;
class SaleDialog;

class DeskPanel : public wxPanel {
public:
    DeskPanel(wxWindow* parent, std::shared_ptr<Session> session);

    void Reload();          // the departures and the drawer again; keeps the departure chosen when it is still there
    void DataChanged();     // after a sale, a refund or a drawer action made elsewhere: read again what it changed
    void FocusSearch();     // F3
    void OpenSale();        // F5
    void OpenPhoneBooking();   // F6
    void OpenEndOfDay();
    void OpenCashDrawer();  // open the drawer, cash in and out
    void OpenCloseDay();    // the daily closing (Z) of the drawer's register day
    void OpenClosings();    // the stored closings, month and year closings
    void OpenCard(const domain::PublicRef& ref);
    void Collect(const domain::PublicRef& ref);
    // What Enter in the field does: a reference boards, other text opens the first result.
    void Submit();

    // The date whose departures are listed (today unless chosen otherwise).
    void ShowDate(domain::LocalDate date);
    void ShowNextDay();       // Alt+Right
    void ShowPreviousDay();   // Alt+Left, never before today
    domain::LocalDate Date() const { return m_date; }

    bool IsLoaded() const { return m_day.has_value() && !m_loading; }
    bool IsBusy() const { return m_loading || m_searching || m_scanning > 0 || m_searchTimer.IsRunning(); }
    const std::optional<app::DeskDay>& Day() const { return m_day; }
    const std::optional<app::DeskDrawer>& Drawer() const { return m_drawer; }
    std::optional<std::size_t> SelectedDeparture() const;
    const std::vector<app::BookingSummary>& Results() const { return m_results; }
    const std::optional<app::ScanResult>& LastScan() const { return m_lastScan; }
    wxTextCtrl* SearchField() const { return m_search; }
    wxCheckBox* ThisDepartureOnly() const { return m_thisOnly; }
    DeskBanner* Banner() const { return m_banner; }
    wxListCtrl* DepartureList() const { return m_departures; }
    wxListCtrl* ResultList() const { return m_resultList; }
    wxDatePickerCtrl* DateField() const { return m_datePicker; }
    wxString DrawerText() const;
    wxButton* NextStepButton() const { return m_nextStep; }
    wxString StatusText() const;
    SaleDialog* CurrentSale() const { return m_sale.get(); }
    BookingCardDialog* CurrentCard() const { return m_card.get(); }
    EndOfDayDialog* CurrentEndOfDay() const { return m_endOfDay.get(); }
    CashDrawerDialog* CurrentCashDrawer() const { return m_cashDrawer.get(); }
    CloseDayDialog* CurrentCloseDay() const { return m_closeDay.get(); }
    ClosingsDialog* CurrentClosings() const { return m_closings.get(); }

private:
    struct Loaded {
        app::DeskDay day;
        app::DeskDrawer drawer;
    };
    void BuildLayout();
    wxSizer* BuildDrawerStrip();
    wxSizer* BuildDateRow();
    void ShowLoaded(Loaded loaded);
    void ShowDrawer();
    void FillDepartures();
    void FillResults();
    void Search();
    void Scan(const std::string& text);
    void Collected(const app::DeskSaleResult& result);
    void OnCharHook(wxKeyEvent& event);
    bool RedirectToSearch(wxKeyEvent& event);   // a keystroke for the field that landed elsewhere
    void SetStatus(const wxString& text, bool error = false);
    void FocusSearchWhenGone(wxWindow* dialog);
    wxString Now() const;                       // "14:30:05", the banner's stamp
    bool IsToday() const;

    std::shared_ptr<Session> m_session;
    domain::LocalDate m_date;
    std::optional<app::DeskDay> m_day;
    std::optional<app::DeskDrawer> m_drawer;
    std::vector<app::BookingSummary> m_results;
    std::optional<app::ScanResult> m_lastScan;
    std::optional<domain::Instant> m_chosen;   // the departure chosen, kept across reloads
    bool m_loading = false;
    std::uint64_t m_loadGeneration = 0;
    std::function<void()> m_whenLoaded;   // a sale asked for before the departures arrived
    bool m_searching = false;
    int m_scanning = 0;                   // scans sent to the worker and not answered yet
    std::uint64_t m_searchGeneration = 0;
    wxString m_statusText;
    wxTimer m_searchTimer;
    wxTimer m_minute;

    wxTextCtrl* m_search = nullptr;
    wxCheckBox* m_thisOnly = nullptr;
    DeskBanner* m_banner = nullptr;
    wxListCtrl* m_departures = nullptr;
    wxListCtrl* m_resultList = nullptr;
    wxStaticText* m_title = nullptr;
    wxStaticText* m_status = nullptr;
    wxStaticText* m_departuresHeading = nullptr;
    wxDatePickerCtrl* m_datePicker = nullptr;
    wxButton* m_previousDay = nullptr;
    wxPanel* m_drawerStrip = nullptr;
    wxStaticText* m_drawerText = nullptr;
    wxButton* m_nextStep = nullptr;
    wxButton* m_cashInOut = nullptr;
    wxWeakRef<SaleDialog> m_sale;
    wxWeakRef<BookingCardDialog> m_card;
    wxWeakRef<EndOfDayDialog> m_endOfDay;
    wxWeakRef<CashDrawerDialog> m_cashDrawer;
    wxWeakRef<CloseDayDialog> m_closeDay;
    wxWeakRef<ClosingsDialog> m_closings;
};

}  // namespace narcisse::ui
