// Charts drawn by hand with wxGraphicsContext (no chart library is packaged): vertical bars with an
// optional line on a second axis, or horizontal bars. One drawing function paints the window and
// renders the PNG export, so the file is what the screen shows.
#pragma once

#include <wx/bitmap.h>
#include <wx/colour.h>
#include <wx/font.h>
#include <wx/string.h>
#include <wx/window.h>

#include <functional>
#include <optional>
#include <vector>

class wxGraphicsContext;

namespace narcisse::ui {

using ChartFormat = std::function<wxString(double)>;

struct ChartSpec {
    enum class Kind { Columns, Rows };     // vertical bars, or horizontal bars (category labels on the left)
    Kind kind = Kind::Columns;
    wxString title;
    std::vector<wxString> labels;          // one per bar
    std::vector<double> bars;
    wxString barsName;                     // the legend's name of the bars (left axis)
    ChartFormat barFormat;                 // axis ticks and the value written at each bar
    ChartFormat valueFormat;               // the value at each bar when it differs (more decimals)
    // When the category labels do not all fit, every n-th is shown, n the first of these that fits
    // (days: a week, a fortnight, four weeks); empty: any n.
    std::vector<int> labelSteps;
    std::optional<double> barMax;          // a fixed top of the axis (100 for a percentage)
    wxColour barColour{0x2B, 0x6C, 0xB0};
    // Columns only: a second series as a line over the bars, with its own axis on the right.
    std::vector<double> line;
    wxString lineName;
    ChartFormat lineFormat;
    wxColour lineColour{0xE0, 0x7B, 0x24};
    wxString emptyText;                    // instead of the plot when every value is zero

    bool IsEmpty() const;
};

// Draws `spec` into [0, size) with `font`; `scale` is the window's DIP factor (paddings, line widths).
void DrawChart(wxGraphicsContext& gc, const ChartSpec& spec, const wxSize& size, const wxFont& font, double scale);

// A window showing one chart, redrawn at its size.
class ChartCanvas : public wxWindow {
public:
    ChartCanvas(wxWindow* parent, const wxSize& minSizeDip);
    void SetChart(ChartSpec spec);
    const ChartSpec& Chart() const { return m_spec; }

    // The chart at the window's current size, white background, drawn by the same code as the screen.
    wxBitmap Render() const;
    // Render() saved as PNG; false when the file cannot be written.
    bool SaveAsPng(const wxString& path) const;

private:
    void OnPaint(wxPaintEvent& event);
    double Scale() const;

    ChartSpec m_spec;
};

}  // namespace narcisse::ui
