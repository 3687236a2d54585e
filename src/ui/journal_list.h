// The journal as the Accounting view shows it: a virtual list that reads the rows of
// app::filterJournal by index, so a season of several hundred thousand lines scrolls as fast as ten.
#pragma once

#include "app/accounting.h"

#include <wx/listctrl.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace narcisse::ui {

class JournalList : public wxListCtrl {
public:
    enum Column { kDate, kJournal, kNumber, kPiece, kLabel, kAccount, kAccountLabel, kDebit, kCredit, kFrozen, kColumns };

    explicit JournalList(wxWindow* parent);

    // The lines shown: `rows` index into `view`'s entries (kept alive here).
    void SetJournal(std::shared_ptr<const app::JournalView> view, std::vector<app::JournalRow> rows);
    void Clear();

    std::size_t RowCount() const { return m_rows.size(); }
    wxString Text(long row, int column) const { return OnGetItemText(row, column); }
    const domain::JournalEntry* EntryAt(long row) const;

protected:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;

private:
    void FitLabelColumn();
    bool IsFrozen(const domain::JournalEntry& entry) const;

    std::shared_ptr<const app::JournalView> m_view;
    std::vector<app::JournalRow> m_rows;
    std::set<std::string> m_frozen;      // "2026-07"
    mutable wxItemAttr m_frozenAttr;
};

// "2026-07": the month an entry belongs to, as JournalView::frozenMonths names it.
std::string MonthKey(domain::LocalDate date);

}  // namespace narcisse::ui
