#include "ui/sign_in_dialog.h"

#include "app/sign_in.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/note_box.h"

#include <wx/gauge.h>
#include <wx/statbmp.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace narcisse::ui {
namespace {

const wxColour kErrorColour(0xC5, 0x30, 0x30);
const wxColour kHintBackground(0xFF, 0xF6, 0xD9);
const wxColour kHintBorder(0xE9, 0xCF, 0x7F);
const wxColour kNoticeBackground(0xE3, 0xF1, 0xE8);
const wxColour kNoticeBorder(0x9F, 0xCF, 0xB0);
const wxColour kMutedText(0x5F, 0x6B, 0x7A);
const wxColour kBodyText(0x23, 0x2F, 0x3E);

}  // namespace

SignInDialog::SignInDialog(wxWindow* parent, std::shared_ptr<Session> session)
    : wxDialog(parent, wxID_ANY, _("Sign in — Sweet Narcisse"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE),
      m_session(std::move(session)),
      m_pulse(this)
{
    SetIcons(GetAppIcons());
    BuildLayout();
    Bind(wxEVT_TIMER, &SignInDialog::OnPulse, this);
    Bind(wxEVT_CLOSE_WINDOW, &SignInDialog::OnClose, this);
    Bind(wxEVT_BUTTON, &SignInDialog::OnSignInButton, this, wxID_OK);
    Bind(wxEVT_BUTTON, &SignInDialog::OnQuit, this, wxID_CANCEL);
    m_login->Bind(wxEVT_TEXT_ENTER, &SignInDialog::OnLoginEnter, this);
    m_password->Bind(wxEVT_TEXT_ENTER, &SignInDialog::OnSignInButton, this);
    SetState(State::Opening, _("Opening the database…"));
    if (m_session->store)
        OnPrepared(*m_session->store);
    else
        Prepare();
}

void SignInDialog::BuildLayout()
{
    const int gap = FromDIP(12);
    auto* top = new wxBoxSizer(wxVERTICAL);

    // The header: who this program is for, so a desk with several programs open knows at a glance.
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(new wxStaticBitmap(this, wxID_ANY, ui::GetIcon("narcisse", 56)), wxSizerFlags().CenterVertical());
    auto* titles = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Sweet Narcisse"));
    title->SetFont(GetFont().Scaled(1.6f).Bold());
    title->SetForegroundColour(kBodyText);
    auto* subtitle = new wxStaticText(this, wxID_ANY, _("Back-office · boat rides on the canals of Colmar"));
    subtitle->SetForegroundColour(kMutedText);
    titles->Add(title);
    titles->Add(subtitle, wxSizerFlags().Border(wxTOP, FromDIP(2)));
    header->Add(titles, wxSizerFlags(1).CenterVertical().Border(wxLEFT, gap));
    top->Add(header, wxSizerFlags().Expand().Border(wxALL, FromDIP(18)));

    auto* body = new wxBoxSizer(wxVERTICAL);
    m_notice = new NoteBox(this, kNoticeBackground, kNoticeBorder);
    body->Add(m_notice, wxSizerFlags().Expand().Border(wxBOTTOM, gap));

    auto* fields = new wxFlexGridSizer(2, FromDIP(8), gap);
    fields->AddGrowableCol(1);
    m_login = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(240, -1)),
                             wxTE_PROCESS_ENTER);
    m_password = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(240, -1)),
                                wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    fields->Add(new wxStaticText(this, wxID_ANY, _("&Login:")), wxSizerFlags().CenterVertical());
    fields->Add(m_login, wxSizerFlags().Expand());
    fields->Add(new wxStaticText(this, wxID_ANY, _("&Password:")), wxSizerFlags().CenterVertical());
    fields->Add(m_password, wxSizerFlags().Expand());
    body->Add(fields, wxSizerFlags().Expand());

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(kErrorColour);
    m_error->SetFont(GetFont().Bold());
    body->Add(m_error, wxSizerFlags().Expand().Border(wxTOP, FromDIP(8)));

    m_hint = new NoteBox(this, kHintBackground, kHintBorder);
    body->Add(m_hint, wxSizerFlags().Expand().Border(wxTOP, gap));

    auto* progressRow = new wxBoxSizer(wxHORIZONTAL);
    m_gauge = new wxGauge(this, wxID_ANY, 100, wxDefaultPosition, FromDIP(wxSize(90, 8)));
    m_progress = new wxStaticText(this, wxID_ANY, wxString());
    m_progress->SetForegroundColour(kMutedText);
    progressRow->Add(m_gauge, wxSizerFlags().CenterVertical());
    progressRow->Add(m_progress, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(8)));
    body->Add(progressRow, wxSizerFlags().Expand().Border(wxTOP, gap));

    top->Add(body, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(18)));
    top->AddSpacer(gap);
    top->Add(new wxStaticLine(this), wxSizerFlags().Expand());

    auto* footer = new wxBoxSizer(wxHORIZONTAL);
    m_store = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(230, -1)),
                               wxST_ELLIPSIZE_MIDDLE);
    m_store->SetForegroundColour(kMutedText);
    m_store->SetFont(GetFont().Smaller());
    footer->Add(m_store, wxSizerFlags(1).CenterVertical());
    auto* quit = new wxButton(this, wxID_CANCEL, _("&Quit"));
    m_signIn = new wxButton(this, wxID_OK, _("&Sign in"));
    m_signIn->SetDefault();
    footer->Add(quit, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    footer->Add(m_signIn, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));
    top->Add(footer, wxSizerFlags().Expand().Border(wxALL, gap));

    SetSizer(top);
    m_notice->Hide();
    m_hint->Hide();
    m_error->Hide();
    SetMinSize(FromDIP(wxSize(440, -1)));
    Fit();
    CentreOnScreen();
}

void SignInDialog::Prepare()
{
    const bool server = m_session->IsServer();
    const auto clock = m_session->clock;
    WindowPost<SignInDialog> post(this);
    RunOnWorker(
        *m_session->worker, this,
        [server, clock, post](domain::Store& store) {
            return PrepareStore(store, server, *clock, [post] { post([](SignInDialog& d) { d.OnCreatingDemo(); }); });
        },
        [](SignInDialog& d, StoreInfo info) { d.OnPrepared(std::move(info)); },
        [](SignInDialog& d, const Failure& failure) { d.OnFailed(failure); });
}

void SignInDialog::OnCreatingDemo()
{
    SetState(State::Opening, _("First launch: creating a demo season (boats, staff, bookings)…"));
}

void SignInDialog::OnPrepared(StoreInfo info)
{
    m_session->zone.emplace(info.timeZone);
    m_store->SetLabel(wxString::FromUTF8(info.description));
    m_store->SetToolTip(wxString::FromUTF8(info.description));
    if (info.createdDemo) {
        const auto& demo = *info.createdDemo;
        m_notice->SetText(wxString::Format(
            _("This was the first launch: a demo season was created\n(%s boats, %s employees, %s bookings)."),
            FormatCount(demo.boats), FormatCount(demo.employees), FormatCount(demo.bookings)));
        m_notice->Show();
    }
    if (info.demoCredentials) {
        m_hint->SetText(wxString::Format(_("Demo: %s / %s"), wxString::FromUTF8(info.demoCredentials->login),
                                          wxString::FromUTF8(info.demoCredentials->password)));
        m_hint->Show();
    }
    m_session->store = std::move(info);
    SetState(State::Ready);
    m_login->SetFocus();
}

void SignInDialog::SignIn()
{
    if (m_state != State::Ready) return;
    const std::string login = m_login->GetValue().Trim().Trim(false).ToStdString(wxConvUTF8);
    const std::string password = m_password->GetValue().ToStdString(wxConvUTF8);
    if (login.empty()) {
        ShowError(_("Login: please type your login."));
        m_login->SetFocus();
        return;
    }
    SetState(State::SigningIn, _("Signing in…"));
    RunOnWorker(
        *m_session->worker, this,
        [login, password](domain::Store& store) { return app::signIn(store, login, password); },
        [](SignInDialog& d, domain::Employee employee) { d.OnSignedIn(std::move(employee)); },
        [](SignInDialog& d, const Failure& failure) { d.OnFailed(failure); });
}

void SignInDialog::OnSignedIn(domain::Employee employee)
{
    m_session->employee = std::move(employee);
    SetState(State::SignedIn);
    if (m_onSignedIn) m_onSignedIn();
    if (IsModal()) EndModal(wxID_OK);
}

void SignInDialog::OnFailed(const Failure& failure)
{
    // Before the store is open nothing can be retried here: the message says what to fix.
    const bool opening = m_state == State::Opening;
    SetState(opening ? State::Failed : State::Ready);
    ShowError(opening ? wxString::Format(_("The database cannot be used: %s"), failure.message) : failure.message);
    wxTextCtrl* field = failure.field == "login" ? m_login : failure.field == "password" ? m_password : nullptr;
    if (field) {
        field->SetFocus();
        field->SelectAll();
    }
}

void SignInDialog::SetState(State state, const wxString& progress)
{
    m_state = state;
    const bool busy = IsBusy();
    const bool ready = state == State::Ready;
    m_login->Enable(ready);
    m_password->Enable(ready);
    m_signIn->Enable(ready);
    m_gauge->Show(busy);
    m_progress->Show(busy);
    m_progress->SetLabel(progress);
    if (busy) {
        m_error->Hide();
        if (!m_pulse.IsRunning()) m_pulse.Start(80);
    } else {
        m_pulse.Stop();
    }
    Layout();
    Fit();
}

void SignInDialog::ShowError(const wxString& message)
{
    m_error->SetLabel(message);
    m_error->Wrap(FromDIP(400));
    m_error->Show();
    Layout();
    Fit();
}

wxString SignInDialog::ErrorText() const
{
    return m_error->IsShown() ? m_error->GetLabel() : wxString();
}

wxString SignInDialog::HintText() const
{
    return m_hint->IsShown() ? m_hint->GetText() : wxString();
}

wxString SignInDialog::NoticeText() const
{
    return m_notice->IsShown() ? m_notice->GetText() : wxString();
}

void SignInDialog::OnLoginEnter(wxCommandEvent&)
{
    if (m_password->IsEmpty())
        m_password->SetFocus();
    else
        SignIn();
}

void SignInDialog::OnSignInButton(wxCommandEvent&)
{
    SignIn();
}

void SignInDialog::OnQuit(wxCommandEvent&)
{
    Close();
}

void SignInDialog::OnClose(wxCloseEvent&)
{
    m_pulse.Stop();
    if (IsModal())
        EndModal(wxID_CANCEL);
    else
        Destroy();
}

void SignInDialog::OnPulse(wxTimerEvent&)
{
    m_gauge->Pulse();
}

}  // namespace narcisse::ui
