// Axes get round steps (1, 2, 5 × 10ⁿ) and as many ticks as the height leaves room for; category
// labels that would overlap are thinned to every n-th; the value of each bar is written only where it
// fits. Colours and greys are the planning's (planning_style.h).
#include "ui/chart_widgets.h"

#include "ui/planning_style.h"

#include <wx/dcbuffer.h>
#include <wx/dcmemory.h>
#include <wx/filefn.h>
#include <wx/graphics.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace narcisse::ui {
namespace {

namespace style = planning_style;

double NiceStep(double rough)
{
    if (!(rough > 0)) return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double f = rough / magnitude;
    // 2.5 only from 25 up: a step of 2.5 people or euros reads badly.
    const double nice = f <= 1 ? 1 : f <= 2 ? 2 : (f <= 2.5 && magnitude >= 10) ? 2.5 : f <= 5 ? 5 : 10;
    return std::max(1.0, nice * magnitude);   // every series here counts whole things (people, euros, %)
}

struct Axis {
    double top = 1;
    double step = 1;
    int intervals = 1;
};

Axis AxisFor(double maxValue, std::optional<double> fixedTop, int wantedIntervals)
{
    Axis a;
    wantedIntervals = std::max(1, wantedIntervals);
    if (fixedTop) {
        a.top = *fixedTop;
        a.step = NiceStep(*fixedTop / wantedIntervals);
        if (a.step * wantedIntervals < *fixedTop / 2) a.step = NiceStep(a.step * 1.01);
    } else {
        a.step = NiceStep(maxValue / wantedIntervals);
        a.top = std::max(a.step, a.step * std::ceil(maxValue / a.step));
    }
    a.intervals = std::max(1, static_cast<int>(std::lround(a.top / a.step)));
    a.top = a.step * a.intervals;
    return a;
}

// The right axis shares the left one's grid lines: same number of intervals, its own round step.
Axis AxisWithIntervals(double maxValue, int intervals)
{
    Axis a;
    a.intervals = intervals;
    a.step = NiceStep(maxValue / intervals);
    while (a.step * intervals < maxValue) a.step = NiceStep(a.step * 1.01);
    a.top = a.step * intervals;
    return a;
}

double MaxOf(const std::vector<double>& v) { return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()); }

wxString Formatted(const ChartFormat& format, double value)
{
    return format ? format(value) : wxString::Format("%g", value);
}

class Painter {
public:
    Painter(wxGraphicsContext& gc, const wxFont& font, double scale) : m_gc(gc), m_font(font), m_scale(scale)
    {
        Text(wxS("Ag"), m_lineHeight);
    }
    double Px(double dip) const { return dip * m_scale; }
    double LineHeight() const { return m_lineHeight; }
    double Width(const wxString& s, const wxFont* font = nullptr)
    {
        m_gc.SetFont(font ? *font : m_font, style::kText);
        double w = 0, h = 0;
        m_gc.GetTextExtent(s, &w, &h);
        return w;
    }
    void Draw(const wxString& s, double x, double y, const wxColour& colour, const wxFont* font = nullptr)
    {
        m_gc.SetFont(font ? *font : m_font, colour);
        m_gc.DrawText(s, x, y);
    }
    void Fill(double x, double y, double w, double h, const wxColour& colour)
    {
        m_gc.SetPen(*wxTRANSPARENT_PEN);
        m_gc.SetBrush(wxBrush(colour));
        m_gc.DrawRectangle(x, y, w, h);
    }
    void Line(double x1, double y1, double x2, double y2, const wxColour& colour, double widthDip = 1)
    {
        m_gc.SetPen(m_gc.CreatePen(wxGraphicsPenInfo(colour, Px(widthDip))));
        m_gc.StrokeLine(x1, y1, x2, y2);
    }
    wxGraphicsContext& Gc() { return m_gc; }

private:
    void Text(const wxString& s, double& height)
    {
        m_gc.SetFont(m_font, style::kText);
        double w = 0;
        m_gc.GetTextExtent(s, &w, &height);
    }

    wxGraphicsContext& m_gc;
    wxFont m_font;
    double m_scale;
    double m_lineHeight = 0;
};

// Title on the left, legend on the right; returns where the plot may start.
double DrawHeader(Painter& p, const ChartSpec& spec, const wxSize& size, const wxFont& font)
{
    const double pad = p.Px(12);
    const wxFont bold = font.Bold().Scaled(1.1f);
    p.Draw(spec.title, pad, pad, style::kText, &bold);
    double x = size.x - pad;
    const double swatch = p.Px(12);
    const double y = pad + p.Px(2);
    auto legendItem = [&](const wxString& name, const wxColour& colour, bool line) {
        if (name.empty()) return;
        x -= p.Width(name);
        p.Draw(name, x, y, style::kMutedText);
        x -= p.Px(6) + swatch;
        const double mid = y + p.LineHeight() / 2;
        if (line)
            p.Line(x, mid, x + swatch, mid, colour, 2.5);
        else
            p.Fill(x, mid - swatch / 2, swatch, swatch, colour);
        x -= p.Px(18);
    };
    if (!spec.line.empty()) legendItem(spec.lineName, spec.lineColour, true);
    if (!spec.line.empty() || spec.kind == ChartSpec::Kind::Columns) legendItem(spec.barsName, spec.barColour, false);
    return pad + p.LineHeight() * 1.1 + p.Px(14);
}

void DrawEmpty(Painter& p, const ChartSpec& spec, const wxSize& size, double top)
{
    const wxString text = spec.emptyText;
    p.Draw(text, (size.x - p.Width(text)) / 2, top + (size.y - top - p.LineHeight()) / 2, style::kMutedText);
}

void DrawColumns(Painter& p, const ChartSpec& spec, const wxSize& size, double top)
{
    const double pad = p.Px(12);
    const double gap = p.Px(6);
    const double lh = p.LineHeight();
    const std::size_t n = spec.bars.size();
    const bool withLine = !spec.line.empty();

    // A few categories whose names are too long for their bar ("Over 30 days") take two lines.
    std::vector<std::pair<wxString, wxString>> labels;
    const double roughSlot = (size.x - 2 * pad - p.Px(80)) / std::max<double>(1, static_cast<double>(n));
    bool wrap = false;
    for (const auto& l : spec.labels) {
        labels.emplace_back(l, wxString());
        if (n <= 24 && p.Width(l) > roughSlot - p.Px(8) && l.Find(' ') != wxNOT_FOUND) wrap = true;
    }
    if (wrap)
        for (auto& [first, second] : labels) {
            // At the space nearest the middle.
            int best = wxNOT_FOUND;
            for (int i = 0; i < static_cast<int>(first.length()); ++i)
                if (first[static_cast<size_t>(i)] == ' ' &&
                    (best == wxNOT_FOUND || std::abs(2 * i - static_cast<int>(first.length())) <
                                                std::abs(2 * best - static_cast<int>(first.length()))))
                    best = i;
            if (best == wxNOT_FOUND) continue;
            second = first.Mid(static_cast<size_t>(best) + 1);
            first = first.Left(static_cast<size_t>(best));
        }

    // Room above the highest bar for its value, below the plot for the category labels.
    const double plotTop = top + lh * 0.6;
    const double plotBottom = size.y - pad - lh * (wrap ? 2 : 1) - gap;
    const double plotHeight = std::max(1.0, plotBottom - plotTop);
    const int wanted = std::clamp(static_cast<int>(plotHeight / (lh * 2.2)), 2, 6);
    const Axis left = AxisFor(MaxOf(spec.bars), spec.barMax, wanted);
    const Axis right = withLine ? AxisWithIntervals(MaxOf(spec.line), left.intervals) : Axis{};

    double leftWidth = 0, rightWidth = 0;
    for (int i = 0; i <= left.intervals; ++i) {
        leftWidth = std::max(leftWidth, p.Width(Formatted(spec.barFormat, left.step * i)));
        if (withLine) rightWidth = std::max(rightWidth, p.Width(Formatted(spec.lineFormat, right.step * i)));
    }
    const double plotLeft = pad + leftWidth + gap;
    const double plotRight = size.x - pad - (withLine ? rightWidth + gap : p.Px(4));
    const double plotWidth = std::max(1.0, plotRight - plotLeft);
    auto yOf = [&](double value, const Axis& axis) { return plotBottom - value / axis.top * plotHeight; };

    for (int i = 0; i <= left.intervals; ++i) {
        const double y = yOf(left.step * i, left);
        p.Line(plotLeft, y, plotRight, y, i == 0 ? style::kBorder : style::kGridLine);
        const wxString l = Formatted(spec.barFormat, left.step * i);
        p.Draw(l, plotLeft - gap - p.Width(l), y - lh / 2, style::kMutedText);
        if (withLine) p.Draw(Formatted(spec.lineFormat, right.step * i), plotRight + gap, y - lh / 2, spec.lineColour);
    }
    if (n == 0) return;

    const double slot = plotWidth / static_cast<double>(n);
    const double barWidth = std::max(1.0, slot * (slot > p.Px(12) ? 0.68 : 0.8));
    const ChartFormat& valueFormat = spec.valueFormat ? spec.valueFormat : spec.barFormat;
    double widestValue = 0;
    for (double v : spec.bars) widestValue = std::max(widestValue, p.Width(Formatted(valueFormat, v)));
    const bool valueLabels = !withLine && slot >= widestValue + p.Px(4);
    for (std::size_t i = 0; i < n; ++i) {
        const double x = plotLeft + slot * static_cast<double>(i) + (slot - barWidth) / 2;
        const double y = yOf(std::min(spec.bars[i], left.top), left);
        if (spec.bars[i] > 0) p.Fill(x, y, barWidth, plotBottom - y, spec.barColour);
        if (valueLabels && spec.bars[i] > 0) {
            const wxString v = Formatted(valueFormat, spec.bars[i]);
            p.Draw(v, x + (barWidth - p.Width(v)) / 2, y - lh - p.Px(1), style::kText);
        }
    }

    // Category labels: every k-th so they never overlap, kept inside the chart at both ends.
    double widestLabel = 0;
    for (const auto& [first, second] : labels) widestLabel = std::max({widestLabel, p.Width(first), p.Width(second)});
    auto every = static_cast<std::size_t>(std::max(1.0, std::ceil((widestLabel + p.Px(10)) / slot)));
    if (every > 1 && !spec.labelSteps.empty()) {
        const auto fits = std::find_if(spec.labelSteps.begin(), spec.labelSteps.end(),
                                       [every](int step) { return static_cast<std::size_t>(step) >= every; });
        if (fits != spec.labelSteps.end()) every = static_cast<std::size_t>(*fits);
    }
    for (std::size_t i = 0; i < std::min(n, labels.size()); i += every) {
        const double centre = plotLeft + slot * (static_cast<double>(i) + 0.5);
        double y = plotBottom + gap;
        for (const wxString& line : {labels[i].first, labels[i].second}) {
            const double w = p.Width(line);
            p.Draw(line, std::clamp(centre - w / 2, pad, size.x - pad - w), y, style::kText);
            y += lh;
        }
        if (every > 1) p.Line(centre, plotBottom, centre, plotBottom + p.Px(3), style::kBorder);
    }

    if (withLine) {
        wxGraphicsPath path = p.Gc().CreatePath();
        wxGraphicsPath dots = p.Gc().CreatePath();
        const double dot = slot >= p.Px(10) ? p.Px(2.5) : 0;
        for (std::size_t i = 0; i < std::min(n, spec.line.size()); ++i) {
            const double x = plotLeft + slot * (static_cast<double>(i) + 0.5);
            const double y = yOf(spec.line[i], right);
            if (i == 0)
                path.MoveToPoint(x, y);
            else
                path.AddLineToPoint(x, y);
            if (dot > 0 || spec.line.size() == 1) dots.AddCircle(x, y, std::max(dot, p.Px(2.5)));
        }
        p.Gc().SetPen(p.Gc().CreatePen(wxGraphicsPenInfo(spec.lineColour, p.Px(2)).Join(wxJOIN_ROUND)));
        p.Gc().StrokePath(path);
        p.Gc().SetPen(*wxTRANSPARENT_PEN);
        p.Gc().SetBrush(wxBrush(spec.lineColour));
        p.Gc().FillPath(dots);
    }
}

void DrawRows(Painter& p, const ChartSpec& spec, const wxSize& size, double top)
{
    const double pad = p.Px(12);
    const double gap = p.Px(8);
    const double lh = p.LineHeight();
    const std::size_t n = spec.bars.size();

    double labelWidth = 0, valueWidth = 0;
    for (const auto& l : spec.labels) labelWidth = std::max(labelWidth, p.Width(l));
    for (double v : spec.bars) valueWidth = std::max(valueWidth, p.Width(Formatted(spec.barFormat, v)));
    const double plotLeft = pad + labelWidth + gap;
    const double plotRight = size.x - pad - valueWidth - gap;
    const double plotTop = top;
    const double plotBottom = size.y - pad - lh - p.Px(4);
    const double plotWidth = std::max(1.0, plotRight - plotLeft);
    const double plotHeight = std::max(1.0, plotBottom - plotTop);
    // Ticks as wide as their labels allow.
    const double tickLabel = p.Width(Formatted(spec.barFormat, MaxOf(spec.bars) * 10 + 10));
    const int wanted = std::clamp(static_cast<int>(plotWidth / (tickLabel + p.Px(28))), 1, 6);
    const Axis axis = AxisFor(MaxOf(spec.bars), spec.barMax, wanted);
    auto xOf = [&](double value) { return plotLeft + value / axis.top * plotWidth; };

    for (int i = 0; i <= axis.intervals; ++i) {
        const double x = xOf(axis.step * i);
        p.Line(x, plotTop, x, plotBottom, i == 0 ? style::kBorder : style::kGridLine);
        const wxString l = Formatted(spec.barFormat, axis.step * i);
        const double w = p.Width(l);
        p.Draw(l, std::min(x - w / 2, size.x - pad - w), plotBottom + p.Px(4), style::kMutedText);
    }
    if (n == 0) return;
    const double slot = plotHeight / static_cast<double>(n);
    const double thickness = std::min(slot * 0.66, p.Px(26));
    for (std::size_t i = 0; i < n; ++i) {
        const double centre = plotTop + slot * (static_cast<double>(i) + 0.5);
        if (i < spec.labels.size())
            p.Draw(spec.labels[i], plotLeft - gap - p.Width(spec.labels[i]), centre - lh / 2, style::kText);
        const double end = xOf(std::min(spec.bars[i], axis.top));
        if (spec.bars[i] > 0) p.Fill(plotLeft, centre - thickness / 2, end - plotLeft, thickness, spec.barColour);
        p.Draw(Formatted(spec.barFormat, spec.bars[i]), end + p.Px(5), centre - lh / 2, style::kText);
    }
}

}  // namespace

bool ChartSpec::IsEmpty() const
{
    return std::none_of(bars.begin(), bars.end(), [](double v) { return v != 0; }) &&
           std::none_of(line.begin(), line.end(), [](double v) { return v != 0; });
}

void DrawChart(wxGraphicsContext& gc, const ChartSpec& spec, const wxSize& size, const wxFont& font, double scale)
{
    gc.SetAntialiasMode(wxANTIALIAS_DEFAULT);
    Painter p(gc, font, scale);
    const double top = DrawHeader(p, spec, size, font);
    if (spec.IsEmpty()) {
        DrawEmpty(p, spec, size, top);
        return;
    }
    if (spec.kind == ChartSpec::Kind::Rows)
        DrawRows(p, spec, size, top);
    else
        DrawColumns(p, spec, size, top);
}

ChartCanvas::ChartCanvas(wxWindow* parent, const wxSize& minSizeDip)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(minSizeDip));
    Bind(wxEVT_PAINT, &ChartCanvas::OnPaint, this);
}

void ChartCanvas::SetChart(ChartSpec spec)
{
    m_spec = std::move(spec);
    SetName(m_spec.title);   // screen readers and the tests find the chart by its title
    Refresh();
}

double ChartCanvas::Scale() const { return FromDIP(1000) / 1000.0; }

void ChartCanvas::OnPaint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(style::kBackground));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (gc) DrawChart(*gc, m_spec, GetClientSize(), GetFont(), Scale());
}

wxBitmap ChartCanvas::Render() const
{
    const wxSize size = GetClientSize();
    wxBitmap bitmap(std::max(1, size.x), std::max(1, size.y), 24);
    {
        wxMemoryDC dc(bitmap);
        dc.SetBackground(wxBrush(style::kBackground));
        dc.Clear();
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
        if (gc) DrawChart(*gc, m_spec, size, GetFont(), Scale());
    }
    return bitmap;
}

bool ChartCanvas::SaveAsPng(const wxString& path) const
{
    // Written to a temporary name then renamed: a failed export leaves no half file behind.
    const wxString part = path + ".part";
    if (!Render().SaveFile(part, wxBITMAP_TYPE_PNG)) {
        wxRemoveFile(part);
        return false;
    }
    if (wxRenameFile(part, path, true)) return true;
    wxRemoveFile(part);
    return false;
}

}  // namespace narcisse::ui
