// Closing a day, a time range, a departure or one boat: pick the scope and the reason, see the
// bookings it strands with a proposal each, move them (all at once or some) or cancel them,
// optionally tell the customers, and apply it all on the worker in one transaction.
#pragma once

#include "app/closures.h"
#include "app/planning.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <optional>

class wxButton;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class AffectedBookingsList;
struct AppliedClosure;
class NoteBox;

class ClosureDialog : public wxDialog {
public:
    enum class Scope { WholeDay, TimeRange, Departure, Boat };

    ClosureDialog(wxWindow* parent, Session& session, domain::LocalDate date);

    // For the planning (and the tests): preset what the user would pick.
    void SetScope(Scope scope);
    bool SelectDeparture(const wxString& hhmm);      // false when the day has no such departure
    bool SelectBoat(const wxString& name);
    void SetRange(const wxString& from, const wxString& to);
    void SetReason(const wxString& reason);
    void SetNotify(bool notify);

    void Preview();                                  // lists the stranded bookings (on the worker)
    void MoveAll();                                  // each to its selected proposal, when it has one
    void Apply();                                    // on the worker; the summary shows when done

    bool IsBusy() const { return m_busy; }
    bool IsReady() const { return m_day.has_value(); }   // the day's departures and boats are loaded
    bool HasPreview() const { return m_preview.has_value(); }
    bool IsApplied() const { return m_applied; }
    std::size_t AffectedCount() const { return m_preview ? m_preview->affected.size() : 0; }
    wxString ResultText() const;
    wxString ErrorText() const;

private:
    void BuildLayout();
    void OnDayLoaded(app::DayPlanning day);
    void OnPreview(app::ClosurePreview preview);
    void OnApplied(AppliedClosure applied);
    void OnFailed(const wxString& message);
    void ShowRows();
    void UpdateScopeFields();
    void SetBusy(bool busy);
    std::optional<app::ClosureScope> ScopeFromFields();

    Session& m_session;
    domain::LocalDate m_date;
    std::optional<app::DayPlanning> m_day;
    std::optional<app::ClosurePreview> m_preview;
    bool m_busy = false;
    bool m_applied = false;

    wxChoice* m_scope = nullptr;
    wxChoice* m_departure = nullptr;
    wxChoice* m_boat = nullptr;
    wxTextCtrl* m_from = nullptr;
    wxTextCtrl* m_to = nullptr;
    wxTextCtrl* m_reason = nullptr;
    wxButton* m_previewButton = nullptr;
    AffectedBookingsList* m_list = nullptr;
    wxButton* m_apply = nullptr;
    wxStaticText* m_error = nullptr;
    NoteBox* m_result = nullptr;
};

// Shows the dialog modally for `date`; the planning calls it from its menu or context menu.
// Returns true when a closure was applied (the caller reloads the day).
bool ShowClosureDialog(wxWindow* parent, Session& session, domain::LocalDate date);

}  // namespace narcisse::ui
