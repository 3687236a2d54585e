#include "app/fiscal_log.h"

#include "app/settings.h"
#include "data/sha256.h"
#include "domain/errors.h"

#include <algorithm>

namespace narcisse::app {

using namespace narcisse::domain;

const Sha256Hex& sha256() {
    static const Sha256Hex hasher = [](std::string_view bytes) { return data::sha256Hex(bytes); };
    return hasher;
}

ChainRecord seal(StoreWriter& w, Chain chain, Instant at, std::string entityId, std::string content) {
    const auto tip = w.lockChain(chain);
    ChainRecord record = nextRecord(sha256(), chain, tip, at, std::move(entityId), std::move(content));
    w.appendChainRecord(record);
    return record;
}

void recordPayment(StoreWriter& w, const Payment& payment) {
    w.insertPayment(payment);
    seal(w, Chain::Payment, payment.createdAt, payment.id.str(), canonicalPayment(payment));
}

void recordRefund(StoreWriter& w, const Refund& refund) {
    w.insertRefund(refund);
    seal(w, Chain::Refund, refund.createdAt, refund.id.str(), canonicalRefund(refund));
}

Receipt issueReceipt(StoreWriter& w, Receipt receipt) {
    // A receipt belongs to its day's Z: once the day is closed, nothing more can be added to it.
    const BusinessZone zone(w.setting(setting_keys::kTimeZone).value_or(BusinessSettings{}.timeZone));
    const LocalDate day = zone.localDate(receipt.issuedAt);
    if (const auto closed = w.chainRecordsOfEntity(Chain::Closing, closingKey(ClosingPeriod::Day, day)); !closed.empty())
        throw ConflictError("the cash of " + isoDate(day) + " is closed (Z #" + std::to_string(closed.front().seq) +
                            "): no receipt can be issued on that day any more");
    receipt.vat = receiptVat(receipt.lines, receipt.payments);
    const ChainRecord record = seal(w, Chain::Receipt, receipt.issuedAt, receipt.reference, receipt.canonical());
    receipt.number = record.seq;
    receipt.hash = record.hash;
    return receipt;
}

void recordEvent(StoreWriter& w, EventKind kind, Instant at, const std::optional<Uuid>& employeeId,
                 std::string details) {
    TechnicalEvent event;
    event.kind = kind;
    event.at = at;
    if (employeeId) {
        const auto staff = w.employees();
        const auto e = std::find_if(staff.begin(), staff.end(), [&](const Employee& x) { return x.id == *employeeId; });
        if (e != staff.end()) event.employee = e->login;
    }
    event.details = std::move(details);
    seal(w, Chain::Event, at, std::string(toString(kind)), event.canonical());
}

Operator requireOperator(StoreReader& r, const std::optional<Uuid>& employeeId, std::optional<Action> action) {
    Operator op;
    if (!employeeId) return op;
    const auto staff = r.employees();
    const auto e = std::find_if(staff.begin(), staff.end(), [&](const Employee& x) { return x.id == *employeeId; });
    if (e == staff.end()) throw NotFound("the signed-in employee no longer exists");
    if (!e->active) throw PermissionDenied(e->name + " is no longer active");
    if (action) requirePermission(e->role, *action);
    op.id = e->id;
    op.login = e->login;
    op.name = e->name;
    return op;
}

std::string deskId(StoreReader& r) { return r.setting(setting_keys::kDeskId).value_or("DESK-1"); }

}  // namespace narcisse::app
