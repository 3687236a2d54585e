#include "ui/planning_legend.h"

#include "ui/format.h"
#include "ui/planning_style.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include <memory>
#include <vector>

namespace narcisse::ui {
namespace {

using namespace planning_style;

enum class Kind { Block, Cell, Badge };   // a booking block (with its edge), a cell, the "to collect" badge

struct Entry {
    wxString label;
    wxColour tint;
    wxColour strong;
    bool hatched;
    Kind kind;
};

std::vector<Entry> Entries()
{
    using S = domain::BookingState;
    std::vector<Entry> entries;
    for (S state : {S::Confirmed, S::Pending, S::Embarqued, S::Completed, S::NoShow}) {
        const auto colours = ColoursOf(state);
        entries.push_back({StateName(state), colours.tint, colours.strong, state == S::Pending, Kind::Block});
    }
    entries.push_back({_("Free"), OccupancyColour(0.0), kGridLine, false, Kind::Cell});
    entries.push_back({_("Half full"), OccupancyColour(0.5), kGridLine, false, Kind::Cell});
    entries.push_back({_("Full"), OccupancyColour(1.0), kGridLine, false, Kind::Cell});
    entries.push_back({_("Closed"), kClosedCell, kClosedHatch, true, Kind::Cell});
    // TRANSLATORS: legend of the amber badge on a booking that has not paid everything yet
    entries.push_back({_("To collect"), kCollect, kCollectText, false, Kind::Badge});
    return entries;
}

// A state's block (its tint and edge) or a cell's fill, as the grid draws them.
void DrawSwatch(wxGraphicsContext& gc, const Entry& entry, double x, double y, int swatch, double radius, double edge)
{
    gc.SetPen(wxPen(entry.kind == Kind::Block ? entry.tint : kBorder, 1));
    gc.SetBrush(wxBrush(entry.tint));
    gc.DrawRoundedRectangle(x, y, swatch, swatch, radius);
    if (entry.hatched) {
        gc.SetBrush(wxBrush(entry.strong, wxBRUSHSTYLE_BDIAGONAL_HATCH));
        gc.DrawRoundedRectangle(x, y, swatch, swatch, radius);
    }
    if (entry.kind == Kind::Block) {
        gc.SetPen(*wxTRANSPARENT_PEN);
        gc.SetBrush(wxBrush(entry.strong));
        gc.DrawRectangle(x, y, edge, swatch);
    }
}

}  // namespace

PlanningLegend::PlanningLegend(wxWindow* parent)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetFont(GetFont().Scaled(0.9f));
    Bind(wxEVT_PAINT, &PlanningLegend::OnPaint, this);
}

wxSize PlanningLegend::DoGetBestClientSize() const
{
    int width = 0;
    for (const Entry& entry : Entries()) width += FromDIP(14 + 6 + 16) + GetTextExtent(entry.label).x;
    return wxSize(width, std::max(FromDIP(18), GetCharHeight() + FromDIP(4)));
}

void PlanningLegend::OnPaint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    gc->SetFont(GetFont(), kMutedText);
    const int height = GetClientSize().y;
    const int swatch = FromDIP(14);
    double x = 0;
    for (const Entry& entry : Entries()) {
        const double y = (height - swatch) / 2.0;
        if (entry.kind == Kind::Badge) {
            // As on the blocks: the currency on the badge's colour.
            const wxString euro = wxString::FromUTF8("€");
            gc->SetPen(*wxTRANSPARENT_PEN);
            gc->SetBrush(wxBrush(entry.tint));
            gc->DrawRoundedRectangle(x, y, swatch, swatch, FromDIP(3));
            gc->SetFont(GetFont().Bold(), entry.strong);
            double ew = 0, eh = 0;
            gc->GetTextExtent(euro, &ew, &eh);
            gc->DrawText(euro, x + (swatch - ew) / 2.0, y + (swatch - eh) / 2.0);
            gc->SetFont(GetFont(), kMutedText);
        } else {
            DrawSwatch(*gc, entry, x, y, swatch, FromDIP(2), FromDIP(3));
        }
        double w = 0, h = 0;
        gc->GetTextExtent(entry.label, &w, &h);
        gc->DrawText(entry.label, x + swatch + FromDIP(6), (height - h) / 2.0);
        x += swatch + FromDIP(6) + w + FromDIP(16);
    }
}

}  // namespace narcisse::ui
