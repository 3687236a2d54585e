#include "ui/desk_refund_dialog.h"

#include "domain/errors.h"
#include "ui/format.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace narcisse::ui {

RefundDialog::RefundDialog(wxWindow* parent, const wxString& booking, bool refund, domain::Money paid)
    : wxDialog(parent, wxID_ANY, refund ? _("Refund") : _("Cancel booking"))
{
    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    grid->AddGrowableCol(1);
    auto* title = new wxStaticText(this, wxID_ANY, booking);
    title->SetFont(GetFont().Bold());
    if (refund) {
        m_amount = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(paid.format(',')), wxDefaultPosition,
                                  FromDIP(wxSize(120, -1)), wxTE_RIGHT);
        grid->Add(new wxStaticText(this, wxID_ANY, _("&Amount")), wxSizerFlags().CenterVertical());
        grid->Add(m_amount);
    }
    m_method = new wxChoice(this, wxID_ANY);
    m_method->Append(_("As it was paid"));
    m_method->Append(_("Cash, out of the drawer"));
    m_method->Append(_("Card, on the terminal"));
    m_method->Append(_("Gift voucher (credit)"));
    m_method->Append(_("Owed (refunded later)"));
    m_method->SetSelection(0);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Money back")), wxSizerFlags().CenterVertical());
    grid->Add(m_method, wxSizerFlags().Expand());
    m_reason = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(320, -1)));
    m_reason->SetHint(_("Required: why (1–200 characters)"));
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Reason")), wxSizerFlags().CenterVertical());
    grid->Add(m_reason, wxSizerFlags().Expand());

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(title, wxSizerFlags().Border(wxALL, FromDIP(12)));
    if (paid.cents() > 0)
        top->Add(new wxStaticText(this, wxID_ANY, wxString::Format(_("Paid so far: %s"), FormatMoney(paid))),
                 wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    top->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    top->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    if (auto* ok = dynamic_cast<wxButton*>(FindWindow(wxID_OK)))
        ok->SetLabel(refund ? _("&Refund") : _("Cancel the &booking"));
    if (auto* cancel = dynamic_cast<wxButton*>(FindWindow(wxID_CANCEL))) cancel->SetLabel(_("&Keep it"));
    SetSizerAndFit(top);
    (m_amount ? static_cast<wxWindow*>(m_amount) : m_reason)->SetFocus();
}

app::RefundChoice RefundDialog::Choice() const
{
    static const app::RefundChoice choices[] = {app::RefundChoice::Original, app::RefundChoice::Cash,
                                                app::RefundChoice::Card, app::RefundChoice::Voucher,
                                                app::RefundChoice::Owed};
    return choices[std::clamp(m_method->GetSelection(), 0, 4)];
}

std::string RefundDialog::Reason() const { return m_reason->GetValue().Strip(wxString::both).ToStdString(wxConvUTF8); }

domain::Money RefundDialog::Amount() const
{
    return domain::Money::parse(m_amount ? m_amount->GetValue().ToStdString(wxConvUTF8) : std::string("0"), "amount");
}

}  // namespace narcisse::ui
