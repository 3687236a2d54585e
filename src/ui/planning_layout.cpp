#include "ui/planning_layout.h"

#include "ui/format.h"

#include <wx/graphics.h>

#include <algorithm>
#include <memory>

namespace narcisse::ui {

// Shortens text to `width` pixels with a trailing ellipsis, measured once here rather than on
// every repaint.
class Shortener {
public:
    Shortener() : m_gc(wxGraphicsRenderer::GetDefaultRenderer()->CreateMeasuringContext()) {}

    wxString Fit(const wxString& text, const wxFont& font, double width)
    {
        if (text.empty() || !m_gc) return text;
        m_gc->SetFont(font, *wxBLACK);
        wxArrayDouble widths;
        m_gc->GetPartialTextExtents(text, widths);
        if (widths.empty() || widths.back() <= width) return text;
        const wxString ellipsis = wxString::FromUTF8("…");
        double ellipsisWidth = 0, h = 0;
        m_gc->GetTextExtent(ellipsis, &ellipsisWidth, &h);
        std::size_t n = 0;
        while (n < widths.size() && widths[n] + ellipsisWidth <= width) ++n;
        wxString shortened = text.Left(n);
        shortened.Trim();
        return n == 0 ? wxString() : shortened + ellipsis;
    }

    int Width(const wxString& text, const wxFont& font)
    {
        if (!m_gc) return 0;
        m_gc->SetFont(font, *wxBLACK);
        double w = 0, h = 0;
        m_gc->GetTextExtent(text, &w, &h);
        return static_cast<int>(w + 0.5);
    }

private:
    std::unique_ptr<wxGraphicsContext> m_gc;
};

namespace {

bool IsShown(domain::BookingState state)
{
    return state != domain::BookingState::Cancelled && state != domain::BookingState::Expired;
}

wxString LanguageCode(const std::string& language)
{
    return wxString::FromUTF8(language).Upper();
}

}  // namespace

std::optional<domain::Money> AmountPaid(const app::DayPlanning& planning, std::size_t i)
{
    if (planning.paid.size() != planning.bookings.size() || i >= planning.paid.size()) return std::nullopt;
    return planning.paid[i];
}

std::optional<domain::Money> AmountToCollect(const app::DayPlanning& planning, std::size_t i)
{
    if (!AmountPaid(planning, i) || !planning.bookings[i].holdsSeats(planning.loadedAt)) return std::nullopt;
    const domain::Money owed = planning.toCollect(i);
    if (owed.cents() <= 0) return std::nullopt;
    return owed;
}

PlanningLayout::PlanningLayout(const app::DayPlanning& planning, const PlanningMetrics& metrics)
    : m_metrics(metrics)
{
    const auto& m = m_metrics;
    Shortener shorten;
    const std::size_t rowCount = planning.boats.size();
    const std::size_t columnCount = planning.departures.size();

    // The boats' column widens for a long name (up to half as wide again) rather than cutting it
    // beside empty space; beyond that the name is shortened.
    const int textInset = m.padding * 3 + m.smallTextHeight + m.padding * 2;
    int widest = 0;
    for (const auto& boat : planning.boats) widest = std::max(widest, shorten.Width(wxString::FromUTF8(boat.name), m.bold));
    m_metrics.rowHeaderWidth = std::clamp(widest + textInset + m.padding * 2, m.rowHeaderWidth, m.rowHeaderWidth * 3 / 2);

    m_rows.resize(rowCount);
    for (std::size_t r = 0; r < rowCount; ++r) {
        const auto& boat = planning.boats[r];
        RowLayout& row = m_rows[r];
        const int textWidth = m.rowHeaderWidth - textInset;
        row.name = shorten.Fit(wxString::FromUTF8(boat.name), m.bold, textWidth);
        row.details = wxString::Format(wxPLURAL("%d seat", "%d seats", boat.capacity), boat.capacity);
        row.outOfService = boat.status != domain::BoatStatus::InService;
        // TRANSLATORS: after the capacity in the planning's boat column, e.g. "12 seats · maintenance"
        if (boat.status == domain::BoatStatus::Maintenance) row.details += wxString::FromUTF8(" · ") + _("maintenance");
        row.details = shorten.Fit(row.details, m.small, textWidth);
        const domain::Employee* boatman = planning.boatmanOf(boat.id);
        bool noBoatman = false, twoBoats = false;
        for (const auto& warning : planning.crewWarnings) {
            if (warning.boatId != boat.id) continue;
            noBoatman = noBoatman || warning.kind == domain::CrewWarning::Kind::NoBoatman;
            twoBoats = twoBoats || warning.kind == domain::CrewWarning::Kind::TwoBoats;
        }
        if (boatman) {
            // TRANSLATORS: under a boat's name in the planning: who rows it that day
            row.crew = wxString::Format(_("Boatman: %s"), wxString::FromUTF8(boatman->name));
            // TRANSLATORS: after the boatman's name when the same person rows another boat at once
            if (twoBoats) row.crew += wxString::FromUTF8(" · ") + _("on two boats");
        } else if (noBoatman) {
            row.crew = _("No boatman");
        }
        row.crewWarning = noBoatman || twoBoats;
        row.crew = shorten.Fit(row.crew, row.crewWarning ? m.smallItalic : m.small, textWidth);
        row.colour = wxColour(wxString::FromUTF8(boat.colour));
        if (!row.colour.IsOk()) row.colour = wxColour(0x2E, 0x86, 0xAB);
    }

    m_columns.resize(columnCount);
    m_cells.resize(columnCount * rowCount);
    const int blockWidth = m.columnWidth - 2 * m.padding;
    std::vector<int> blocksPerRow(rowCount, 0);
    for (std::size_t c = 0; c < columnCount; ++c) {
        const auto& departure = planning.departures[c];
        ColumnLayout& column = m_columns[c];
        column.localStart = departure.departure.localStart;
        column.time = FormatWallTime(column.localStart);
        column.load = wxString::Format("%d/%d", departure.seatsHeld, departure.seatsTotal);
        column.timeWidth = shorten.Width(column.time, m.bold);
        column.loadWidth = shorten.Width(column.load, m.small);
        column.hourStart = column.localStart.count() % 60 == 0;
        column.closed = departure.closedReason.has_value();
        if (column.closed) {
            column.closedReason = shorten.Fit(wxString::FromUTF8(*departure.closedReason), m.smallItalic,
                                              m.columnWidth - 2 * m.padding);
            column.closedReasonWidth = shorten.Width(column.closedReason, m.smallItalic);
        }
        column.occupancy = departure.seatsTotal > 0 ? static_cast<double>(departure.seatsHeld) / departure.seatsTotal : 0.0;

        for (std::size_t r = 0; r < rowCount && r < departure.boats.size(); ++r) {
            const auto& load = departure.boats[r];
            CellLayout& cell = m_cells[c * rowCount + r];
            cell.held = load.held;
            cell.capacity = load.boat.capacity;
            cell.offered = load.offered();
            cell.outOfService = load.boat.status != domain::BoatStatus::InService;
            // A closed cell nobody sits in is only hatched; one with passengers (stranded by a
            // closure) keeps its count so nobody is forgotten.
            if (cell.offered || cell.held > 0) {
                cell.count = wxString::Format("%d/%d", cell.held, cell.capacity);
                cell.countWidth = shorten.Width(cell.count, m.smallBold);
            }
            // The departure-wide reason is in the header and the boat's status in its row header:
            // only a closure of this boat alone is written in the cell.
            if (load.closedReason && !column.closed && !cell.outOfService) {
                const int used = cell.count.empty() ? 0 : cell.countWidth + m.padding;
                cell.note = shorten.Fit(wxString::FromUTF8(*load.closedReason), m.smallItalic, blockWidth - used);
            }

            std::vector<std::size_t> shown;
            if (c < planning.cells.size() && r < planning.cells[c].size()) {
                for (std::size_t index : planning.cells[c][r]) {
                    if (IsShown(planning.bookings[index].state))
                        shown.push_back(index);
                    else
                        ++cell.inactive;
                }
            }
            std::size_t fits = shown.size();
            if (fits > static_cast<std::size_t>(m.maxBlocks)) fits = static_cast<std::size_t>(m.maxBlocks - 1);
            cell.hidden = static_cast<int>(shown.size() - fits);
            int y = m.padding + m.countHeight;
            for (std::size_t i = 0; i < fits; ++i) {
                BlockLayout block = MakeBlock(planning, shown[i], shorten);
                block.rect = wxRect(m.padding, y, blockWidth, m.blockHeight);
                cell.blocks.push_back(std::move(block));
                y += m.blockHeight + m.blockGap;
            }
            const int lines = static_cast<int>(fits) + (cell.hidden > 0 ? 1 : 0);
            blocksPerRow[r] = std::max(blocksPerRow[r], lines);
        }
    }

    int top = 0;
    for (std::size_t r = 0; r < rowCount; ++r) {
        int needed = m.padding * 2 + m.countHeight + blocksPerRow[r] * (m.blockHeight + m.blockGap);
        // The boat column's three lines (name, seats, boatman) must fit too.
        if (!m_rows[r].crew.empty())
            needed = std::max(needed, m.padding * 3 + m.normalTextHeight + 2 * m.smallTextHeight + 6);
        m_rows[r].top = top;
        m_rows[r].height = std::max(m.minRowHeight, needed);
        top += m_rows[r].height;
    }
}

BlockLayout PlanningLayout::MakeBlock(const app::DayPlanning& planning, std::size_t index, Shortener& shorten) const
{
    const auto& m = m_metrics;
    const domain::Booking& booking = planning.bookings[index];
    BlockLayout block;
    block.booking = index;
    block.state = booking.state;
    block.language = LanguageCode(booking.language);
    block.languageWidth = shorten.Width(block.language, m.code);
    // Between the state's edge and the right margin: party and name, then the badge, then the code.
    const int gap = m.padding;
    int room = m.columnWidth - 2 * m.padding - (m.strip + m.padding + 1) - m.padding;
    if (!block.language.empty()) room -= block.languageWidth + gap;
    const wxString party = PartyShort(booking.party);
    const wxString name = wxString::FromUTF8(booking.customerName);
    if (const auto owed = AmountToCollect(planning, index)) {
        // The currency alone, on every unpaid block at every zoom: even at 145 % a block has no
        // room for an amount and a readable name, and a badge that is sometimes a figure and
        // sometimes not reads as two different things. The figures are in the tooltip.
        block.collect = wxString::FromUTF8(owed->currency() == "EUR" ? "€" : owed->currency());
        block.collectTextWidth = shorten.Width(block.collect, m.code);
        block.collectWidth = std::max(block.collectTextWidth + 2 * m.badgePadding, m.smallTextHeight);
        room -= block.collectWidth + gap;
    }
    const wxString label = m.compact || name.empty() ? party : party + ' ' + name;
    block.label = shorten.Fit(label, m.small, std::max(0, room));
    return block;
}

wxSize PlanningLayout::VirtualSize() const
{
    return wxSize(m_metrics.rowHeaderWidth + ContentWidth(), m_metrics.headerHeight + ContentHeight());
}

int PlanningLayout::ColumnAt(int x) const
{
    if (x < 0 || m_metrics.columnWidth <= 0) return -1;
    const int column = x / m_metrics.columnWidth;
    return column < static_cast<int>(m_columns.size()) ? column : -1;
}

int PlanningLayout::RowAt(int y) const
{
    if (y < 0) return -1;
    const std::size_t row = FirstRowFrom(y);
    return row < m_rows.size() ? static_cast<int>(row) : -1;
}

std::size_t PlanningLayout::FirstRowFrom(int y) const
{
    auto it = std::upper_bound(m_rows.begin(), m_rows.end(), y,
                               [](int value, const RowLayout& row) { return value < row.top + row.height; });
    return static_cast<std::size_t>(it - m_rows.begin());
}

}  // namespace narcisse::ui
