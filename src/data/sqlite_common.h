// What SqliteStore's files share: how columns come back as domain values and how optional values
// are bound. Internal to data.
#pragma once

#include "domain/errors.h"
#include "domain/cash.h"
#include "domain/payment.h"
#include "domain/voucher.h"
#include "domain/time.h"
#include "domain/uuid.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <string_view>

namespace narcisse::data {

inline domain::Uuid uuidOf(const SQLite::Column& c) {
    auto u = domain::Uuid::parse(c.getString());
    if (!u) throw domain::StoreUnavailable("the database holds a malformed id: " + c.getString());
    return *u;
}

inline std::optional<domain::Uuid> optionalUuid(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return uuidOf(c);
}

inline domain::Instant instantOf(const SQLite::Column& c) { return domain::parseIsoUtc(c.getString(), c.getName()); }

// The current row of an audit_log query: id, at, employee_id, action, entity, entity_id, details.
inline domain::AuditEntry auditEntryOf(SQLite::Statement& s) {
    return {uuidOf(s.getColumn(0)),      instantOf(s.getColumn(1)),   optionalUuid(s.getColumn(2)),
            s.getColumn(3).getString(), s.getColumn(4).getString(), s.getColumn(5).getString(),
            s.getColumn(6).getString()};
}

template <typename E>
E enumOf(const SQLite::Column& c, std::optional<E> (*parse)(std::string_view)) {
    const std::string text = c.getString();
    auto v = parse(text);
    if (!v) throw domain::StoreUnavailable("the database holds an unknown value \"" + text + "\" in " + c.getName());
    return *v;
}

// Row readers shared by every query that returns these columns, in this order.
// payments: id, booking_id, method, currency, amount_cents, status, provider_ref, created_at.
inline domain::Payment paymentOf(SQLite::Statement& s) {
    domain::Payment p;
    p.id = uuidOf(s.getColumn(0));
    p.bookingId = uuidOf(s.getColumn(1));
    p.method = enumOf<domain::PaymentMethod>(s.getColumn(2), domain::parsePaymentMethod);
    p.amount = domain::Money::cents(s.getColumn(4).getInt64(), s.getColumn(3).getString());
    p.status = enumOf<domain::PaymentStatus>(s.getColumn(5), domain::parsePaymentStatus);
    p.providerRef = s.getColumn(6).getString();
    p.createdAt = instantOf(s.getColumn(7));
    return p;
}

// cash_movements: id, session_id, at, amount_cents, currency, reason, bank_deposit, employee_id.
inline domain::CashMovement cashMovementOf(SQLite::Statement& s) {
    domain::CashMovement m;
    m.id = uuidOf(s.getColumn(0));
    m.sessionId = uuidOf(s.getColumn(1));
    m.at = instantOf(s.getColumn(2));
    m.amount = domain::Money::cents(s.getColumn(3).getInt64(), s.getColumn(4).getString());
    m.reason = s.getColumn(5).getString();
    m.bankDeposit = s.getColumn(6).getInt() != 0;
    m.employeeId = optionalUuid(s.getColumn(7));
    return m;
}

// voucher_movements: id, voucher_id, at, kind, amount_cents, currency, booking_id, new_expiry,
// employee_id, note.
inline domain::VoucherMovement voucherMovementOf(SQLite::Statement& s) {
    domain::VoucherMovement m;
    m.id = uuidOf(s.getColumn(0));
    m.voucherId = uuidOf(s.getColumn(1));
    m.at = instantOf(s.getColumn(2));
    m.kind = enumOf<domain::VoucherMovementKind>(s.getColumn(3), domain::parseVoucherMovementKind);
    m.amount = domain::Money::cents(s.getColumn(4).getInt64(), s.getColumn(5).getString());
    m.bookingId = optionalUuid(s.getColumn(6));
    if (!s.getColumn(7).isNull()) m.newExpiry = domain::parseDate(s.getColumn(7).getString(), "new_expiry");
    m.employeeId = optionalUuid(s.getColumn(8));
    m.note = s.getColumn(9).getString();
    return m;
}

inline void bindOptional(SQLite::Statement& s, int index, const std::optional<domain::Uuid>& u) {
    if (u)
        s.bind(index, u->str());
    else
        s.bind(index);
}

inline void bindOptional(SQLite::Statement& s, int index, const std::optional<std::string>& text) {
    if (text)
        s.bind(index, *text);
    else
        s.bind(index);
}

}  // namespace narcisse::data
