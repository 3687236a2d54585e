// The planning grid's zoom: a few fixed levels rather than a free factor, so that each level is a
// layout the desk has seen and read (zoomed out, blocks turn compact and more of the day fits).
// The layout is computed once per change; the selected cell stays where the eye was on it.
#include "ui/planning_grid.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>

namespace narcisse::ui {

namespace {
constexpr std::size_t kLevels = std::size(PlanningGrid::kZoomLevels);
}

bool PlanningGrid::CanZoomIn() const
{
    return m_zoom + 1 < kLevels;
}

bool PlanningGrid::CanZoomOut() const
{
    return m_zoom > 0;
}

void PlanningGrid::ZoomIn()
{
    if (CanZoomIn()) SetZoomLevel(m_zoom + 1);
}

void PlanningGrid::ZoomOut()
{
    if (CanZoomOut()) SetZoomLevel(m_zoom - 1);
}

void PlanningGrid::ZoomReset()
{
    SetZoomLevel(kNormalZoom);
}

void PlanningGrid::SetZoomLevel(std::size_t level)
{
    level = std::min(level, kLevels - 1);
    if (level == m_zoom) return;
    const bool hasCells = !m_layout.Columns().empty() && !m_layout.Rows().empty();
    // Where the selected cell is within the scrolled area, before: it is put back there after.
    wxPoint anchor;
    bool anchored = false;
    if (hasCells) {
        const auto& m = m_layout.Metrics();
        const wxRect cell = CellRect(m_selected.x, m_selected.y);
        const wxSize client = GetClientSize();
        anchor = wxPoint(cell.x - m.rowHeaderWidth, cell.y - m.headerHeight);
        anchored = anchor.x >= 0 && anchor.y >= 0 && cell.x < client.x && cell.y < client.y;
    }

    CancelDrag();   // its ghost and target were measured at the old size
    m_zoom = level;
    m_wheelRotation = 0;
    Relayout();
    if (!hasCells) return;

    const auto& m = m_layout.Metrics();
    const wxSize client = GetClientSize();
    const int viewWidth = std::max(0, client.x - m.rowHeaderWidth);
    const int viewHeight = std::max(0, client.y - m.headerHeight);
    if (anchored) {
        const RowLayout& row = m_layout.Rows()[static_cast<std::size_t>(m_selected.y)];
        // Zooming in may push the cell's far edge out: keep all of it in view.
        const int x = std::max(0, std::min(anchor.x, viewWidth - m.columnWidth));
        const int y = std::max(0, std::min(anchor.y, viewHeight - row.height));
        int ppuX = 1, ppuY = 1;
        GetScrollPixelsPerUnit(&ppuX, &ppuY);   // across: one column per unit
        const int scrollX = std::max(0, m_selected.x * m.columnWidth - x);
        const int scrollY = std::max(0, row.top - y);
        // Rounded to the nearest column (the cell moves by less than half a column), and down
        // to a row's top when the first row shown would otherwise be a sliver.
        int unitY = scrollY / std::max(ppuY, 1);
        const std::size_t firstRow = m_layout.FirstRowFrom(unitY * ppuY);
        if (firstRow < m_layout.Rows().size()) {
            const RowLayout& first = m_layout.Rows()[firstRow];
            if (first.top + first.height - unitY * ppuY < m.minRowHeight / 2)
                unitY = (first.top + first.height) / std::max(ppuY, 1);
        }
        Scroll((scrollX + ppuX / 2) / std::max(ppuX, 1), unitY);
    }
    EnsureVisible(m_selected.x, m_selected.y);
    Refresh(false);
}

void PlanningGrid::OnWheel(wxMouseEvent& event)
{
    if (!event.ControlDown() || event.GetWheelAxis() != wxMOUSE_WHEEL_VERTICAL) {
        event.Skip();   // plain wheel: the scrolled window scrolls
        return;
    }
    // Touchpads send small rotations: a level per whole notch, however it arrives.
    m_wheelRotation += event.GetWheelRotation();
    const int delta = std::max(1, event.GetWheelDelta());
    while (std::abs(m_wheelRotation) >= delta) {
        const bool in = m_wheelRotation > 0;
        m_wheelRotation += in ? -delta : delta;
        if (in ? !CanZoomIn() : !CanZoomOut()) {
            m_wheelRotation = 0;
            break;
        }
        const int kept = m_wheelRotation;   // SetZoomLevel clears it
        SetZoomLevel(in ? m_zoom + 1 : m_zoom - 1);
        m_wheelRotation = kept;
    }
}

bool PlanningGrid::OnZoomKey(const wxKeyEvent& event)
{
    if (!event.ControlDown() || event.AltDown()) return false;
    switch (event.GetKeyCode()) {
    case '=':
    case '+':
    case WXK_ADD:
    case WXK_NUMPAD_ADD: ZoomIn(); return true;
    case '-':
    case WXK_SUBTRACT:
    case WXK_NUMPAD_SUBTRACT: ZoomOut(); return true;
    case '0':
    case WXK_NUMPAD0: ZoomReset(); return true;
    default: return false;
    }
}

}  // namespace narcisse::ui
