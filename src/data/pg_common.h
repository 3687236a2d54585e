// What PgStore's files share: how a statement is named and bound, how columns come back as domain
// values, and the session (one connection and the statements prepared on it). Internal to data.
#pragma once

#include "data/pg_store.h"
#include "domain/errors.h"
#include "domain/cash.h"
#include "domain/payment.h"
#include "domain/voucher.h"

#include <pqxx/pqxx>

#include <optional>
#include <string>
#include <unordered_set>

namespace narcisse::data {

// A statement: the name it is prepared under on each connection, and its text. Every value is a
// bound parameter; instants travel as epoch seconds, ids as uuid text, money as bigint cents.
struct Sql {
    const char* name;
    const char* text;
};

inline std::int64_t epochOf(domain::Instant t) { return t.time_since_epoch().count(); }

inline std::optional<std::int64_t> epochOf(const std::optional<domain::Instant>& t) {
    if (!t) return std::nullopt;
    return epochOf(*t);
}

inline std::optional<std::string> textOf(const std::optional<domain::Uuid>& u) {
    if (!u) return std::nullopt;
    return u->str();
}

inline domain::Instant instantOf(const pqxx::field& f) { return domain::Instant{std::chrono::seconds{f.as<std::int64_t>()}}; }

inline std::optional<domain::Instant> optionalInstant(const pqxx::field& f) {
    if (f.is_null()) return std::nullopt;
    return instantOf(f);
}

inline domain::Uuid uuidOf(const pqxx::field& f) {
    auto u = domain::Uuid::parse(f.c_str());
    if (!u) throw domain::StoreUnavailable(std::string("the database holds a malformed id in ") + f.name() + ": " + f.c_str());
    return *u;
}

inline std::optional<domain::Uuid> optionalUuid(const pqxx::field& f) {
    if (f.is_null()) return std::nullopt;
    return uuidOf(f);
}

inline domain::LocalDate dateOf(const pqxx::field& f) { return domain::parseDate(f.c_str(), f.name()); }

inline std::optional<std::string> dateText(const std::optional<domain::LocalDate>& d) {
    if (!d) return std::nullopt;
    return domain::isoDate(*d);
}

inline std::optional<domain::LocalDate> optionalDate(const pqxx::field& f) {
    if (f.is_null()) return std::nullopt;
    return dateOf(f);
}

// An audit_log row read as: id, at (epoch), employee_id, action, entity, entity_id, details.
inline domain::AuditEntry auditEntryOf(const pqxx::row& row) {
    return {uuidOf(row[0]),          instantOf(row[1]),          optionalUuid(row[2]),      row[3].as<std::string>(),
            row[4].as<std::string>(), row[5].as<std::string>(), row[6].as<std::string>()};
}

template <typename E>
E enumOf(const pqxx::field& f, std::optional<E> (*parse)(std::string_view)) {
    auto v = parse(f.c_str());
    if (!v) throw domain::StoreUnavailable(std::string("the database holds an unknown value \"") + f.c_str() + "\" in " + f.name());
    return *v;
}

class PgStore::Session {
public:
    explicit Session(const std::string& connectionString) : m_connection(connectionString) {}

    pqxx::connection& connection() { return m_connection; }

    // A statement is declared to the connection the first time it runs (libpqxx then prepares it
    // on the server): a desk that never refunds never prepares the refund statements.
    template <typename... Args>
    pqxx::result exec(pqxx::transaction_base& tx, const Sql& sql, Args&&... args) {
        if (m_prepared.insert(sql.name).second) m_connection.prepare(sql.name, sql.text);
        return tx.exec_prepared(sql.name, std::forward<Args>(args)...);
    }

private:
    pqxx::connection m_connection;
    std::unordered_set<std::string> m_prepared;
};

// Row readers shared by every query that returns these columns, in this order.
// payments: id, booking_id, method, currency, amount_cents, status, provider_ref, created_at (epoch).
inline domain::Payment paymentOf(const pqxx::row& row) {
    domain::Payment p;
    p.id = uuidOf(row[0]);
    p.bookingId = uuidOf(row[1]);
    p.method = enumOf<domain::PaymentMethod>(row[2], domain::parsePaymentMethod);
    p.amount = domain::Money::cents(row[4].as<std::int64_t>(), row[3].as<std::string>());
    p.status = enumOf<domain::PaymentStatus>(row[5], domain::parsePaymentStatus);
    p.providerRef = row[6].as<std::string>();
    p.createdAt = instantOf(row[7]);
    return p;
}

// cash_movements: id, session_id, at (epoch), amount_cents, currency, reason, bank_deposit, employee_id.
inline domain::CashMovement cashMovementOf(const pqxx::row& row) {
    domain::CashMovement m;
    m.id = uuidOf(row[0]);
    m.sessionId = uuidOf(row[1]);
    m.at = instantOf(row[2]);
    m.amount = domain::Money::cents(row[3].as<std::int64_t>(), row[4].as<std::string>());
    m.reason = row[5].as<std::string>();
    m.bankDeposit = row[6].as<bool>();
    m.employeeId = optionalUuid(row[7]);
    return m;
}

// voucher_movements: id, voucher_id, at (epoch), kind, amount_cents, currency, booking_id, new_expiry,
// employee_id, note.
inline domain::VoucherMovement voucherMovementOf(const pqxx::row& row) {
    domain::VoucherMovement m;
    m.id = uuidOf(row[0]);
    m.voucherId = uuidOf(row[1]);
    m.at = instantOf(row[2]);
    m.kind = enumOf<domain::VoucherMovementKind>(row[3], domain::parseVoucherMovementKind);
    m.amount = domain::Money::cents(row[4].as<std::int64_t>(), row[5].as<std::string>());
    m.bookingId = optionalUuid(row[6]);
    m.newExpiry = optionalDate(row[7]);
    m.employeeId = optionalUuid(row[8]);
    m.note = row[9].as<std::string>();
    return m;
}

}  // namespace narcisse::data
