// The planning grid's mouse and keyboard: selecting cells and bookings, tooltips, and dragging a
// booking to another cell. The green or red of a drop target comes from domain::moveRefusal over
// the day on screen — the store is not asked while the mouse moves; the move's own transaction
// checks again for real.
#include "ui/planning_grid.h"

#include "domain/moves.h"
#include "ui/planning_style.h"

#include <wx/graphics.h>
#include <wx/settings.h>

#include <algorithm>
#include <cstdlib>

namespace narcisse::ui {

using namespace planning_style;

namespace {

const wxColour kDropAllowed(0x2F, 0x9E, 0x44);
const wxColour kDropRefused(0xD0, 0x30, 0x30);

wxColour WithAlpha(const wxColour& c, unsigned char alpha)
{
    return wxColour(c.Red(), c.Green(), c.Blue(), alpha);
}

}  // namespace

void PlanningGrid::SetMoveRules(const domain::BusinessSettings& settings, std::function<domain::Instant()> now)
{
    m_rules = settings;
    m_clock = std::move(now);
}

std::optional<std::string> PlanningGrid::MoveHint(std::size_t booking, int column, int row) const
{
    if (!m_planning || booking >= m_planning->bookings.size() || column < 0 || row < 0 ||
        column >= static_cast<int>(m_planning->departures.size()) || row >= static_cast<int>(m_planning->boats.size()))
        return std::string("there is nothing there");
    if (!m_moveRefusal.empty()) return m_moveRefusal;
    const domain::Instant now = m_clock ? m_clock() : m_planning->loadedAt;
    return domain::moveRefusal(m_planning->bookings[booking], m_planning->departures[static_cast<std::size_t>(column)],
                               m_planning->boats[static_cast<std::size_t>(row)].id, now, m_rules);
}

std::optional<std::size_t> PlanningGrid::BookingIndex(const domain::Uuid& id) const
{
    if (!m_planning) return std::nullopt;
    const auto& bookings = m_planning->bookings;
    const auto it = std::find_if(bookings.begin(), bookings.end(), [&](const domain::Booking& b) { return b.id == id; });
    if (it == bookings.end()) return std::nullopt;
    return static_cast<std::size_t>(it - bookings.begin());
}

std::optional<std::size_t> PlanningGrid::SelectedBookingIndex() const
{
    return m_selectedBooking ? BookingIndex(*m_selectedBooking) : std::nullopt;
}

const domain::Booking* PlanningGrid::SelectedBooking() const
{
    const auto index = SelectedBookingIndex();
    return index ? &m_planning->bookings[*index] : nullptr;
}

bool PlanningGrid::SelectBooking(const domain::Uuid& id)
{
    const auto index = BookingIndex(id);
    if (!index) return false;
    const auto& cells = m_planning->cells;
    for (std::size_t c = 0; c < cells.size(); ++c)
        for (std::size_t r = 0; r < cells[c].size(); ++r)
            if (std::find(cells[c][r].begin(), cells[c][r].end(), *index) != cells[c][r].end()) {
                SelectCell(static_cast<int>(c), static_cast<int>(r));
                m_selectedBooking = id;
                Refresh(false);
                return true;
            }
    return false;
}

wxRect PlanningGrid::BlockRect(std::size_t booking) const
{
    if (!m_planning) return {};
    const auto& cells = m_planning->cells;
    for (std::size_t c = 0; c < cells.size() && c < m_layout.Columns().size(); ++c)
        for (std::size_t r = 0; r < cells[c].size() && r < m_layout.Rows().size(); ++r)
            for (const BlockLayout& block : m_layout.Cell(c, r).blocks)
                if (block.booking == booking) {
                    const wxRect cell = CellRect(static_cast<int>(c), static_cast<int>(r));
                    return wxRect(cell.GetTopLeft() + block.rect.GetTopLeft(), block.rect.GetSize());
                }
    return {};
}

const BlockLayout* PlanningGrid::BlockOf(std::size_t booking) const
{
    if (!m_planning) return nullptr;
    const auto& cells = m_planning->cells;
    for (std::size_t c = 0; c < cells.size() && c < m_layout.Columns().size(); ++c)
        for (std::size_t r = 0; r < cells[c].size() && r < m_layout.Rows().size(); ++r)
            for (const BlockLayout& block : m_layout.Cell(c, r).blocks)
                if (block.booking == booking) return &block;
    return nullptr;
}

wxString PlanningGrid::BlockText(std::size_t booking) const
{
    const BlockLayout* block = BlockOf(booking);
    if (!block) return {};
    wxString text = block->label;
    if (!block->collect.empty()) text += ' ' + block->collect;
    if (!block->language.empty()) text += ' ' + block->language;
    return text;
}

std::optional<wxPoint> PlanningGrid::CellAt(const wxPoint& point) const
{
    const auto& m = m_layout.Metrics();
    if (!m_planning || point.x < m.rowHeaderWidth || point.y < m.headerHeight) return std::nullopt;
    const wxPoint content = point + ScrollOffset() - wxPoint(m.rowHeaderWidth, m.headerHeight);
    const int column = m_layout.ColumnAt(content.x);
    const int row = m_layout.RowAt(content.y);
    if (column < 0 || row < 0) return std::nullopt;
    return wxPoint(column, row);
}

std::optional<std::size_t> PlanningGrid::BlockAt(const wxPoint& point) const
{
    const auto cell = CellAt(point);
    if (!cell) return std::nullopt;
    const wxRect rect = CellRect(cell->x, cell->y);
    const wxPoint inCell = point - rect.GetTopLeft();
    for (const BlockLayout& block : m_layout.Cell(static_cast<std::size_t>(cell->x), static_cast<std::size_t>(cell->y)).blocks)
        if (block.rect.Contains(inCell)) return block.booking;
    return std::nullopt;
}

std::optional<wxPoint> PlanningGrid::DropCell() const
{
    return IsDragging() ? m_drag->cell : std::nullopt;
}

std::optional<std::string> PlanningGrid::DropRefusal() const
{
    return IsDragging() ? m_drag->refusal : std::nullopt;
}

void PlanningGrid::UpdateDrop(const wxPoint& point)
{
    m_drag->at = point;
    m_drag->cell = CellAt(point);
    m_drag->refusal = m_drag->cell ? MoveHint(m_drag->index, m_drag->cell->x, m_drag->cell->y) : std::nullopt;
    SetCursor(wxCursor(!m_drag->cell || m_drag->refusal ? wxCURSOR_NO_ENTRY : wxCURSOR_HAND));
    Refresh(false);
}

void PlanningGrid::CancelDrag()
{
    if (!m_drag) return;
    const bool wasActive = m_drag->active;
    m_drag.reset();
    if (HasCapture()) ReleaseMouse();
    if (wasActive) {
        SetCursor(wxNullCursor);
        Refresh(false);
    }
}

void PlanningGrid::OnMotion(wxMouseEvent& event)
{
    if (m_drag && event.LeftIsDown()) {
        if (!m_drag->active) {
            const wxPoint moved = event.GetPosition() - m_drag->pressed;
            const int threshold = std::max(FromDIP(4), wxSystemSettings::GetMetric(wxSYS_DRAG_X, this) / 2);
            if (std::abs(moved.x) < threshold && std::abs(moved.y) < threshold) return;
            m_drag->active = true;
            m_tooltip.clear();
            UnsetToolTip();
            if (!HasCapture()) CaptureMouse();
        }
        UpdateDrop(event.GetPosition());
        return;
    }
    if (m_drag && !IsDragging()) m_drag.reset();   // the button went up somewhere we did not see
    const wxString tip = TooltipAt(event.GetPosition());
    if (tip != m_tooltip) {
        m_tooltip = tip;
        if (tip.empty())
            UnsetToolTip();
        else
            SetToolTip(tip);
    }
    event.Skip();
}

void PlanningGrid::OnLeave(wxMouseEvent& event)
{
    m_tooltip.clear();
    UnsetToolTip();
    event.Skip();
}

void PlanningGrid::OnLeftDown(wxMouseEvent& event)
{
    SetFocus();
    CancelDrag();
    if (const auto cell = CellAt(event.GetPosition())) {
        SelectCell(cell->x, cell->y);
        if (const auto booking = BlockAt(event.GetPosition())) {
            m_selectedBooking = m_planning->bookings[*booking].id;
            Drag drag;
            drag.booking = m_planning->bookings[*booking].id;
            drag.index = *booking;
            drag.pressed = drag.at = event.GetPosition();
            m_drag = drag;
            Refresh(false);
        }
    }
    event.Skip();
}

void PlanningGrid::OnLeftUp(wxMouseEvent& event)
{
    if (!m_drag) {
        event.Skip();
        return;
    }
    if (m_drag->active) UpdateDrop(event.GetPosition());
    const Drag drag = *m_drag;
    CancelDrag();
    event.Skip();
    if (!drag.active || !drag.cell || !m_planning) return;
    const auto& booking = m_planning->bookings[drag.index];
    const bool samePlace = m_planning->departures[static_cast<std::size_t>(drag.cell->x)].departure.start ==
                               booking.departureStart &&
                           m_planning->boats[static_cast<std::size_t>(drag.cell->y)].id == booking.boatId;
    if (samePlace) return;   // dropped back where it was: nothing to say
    if (drag.refusal) {
        if (m_onRefused) m_onRefused(wxString::FromUTF8(*drag.refusal));
        return;
    }
    if (m_onMove) m_onMove(drag.index, drag.cell->x, drag.cell->y);
}

void PlanningGrid::OnCaptureLost(wxMouseCaptureLostEvent&)
{
    CancelDrag();
}

bool PlanningGrid::CycleBooking(bool forward)
{
    if (m_layout.Columns().empty() || m_layout.Rows().empty()) return false;
    const auto& blocks = m_layout.Cell(static_cast<std::size_t>(m_selected.x), static_cast<std::size_t>(m_selected.y)).blocks;
    if (blocks.empty()) return false;
    const auto current = SelectedBookingIndex();
    auto it = std::find_if(blocks.begin(), blocks.end(), [&](const BlockLayout& b) { return current && b.booking == *current; });
    std::optional<std::size_t> next;
    if (it == blocks.end())
        next = forward ? blocks.front().booking : blocks.back().booking;
    else if (forward && it + 1 != blocks.end())
        next = (it + 1)->booking;
    else if (!forward && it != blocks.begin())
        next = (it - 1)->booking;
    if (!next) {   // past the last (or first) booking: Tab leaves the grid as it always does
        m_selectedBooking.reset();
        Refresh(false);
        return false;
    }
    m_selectedBooking = m_planning->bookings[*next].id;
    Refresh(false);
    return true;
}

void PlanningGrid::OnKeyDown(wxKeyEvent& event)
{
    const int key = event.GetKeyCode();
    if (key == WXK_ESCAPE && m_drag) {
        CancelDrag();
        return;
    }
    if (OnZoomKey(event)) return;   // also the View menu's shortcuts: here when the grid has no frame
    if (event.HasAnyModifiers() && !(key == WXK_TAB && !event.ControlDown() && !event.AltDown())) {
        event.Skip();   // Ctrl+arrows change the day, Ctrl+Z undoes (the frame's shortcuts)
        return;
    }
    if (key == 'M' || key == WXK_RETURN || key == WXK_NUMPAD_ENTER) {
        if (!SelectedBookingIndex()) CycleBooking(true);   // the cell's first booking
        if (const auto index = SelectedBookingIndex(); index && m_onMoveDialog) m_onMoveDialog(*index);
        return;
    }
    const int lastColumn = static_cast<int>(m_layout.Columns().size()) - 1;
    int column = m_selected.x, row = m_selected.y;
    switch (key) {
    case WXK_LEFT: --column; break;
    case WXK_RIGHT: ++column; break;
    case WXK_UP: --row; break;
    case WXK_DOWN: ++row; break;
    case WXK_HOME: column = 0; break;
    case WXK_END: column = lastColumn; break;
    case WXK_TAB:
        // Tab walks through the bookings of the cell, then on to the next control.
        if (!CycleBooking(!event.ShiftDown()))
            Navigate(event.ShiftDown() ? wxNavigationKeyEvent::IsBackward : wxNavigationKeyEvent::IsForward);
        return;
    default: event.Skip(); return;
    }
    SelectCell(column, row);
}

void PlanningGrid::DrawDrag(wxGraphicsContext& gc, const wxSize& size) const
{
    if (!IsDragging() || !m_planning) return;
    const auto& m = m_layout.Metrics();
    gc.PushState();
    gc.Clip(m.rowHeaderWidth, m.headerHeight, size.x - m.rowHeaderWidth, size.y - m.headerHeight);
    const int width = FromDIP(3);
    if (m_drag->cell) {
        const wxColour colour = m_drag->refusal ? kDropRefused : kDropAllowed;
        const wxRect cell = CellRect(m_drag->cell->x, m_drag->cell->y);
        gc.SetBrush(wxBrush(WithAlpha(colour, 56)));
        gc.SetPen(wxPen(colour, width));
        gc.DrawRectangle(cell.x + width / 2.0, cell.y + width / 2.0, cell.width - width, cell.height - width);
    }
    // The block travels with the mouse, where it was grabbed.
    const wxRect source = BlockRect(m_drag->index);
    const domain::Booking& booking = m_planning->bookings[m_drag->index];
    const wxSize blockSize = source.IsEmpty() ? wxSize(m.columnWidth - 2 * m.padding, m.blockHeight) : source.GetSize();
    const wxPoint grab = source.IsEmpty() ? wxPoint(blockSize.x / 2, blockSize.y / 2) : m_drag->pressed - source.GetTopLeft();
    const wxPoint ghost = m_drag->at - grab;
    const StateColours colours = ColoursOf(booking.state);
    gc.SetPen(wxPen(colours.strong, 1));
    gc.SetBrush(wxBrush(WithAlpha(colours.tint, 225)));
    gc.DrawRoundedRectangle(ghost.x, ghost.y, blockSize.x, blockSize.y, FromDIP(3));
    gc.SetFont(m.small, kText);
    const auto& cell = m_layout.Cell(static_cast<std::size_t>(std::max(0, m_selected.x)), static_cast<std::size_t>(std::max(0, m_selected.y)));
    wxString label = wxString::FromUTF8(booking.ref.str());
    for (const auto& block : cell.blocks)
        if (block.booking == m_drag->index) label = block.label;
    gc.DrawText(label, ghost.x + FromDIP(6), ghost.y + (blockSize.y - m.smallTextHeight) / 2);
    // Why not, right under the block: the user reads it before letting go.
    if (m_drag->refusal) {
        const wxString why = wxString::FromUTF8(*m_drag->refusal);
        gc.SetFont(m.small, *wxWHITE);
        double w = 0, h = 0;
        gc.GetTextExtent(why, &w, &h);
        const double x = ghost.x, y = ghost.y + blockSize.y + FromDIP(3);
        gc.SetPen(*wxTRANSPARENT_PEN);
        gc.SetBrush(wxBrush(kDropRefused));
        gc.DrawRoundedRectangle(x, y, w + FromDIP(10), h + FromDIP(6), FromDIP(3));
        gc.DrawText(why, x + FromDIP(5), y + FromDIP(3));
    }
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.PopState();
}

}  // namespace narcisse::ui
