// Moving a booking with the keyboard: a date (the booking's day first; another day's departures
// are loaded on the worker), the departures of that day and the boats of the chosen one, each with
// its free seats, and whether the rules allow the move (domain::moveRefusal on the day shown; the
// move's transaction checks again).
#pragma once

#include "app/planning.h"
#include "app/worker.h"

#include <wx/dialog.h>

#include <cstdint>
#include <memory>
#include <optional>

class wxDatePickerCtrl;
class wxKeyEvent;
class wxListBox;
class wxStaticText;

namespace narcisse::ui {

class MoveDialog : public wxDialog {
public:
    // `planning`: the day the booking is on. Without a worker only that day can be chosen.
    MoveDialog(wxWindow* parent, std::shared_ptr<const app::DayPlanning> planning, std::size_t booking,
               const domain::BusinessSettings& settings, domain::Instant now, app::Worker* worker = nullptr);

    domain::LocalDate Date() const;   // the day chosen
    // That day's planning: what Column() and Row() index. Null while it loads or if it failed.
    std::shared_ptr<const app::DayPlanning> Day() const { return m_loading ? nullptr : m_day; }
    bool IsLoading() const { return m_loading; }
    void SelectDate(domain::LocalDate date);   // loads that day on the worker (the booking's: at once)
    int Column() const;               // the departure chosen, an index of the day's departures
    std::optional<int> Row() const;   // the boat chosen; nothing: the best-fitting one
    void SelectDeparture(int column);
    void SelectBoat(std::optional<int> row);
    bool CanMove() const { return !m_refusal; }
    wxString VerdictText() const;
    std::vector<wxString> DepartureLabels() const;
    std::vector<wxString> BoatLabels() const;

private:
    void ShowDay(std::shared_ptr<const app::DayPlanning> day);
    void OnDayFailed(std::uint64_t generation, const wxString& message);
    void OnCharHook(wxKeyEvent& event);
    void FillDepartures();
    void FillBoats();
    void UpdateVerdict();
    // The boat the party fits best at `column`, never the one it already sits on there.
    std::optional<int> BestRow(int column) const;

    std::shared_ptr<const app::DayPlanning> m_planning;   // the booking's day
    std::shared_ptr<const app::DayPlanning> m_day;        // the day chosen
    domain::Booking m_booking;
    wxString m_boatName;                                   // the boat it is on
    domain::BusinessSettings m_settings;
    domain::Instant m_now;
    app::Worker* m_worker;
    std::optional<std::string> m_refusal;
    bool m_loading = false;
    std::uint64_t m_generation = 0;   // a late answer for a date left meanwhile is dropped

    wxDatePickerCtrl* m_date = nullptr;
    wxListBox* m_departures = nullptr;
    wxListBox* m_boats = nullptr;
    wxStaticText* m_verdict = nullptr;
};

}  // namespace narcisse::ui
