// SqliteStore's part for the accounting: what was recorded over a period, and the frozen
// journal entries of each month. A base of SqliteStore::Impl above SqliteDesk, split out as it is;
// it reaches the connection through the Impl's statement cache. Internal to data.
#pragma once

#include "data/sqlite_store_desk.h"
#include "domain/journal.h"

namespace narcisse::data {

class SqliteAccounting : public SqliteDesk {
public:
    // --- StoreReader
    std::vector<domain::Payment> paymentsBetween(domain::Instant from, domain::Instant to) override;
    std::vector<domain::Refund> refundsBetween(domain::Instant from, domain::Instant to) override;
    std::vector<domain::CashMovement> cashMovementsBetween(domain::Instant from, domain::Instant to) override;
    std::vector<domain::VoucherMovement> voucherMovementsBetween(domain::Instant from, domain::Instant to) override;
    std::vector<domain::JournalEntry> journalEntries(domain::LocalDate from, domain::LocalDate to) override;
    void forEachJournalLine(domain::LocalDate from, domain::LocalDate to,
                            const std::function<void(const domain::JournalEntry& entry)>& line) override;
    std::map<domain::Journal, std::int64_t> lastJournalNumbers(domain::LocalDate from, domain::LocalDate to) override;
    std::vector<std::string> frozenPeriods() override;

    // --- StoreWriter
    void freezeJournal(const std::string& period, const std::vector<domain::JournalEntry>& entries,
                       domain::Instant at) override;
};

}  // namespace narcisse::data
