// The crew of one day: each boat with its boatman, chosen in a list per boat or dragged from the
// list of boatmen onto the boat. Warnings (a boat booked without a boatman, a boatman on two
// boats) and refusals show on the boat's row. All store work runs on the session's worker.
#pragma once

#include "app/crew.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <functional>
#include <memory>
#include <vector>

class wxChoice;
class wxListBox;
class wxPanel;
class wxStaticText;

namespace narcisse::ui {

class CrewDialog : public wxDialog {
public:
    CrewDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::LocalDate date);

    // Called after each change that landed, so the planning can reload.
    void SetOnChanged(std::function<void()> callback) { m_onChanged = std::move(callback); }

    // State and controls, for the UI tests.
    bool IsBusy() const { return m_pending > 0; }
    bool IsLoaded() const { return m_loaded; }
    std::size_t RowCount() const { return m_rows.size(); }
    wxString BoatName(std::size_t row) const;
    wxChoice* BoatmanChoice(std::size_t row) const { return m_rows[row].choice; }
    wxString BoatmanShown(std::size_t row) const;   // the name the row's list shows, empty for none
    wxString RowMessage(std::size_t row) const;     // the warning or refusal under the boat, if any
    wxListBox* Boatmen() const { return m_boatmen; }
    // What a drop of `employeeId` on a row does (drag and drop ends here).
    void AssignDropped(std::size_t row, const wxString& employeeId);

private:
    struct Row {
        domain::Boat boat;
        wxPanel* panel = nullptr;
        wxChoice* choice = nullptr;
        wxStaticText* bookings = nullptr;
        wxStaticText* message = nullptr;
        std::vector<domain::Uuid> choices;   // employee of each entry after "no boatman"
        std::optional<domain::Uuid> current;
        wxString refusal;                    // the last refusal, kept until the next change
    };

    void BuildLayout();
    void Load();
    void OnLoaded(app::CrewDay day);
    void BuildRows();
    void FillRow(Row& row);
    void OnChoice(std::size_t index);
    void Assign(std::size_t index, std::optional<domain::Uuid> employee);
    void OnChanged(std::size_t index, app::CrewChange change);
    void OnRefused(std::size_t index, const Failure& failure);
    void OnBoatmenDrag(wxMouseEvent& event);

    std::shared_ptr<Session> m_session;
    domain::LocalDate m_date;
    std::function<void()> m_onChanged;
    app::CrewDay m_day;
    bool m_loaded = false;
    int m_pending = 0;
    std::vector<Row> m_rows;
    std::vector<domain::Uuid> m_boatmanIds;   // parallel to m_boatmen's entries

    wxListBox* m_boatmen = nullptr;
    wxPanel* m_rowsPanel = nullptr;
    wxStaticText* m_summary = nullptr;
    wxStaticText* m_loadError = nullptr;
};

// Opens the crew dialog of `date` (modeless; it destroys itself when closed) and returns it.
CrewDialog* ShowCrewDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::LocalDate date);

}  // namespace narcisse::ui
