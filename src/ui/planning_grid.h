// The day planning drawn as one custom control: boats as rows, departures as columns, bookings as
// blocks in the cells. The header and the boat column stay in place while the cells scroll.
// A booking can be dragged to another cell; the grid only tells whether the rules would allow it
// (from the day it shows, never asking the store) and hands the move to its owner.
#pragma once

#include "app/planning.h"
#include "ui/planning_layout.h"

#include <wx/scrolwin.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
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

    // What a booking's block says, as drawn: "2A 1C Dupo… € EN" (empty when it is not drawn),
    // and its layout (nullptr when it is not drawn).
    wxString BlockText(std::size_t booking) const;
    const BlockLayout* BlockOf(std::size_t booking) const;

    // --- Zoom (planning_grid_zoom.cpp) ---
    // The levels, in percent of the normal size: column width, row height and fonts all scale.
    static constexpr int kZoomLevels[] = {70, 85, 100, 120, 145};
    int ZoomPercent() const { return kZoomLevels[m_zoom]; }
    bool CanZoomIn() const;
    bool CanZoomOut() const;
    void ZoomIn();
    void ZoomOut();
    void ZoomReset();
    int ColumnWidth() const { return m_layout.Metrics().columnWidth; }

    // Draws the visible part as the screen shows it (used by OnPaint, tests and screenshots).
    void Draw(wxGraphicsContext& gc, const wxSize& size) const;

    // --- Moving bookings (planning_grid_input.cpp) ---
    // Indexes are into Planning()->bookings; `row` is a boat of Planning()->boats.
    using MoveHandler = std::function<void(std::size_t booking, int column, int row)>;
    void SetOnMove(MoveHandler handler) { m_onMove = std::move(handler); }           // dropped on an allowed cell
    void SetOnMoveDialog(std::function<void(std::size_t booking)> handler) { m_onMoveDialog = std::move(handler); }
    void SetOnRefused(std::function<void(const wxString& reason)> handler) { m_onRefused = std::move(handler); }
    // The rules the drop hint applies (the business settings of the store, the current time).
    void SetMoveRules(const domain::BusinessSettings& settings, std::function<domain::Instant()> now);
    // A reason that refuses every drop (the signed-in role may not move bookings); empty: none.
    void SetMoveRefusal(std::string reason) { m_moveRefusal = std::move(reason); }
    // Why the booking may not go to that cell, or nothing: domain::moveRefusal on the day shown.
    std::optional<std::string> MoveHint(std::size_t booking, int column, int row) const;

    const domain::Booking* SelectedBooking() const;
    std::optional<std::size_t> SelectedBookingIndex() const;
    // Selects the booking's cell and the booking in it; false when it is not on this day.
    bool SelectBooking(const domain::Uuid& id);
    // Where a booking's block is drawn, in window coordinates (empty when it is not drawn).
    wxRect BlockRect(std::size_t booking) const;
    std::optional<std::size_t> BlockAt(const wxPoint& point) const;
    bool IsDragging() const { return m_drag && m_drag->active; }
    // The cell under a drag and whether it accepts the booking (tests and the status line).
    std::optional<wxPoint> DropCell() const;
    std::optional<std::string> DropRefusal() const;

    // No blitting: the header and the boat column stay put, so a scroll repaints (fast enough).
    void ScrollWindow(int dx, int dy, const wxRect* rect = nullptr) override;

private:
    static constexpr std::size_t kNormalZoom = 2;   // 100 % in kZoomLevels
    void Relayout();
    // Relays out at another level, the selected cell kept where it was on screen (or brought into view).
    void SetZoomLevel(std::size_t level);
    void OnWheel(wxMouseEvent& event);
    bool OnZoomKey(const wxKeyEvent& event);   // Ctrl+= / Ctrl++ / Ctrl+- / Ctrl+0, true when it was one
    PlanningMetrics MakeMetrics() const;
    wxPoint ScrollOffset() const;        // in pixels
    void EnsureVisible(int column, int row);
    std::optional<int> NowX() const;      // in content coordinates

    void DrawCells(wxGraphicsContext& gc, const wxSize& size, const wxPoint& scroll) const;
    void DrawHeader(wxGraphicsContext& gc, const wxSize& size, const wxPoint& scroll) const;
    void DrawRowHeaders(wxGraphicsContext& gc, const wxSize& size, const wxPoint& scroll) const;
    void DrawNowLine(wxGraphicsContext& gc, const wxSize& size, const wxPoint& scroll) const;
    void DrawSelection(wxGraphicsContext& gc, const wxSize& size) const;
    void DrawDrag(wxGraphicsContext& gc, const wxSize& size) const;
    std::optional<wxPoint> CellAt(const wxPoint& point) const;   // x = column, y = row
    std::optional<std::size_t> BookingIndex(const domain::Uuid& id) const;
    void UpdateDrop(const wxPoint& point);
    void CancelDrag();
    bool CycleBooking(bool forward);   // false past the last (or first) booking of the cell
    void DrawMessage(wxGraphicsContext& gc, const wxSize& size, const wxString& message) const;

    void OnPaint(wxPaintEvent& event);
    void OnSize(wxSizeEvent& event);
    void OnMotion(wxMouseEvent& event);
    void OnLeave(wxMouseEvent& event);
    void OnLeftDown(wxMouseEvent& event);
    void OnLeftUp(wxMouseEvent& event);
    void OnCaptureLost(wxMouseCaptureLostEvent& event);
    void OnKeyDown(wxKeyEvent& event);
    void OnFocus(wxFocusEvent& event);
    void OnDpiChanged(wxDPIChangedEvent& event);

    std::shared_ptr<const app::DayPlanning> m_planning;
    PlanningLayout m_layout;
    std::optional<domain::Instant> m_now;
    wxString m_message;
    wxPoint m_selected{0, 0};
    std::optional<domain::Uuid> m_selectedBooking;   // a booking of the selected cell

    struct Drag {
        domain::Uuid booking;
        std::size_t index = 0;       // into m_planning->bookings
        wxPoint pressed;             // where the button went down
        wxPoint at;                  // where the mouse is
        bool active = false;         // moved far enough to be a drag, not a click
        std::optional<wxPoint> cell; // the cell under the mouse
        std::optional<std::string> refusal;
    };
    std::optional<Drag> m_drag;
    domain::BusinessSettings m_rules;
    std::string m_moveRefusal;
    std::function<domain::Instant()> m_clock;
    MoveHandler m_onMove;
    std::function<void(std::size_t)> m_onMoveDialog;
    std::function<void(const wxString&)> m_onRefused;
    wxString m_tooltip;
    double m_lastPaintMs = 0.0;
    std::size_t m_zoom = kNormalZoom;   // index into kZoomLevels
    int m_wheelRotation = 0;            // Ctrl+wheel turns not yet making a whole step
    wxBitmap m_buffer;
};

}  // namespace narcisse::ui
