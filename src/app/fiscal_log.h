// Writing the cash-register records inside a use case's write transaction: each lands sealed in its
// hash chain, with the next gap-free number, or the whole transaction fails.
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>

namespace narcisse::app {

// SHA-256 (hex) through the data layer.
const domain::Sha256Hex& sha256();

// Appends `content` to `chain` after locking it (tip read under the lock).
domain::ChainRecord seal(domain::StoreWriter& w, domain::Chain chain, domain::Instant at, std::string entityId,
                         std::string content);

// Inserts the payment (or refund) row and seals it in its chain.
void recordPayment(domain::StoreWriter& w, const domain::Payment& payment);
void recordRefund(domain::StoreWriter& w, const domain::Refund& refund);

// Numbers, seals and returns the receipt (number and hash filled in). Computes its VAT split first.
// ConflictError when the receipt's day already has its daily closing (it could never be counted).
domain::Receipt issueReceipt(domain::StoreWriter& w, domain::Receipt receipt);

// One line in the technical event journal.
void recordEvent(domain::StoreWriter& w, domain::EventKind kind, domain::Instant at,
                 const std::optional<domain::Uuid>& employeeId, std::string details);

// Who acts: the employee's login and name for receipts and the journal ("cli" when nobody signed in),
// after checking `action` is allowed for their role. Throws NotFound, PermissionDenied.
struct Operator {
    std::optional<domain::Uuid> id;
    std::string login = "cli";
    std::string name = "narcisse-cli";
};
Operator requireOperator(domain::StoreReader& r, const std::optional<domain::Uuid>& employeeId,
                         std::optional<domain::Action> action);

// The desk's register id (setting desk_id, default "DESK-1") and the business header.
std::string deskId(domain::StoreReader& r);

}  // namespace narcisse::app
