#include "ui/journal_list.h"

#include "ui/format.h"

#include <wx/settings.h>

#include <algorithm>
#include <cstdio>

namespace narcisse::ui {
namespace {

const wxColour kFrozenText(0x4A, 0x55, 0x68);
const wxColour kFrozenBackground(0xF1, 0xF4, 0xF8);

wxString Amount(const domain::Money& m) { return m.cents() == 0 ? wxString() : FormatMoney(m); }

}  // namespace

std::string MonthKey(domain::LocalDate date)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()));
    return text;
}

JournalList::JournalList(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_HRULES)
{
    AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(84));
    // TRANSLATORS: column of the journal's code (VT, CA, BQ, OD)
    AppendColumn(_("Journal"), wxLIST_FORMAT_LEFT, FromDIP(56));
    // TRANSLATORS: column of an entry's number in its journal
    AppendColumn(_("No."), wxLIST_FORMAT_RIGHT, FromDIP(58));
    // TRANSLATORS: column of the piece reference (receipt number, booking reference)
    AppendColumn(_("Piece"), wxLIST_FORMAT_LEFT, FromDIP(104));
    AppendColumn(_("Label"), wxLIST_FORMAT_LEFT, FromDIP(330));
    AppendColumn(_("Account"), wxLIST_FORMAT_LEFT, FromDIP(66));
    AppendColumn(_("Account label"), wxLIST_FORMAT_LEFT, FromDIP(236));
    AppendColumn(_("Debit"), wxLIST_FORMAT_RIGHT, FromDIP(92));
    AppendColumn(_("Credit"), wxLIST_FORMAT_RIGHT, FromDIP(92));
    // TRANSLATORS: column saying whether the line's month is closed (its entries can no longer change)
    AppendColumn(_("Month"), wxLIST_FORMAT_LEFT, 0);
    m_frozenAttr.SetTextColour(kFrozenText);
    m_frozenAttr.SetBackgroundColour(kFrozenBackground);
    // The label takes whatever width the other columns leave: the window decides how much it reads.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        event.Skip();
        FitLabelColumn();
    });
}

void JournalList::FitLabelColumn()
{
    int others = 0;
    for (int c = 0; c < kColumns; ++c)
        if (c != kLabel) others += GetColumnWidth(c);
    const int scrollbar = wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this);
    SetColumnWidth(kLabel, std::max(FromDIP(220), GetClientSize().x - others - scrollbar));
}

void JournalList::SetJournal(std::shared_ptr<const app::JournalView> view, std::vector<app::JournalRow> rows)
{
    m_view = std::move(view);
    m_rows = std::move(rows);
    m_frozen.clear();
    if (m_view) m_frozen.insert(m_view->frozenMonths.begin(), m_view->frozenMonths.end());
    // The Month column shows only when a month of the period is frozen.
    SetColumnWidth(kFrozen, m_frozen.empty() ? 0 : FromDIP(64));
    FitLabelColumn();
    // Only the count changes hands: the control asks for the text of the rows it paints.
    SetItemCount(static_cast<long>(m_rows.size()));
    Refresh();
}

void JournalList::Clear() { SetJournal(nullptr, {}); }

const domain::JournalEntry* JournalList::EntryAt(long row) const
{
    if (!m_view || row < 0 || static_cast<std::size_t>(row) >= m_rows.size()) return nullptr;
    return &m_view->entries[m_rows[static_cast<std::size_t>(row)].entry];
}

bool JournalList::IsFrozen(const domain::JournalEntry& entry) const
{
    return !m_frozen.empty() && m_frozen.count(MonthKey(entry.date)) > 0;
}

wxString JournalList::OnGetItemText(long item, long column) const
{
    const auto* entry = EntryAt(item);
    if (!entry) return {};
    const auto& row = m_rows[static_cast<std::size_t>(item)];
    if (row.line >= entry->lines.size()) return {};
    const auto& line = entry->lines[row.line];
    switch (column) {
        case kDate: return ToWxDate(entry->date).FormatDate();
        case kJournal: return wxString::FromUTF8(std::string(domain::journalCode(entry->journal)));
        case kNumber: return wxString::Format("%lld", static_cast<long long>(entry->number));
        case kPiece: return wxString::FromUTF8(entry->pieceRef);
        case kLabel: return wxString::FromUTF8(line.label.empty() ? entry->label : line.label);
        case kAccount: return wxString::FromUTF8(line.account);
        case kAccountLabel: return wxString::FromUTF8(line.accountLabel);
        case kDebit: return Amount(line.debit);
        case kCredit: return Amount(line.credit);
        // TRANSLATORS: in the journal: the month is closed, the line can no longer change
        case kFrozen: return IsFrozen(*entry) ? _("frozen") : wxString();
        default: return {};
    }
}

wxItemAttr* JournalList::OnGetItemAttr(long item) const
{
    const auto* entry = EntryAt(item);
    return entry && IsFrozen(*entry) ? &m_frozenAttr : nullptr;
}

}  // namespace narcisse::ui
