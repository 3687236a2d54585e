#include "ui/voucher_sale_dialog.h"

#include "app/desk.h"
#include "ui/cash_labels.h"
#include "ui/cash_print.h"
#include "ui/format.h"
#include "ui/icons.h"

#include <wx/datectrl.h>
#include <wx/panel.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace narcisse::ui {
namespace {

std::string Trimmed(const wxTextCtrl* field)
{
    wxString text = field->GetValue();
    return text.Trim().Trim(false).utf8_string();
}

// What is typed as an amount, or nothing when it does not read as one (the use case names it then).
std::optional<domain::Money> TypedMoney(const wxTextCtrl* field)
{
    try {
        const std::string text = Trimmed(field);
        if (text.empty()) return std::nullopt;
        return domain::Money::parse(text, "amount");
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

VoucherSaleDialog::VoucherSaleDialog(wxWindow* parent, std::shared_ptr<Session> session)
    : wxDialog(parent, wxID_ANY, _("Sell a gift voucher"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session))
{
    SetIcons(GetAppIcons());
    BuildLayout();
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    SetEscapeId(wxID_CLOSE);
    CentreOnParent();
    UpdateKind();
    m_amount->SetFocus();
}

void VoucherSaleDialog::BuildLayout()
{
    const int border = FromDIP(16);
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_form = new wxPanel(this);
    auto* form = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    form->AddGrowableCol(1);
    auto row = [&](const wxString& label, wxWindow* field, const std::string& name, wxSizerFlags flags = wxSizerFlags()) {
        form->Add(new wxStaticText(m_form, wxID_ANY, label), wxSizerFlags().CenterVertical().Right());
        form->Add(field, flags);
        if (!name.empty()) m_fields[name] = field;
    };
    auto rowSizer = [&](const wxString& label, wxSizer* sizer) {
        form->Add(new wxStaticText(m_form, wxID_ANY, label), wxSizerFlags().CenterVertical().Right());
        form->Add(sizer, wxSizerFlags().Expand());
    };

    auto* kind = new wxBoxSizer(wxHORIZONTAL);
    m_forAmount = new wxRadioButton(m_form, wxID_ANY, _("An a&mount"), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    m_forRide = new wxRadioButton(m_form, wxID_ANY, _("A &ride"));
    kind->Add(m_forAmount);
    kind->Add(m_forRide, wxSizerFlags().Border(wxLEFT, FromDIP(16)));
    rowSizer(_("Voucher for:"), kind);

    m_amount = new wxTextCtrl(m_form, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(120, -1)), wxTE_RIGHT);
    m_amount->SetHint(_("e.g. 50.00"));
    row(_("&Value:"), m_amount, "value");

    auto* party = new wxBoxSizer(wxHORIZONTAL);
    auto spin = [&](wxSpinCtrl*& ctrl, const wxString& label, int initial) {
        ctrl = new wxSpinCtrl(m_form, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxSP_ARROW_KEYS, 0, 50, initial);
        party->Add(ctrl, wxSizerFlags().CenterVertical());
        party->Add(new wxStaticText(m_form, wxID_ANY, label),
                   wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, FromDIP(6)));
        ctrl->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) { UpdatePrice(); });
        ctrl->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdatePrice(); });
    };
    spin(m_adults, _("adults"), 2);
    spin(m_children, _("children"), 0);
    spin(m_babies, _("babies"), 0);
    rowSizer(_("&Party:"), party);
    m_fields["party"] = m_adults;

    m_buyer = new wxTextCtrl(m_form, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(340, -1)));
    row(_("&Bought by:"), m_buyer, "buyer", wxSizerFlags().Expand());
    m_recipient = new wxTextCtrl(m_form, wxID_ANY);
    row(_("For (&recipient):"), m_recipient, "recipient", wxSizerFlags().Expand());
    m_message = new wxTextCtrl(m_form, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 60)), wxTE_MULTILINE);
    row(_("M&essage:"), m_message, "message", wxSizerFlags().Expand());
    m_expiry = new wxDatePickerCtrl(m_form, wxID_ANY, ToWxDate(domain::defaultVoucherExpiry(m_session->Today())));
    row(_("E&xpires on:"), m_expiry, "expiry");

    auto* paid = new wxBoxSizer(wxHORIZONTAL);
    m_cash = new wxRadioButton(m_form, wxID_ANY, _("Ca&sh"), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    m_card = new wxRadioButton(m_form, wxID_ANY, _("C&ard"));
    paid->Add(m_cash, wxSizerFlags().CenterVertical());
    paid->Add(m_card, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(16)));
    rowSizer(_("Paid by:"), paid);
    m_fields["payment"] = m_cash;

    m_given = new wxTextCtrl(m_form, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(120, -1)), wxTE_RIGHT);
    m_given->SetHint(_("exact"));
    row(_("Cash &given:"), m_given, "cash given");

    auto bold = [&](wxStaticText* t) {
        t->SetFont(GetFont().Scaled(1.15f).Bold());
        return t;
    };
    m_priceText = bold(new wxStaticText(m_form, wxID_ANY, wxString()));
    row(_("To pay:"), m_priceText, "");
    m_change = bold(new wxStaticText(m_form, wxID_ANY, wxString()));
    row(_("Change to give back:"), m_change, "");
    m_form->SetSizer(form);
    top->Add(m_form, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(kCashError);
    m_error->SetFont(GetFont().Bold());
    m_error->Hide();
    top->Add(m_error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));

    m_done = new wxPanel(this);
    auto* done = new wxBoxSizer(wxVERTICAL);
    auto* soldTitle = new wxStaticText(m_done, wxID_ANY, _("Voucher sold. Its code:"));
    soldTitle->SetForegroundColour(kCashOk);
    soldTitle->SetFont(GetFont().Bold());
    done->Add(soldTitle);
    m_code = new wxStaticText(m_done, wxID_ANY, wxString());
    m_code->SetFont(wxFont(wxFontInfo(GetFont().GetPointSize() * 2).Family(wxFONTFAMILY_TELETYPE).Bold()));
    done->Add(m_code, wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(6)));
    m_doneDetails = new wxStaticText(m_done, wxID_ANY, wxString());
    done->Add(m_doneDetails);
    m_done->SetSizer(done);
    m_done->Hide();
    top->Add(m_done, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));

    top->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_another = new wxButton(this, wxID_ANY, _("Sell &another"));
    m_another->Hide();
    buttons->Add(m_another);
    buttons->AddStretchSpacer();
    m_print = new wxButton(this, wxID_PRINT, _("&Print voucher"));
    m_print->Hide();
    buttons->Add(m_print, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    m_sell = new wxButton(this, wxID_OK, _("&Sell"));
    m_sell->SetDefault();
    buttons->Add(m_sell, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(top);

    // GTK measures some labels only once they are realised: whenever the dialog turns out smaller
    // than what it shows needs, it grows, so the buttons never squash.
    Bind(wxEVT_IDLE, [this](wxIdleEvent& e) {
        e.Skip();
        InvalidateBestSize();
        if (GetSize().y < GetBestSize().y || GetSize().x < GetBestSize().x) FitToContent();
    });
    m_forAmount->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateKind(); });
    m_forRide->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateKind(); });
    m_amount->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdatePrice(); });
    m_cash->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateChange(); });
    m_card->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { UpdateChange(); });
    m_given->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdateChange(); });
    m_sell->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Sell(); });
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Print(); });
    m_another->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SellAnother(); });
}

domain::Party VoucherSaleDialog::PartyTyped() const
{
    return domain::Party{m_adults->GetValue(), m_children->GetValue(), m_babies->GetValue()};
}

void VoucherSaleDialog::UpdateKind()
{
    const bool ride = m_forRide->GetValue();
    m_amount->Enable(!ride);
    for (auto* s : {m_adults, m_children, m_babies}) s->Enable(ride);
    UpdatePrice();
}

void VoucherSaleDialog::UpdatePrice()
{
    if (!m_forRide->GetValue()) {
        m_price = TypedMoney(m_amount);
        UpdateChange();
        return;
    }
    // A ride is priced from today's price list, on the worker.
    m_price.reset();
    UpdateChange();
    const int request = ++m_priceRequest;
    const auto party = PartyTyped();
    const auto today = m_session->Today();
    RunOnWorker(
        *m_session->worker, this,
        [party, today](domain::Store& store) { return app::priceOf(store, today, party).total; },
        [request](VoucherSaleDialog& d, const domain::Money& total) {
            if (request != d.m_priceRequest) return;   // the party changed meanwhile
            d.m_price = total;
            d.UpdateChange();
        },
        [](VoucherSaleDialog&, const Failure&) {});   // an empty party has no price: the sale names it
}

void VoucherSaleDialog::UpdateChange()
{
    m_given->Enable(m_cash->GetValue());
    m_priceText->SetLabel(m_price ? FormatMoney(*m_price) : wxString(wxS("—")));
    const auto given = TypedMoney(m_given);
    if (m_cash->GetValue() && m_price && given && *given >= *m_price)
        m_change->SetLabel(FormatMoney(*given - *m_price));
    else
        m_change->SetLabel(m_cash->GetValue() && !given ? FormatMoney(domain::Money::zero()) : wxString(wxS("—")));
    m_form->Layout();
}

void VoucherSaleDialog::Sell()
{
    if (m_busy || m_sold) return;
    ClearError();
    SetBusy(true);
    const auto clock = m_session->clock;
    app::VoucherSaleRequest request;
    request.kind = m_forRide->GetValue() ? domain::VoucherKind::Ride : domain::VoucherKind::Amount;
    request.party = PartyTyped();
    request.buyerName = Trimmed(m_buyer);
    request.recipientName = Trimmed(m_recipient);
    request.message = m_message->GetValue().Trim().utf8_string();
    request.expiresOn = FromWxDate(m_expiry->GetValue());
    request.paidWith = m_card->GetValue() ? domain::PaymentMethod::Card : domain::PaymentMethod::Cash;
    request.employeeId = ActingEmployee(*m_session);
    const std::string valueText = Trimmed(m_amount);
    const std::string givenText = request.paidWith == domain::PaymentMethod::Cash ? Trimmed(m_given) : std::string();
    RunOnWorker(
        *m_session->worker, this,
        [clock, request, valueText, givenText](domain::Store& store) mutable {
            // Reading what was typed is part of the sale's checks: a bad amount names its field.
            if (request.kind == domain::VoucherKind::Amount) request.value = domain::Money::parse(valueText, "value");
            if (!givenText.empty()) request.cashGiven = domain::Money::parse(givenText, "cash given");
            return app::sellVoucher(store, *clock, request);
        },
        [](VoucherSaleDialog& d, app::VoucherSaleResult result) {
            d.SetBusy(false);
            d.m_sold = std::move(result);
            d.ShowSold();
            if (d.m_onSold) d.m_onSold(*d.m_sold);
        },
        [](VoucherSaleDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowFailure(failure);
        });
}

void VoucherSaleDialog::ShowSold()
{
    const auto& sold = *m_sold;
    m_form->Disable();
    m_code->SetLabel(wxString::FromUTF8(sold.voucher.code.str()));
    wxString details = wxString::Format(_("Value %s, valid until %s. Receipt no. %lld."), FormatMoney(sold.voucher.value),
                                        ToWxDate(sold.voucher.expiresOn).FormatDate(),
                                        static_cast<long long>(sold.receipt.number));
    if (sold.voucher.paidWith == domain::PaymentMethod::Cash)
        details += "\n" + wxString::Format(_("Change to give back: %s"), FormatMoney(sold.change));
    m_doneDetails->SetLabel(details);
    m_change->SetLabel(FormatMoney(sold.change));
    m_done->Show();
    m_sell->Hide();
    m_print->Show();
    m_print->SetDefault();
    m_another->Show();
    FitToContent();
    m_print->SetFocus();
}

void VoucherSaleDialog::Print()
{
    if (m_busy || !m_sold) return;
    ClearError();
    SetBusy(true);
    const domain::Voucher voucher = m_sold->voucher;
    RunOnWorker(
        *m_session->worker, this, [voucher](domain::Store& store) { return WriteVoucherForPrint(store, voucher); },
        [](VoucherSaleDialog& d, const std::filesystem::path& file) {
            d.SetBusy(false);
            d.m_printed = true;
            if (!OpenPrintedDocument(file))
                d.ShowFailure({wxString::Format(_("The voucher is saved as %s, but no PDF viewer could open it."),
                                                wxString::FromUTF8(file.string())),
                               {}});
        },
        [](VoucherSaleDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowFailure(failure);
        });
}

void VoucherSaleDialog::SellAnother()
{
    m_sold.reset();
    m_printed = false;
    m_form->Enable();
    for (auto* t : {m_amount, m_buyer, m_recipient, m_message, m_given}) t->Clear();
    m_expiry->SetValue(ToWxDate(domain::defaultVoucherExpiry(m_session->Today())));
    m_done->Hide();
    m_print->Hide();
    m_another->Hide();
    m_sell->Show();
    m_sell->SetDefault();
    UpdateKind();
    FitToContent();
    m_amount->SetFocus();
}

void VoucherSaleDialog::FitToContent()
{
    // The panels' sizes were remembered while hidden or empty: measured again, the dialog grows to
    // what is shown now (its buttons at their height) instead of squashing them.
    for (wxWindow* w : {static_cast<wxWindow*>(m_form), static_cast<wxWindow*>(m_done), static_cast<wxWindow*>(m_error)})
        w->InvalidateBestSize();
    // The code's label took its minimum size when created empty, in the small font.
    for (wxStaticText* t : {m_code, m_doneDetails, m_error}) t->SetInitialSize();
    for (wxButton* b : {m_another, m_print, m_sell}) b->InvalidateBestSize();
    m_done->Layout();
    GetSizer()->SetSizeHints(this);
    const wxSize best = GetBestSize();
    SetMinSize(best);
    SetSize(std::max(GetSize().x, best.x), std::max(GetSize().y, best.y));
    Layout();
}

void VoucherSaleDialog::SetBusy(bool busy)
{
    m_busy = busy;
    m_sell->Enable(!busy);
    m_print->Enable(!busy);
}

void VoucherSaleDialog::ShowFailure(const Failure& failure)
{
    m_error->SetLabel(failure.message);
    m_error->Wrap(FromDIP(520));
    m_error->Show();
    if (const auto field = m_fields.find(failure.field); field != m_fields.end()) {
        m_highlighted = field->second;
        m_highlighted->SetBackgroundColour(kCashErrorField);
        m_highlighted->Refresh();
        m_highlighted->SetFocus();
    }
    FitToContent();
}

void VoucherSaleDialog::ClearError()
{
    if (m_highlighted) {
        m_highlighted->SetBackgroundColour(wxNullColour);
        m_highlighted->Refresh();
    }
    m_highlighted = nullptr;
    m_error->Hide();
}

wxString VoucherSaleDialog::PriceText() const { return m_priceText->GetLabel(); }
wxString VoucherSaleDialog::ChangeText() const { return m_change->GetLabel(); }
wxString VoucherSaleDialog::CodeText() const { return m_done->IsShown() ? m_code->GetLabel() : wxString(); }
wxString VoucherSaleDialog::ErrorText() const { return m_error->IsShown() ? m_error->GetLabel() : wxString(); }

VoucherSaleDialog* ShowVoucherSale(wxWindow* parent, std::shared_ptr<Session> session)
{
    auto* dialog = new VoucherSaleDialog(parent, std::move(session));
    dialog->Show();
    return dialog;
}

}  // namespace narcisse::ui
