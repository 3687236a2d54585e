#include "ui/cash_count_grid.h"

#include "ui/format.h"

#include <wx/numformatter.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/valtext.h>

namespace narcisse::ui {
namespace {

constexpr int kMaxQuantity = 100000;   // the domain's limit per denomination

}  // namespace

wxString DenominationLabel(std::int64_t cents)
{
    if (cents % 100 != 0) return FormatMoney(domain::Money::cents(cents));
    // Notes and whole-euro coins without ",00": the way the tray is labelled.
    // TRANSLATORS: an amount and its currency, e.g. "12,50 €"; swap them for "€12.50"
    return wxString::Format(_("%s %s"), FormatCount(static_cast<long>(cents / 100)), wxString::FromUTF8("€"));
}

CashCountGrid::CashCountGrid(wxWindow* parent, Layout layout) : wxPanel(parent, wxID_ANY)
{
    // One column of 15 rows, or the notes beside the coins where height is short (the drawer's
    // opening on a 800-pixel screen). Tab goes down the notes, then down the coins.
    auto* blocks = new wxBoxSizer(wxHORIZONTAL);
    wxFlexGridSizer* grid = nullptr;
    auto newBlock = [&] {
        if (grid) blocks->AddSpacer(FromDIP(24));
        grid = new wxFlexGridSizer(3, FromDIP(4), FromDIP(12));
        grid->AddGrowableCol(2);
        blocks->Add(grid, wxSizerFlags(1).Expand());
        auto header = [&](const wxString& text, int align) {
            auto* label = new wxStaticText(this, wxID_ANY, text);
            label->SetFont(GetFont().Bold());
            grid->Add(label, wxSizerFlags().Align(align));
        };
        // TRANSLATORS: column of the cash count: a note or a coin
        header(_("Denomination"), wxALIGN_RIGHT);
        // TRANSLATORS: column of the cash count: how many notes or coins of that value
        header(_("Quantity"), wxALIGN_RIGHT);
        header(_("Subtotal"), wxALIGN_RIGHT);
    };
    newBlock();

    const wxString widest = FormatMoney(domain::Money::euros(99999));
    const int subtotalWidth = GetTextExtent(widest).GetWidth() + FromDIP(4);
    constexpr std::int64_t kSmallestNote = 500;
    for (const std::int64_t cents : domain::denominations()) {
        if (layout == Layout::NotesBesideCoins && cents < kSmallestNote && !m_rows.empty() &&
            m_rows.back().cents >= kSmallestNote)
            newBlock();
        Row row;
        row.cents = cents;
        grid->Add(new wxStaticText(this, wxID_ANY, DenominationLabel(cents)),
                  wxSizerFlags().Right().CenterVertical());
        wxTextValidator digits(wxFILTER_DIGITS);
        row.quantity = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(70, -1)),
                                      wxTE_RIGHT | wxTE_PROCESS_ENTER, digits);
        row.quantity->SetMaxLength(6);
        row.quantity->SetHint("0");
        grid->Add(row.quantity, wxSizerFlags().Right());
        row.subtotal = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(subtotalWidth, -1),
                                        wxALIGN_RIGHT | wxST_NO_AUTORESIZE);
        grid->Add(row.subtotal, wxSizerFlags().Expand().CenterVertical());
        m_rows.push_back(row);
    }
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        m_rows[i].quantity->Bind(wxEVT_TEXT, [this, i](wxCommandEvent&) { OnQuantityChanged(i); });
        m_rows[i].quantity->Bind(wxEVT_TEXT_ENTER, [this, i](wxCommandEvent&) { OnEnter(i); });
        // Selecting on focus: typing replaces the quantity, as on a calculator.
        m_rows[i].quantity->Bind(wxEVT_SET_FOCUS, [this, i](wxFocusEvent& e) {
            e.Skip();
            CallAfter([field = m_rows[i].quantity] { field->SelectAll(); });
        });
    }

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(blocks, wxSizerFlags().Expand());
    top->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxTOP | wxBOTTOM, FromDIP(6)));
    auto* totalRow = new wxBoxSizer(wxHORIZONTAL);
    auto* totalLabel = new wxStaticText(this, wxID_ANY, _("Total counted"));
    totalLabel->SetFont(GetFont().Bold());
    totalRow->Add(totalLabel, wxSizerFlags().CenterVertical());
    totalRow->AddStretchSpacer();
    m_total = new wxStaticText(this, wxID_ANY, FormatMoney(domain::Money::zero()), wxDefaultPosition,
                               wxSize(subtotalWidth, -1), wxALIGN_RIGHT | wxST_NO_AUTORESIZE);
    m_total->SetFont(GetFont().Bold());
    totalRow->Add(m_total, wxSizerFlags().CenterVertical());
    top->Add(totalRow, wxSizerFlags().Expand());
    SetSizerAndFit(top);
}

int CashCountGrid::QuantityOf(const Row& row) const
{
    long quantity = 0;
    if (!row.quantity->GetValue().Trim().Trim(false).ToLong(&quantity) || quantity < 0) return 0;
    return static_cast<int>(std::min<long>(quantity, kMaxQuantity));
}

domain::CashCount CashCountGrid::Count() const
{
    domain::CashCount count;
    for (const Row& row : m_rows)
        if (const int q = QuantityOf(row); q > 0) count.quantities[row.cents] = q;
    return count;
}

void CashCountGrid::SetCount(const domain::CashCount& count)
{
    for (Row& row : m_rows) {
        const auto found = count.quantities.find(row.cents);
        row.quantity->ChangeValue(found != count.quantities.end() && found->second > 0
                                      ? wxString::Format("%d", found->second)
                                      : wxString());
        OnQuantityChanged(static_cast<std::size_t>(&row - m_rows.data()));
    }
}

void CashCountGrid::Clear() { SetCount({}); }

void CashCountGrid::SetReadOnly(bool readOnly)
{
    for (Row& row : m_rows) {
        row.quantity->SetEditable(!readOnly);
        row.quantity->SetHint(readOnly ? wxString() : wxString("0"));
    }
}

void CashCountGrid::OnQuantityChanged(std::size_t index)
{
    const Row& row = m_rows[index];
    const int quantity = QuantityOf(row);
    row.subtotal->SetLabel(quantity > 0 ? FormatMoney(domain::Money::cents(row.cents) * quantity) : wxString());
    const domain::Money total = Total();
    m_total->SetLabel(FormatMoney(total));
    if (m_onChanged) m_onChanged(total);
}

void CashCountGrid::OnEnter(std::size_t index)
{
    // Enter goes down the column like Tab; after the last row, on to what follows the grid (never
    // straight to the dialog's default button: a count is checked before it is committed).
    if (index + 1 < m_rows.size())
        m_rows[index + 1].quantity->SetFocus();
    else
        m_rows[index].quantity->Navigate(wxNavigationKeyEvent::IsForward);
}

wxTextCtrl* CashCountGrid::QuantityField(std::int64_t cents) const
{
    for (const Row& row : m_rows)
        if (row.cents == cents) return row.quantity;
    return nullptr;
}

wxString CashCountGrid::TotalText() const { return m_total->GetLabel(); }

}  // namespace narcisse::ui
