// The day planning drawn as one custom control: boats as rows, departures as columns, bookings as
// blocks in the cells. The header and the boat column stay in place while the cells scroll.
#pragma once

#include "app/planning.h"
#include "ui/planning_layout.h"

#include <wx/scrolwin.h>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

class wxGraphicsContext;

namespace narcisse::ui {

class PlanningGrid : public wxScrolled<wxWindow> {
public:
    explicit PlanningGrid(wxWindow* parent);

    // Shows a day; `now` draws the current-time line (give it only when the day is today).
    void SetPlanning(std::shared_ptr<const app::DayPlanning> planning);
    void SetNow(std::optional<domain::Instant> now);
    // Scrolls so the current-time line sits in the first third of the view (no line, no scroll).
    void ScrollToNow();
    // Shown centred instead of the grid (while nothing is loaded yet, or on an error).
    void SetMessage(const wxString& message);

    const app::DayPlanning* Planning() const { return m_planning.get(); }
    std::vector<wxString> DepartureLabels() const;
    wxPoint SelectedCell() const { return m_selected; }   // x = column, y = row
    void SelectCell(int column, int row);
    // How long the last repaint took: the budget is 8 ms (DESIGN.md §10).
    double LastPaintMilliseconds() const { return m_lastPaintMs; }

    // What the tooltip says at a point of the window, and where a cell is on it (tests use both).
    wxString TooltipAt(const wxPoint& point) const;
    wxRect CellRect(int column, int row) const;

    // Draws the visible part as the screen shows it (used by OnPaint, tests and screenshots).
    void Draw(wxGraphicsContext& gc, const wxSize& size) const;

    // No blitting: the header and the boat column stay put, so a scroll repaints (fast enough).
    void ScrollWindow(int dx, int dy, const wxRect* rect = nullptr) override;

private:
    void Relayout();
    PlanningMetrics MakeMetrics() const;
    wxPoint ScrollOffset() const;        // in pixels
    void EnsureVisible(int column, int row);
    std::optional<int> NowX() const;      // in content coordinates

    void DrawCells(wxGraphicsContext& gc, const wxSize& size, const wxPoint& scroll) const;
    void DrawHeader(wxGraphicsContext& gc, const wxSize& size, const wxPoint& scroll) const;
    void DrawRowHeaders(wxGraphicsContext& gc, const wxSize& size, const wxPoint& scroll) const;
    void DrawNowLine(wxGraphicsContext& gc, const wxSize& size, const wxPoint& scroll) const;
    void DrawSelection(wxGraphicsContext& gc, const wxSize& size) const;
    void DrawMessage(wxGraphicsContext& gc, const wxSize& size, const wxString& message) const;

    void OnPaint(wxPaintEvent& event);
    void OnSize(wxSizeEvent& event);
    void OnMotion(wxMouseEvent& event);
    void OnLeave(wxMouseEvent& event);
    void OnLeftDown(wxMouseEvent& event);
    void OnKeyDown(wxKeyEvent& event);
    void OnFocus(wxFocusEvent& event);
    void OnDpiChanged(wxDPIChangedEvent& event);

    std::shared_ptr<const app::DayPlanning> m_planning;
    PlanningLayout m_layout;
    std::optional<domain::Instant> m_now;
    wxString m_message;
    wxPoint m_selected{0, 0};
    wxString m_tooltip;
    double m_lastPaintMs = 0.0;
    wxBitmap m_buffer;
};

}  // namespace narcisse::ui
