// The Planning view: a day's boats × departures, a date to choose and a summary of the day. It asks
// app::loadDayPlanning on the worker and shows what comes back; a late answer for a day the user
// has already left is dropped. Moves (drag and drop, the Move dialog) and their undo and redo run
// on the worker through app::PlanningHistory; every second the worker is asked for the store's
// change stamp, and a change made by another program reloads the day in place.
#pragma once

#include "app/planning.h"
#include "app/planning_history.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
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
    // A message in the planning's notice line (wxICON_INFORMATION, wxICON_WARNING…).
    void ShowNotice(const wxString& text, int icon);
    // The day on screen (empty until the first load arrives).
    std::shared_ptr<const app::DayPlanning> CurrentPlanning() const { return m_planning; }

    // Moves booking `booking` (an index of the shown day's bookings) to departure `column` of the
    // day, on boat `row` or, when none, the one that fits best. The answer shows in the notice line.
    void RequestMove(std::size_t booking, int column, std::optional<int> row);
    void OpenMoveDialog(std::size_t booking);    // the keyboard's way (M or Enter on a booking)
    void OpenMoveDialog();                       // for the selected booking, if any
    void Undo();
    void Redo();
    bool CanUndo() const { return m_historyState.canUndo && !m_editing; }
    bool CanRedo() const { return m_historyState.canRedo && !m_editing; }
    wxString UndoLabel() const { return wxString::FromUTF8(m_historyState.undoLabel); }
    wxString RedoLabel() const { return wxString::FromUTF8(m_historyState.redoLabel); }
    bool IsEditing() const { return m_editing; }       // a move, undo or redo is on the worker
    std::uint64_t LiveReloads() const { return m_liveReloads; }   // reloads another program caused
    const std::shared_ptr<app::PlanningHistory>& History() const { return m_history; }

private:
    struct LoadedDay {
        app::DayPlanning planning;
        std::int64_t stamp = 0;                   // Store::changeStamp() read before the day
        domain::BusinessSettings settings;
    };
    struct Edited {
        app::PlanningOutcome outcome;
        app::HistoryState state;
    };
    using HistoryStep = std::function<app::PlanningOutcome(app::PlanningHistory&, domain::Store&, const domain::Clock&)>;

    void BuildLayout();
    // `quiet`: a reload of the day on screen, keeping the notice, the scroll and the selection.
    void Load(bool nearestIfEmpty, bool quiet = false);
    void OnLoaded(std::uint64_t generation, LoadedDay loaded);
    void OnLoadFailed(std::uint64_t generation, const Failure& failure);
    void SetDate(domain::LocalDate date);
    void UpdateSummary();
    void UpdateNow();
    void OnDateChanged(wxDateEvent& event);
    void OnMinute(wxTimerEvent& event);
    void OnPoll(wxTimerEvent& event);
    bool MayMove();   // false, and the notice says who may, when the role may not move bookings
    void RunEdit(HistoryStep step, const wxString& done);
    void OnEdited(Edited edited, const wxString& done);
    void OnEditRefused(const Failure& failure);

    std::shared_ptr<Session> m_session;
    domain::LocalDate m_date;
    domain::LocalDate m_requested;           // the date asked for (a nearest-day search may differ)
    std::shared_ptr<const app::DayPlanning> m_planning;
    std::uint64_t m_generation = 0;          // answers to older requests are stale
    bool m_loaded = false;
    wxString m_notice;
    wxTimer m_minute;
    wxTimer m_poll;                          // every second: has another program changed the store?
    bool m_polling = false;                  // a stamp request is on the worker
    std::optional<std::int64_t> m_stamp;     // the stamp the shown day was read at
    std::uint64_t m_liveReloads = 0;
    domain::BusinessSettings m_settings;
    std::shared_ptr<app::PlanningHistory> m_history;   // used on the worker only
    app::HistoryState m_historyState;
    bool m_editing = false;
    std::optional<domain::Uuid> m_selectAfterLoad;

    wxDatePickerCtrl* m_picker = nullptr;
    wxStaticText* m_dateLabel = nullptr;
    wxStaticText* m_summary = nullptr;
    wxInfoBar* m_infoBar = nullptr;
    PlanningGrid* m_grid = nullptr;
};

}  // namespace narcisse::ui
