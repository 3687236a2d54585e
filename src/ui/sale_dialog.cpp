#include "ui/sale_dialog.h"

#include "domain/errors.h"
#include "ui/desk_print.h"
#include "ui/format.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/panel.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace narcisse::ui {
namespace {

const wxColour kErrorField(0xFF, 0xE4, 0xE1);
const wxColour kErrorText(0xB0, 0x1E, 0x1E);
const char* const kLanguages[] = {"fr", "en", "de", "es", "it"};

wxString DepartureLabel(const app::DeskDeparture& d)
{
    if (d.closedReason)
        return wxString::Format(_("%s · closed (%s)"), FormatWallTime(d.time), wxString::FromUTF8(*d.closedReason));
    // TRANSLATORS: a departure in the sale form: time, free seats, the largest party one boat can take
    return wxString::Format(_("%s · %d seats free · up to %d on one boat"), FormatWallTime(d.time), d.seatsFree,
                            d.largestParty);
}

domain::Money ParseAmount(const wxTextCtrl* field, const std::string& name)
{
    const std::string text = field->GetValue().Strip(wxString::both).ToStdString(wxConvUTF8);
    if (text.empty()) return domain::Money::zero();
    const domain::Money amount = domain::Money::parse(text, name);
    if (amount.cents() < 0) throw domain::ValidationError(name, "must not be negative");
    return amount;
}

wxStaticText* Label(wxWindow* parent, const wxString& text) { return new wxStaticText(parent, wxID_ANY, text); }

}  // namespace

SaleDialog::SaleDialog(wxWindow* parent, std::shared_ptr<Session> session, Mode mode, const app::DeskDay& day)
    : wxDialog(parent, wxID_ANY,
               (mode == Mode::Phone ? _("Phone booking") : _("New sale")) + wxString::FromUTF8(" · ") +
                   FormatLongDate(day.date),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session)), m_mode(mode), m_day(day)
{
    Build();
    LoadPrices();
}

SaleDialog::SaleDialog(wxWindow* parent, std::shared_ptr<Session> session, const app::BookingSummary& booking)
    : wxDialog(parent, wxID_ANY, _("Collect payment"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE),
      m_session(std::move(session)), m_mode(Mode::Collect), m_booking(booking)
{
    Build();
    UpdateTotals();
}

void SaleDialog::Build()
{
    SetBackgroundColour(*wxWHITE);
    auto* top = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(12);
    wxFont big = GetFont().Bold();
    big.SetPointSize(18);

    if (m_mode == Mode::Collect) {
        const auto& b = *m_booking;
        auto* who = Label(this, wxString::FromUTF8(b.booking.ref.str()) + wxString::FromUTF8(" · ") +
                                    PartyLong(b.booking.party) + wxString::FromUTF8(" · ") +
                                    wxString::FromUTF8(b.departure) + wxString::FromUTF8(" · ") +
                                    wxString::FromUTF8(b.boatName));
        who->SetFont(GetFont().Bold());
        top->Add(who, wxSizerFlags().Border(wxALL, gap));
        m_total = Label(this, wxString());
        m_total->SetFont(big);
        top->Add(m_total, wxSizerFlags().Border(wxLEFT | wxRIGHT, gap));
    } else {
        auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
        grid->AddGrowableCol(1);
        m_departure = new wxChoice(this, wxID_ANY);
        for (const auto& d : m_day.departures) m_departure->Append(DepartureLabel(d));
        if (m_day.preselected) m_departure->SetSelection(static_cast<int>(*m_day.preselected));
        else if (!m_day.departures.empty()) m_departure->SetSelection(0);
        grid->Add(Label(this, _("Departu&re")), wxSizerFlags().CenterVertical());
        grid->Add(m_departure, wxSizerFlags().Expand());
        m_fields["departure"] = m_departure;
        top->Add(grid, wxSizerFlags().Expand().Border(wxALL, gap));
        top->Add(BuildParty(), wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));
    }
    if (m_mode != Mode::Phone) top->Add(BuildPayment(), wxSizerFlags().Expand().Border(wxALL, gap));
    if (m_mode != Mode::Collect) {
        // Created last so Tab goes party → payment → customer: the details are optional.
        auto* customer = new wxFlexGridSizer(4, FromDIP(6), FromDIP(10));
        customer->AddGrowableCol(1);
        customer->AddGrowableCol(3);
        m_name = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(200, -1)));
        m_phone = new wxTextCtrl(this, wxID_ANY);
        m_email = new wxTextCtrl(this, wxID_ANY);
        m_language = new wxChoice(this, wxID_ANY);
        for (const char* code : kLanguages) m_language->Append(LanguageName(code));
        m_language->SetSelection(0);
        customer->Add(Label(this, _("&Name")), wxSizerFlags().CenterVertical());
        customer->Add(m_name, wxSizerFlags().Expand());
        customer->Add(Label(this, _("Ph&one")), wxSizerFlags().CenterVertical());
        customer->Add(m_phone, wxSizerFlags().Expand());
        customer->Add(Label(this, _("&E-mail")), wxSizerFlags().CenterVertical());
        customer->Add(m_email, wxSizerFlags().Expand());
        customer->Add(Label(this, _("&Language")), wxSizerFlags().CenterVertical());
        customer->Add(m_language, wxSizerFlags().Expand());
        m_fields["name"] = m_fields["customer"] = m_name;
        m_fields["phone"] = m_phone;
        m_fields["email"] = m_fields["e-mail"] = m_email;
        auto* box = new wxStaticBoxSizer(wxVERTICAL, this,
                                         m_mode == Mode::Phone ? _("Customer") : _("Customer (optional)"));
        box->Add(customer, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
        top->Add(box, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, gap));
    }

    m_error = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(520, -1)));
    m_error->SetForegroundColour(kErrorText);
    m_error->SetFont(GetFont().Bold());
    top->Add(m_error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, gap));

    // After the sale: what to tell the customer, the change in large type, the receipt.
    m_outcome = new wxPanel(this);
    // Always there, so the dialog never has to grow: before the sale it shows what to take in large
    // type, after it the receipt and the change to give.
    m_outcome->SetBackgroundColour(wxColour(0xEE, 0xF2, 0xF6));
    m_outcomeText = new wxStaticText(m_outcome, wxID_ANY,
                                     m_mode == Mode::Phone ? _("Enter books it (waiting for payment) · Esc cancels")
                                                           : _("Enter takes the payment · Esc cancels"));
    wxFont outcomeFont = GetFont().Bold();
    outcomeFont.SetPointSize(14);
    m_outcomeText->SetFont(outcomeFont);
    m_outcomeChange = new wxStaticText(m_outcome, wxID_ANY, _("To pay: …"));
    wxFont changeFont = GetFont().Bold();
    changeFont.SetPointSize(28);
    m_outcomeChange->SetFont(changeFont);
    m_outcomeChange->SetForegroundColour(wxColour(0x34, 0x49, 0x5E));
    auto* outcome = new wxBoxSizer(wxVERTICAL);
    outcome->Add(m_outcomeText, wxSizerFlags().Border(wxALL, FromDIP(10)));
    outcome->Add(m_outcomeChange, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10)));
    m_outcome->SetSizer(outcome);
    top->Add(m_outcome, wxSizerFlags().Expand().Border(wxALL, gap));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_print = new wxButton(this, wxID_PRINT, _("&Print receipt (Ctrl+P)"));
    m_print->Hide();
    m_ok = new wxButton(this, wxID_OK, m_mode == Mode::Phone ? _("&Book (Enter)")
                                      : m_mode == Mode::Collect ? _("&Collect (Enter)") : _("&Sell (Enter)"));
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel (Esc)"));
    buttons->Add(m_print);
    buttons->AddStretchSpacer();
    buttons->Add(cancel, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    buttons->Add(m_ok);
    m_ok->SetDefault();
    SetAffirmativeId(wxID_NONE);   // Enter runs Confirm, which closes only once sold
    SetEscapeId(wxID_CANCEL);
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));
    SetSizerAndFit(top);
    ShowPaymentRows();

    m_ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Confirm(); });
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { PrintReceipt(); });
    cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!m_busy) Destroy();
    });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        if (m_busy && event.CanVeto()) return event.Veto();
        Destroy();
    });
    Bind(wxEVT_CHAR_HOOK, &SaleDialog::OnCharHook, this);
    for (wxWindow* field : {static_cast<wxWindow*>(m_given), static_cast<wxWindow*>(m_voucherCode),
                            static_cast<wxWindow*>(m_splitCash), static_cast<wxWindow*>(m_splitCard),
                            static_cast<wxWindow*>(m_splitVoucher)})
        if (field) field->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdateTotals(); });
    if (m_departure) m_departure->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateTotals(); });
    if (m_mode != Mode::Collect) {
        // The spin's own field: typing "2" counts before the focus leaves it.
        for (wxSpinCtrl* spin : {m_adults, m_children, m_babies}) {
            spin->Bind(wxEVT_SPINCTRL, [this](wxCommandEvent&) { UpdateTotals(); });
            spin->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdateTotals(); });
        }
    }
    // The first field is the one typed first: the party, or the cash given when collecting.
    CallAfter([this] {
        if (m_adults) {
            m_adults->SetFocus();
            m_adults->SetSelection(-1, -1);
        } else if (m_given) {
            m_given->SetFocus();
        }
    });
}

wxSizer* SaleDialog::BuildParty()
{
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto spin = [&](const wxString& label, int initial) {
        row->Add(Label(this, label), wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(6)));
        auto* s = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(150, -1)),
                                 wxSP_ARROW_KEYS | wxTE_PROCESS_ENTER, 0, 50, initial);
        row->Add(s, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(16)));
        return s;
    };
    m_adults = spin(_("&Adults"), 1);
    m_children = spin(_("&Children"), 0);
    m_babies = spin(_("&Babies"), 0);
    // Enter in a count sells, as anywhere in the form.
    for (wxSpinCtrl* s : {m_adults, m_children, m_babies})
        s->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Confirm(); });
    m_fields["adults"] = m_fields["party"] = m_adults;
    m_fields["children"] = m_children;
    m_fields["babies"] = m_babies;
    m_total = Label(this, _("Total: …"));
    wxFont big = GetFont().Bold();
    big.SetPointSize(18);
    m_total->SetFont(big);
    // Room for a four-digit total from the start: the Total is always shown and the dialog never jumps.
    m_total->SetMinSize(wxSize(m_total->GetTextExtent(wxString::Format(_("Total: %s"),
                                                                       FormatMoney(domain::Money::cents(888888)))).x,
                               -1));
    row->AddStretchSpacer();
    row->Add(m_total, wxSizerFlags().CenterVertical());
    return row;
}

wxSizer* SaleDialog::BuildPayment()
{
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Payment"));
    auto* methods = new wxBoxSizer(wxHORIZONTAL);
    m_cash = new wxRadioButton(this, wxID_ANY, _("Cas&h"), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    m_card = new wxRadioButton(this, wxID_ANY, _("Car&d"));
    m_voucher = new wxRadioButton(this, wxID_ANY, _("&Voucher"));
    m_split = new wxRadioButton(this, wxID_ANY, _("Spli&t"));
    m_card->SetToolTip(_("Paid on the desk's card terminal: confirm once the terminal has accepted it"));
    m_split->SetToolTip(_("Part cash, part card, part voucher: the amounts must add up to the total"));
    for (wxRadioButton* r : {m_cash, m_card, m_voucher, m_split}) {
        methods->Add(r, wxSizerFlags().Border(wxRIGHT, FromDIP(18)));
        r->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) {
            ShowPaymentRows();
            UpdateTotals();
        });
    }
    m_cash->SetValue(true);
    box->Add(methods, wxSizerFlags().Border(wxALL, FromDIP(6)));

    auto* grid = new wxFlexGridSizer(4, FromDIP(8), FromDIP(10));
    grid->AddGrowableCol(3);
    auto amountField = [this] {
        return new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(110, -1)),
                              wxTE_RIGHT | wxTE_PROCESS_ENTER);
    };
    wxFont large = GetFont().Bold();
    large.SetPointSize(14);
    // Cash: what the customer hands over, and the change.
    auto* givenLabel = Label(this, _("Cash &given"));
    m_given = amountField();
    m_given->SetFont(large);
    m_given->SetToolTip(_("What the customer hands over: Enter sells once it covers the cash to take"));
    m_change = Label(this, wxString());
    m_change->SetFont(large);
    m_change->SetMinSize(wxSize(m_change->GetTextExtent(wxString::Format(_("Change: %s"),
                                                                         FormatMoney(domain::Money::cents(88888)))).x,
                                -1));
    m_exact = new wxCheckBox(this, wxID_ANY, _("E&xact amount"));
    m_exact->SetToolTip(_("The customer hands over exactly the amount: no change"));
    grid->Add(givenLabel, wxSizerFlags().CenterVertical());
    grid->Add(m_given, wxSizerFlags().CenterVertical());
    grid->Add(m_exact, wxSizerFlags().CenterVertical());
    grid->Add(m_change, wxSizerFlags().CenterVertical());
    m_cashRow = {givenLabel, m_given, m_exact, m_change};
    m_exact->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (m_exact->GetValue()) m_given->ChangeValue(wxString());
        m_given->Enable(!m_exact->GetValue());
        UpdateTotals();
    });
    // Split: the amount of each method, and what remains to share out.
    auto* splitLabel = Label(this, _("Amounts"));
    auto* splitRow = new wxBoxSizer(wxHORIZONTAL);
    std::vector<wxWindow*> splitWindows{splitLabel};
    auto addSplit = [&](const wxString& label) {
        auto* l = Label(this, label);
        auto* f = amountField();
        splitRow->Add(l, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(4)));
        splitRow->Add(f, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(12)));
        splitWindows.push_back(l);
        splitWindows.push_back(f);
        return f;
    };
    m_splitCash = addSplit(_("cash"));
    m_splitCard = addSplit(_("card"));
    m_splitVoucher = addSplit(_("voucher"));
    m_remainder = Label(this, wxString());
    m_remainder->SetFont(GetFont().Bold());
    splitWindows.push_back(m_remainder);
    m_splitRows = splitWindows;
    // Voucher: the code as typed or scanned.
    auto* codeLabel = Label(this, _("Vo&ucher code"));
    m_voucherCode = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(220, -1)),
                                   wxTE_PROCESS_ENTER);
    m_voucherCode->SetHint("SN-GIFT-…");
    m_voucherRow = {codeLabel, m_voucherCode};
    for (wxTextCtrl* f : {m_given, m_splitCash, m_splitCard, m_splitVoucher, m_voucherCode})
        f->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Confirm(); });

    box->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(6)));
    auto* split = new wxBoxSizer(wxHORIZONTAL);
    split->Add(splitLabel, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(10)));
    split->Add(splitRow, wxSizerFlags().CenterVertical());
    split->Add(m_remainder, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));
    box->Add(split, wxSizerFlags().Border(wxALL, FromDIP(6)));
    auto* code = new wxBoxSizer(wxHORIZONTAL);
    code->Add(codeLabel, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(10)));
    code->Add(m_voucherCode, wxSizerFlags().CenterVertical());
    box->Add(code, wxSizerFlags().Border(wxALL, FromDIP(6)));
    m_fields["cash given"] = m_given;
    m_fields["cash"] = m_mode == Mode::Collect ? static_cast<wxWindow*>(m_given) : m_splitCash;
    m_fields["voucher"] = m_voucherCode;
    m_fields["payment"] = m_splitCash;
    return box;
}

void SaleDialog::ShowPaymentRows()
{
    if (!m_cash) return;
    const bool split = m_split->GetValue();
    for (wxWindow* w : m_cashRow) w->Show(m_cash->GetValue() || split);
    for (wxWindow* w : m_splitRows) w->Show(split);
    for (wxWindow* w : m_voucherRow) w->Show(m_voucher->GetValue() || split);
    m_fields["payment"] = split ? static_cast<wxWindow*>(m_splitCash) : m_cash;
    FitContent();
}

void SaleDialog::FitContent()
{
    if (!GetSizer()) return;
    // Grows (never shrinks under the user's hand) to what the rows shown need.
    const wxSize need = GetSizer()->ComputeFittingWindowSize(this);
    SetMinSize(wxDefaultSize);
    SetMinSize(need);
    const wxSize now = GetSize();
    SetSize(std::max(now.x, need.x), std::max(now.y, need.y));
    Layout();
}

void SaleDialog::LoadPrices()
{
    // The price lists are read once; the live total is then computed here as the counts change.
    RunOnWorker(
        *m_session->worker, this,
        [](domain::Store& store) { return app::priceLists(store); },
        [](SaleDialog& d, std::vector<domain::PriceList> lists) {
            d.m_prices = std::move(lists);
            d.UpdateTotals();
        },
        [](SaleDialog& d, const Failure& f) { d.Failed(f); });
}

domain::Money SaleDialog::Due() const
{
    if (m_mode == Mode::Collect) return m_booking->due;
    if (!m_prices) return domain::Money::zero();
    const domain::Party party{m_adults->GetValue(), m_children->GetValue(), m_babies->GetValue()};
    try {
        return domain::quoteParty(domain::priceListOn(*m_prices, m_day.date), party).total;
    } catch (const domain::Error&) {
        return domain::Money::zero();
    }
}

void SaleDialog::UpdateTotals()
{
    if (m_result) return;
    const domain::Money due = Due();
    if (m_mode == Mode::Collect) m_total->SetLabel(wxString::Format(_("Due: %s"), FormatMoney(due)));
    else m_total->SetLabel(m_prices ? wxString::Format(_("Total: %s"), FormatMoney(due)) : _("Total: …"));
    if (!m_given && m_outcomeChange) m_outcomeChange->SetLabel(wxString::Format(_("Total: %s"), FormatMoney(due)));
    if (m_given) {
        wxString change;
        try {
            const domain::Money cashPart = m_split->GetValue() ? ParseAmount(m_splitCash, "cash") : due;
            const domain::Money given = ParseAmount(m_given, "cash given");
            if (m_exact->GetValue())
                change = _("No change");
            else if (given.cents() > 0 && given >= cashPart)
                change = wxString::Format(_("Change: %s"), FormatMoney(given - cashPart));
            else if (given.cents() > 0)
                change = wxString::Format(_("Short by %s"), FormatMoney(cashPart - given));
        } catch (const domain::Error&) {
            change = _("Not an amount");
        }
        m_change->SetLabel(change);
        if (m_outcomeChange) m_outcomeChange->SetLabel(change.empty() ? wxString::Format(_("To pay: %s"), FormatMoney(due)) : change);
        wxString remainder;
        if (m_split->GetValue()) {
            try {
                const domain::Money rest = due - ParseAmount(m_splitCash, "cash") - ParseAmount(m_splitCard, "card") -
                                           ParseAmount(m_splitVoucher, "voucher");
                remainder = rest.cents() == 0 ? wxString::FromUTF8("✓ ") + _("adds up")
                            : rest.cents() > 0 ? wxString::Format(_("%s left to share out"), FormatMoney(rest))
                                               : wxString::Format(_("%s too much"), FormatMoney(-rest));
            } catch (const domain::Error&) {
                remainder = _("Not an amount");
            }
        }
        m_remainder->SetLabel(remainder);
    }
    Layout();
}

std::vector<app::Tender> SaleDialog::Tenders() const
{
    const domain::Money due = Due();
    std::vector<app::Tender> tenders;
    auto add = [&](domain::PaymentMethod method, domain::Money amount) {
        app::Tender t;
        t.method = method;
        t.amount = amount;
        // Zero given tells the use case the cash is exact.
        if (method == domain::PaymentMethod::Cash && !m_exact->GetValue()) t.given = ParseAmount(m_given, "cash given");
        if (method == domain::PaymentMethod::Voucher)
            t.voucherCode = m_voucherCode->GetValue().Strip(wxString::both).ToStdString(wxConvUTF8);
        tenders.push_back(t);
    };
    if (m_cash->GetValue()) add(domain::PaymentMethod::Cash, due);
    else if (m_card->GetValue()) add(domain::PaymentMethod::Card, due);
    else if (m_voucher->GetValue()) add(domain::PaymentMethod::Voucher, due);
    else {
        const domain::Money cash = ParseAmount(m_splitCash, "cash");
        const domain::Money card = ParseAmount(m_splitCard, "payment");
        const domain::Money voucher = ParseAmount(m_splitVoucher, "voucher");
        if (cash.cents()) add(domain::PaymentMethod::Cash, cash);
        if (card.cents()) add(domain::PaymentMethod::Card, card);
        if (voucher.cents()) add(domain::PaymentMethod::Voucher, voucher);
        if (cash + card + voucher != due)
            throw domain::ValidationError("payment", "the amounts add up to " + (cash + card + voucher).display(',') +
                                                         ", not the total " + due.display(','));
    }
    return tenders;
}

void SaleDialog::Confirm()
{
    if (m_busy) return;
    if (m_result) {
        Destroy();   // sold: Enter closes, the queue moves on
        return;
    }
    if (!IsReady()) return;
    Highlight(nullptr);
    SetError(wxString());
    // A stray Enter must not sell: the payment has to be complete first.
    if (const auto missing = Incomplete()) {
        SetError(missing->first);
        Highlight(missing->second);
        if (missing->second) missing->second->SetFocus();
        FitContent();
        return;
    }
    std::optional<domain::Uuid> employee;
    if (m_session->employee) employee = m_session->employee->id;
    const auto clock = m_session->clock;
    try {
        if (m_mode == Mode::Collect) {
            const std::vector<app::Tender> tenders = Tenders();
            const domain::PublicRef ref = m_booking->booking.ref;
            m_busy = true;
            RunOnWorker(
                *m_session->worker, this,
                [clock, ref, tenders, employee](domain::Store& store) {
                    return app::collectPayment(store, *clock, ref, tenders, employee);
                },
                [](SaleDialog& d, app::DeskSaleResult r) { d.Succeeded(std::move(r)); },
                [](SaleDialog& d, const Failure& f) { d.Failed(f); });
            return;
        }
        const int choice = m_departure->GetSelection();
        if (choice < 0) throw domain::ValidationError("departure", "choose a departure");
        app::DeskSaleRequest request;
        request.sale.date = m_day.date;
        request.sale.time = m_day.departures[static_cast<std::size_t>(choice)].time;
        request.sale.party = {m_adults->GetValue(), m_children->GetValue(), m_babies->GetValue()};
        request.sale.channel = m_mode == Mode::Phone ? domain::Channel::Phone : domain::Channel::Desk;
        request.sale.language = kLanguages[std::max(0, m_language->GetSelection())];
        request.sale.employeeId = employee;
        domain::Customer customer;
        customer.name = m_name->GetValue().Strip(wxString::both).ToStdString(wxConvUTF8);
        customer.phone = m_phone->GetValue().Strip(wxString::both).ToStdString(wxConvUTF8);
        customer.email = m_email->GetValue().Strip(wxString::both).ToStdString(wxConvUTF8);
        customer.language = request.sale.language;
        if (!customer.name.empty() || !customer.phone.empty() || !customer.email.empty()) {
            customer.id = domain::Uuid::generate();
            request.sale.customer = customer;
        }
        if (m_mode == Mode::Sale) request.tenders = Tenders();
        m_busy = true;
        RunOnWorker(
            *m_session->worker, this,
            [clock, request](domain::Store& store) { return app::sellAtDesk(store, *clock, request); },
            [](SaleDialog& d, app::DeskSaleResult r) { d.Succeeded(std::move(r)); },
            [](SaleDialog& d, const Failure& f) { d.Failed(f); });
    } catch (const domain::Error&) {
        Failed(CurrentFailure());
    }
}

void SaleDialog::Succeeded(app::DeskSaleResult result)
{
    m_busy = false;
    m_result = std::move(result);
    const auto& r = *m_result;
    // The form is kept on screen, read-only, so the total stays readable above the change.
    for (wxWindow* child : GetChildren())
        if (child != m_outcome && child != m_ok && child != m_print && !dynamic_cast<wxStaticText*>(child) &&
            !dynamic_cast<wxStaticBox*>(child))
            child->Disable();
    FindWindow(wxID_CANCEL)->Enable();
    wxString text;
    if (r.receipt)
        // TRANSLATORS: after a sale: receipt number and booking reference
        text = wxString::Format(_("Sold: receipt no. %lld · %s"), static_cast<long long>(r.receipt->number),
                                wxString::FromUTF8(r.sale.booking.ref.str()));
    else
        text = wxString::Format(_("Booked %s: waiting for payment"), wxString::FromUTF8(r.sale.booking.ref.str()));
    m_outcomeText->SetLabel(text);
    m_outcomeChange->SetLabel(r.receipt ? wxString::Format(_("Change to give: %s"), FormatMoney(r.change))
                                        : wxString::Format(_("Total: %s"), FormatMoney(r.sale.booking.total)));
    m_outcome->SetBackgroundColour(wxColour(0xE6, 0xF4, 0xEA));
    m_outcomeChange->SetForegroundColour(wxColour(0x1E, 0x7B, 0x34));
    m_outcome->Refresh();
    m_print->Show(r.receipt.has_value());
    m_print->Enable(r.receipt.has_value());
    m_ok->SetLabel(_("&Close (Enter)"));
    FitContent();
    m_ok->SetFocus();
    if (m_onDone) m_onDone(r);
}

std::optional<std::pair<wxString, wxWindow*>> SaleDialog::Incomplete() const
{
    if (m_mode == Mode::Phone || !m_cash) return std::nullopt;
    const domain::Money due = Due();
    auto cashCovered = [&](const domain::Money& cashPart) -> std::optional<std::pair<wxString, wxWindow*>> {
        if (m_exact->GetValue() || cashPart.cents() == 0) return std::nullopt;
        try {
            const domain::Money given = ParseAmount(m_given, "cash given");
            if (given >= cashPart) return std::nullopt;
            if (given.cents() > 0)
                return std::pair{wxString::Format(_("The cash given is %s short of %s."), FormatMoney(cashPart - given),
                                                  FormatMoney(cashPart)),
                                 static_cast<wxWindow*>(m_given)};
        } catch (const domain::Error&) {
            return std::pair{wxString(_("The cash given is not an amount.")), static_cast<wxWindow*>(m_given)};
        }
        return std::pair{wxString::Format(_("Type the cash given (at least %s), or tick \"Exact amount\"."),
                                          FormatMoney(cashPart)),
                         static_cast<wxWindow*>(m_given)};
    };
    if (m_cash->GetValue()) return cashCovered(due);
    if (m_voucher->GetValue() || (m_split->GetValue() && !m_splitVoucher->GetValue().Strip(wxString::both).empty()))
        if (m_voucherCode->GetValue().Strip(wxString::both).empty())
            return std::pair{wxString(_("Scan or type the voucher's code.")), static_cast<wxWindow*>(m_voucherCode)};
    if (m_split->GetValue()) {
        try {
            const domain::Money cash = ParseAmount(m_splitCash, "cash");
            const domain::Money rest = due - cash - ParseAmount(m_splitCard, "card") - ParseAmount(m_splitVoucher, "voucher");
            if (rest.cents() != 0)
                return std::pair{wxString::Format(_("The amounts must add up to the total %s."), FormatMoney(due)),
                                 static_cast<wxWindow*>(m_splitCash)};
            return cashCovered(cash);
        } catch (const domain::Error&) {
            return std::pair{wxString(_("One of the amounts is not an amount.")), static_cast<wxWindow*>(m_splitCash)};
        }
    }
    return std::nullopt;   // card: the terminal has taken it
}

void SaleDialog::SetError(const wxString& text)
{
    // Wrapped to the dialog's width, never cut ("…: try" then nothing).
    m_error->SetLabelText(text);
    m_error->Wrap(std::max(FromDIP(400), GetClientSize().x - FromDIP(24)));
}

void SaleDialog::Failed(const Failure& failure)
{
    m_busy = false;
    SetError(failure.message);
    const auto it = m_fields.find(failure.field);
    Highlight(it != m_fields.end() ? it->second : nullptr);
    if (m_highlighted) m_highlighted->SetFocus();
    FitContent();
}

void SaleDialog::Highlight(wxWindow* field)
{
    if (m_highlighted) {
        m_highlighted->SetBackgroundColour(wxNullColour);
        m_highlighted->Refresh();
    }
    m_highlighted = field;
    if (field) {
        field->SetBackgroundColour(kErrorField);
        field->Refresh();
    }
}

void SaleDialog::PrintReceipt()
{
    if (!m_result || !m_result->receipt) return;
    ui::PrintReceipt(
        this, *m_session, m_result->receipt->number, false,
        [this](const wxString& path) { m_printed = path; },
        [this](const wxString& message) {
            SetError(message);
            FitContent();
        });
}

void SaleDialog::OnCharHook(wxKeyEvent& event)
{
    if (event.GetKeyCode() == 'P' && event.GetModifiers() == wxMOD_CONTROL) return PrintReceipt();
    if ((event.GetKeyCode() == WXK_RETURN || event.GetKeyCode() == WXK_NUMPAD_ENTER) && !event.HasAnyModifiers()) {
        // Enter sells from any field except a button that has its own meaning.
        wxWindow* focus = FindFocus();
        if (!dynamic_cast<wxButton*>(focus) || focus == m_ok) return Confirm();
    }
    event.Skip();
}

wxString SaleDialog::TotalText() const { return m_total->GetLabel(); }
wxString SaleDialog::ChangeText() const { return m_result ? m_outcomeChange->GetLabel() : m_change ? m_change->GetLabel() : wxString(); }
wxString SaleDialog::RemainderText() const { return m_remainder ? m_remainder->GetLabel() : wxString(); }
wxString SaleDialog::ErrorText() const { return m_error->GetLabelText(); }
wxString SaleDialog::OutcomeText() const { return m_outcomeText->GetLabel(); }

}  // namespace narcisse::ui
