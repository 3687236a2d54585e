// The first window: opens the store on the worker (creating the demo season on a first launch and
// saying so), then signs an employee in. Nothing here waits on the database.
#pragma once

#include "ui/async.h"
#include "ui/session.h"

#include <wx/dialog.h>
#include <wx/timer.h>

#include <functional>
#include <memory>

class wxButton;
class wxGauge;
class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

class NoteBox;

class SignInDialog : public wxDialog {
public:
    SignInDialog(wxWindow* parent, std::shared_ptr<Session> session);

    // Called on the UI thread once an employee has signed in (Session::employee is set). A modal
    // dialog then ends with wxID_OK; a modeless one is left to the caller.
    void SetOnSignedIn(std::function<void()> callback) { m_onSignedIn = std::move(callback); }

    // State and controls, for the launcher and the UI tests.
    bool IsReady() const { return m_state == State::Ready; }     // store open, waiting for input
    bool IsBusy() const { return m_state == State::Opening || m_state == State::SigningIn; }
    bool HasFailed() const { return m_state == State::Failed; }   // the store could not be used
    wxTextCtrl* LoginField() const { return m_login; }
    wxTextCtrl* PasswordField() const { return m_password; }
    wxButton* SignInButton() const { return m_signIn; }
    wxString ErrorText() const;
    wxString HintText() const;      // the demo credentials line, empty unless a demo database
    wxString NoticeText() const;    // what the first launch did, if anything

private:
    enum class State { Opening, Ready, SigningIn, SignedIn, Failed };

    void BuildLayout();
    void Prepare();
    void OnCreatingDemo();
    void OnPrepared(StoreInfo info);
    void OnSignedIn(domain::Employee employee);
    void OnFailed(const Failure& failure);
    void SignIn();
    void SetState(State state, const wxString& progress = {});
    void ShowError(const wxString& message);
    void OnLoginEnter(wxCommandEvent& event);
    void OnSignInButton(wxCommandEvent& event);
    void OnQuit(wxCommandEvent& event);
    void OnClose(wxCloseEvent& event);
    void OnPulse(wxTimerEvent& event);

    std::shared_ptr<Session> m_session;
    std::function<void()> m_onSignedIn;
    State m_state = State::Opening;
    wxTimer m_pulse;

    wxTextCtrl* m_login = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxButton* m_signIn = nullptr;
    NoteBox* m_notice = nullptr;
    NoteBox* m_hint = nullptr;
    wxStaticText* m_error = nullptr;
    wxGauge* m_gauge = nullptr;
    wxStaticText* m_progress = nullptr;
    wxStaticText* m_store = nullptr;
};

}  // namespace narcisse::ui
