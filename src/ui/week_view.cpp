#include "ui/week_view.h"

#include "ui/format.h"
#include "ui/icons.h"
#include "ui/planning_style.h"

#include <wx/bmpbuttn.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/stattext.h>

#include <algorithm>
#include <chrono>

namespace narcisse::ui {

using namespace planning_style;

namespace {

int TextHeight(const wxFont& font)
{
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsRenderer::GetDefaultRenderer()->CreateMeasuringContext());
    if (!gc) return font.GetPixelSize().y;
    gc->SetFont(font, *wxBLACK);
    double w = 0, h = 0;
    gc->GetTextExtent("Ag", &w, &h);
    return static_cast<int>(h + 0.5);
}

double TextWidth(const wxFont& font, const wxString& text)
{
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsRenderer::GetDefaultRenderer()->CreateMeasuringContext());
    if (!gc) return 0;
    gc->SetFont(font, *wxBLACK);
    double w = 0, h = 0;
    gc->GetTextExtent(text, &w, &h);
    return w;
}

wxString ShortDate(domain::LocalDate date)
{
    // TRANSLATORS: a day's column in the week view: abbreviated weekday, day, abbreviated month
    return ToWxDate(date).Format(_("%a %d %b"));
}

wxBitmapButton* MakeIconButton(wxWindow* parent, const char* icon, const wxString& tip)
{
    auto* button = new wxBitmapButton(parent, wxID_ANY, GetIcon(icon, 20));
    button->SetToolTip(tip);
    return button;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// WeekGrid

WeekGrid::WeekGrid(wxWindow* parent)
    : wxScrolled<wxWindow>(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxVSCROLL | wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE | wxBORDER_NONE)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetBackgroundColour(kBackground);
    SetScrollRate(0, FromDIP(10));
    Relayout();
    Bind(wxEVT_PAINT, &WeekGrid::OnPaint, this);
    Bind(wxEVT_SIZE, &WeekGrid::OnSize, this);
    Bind(wxEVT_MOTION, &WeekGrid::OnMotion, this);
    Bind(wxEVT_LEAVE_WINDOW, &WeekGrid::OnLeave, this);
    Bind(wxEVT_LEFT_DOWN, &WeekGrid::OnLeftDown, this);
    Bind(wxEVT_KEY_DOWN, &WeekGrid::OnKeyDown, this);
}

void WeekGrid::SetPlanning(std::shared_ptr<const app::WeekPlanning> planning)
{
    m_planning = std::move(planning);
    m_message.clear();
    Relayout();
}

void WeekGrid::SetToday(std::optional<domain::LocalDate> today)
{
    m_today = today;
    Refresh(false);
}

void WeekGrid::SetMessage(const wxString& message)
{
    m_message = message;
    Refresh(false);
}

// Every text is made and measured once per week loaded, not per paint.
void WeekGrid::Relayout()
{
    Metrics& m = m_m;
    m.normal = GetFont();
    m.bold = m.normal.Bold();
    m.small = m.normal.Scaled(0.9f);
    m.textHeight = TextHeight(m.bold);
    m.smallTextHeight = TextHeight(m.small);
    m.padding = FromDIP(4);
    m.timeWidth = FromDIP(64);
    m.rowHeight = std::max(FromDIP(20), m.smallTextHeight + FromDIP(6));
    m.headerHeight = m.textHeight + 3 * m.smallTextHeight + 4 * m.padding + FromDIP(6);

    m_days.clear();
    m_times.clear();
    m_cellTexts.clear();
    m_cellWidths.clear();
    std::unique_ptr<wxGraphicsContext> measure(wxGraphicsRenderer::GetDefaultRenderer()->CreateMeasuringContext());
    if (m_planning) {
        for (const auto& t : m_planning->times) m_times.push_back(FormatWallTime(t));
        for (const auto& day : m_planning->days) {
            DayLabels labels;
            labels.lines = {ShortDate(day.date),
                            wxString::Format(wxPLURAL("%s passenger", "%s passengers", day.passengers),
                                             FormatCount(day.passengers)),
                            wxString::Format(wxPLURAL("%s booking", "%s bookings", day.bookings), FormatCount(day.bookings)),
                            FormatMoney(day.revenue)};
            for (std::size_t i = 0; i < labels.lines.size(); ++i)
                labels.widths.push_back(TextWidth(i == 0 ? m.bold : m.small, labels.lines[i]));
            m_days.push_back(std::move(labels));
            std::vector<wxString> texts;
            std::vector<double> widths;
            for (const auto& cell : day.cells) {
                if (!cell.exists) texts.emplace_back();
                // TRANSLATORS: a departure of the week view where every boat is closed
                else if (cell.closedReason) texts.push_back(_("closed"));
                else texts.push_back(wxString::Format("%d/%d", cell.held, cell.offered));
                double w = 0, h = 0;
                if (measure && !texts.back().empty()) {
                    const bool full = !cell.closedReason && cell.held > 0 && cell.held >= cell.offered;
                    measure->SetFont(cell.closedReason ? m.small.Italic() : full ? m.small.Bold() : m.small, *wxBLACK);
                    measure->GetTextExtent(texts.back(), &w, &h);
                }
                widths.push_back(w);
            }
            m_cellTexts.push_back(std::move(texts));
            m_cellWidths.push_back(std::move(widths));
        }
    }
    const int rows = static_cast<int>(m_times.size());
    SetVirtualSize(-1, m.headerHeight + rows * m.rowHeight + 1);
    Refresh(false);
}

int WeekGrid::ColumnWidth(const wxSize& size) const
{
    return std::max(FromDIP(60), (size.x - m_m.timeWidth) / 7);
}

std::vector<wxString> WeekGrid::DayHeaderLines(int day) const
{
    if (day < 0 || day >= static_cast<int>(m_days.size())) return {};
    return m_days[static_cast<std::size_t>(day)].lines;
}

wxString WeekGrid::CellText(int day, int row) const
{
    if (day < 0 || day >= static_cast<int>(m_cellTexts.size())) return {};
    const auto& texts = m_cellTexts[static_cast<std::size_t>(day)];
    return row >= 0 && row < static_cast<int>(texts.size()) ? texts[static_cast<std::size_t>(row)] : wxString();
}

wxRect WeekGrid::DayHeaderRect(int day) const
{
    const int width = ColumnWidth(GetClientSize());
    return wxRect(m_m.timeWidth + day * width, 0, width, m_m.headerHeight);
}

int WeekGrid::DayAt(const wxPoint& point) const
{
    if (!m_planning || point.x < m_m.timeWidth) return -1;
    const int day = (point.x - m_m.timeWidth) / ColumnWidth(GetClientSize());
    return day < 7 ? day : -1;
}

int WeekGrid::RowAt(const wxPoint& point) const
{
    if (point.y < m_m.headerHeight) return -1;
    const int y = point.y - m_m.headerHeight + CalcUnscrolledPosition(wxPoint(0, 0)).y;
    const int row = y / m_m.rowHeight;
    return row < static_cast<int>(m_times.size()) ? row : -1;
}

wxString WeekGrid::TooltipAt(const wxPoint& point) const
{
    const int day = DayAt(point);
    if (day < 0) return {};
    const auto& d = m_planning->days[static_cast<std::size_t>(day)];
    const int row = RowAt(point);
    if (row < 0) return point.y < m_m.headerHeight ? wxString::Format(_("Open %s"), FormatLongDate(d.date)) : wxString();
    const auto& cell = d.cells[static_cast<std::size_t>(row)];
    const wxString when = FormatLongDate(d.date) + ", " + m_times[static_cast<std::size_t>(row)];
    if (!cell.exists) return wxString::Format(_("%s: no departure"), when);
    if (cell.closedReason) return wxString::Format(_("%s: closed (%s)"), when, wxString::FromUTF8(*cell.closedReason));
    return wxString::Format(_("%s: %d of %d seats held"), when, cell.held, cell.offered);
}

void WeekGrid::ScrollWindow(int, int, const wxRect*)
{
    Refresh(false);   // the header stays put: no blitting
}

void WeekGrid::OnPaint(wxPaintEvent&)
{
    // Drawn into a memory bitmap and blitted once, as the day grid (X11 round-trips cost more).
    const wxSize size = GetClientSize();
    if (!m_buffer.IsOk() || m_buffer.GetSize() != size) m_buffer = wxBitmap(size, 24);
    const auto started = std::chrono::steady_clock::now();
    {
        wxBufferedPaintDC dc(this, m_buffer);
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (gc) Draw(*gc, size);
    }
    m_lastPaintMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

void WeekGrid::Draw(wxGraphicsContext& gc, const wxSize& size) const
{
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(wxBrush(kBackground));
    gc.DrawRectangle(0, 0, size.x, size.y);
    if (!m_message.empty() || !m_planning || m_times.empty()) {
        const wxString message = !m_message.empty() ? m_message
                                 : m_planning     ? _("No departures this week.")
                                                  : _("Loading the week…");
        gc.SetFont(m_m.normal, kMutedText);
        double w = 0, h = 0;
        gc.GetTextExtent(message, &w, &h);
        gc.DrawText(message, (size.x - w) / 2, (size.y - h) / 2);
        return;
    }
    const int scrollY = CalcUnscrolledPosition(wxPoint(0, 0)).y;
    DrawCells(gc, size, scrollY);
    DrawTimes(gc, size, scrollY);
    DrawHeader(gc, size);
}

void WeekGrid::DrawCells(wxGraphicsContext& gc, const wxSize& size, int scrollY) const
{
    const Metrics& m = m_m;
    const int width = ColumnWidth(size);
    const int top = m.headerHeight;
    const int rows = static_cast<int>(m_times.size());
    const int firstRow = std::max(0, scrollY / m.rowHeight);
    const int right = m.timeWidth + 7 * width;
    const int bottom = std::min(size.y, top + rows * m.rowHeight - scrollY);

    gc.PushState();
    gc.Clip(m.timeWidth, top, size.x - m.timeWidth, size.y - top);
    // Made once per paint: a graphics brush or font per cell is what costs.
    const wxGraphicsBrush closedBrush = gc.CreateBrush(wxBrush(kClosedCell));
    const wxGraphicsBrush hatchBrush = gc.CreateBrush(wxBrush(kClosedHatch, wxBRUSHSTYLE_BDIAGONAL_HATCH));
    const wxGraphicsBrush noDepartureBrush = gc.CreateBrush(wxBrush(kRowHeaderBackground));
    const wxGraphicsBrush hoverBrush = gc.CreateBrush(wxBrush(wxColour(0x1D, 0x5F, 0xAE, 0x14)));
    const wxGraphicsFont countFont = gc.CreateFont(m.small, kText);
    const wxGraphicsFont emptyFont = gc.CreateFont(m.small, kFaintText);
    const wxGraphicsFont fullFont = gc.CreateFont(m.small.Bold(), kFullText);
    const wxGraphicsFont closedFont = gc.CreateFont(m.small.Italic(), kMutedText);
    for (int r = firstRow; r < rows && top + r * m.rowHeight - scrollY < size.y; ++r) {
        const int y = top + r * m.rowHeight - scrollY;
        for (int d = 0; d < 7; ++d) {
            const int x = m.timeWidth + d * width;
            const auto& cell = m_planning->days[static_cast<std::size_t>(d)].cells[static_cast<std::size_t>(r)];
            const wxString& text = m_cellTexts[static_cast<std::size_t>(d)][static_cast<std::size_t>(r)];
            if (!cell.exists) {
                gc.SetBrush(noDepartureBrush);
                gc.DrawRectangle(x, y, width, m.rowHeight);
                continue;
            }
            if (cell.closedReason) {
                gc.SetBrush(closedBrush);
                gc.DrawRectangle(x, y, width, m.rowHeight);
                gc.SetBrush(hatchBrush);
                gc.DrawRectangle(x, y, width, m.rowHeight);
                gc.SetFont(closedFont);
            } else {
                const double ratio = cell.offered > 0 ? double(cell.held) / cell.offered : cell.held > 0 ? 1.0 : 0.0;
                if (cell.held > 0) {
                    gc.SetBrush(wxBrush(OccupancyColour(ratio)));
                    gc.DrawRectangle(x, y, width, m.rowHeight);
                }
                gc.SetFont(cell.held >= cell.offered && cell.held > 0 ? fullFont : cell.held > 0 ? countFont : emptyFont);
            }
            const double w = m_cellWidths[static_cast<std::size_t>(d)][static_cast<std::size_t>(r)];
            gc.DrawText(text, x + (width - w) / 2, y + (m.rowHeight - m.smallTextHeight) / 2.0);
        }
    }
    if (m_hover >= 0) {
        gc.SetBrush(hoverBrush);
        gc.DrawRectangle(m.timeWidth + m_hover * width, top, width, bottom - top);
    }
    // Grid lines over the fills: thin between departures, darker on the hour and between days.
    const wxGraphicsBrush lineBrush = gc.CreateBrush(wxBrush(kGridLine));
    const wxGraphicsBrush hourBrush = gc.CreateBrush(wxBrush(kHourLine));
    for (int r = firstRow; r < rows && top + r * m.rowHeight - scrollY < size.y; ++r) {
        const bool hour = m_planning->times[static_cast<std::size_t>(r)].count() % 60 == 0;
        gc.SetBrush(hour ? hourBrush : lineBrush);
        gc.DrawRectangle(m.timeWidth, top + r * m.rowHeight - scrollY, right - m.timeWidth, 1);
    }
    gc.SetBrush(lineBrush);
    gc.DrawRectangle(m.timeWidth, bottom - 1, right - m.timeWidth, 1);
    gc.SetBrush(hourBrush);
    for (int d = 1; d <= 7; ++d) gc.DrawRectangle(m.timeWidth + d * width - (d == 7 ? 1 : 0), top, 1, bottom - top);
    gc.PopState();
}

void WeekGrid::DrawTimes(wxGraphicsContext& gc, const wxSize& size, int scrollY) const
{
    const Metrics& m = m_m;
    const int top = m.headerHeight;
    gc.PushState();
    gc.Clip(0, top, m.timeWidth, size.y - top);
    gc.SetBrush(wxBrush(kRowHeaderBackground));
    gc.DrawRectangle(0, top, m.timeWidth, size.y - top);
    const wxGraphicsFont hourFont = gc.CreateFont(m.bold, kText);
    const wxGraphicsFont timeFont = gc.CreateFont(m.normal, kMutedText);
    const int rows = static_cast<int>(m_times.size());
    for (int r = std::max(0, scrollY / m.rowHeight); r < rows && top + r * m.rowHeight - scrollY < size.y; ++r) {
        const bool hour = m_planning->times[static_cast<std::size_t>(r)].count() % 60 == 0;
        gc.SetFont(hour ? hourFont : timeFont);
        const wxString& text = m_times[static_cast<std::size_t>(r)];
        double w = 0, h = 0;
        gc.GetTextExtent(text, &w, &h);
        gc.DrawText(text, m.timeWidth - w - 2 * m.padding, top + r * m.rowHeight - scrollY + (m.rowHeight - h) / 2);
    }
    gc.SetBrush(wxBrush(kBorder));
    gc.DrawRectangle(m.timeWidth - 1, top, 1, size.y - top);
    gc.PopState();
}

void WeekGrid::DrawHeader(wxGraphicsContext& gc, const wxSize& size) const
{
    const Metrics& m = m_m;
    const int width = ColumnWidth(size);
    gc.SetBrush(wxBrush(kHeaderBackground));
    gc.DrawRectangle(0, 0, size.x, m.headerHeight);
    const wxGraphicsFont dateFont = gc.CreateFont(m.bold, kText);
    const wxGraphicsFont todayFont = gc.CreateFont(m.bold, kSelection);
    const wxGraphicsFont totalFont = gc.CreateFont(m.small, kMutedText);
    const wxGraphicsFont revenueFont = gc.CreateFont(m.small.Bold(), kText);
    for (int d = 0; d < 7; ++d) {
        const int x = m.timeWidth + d * width;
        const auto& day = m_planning->days[static_cast<std::size_t>(d)];
        const DayLabels& labels = m_days[static_cast<std::size_t>(d)];
        const bool today = m_today && *m_today == day.date;
        if (d == m_hover) {
            gc.SetBrush(wxBrush(wxColour(0xE3, 0xEC, 0xF7)));
            gc.DrawRectangle(x, 0, width, m.headerHeight);
        }
        int y = m.padding + FromDIP(2);
        for (std::size_t i = 0; i < labels.lines.size(); ++i) {
            gc.SetFont(i == 0 ? (today ? todayFont : dateFont) : i == 3 ? revenueFont : totalFont);
            gc.DrawText(labels.lines[i], x + (width - labels.widths[i]) / 2, y);
            y += (i == 0 ? m.textHeight : m.smallTextHeight) + (i == 0 ? m.padding : 0);
        }
        // How full the day is, under its figures: the same scale as the cells.
        const int barHeight = FromDIP(3), barWidth = width - 4 * m.padding;
        const int barY = m.headerHeight - barHeight - m.padding - 1;
        gc.SetBrush(wxBrush(kGridLine));
        gc.DrawRoundedRectangle(x + 2 * m.padding, barY, barWidth, barHeight, barHeight / 2.0);
        if (day.seatsOffered > 0 && day.seatsHeld > 0) {
            const double ratio = std::min(1.0, double(day.seatsHeld) / day.seatsOffered);
            gc.SetBrush(wxBrush(OccupancyColour(0.35 + 0.65 * ratio)));
            gc.DrawRoundedRectangle(x + 2 * m.padding, barY, std::max(1.0, barWidth * ratio), barHeight, barHeight / 2.0);
        }
        if (today) {
            gc.SetBrush(wxBrush(kSelection));
            gc.DrawRectangle(x, 0, width, FromDIP(3));
        }
        gc.SetBrush(wxBrush(kHourLine));
        gc.DrawRectangle(x, 0, 1, m.headerHeight);
    }
    gc.SetBrush(wxBrush(kHourLine));
    gc.DrawRectangle(m.timeWidth + 7 * width - 1, 0, 1, m.headerHeight);
    gc.SetBrush(wxBrush(kBorder));
    gc.DrawRectangle(0, m.headerHeight - 1, size.x, 1);
    // The corner: which week this is.
    gc.SetFont(m.small, kMutedText);
    // TRANSLATORS: the ISO week number in the week view's corner
    const wxString week = wxString::Format(_("Week %d"), ToWxDate(m_planning->monday).GetWeekOfYear(wxDateTime::Monday_First));
    double w = 0, h = 0;
    gc.GetTextExtent(week, &w, &h);
    gc.DrawText(week, std::max(0.0, (m.timeWidth - w) / 2), m.padding + FromDIP(2));
}

void WeekGrid::OnSize(wxSizeEvent& event)
{
    Refresh(false);
    event.Skip();
}

void WeekGrid::OnMotion(wxMouseEvent& event)
{
    const int day = DayAt(event.GetPosition());
    if (day != m_hover) {
        m_hover = day;
        SetCursor(day >= 0 ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
        Refresh(false);
    }
    const wxString tip = TooltipAt(event.GetPosition());
    if (tip != m_tooltip) {
        m_tooltip = tip;
        SetToolTip(tip);
    }
}

void WeekGrid::OnLeave(wxMouseEvent&)
{
    if (m_hover < 0) return;
    m_hover = -1;
    Refresh(false);
}

void WeekGrid::OnLeftDown(wxMouseEvent& event)
{
    SetFocus();
    const int day = DayAt(event.GetPosition());
    if (day < 0) return;
    m_selected = day;
    if (m_onOpenDay) m_onOpenDay(m_planning->days[static_cast<std::size_t>(day)].date);
}

// Left and right choose a day, Enter opens it: the week is usable without the mouse.
void WeekGrid::OnKeyDown(wxKeyEvent& event)
{
    if (!m_planning) return event.Skip();
    switch (event.GetKeyCode()) {
    case WXK_LEFT: m_hover = m_selected = std::max(0, m_selected - 1); break;
    case WXK_RIGHT: m_hover = m_selected = std::min(6, m_selected + 1); break;
    case WXK_RETURN:
    case WXK_NUMPAD_ENTER:
        if (m_onOpenDay) m_onOpenDay(m_planning->days[static_cast<std::size_t>(m_selected)].date);
        return;
    default: event.Skip(); return;
    }
    Refresh(false);
}

// ---------------------------------------------------------------------------------------------
// WeekView

WeekView::WeekView(wxWindow* parent, std::shared_ptr<Session> session)
    : wxPanel(parent, wxID_ANY), m_session(std::move(session))
{
    SetBackgroundColour(*wxWHITE);
    m_monday = app::mondayOf(m_session->Today());
    BuildLayout();
}

void WeekView::BuildLayout()
{
    const int gap = FromDIP(6);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto* previous = MakeIconButton(this, "prev", _("Previous week"));
    m_picker = new wxDatePickerCtrl(this, wxID_ANY, ToWxDate(m_monday), wxDefaultPosition, wxDefaultSize,
                                    wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_picker->SetToolTip(_("Choose a day of the week to show"));
    auto* next = MakeIconButton(this, "next", _("Next week"));
    auto* thisWeek = new wxButton(this, wxID_ANY, _("This &week"));
    thisWeek->SetBitmap(GetIcon("today", 16));
    auto* refresh = MakeIconButton(this, "refresh", _("Reload the week"));
    m_title = new wxStaticText(this, wxID_ANY, wxString());
    m_title->SetFont(GetFont().Scaled(1.25f).Bold());
    m_summary = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 wxST_ELLIPSIZE_END | wxALIGN_RIGHT);
    m_summary->SetForegroundColour(wxColour(0x3A, 0x46, 0x55));
    bar->Add(previous, wxSizerFlags().CenterVertical());
    bar->Add(m_picker, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    bar->Add(next, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    bar->Add(thisWeek, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    bar->Add(refresh, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    bar->Add(m_title, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(18)));
    bar->Add(m_summary, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(18)));
    top->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    m_grid = new WeekGrid(this);
    top->Add(m_grid, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    SetSizer(top);

    previous->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowPreviousWeek(); });
    next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowNextWeek(); });
    thisWeek->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowThisWeek(); });
    refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
    m_picker->Bind(wxEVT_DATE_CHANGED, &WeekView::OnDateChanged, this);
}

void WeekView::SetOnOpenDay(std::function<void(domain::LocalDate)> handler)
{
    m_grid->SetOnOpenDay(std::move(handler));
}

void WeekView::ShowWeekOf(domain::LocalDate date)
{
    m_monday = app::mondayOf(date);
    m_picker->SetValue(ToWxDate(date));
    const domain::LocalDate sunday = AddDays(m_monday, 6);
    // TRANSLATORS: the week view's title: its Monday without the year, then its Sunday ("13 July – 19 July 2026")
    m_title->SetLabel(ToWxDate(m_monday).Format(_("%d %B")) + wxString::FromUTF8(" – ") +
                      ToWxDate(sunday).Format(_("%d %B %Y")));
    Layout();
    Load();
}

void WeekView::ShowPreviousWeek() { ShowWeekOf(AddDays(m_monday, -7)); }
void WeekView::ShowNextWeek() { ShowWeekOf(AddDays(m_monday, 7)); }
void WeekView::ShowThisWeek() { ShowWeekOf(m_session->Today()); }
void WeekView::Reload() { ShowWeekOf(m_monday); }

void WeekView::Load()
{
    const std::uint64_t generation = ++m_generation;
    m_loaded = false;
    m_summary->SetLabel(_("Loading…"));
    const domain::LocalDate monday = m_monday;
    const auto clock = m_session->clock;
    RunOnWorker(
        *m_session->worker, this,
        [monday, clock](domain::Store& store) { return app::loadWeekPlanning(store, monday, clock->now()); },
        [generation](WeekView& view, app::WeekPlanning week) { view.OnLoaded(generation, std::move(week)); },
        [generation](WeekView& view, const Failure& failure) { view.OnLoadFailed(generation, failure); });
}

void WeekView::OnLoaded(std::uint64_t generation, app::WeekPlanning week)
{
    if (generation != m_generation) return;   // the user has moved to another week meanwhile
    int passengers = 0, bookings = 0, held = 0, offered = 0;
    domain::Money revenue = domain::Money::zero();
    for (const auto& day : week.days) {
        passengers += day.passengers;
        bookings += day.bookings;
        held += day.seatsHeld;
        offered += day.seatsOffered;
        revenue += day.revenue;
    }
    m_grid->SetPlanning(std::make_shared<const app::WeekPlanning>(std::move(week)));
    m_grid->SetToday(m_session->Today());
    wxString text = wxString::Format(wxPLURAL("%s passenger", "%s passengers", passengers), FormatCount(passengers)) +
                    wxString::FromUTF8(" · ") +
                    wxString::Format(wxPLURAL("%s booking", "%s bookings", bookings), FormatCount(bookings)) +
                    wxString::FromUTF8(" · ") + FormatMoney(revenue);
    if (offered > 0)
        text += wxString::FromUTF8(" · ") +
                wxString::Format(_("%d%% of seats held"), static_cast<int>((held * 100LL + offered / 2) / offered));
    m_summary->SetLabel(text);
    m_summary->SetToolTip(text);
    Layout();
    m_loaded = true;
}

void WeekView::OnLoadFailed(std::uint64_t generation, const Failure& failure)
{
    if (generation != m_generation) return;
    m_summary->SetLabel(wxString());
    m_grid->SetPlanning(nullptr);
    m_grid->SetMessage(wxString::Format(_("The week could not be loaded: %s"), failure.message));
}

void WeekView::OnDateChanged(wxDateEvent& event)
{
    if (event.GetDate().IsValid()) ShowWeekOf(FromWxDate(event.GetDate()));
}

wxString WeekView::TitleText() const { return m_title->GetLabel(); }
wxString WeekView::SummaryText() const { return m_summary->GetLabel(); }

}  // namespace narcisse::ui
