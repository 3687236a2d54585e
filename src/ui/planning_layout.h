// The geometry and texts of the day planning, computed once per data, zoom or DPI change so that
// a repaint only draws what is visible.
#pragma once

#include "app/planning.h"

#include <wx/colour.h>
#include <wx/font.h>
#include <wx/gdicmn.h>
#include <wx/string.h>

#include <optional>
#include <vector>

namespace narcisse::ui {

// Sizes in device pixels (the grid fills them with FromDIP) and the fonts they were measured with.
struct PlanningMetrics {
    int headerHeight = 46;
    int rowHeaderWidth = 170;
    int columnWidth = 98;
    int padding = 4;
    int countHeight = 17;     // the "held/capacity" line at the top of a cell
    int blockHeight = 17;
    int blockGap = 2;
    int minRowHeight = 54;
    int maxBlocks = 8;        // more bookings in one cell end in "+N more"
    int strip = 3;            // the state's coloured edge on the left of a block
    int badgePadding = 3;     // inside the "to collect" badge, on each side of its text
    // Zoomed out, a block shows the party and the language only: the day matters more than names.
    bool compact = false;
    wxFont normal, bold, small, smallBold, smallItalic;
    wxFont code;              // the language code and the badge: smaller, so the name keeps room
    int smallTextHeight = 12;
    int normalTextHeight = 14;
    int codeTextHeight = 10;
};

struct BlockLayout {
    std::size_t booking = 0;          // index into DayPlanning::bookings
    wxRect rect;                      // relative to the cell's top-left corner
    wxString label;                   // "3A 1C Dupont", already shortened to fit (compact: "3A 1C")
    wxString language;                // "EN", right-aligned
    int languageWidth = 0;
    wxString collect;                 // the badge of a booking with money to collect ("€"), or empty
    int collectWidth = 0;             // the badge's width, its padding included
    int collectTextWidth = 0;
    domain::BookingState state = domain::BookingState::Confirmed;
};

struct CellLayout {
    int held = 0;
    int capacity = 0;
    bool offered = true;              // in service and not closed
    bool outOfService = false;
    wxString count;                   // "5/12"; empty on a closed cell nobody sits in
    int countWidth = 0;
    wxString note;                    // this boat's own closure reason, shortened to fit
    std::vector<BlockLayout> blocks;
    int hidden = 0;                   // bookings shown that did not fit ("+2 more")
    int inactive = 0;                 // cancelled or expired bookings (tooltip only)
    double Occupancy() const { return capacity > 0 ? static_cast<double>(held) / capacity : 0.0; }
};

struct RowLayout {
    int top = 0;                      // from the top of the first row
    int height = 0;
    wxString name;                    // shortened to fit
    wxString details;                 // "12 seats" or "12 seats · in maintenance"
    wxColour colour;
    bool outOfService = false;
    wxString crew;                    // "Boatman: Luc Meyer", or the crew warning about this boat
    bool crewWarning = false;         // booked without a boatman, or its boatman on two boats
};

struct ColumnLayout {
    wxString time;                    // local wall time, "14:20"
    wxString load;                    // "34/96"
    int timeWidth = 0;
    int loadWidth = 0;
    domain::Minutes localStart{0};
    bool hourStart = false;           // a thicker line marks the hours
    bool closed = false;              // every boat is closed
    wxString closedReason;            // shown instead of the load, shortened to fit
    int closedReasonWidth = 0;
    double occupancy = 0.0;
};

// What booking i of the day still owes when the planning should say so: a seat-holding booking
// with DayPlanning::toCollect above zero (nothing when the day was read without its payments).
std::optional<domain::Money> AmountToCollect(const app::DayPlanning& planning, std::size_t i);
// What booking i has paid so far, when the day was read with its payments.
std::optional<domain::Money> AmountPaid(const app::DayPlanning& planning, std::size_t i);

class Shortener;

class PlanningLayout {
public:
    PlanningLayout() = default;
    PlanningLayout(const app::DayPlanning& planning, const PlanningMetrics& metrics);

    const PlanningMetrics& Metrics() const { return m_metrics; }
    const std::vector<RowLayout>& Rows() const { return m_rows; }
    const std::vector<ColumnLayout>& Columns() const { return m_columns; }
    const CellLayout& Cell(std::size_t column, std::size_t row) const { return m_cells[column * m_rows.size() + row]; }

    int ContentWidth() const { return static_cast<int>(m_columns.size()) * m_metrics.columnWidth; }
    int ContentHeight() const { return m_rows.empty() ? 0 : m_rows.back().top + m_rows.back().height; }
    wxSize VirtualSize() const;      // with the header and the boat column

    // Content coordinates (0,0 = top-left of the first cell) to indexes; -1 when outside.
    int ColumnAt(int x) const;
    int RowAt(int y) const;
    // The first row whose bottom is below `y` (rows are sorted, so a binary search).
    std::size_t FirstRowFrom(int y) const;

private:
    BlockLayout MakeBlock(const app::DayPlanning& planning, std::size_t index, Shortener& shorten) const;

    PlanningMetrics m_metrics;
    std::vector<RowLayout> m_rows;
    std::vector<ColumnLayout> m_columns;
    std::vector<CellLayout> m_cells;  // column-major: [column * rows + row]
};

}  // namespace narcisse::ui
