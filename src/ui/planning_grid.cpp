#include "ui/planning_grid.h"

#include "ui/format.h"
#include "ui/planning_style.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include <algorithm>

namespace narcisse::ui {

using namespace planning_style;

namespace {

// One-pixel lines as filled rectangles: crisp whatever the renderer's antialiasing.
void FillRect(wxGraphicsContext& gc, double x, double y, double w, double h)
{
    gc.DrawRectangle(x, y, w, h);
}

int TextHeight(const wxFont& font)
{
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsRenderer::GetDefaultRenderer()->CreateMeasuringContext());
    if (!gc) return font.GetPixelSize().y;
    gc->SetFont(font, *wxBLACK);
    double w = 0, h = 0;
    gc->GetTextExtent("Ag", &w, &h);
    return static_cast<int>(h + 0.5);
}

}  // namespace

PlanningGrid::PlanningGrid(wxWindow* parent)
    : wxScrolled<wxWindow>(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxHSCROLL | wxVSCROLL | wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE | wxBORDER_NONE)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetBackgroundColour(kBackground);
    DisableKeyboardScrolling();   // arrows move the selected cell instead
    Relayout();
    Bind(wxEVT_PAINT, &PlanningGrid::OnPaint, this);
    Bind(wxEVT_SIZE, &PlanningGrid::OnSize, this);
    Bind(wxEVT_MOTION, &PlanningGrid::OnMotion, this);
    Bind(wxEVT_LEAVE_WINDOW, &PlanningGrid::OnLeave, this);
    Bind(wxEVT_LEFT_DOWN, &PlanningGrid::OnLeftDown, this);
    Bind(wxEVT_LEFT_UP, &PlanningGrid::OnLeftUp, this);
    Bind(wxEVT_MOUSE_CAPTURE_LOST, &PlanningGrid::OnCaptureLost, this);
    Bind(wxEVT_KEY_DOWN, &PlanningGrid::OnKeyDown, this);
    Bind(wxEVT_SET_FOCUS, &PlanningGrid::OnFocus, this);
    Bind(wxEVT_KILL_FOCUS, &PlanningGrid::OnFocus, this);
    Bind(wxEVT_DPI_CHANGED, &PlanningGrid::OnDpiChanged, this);
    Bind(wxEVT_MOUSEWHEEL, &PlanningGrid::OnWheel, this);
}

void PlanningGrid::SetPlanning(std::shared_ptr<const app::DayPlanning> planning)
{
    CancelDrag();   // its booking index belongs to the day being replaced
    m_planning = std::move(planning);
    m_message.clear();
    Relayout();
    // A reload keeps the selected cell, and the selected booking while it is still in that cell.
    const auto kept = m_selectedBooking;
    SelectCell(m_selected.x, m_selected.y);
    if (kept && m_planning) {
        const auto index = BookingIndex(*kept);
        const auto& cells = m_planning->cells;
        const auto column = static_cast<std::size_t>(m_selected.x), row = static_cast<std::size_t>(m_selected.y);
        if (index && column < cells.size() && row < cells[column].size() &&
            std::find(cells[column][row].begin(), cells[column][row].end(), *index) != cells[column][row].end())
            m_selectedBooking = kept;
    }
}

void PlanningGrid::SetNow(std::optional<domain::Instant> now)
{
    if (now == m_now) return;
    m_now = now;
    Refresh(false);
}

void PlanningGrid::ScrollToNow()
{
    const auto x = NowX();
    if (!x) return;
    const int view = GetClientSize().x - m_layout.Metrics().rowHeaderWidth;
    int ppuX = 1, ppuY = 1;
    GetScrollPixelsPerUnit(&ppuX, &ppuY);
    // Snapped to a column's edge: a half-cut column at the left reads as a glitch.
    const int width = m_layout.Metrics().columnWidth;
    const int target = std::max(0, (*x - view / 3) / width * width);
    Scroll(target / std::max(ppuX, 1), -1);
    Refresh(false);
}

void PlanningGrid::SetMessage(const wxString& message)
{
    m_message = message;
    Refresh(false);
}

std::vector<wxString> PlanningGrid::DepartureLabels() const
{
    std::vector<wxString> labels;
    for (const auto& column : m_layout.Columns()) labels.push_back(column.time);
    return labels;
}

PlanningMetrics PlanningGrid::MakeMetrics() const
{
    // Every size scales with the zoom, measured from fonts scaled the same way, so the grid keeps
    // its proportions at each level (the column width exactly: tests compare it).
    const int zoom = ZoomPercent();
    auto Z = [this, zoom](int dip) { return std::max(1, (FromDIP(dip) * zoom + 50) / 100); };
    PlanningMetrics m;
    m.normal = GetFont().Scaled(zoom / 100.0f);
    m.bold = m.normal.Bold();
    m.small = m.normal.Scaled(0.9f);
    m.smallBold = m.small.Bold();
    m.smallItalic = m.small.Italic();
    m.code = m.small.Scaled(0.85f).Bold();
    m.normalTextHeight = TextHeight(m.bold);
    m.smallTextHeight = TextHeight(m.small);
    m.codeTextHeight = TextHeight(m.code);
    m.headerHeight = std::max(Z(46), m.normalTextHeight + m.smallTextHeight + Z(16));
    m.rowHeaderWidth = Z(184);
    // Wide enough at 100 % for the party, a name a desk can call out ("2A Thomas…"), the badge
    // and the language code side by side.
    m.columnWidth = Z(116);
    m.padding = Z(4);
    m.strip = Z(3);
    m.badgePadding = Z(3);
    m.compact = zoom < 85;   // at 70 % a name would be three letters: the party and language say more
    m.countHeight = std::max(Z(16), m.smallTextHeight + Z(3));
    // Compact blocks: a full boat of twelve should fit a laptop screen without scrolling far.
    m.blockHeight = std::max(Z(15), m.smallTextHeight + Z(2));
    m.blockGap = Z(1);
    m.minRowHeight = std::max(Z(54), m.normalTextHeight + m.smallTextHeight + Z(20));
    return m;
}

void PlanningGrid::Relayout()
{
    m_layout = m_planning ? PlanningLayout(*m_planning, MakeMetrics()) : PlanningLayout(app::DayPlanning{}, MakeMetrics());
    // Across, the grid scrolls by whole departures: a column cut in half at the left edge reads as
    // a glitch, and at every zoom level the first column shown is a whole one.
    SetScrollRate(std::max(1, m_layout.Metrics().columnWidth), FromDIP(10));
    SetVirtualSize(m_layout.VirtualSize());
    Refresh(false);
}

wxPoint PlanningGrid::ScrollOffset() const
{
    return CalcUnscrolledPosition(wxPoint(0, 0));
}

wxRect PlanningGrid::CellRect(int column, int row) const
{
    const auto& m = m_layout.Metrics();
    const auto& r = m_layout.Rows()[static_cast<std::size_t>(row)];
    const wxPoint scroll = ScrollOffset();
    return wxRect(m.rowHeaderWidth + column * m.columnWidth - scroll.x, m.headerHeight + r.top - scroll.y,
                  m.columnWidth, r.height);
}

void PlanningGrid::SelectCell(int column, int row)
{
    const int columns = static_cast<int>(m_layout.Columns().size());
    const int rows = static_cast<int>(m_layout.Rows().size());
    const wxPoint cell(std::clamp(column, 0, std::max(0, columns - 1)), std::clamp(row, 0, std::max(0, rows - 1)));
    if (cell != m_selected || !m_planning) m_selectedBooking.reset();
    m_selected = cell;
    if (columns > 0 && rows > 0) EnsureVisible(m_selected.x, m_selected.y);
    Refresh(false);
}

void PlanningGrid::EnsureVisible(int column, int row)
{
    const auto& m = m_layout.Metrics();
    const wxSize client = GetClientSize();
    const int viewWidth = client.x - m.rowHeaderWidth;
    const int viewHeight = client.y - m.headerHeight;
    const wxRect cell(column * m.columnWidth, m_layout.Rows()[static_cast<std::size_t>(row)].top, m.columnWidth,
                      m_layout.Rows()[static_cast<std::size_t>(row)].height);
    wxPoint scroll = ScrollOffset();
    int ppuX = 1, ppuY = 1;
    GetScrollPixelsPerUnit(&ppuX, &ppuY);
    ppuX = std::max(ppuX, 1);
    ppuY = std::max(ppuY, 1);
    auto target = [](int start, int size, int offset, int view, int unit) {
        if (start < offset) return start / unit;                                    // round down: all of it shows
        if (start + size > offset + view) return (start + size - view + unit - 1) / unit;
        return offset / unit;
    };
    const int x = target(cell.x, cell.width, scroll.x, viewWidth, ppuX);
    const int y = target(cell.y, cell.height, scroll.y, viewHeight, ppuY);
    if (x * ppuX != scroll.x || y * ppuY != scroll.y) Scroll(x, y);
}

void PlanningGrid::ScrollWindow(int, int, const wxRect*)
{
    Refresh(false);
}

std::optional<int> PlanningGrid::NowX() const
{
    if (!m_now || !m_planning || m_planning->departures.empty()) return std::nullopt;
    const auto& departures = m_planning->departures;
    const domain::Instant now = *m_now;
    if (now < departures.front().departure.start || now >= departures.back().departure.end) return std::nullopt;
    std::size_t column = 0;
    while (column + 1 < departures.size() && departures[column + 1].departure.start <= now) ++column;
    const auto& current = departures[column].departure;
    // A column spans until the next departure (the last one until its ride ends).
    const domain::Instant until = column + 1 < departures.size() ? departures[column + 1].departure.start : current.end;
    const double span = static_cast<double>((until - current.start).count());
    const double into = static_cast<double>((now - current.start).count());
    const double fraction = span > 0 ? std::min(1.0, into / span) : 0.0;
    const int width = m_layout.Metrics().columnWidth;
    return static_cast<int>(column) * width + static_cast<int>(fraction * width);
}

void PlanningGrid::OnPaint(wxPaintEvent&)
{
    // Drawn into a memory bitmap then shown in one blit: on X11, drawing straight onto the window
    // makes every shape a server round-trip and costs twice as much.
    const wxSize size = GetClientSize();
    if (!m_buffer.IsOk() || m_buffer.GetSize() != size) m_buffer = wxBitmap(size, 24);
    const auto started = std::chrono::steady_clock::now();
    {
        wxBufferedPaintDC dc(this, m_buffer);
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (gc) Draw(*gc, size);
    }   // the blit to the window happens here, and is part of the measure
    m_lastPaintMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

void PlanningGrid::Draw(wxGraphicsContext& gc, const wxSize& size) const
{
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(wxBrush(kBackground));
    FillRect(gc, 0, 0, size.x, size.y);
    if (!m_message.empty() || !m_planning) {
        DrawMessage(gc, size, m_message.empty() ? _("Loading the planning…") : m_message);
        return;
    }
    if (m_layout.Columns().empty() || m_layout.Rows().empty()) {
        DrawMessage(gc, size, m_layout.Rows().empty() ? _("There are no boats in the fleet.")
                                                      : _("No departures on this day."));
        return;
    }
    const wxPoint scroll = ScrollOffset();
    DrawCells(gc, size, scroll);
    DrawHeader(gc, size, scroll);
    DrawRowHeaders(gc, size, scroll);
    DrawNowLine(gc, size, scroll);
    DrawSelection(gc, size);
    DrawDrag(gc, size);
}

void PlanningGrid::DrawCells(wxGraphicsContext& gc, const wxSize& size, const wxPoint& scroll) const
{
    const auto& m = m_layout.Metrics();
    const int left = m.rowHeaderWidth, top = m.headerHeight;
    const int columns = static_cast<int>(m_layout.Columns().size());
    const int firstColumn = std::max(0, scroll.x / m.columnWidth);
    const int lastColumn = std::min(columns - 1, (scroll.x + size.x - left) / m.columnWidth);
    const auto& rows = m_layout.Rows();
    const std::size_t firstRow = m_layout.FirstRowFrom(scroll.y);
    const int bottom = std::min(size.y, top + m_layout.ContentHeight() - scroll.y);
    const int right = std::min(size.x, left + m_layout.ContentWidth() - scroll.x);

    gc.PushState();
    gc.Clip(left, top, size.x - left, size.y - top);

    // Created once per paint: making a graphics brush or font per cell is what costs.
    const wxGraphicsBrush closedBrush = gc.CreateBrush(wxBrush(kClosedCell));
    const wxGraphicsBrush outOfServiceBrush = gc.CreateBrush(wxBrush(kOutOfServiceCell));
    const wxGraphicsBrush hatchBrush = gc.CreateBrush(wxBrush(kClosedHatch, wxBRUSHSTYLE_BDIAGONAL_HATCH));
    const wxGraphicsFont countFont = gc.CreateFont(m.smallBold, kText);
    const wxGraphicsFont emptyFont = gc.CreateFont(m.small, kFaintText);
    const wxGraphicsFont fullFont = gc.CreateFont(m.smallBold, kFullText);
    const wxGraphicsFont noteFont = gc.CreateFont(m.smallItalic, kMutedText);
    const wxGraphicsFont blockFont = gc.CreateFont(m.small, kText);
    const wxGraphicsFont moreFont = gc.CreateFont(m.small, kMutedText);
    const wxGraphicsFont codeFont = gc.CreateFont(m.code, kMutedText);
    const wxGraphicsFont badgeFont = gc.CreateFont(m.code, kCollectText);
    const wxGraphicsBrush badgeBrush = gc.CreateBrush(wxBrush(kCollect));
    struct StateBrushes {
        wxGraphicsBrush tint, strong, hatch;
    };
    std::vector<StateBrushes> stateBrushes;
    for (int s = 0; s <= static_cast<int>(domain::BookingState::NoShow); ++s) {
        const StateColours colours = ColoursOf(static_cast<domain::BookingState>(s));
        const wxColour hatch(colours.strong.Red(), colours.strong.Green(), colours.strong.Blue(), 120);
        stateBrushes.push_back({gc.CreateBrush(wxBrush(colours.tint)), gc.CreateBrush(wxBrush(colours.strong)),
                                gc.CreateBrush(wxBrush(hatch, wxBRUSHSTYLE_BDIAGONAL_HATCH))});
    }
    const int strip = m.strip;
    const double radius = m.strip;
    const int textOffset = (m.blockHeight - m.smallTextHeight) / 2;
    const int codeOffset = (m.blockHeight - m.codeTextHeight) / 2;
    const int badgeInset = std::max(1, m.blockHeight / 8);
    // The blocks' texts are drawn after all the cells, one font at a time: switching fonts for
    // each block's name, code and badge was a third of the repaint when zoomed out.
    struct Drawn {
        const BlockLayout* block;
        wxPoint at;
    };
    std::vector<Drawn> drawn;
    drawn.reserve(256);

    for (std::size_t r = firstRow; r < rows.size() && top + rows[r].top - scroll.y < size.y; ++r) {
        const int y = top + rows[r].top - scroll.y;
        for (int c = firstColumn; c <= lastColumn; ++c) {
            const int x = left + c * m.columnWidth - scroll.x;
            const CellLayout& cell = m_layout.Cell(static_cast<std::size_t>(c), r);
            if (cell.outOfService || !cell.offered) {
                gc.SetBrush(cell.outOfService ? outOfServiceBrush : closedBrush);
                FillRect(gc, x, y, m.columnWidth, rows[r].height);
                gc.SetBrush(hatchBrush);
                FillRect(gc, x, y, m.columnWidth, rows[r].height);
            } else if (cell.held > 0) {
                gc.SetBrush(wxBrush(OccupancyColour(cell.Occupancy())));
                FillRect(gc, x, y, m.columnWidth, rows[r].height);
            }
            const bool full = cell.offered && cell.held >= cell.capacity;
            const int lineY = y + m.padding + (m.countHeight - m.smallTextHeight) / 2;
            if (!cell.count.empty()) {
                gc.SetFont(full ? fullFont : cell.held > 0 ? countFont : emptyFont);
                gc.DrawText(cell.count, x + m.padding + 1, lineY);
            }
            if (!cell.note.empty()) {
                gc.SetFont(noteFont);
                const int used = cell.count.empty() ? 0 : cell.countWidth + m.padding;
                gc.DrawText(cell.note, x + m.padding + 1 + used, lineY);
            }
            for (const BlockLayout& block : cell.blocks) {
                const auto& brushes = stateBrushes[static_cast<std::size_t>(block.state)];
                const int bx = x + block.rect.x, by = y + block.rect.y;
                gc.SetBrush(brushes.tint);
                gc.DrawRoundedRectangle(bx, by, block.rect.width, block.rect.height, radius);
                if (block.state == domain::BookingState::Pending) {
                    gc.SetBrush(brushes.hatch);   // pending: seats held, payment awaited
                    gc.DrawRoundedRectangle(bx, by, block.rect.width, block.rect.height, radius);
                }
                gc.SetBrush(brushes.strong);
                gc.DrawRoundedRectangle(bx, by, strip + radius, block.rect.height, radius);
                FillRect(gc, bx + radius, by, strip, block.rect.height);
                drawn.push_back({&block, wxPoint(bx, by)});
            }
            if (cell.hidden > 0) {
                const int moreY = y + m.padding + m.countHeight +
                                  static_cast<int>(cell.blocks.size()) * (m.blockHeight + m.blockGap);
                gc.SetFont(moreFont);
                gc.DrawText(wxString::Format(_("+%d more"), cell.hidden), x + m.padding * 2, moreY + textOffset);
            }
        }
    }

    gc.SetFont(blockFont);
    for (const Drawn& d : drawn) gc.DrawText(d.block->label, d.at.x + strip + m.padding + 1, d.at.y + textOffset);
    // Right-aligned: the language code on the edge, the badge just before it.
    auto codeLeft = [&m](const Drawn& d) { return d.at.x + d.block->rect.width - m.padding - d.block->languageWidth; };
    auto badgeLeft = [&m, &codeLeft](const Drawn& d) {
        return (d.block->language.empty() ? d.at.x + d.block->rect.width : codeLeft(d)) - m.padding - d.block->collectWidth;
    };
    gc.SetFont(codeFont);
    for (const Drawn& d : drawn)
        if (!d.block->language.empty()) gc.DrawText(d.block->language, codeLeft(d), d.at.y + codeOffset);
    gc.SetBrush(badgeBrush);
    for (const Drawn& d : drawn)
        if (!d.block->collect.empty())
            gc.DrawRoundedRectangle(badgeLeft(d), d.at.y + badgeInset, d.block->collectWidth,
                                    d.block->rect.height - 2 * badgeInset, radius);
    gc.SetFont(badgeFont);
    for (const Drawn& d : drawn)
        if (!d.block->collect.empty())
            gc.DrawText(d.block->collect, badgeLeft(d) + (d.block->collectWidth - d.block->collectTextWidth) / 2.0,
                        d.at.y + codeOffset);

    // Grid lines over the fills: thin between departures, darker on the hour.
    const wxGraphicsBrush lineBrush = gc.CreateBrush(wxBrush(kGridLine));
    const wxGraphicsBrush hourBrush = gc.CreateBrush(wxBrush(kHourLine));
    for (int c = firstColumn; c <= lastColumn; ++c) {
        gc.SetBrush(m_layout.Columns()[static_cast<std::size_t>(c)].hourStart ? hourBrush : lineBrush);
        FillRect(gc, left + c * m.columnWidth - scroll.x, top, 1, bottom - top);
    }
    gc.SetBrush(lineBrush);
    FillRect(gc, right - 1, top, 1, bottom - top);
    for (std::size_t r = firstRow; r < rows.size() && top + rows[r].top - scroll.y < size.y; ++r)
        FillRect(gc, left, top + rows[r].top + rows[r].height - 1 - scroll.y, right - left, 1);
    gc.PopState();
}

void PlanningGrid::DrawHeader(wxGraphicsContext& gc, const wxSize& size, const wxPoint& scroll) const
{
    const auto& m = m_layout.Metrics();
    const int left = m.rowHeaderWidth, height = m.headerHeight;
    const auto& columns = m_layout.Columns();
    const int firstColumn = std::max(0, scroll.x / m.columnWidth);
    const int lastColumn = std::min(static_cast<int>(columns.size()) - 1, (scroll.x + size.x - left) / m.columnWidth);

    gc.PushState();
    gc.Clip(left, 0, size.x - left, height);
    gc.SetBrush(wxBrush(kHeaderBackground));
    FillRect(gc, left, 0, size.x - left, height);
    const wxGraphicsFont timeFont = gc.CreateFont(m.bold, kText);
    const wxGraphicsFont loadFont = gc.CreateFont(m.small, kMutedText);
    const wxGraphicsFont closedFont = gc.CreateFont(m.smallItalic, kText);
    const wxGraphicsBrush hatchBrush = gc.CreateBrush(wxBrush(kClosedHatch, wxBRUSHSTYLE_BDIAGONAL_HATCH));
    const wxGraphicsBrush trackBrush = gc.CreateBrush(wxBrush(kGridLine));
    const wxGraphicsBrush lineBrush = gc.CreateBrush(wxBrush(kGridLine));
    const wxGraphicsBrush hourBrush = gc.CreateBrush(wxBrush(kHourLine));
    const int barHeight = FromDIP(3);
    const int barWidth = m.columnWidth - 4 * m.padding;
    const int timeY = m.padding + FromDIP(2);
    const int loadY = timeY + m.normalTextHeight + FromDIP(1);
    for (int c = firstColumn; c <= lastColumn; ++c) {
        const ColumnLayout& column = columns[static_cast<std::size_t>(c)];
        const int x = left + c * m.columnWidth - scroll.x;
        if (column.closed) {
            gc.SetBrush(hatchBrush);
            FillRect(gc, x, 0, m.columnWidth, height);
        }
        gc.SetFont(timeFont);
        gc.DrawText(column.time, x + (m.columnWidth - column.timeWidth) / 2, timeY);
        if (column.closed) {
            gc.SetFont(closedFont);
            gc.DrawText(column.closedReason, x + (m.columnWidth - column.closedReasonWidth) / 2, loadY);
        } else {
            gc.SetFont(loadFont);
            gc.DrawText(column.load, x + (m.columnWidth - column.loadWidth) / 2, loadY);
        }
        // The departure's occupancy at a glance, under its figures.
        const int barY = height - barHeight - m.padding - 1;
        gc.SetBrush(trackBrush);
        gc.DrawRoundedRectangle(x + 2 * m.padding, barY, barWidth, barHeight, barHeight / 2.0);
        if (column.occupancy > 0) {
            gc.SetBrush(wxBrush(OccupancyColour(0.35 + 0.65 * column.occupancy)));
            gc.DrawRoundedRectangle(x + 2 * m.padding, barY, std::max(1.0, barWidth * std::min(1.0, column.occupancy)),
                                    barHeight, barHeight / 2.0);
        }
        gc.SetBrush(column.hourStart ? hourBrush : lineBrush);
        FillRect(gc, x, column.hourStart ? 0 : height / 2, 1, column.hourStart ? height : height / 2);
    }
    gc.SetBrush(wxBrush(kBorder));
    FillRect(gc, left, height - 1, size.x - left, 1);
    gc.PopState();

    // The corner above the boat names.
    gc.SetBrush(wxBrush(kHeaderBackground));
    FillRect(gc, 0, 0, left, height);
    gc.SetFont(m.bold, kText);
    gc.DrawText(_("Boats"), 2 * m.padding + 1, height - m.normalTextHeight - m.padding - 1);
    gc.SetFont(m.small, kMutedText);
    const wxString departures = _("Departures");
    double w = 0, h = 0;
    gc.GetTextExtent(departures, &w, &h);
    gc.DrawText(departures, left - w - 2 * m.padding, m.padding + FromDIP(2));
    gc.SetBrush(wxBrush(kBorder));
    FillRect(gc, 0, height - 1, left, 1);
    FillRect(gc, left - 1, 0, 1, height);
}

void PlanningGrid::DrawRowHeaders(wxGraphicsContext& gc, const wxSize& size, const wxPoint& scroll) const
{
    const auto& m = m_layout.Metrics();
    const int width = m.rowHeaderWidth, top = m.headerHeight;
    const auto& rows = m_layout.Rows();
    gc.PushState();
    gc.Clip(0, top, width, size.y - top);
    gc.SetBrush(wxBrush(kRowHeaderBackground));
    FillRect(gc, 0, top, width, size.y - top);
    const wxGraphicsFont nameFont = gc.CreateFont(m.bold, kText);
    const wxGraphicsFont mutedNameFont = gc.CreateFont(m.bold, kMutedText);
    const wxGraphicsFont detailsFont = gc.CreateFont(m.small, kMutedText);
    const wxGraphicsFont crewFont = gc.CreateFont(m.small, kText);
    const wxGraphicsFont warningFont = gc.CreateFont(m.smallItalic, kFullText);
    const wxGraphicsBrush lineBrush = gc.CreateBrush(wxBrush(kGridLine));
    const int swatch = std::max(FromDIP(12), m.normalTextHeight - FromDIP(2));
    const int textX = 3 * m.padding + swatch + 2 * m.padding;
    for (std::size_t r = m_layout.FirstRowFrom(scroll.y); r < rows.size() && top + rows[r].top - scroll.y < size.y; ++r) {
        const RowLayout& row = rows[r];
        const int y = top + row.top - scroll.y;
        const int nameY = y + 2 * m.padding;
        wxColour colour = row.colour;
        if (row.outOfService) colour = colour.ChangeLightness(160);
        gc.SetBrush(wxBrush(colour));
        gc.SetPen(wxPen(colour.ChangeLightness(80), 1));
        gc.DrawRoundedRectangle(3 * m.padding, nameY + (m.normalTextHeight - swatch) / 2.0, swatch, swatch, FromDIP(3));
        gc.SetPen(*wxTRANSPARENT_PEN);
        gc.SetFont(row.outOfService ? mutedNameFont : nameFont);
        gc.DrawText(row.name, textX, nameY);
        gc.SetFont(detailsFont);
        gc.DrawText(row.details, textX, nameY + m.normalTextHeight + FromDIP(2));
        if (!row.crew.empty()) {
            gc.SetFont(row.crewWarning ? warningFont : crewFont);
            gc.DrawText(row.crew, textX, nameY + m.normalTextHeight + m.smallTextHeight + FromDIP(4));
        }
        gc.SetBrush(lineBrush);
        FillRect(gc, 0, y + row.height - 1, width, 1);
    }
    gc.SetBrush(wxBrush(kBorder));
    FillRect(gc, width - 1, top, 1, size.y - top);
    gc.PopState();
}

void PlanningGrid::DrawNowLine(wxGraphicsContext& gc, const wxSize& size, const wxPoint& scroll) const
{
    const auto nowX = NowX();
    if (!nowX) return;
    const auto& m = m_layout.Metrics();
    const double x = m.rowHeaderWidth + *nowX - scroll.x;
    if (x < m.rowHeaderWidth || x >= size.x) return;
    const int bottom = std::min(size.y, m.headerHeight + m_layout.ContentHeight() - scroll.y);
    const double width = FromDIP(2);
    gc.SetBrush(wxBrush(kNowLine));
    FillRect(gc, x - width / 2, m.headerHeight - FromDIP(6), width, bottom - m.headerHeight + FromDIP(6));
    // A small arrow on the header's edge points at the current time.
    const double arrow = FromDIP(5);
    wxGraphicsPath path = gc.CreatePath();
    path.MoveToPoint(x - arrow, m.headerHeight - arrow - 1);
    path.AddLineToPoint(x + arrow, m.headerHeight - arrow - 1);
    path.AddLineToPoint(x, m.headerHeight);
    path.CloseSubpath();
    gc.FillPath(path);
}

void PlanningGrid::DrawSelection(wxGraphicsContext& gc, const wxSize& size) const
{
    const auto& m = m_layout.Metrics();
    if (m_selected.y >= static_cast<int>(m_layout.Rows().size()) || m_selected.x >= static_cast<int>(m_layout.Columns().size()))
        return;
    const wxRect cell = CellRect(m_selected.x, m_selected.y);
    gc.PushState();
    gc.Clip(m.rowHeaderWidth, m.headerHeight, size.x - m.rowHeaderWidth, size.y - m.headerHeight);
    const int width = FromDIP(2);
    gc.SetPen(wxPen(HasFocus() ? kSelection : kSelectionUnfocused, width));
    gc.SetBrush(*wxTRANSPARENT_BRUSH);
    gc.DrawRectangle(cell.x + width / 2.0, cell.y + width / 2.0, cell.width - width, cell.height - width);
    if (const auto index = SelectedBookingIndex()) {
        const wxRect block = BlockRect(*index);
        if (!block.IsEmpty())
            gc.DrawRoundedRectangle(block.x - width / 2.0, block.y - width / 2.0, block.width + width,
                                    block.height + width, FromDIP(3));
    }
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.PopState();
}

void PlanningGrid::DrawMessage(wxGraphicsContext& gc, const wxSize& size, const wxString& message) const
{
    gc.SetFont(GetFont().Scaled(1.15f), kMutedText);
    double w = 0, h = 0;
    gc.GetTextExtent(message, &w, &h);
    gc.DrawText(message, (size.x - w) / 2, (size.y - h) / 3);
}

void PlanningGrid::OnSize(wxSizeEvent& event)
{
    Refresh(false);
    event.Skip();
}

void PlanningGrid::OnFocus(wxFocusEvent& event)
{
    Refresh(false);   // the selection changes colour with the focus
    event.Skip();
}

void PlanningGrid::OnDpiChanged(wxDPIChangedEvent& event)
{
    Relayout();
    event.Skip();
}

}  // namespace narcisse::ui
