// The planning's tooltips: what a desk manager wants to know about a booking, a cell, a departure
// or a boat without opening anything.
#include "ui/format.h"
#include "ui/planning_grid.h"

namespace narcisse::ui {
namespace {

wxString BookingTip(const app::DayPlanning& planning, std::size_t index)
{
    const domain::Booking& booking = planning.bookings[index];
    wxString tip = wxString::FromUTF8(booking.ref.str()) + wxString::FromUTF8(" · ") + StateName(booking.state);
    if (!booking.customerName.empty()) tip += '\n' + wxString::FromUTF8(booking.customerName);
    tip += '\n' + PartyLong(booking.party);
    tip += '\n' + wxString::Format(_("Booked via: %s"), ChannelName(booking.channel));
    tip += '\n' + wxString::Format(_("Language: %s"), LanguageName(booking.language));
    tip += '\n' + wxString::Format(_("Total: %s"), FormatMoney(booking.total));
    if (const auto paid = AmountPaid(planning, index)) tip += '\n' + wxString::Format(_("Paid: %s"), FormatMoney(*paid));
    // TRANSLATORS: in a booking's tooltip: the money the desk or the boatman still has to take
    if (const auto owed = AmountToCollect(planning, index))
        tip += '\n' + wxString::Format(_("To collect: %s"), FormatMoney(*owed));
    if (!booking.notes.empty()) tip += '\n' + wxString::FromUTF8(booking.notes);
    return tip;
}

}  // namespace

wxString PlanningGrid::TooltipAt(const wxPoint& point) const
{
    if (!m_planning || !m_message.empty()) return {};
    const auto& m = m_layout.Metrics();
    const wxPoint content = point + ScrollOffset() - wxPoint(m.rowHeaderWidth, m.headerHeight);
    const int column = point.x >= m.rowHeaderWidth ? m_layout.ColumnAt(content.x) : -1;
    const int row = point.y >= m.headerHeight ? m_layout.RowAt(content.y) : -1;

    if (point.y < m.headerHeight) {
        if (column < 0) return {};
        const auto& departure = m_planning->departures[static_cast<std::size_t>(column)];
        wxString tip = wxString::Format(_("Departure at %s"), m_layout.Columns()[static_cast<std::size_t>(column)].time);
        tip += '\n' + wxString::Format(_("%d of %d seats held, %d free"), departure.seatsHeld, departure.seatsTotal,
                                       departure.seatsFree);
        if (departure.closedReason) tip += '\n' + wxString::Format(_("Closed: %s"), wxString::FromUTF8(*departure.closedReason));
        return tip;
    }
    if (row < 0) return {};
    const auto& boat = m_planning->boats[static_cast<std::size_t>(row)];
    if (point.x < m.rowHeaderWidth) {
        wxString tip = wxString::FromUTF8(boat.name);
        tip += '\n' + wxString::Format(wxPLURAL("%d seat", "%d seats", boat.capacity), boat.capacity);
        if (boat.status == domain::BoatStatus::Maintenance) tip += '\n' + _("In maintenance: not offered for sale");
        return tip;
    }
    if (column < 0) return {};

    const CellLayout& cell = m_layout.Cell(static_cast<std::size_t>(column), static_cast<std::size_t>(row));
    const wxPoint inCell(content.x - column * m.columnWidth, content.y - m_layout.Rows()[static_cast<std::size_t>(row)].top);
    for (const BlockLayout& block : cell.blocks)
        if (block.rect.Contains(inCell)) return BookingTip(*m_planning, block.booking);

    const auto& load = m_planning->departures[static_cast<std::size_t>(column)].boats[static_cast<std::size_t>(row)];
    wxString tip = wxString::Format(_("%s at %s"), wxString::FromUTF8(boat.name),
                                    m_layout.Columns()[static_cast<std::size_t>(column)].time);
    tip += '\n' + wxString::Format(_("%d of %d seats held"), cell.held, cell.capacity);
    if (load.closedReason)
        tip += '\n' + wxString::Format(_("Closed: %s"), wxString::FromUTF8(*load.closedReason));
    else if (cell.outOfService)
        tip += '\n' + _("Boat out of service");
    if (cell.hidden > 0)
        tip += '\n' + wxString::Format(wxPLURAL("%d more booking not shown", "%d more bookings not shown", cell.hidden),
                                       cell.hidden);
    if (cell.inactive > 0)
        tip += '\n' + wxString::Format(wxPLURAL("%d cancelled or expired booking", "%d cancelled or expired bookings",
                                                cell.inactive),
                                       cell.inactive);
    return tip;
}

}  // namespace narcisse::ui
