#include "ui/move_dialog.h"

#include "domain/moves.h"
#include "ui/format.h"

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace narcisse::ui {

MoveDialog::MoveDialog(wxWindow* parent, std::shared_ptr<const app::DayPlanning> planning, std::size_t booking,
                       const domain::BusinessSettings& settings, domain::Instant now)
    : wxDialog(parent, wxID_ANY, _("Move booking"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_planning(std::move(planning)), m_booking(booking), m_settings(settings), m_now(now)
{
    const auto& p = *m_planning;
    const domain::Booking& b = p.bookings[m_booking];
    const domain::BusinessZone zone(p.timeZone);
    const int seats = b.party.seats(m_settings.babiesTakeSeat);

    wxString boatName;
    for (const auto& boat : p.boats)
        if (boat.id == b.boatId) boatName = wxString::FromUTF8(boat.name);
    wxString who = wxString::FromUTF8(b.ref.str()) + wxString::FromUTF8(" · ") + PartyShort(b.party);
    if (!b.customerName.empty()) who += wxString::FromUTF8(" · ") + wxString::FromUTF8(b.customerName);
    auto* title = new wxStaticText(this, wxID_ANY, who);
    title->SetFont(GetFont().Bold());
    auto* where = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("Now on %s at %s · %d seats to find"), boatName, FormatWallTime(zone.localMinutes(b.departureStart)), seats));

    m_departures = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(230, 300)));
    for (const auto& d : p.departures) {
        wxString label = FormatWallTime(d.departure.localStart) + wxString::FromUTF8(" · ");
        if (d.departure.start == b.departureStart)
            label += _("its departure");
        else if (d.departure.start <= m_now)
            label += _("has left");
        else if (d.closedReason)
            label += wxString::Format(_("closed: %s"), wxString::FromUTF8(*d.closedReason));
        else
            label += wxString::Format(wxPLURAL("%d seat free", "%d seats free", d.seatsFree), d.seatsFree);
        m_departures->Append(label);
    }
    m_boats = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(300, 300)));
    m_verdict = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(540, -1)), wxST_NO_AUTORESIZE);

    auto* lists = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    lists->AddGrowableCol(0, 2);
    lists->AddGrowableCol(1, 3);
    lists->AddGrowableRow(1);
    lists->Add(new wxStaticText(this, wxID_ANY, _("&Departure")));
    lists->Add(new wxStaticText(this, wxID_ANY, _("&Boat")));
    lists->Add(m_departures, wxSizerFlags(1).Expand());
    lists->Add(m_boats, wxSizerFlags(1).Expand());

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(title, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    top->Add(where, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    top->Add(lists, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    top->Add(m_verdict, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = dynamic_cast<wxButton*>(FindWindow(wxID_OK))) ok->SetLabel(_("&Move"));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(top);

    m_departures->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { FillBoats(); });
    m_boats->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { UpdateVerdict(); });
    m_departures->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { m_boats->SetFocus(); });
    m_boats->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) {
        if (CanMove()) EndModal(wxID_OK);
    });

    // Start on the nearest departure with room (same day first), else on the booking's own.
    int start = 0;
    const auto proposals = domain::nearestDepartures(b, p.departures, zone, m_now, m_settings, 1);
    for (std::size_t c = 0; c < p.departures.size(); ++c) {
        const auto& d = p.departures[c].departure;
        if (proposals.empty() ? d.start == b.departureStart : d.start == proposals.front().departure.start)
            start = static_cast<int>(c);
    }
    SelectDeparture(start);
    m_departures->SetFocus();
}

std::optional<int> MoveDialog::BestRow(int column) const
{
    const auto& p = *m_planning;
    const domain::Booking& b = p.bookings[m_booking];
    auto target = p.departures[static_cast<std::size_t>(column)];
    if (target.departure.start == b.departureStart)
        for (auto& load : target.boats)
            if (load.boat.id == b.boatId) load.closedReason = "";   // staying put is not a move
    const auto best = domain::bestBoat(target, b.party.seats(m_settings.babiesTakeSeat));
    if (!best) return std::nullopt;
    for (std::size_t r = 0; r < p.boats.size(); ++r)
        if (p.boats[r].id == *best) return static_cast<int>(r);
    return std::nullopt;
}

void MoveDialog::FillBoats()
{
    const int column = Column();
    const auto& p = *m_planning;
    const domain::Booking& b = p.bookings[m_booking];
    const auto& target = p.departures[static_cast<std::size_t>(column)];
    m_boats->Clear();
    const auto best = BestRow(column);
    m_boats->Append(best ? wxString::Format(_("Best fit: %s"), wxString::FromUTF8(p.boats[static_cast<std::size_t>(*best)].name))
                         : _("Best fit: no boat has room"));
    for (std::size_t r = 0; r < p.boats.size() && r < target.boats.size(); ++r) {
        const auto& load = target.boats[r];
        wxString label = wxString::FromUTF8(load.boat.name) + wxString::FromUTF8(" · ");
        if (target.departure.start == b.departureStart && load.boat.id == b.boatId)
            label += _("where it is");
        else if (load.closedReason)
            label += wxString::Format(_("closed: %s"), wxString::FromUTF8(*load.closedReason));
        else if (load.boat.status != domain::BoatStatus::InService)
            label += _("out of service");
        else
            label += wxString::Format(_("%d of %d seats free"), load.free(), load.boat.capacity);
        m_boats->Append(label);
    }
    m_boats->SetSelection(0);
    UpdateVerdict();
}

void MoveDialog::UpdateVerdict()
{
    const auto& p = *m_planning;
    const int column = Column();
    const auto row = Row() ? Row() : BestRow(column);
    const auto& target = p.departures[static_cast<std::size_t>(column)];
    if (!row) {
        const auto& b = p.bookings[m_booking];
        m_refusal = wxString::Format(_("No boat has %d free seats at %s."), b.party.seats(m_settings.babiesTakeSeat),
                                     FormatWallTime(target.departure.localStart))
                        .utf8_string();
    } else {
        m_refusal = domain::moveRefusal(p.bookings[m_booking], target, p.boats[static_cast<std::size_t>(*row)].id, m_now,
                                        m_settings);
    }
    if (m_refusal) {
        m_verdict->SetLabel(wxString::FromUTF8("✗ ") + wxString::FromUTF8(*m_refusal));
        m_verdict->SetForegroundColour(wxColour(0xB0, 0x20, 0x20));
    } else {
        const auto& load = target.boats[static_cast<std::size_t>(*row)];
        m_verdict->SetLabel(wxString::FromUTF8("✓ ") +
                            wxString::Format(_("%s at %s: %d seats free"), wxString::FromUTF8(load.boat.name),
                                             FormatWallTime(target.departure.localStart), load.free()));
        m_verdict->SetForegroundColour(wxColour(0x1E, 0x7B, 0x34));
    }
    if (auto* ok = FindWindow(wxID_OK)) ok->Enable(!m_refusal);
    Layout();
}

int MoveDialog::Column() const
{
    return std::max(0, m_departures->GetSelection());
}

std::optional<int> MoveDialog::Row() const
{
    const int selection = m_boats->GetSelection();
    if (selection <= 0) return std::nullopt;
    return selection - 1;
}

void MoveDialog::SelectDeparture(int column)
{
    if (column < 0 || column >= static_cast<int>(m_departures->GetCount())) return;
    m_departures->SetSelection(column);
    m_departures->EnsureVisible(column);
    FillBoats();
}

void MoveDialog::SelectBoat(std::optional<int> row)
{
    m_boats->SetSelection(row ? *row + 1 : 0);
    UpdateVerdict();
}

wxString MoveDialog::VerdictText() const
{
    return m_verdict->GetLabel();
}

std::vector<wxString> MoveDialog::DepartureLabels() const
{
    std::vector<wxString> labels;
    for (unsigned i = 0; i < m_departures->GetCount(); ++i) labels.push_back(m_departures->GetString(i));
    return labels;
}

std::vector<wxString> MoveDialog::BoatLabels() const
{
    std::vector<wxString> labels;
    for (unsigned i = 0; i < m_boats->GetCount(); ++i) labels.push_back(m_boats->GetString(i));
    return labels;
}

}  // namespace narcisse::ui
