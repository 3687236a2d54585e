#include "ui/accounts_dialog.h"

#include "ui/access.h"
#include "ui/cash_labels.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace narcisse::ui {
namespace {

// The rule the FEC import sets (ChartOfAccounts::problems says it in words): a number, whose first
// three characters are digits, and a label. Used only to colour the fields at fault.
bool NumberLooksRight(const std::string& n)
{
    return n.size() >= 3 && std::all_of(n.begin(), n.begin() + 3, [](unsigned char c) { return std::isdigit(c); });
}

std::string Trimmed(const wxTextCtrl* field)
{
    wxString text = field->GetValue();
    return text.Trim().Trim(false).utf8_string();
}

// ChartOfAccounts::problems names the role by its settings key ("vat_collected: …"): the screen
// names it as its rows do.
wxString ProblemText(const std::string& problem);

}  // namespace

wxString AccountRoleName(domain::AccountRole role)
{
    using R = domain::AccountRole;
    switch (role) {
        case R::Sales: return _("Ride sales");
        case R::VatCollected: return _("VAT collected (rates without their own account)");
        case R::Cash: return _("Cash drawer");
        case R::Bank: return _("Bank");
        // TRANSLATORS: card payments taken on the terminal, not yet credited by the bank
        case R::CardClearing: return _("Card payments awaiting settlement");
        case R::Providers: return _("Stripe and PayPal balances");
        // TRANSLATORS: money on its way between the drawer and the bank (deposits, change brought in)
        case R::Transfers: return _("Internal transfers");
        case R::ProviderFees: return _("Payment provider fees");
        case R::VoucherAdvances: return _("Gift vouchers sold, not yet used");
        // TRANSLATORS: cash paid out of the drawer for something the accountant will classify
        case R::CashSuspense: return _("Cash paid out, to be classified");
    }
    return wxString::FromUTF8(std::string(domain::toString(role)));
}

namespace {

wxString ProblemText(const std::string& problem)
{
    for (auto role : domain::allAccountRoles()) {
        const std::string key = std::string(domain::toString(role)) + ":";
        if (problem.rfind(key, 0) == 0) return AccountRoleName(role) + ":" + wxString::FromUTF8(problem.substr(key.size()));
    }
    if (problem.rfind("vat ", 0) == 0) return _("VAT collected at") + " " + wxString::FromUTF8(problem.substr(4));
    return wxString::FromUTF8(problem);
}

}  // namespace

AccountsDialog::AccountsDialog(wxWindow* parent, std::shared_ptr<Session> session)
    : wxDialog(parent, wxID_ANY, _("Accounts"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session))
{
    const int margin = FromDIP(16);
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("The account each kind of event is booked to in the journal and the FEC file. "
                                     "The defaults are those of the French chart of accounts."));
    intro->Wrap(FromDIP(760));
    top->Add(intro, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    m_grid = new wxFlexGridSizer(4, FromDIP(6), FromDIP(10));
    m_grid->AddGrowableCol(2);
    for (const wxString& heading : {_("Used for"), _("Number"), _("Label"), _("Default")}) {
        auto* text = new wxStaticText(this, wxID_ANY, heading);
        text->SetFont(GetFont().Bold());
        m_grid->Add(text);
    }
    top->Add(m_grid, wxSizerFlags().Expand().Border(wxALL, margin));
    m_problems = new wxStaticText(this, wxID_ANY, wxString());
    m_problems->SetForegroundColour(kCashError);
    top->Add(m_problems, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, margin));
    m_message = new wxStaticText(this, wxID_ANY, _("Reading the accounts…"));
    m_message->SetForegroundColour(kCashMuted);
    top->Add(m_message, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, margin));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_reset = new wxButton(this, wxID_ANY, _("Reset to &defaults"));
    m_reset->SetToolTip(_("Put the French defaults back in every field (saved only with Save)"));
    buttons->Add(m_reset);
    buttons->AddStretchSpacer();
    m_save = new wxButton(this, wxID_SAVE, _("&Save"));
    m_save->SetDefault();
    buttons->Add(m_save);
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")), wxSizerFlags().Border(wxLEFT, FromDIP(8)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, margin));
    SetSizer(top);
    m_save->Disable();
    m_reset->Disable();

    m_reset->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ResetToDefaults(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); }, wxID_SAVE);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Destroy(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });

    m_busy = true;
    RunOnWorker(
        *m_session->worker, this,
        [](domain::Store& store) {
            Loaded loaded{app::chartOfAccounts(store), {}};
            std::set<int> rates{1000};   // passenger transport: always there
            store.read([&rates](domain::StoreReader& r) {
                for (const auto& list : r.priceLists()) rates.insert(list.vatRateBasisPoints);
            });
            for (const auto& [rate, account] : loaded.chart.vatAccounts()) rates.insert(rate);
            loaded.rates.assign(rates.begin(), rates.end());
            return loaded;
        },
        [](AccountsDialog& d, Loaded loaded) { d.OnLoaded(std::move(loaded)); },
        [](AccountsDialog& d, const Failure& failure) {
            d.m_busy = false;
            d.ShowMessage(wxString::Format(_("The accounts cannot be read: %s"), failure.message), true);
            d.Fit();
            if (d.m_showWhenLoaded) d.Show();
        });
    Fit();
    CentreOnParent();
}

AccountsDialog* ShowAccountsDialog(wxWindow* parent, std::shared_ptr<Session> session)
{
    // Shown before its rows, the dialog was mapped at the size of an empty form and a window manager
    // kept that size: the buttons came out as slivers until resized by hand.
    auto* dialog = new AccountsDialog(parent, std::move(session));
    dialog->ShowOnceSized();
    return dialog;
}

void AccountsDialog::ShowOnceSized()
{
    if (m_loaded || !m_busy)
        Show();
    else
        m_showWhenLoaded = true;
}

void AccountsDialog::AddRow(std::optional<domain::AccountRole> role, int rate, const domain::Account& current)
{
    const auto defaults = domain::ChartOfAccounts::defaults();
    Row row;
    row.role = role;
    row.rate = rate;
    row.fallback = role ? defaults.of(*role) : defaults.vat(rate);
    // TRANSLATORS: the account of one VAT rate, e.g. "VAT collected at 10 %"
    const wxString name = role ? AccountRoleName(*role) : wxString::Format(_("VAT collected at %s"), VatRateText(rate));
    m_grid->Add(new wxStaticText(this, wxID_ANY, name), wxSizerFlags().CenterVertical());
    row.number = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(current.number), wxDefaultPosition, FromDIP(wxSize(90, -1)));
    row.label = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(current.label), wxDefaultPosition, FromDIP(wxSize(320, -1)));
    m_grid->Add(row.number, wxSizerFlags().CenterVertical());
    m_grid->Add(row.label, wxSizerFlags().Expand().CenterVertical());
    auto* fallback = new wxStaticText(this, wxID_ANY,
                                      wxString::FromUTF8(row.fallback.number) + wxS("  ") + wxString::FromUTF8(row.fallback.label));
    fallback->SetForegroundColour(kCashMuted);
    m_grid->Add(fallback, wxSizerFlags().CenterVertical());
    for (auto* field : {row.number, row.label}) field->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Check(); });
    m_rows.push_back(row);
}

void AccountsDialog::OnLoaded(Loaded loaded)
{
    m_busy = false;
    m_loaded = true;
    m_filling = true;
    for (const auto& [rate, account] : loaded.chart.vatAccounts()) m_ownVat.insert(rate);
    for (auto role : domain::allAccountRoles()) AddRow(role, 0, loaded.chart.of(role));
    for (int rate : loaded.rates) AddRow(std::nullopt, rate, loaded.chart.vat(rate));
    m_filling = false;
    AllowFor(m_reset, *m_session, domain::Action::EditSettings, true, m_reset->GetToolTipText());
    ShowMessage(wxString(), false);
    Check();
    Fit();
    SetMinSize(GetSize());
    CentreOnParent();
    if (m_showWhenLoaded) Show();
}

domain::ChartOfAccounts AccountsDialog::Chart() const
{
    auto chart = domain::ChartOfAccounts::defaults();
    for (const auto& row : m_rows)
        if (row.role) chart.set(*row.role, domain::Account{Trimmed(row.number), Trimmed(row.label)});
    // A rate that says what VAT collected says is left to follow it (a later change of that account
    // moves it too), unless the settings already give the rate an account of its own.
    for (const auto& row : m_rows) {
        if (row.role) continue;
        domain::Account account{Trimmed(row.number), Trimmed(row.label)};
        if (account == chart.of(domain::AccountRole::VatCollected) && !m_ownVat.count(row.rate)) continue;
        chart.setVat(row.rate, std::move(account));
    }
    return chart;
}

void AccountsDialog::Check()
{
    if (m_filling || !m_loaded) return;
    const auto problems = Chart().problems();
    wxString text;
    for (const auto& p : problems) text += (text.empty() ? "" : "\n") + ProblemText(p);
    m_problems->SetLabel(text);
    m_problems->Wrap(FromDIP(760));
    for (const auto& row : m_rows) {
        const bool badNumber = !NumberLooksRight(Trimmed(row.number));
        const bool badLabel = Trimmed(row.label).empty();
        row.number->SetBackgroundColour(badNumber ? kCashErrorField : wxNullColour);
        row.label->SetBackgroundColour(badLabel ? kCashErrorField : wxNullColour);
        row.number->Refresh();
        row.label->Refresh();
    }
    AllowFor(m_save, *m_session, domain::Action::EditSettings, problems.empty() && !m_busy);
    if (!problems.empty()) m_message->SetLabel(wxString());
    Layout();
    if (GetSizer()) GetSizer()->SetSizeHints(this);
}

void AccountsDialog::ResetToDefaults()
{
    m_filling = true;
    for (const auto& row : m_rows) {
        row.number->ChangeValue(wxString::FromUTF8(row.fallback.number));
        row.label->ChangeValue(wxString::FromUTF8(row.fallback.label));
    }
    m_filling = false;
    ShowMessage(_("The defaults are in the fields: Save to keep them."), false);
    Check();
}

wxTextCtrl* AccountsDialog::NumberField(domain::AccountRole role) const
{
    for (const auto& row : m_rows)
        if (row.role == role) return row.number;
    return nullptr;
}

wxTextCtrl* AccountsDialog::LabelField(domain::AccountRole role) const
{
    for (const auto& row : m_rows)
        if (row.role == role) return row.label;
    return nullptr;
}

wxTextCtrl* AccountsDialog::VatNumberField(int rateBasisPoints) const
{
    for (const auto& row : m_rows)
        if (!row.role && row.rate == rateBasisPoints) return row.number;
    return nullptr;
}

wxString AccountsDialog::ProblemsText() const { return m_problems->GetLabel(); }
wxString AccountsDialog::MessageText() const { return m_message->GetLabel(); }

void AccountsDialog::ShowMessage(const wxString& text, bool error)
{
    m_message->SetForegroundColour(error ? kCashError : kCashOk);
    m_message->SetLabel(text);
    m_message->Wrap(FromDIP(760));
    Layout();
}

void AccountsDialog::Save()
{
    if (m_busy || !m_loaded) return;
    const auto chart = Chart();
    if (!chart.problems().empty()) {   // refused here: the check above says why
        Check();
        ShowMessage(_("Not saved: correct the accounts named in red first."), true);
        return;
    }
    m_busy = true;
    m_save->Disable();
    const auto clock = m_session->clock;
    const auto employee = ActingEmployee(*m_session);
    RunOnWorker(
        *m_session->worker, this,
        [clock, employee, chart](domain::Store& store) {
            app::saveChartOfAccounts(store, *clock, chart, employee);
            return true;
        },
        [](AccountsDialog& d, bool) {
            d.m_busy = false;
            d.m_saved = true;
            d.ShowMessage(_("Saved: new entries are booked to these accounts."), false);
            d.Check();
            if (d.m_onSaved) d.m_onSaved();
        },
        [](AccountsDialog& d, const Failure& failure) {
            // The fields keep what was typed: nothing is lost, the sentence says what to change.
            d.m_busy = false;
            d.ShowMessage(wxString::Format(_("Not saved: %s"), failure.message), true);
            for (const auto& row : d.m_rows)
                if (row.role && failure.field == domain::toString(*row.role)) {
                    row.number->SetBackgroundColour(kCashErrorField);
                    row.number->SetFocus();
                }
            d.m_save->Enable();
        });
}

}  // namespace narcisse::ui
