// The Planning view: a day's boats × departures, a date to choose and a summary of the day. It asks
// app::loadDayPlanning on the worker and shows what comes back; a late answer for a day the user
// has already left is dropped.
#pragma once

#include "app/planning.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <cstdint>
#include <memory>
#include <vector>

class wxDatePickerCtrl;
class wxDateEvent;
class wxInfoBar;
class wxStaticText;

namespace narcisse::ui {

class PlanningGrid;

class PlanningPanel : public wxPanel {
public:
    PlanningPanel(wxWindow* parent, std::shared_ptr<Session> session);

    void ShowDate(domain::LocalDate date);
    // Today, or when today has no departures (off season), the nearest day that has some.
    void ShowTodayOrNearest();
    void ShowToday();
    void ShowPreviousDay();
    void ShowNextDay();
    void Reload();

    domain::LocalDate Date() const { return m_date; }
    // True once the planning of the date last asked for is on screen.
    bool IsLoaded() const { return m_loaded; }
    std::vector<wxString> ShownDepartureLabels() const;
    wxString SummaryText() const;
    wxString DateText() const;
    wxString NoticeText() const { return m_notice; }   // the info bar's message, empty when hidden
    PlanningGrid* Grid() const { return m_grid; }

private:
    void BuildLayout();
    void Load(bool nearestIfEmpty);
    void OnLoaded(std::uint64_t generation, app::DayPlanning planning);
    void OnLoadFailed(std::uint64_t generation, const Failure& failure);
    void SetDate(domain::LocalDate date);
    void UpdateSummary();
    void UpdateNow();
    void OnDateChanged(wxDateEvent& event);
    void OnMinute(wxTimerEvent& event);

    std::shared_ptr<Session> m_session;
    domain::LocalDate m_date;
    domain::LocalDate m_requested;           // the date asked for (a nearest-day search may differ)
    std::shared_ptr<const app::DayPlanning> m_planning;
    std::uint64_t m_generation = 0;          // answers to older requests are stale
    bool m_loaded = false;
    wxString m_notice;
    wxTimer m_minute;

    wxDatePickerCtrl* m_picker = nullptr;
    wxStaticText* m_dateLabel = nullptr;
    wxStaticText* m_summary = nullptr;
    wxInfoBar* m_infoBar = nullptr;
    PlanningGrid* m_grid = nullptr;
};

}  // namespace narcisse::ui
