// The employee form: add a new employee or edit one. The use case checks what is typed; a refusal
// shows under the form with the field it names highlighted. Store work runs on the session's worker.
#pragma once

#include "domain/staff.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class wxCheckBox;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class EmployeeDialog : public wxDialog {
public:
    // Without `employee`, the form adds a new one (and asks for an initial password).
    EmployeeDialog(wxWindow* parent, std::shared_ptr<Session> session, std::optional<domain::Employee> employee);

    // Called once the save landed, before the dialog closes.
    void SetOnSaved(std::function<void(const domain::Employee&)> callback) { m_onSaved = std::move(callback); }

    // Controls and state, for the UI tests.
    wxTextCtrl* LoginField() const { return m_login; }
    wxTextCtrl* NameField() const { return m_name; }
    wxTextCtrl* PasswordField() const { return m_password; }
    wxTextCtrl* LicenceExpiryField() const { return m_licenceExpiry; }
    wxButton* SaveButton() const { return m_save; }
    wxWindow* HighlightedField() const { return m_highlighted; }
    wxString ErrorText() const;
    bool IsBusy() const { return m_busy; }

private:
    void BuildLayout();
    void Fill(const domain::Employee& e);
    void OnSave();
    void ShowFailure(const Failure& failure);
    void ClearError();

    std::shared_ptr<Session> m_session;
    std::optional<domain::Employee> m_employee;
    std::function<void(const domain::Employee&)> m_onSaved;
    bool m_busy = false;

    wxTextCtrl* m_login = nullptr;
    wxTextCtrl* m_name = nullptr;
    wxChoice* m_role = nullptr;
    wxTextCtrl* m_email = nullptr;
    wxTextCtrl* m_phone = nullptr;
    wxCheckBox* m_canSignIn = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxTextCtrl* m_licenceNumber = nullptr;
    wxTextCtrl* m_licenceExpiry = nullptr;
    wxTextCtrl* m_notes = nullptr;
    wxStaticText* m_error = nullptr;
    wxButton* m_save = nullptr;
    wxWindow* m_highlighted = nullptr;
    std::map<std::string, wxWindow*> m_fields;   // the use cases' field names → their controls
};

}  // namespace narcisse::ui
