// The journal: entries generated from the recorded events with the settings' accounts, frozen when
// the month is closed, filtered for the Accounting view, reconciled with the daily closings.
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

// Settings keys "account.<role>" (e.g. account.sales = "706|Prestations de services") and
// "account.vat.<basis points>" (account.vat.1000 = "445712|TVA collectée 10 %").
domain::ChartOfAccounts loadChartOfAccounts(domain::StoreReader& r);
domain::ChartOfAccounts chartOfAccounts(domain::Store& store);
// Refused (ValidationError naming the role) when the chart has problems(); needs EditSettings.
void saveChartOfAccounts(domain::Store& store, const domain::Clock& clock, const domain::ChartOfAccounts& chart,
                         std::optional<domain::Uuid> employeeId);

// What happened in [from, to] (local dates), gathered for the journal.
domain::AccountingEvents accountingEvents(domain::StoreReader& r, domain::LocalDate from, domain::LocalDate to);

// The journal of [from, to]: frozen months read as stored, open months generated (numbered after
// everything before them in the fiscal year, so the same period always gets the same entries).
struct JournalView {
    std::vector<domain::JournalEntry> entries;           // by date, journal, number
    std::vector<std::string> frozenMonths;               // of the range, "2026-07"
};
JournalView loadJournal(domain::Store& store, domain::LocalDate from, domain::LocalDate to);

// Inside closeMonth's transaction: generates and stores the month's entries as frozen. Refused
// (ConflictError) when an earlier month of the fiscal year with events is still open, or when the
// month is frozen already (its entries never change: corrections are counter-entries later).
void freezeMonth(domain::StoreWriter& w, int year, unsigned month, domain::Instant now);

// The view's filters; empty: all.
struct JournalFilter {
    std::optional<domain::Journal> journal;
    std::string account;                                 // an account number prefix ("706", "445"): only
                                                         // the lines of those accounts (a ledger)
    std::optional<domain::PaymentMethod> method;         // entries where that method's account moves
};
// One row per line of the entries that match, in order (the view's virtual list reads it by index).
struct JournalRow {
    std::size_t entry = 0;                               // index in JournalView::entries
    std::size_t line = 0;
};
std::vector<JournalRow> filterJournal(const JournalView& view, const domain::ChartOfAccounts& chart,
                                      const JournalFilter& filter);

// Totals by payment method and VAT rate from the journal vs the daily closings of the same days.
struct DayCheck {
    domain::LocalDate date;
    bool closed = false;                                 // the day has its daily closing
    // The journal's side: the desk receipts' entries (VT) on each method's account (count: entries)
    // and on the VAT accounts. The journal books VAT per account, not a base per rate: journalByVat
    // carries the VAT only (base and total zero); rates sharing one account come as the lowest.
    std::vector<domain::MethodTotal> journalByMethod;
    std::vector<domain::MethodTotal> closingByMethod;
    std::vector<domain::VatTotal> journalByVat;
    std::vector<domain::VatTotal> closingByVat;
    std::vector<std::string> differences;                // "CASH: journal 31.00 €, closing 30.00 €"; empty: they match
};
struct Reconciliation {
    std::vector<DayCheck> days;                          // days with a receipt or a closing
    std::vector<domain::MethodTotal> byMethod;           // the journal's, whole range
    std::vector<domain::VatTotal> byVat;
    int differences = 0;                                 // days that do not match
};
Reconciliation reconcile(domain::Store& store, domain::LocalDate from, domain::LocalDate to);

}  // namespace narcisse::app
