#include "ui/close_day_dialog.h"

#include "ui/cash_count_grid.h"
#include "ui/cash_print.h"
#include "ui/closings_dialog.h"
#include "ui/format.h"
#include "ui/icons.h"

#include <wx/dateevt.h>
#include <wx/datectrl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/settings.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace narcisse::ui {
namespace {

// "+2,00 €" / "-1,50 €" / "0,00 €": a difference says which way it goes.
wxString SignedMoney(const domain::Money& amount)
{
    return amount.cents() > 0 ? "+" + FormatMoney(amount) : FormatMoney(amount);
}

}  // namespace

CloseDayDialog::CloseDayDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::LocalDate date)
    : wxDialog(parent, wxID_ANY, _("Daily closing (Z)"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session)),
      m_date(date)
{
    SetIcons(GetAppIcons());
    BuildLayout();
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
    SetEscapeId(wxID_CLOSE);
    // Esc closes wherever the focus is, also when the button that had it was greyed meanwhile.
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE && !e.HasAnyModifiers()) return static_cast<void>(Close());
        e.Skip();
    });
    CentreOnParent();
    Reload();
}

void CloseDayDialog::BuildLayout()
{
    const int border = FromDIP(16);
    auto* top = new wxBoxSizer(wxVERTICAL);

    auto* dateRow = new wxBoxSizer(wxHORIZONTAL);
    dateRow->Add(new wxStaticText(this, wxID_ANY, _("&Day:")), wxSizerFlags().CenterVertical());
    m_datePicker = new wxDatePickerCtrl(this, wxID_ANY, ToWxDate(m_date));
    dateRow->Add(m_datePicker, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(8)));
    m_dayState = new wxStaticText(this, wxID_ANY, wxString());
    m_dayState->SetFont(GetFont().Bold());
    dateRow->Add(m_dayState, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(16)));
    top->Add(dateRow, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));
    m_datePicker->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent& e) { SetDate(FromWxDate(e.GetDate())); });

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* figuresBox = new wxStaticBoxSizer(wxVERTICAL, this, _("The day's figures"));
    m_figuresPanel = new wxPanel(figuresBox->GetStaticBox());
    m_figures = new wxFlexGridSizer(5, FromDIP(3), FromDIP(14));
    m_figures->AddGrowableCol(0);
    m_figuresPanel->SetSizer(m_figures);
    figuresBox->Add(m_figuresPanel, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(6)));
    left->Add(figuresBox, wxSizerFlags(1).Expand());
    // Beside the count, under the figures: the comment explains the difference shown next to it.
    left->Add(new wxStaticText(this, wxID_ANY, _("C&omment (required when the count differs):")),
              wxSizerFlags().Border(wxTOP, FromDIP(12)));
    m_comment = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(-1, 64)), wxTE_MULTILINE);
    left->Add(m_comment, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
    columns->Add(left, wxSizerFlags(1).Expand());

    auto* countBox = new wxStaticBoxSizer(wxVERTICAL, this, _("Cash count"));
    m_grid = new CashCountGrid(countBox->GetStaticBox());
    countBox->Add(m_grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    auto* cash = new wxFlexGridSizer(2, FromDIP(3), FromDIP(12));
    cash->AddGrowableCol(1);
    auto cashRow = [&](const wxString& label, wxStaticText*& value) {
        auto* text = new wxStaticText(countBox->GetStaticBox(), wxID_ANY, label);
        text->SetFont(GetFont().Bold());
        cash->Add(text, wxSizerFlags().CenterVertical());
        value = new wxStaticText(countBox->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 wxALIGN_RIGHT);
        value->SetFont(GetFont().Bold());
        cash->Add(value, wxSizerFlags().Right().CenterVertical());
    };
    cashRow(_("Expected cash"), m_expected);
    cashRow(_("Difference"), m_difference);
    m_difference->SetFont(GetFont().Scaled(1.2f).Bold());
    countBox->Add(cash, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6)));
    columns->Add(countBox, wxSizerFlags().Expand().Border(wxLEFT, FromDIP(12)));
    top->Add(columns, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));
    m_grid->SetOnChanged([this](const domain::Money&) { UpdateDifference(); });

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(kCashError);
    m_error->SetFont(GetFont().Bold());
    m_error->Hide();
    top->Add(m_error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));

    m_result = new wxStaticText(this, wxID_ANY, wxString());
    m_result->SetFont(GetFont().Scaled(1.15f).Bold());
    m_result->SetForegroundColour(kCashOk);
    m_result->Hide();
    top->Add(m_result, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));
    m_hash = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_READONLY | wxBORDER_NONE);
    m_hash->SetFont(wxFont(wxFontInfo(GetFont().GetPointSize() - 1).Family(wxFONTFAMILY_TELETYPE)));
    m_hash->SetBackgroundColour(GetBackgroundColour());
    m_hash->Hide();
    top->Add(m_hash, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, border));

    top->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_closings = new wxButton(this, wxID_ANY, _("Past c&losings…"));
    buttons->Add(m_closings);
    buttons->AddStretchSpacer();
    m_print = new wxButton(this, wxID_PRINT, _("&Print Z report"));
    m_print->Disable();
    buttons->Add(m_print, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    m_close = new wxButton(this, wxID_OK, _("Close the day (&Z)"));
    m_close->SetDefault();
    buttons->Add(m_close, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    m_close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CloseTheDay(); });
    m_print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Print(); });
    m_closings->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowClosings(this, m_session); });

    SetSizer(top);
    SetMinSize(FromDIP(wxSize(900, 520)));
    Fit();
}

void CloseDayDialog::SetDate(domain::LocalDate date)
{
    m_date = date;
    m_datePicker->SetValue(ToWxDate(date));
    m_stored.reset();
    m_grid->Clear();
    m_comment->Clear();
    ClearError();
    Reload();
}

void CloseDayDialog::Reload()
{
    SetBusy(true);
    m_status.reset();
    const auto clock = m_session->clock;
    const auto date = m_date;
    RunOnWorker(
        *m_session->worker, this,
        [clock, date](domain::Store& store) {
            Loaded loaded{app::drawerStatus(store, *clock, date), std::nullopt};
            if (loaded.status.alreadyClosed)
                loaded.stored = app::closingOf(store, domain::ClosingPeriod::Day, date);
            return loaded;
        },
        [](CloseDayDialog& d, Loaded loaded) {
            d.SetBusy(false);
            d.ShowLoaded(std::move(loaded));
        },
        [](CloseDayDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowFailure(failure);
        });
}

void CloseDayDialog::ShowLoaded(Loaded loaded)
{
    m_status = std::move(loaded.status);
    m_stored = std::move(loaded.stored);
    if (m_stored) {
        ShowStored();
        return;
    }
    m_result->Hide();
    m_hash->Hide();
    m_dayState->SetForegroundColour(kCashMuted);
    m_dayState->SetLabel(m_status->session ? wxString::Format(_("Drawer opened at %s"),
                                                              FormatClockTime(*m_session, m_status->session->openedAt))
                                           : _("No drawer session was opened"));
    ShowFigures(m_status->preview);
    m_grid->SetReadOnly(false);
    m_comment->SetEditable(true);
    UpdateDifference();
    Layout();
    m_grid->FirstField()->SetFocus();
}

void CloseDayDialog::ShowFigures(const domain::Closing& z)
{
    m_figuresPanel->Freeze();
    m_figures->Clear(true);
    wxWindow* p = m_figuresPanel;
    auto cell = [&](const wxString& text, bool right, bool bold = false) {
        auto* t = new wxStaticText(p, wxID_ANY, text);
        if (bold) t->SetFont(p->GetFont().Bold());
        m_figures->Add(t, right ? wxSizerFlags().Right() : wxSizerFlags());
    };
    // Columns: what, count, excluding VAT, VAT, amount (VAT included).
    auto row = [&](const wxString& label, const wxString& count, const wxString& base, const wxString& vat,
                   const wxString& amount, bool bold = false) {
        cell(label, false, bold);
        cell(count, true, bold);
        cell(base, true, bold);
        cell(vat, true, bold);
        cell(amount, true, bold);
    };
    auto section = [&](const wxString& title) {
        auto* t = new wxStaticText(p, wxID_ANY, title);
        t->SetFont(p->GetFont().Bold());
        t->SetForegroundColour(kCashMuted);
        m_figures->Add(t, wxSizerFlags().Border(wxTOP, FromDIP(8)));
        for (int i = 0; i < 4; ++i) m_figures->AddSpacer(0);
    };
    const wxString none;
    row(none, _("Count"), _("Excl. VAT"), _("VAT"), _("Amount"), true);

    section(_("Receipts"));
    if (z.receiptCount == 0)
        row(_("No receipt on this day"), wxS("0"), none, none, none);
    else
        row(wxString::Format(_("No. %lld to %lld"), static_cast<long long>(z.firstReceipt),
                             static_cast<long long>(z.lastReceipt)),
            FormatCount(z.receiptCount), none, none, none);

    section(_("By payment method"));
    if (z.byMethod.empty()) row(_("No payment"), none, none, none, FormatMoney(domain::Money::zero()));
    for (const auto& m : z.byMethod) row(TenderMethodName(m.method), FormatCount(m.count), none, none, FormatMoney(m.amount));

    section(_("By VAT rate"));
    if (z.byVat.empty()) row(_("No sale"), none, none, none, FormatMoney(domain::Money::zero()));
    for (const auto& v : z.byVat)
        row(wxString::Format(_("VAT %s"), VatRateText(v.rateBasisPoints)), none, FormatMoney(v.base), FormatMoney(v.vat),
            FormatMoney(v.total));

    section(_("Cancellations and refunds"));
    row(_("Cancelled sales"), FormatCount(z.cancellationCount), none, none, FormatMoney(z.cancellations));
    row(_("Refunds"), FormatCount(z.refundCount), none, none, FormatMoney(z.refunds));
    row(_("Period total"), none, none, none, FormatMoney(z.periodTotal), true);

    section(_("Cash drawer"));
    row(_("Opening float"), none, none, none, FormatMoney(z.openingFloat));
    row(_("Cash paid in"), none, none, none, FormatMoney(z.cashIn));
    row(_("Cash paid out"), none, none, none, FormatMoney(-z.cashOut));
    row(_("Expected cash"), none, none, none, FormatMoney(z.expectedCash), true);
    m_figuresPanel->Layout();
    m_figuresPanel->Thaw();
    m_figuresPanel->GetParent()->Layout();
}

void CloseDayDialog::UpdateDifference()
{
    if (!m_status || m_stored) return;
    const domain::Money expected = m_status->preview.expectedCash;
    const domain::Money counted = m_grid->Total();
    const domain::Money difference = counted - expected;
    m_expected->SetLabel(FormatMoney(expected));
    m_difference->SetLabel(SignedMoney(difference));
    m_difference->SetForegroundColour(difference.cents() == 0 ? kCashOk : kCashError);
    m_difference->Refresh();
    m_difference->GetContainingSizer()->Layout();
}

void CloseDayDialog::ShowStored()
{
    const domain::Closing& z = *m_stored;
    ShowFigures(z);
    if (z.counted) m_grid->SetCount(*z.counted);
    m_comment->ChangeValue(wxString::FromUTF8(z.comment));
    // Read-only rather than disabled: the stored count and comment stay readable.
    m_grid->SetReadOnly(true);
    m_comment->SetEditable(false);
    m_expected->SetLabel(FormatMoney(z.expectedCash));
    m_difference->SetLabel(SignedMoney(z.difference));
    m_difference->SetForegroundColour(z.difference.cents() == 0 ? kCashOk : kCashError);
    m_dayState->SetForegroundColour(kCashOk);
    m_dayState->SetLabel(_("This day is closed"));
    m_result->SetLabel(wxString::Format(_("Closing no. %lld stored on %s, by %s"), static_cast<long long>(z.number),
                                        FormatDateTime(*m_session, z.closedAt), wxString::FromUTF8(z.operatorName)));
    m_result->Show();
    // TRANSLATORS: the closing's SHA-256 fingerprint, shown in full
    m_hash->ChangeValue(wxString::Format(_("Hash: %s"), wxString::FromUTF8(z.hash)));
    m_hash->Show();
    m_close->Disable();
    m_print->Enable();
    m_print->SetDefault();
    Layout();
    Fit();
    m_print->SetFocus();
}

void CloseDayDialog::CloseTheDay()
{
    if (m_busy || !m_status || m_stored) return;
    ClearError();
    SetBusy(true);
    const auto clock = m_session->clock;
    app::CloseDayRequest request{m_date, m_grid->Count(), m_comment->GetValue().Trim().Trim(false).utf8_string(),
                                 ActingEmployee(*m_session)};
    RunOnWorker(
        *m_session->worker, this,
        [clock, request](domain::Store& store) { return app::closeDay(store, *clock, request); },
        [](CloseDayDialog& d, domain::Closing closing) {
            d.SetBusy(false);
            d.m_stored = std::move(closing);
            d.ShowStored();
            if (d.m_onClosed) d.m_onClosed(*d.m_stored);
            // The Z is printed as it is stored: the paper copy goes with the cash to the safe.
            d.Print();
        },
        [](CloseDayDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowFailure(failure);
        });
}

void CloseDayDialog::Print()
{
    if (m_busy || !m_stored) return;
    ClearError();
    SetBusy(true);
    const domain::Closing closing = *m_stored;
    RunOnWorker(
        *m_session->worker, this,
        [closing](domain::Store& store) { return WriteClosingForPrint(store, closing); },
        [](CloseDayDialog& d, const std::filesystem::path& file) {
            d.SetBusy(false);
            d.m_printed = true;
            d.m_print->SetFocus();   // greyed while printing: the focus comes back to it
            if (!OpenPrintedDocument(file))
                d.ShowFailure({wxString::Format(_("The Z report is saved as %s, but no PDF viewer could open it."),
                                                wxString::FromUTF8(file.string())),
                               {}});
        },
        [](CloseDayDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowFailure(failure);
        });
}

void CloseDayDialog::SetBusy(bool busy)
{
    m_busy = busy;
    m_close->Enable(!busy && !m_stored);
    m_print->Enable(!busy && m_stored);
    m_datePicker->Enable(!busy);
}

void CloseDayDialog::ShowFailure(const Failure& failure)
{
    m_error->SetLabelText(failure.message);
    m_error->Wrap(std::max(FromDIP(500), GetClientSize().x - FromDIP(32)));
    m_error->Show();
    const std::string& f = failure.field;
    m_highlighted = f == "comment" ? static_cast<wxWindow*>(m_comment)
                    : f == "count" || f == "counted" ? static_cast<wxWindow*>(m_grid->FirstField())
                    : f == "date" ? static_cast<wxWindow*>(m_datePicker)
                                  : nullptr;
    if (m_highlighted) {
        m_highlighted->SetBackgroundColour(kCashErrorField);
        m_highlighted->Refresh();
        m_highlighted->SetFocus();
    }
    Layout();
    Fit();
}

void CloseDayDialog::ClearError()
{
    if (m_highlighted) {
        m_highlighted->SetBackgroundColour(wxNullColour);
        // GTK keeps the highlight on text typed meanwhile in a multi-line field: set it again, plain.
        if (m_highlighted == m_comment) {
            const wxTextAttr plain(wxNullColour, wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW));
            m_comment->SetStyle(0, m_comment->GetLastPosition(), plain);
            m_comment->SetDefaultStyle(plain);
        }
        m_highlighted->Refresh();
    }
    m_highlighted = nullptr;
    m_error->Hide();
}

wxString CloseDayDialog::DifferenceText() const { return m_difference->GetLabel(); }
wxString CloseDayDialog::ExpectedText() const { return m_expected->GetLabel(); }
wxString CloseDayDialog::ResultText() const { return m_result->IsShown() ? m_result->GetLabel() : wxString(); }
wxString CloseDayDialog::ErrorText() const { return m_error->IsShown() ? m_error->GetLabel() : wxString(); }

CloseDayDialog* ShowCloseDay(wxWindow* parent, std::shared_ptr<Session> session, domain::LocalDate date)
{
    auto* dialog = new CloseDayDialog(parent, std::move(session), date);
    dialog->Show();
    return dialog;
}

}  // namespace narcisse::ui
