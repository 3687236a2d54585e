// Moving a booking with the keyboard: the departures of the day and the boats of the chosen one,
// each with its free seats, and whether the rules allow the move (domain::moveRefusal on the day
// shown; the move's transaction checks again).
#pragma once

#include "app/planning.h"

#include <wx/dialog.h>

#include <memory>
#include <optional>

class wxListBox;
class wxStaticText;

namespace narcisse::ui {

class MoveDialog : public wxDialog {
public:
    MoveDialog(wxWindow* parent, std::shared_ptr<const app::DayPlanning> planning, std::size_t booking,
               const domain::BusinessSettings& settings, domain::Instant now);

    int Column() const;               // the departure chosen, an index of the day's departures
    std::optional<int> Row() const;   // the boat chosen; nothing: the best-fitting one
    void SelectDeparture(int column);
    void SelectBoat(std::optional<int> row);
    bool CanMove() const { return !m_refusal; }
    wxString VerdictText() const;
    std::vector<wxString> DepartureLabels() const;
    std::vector<wxString> BoatLabels() const;

private:
    void FillBoats();
    void UpdateVerdict();
    // The boat the party fits best at `column`, never the one it already sits on there.
    std::optional<int> BestRow(int column) const;

    std::shared_ptr<const app::DayPlanning> m_planning;
    std::size_t m_booking;
    domain::BusinessSettings m_settings;
    domain::Instant m_now;
    std::optional<std::string> m_refusal;

    wxListBox* m_departures = nullptr;
    wxListBox* m_boats = nullptr;
    wxStaticText* m_verdict = nullptr;
};

}  // namespace narcisse::ui
