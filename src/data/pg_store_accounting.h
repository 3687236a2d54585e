// PgStore's part for the accounting: what was recorded over a period, and the frozen
// journal entries of each month. A base of PgStore's transaction class above PgDesk, split out as
// it is. Internal to data.
#pragma once

#include "data/pg_store_desk.h"
#include "domain/journal.h"

namespace narcisse::data {

class PgAccounting : public PgDesk {
public:
    using PgDesk::PgDesk;

    // --- StoreReader
    std::vector<domain::Payment> paymentsBetween(domain::Instant from, domain::Instant to) override;
    std::vector<domain::Refund> refundsBetween(domain::Instant from, domain::Instant to) override;
    std::vector<domain::CashMovement> cashMovementsBetween(domain::Instant from, domain::Instant to) override;
    std::vector<domain::VoucherMovement> voucherMovementsBetween(domain::Instant from, domain::Instant to) override;
    std::vector<domain::JournalEntry> journalEntries(domain::LocalDate from, domain::LocalDate to) override;
    // Through a server-side cursor fetched a batch at a time: a million lines never sit in memory.
    void forEachJournalLine(domain::LocalDate from, domain::LocalDate to,
                            const std::function<void(const domain::JournalEntry& entry)>& line) override;
    std::map<domain::Journal, std::int64_t> lastJournalNumbers(domain::LocalDate from, domain::LocalDate to) override;
    std::vector<std::string> frozenPeriods() override;

    // --- StoreWriter
    // The entries and lines go in by COPY (two streams), with ids reserved from the identity first.
    void freezeJournal(const std::string& period, const std::vector<domain::JournalEntry>& entries,
                       domain::Instant at) override;
};

}  // namespace narcisse::data
