// A cash count by denomination (500 € … 0,01 €): one quantity per row, its subtotal and the total,
// typed from the keyboard (Tab or Enter moves down). Used to open the drawer and to close the day.
#pragma once

#include "domain/cash.h"

#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <vector>

class wxStaticText;
class wxTextCtrl;

namespace narcisse::ui {

// "500 €", "2 €", "0,50 €": a note or a coin as the drawer's tray labels it.
wxString DenominationLabel(std::int64_t cents);

class CashCountGrid : public wxPanel {
public:
    enum class Layout { OneColumn, NotesBesideCoins };
    explicit CashCountGrid(wxWindow* parent, Layout layout = Layout::OneColumn);

    domain::CashCount Count() const;        // empty and unreadable rows count as zero
    domain::Money Total() const { return Count().total(); }
    void SetCount(const domain::CashCount& count);
    void Clear();
    void SetReadOnly(bool readOnly);   // a stored count: shown, not typed over

    // Called after each change with the new total.
    void SetOnChanged(std::function<void(const domain::Money&)> callback) { m_onChanged = std::move(callback); }

    // The quantity field of a denomination (in cents), for the UI tests and the first focus.
    wxTextCtrl* QuantityField(std::int64_t cents) const;
    wxTextCtrl* FirstField() const { return m_rows.front().quantity; }
    wxString TotalText() const;

private:
    struct Row {
        std::int64_t cents = 0;
        wxTextCtrl* quantity = nullptr;
        wxStaticText* subtotal = nullptr;
    };
    void OnQuantityChanged(std::size_t row);
    void OnEnter(std::size_t row);
    int QuantityOf(const Row& row) const;

    std::vector<Row> m_rows;
    wxStaticText* m_total = nullptr;
    std::function<void(const domain::Money&)> m_onChanged;
};

}  // namespace narcisse::ui
