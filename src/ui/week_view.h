// The Week view: seven days × the week's departure times as an occupancy heat map (seats held /
// offered, closures hatched), each day's passengers, bookings and revenue on top, and a click on a
// day to open it in the day view. app::loadWeekPlanning runs on the worker.
#pragma once

#include "app/week_planning.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/panel.h>
#include <wx/scrolwin.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class wxDatePickerCtrl;
class wxDateEvent;
class wxGraphicsContext;
class wxStaticText;

namespace narcisse::ui {

// The drawn part: a header row per day (date and totals) that stays in place, the times down the
// left, and the cells that scroll vertically under them. Columns share the window's width.
class WeekGrid : public wxScrolled<wxWindow> {
public:
    explicit WeekGrid(wxWindow* parent);

    void SetPlanning(std::shared_ptr<const app::WeekPlanning> planning);
    void SetToday(std::optional<domain::LocalDate> today);   // its column is marked
    void SetMessage(const wxString& message);                 // shown instead of the grid
    void SetOnOpenDay(std::function<void(domain::LocalDate)> handler) { m_onOpenDay = std::move(handler); }

    const app::WeekPlanning* Planning() const { return m_planning.get(); }
    int ColumnCount() const { return m_planning ? 7 : 0; }
    // The header of a day as shown: its date, then passengers, bookings and revenue.
    std::vector<wxString> DayHeaderLines(int day) const;
    wxString CellText(int day, int row) const;   // "8/92", "closed" or empty
    wxRect DayHeaderRect(int day) const;         // in window coordinates
    wxString TooltipAt(const wxPoint& point) const;
    double LastPaintMilliseconds() const { return m_lastPaintMs; }
    void Draw(wxGraphicsContext& gc, const wxSize& size) const;

    void ScrollWindow(int dx, int dy, const wxRect* rect = nullptr) override;

private:
    struct Metrics {
        wxFont normal, bold, small;
        int textHeight = 0, smallTextHeight = 0;
        int timeWidth = 0, headerHeight = 0, rowHeight = 0, padding = 0;
    };
    struct DayLabels {
        std::vector<wxString> lines;   // date, passengers, bookings, revenue
        std::vector<double> widths;
    };

    void Relayout();
    int ColumnWidth(const wxSize& size) const;
    int DayAt(const wxPoint& point) const;       // -1 outside the days
    int RowAt(const wxPoint& point) const;       // -1 outside the cells
    void DrawCells(wxGraphicsContext& gc, const wxSize& size, int scrollY) const;
    void DrawHeader(wxGraphicsContext& gc, const wxSize& size) const;
    void DrawTimes(wxGraphicsContext& gc, const wxSize& size, int scrollY) const;

    void OnPaint(wxPaintEvent& event);
    void OnSize(wxSizeEvent& event);
    void OnMotion(wxMouseEvent& event);
    void OnLeave(wxMouseEvent& event);
    void OnLeftDown(wxMouseEvent& event);
    void OnKeyDown(wxKeyEvent& event);

    std::shared_ptr<const app::WeekPlanning> m_planning;
    std::optional<domain::LocalDate> m_today;
    std::function<void(domain::LocalDate)> m_onOpenDay;
    wxString m_message;
    Metrics m_m;
    std::vector<DayLabels> m_days;
    std::vector<wxString> m_times;
    std::vector<std::vector<wxString>> m_cellTexts;   // [day][row]
    std::vector<std::vector<double>> m_cellWidths;    // measured once: text extents dominate a paint
    int m_hover = -1;
    int m_selected = 0;
    wxString m_tooltip;
    double m_lastPaintMs = 0.0;
    wxBitmap m_buffer;
};

class WeekView : public wxPanel {
public:
    // Shows nothing until told which week (ShowThisWeek() or ShowWeekOf()), as the day view.
    WeekView(wxWindow* parent, std::shared_ptr<Session> session);

    void ShowWeekOf(domain::LocalDate date);
    void ShowPreviousWeek();
    void ShowNextWeek();
    void ShowThisWeek();
    void Reload();
    // Called with the day the user clicked (the lead wires it to the day view).
    void SetOnOpenDay(std::function<void(domain::LocalDate)> handler);

    domain::LocalDate Monday() const { return m_monday; }
    bool IsLoaded() const { return m_loaded; }
    const app::WeekPlanning* Planning() const { return m_grid->Planning(); }
    WeekGrid* Grid() const { return m_grid; }
    wxString TitleText() const;
    wxString SummaryText() const;

private:
    void BuildLayout();
    void Load();
    void OnLoaded(std::uint64_t generation, app::WeekPlanning planning);
    void OnLoadFailed(std::uint64_t generation, const Failure& failure);
    void OnDateChanged(wxDateEvent& event);

    std::shared_ptr<Session> m_session;
    domain::LocalDate m_monday;
    std::uint64_t m_generation = 0;   // answers to older requests are stale
    bool m_loaded = false;

    wxDatePickerCtrl* m_picker = nullptr;
    wxStaticText* m_title = nullptr;
    wxStaticText* m_summary = nullptr;
    WeekGrid* m_grid = nullptr;
};

}  // namespace narcisse::ui
