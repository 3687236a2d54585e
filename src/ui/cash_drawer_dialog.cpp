#include "ui/cash_drawer_dialog.h"

#include "ui/cash_count_grid.h"
#include "ui/format.h"
#include "ui/icons.h"

#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace narcisse::ui {

CashDrawerDialog::CashDrawerDialog(wxWindow* parent, std::shared_ptr<Session> session)
    : wxDialog(parent, wxID_ANY, _("Cash drawer"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session))
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

void CashDrawerDialog::BuildLayout()
{
    const int border = FromDIP(16);
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_headline = new wxStaticText(this, wxID_ANY, _("Loading…"));
    m_headline->SetFont(GetFont().Scaled(1.3f).Bold());
    top->Add(m_headline, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, border));
    auto* figures = new wxFlexGridSizer(2, FromDIP(4), FromDIP(16));
    m_float = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxALIGN_RIGHT);
    m_expected = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxALIGN_RIGHT);
    m_expected->SetFont(GetFont().Bold());
    figures->Add(new wxStaticText(this, wxID_ANY, _("Opening float:")), wxSizerFlags().CenterVertical());
    figures->Add(m_float, wxSizerFlags().Right());
    figures->Add(new wxStaticText(this, wxID_ANY, _("Expected in the drawer now:")), wxSizerFlags().CenterVertical());
    figures->Add(m_expected, wxSizerFlags().Right());
    top->Add(figures, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, border));

    // Closed: count the float and open.
    m_openPanel = new wxPanel(this);
    auto* openSizer = new wxBoxSizer(wxVERTICAL);
    m_openNote = new wxStaticText(m_openPanel, wxID_ANY, wxString());
    m_openNote->SetForegroundColour(kCashMuted);
    m_openNote->SetFont(GetFont().Bold());
    m_openNote->Hide();
    openSizer->Add(m_openNote, wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
    openSizer->Add(new wxStaticText(m_openPanel, wxID_ANY, _("Count the float in the drawer, then open it:")),
                   wxSizerFlags().Border(wxBOTTOM, FromDIP(8)));
    m_grid = new CashCountGrid(m_openPanel, CashCountGrid::Layout::NotesBesideCoins);
    openSizer->Add(m_grid, wxSizerFlags().Expand());
    m_open = new wxButton(m_openPanel, wxID_ANY, _("&Open the drawer"));
    openSizer->Add(m_open, wxSizerFlags().Right().Border(wxTOP, FromDIP(12)));
    m_openPanel->SetSizer(openSizer);
    top->Add(m_openPanel, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));
    m_open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OpenDrawer(); });

    // Open: the movements and pay in / pay out.
    m_sessionPanel = new wxPanel(this);
    auto* sessionSizer = new wxBoxSizer(wxVERTICAL);
    auto* listTitle = new wxStaticText(m_sessionPanel, wxID_ANY, _("Cash paid in and out since the opening"));
    listTitle->SetFont(GetFont().Bold());
    sessionSizer->Add(listTitle, wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
    m_movements = new wxListCtrl(m_sessionPanel, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(620, 160)),
                                 wxLC_REPORT | wxLC_SINGLE_SEL);
    m_movements->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, FromDIP(70));
    m_movements->AppendColumn(_("Amount"), wxLIST_FORMAT_RIGHT, FromDIP(110));
    m_movements->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(250));
    m_movements->AppendColumn(_("Bank deposit"), wxLIST_FORMAT_LEFT, FromDIP(90));
    m_movements->AppendColumn(_("By"), wxLIST_FORMAT_LEFT, FromDIP(95));
    sessionSizer->Add(m_movements, wxSizerFlags(1).Expand());

    auto* form = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    form->AddGrowableCol(1);
    auto* direction = new wxBoxSizer(wxHORIZONTAL);
    m_payIn = new wxRadioButton(m_sessionPanel, wxID_ANY, _("Pay &in"), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    m_payOut = new wxRadioButton(m_sessionPanel, wxID_ANY, _("Pay o&ut"));
    direction->Add(m_payIn);
    direction->Add(m_payOut, wxSizerFlags().Border(wxLEFT, FromDIP(16)));
    m_bankDeposit = new wxCheckBox(m_sessionPanel, wxID_ANY, _("&Deposit to the bank"));
    direction->Add(m_bankDeposit, wxSizerFlags().Border(wxLEFT, FromDIP(24)));
    form->Add(new wxStaticText(m_sessionPanel, wxID_ANY, wxString()));
    form->Add(direction);
    m_amount = new wxTextCtrl(m_sessionPanel, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(120, -1)),
                              wxTE_RIGHT);
    m_amount->SetHint(_("e.g. 50.00"));
    form->Add(new wxStaticText(m_sessionPanel, wxID_ANY, _("&Amount:")), wxSizerFlags().CenterVertical().Right());
    form->Add(m_amount);
    m_reason = new wxTextCtrl(m_sessionPanel, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxTE_PROCESS_ENTER);
    m_reason->SetHint(_("Change brought in, deposit slip number, purchase…"));
    form->Add(new wxStaticText(m_sessionPanel, wxID_ANY, _("&Reason:")), wxSizerFlags().CenterVertical().Right());
    form->Add(m_reason, wxSizerFlags().Expand());
    sessionSizer->Add(form, wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
    m_record = new wxButton(m_sessionPanel, wxID_ANY, _("&Record"));
    sessionSizer->Add(m_record, wxSizerFlags().Right().Border(wxTOP, FromDIP(8)));
    m_sessionPanel->SetSizer(sessionSizer);
    top->Add(m_sessionPanel, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));
    m_record->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RecordMovement(); });
    m_reason->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { RecordMovement(); });
    // A deposit always goes out of the drawer.
    m_bankDeposit->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        if (m_bankDeposit->GetValue()) m_payOut->SetValue(true);
    });
    m_payIn->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { m_bankDeposit->SetValue(false); });

    m_error = new wxStaticText(this, wxID_ANY, wxString());
    m_error->SetForegroundColour(kCashError);
    m_error->SetFont(GetFont().Bold());
    m_error->Hide();
    top->Add(m_error, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, border));

    top->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    m_sessionPanel->Hide();
    m_openPanel->Hide();
    SetSizer(top);
    SetMinSize(FromDIP(wxSize(680, 300)));
    Fit();
}

void CashDrawerDialog::Reload()
{
    SetBusy(true);
    const auto clock = m_session->clock;
    const auto today = m_session->Today();
    RunOnWorker(
        *m_session->worker, this,
        [clock, today](domain::Store& store) {
            return Loaded{app::drawerStatus(store, *clock, today), ReadEmployeeNames(store)};
        },
        [](CashDrawerDialog& d, Loaded loaded) {
            d.SetBusy(false);
            d.ShowLoaded(std::move(loaded));
        },
        [](CashDrawerDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowFailure(failure);
        });
}

void CashDrawerDialog::ShowLoaded(Loaded loaded)
{
    m_status = std::move(loaded.status);
    const auto& status = *m_status;
    const bool open = IsOpen();
    if (open) {
        const auto& s = *status.session;
        m_headline->SetLabel(wxString::Format(_("Drawer open since %s, by %s"), FormatClockTime(*m_session, s.openedAt),
                                              NameOf(loaded.names, s.openedBy)));
        m_headline->SetForegroundColour(kCashOk);
        m_float->SetLabel(FormatMoney(s.openingFloat));
        m_expected->SetLabel(FormatMoney(status.preview.expectedCash));
    } else {
        m_headline->SetLabel(status.alreadyClosed ? _("Drawer closed: today is already closed")
                                                  : _("Drawer closed"));
        m_headline->SetForegroundColour(kCashMuted);
        m_float->SetLabel(wxS("—"));
        m_expected->SetLabel(wxS("—"));
    }
    m_movements->DeleteAllItems();
    for (const auto& m : status.movements) {
        const long row = m_movements->InsertItem(m_movements->GetItemCount(), FormatClockTime(*m_session, m.at));
        m_movements->SetItem(row, 1, FormatMoney(m.amount));
        m_movements->SetItem(row, 2, wxString::FromUTF8(m.reason));
        m_movements->SetItem(row, 3, m.bankDeposit ? _("Yes") : wxString());
        m_movements->SetItem(row, 4, NameOf(loaded.names, m.employeeId));
        if (m.amount.cents() < 0) m_movements->SetItemTextColour(row, kCashError);
    }
    // After today's Z the drawer may still open: its cash then goes to tomorrow's closing, and it says so.
    m_openNote->SetLabelText(status.alreadyClosed
                                 ? _("Today's closing is done: a drawer opened now counts for tomorrow's closing.")
                                 : wxString());
    m_openNote->Show(status.alreadyClosed);
    m_openPanel->Show(!open);
    m_sessionPanel->Show(open);
    if (open) m_record->SetDefault();
    else m_open->SetDefault();
    Layout();
    Fit();
    if (open)
        m_amount->SetFocus();
    else
        m_grid->FirstField()->SetFocus();
}

void CashDrawerDialog::OpenDrawer()
{
    if (m_busy) return;
    ClearError();
    SetBusy(true);
    const auto clock = m_session->clock;
    const auto employee = ActingEmployee(*m_session);
    const auto count = m_grid->Count();
    RunOnWorker(
        *m_session->worker, this,
        [clock, employee, count](domain::Store& store) { return app::openCashSession(store, *clock, count, employee); },
        [](CashDrawerDialog& d, const domain::CashSession&) {
            d.SetBusy(false);
            d.m_grid->Clear();
            if (d.m_onChanged) d.m_onChanged();
            d.Reload();
        },
        [](CashDrawerDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowFailure(failure);
        });
}

void CashDrawerDialog::RecordMovement()
{
    if (m_busy) return;
    ClearError();
    SetBusy(true);
    const auto clock = m_session->clock;
    const auto employee = ActingEmployee(*m_session);
    const std::string amountText = m_amount->GetValue().Trim().Trim(false).utf8_string();
    const std::string reason = m_reason->GetValue().Trim().Trim(false).utf8_string();
    const bool out = m_payOut->GetValue();
    const bool deposit = m_bankDeposit->GetValue();
    RunOnWorker(
        *m_session->worker, this,
        [=](domain::Store& store) {
            // The amount is typed without a sign; the direction chosen gives it (a deposit goes out).
            const domain::Money amount = domain::Money::parse(amountText, "amount");
            const auto direction = out || deposit ? app::CashDirection::Out : app::CashDirection::In;
            return app::recordCashMovement(store, *clock, direction, amount, reason, deposit, employee);
        },
        [](CashDrawerDialog& d, const domain::CashMovement&) {
            d.SetBusy(false);
            d.m_amount->Clear();
            d.m_reason->Clear();
            d.m_bankDeposit->SetValue(false);
            d.m_payIn->SetValue(true);
            if (d.m_onChanged) d.m_onChanged();
            d.Reload();
        },
        [](CashDrawerDialog& d, const Failure& failure) {
            d.SetBusy(false);
            d.ShowFailure(failure);
        });
}

void CashDrawerDialog::SetBusy(bool busy)
{
    m_busy = busy;
    m_open->Enable(!busy);
    m_record->Enable(!busy);
}

void CashDrawerDialog::ShowFailure(const Failure& failure)
{
    m_error->SetLabelText(failure.message);
    m_error->Wrap(std::max(FromDIP(400), GetClientSize().x - FromDIP(32)));
    m_error->Show();
    const std::string& f = failure.field;
    m_highlighted = f == "amount" ? static_cast<wxWindow*>(m_amount)
                    : f == "reason" ? static_cast<wxWindow*>(m_reason)
                    : f == "count" || f == "float" ? static_cast<wxWindow*>(m_grid->FirstField())
                                                   : nullptr;
    if (m_highlighted) {
        m_highlighted->SetBackgroundColour(kCashErrorField);
        m_highlighted->Refresh();
        m_highlighted->SetFocus();
    }
    Layout();
    Fit();
}

void CashDrawerDialog::ClearError()
{
    if (m_highlighted) {
        m_highlighted->SetBackgroundColour(wxNullColour);
        m_highlighted->Refresh();
    }
    m_highlighted = nullptr;
    m_error->Hide();
}

wxString CashDrawerDialog::HeadlineText() const { return m_headline->GetLabel(); }
wxString CashDrawerDialog::ExpectedText() const { return m_expected->GetLabel(); }
wxString CashDrawerDialog::ErrorText() const { return m_error->IsShown() ? m_error->GetLabel() : wxString(); }

CashDrawerDialog* ShowCashDrawer(wxWindow* parent, std::shared_ptr<Session> session)
{
    auto* dialog = new CashDrawerDialog(parent, std::move(session));
    dialog->wxDialog::Show();
    return dialog;
}

}  // namespace narcisse::ui
