#include "ui/today_panel.h"

#include "ui/format.h"
#include "ui/icons.h"
#include "ui/planning_style.h"

#include <wx/bmpbuttn.h>
#include <wx/dcbuffer.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace narcisse::ui {
namespace {

namespace style = planning_style;

// Another program's change shows within two seconds, as on the planning.
constexpr int kPollMilliseconds = 1000;
// "expires in N minutes" must stay true: the day is read again every minute.
constexpr int kMinuteMilliseconds = 60 * 1000;
enum { kIdPollTimer = wxID_HIGHEST + 300, kIdMinuteTimer };

// Red for what must be fixed now, amber for what will need it, slate for plain facts.
struct SeverityStyle {
    wxColour mark;
    wxColour tint;   // the row's background; white for facts so problems stand out
};

SeverityStyle StyleOf(app::Severity s)
{
    switch (s) {
    case app::Severity::Problem: return {wxColour(0xC5, 0x30, 0x30), wxColour(0xFD, 0xEC, 0xEC)};
    case app::Severity::Warning: return {wxColour(0xC0, 0x7A, 0x10), wxColour(0xFE, 0xF6, 0xE4)};
    case app::Severity::Info: break;
    }
    return {wxColour(0x6B, 0x86, 0xA6), style::kBackground};
}

wxString SectionTitle(app::TodaySection s)
{
    switch (s) {
    case app::TodaySection::Departures: return _("Departures");
    case app::TodaySection::Crew: return _("Crew");
    case app::TodaySection::Closures: return _("Closures");
    case app::TodaySection::Pending: return _("Phone bookings about to expire");
    case app::TodaySection::Unpaid: return _("To collect");
    case app::TodaySection::Maintenance: return _("Maintenance");
    case app::TodaySection::Licences: return _("Skipper licences");
    // Those that failed and those still waiting: both are customers not told yet.
    case app::TodaySection::Messages: return _("Customer messages");
    }
    return {};
}

wxString EmptyText(app::TodaySection s)
{
    switch (s) {
    case app::TodaySection::Departures: return _("No departure on this day");
    case app::TodaySection::Crew: return _("Every booked boat has its boatman");
    case app::TodaySection::Closures: return _("No closure");
    case app::TodaySection::Pending:
        return wxString::Format(_("None expiring within %d minutes"), app::kPendingHorizonMinutes);
    case app::TodaySection::Unpaid: return _("Nothing left to collect");
    case app::TodaySection::Maintenance:
        return wxString::Format(_("Nothing due within %d days"), app::kMaintenanceHorizonDays);
    case app::TodaySection::Licences:
        return wxString::Format(_("None expiring within %d days"), app::kLicenceHorizonDays);
    case app::TodaySection::Messages: return _("Every message was sent");   // none failed, none waiting
    }
    return {};
}

// A filled circle with "!" for a problem, a triangle with "!" for a warning, a small dot for a fact.
void DrawMark(wxDC& dc, app::Severity s, const wxRect& box)
{
    const wxColour colour = StyleOf(s).mark;
    dc.SetPen(wxPen(colour));
    dc.SetBrush(wxBrush(colour));
    const wxPoint c(box.x + box.width / 2, box.y + box.height / 2);
    const int r = box.width / 2;
    if (s == app::Severity::Info) {
        dc.DrawCircle(c, std::max(2, r / 3));
        return;
    }
    if (s == app::Severity::Problem) {
        dc.DrawCircle(c, r);
    } else {
        const wxPoint triangle[] = {{c.x, box.y}, {box.x + box.width, box.y + box.height}, {box.x, box.y + box.height}};
        dc.DrawPolygon(3, triangle);
    }
    dc.SetTextForeground(*wxWHITE);
    const wxSize bang = dc.GetTextExtent("!");
    dc.DrawText("!", c.x - bang.x / 2, c.y - bang.y / 2 + (s == app::Severity::Warning ? box.height / 8 : 0));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// TodayList

TodayList::TodayList(wxWindow* parent)
    : wxScrolledCanvas(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS | wxBORDER_NONE | wxVSCROLL)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetBackgroundColour(style::kBackground);
    SetScrollRate(0, FromDIP(8));
    Bind(wxEVT_PAINT, &TodayList::OnPaint, this);
    Bind(wxEVT_LEFT_DOWN, &TodayList::OnLeftDown, this);
    Bind(wxEVT_MOTION, &TodayList::OnMotion, this);
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) {
        m_hover.reset();
        Refresh(false);
    });
    Bind(wxEVT_KEY_DOWN, &TodayList::OnKeyDown, this);
    Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent&) { Refresh(false); });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent&) { Refresh(false); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        Refresh(false);
        e.Skip();
    });
}

void TodayList::SetSections(std::vector<Section> sections)
{
    std::optional<std::pair<app::TodayKind, app::TodayTarget>> keep;
    if (const auto* line = m_selected ? LineAt(*m_selected) : nullptr) keep = std::make_pair(line->kind, line->target);
    m_rows.clear();
    m_selected.reset();
    m_hover.reset();
    for (auto& section : sections) {
        Row heading{RowType::Heading, section.title, section.count, app::Severity::Info, std::nullopt};
        for (const auto& line : section.lines)
            if (line.severity > heading.severity) heading.severity = line.severity;
        m_rows.push_back(std::move(heading));
        if (section.lines.empty()) m_rows.push_back({RowType::Empty, section.emptyText, 0, app::Severity::Info, std::nullopt});
        for (auto& line : section.lines) {
            const int index = static_cast<int>(m_rows.size());
            if (keep && line.kind == keep->first && line.target == keep->second) m_selected = index;
            m_rows.push_back({RowType::Line, wxString::FromUTF8(line.text), 0, line.severity, std::move(line)});
        }
    }
    UpdateVirtualSize();
    Refresh(false);
}

const app::TodayLine* TodayList::LineAt(int row) const
{
    if (row < 0 || row >= RowCount()) return nullptr;
    const auto& r = m_rows[static_cast<std::size_t>(row)];
    return r.line ? &*r.line : nullptr;
}

std::vector<wxString> TodayList::Headings() const
{
    std::vector<wxString> out;
    for (const auto& r : m_rows)
        if (r.type == RowType::Heading) out.push_back(wxString::Format("%s (%d)", r.text, r.count));
    return out;
}

int TodayList::RowHeight(int row) const
{
    const auto type = m_rows[static_cast<std::size_t>(row)].type;
    // A heading carries air above it, so each section reads as a block.
    return FromDIP(type == RowType::Heading ? (row == 0 ? 34 : 46) : 27);
}

int TodayList::RowTop(int row) const
{
    int y = 0;
    for (int i = 0; i < row; ++i) y += RowHeight(i);
    return y;
}

wxRect TodayList::RowRect(int row) const
{
    const wxPoint top = CalcScrolledPosition(wxPoint(0, RowTop(row)));
    return wxRect(top.x, top.y, GetClientSize().x, RowHeight(row));
}

std::optional<int> TodayList::RowAt(wxPoint client) const
{
    const int y = CalcUnscrolledPosition(client).y;
    int top = 0;
    for (int i = 0; i < RowCount(); ++i) {
        const int h = RowHeight(i);
        if (y >= top && y < top + h) return i;
        top += h;
    }
    return std::nullopt;
}

void TodayList::UpdateVirtualSize()
{
    SetVirtualSize(-1, RowCount() ? RowTop(RowCount() - 1) + RowHeight(RowCount() - 1) + FromDIP(8) : 0);
}

void TodayList::OnPaint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(style::kBackground));
    dc.Clear();
    DoPrepareDC(dc);
    const int width = GetClientSize().x;
    const int pad = FromDIP(10);
    const wxFont base = GetFont();
    const wxFont headingFont = base.Scaled(1.1f).Bold();
    const bool focused = HasFocus();
    for (int i = 0; i < RowCount(); ++i) {
        const Row& row = m_rows[static_cast<std::size_t>(i)];
        const int top = RowTop(i), h = RowHeight(i);
        if (row.type == RowType::Heading) {
            dc.SetFont(headingFont);
            dc.SetTextForeground(style::kText);
            const wxSize t = dc.GetTextExtent(row.text);
            const int y = top + h - t.y - FromDIP(6);
            dc.DrawText(row.text, pad, y);
            // The count in a pill coloured by the section's worst line: red draws the eye first.
            const wxString count = wxString::Format("%d", row.count);
            dc.SetFont(base.Bold());
            const wxSize c = dc.GetTextExtent(count);
            const wxRect pill(pad + t.x + FromDIP(8), y + (t.y - c.y) / 2 - FromDIP(2), c.x + FromDIP(14), c.y + FromDIP(4));
            const wxColour fill = row.count == 0 ? style::kGridLine
                                  : row.severity == app::Severity::Info ? style::kHeaderBackground
                                                                         : StyleOf(row.severity).mark;
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(fill));
            dc.DrawRoundedRectangle(pill, pill.height / 2.0);
            dc.SetTextForeground(row.severity == app::Severity::Info || row.count == 0 ? style::kMutedText : *wxWHITE);
            dc.DrawText(count, pill.x + (pill.width - c.x) / 2, pill.y + (pill.height - c.y) / 2);
            dc.SetPen(wxPen(style::kGridLine));
            dc.DrawLine(pad, top + h - 1, width - pad, top + h - 1);
            continue;
        }
        dc.SetFont(base);
        if (row.type == RowType::Empty) {
            dc.SetTextForeground(style::kFaintText);
            dc.DrawText(row.text, pad + FromDIP(26), top + (h - dc.GetCharHeight()) / 2);
            continue;
        }
        const bool selected = m_selected == i;
        const bool total = row.line && row.line->kind == app::TodayKind::DayTotal;
        wxColour background = StyleOf(row.severity).tint;
        if (selected) background = focused ? style::kSelection : style::kSelectionUnfocused;
        else if (m_hover == i) background = background.ChangeLightness(96);
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(background));
        dc.DrawRectangle(pad / 2, top + 1, width - pad, h - 2);
        const int mark = FromDIP(15);
        dc.SetFont(base.Bold());
        if (!row.line->past) DrawMark(dc, row.severity, wxRect(pad, top + (h - mark) / 2, mark, mark));
        dc.SetFont(total ? base.Bold() : base);
        dc.SetTextForeground(selected ? *wxWHITE : row.line->past ? style::kMutedText : style::kText);
        const int x = pad + mark + FromDIP(10);
        const wxString text = wxControl::Ellipsize(row.text, dc, wxELLIPSIZE_END, width - x - pad);
        dc.DrawText(text, x, top + (h - dc.GetCharHeight()) / 2);
    }
}

void TodayList::OnLeftDown(wxMouseEvent& event)
{
    SetFocus();
    const auto row = RowAt(event.GetPosition());
    if (!row || !LineAt(*row)) return;
    Select(*row);
    Open(*row);
}

void TodayList::OnMotion(wxMouseEvent& event)
{
    const auto row = RowAt(event.GetPosition());
    const bool onLine = row && LineAt(*row);
    SetCursor(onLine ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
    const std::optional<int> hover = onLine ? row : std::nullopt;
    if (hover == m_hover) return;
    m_hover = hover;
    // The whole sentence, for a line too long for the column.
    SetToolTip(onLine ? m_rows[static_cast<std::size_t>(*row)].text : wxString());
    Refresh(false);
}

void TodayList::OnKeyDown(wxKeyEvent& event)
{
    auto step = [this](int from, int direction) -> std::optional<int> {
        for (int i = from + direction; i >= 0 && i < RowCount(); i += direction)
            if (LineAt(i)) return i;
        return std::nullopt;
    };
    switch (event.GetKeyCode()) {
    case WXK_DOWN:
        if (const auto next = step(m_selected.value_or(-1), +1)) Select(*next);
        return;
    case WXK_UP:
        if (const auto previous = step(m_selected.value_or(RowCount()), -1)) Select(*previous);
        return;
    case WXK_RETURN:
    case WXK_NUMPAD_ENTER:
        if (m_selected) Open(*m_selected);
        return;
    default: event.Skip();
    }
}

void TodayList::Select(int row)
{
    m_selected = row;
    // Keep the selected row in view when the keyboard walks past the edge.
    const wxRect r = RowRect(row);
    int unitX = 0, unitY = 0;
    GetScrollPixelsPerUnit(&unitX, &unitY);
    if (unitY > 0 && (r.y < 0 || r.GetBottom() > GetClientSize().y)) {
        const int top = RowTop(row);
        Scroll(-1, r.y < 0 ? top / unitY : (top + r.height - GetClientSize().y + unitY - 1) / unitY);
    }
    Refresh(false);
}

void TodayList::Open(int row)
{
    if (const auto* line = LineAt(row); line && m_onOpen) m_onOpen(line->target);
}

// ---------------------------------------------------------------------------------------------
// TodayPanel

TodayPanel::TodayPanel(wxWindow* parent, std::shared_ptr<Session> session)
    : wxPanel(parent, wxID_ANY), m_session(std::move(session)), m_poll(this, kIdPollTimer), m_minute(this, kIdMinuteTimer)
{
    SetBackgroundColour(style::kBackground);
    m_date = m_session->Today();
    BuildLayout();
    Bind(wxEVT_TIMER, &TodayPanel::OnPoll, this, kIdPollTimer);
    Bind(wxEVT_TIMER, &TodayPanel::OnMinute, this, kIdMinuteTimer);
    m_poll.Start(kPollMilliseconds);
    m_minute.Start(kMinuteMilliseconds);
}

void TodayPanel::BuildLayout()
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    m_title = new wxStaticText(this, wxID_ANY, wxString());
    m_title->SetFont(GetFont().Scaled(1.35f).Bold());
    m_title->SetForegroundColour(style::kText);
    m_status = new wxStaticText(this, wxID_ANY, _("Loading…"));
    m_status->SetFont(GetFont().Scaled(1.1f));
    auto* refresh = new wxBitmapButton(this, wxID_ANY, GetIcon("refresh", 20));
    refresh->SetToolTip(_("Read the day again (F5)"));
    bar->Add(m_title, wxSizerFlags().CenterVertical());
    bar->Add(m_status, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(24)));
    bar->Add(refresh, wxSizerFlags().CenterVertical());
    top->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));

    // Departures on the left, what needs attention on the right: the right side is the one to read first.
    auto* body = new wxBoxSizer(wxHORIZONTAL);
    m_departures = new TodayList(this);
    m_attention = new TodayList(this);
    auto* rule = new wxPanel(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(1), -1));
    rule->SetBackgroundColour(style::kGridLine);
    body->Add(m_departures, wxSizerFlags(2).Expand());
    body->Add(rule, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));
    body->Add(m_attention, wxSizerFlags(3).Expand());
    top->Add(body, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    SetSizer(top);

    refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_F5) Reload();
        else e.Skip();
    });
}

void TodayPanel::SetOnOpen(TodayOpen open)
{
    m_departures->SetOnOpen(open);
    m_attention->SetOnOpen(std::move(open));
}

void TodayPanel::ShowDate(domain::LocalDate date)
{
    m_date = date;
    Load(false);
}

void TodayPanel::Reload()
{
    Load(true);
}

void TodayPanel::Load(bool quiet)
{
    const std::uint64_t generation = ++m_generation;
    if (!quiet) {
        m_loaded = false;
        m_status->SetLabel(_("Loading…"));
        m_status->SetForegroundColour(style::kMutedText);
    }
    const domain::LocalDate date = m_date;
    const auto clock = m_session->clock;
    RunOnWorker(
        *m_session->worker, this,
        [date, clock](domain::Store& store) {
            Loaded loaded;
            // Read before the day: a commit in between shows as a change, and is loaded again.
            loaded.stamp = store.changeStamp();
            loaded.summary = app::loadToday(store, date, clock->now());
            return loaded;
        },
        [generation](TodayPanel& panel, Loaded loaded) { panel.OnLoaded(generation, std::move(loaded)); },
        [generation](TodayPanel& panel, const Failure& failure) { panel.OnLoadFailed(generation, failure); });
}

void TodayPanel::OnLoaded(std::uint64_t generation, Loaded loaded)
{
    if (generation != m_generation) return;   // another date was asked for meanwhile
    m_stamp = loaded.stamp;
    m_waitingMessages = loaded.summary.waitingMessages;
    m_summary = std::make_shared<const app::TodaySummary>(std::move(loaded.summary));
    const app::TodaySummary& s = *m_summary;

    std::vector<TodayList::Section> left, right;
    for (const auto section : app::allTodaySections()) {
        TodayList::Section out{SectionTitle(section), {}, EmptyText(section), 0};
        for (const auto* line : s.linesOf(section)) {
            // The day's total is the summary of the departures, not one of them.
            if (line->kind == app::TodayKind::DayTotal && s.linesOf(section).size() == 1) continue;
            out.lines.push_back(*line);
            if (line->kind != app::TodayKind::DayTotal) ++out.count;
        }
        (section == app::TodaySection::Departures ? left : right).push_back(std::move(out));
    }
    m_departures->SetSections(std::move(left));
    m_attention->SetSections(std::move(right));

    wxString title = FormatLongDate(s.date);
    if (s.isToday) title += wxString::FromUTF8(" · ") + _("today");
    m_title->SetLabel(title);
    const int problems = s.count(app::Severity::Problem);
    const int warnings = s.count(app::Severity::Warning);
    wxString status;
    if (problems == 0 && warnings == 0) {
        status = _("Nothing needs attention");
    } else {
        if (problems > 0) status = wxString::Format(wxPLURAL("%d problem", "%d problems", problems), problems);
        if (warnings > 0) {
            if (!status.empty()) status += wxString::FromUTF8(" · ");
            status += wxString::Format(wxPLURAL("%d warning", "%d warnings", warnings), warnings);
        }
    }
    m_status->SetLabel(status);
    m_status->SetForegroundColour(problems > 0 ? StyleOf(app::Severity::Problem).mark
                                  : warnings > 0 ? StyleOf(app::Severity::Warning).mark
                                                 : wxColour(0x2F, 0x85, 0x5A));
    Layout();
    m_loaded = true;
}

void TodayPanel::OnLoadFailed(std::uint64_t generation, const Failure& failure)
{
    if (generation != m_generation) return;
    m_status->SetLabel(wxString::Format(_("The day could not be read: %s"), failure.message));
    m_status->SetForegroundColour(StyleOf(app::Severity::Problem).mark);
    Layout();
}

void TodayPanel::OnPoll(wxTimerEvent&)
{
    if (m_polling || !m_loaded || !m_stamp) return;
    m_polling = true;
    RunOnWorker(
        *m_session->worker, this, [](domain::Store& store) { return store.changeStamp(); },
        [](TodayPanel& panel, std::int64_t stamp) {
            panel.m_polling = false;
            if (!panel.m_loaded || !panel.m_stamp || stamp == *panel.m_stamp) return;
            panel.m_stamp = stamp;   // one reload per change, even if the reload is slow
            ++panel.m_liveReloads;
            panel.Load(true);
        },
        [](TodayPanel& panel, const Failure& failure) {
            panel.m_polling = false;
            panel.m_status->SetLabel(wxString::Format(_("Live updates paused: %s"), failure.message));
        });
}

void TodayPanel::OnMinute(wxTimerEvent&)
{
    if (m_loaded) Load(true);
}

wxString TodayPanel::TitleText() const
{
    return m_title->GetLabel();
}

wxString TodayPanel::StatusText() const
{
    return m_status->GetLabel();
}

}  // namespace narcisse::ui
