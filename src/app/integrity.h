// "Verify integrity": walks every hash chain (receipts, payments, refunds, closings, technical
// events), checks numbering, hashes, and that each sealed row still says what it said, and records
// the outcome in the technical event journal.
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

struct IntegrityReport {
    struct ChainCount {
        domain::Chain chain;
        std::int64_t records = 0;
    };
    std::vector<ChainCount> chains;                        // every chain, checked
    std::optional<domain::IntegrityProblem> firstProblem;  // empty: sound
    bool ok() const { return !firstProblem; }
};

// Reads in pages (large stores stay within memory). Records "integrity_check" or
// "integrity_failure" in the event journal.
IntegrityReport verifyIntegrity(domain::Store& store, const domain::Clock& clock, std::optional<domain::Uuid> employeeId);

// The technical event journal, newest first.
std::vector<domain::TechnicalEvent> technicalEvents(domain::Store& store, int limit = 200);

}  // namespace narcisse::app
