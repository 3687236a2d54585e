// What the journal use cases (accounting.cpp) and the exports (accounting_exports*.cpp) share: how a
// range of dates is walked month by month, frozen months read as stored and open months generated.
// Not for the screens: they go through accounting.h and accounting_exports.h.
#pragma once

#include "domain/store.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace narcisse::app::accounting_detail {

std::string monthKey(int year, unsigned month);          // "2026-07"
domain::LocalDate firstOfMonth(int year, unsigned month);
domain::LocalDate lastOfMonth(int year, unsigned month);
domain::LocalDate previousDay(domain::LocalDate d);
void checkRange(domain::LocalDate from, domain::LocalDate to);   // ValidationError "from" / "to"

// Everything the journal is generated with, read once per transaction.
struct JournalSource {
    domain::ChartOfAccounts chart;
    domain::BusinessZone zone;
    std::set<std::string> frozen;                         // "2026-07"
};
JournalSource journalSource(domain::StoreReader& r);

domain::AccountingEvents accountingEvents(domain::StoreReader& r, const domain::BusinessZone& zone,
                                          domain::LocalDate from, domain::LocalDate to);

// The entries of [first, last], a run of open months of one year starting on the first of a month,
// numbered after the frozen entries of that year before `first`.
std::vector<domain::JournalEntry> generateOpenRun(domain::StoreReader& r, const JournalSource& s, domain::LocalDate first,
                                                  domain::LocalDate last);

// The journal's order: date, journal code (as the stores sort it: BQ, CA, OD, VT), number.
bool entryOrder(const domain::JournalEntry& a, const domain::JournalEntry& b);

// Every entry of [from, to] in that order. Frozen months come from the store; an open month is
// generated from the first open month of its run (so its numbers are always the same).
void forEachEntry(domain::StoreReader& r, const JournalSource& s, domain::LocalDate from, domain::LocalDate to,
                  const std::function<void(const domain::JournalEntry& entry)>& entry);
// The same line by line, without holding the frozen months in memory (exports of a million lines):
// `line` gets the entry (its lines may be only that one) and the line.
void forEachLine(domain::StoreReader& r, const JournalSource& s, domain::LocalDate from, domain::LocalDate to,
                 const std::function<void(const domain::JournalEntry& entry, const domain::JournalLine& line)>& line);

}  // namespace narcisse::app::accounting_detail
