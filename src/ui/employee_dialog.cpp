#include "ui/employee_dialog.h"

#include "app/staff.h"
#include "domain/errors.h"
#include "ui/format.h"
#include "ui/icons.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <array>

namespace narcisse::ui {
namespace {

constexpr std::array kRoles{domain::Role::Staff, domain::Role::Manager, domain::Role::Accountant, domain::Role::Admin};
const wxColour kErrorColour(0xC5, 0x30, 0x30);
const wxColour kErrorField(0xFD, 0xEC, 0xEC);

std::string Text(const wxTextCtrl* field) { return field->GetValue().utf8_string(); }

}  // namespace

EmployeeDialog::EmployeeDialog(wxWindow* parent, std::shared_ptr<Session> session, std::optional<domain::Employee> employee)
    : wxDialog(parent, wxID_ANY, employee ? _("Edit employee") : _("Add employee"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session)),
      m_employee(std::move(employee))
{
    SetIcons(GetAppIcons());
    BuildLayout();
    if (m_employee) Fill(*m_employee);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnSave(); }, wxID_SAVE);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CANCEL);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        if (IsModal())
            EndModal(wxID_CANCEL);
        else
            Destroy();
    });
}

void EmployeeDialog::BuildLayout()
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* form = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    form->AddGrowableCol(1);
    auto row = [&](const wxString& label, wxWindow* field, const std::string& name) {
        form->Add(new wxStaticText(this, wxID_ANY, label), wxSizerFlags().CenterVertical().Right());
        form->Add(field, wxSizerFlags().Expand());
        m_fields[name] = field;
    };
    const wxSize wide(FromDIP(300), -1);
    // Created in the order they are shown: Tab follows the order of creation.
    m_name = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wide);
    m_login = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wide);
    m_role = new wxChoice(this, wxID_ANY);
    for (auto r : kRoles) m_role->Append(RoleName(r));
    m_role->SetSelection(0);
    m_email = new wxTextCtrl(this, wxID_ANY);
    m_phone = new wxTextCtrl(this, wxID_ANY);
    m_canSignIn = new wxCheckBox(this, wxID_ANY, _("May sign in to the back-office"));
    m_canSignIn->SetValue(!m_employee);
    m_password = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    m_password->SetHint(_("8 characters or more"));
    m_licenceNumber = new wxTextCtrl(this, wxID_ANY);
    m_licenceExpiry = new wxTextCtrl(this, wxID_ANY);
    // TRANSLATORS: the format of a date typed on the employee form
    m_licenceExpiry->SetHint(_("YYYY-MM-DD"));
    m_notes = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 70)), wxTE_MULTILINE);

    row(_("&Name:"), m_name, "name");
    row(_("&Login:"), m_login, "login");
    row(_("&Role:"), m_role, "role");
    row(_("&E-mail:"), m_email, "email");
    row(_("&Phone:"), m_phone, "phone");
    row(wxString(), m_canSignIn, "can sign in");
    if (!m_employee)
        row(_("Initial &password:"), m_password, "password");
    else
        m_password->Hide();   // an existing password changes through Reset password…, by an administrator
    row(_("Skipper &licence:"), m_licenceNumber, "licence number");
    row(_("Licence &expires:"), m_licenceExpiry, "licence expiry");
    row(_("N&otes:"), m_notes, "notes");
    m_canSignIn->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { m_password->Enable(m_canSignIn->GetValue()); });
    top->Add(form, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(18)));

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(kErrorColour);
    m_error->SetFont(GetFont().Bold());
    top->Add(m_error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(18)));
    m_error->Hide();

    top->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
    auto* buttons = new wxStdDialogButtonSizer();
    m_save = new wxButton(this, wxID_SAVE, _("&Save"));
    m_save->SetDefault();
    buttons->AddButton(m_save);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, _("Cancel")));
    buttons->Realize();
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(top);
    CentreOnParent();
}

void EmployeeDialog::Fill(const domain::Employee& e)
{
    m_login->SetValue(wxString::FromUTF8(e.login));
    m_name->SetValue(wxString::FromUTF8(e.name));
    for (std::size_t i = 0; i < kRoles.size(); ++i)
        if (kRoles[i] == e.role) m_role->SetSelection(static_cast<int>(i));
    m_email->SetValue(wxString::FromUTF8(e.email));
    m_phone->SetValue(wxString::FromUTF8(e.phone));
    m_canSignIn->SetValue(e.canSignIn && !e.passwordHash.empty());
    m_licenceNumber->SetValue(wxString::FromUTF8(e.licenceNumber));
    m_licenceExpiry->SetValue(e.licenceExpiry ? wxString(domain::isoDate(*e.licenceExpiry)) : wxString());
    m_notes->SetValue(wxString::FromUTF8(e.notes));
}

void EmployeeDialog::OnSave()
{
    if (m_busy) return;
    ClearError();
    m_busy = true;
    m_save->Enable(false);
    const auto role = kRoles[static_cast<std::size_t>(std::max(0, m_role->GetSelection()))];
    const std::string expiryText = Text(m_licenceExpiry);
    app::NewEmployee form{Text(m_login), Text(m_name), role, Text(m_email), Text(m_phone), m_canSignIn->GetValue(),
                          Text(m_password), Text(m_licenceNumber), std::nullopt, Text(m_notes)};
    const auto existing = m_employee;
    const auto clock = m_session->clock;
    const auto acting = m_session->employee ? std::optional(m_session->employee->id) : std::nullopt;
    RunOnWorker(
        *m_session->worker, this,
        [=](domain::Store& store) mutable {
            // Reading the typed date is part of the use case's checks: a bad one names its field.
            if (!expiryText.empty()) form.licenceExpiry = domain::parseDate(expiryText, "licence expiry");
            if (!existing) return app::addEmployee(store, *clock, form, acting);
            app::EmployeeEdit edit{form.login, form.name, form.role, form.email, form.phone, form.canSignIn,
                                   form.licenceNumber, form.licenceExpiry, form.notes};
            return app::editEmployee(store, *clock, existing->id.str(), edit, acting);
        },
        [](EmployeeDialog& d, domain::Employee saved) {
            d.m_busy = false;
            if (d.m_onSaved) d.m_onSaved(saved);
            d.Close();
        },
        [](EmployeeDialog& d, const Failure& failure) {
            d.m_busy = false;
            d.m_save->Enable(true);
            d.ShowFailure(failure);
        });
}

void EmployeeDialog::ShowFailure(const Failure& failure)
{
    m_error->SetLabel(failure.message);
    m_error->Wrap(FromDIP(440));
    m_error->Show();
    if (const auto field = m_fields.find(failure.field); field != m_fields.end()) {
        m_highlighted = field->second;
        m_highlighted->SetBackgroundColour(kErrorField);
        m_highlighted->Refresh();
        m_highlighted->SetFocus();
    }
    Fit();
    Layout();
}

void EmployeeDialog::ClearError()
{
    if (m_highlighted) {
        m_highlighted->SetBackgroundColour(wxNullColour);
        m_highlighted->Refresh();
    }
    m_highlighted = nullptr;
    m_error->Hide();
}

wxString EmployeeDialog::ErrorText() const
{
    return m_error->IsShown() ? m_error->GetLabel() : wxString();
}

}  // namespace narcisse::ui
