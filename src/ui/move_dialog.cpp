#include "ui/move_dialog.h"

#include "domain/moves.h"
#include "ui/async.h"
#include "ui/format.h"

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace narcisse::ui {

MoveDialog::MoveDialog(wxWindow* parent, std::shared_ptr<const app::DayPlanning> planning, std::size_t booking,
                       const domain::BusinessSettings& settings, domain::Instant now, app::Worker* worker)
    : wxDialog(parent, wxID_ANY, _("Move booking"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_planning(std::move(planning)), m_day(m_planning), m_booking(m_planning->bookings[booking]), m_settings(settings),
      m_now(now), m_worker(worker)
{
    const auto& p = *m_planning;
    const domain::Booking& b = m_booking;
    const domain::BusinessZone zone(p.timeZone);
    const int seats = b.party.seats(m_settings.babiesTakeSeat);

    for (const auto& boat : p.boats)
        if (boat.id == b.boatId) m_boatName = wxString::FromUTF8(boat.name);
    wxString who = wxString::FromUTF8(b.ref.str()) + wxString::FromUTF8(" · ") + PartyShort(b.party);
    if (!b.customerName.empty()) who += wxString::FromUTF8(" · ") + wxString::FromUTF8(b.customerName);
    auto* title = new wxStaticText(this, wxID_ANY, who);
    title->SetFont(GetFont().Bold());
    auto* where = new wxStaticText(this, wxID_ANY,
                                   wxString::Format(_("Now on %s, %s at %s · %d seats to find"), m_boatName,
                                                    FormatLongDate(p.date), FormatWallTime(zone.localMinutes(b.departureStart)),
                                                    seats));

    auto* dateLabel = new wxStaticText(this, wxID_ANY, _("D&ay"));
    m_date = new wxDatePickerCtrl(this, wxID_ANY, ToWxDate(p.date), wxDefaultPosition, wxDefaultSize,
                                  wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    m_date->SetToolTip(_("The day to move it to (Up and Down: the day before or after)"));
    m_date->Enable(m_worker != nullptr);
    m_departures = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(230, 300)));
    m_boats = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(300, 300)));
    m_verdict = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(540, -1)), wxST_NO_AUTORESIZE);

    auto* day = new wxBoxSizer(wxHORIZONTAL);
    day->Add(dateLabel, wxSizerFlags().CenterVertical());
    day->Add(m_date, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));

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
    top->Add(day, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    top->Add(lists, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    top->Add(m_verdict, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = dynamic_cast<wxButton*>(FindWindow(wxID_OK))) ok->SetLabel(_("&Move"));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(top);

    m_date->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent& event) {
        if (event.GetDate().IsValid()) SelectDate(FromWxDate(event.GetDate()));
    });
    Bind(wxEVT_CHAR_HOOK, &MoveDialog::OnCharHook, this);
    m_departures->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { FillBoats(); });
    m_boats->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { UpdateVerdict(); });
    m_departures->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { m_boats->SetFocus(); });
    m_boats->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) {
        if (CanMove()) EndModal(wxID_OK);
    });

    ShowDay(m_planning);
    m_departures->SetFocus();
}

domain::LocalDate MoveDialog::Date() const
{
    return FromWxDate(m_date->GetValue());
}

void MoveDialog::SelectDate(domain::LocalDate date)
{
    if (FromWxDate(m_date->GetValue()) != date) m_date->SetValue(ToWxDate(date));   // no event
    const std::uint64_t generation = ++m_generation;
    if (date == m_planning->date) {
        ShowDay(m_planning);
        return;
    }
    if (!m_worker) return;
    m_loading = true;
    m_refusal = std::string();
    m_departures->Clear();
    m_boats->Clear();
    m_departures->Disable();
    m_boats->Disable();
    m_verdict->SetLabel(wxString::Format(_("Loading the departures of %s…"), FormatLongDate(date)));
    m_verdict->SetForegroundColour(GetForegroundColour());
    if (auto* ok = FindWindow(wxID_OK)) ok->Disable();
    const domain::Instant now = m_now;
    RunOnWorker(
        *m_worker, this, [date, now](domain::Store& store) { return app::loadDayPlanning(store, date, now); },
        [generation](MoveDialog& dialog, app::DayPlanning day) {
            if (generation != dialog.m_generation) return;
            dialog.ShowDay(std::make_shared<const app::DayPlanning>(std::move(day)));
        },
        [generation](MoveDialog& dialog, const Failure& failure) { dialog.OnDayFailed(generation, failure.message); });
}

void MoveDialog::OnDayFailed(std::uint64_t generation, const wxString& message)
{
    if (generation != m_generation) return;
    m_loading = false;
    m_day.reset();
    m_refusal = message.utf8_string();
    m_verdict->SetLabel(wxString::Format(_("✗ The departures could not be loaded: %s"), message));
    m_verdict->SetForegroundColour(wxColour(0xB0, 0x20, 0x20));
    if (auto* ok = FindWindow(wxID_OK)) ok->Disable();
    Layout();
}

void MoveDialog::OnCharHook(wxKeyEvent& event)
{
    // Up and Down on the date (not in its open calendar): the day before or after.
    const int key = event.GetKeyCode();
    wxWindow* focus = FindFocus();
    bool onDate = false;
    for (wxWindow* w = focus; w && !w->IsTopLevel(); w = w->GetParent())
        if (w == m_date) onDate = true;
    if (onDate && m_worker && event.GetModifiers() == wxMOD_NONE && (key == WXK_UP || key == WXK_DOWN)) {
        SelectDate(AddDays(Date(), key == WXK_UP ? -1 : +1));
        return;
    }
    // Enter on the date goes to the departures rather than moving at once.
    if (onDate && (key == WXK_RETURN || key == WXK_NUMPAD_ENTER)) {
        if (m_departures->IsEnabled()) m_departures->SetFocus();
        return;
    }
    event.Skip();
}

void MoveDialog::ShowDay(std::shared_ptr<const app::DayPlanning> day)
{
    m_loading = false;
    m_day = std::move(day);
    m_departures->Enable();
    m_boats->Enable();
    FillDepartures();

    // Start on the nearest departure with room (the booking's day first), else on its own.
    const auto& p = *m_day;
    int start = 0;
    const domain::BusinessZone zone(p.timeZone);
    const auto proposals = domain::nearestDepartures(m_booking, p.departures, zone, m_now, m_settings, 1);
    for (std::size_t c = 0; c < p.departures.size(); ++c) {
        const auto& d = p.departures[c].departure;
        if (proposals.empty() ? d.start == m_booking.departureStart : d.start == proposals.front().departure.start)
            start = static_cast<int>(c);
    }
    if (p.departures.empty()) {
        m_boats->Clear();
        UpdateVerdict();
    } else {
        SelectDeparture(start);
    }
}

void MoveDialog::FillDepartures()
{
    const auto& b = m_booking;
    m_departures->Clear();
    for (const auto& d : m_day->departures) {
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
}

std::optional<int> MoveDialog::BestRow(int column) const
{
    const auto& p = *m_day;
    const domain::Booking& b = m_booking;
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
    if (!m_day || m_loading || m_day->departures.empty()) return;
    const int column = Column();
    const auto& p = *m_day;
    const domain::Booking& b = m_booking;
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
    if (!m_day || m_loading) return;
    const auto& p = *m_day;
    const domain::Booking& b = m_booking;
    const bool otherDay = p.date != m_planning->date;
    if (p.departures.empty()) {
        m_refusal = wxString::Format(_("No departures on %s."), FormatLongDate(p.date)).utf8_string();
    } else {
        const int column = Column();
        const auto row = Row() ? Row() : BestRow(column);
        const auto& target = p.departures[static_cast<std::size_t>(column)];
        if (!row) {
            const int seats = b.party.seats(m_settings.babiesTakeSeat);
            const wxString time = FormatWallTime(target.departure.localStart);
            m_refusal = (otherDay ? wxString::Format(_("No boat has %d free seats on %s at %s."), seats, FormatLongDate(p.date), time)
                                  : wxString::Format(_("No boat has %d free seats at %s."), seats, time))
                            .utf8_string();
        } else {
            m_refusal = domain::moveRefusal(b, target, p.boats[static_cast<std::size_t>(*row)].id, m_now, m_settings);
        }
        if (!m_refusal) {
            const auto& load = target.boats[static_cast<std::size_t>(*row)];
            const wxString boat = wxString::FromUTF8(load.boat.name);
            const wxString time = FormatWallTime(target.departure.localStart);
            m_verdict->SetLabel(wxString::FromUTF8("✓ ") +
                                (otherDay ? wxString::Format(_("%s on %s at %s: %d seats free"), boat, FormatLongDate(p.date), time,
                                                             load.free())
                                          : wxString::Format(_("%s at %s: %d seats free"), boat, time, load.free())));
            m_verdict->SetForegroundColour(wxColour(0x1E, 0x7B, 0x34));
        }
    }
    if (m_refusal) {
        m_verdict->SetLabel(wxString::FromUTF8("✗ ") + wxString::FromUTF8(*m_refusal));
        m_verdict->SetForegroundColour(wxColour(0xB0, 0x20, 0x20));
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
    if (m_boats->IsEmpty()) return;
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
