// One employee's days off: listed upcoming first (past ones greyed), added with a date range and a
// reason, removed after asking. The staff use cases check what is typed; a refusal shows under the
// form with the field it names highlighted. Store work runs on the session's worker.
#pragma once

#include "app/staff.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

class wxButton;
class wxDatePickerCtrl;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class DaysOffDialog : public wxDialog {
public:
    DaysOffDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::Employee employee);

    // Called after a day off was added or removed, so the screen behind can read again.
    void SetOnChanged(std::function<void()> callback) { m_onChanged = std::move(callback); }
    // Asks before a removal; a message box unless replaced (the UI tests answer it themselves).
    void SetConfirm(std::function<bool(const wxString& question)> confirm) { m_confirm = std::move(confirm); }

    // Controls and state, for the UI tests.
    const std::vector<app::DayOffRow>& DaysOff() const { return m_rows; }   // in the list's order
    wxListCtrl* List() const { return m_list; }
    wxDatePickerCtrl* FromField() const { return m_from; }
    wxDatePickerCtrl* ToField() const { return m_to; }
    wxTextCtrl* ReasonField() const { return m_reason; }
    wxButton* AddButton() const { return m_add; }
    wxButton* RemoveButton() const { return m_remove; }
    wxWindow* HighlightedField() const { return m_highlighted; }
    wxString ErrorText() const;
    wxString StatusText() const;
    bool IsPast(long row) const;
    bool IsBusy() const { return m_pending > 0; }
    bool IsLoaded() const { return m_loaded; }

private:
    void BuildLayout();
    void Reload();
    void OnLoaded(std::vector<app::DayOffRow> rows);
    void OnAdd();
    void OnRemove();
    void UpdateButtons();
    void ShowFailure(const Failure& failure);
    void ClearError();
    void Changed(const wxString& status);

    std::shared_ptr<Session> m_session;
    domain::Employee m_employee;
    domain::LocalDate m_today;
    std::function<void()> m_onChanged;
    std::function<bool(const wxString&)> m_confirm;
    std::vector<app::DayOffRow> m_rows;
    wxString m_notice;                           // what the last change did
    wxString m_counts;                           // how many upcoming and past
    bool m_loaded = false;
    int m_pending = 0;

    wxListCtrl* m_list = nullptr;
    wxButton* m_remove = nullptr;
    wxDatePickerCtrl* m_from = nullptr;
    wxDatePickerCtrl* m_to = nullptr;
    wxTextCtrl* m_reason = nullptr;
    wxButton* m_add = nullptr;
    wxStaticText* m_error = nullptr;
    wxStaticText* m_status = nullptr;
    wxWindow* m_highlighted = nullptr;
    wxWindow* m_highlightedLabel = nullptr;
    std::map<std::string, wxWindow*> m_fields;   // the use cases' field names → their controls
    std::map<std::string, wxWindow*> m_labels;   // … and their labels
};

}  // namespace narcisse::ui
