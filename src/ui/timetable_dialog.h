// The timetable editor: seasons (valid from/to, weekdays, first and last departure, interval, ride
// duration) and one-off changes on a date (an extra departure, a cancelled one). A change that
// would take away booked departures is refused and the bookings are listed here, to be moved or
// cancelled first. All store work runs on the session's worker.
#pragma once

#include "app/timetable_editing.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class wxButton;
class wxCheckBox;
class wxDatePickerCtrl;
class wxListBox;
class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class StrandedList;

class TimetableDialog : public wxDialog {
public:
    TimetableDialog(wxWindow* parent, std::shared_ptr<Session> session);

    // Called after each change that landed, so the planning can reload.
    void SetOnChanged(std::function<void()> callback) { m_onChanged = std::move(callback); }

    // State and controls, for the UI tests.
    bool IsBusy() const { return m_pending > 0; }
    bool IsLoaded() const { return m_loaded; }
    const app::TimetableOverview& Overview() const { return m_overview; }
    void SelectSeason(long index);
    void ShowChangesOf(domain::LocalDate date);
    wxTextCtrl* FirstDepartureField() const { return m_first; }
    wxTextCtrl* LastDepartureField() const { return m_last; }
    wxTextCtrl* ChangeTimeField() const { return m_changeTime; }
    wxTextCtrl* ChangeNoteField() const { return m_changeNote; }
    wxButton* SaveSeasonButton() const { return m_saveSeason; }
    wxButton* CancelDepartureButton() const { return m_cancelDeparture; }
    wxButton* AddDepartureButton() const { return m_addDeparture; }
    wxString ErrorText() const;
    wxWindow* HighlightedField() const { return m_highlighted; }
    std::vector<app::StrandedBooking> StrandedShown() const;

private:
    enum class Form { Season, Change };
    struct Outcome {
        app::TimetableOverview overview;
        std::optional<std::string> refusal;              // the StrandedBookings sentence
        std::vector<app::StrandedBooking> stranded;
    };

    void BuildLayout();
    wxSizer* BuildSeasons();
    wxSizer* BuildChanges();
    wxSizer* BuildRefusal();
    void Load();
    void Run(Form form, std::function<void(domain::Store&)> change);
    void OnLoaded(Outcome outcome);
    void OnFailed(Form form, const Failure& failure);
    void FillSeasons();
    void FillChanges();
    void FillSeasonForm(const domain::TimetableRule& rule);
    std::optional<domain::TimetableRule> ReadSeasonForm();
    void ClearProblems();
    void ShowError(const wxString& message, wxWindow* field = nullptr);

    void OnSeasonSelected();
    void OnNewSeason();
    void OnSaveSeason();
    void OnDeleteSeason();
    void OnAddDeparture();
    void OnCancelDeparture();
    void OnRemoveChange();

    std::shared_ptr<Session> m_session;
    std::function<void()> m_onChanged;
    app::TimetableOverview m_overview;
    bool m_loaded = false;
    int m_pending = 0;
    std::optional<domain::Uuid> m_editing;   // the season in the form; empty: a new one
    wxWindow* m_highlighted = nullptr;

    wxListCtrl* m_seasons = nullptr;
    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxWindow* m_weekdayBox = nullptr;
    std::array<wxCheckBox*, 7> m_weekdays{};
    wxTextCtrl* m_first = nullptr;
    wxTextCtrl* m_last = nullptr;
    wxSpinCtrl* m_interval = nullptr;
    wxSpinCtrl* m_ride = nullptr;
    wxButton* m_saveSeason = nullptr;
    wxButton* m_deleteSeason = nullptr;
    wxStaticText* m_formTitle = nullptr;

    wxDatePickerCtrl* m_changeDate = nullptr;
    wxListBox* m_departures = nullptr;
    wxListBox* m_changes = nullptr;
    wxTextCtrl* m_changeTime = nullptr;
    wxSpinCtrl* m_changeRide = nullptr;
    wxTextCtrl* m_changeNote = nullptr;
    wxButton* m_addDeparture = nullptr;
    wxButton* m_cancelDeparture = nullptr;
    wxButton* m_removeChange = nullptr;

    wxStaticText* m_error = nullptr;
    wxStaticText* m_strandedTitle = nullptr;
    StrandedList* m_stranded = nullptr;
};

// Opens the timetable editor (modeless; it destroys itself when closed) and returns it.
TimetableDialog* ShowTimetableDialog(wxWindow* parent, std::shared_ptr<Session> session);

}  // namespace narcisse::ui
