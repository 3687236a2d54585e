#include "ui/voucher_lookup_dialog.h"

#include "ui/cash_print.h"
#include "ui/format.h"
#include "ui/icons.h"

#include <wx/datectrl.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace narcisse::ui {
namespace {

wxString MovementName(domain::VoucherMovementKind kind)
{
    switch (kind) {
        // TRANSLATORS: voucher history: part of the voucher paid for a ride
        case domain::VoucherMovementKind::Redeem: return _("Redeemed");
        // TRANSLATORS: voucher history: money put back on the voucher (a refund)
        case domain::VoucherMovementKind::Credit: return _("Credited");
        case domain::VoucherMovementKind::Extend: return _("Expiry extended");
    }
    return {};
}

wxString DateText(domain::LocalDate d) { return ToWxDate(d).FormatDate(); }

}  // namespace

VoucherLookupDialog::VoucherLookupDialog(wxWindow* parent, std::shared_ptr<Session> session, const wxString& code)
    : wxDialog(parent, wxID_ANY, _("Gift voucher"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session))
{
    SetIcons(GetAppIcons());
    BuildLayout();
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    SetEscapeId(wxID_CLOSE);
    CentreOnParent();
    m_codeField->SetFocus();
    if (!code.empty()) {
        m_codeField->ChangeValue(code);
        LookUp();
    }
}

void VoucherLookupDialog::BuildLayout()
{
    const int border = FromDIP(16);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* search = new wxBoxSizer(wxHORIZONTAL);
    search->Add(new wxStaticText(this, wxID_ANY, _("C&ode:")), wxSizerFlags().CenterVertical());
    // A scanner types the code and presses Enter.
    m_codeField = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)),
                                 wxTE_PROCESS_ENTER);
    m_codeField->SetHint(_("Scan or type SN-GIFT-…"));
    search->Add(m_codeField, wxSizerFlags(1).CenterVertical().Border(wxLEFT | wxRIGHT, FromDIP(8)));
    m_lookUp = new wxButton(this, wxID_FIND, _("&Look up"));
    search->Add(m_lookUp, wxSizerFlags().CenterVertical());
    top->Add(search, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));
    m_codeField->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { LookUp(); });
    m_lookUp->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { LookUp(); });

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(kCashError);
    m_error->SetFont(GetFont().Bold());
    m_error->Hide();
    top->Add(m_error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));

    m_cardPanel = new wxPanel(this);
    wxWindow* p = m_cardPanel;
    auto* card = new wxBoxSizer(wxVERTICAL);
    m_code = new wxStaticText(p, wxID_ANY, wxString());
    m_code->SetFont(wxFont(wxFontInfo(GetFont().GetPointSize() + 4).Family(wxFONTFAMILY_TELETYPE).Bold()));
    card->Add(m_code);
    m_what = new wxStaticText(p, wxID_ANY, wxString());
    card->Add(m_what, wxSizerFlags().Border(wxTOP, FromDIP(2)));

    auto* facts = new wxFlexGridSizer(2, FromDIP(6), FromDIP(16));
    auto fact = [&](const wxString& label, wxStaticText*& value) {
        facts->Add(new wxStaticText(p, wxID_ANY, label), wxSizerFlags().CenterVertical());
        value = new wxStaticText(p, wxID_ANY, wxString());
        facts->Add(value, wxSizerFlags().CenterVertical());
    };
    fact(_("Balance:"), m_balance);
    m_balance->SetFont(GetFont().Scaled(1.5f).Bold());
    fact(_("Valid until:"), m_expiry);
    fact(_("Status:"), m_state);
    m_state->SetFont(GetFont().Bold());
    fact(_("Buyer → recipient:"), m_people);
    fact(_("Message:"), m_messageText);
    fact(_("Receipts:"), m_receipts);
    card->Add(facts, wxSizerFlags().Border(wxTOP, FromDIP(10)));

    auto* historyTitle = new wxStaticText(p, wxID_ANY, _("History"));
    historyTitle->SetFont(GetFont().Bold());
    card->Add(historyTitle, wxSizerFlags().Border(wxTOP, FromDIP(12)));
    m_history = new wxListCtrl(p, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(600, 140)), wxLC_REPORT | wxLC_SINGLE_SEL);
    m_history->AppendColumn(_("When"), wxLIST_FORMAT_LEFT, FromDIP(130));
    m_history->AppendColumn(_("What"), wxLIST_FORMAT_LEFT, FromDIP(130));
    m_history->AppendColumn(_("Amount"), wxLIST_FORMAT_RIGHT, FromDIP(100));
    m_history->AppendColumn(_("Details"), wxLIST_FORMAT_LEFT, FromDIP(130));
    m_history->AppendColumn(_("By"), wxLIST_FORMAT_LEFT, FromDIP(105));
    card->Add(m_history, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(4)));

    auto* extend = new wxBoxSizer(wxHORIZONTAL);
    extend->Add(new wxStaticText(p, wxID_ANY, _("Extend the expiry &to:")), wxSizerFlags().CenterVertical());
    m_extendTo = new wxDatePickerCtrl(p, wxID_ANY);
    extend->Add(m_extendTo, wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, FromDIP(8)));
    m_extend = new wxButton(p, wxID_ANY, _("&Extend expiry"));
    extend->Add(m_extend, wxSizerFlags().CenterVertical());
    card->Add(extend, wxSizerFlags().Border(wxTOP, FromDIP(10)));
    m_extend->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Extend(); });
    m_cardPanel->SetSizer(card);
    m_cardPanel->Hide();
    top->Add(m_cardPanel, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));

    top->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_print = new wxButton(this, wxID_PRINT, _("&Print voucher"));
    m_print->Disable();
    buttons->Add(m_print);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Print(); });
    SetSizer(top);
    SetMinSize(FromDIP(wxSize(660, -1)));
    Fit();
}

void VoucherLookupDialog::LookUp()
{
    if (m_busy) return;
    SetBusy(true);
    m_error->Hide();
    const auto clock = m_session->clock;
    const std::string code = m_codeField->GetValue().Trim().Trim(false).utf8_string();
    RunOnWorker(
        *m_session->worker, this,
        [clock, code](domain::Store& store) {
            return Loaded{app::loadVoucher(store, *clock, code), ReadEmployeeNames(store)};
        },
        [](VoucherLookupDialog& d, Loaded loaded) {
            d.SetBusy(false);
            d.ShowCard(std::move(loaded));
        },
        [](VoucherLookupDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.m_card.reset();
            d.m_cardPanel->Hide();
            d.ShowFailure(failure);
        });
}

void VoucherLookupDialog::ShowCard(Loaded loaded)
{
    m_card = std::move(loaded.card);
    const auto& v = m_card->voucher;
    const auto& s = m_card->status;
    m_codeField->ChangeValue(wxString::FromUTF8(v.code.str()));
    m_code->SetLabel(wxString::FromUTF8(v.code.str()));
    m_what->SetLabel(v.kind == domain::VoucherKind::Ride
                         ? wxString::Format(_("A ride for %s, sold %s on %s"), PartyLong(v.party), FormatMoney(v.value),
                                            DateText(LocalDateOf(*m_session, v.soldAt)))
                         : wxString::Format(_("A voucher of %s, sold on %s"), FormatMoney(v.value),
                                            DateText(LocalDateOf(*m_session, v.soldAt))));
    m_balance->SetLabel(FormatMoney(s.balance));
    m_expiry->SetLabel(DateText(s.expiresOn));
    if (m_card->refusal.empty()) {
        m_state->SetLabel(_("Valid: it can pay"));
        m_state->SetForegroundColour(kCashOk);
    } else {
        m_state->SetLabel(wxString::Format(_("Refused: %s"), wxString::FromUTF8(m_card->refusal)));
        m_state->SetForegroundColour(kCashError);
    }
    const wxString buyer = v.buyerName.empty() ? wxString(wxS("—")) : wxString::FromUTF8(v.buyerName);
    const wxString recipient = v.recipientName.empty() ? wxString(wxS("—")) : wxString::FromUTF8(v.recipientName);
    m_people->SetLabel(buyer + wxS(" → ") + recipient);
    m_messageText->SetLabel(v.message.empty() ? wxString(wxS("—")) : wxString::FromUTF8(v.message));
    m_messageText->Wrap(FromDIP(460));
    wxString receipts;
    for (const auto n : m_card->receipts) receipts += (receipts.empty() ? "" : ", ") + wxString::Format("%lld", static_cast<long long>(n));
    m_receipts->SetLabel(receipts.empty() ? wxString(wxS("—")) : wxString::Format(_("no. %s"), receipts));

    m_history->DeleteAllItems();
    auto add = [&](domain::Instant at, const wxString& what, const wxString& amount, const wxString& details,
                   const std::optional<domain::Uuid>& by) {
        const long row = m_history->InsertItem(m_history->GetItemCount(), FormatDateTime(*m_session, at));
        m_history->SetItem(row, 1, what);
        m_history->SetItem(row, 2, amount);
        m_history->SetItem(row, 3, details);
        m_history->SetItem(row, 4, NameOf(loaded.names, by));
    };
    // TRANSLATORS: voucher history: the sale of the voucher
    add(v.soldAt, _("Sold"), FormatMoney(v.value), v.paidWith ? TenderMethodName(*v.paidWith) : _("Refund credit"),
        v.employeeId);
    for (const auto& m : m_card->movements) {
        const wxString amount = m.kind == domain::VoucherMovementKind::Extend ? wxString()
                                : m.kind == domain::VoucherMovementKind::Redeem ? FormatMoney(-m.amount)
                                                                                : FormatMoney(m.amount);
        const wxString details = m.newExpiry ? wxString::Format(_("until %s"), DateText(*m.newExpiry))
                                             : wxString::FromUTF8(m.note);
        add(m.at, MovementName(m.kind), amount, details, m.employeeId);
    }
    m_extendTo->SetValue(ToWxDate(AddDays(s.expiresOn, 90)));
    m_cardPanel->Show();
    m_print->Enable();
    Layout();
    Fit();
}

void VoucherLookupDialog::Extend()
{
    if (m_busy || !m_card) return;
    SetBusy(true);
    m_error->Hide();
    const auto clock = m_session->clock;
    const auto employee = ActingEmployee(*m_session);
    const std::string code = m_card->voucher.code.str();
    const auto to = FromWxDate(m_extendTo->GetValue());
    RunOnWorker(
        *m_session->worker, this,
        [clock, employee, code, to](domain::Store& store) {
            auto card = app::extendVoucher(store, *clock, code, to, employee);
            return Loaded{std::move(card), ReadEmployeeNames(store)};
        },
        [](VoucherLookupDialog& d, Loaded loaded) {
            d.SetBusy(false);
            d.ShowCard(std::move(loaded));
        },
        [](VoucherLookupDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowFailure(failure);
        });
}

void VoucherLookupDialog::Print()
{
    if (m_busy || !m_card) return;
    SetBusy(true);
    m_error->Hide();
    const domain::Voucher voucher = m_card->voucher;
    RunOnWorker(
        *m_session->worker, this, [voucher](domain::Store& store) { return WriteVoucherForPrint(store, voucher); },
        [](VoucherLookupDialog& d, const std::filesystem::path& file) {
            d.SetBusy(false);
            d.m_printed = true;
            if (!OpenPrintedDocument(file))
                d.ShowFailure({wxString::Format(_("The voucher is saved as %s, but no PDF viewer could open it."),
                                                wxString::FromUTF8(file.string())),
                               {}});
        },
        [](VoucherLookupDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowFailure(failure);
        });
}

void VoucherLookupDialog::ShowFailure(const Failure& failure)
{
    m_error->SetLabel(failure.message);
    m_error->Wrap(FromDIP(600));
    m_error->Show();
    if (failure.field == "voucher") {
        m_codeField->SetFocus();
        m_codeField->SelectAll();
    } else if (failure.field == "expiry") {
        m_extendTo->SetFocus();
    }
    Layout();
    Fit();
}

void VoucherLookupDialog::SetBusy(bool busy)
{
    m_busy = busy;
    m_lookUp->Enable(!busy);
    m_extend->Enable(!busy);
    m_print->Enable(!busy && m_card);
}

wxString VoucherLookupDialog::BalanceText() const { return m_cardPanel->IsShown() ? m_balance->GetLabel() : wxString(); }
wxString VoucherLookupDialog::StateText() const { return m_cardPanel->IsShown() ? m_state->GetLabel() : wxString(); }
wxString VoucherLookupDialog::ExpiryText() const { return m_cardPanel->IsShown() ? m_expiry->GetLabel() : wxString(); }
wxString VoucherLookupDialog::ErrorText() const { return m_error->IsShown() ? m_error->GetLabel() : wxString(); }

VoucherLookupDialog* ShowVoucherLookup(wxWindow* parent, std::shared_ptr<Session> session, const wxString& code)
{
    auto* dialog = new VoucherLookupDialog(parent, std::move(session), code);
    dialog->Show();
    return dialog;
}

}  // namespace narcisse::ui
