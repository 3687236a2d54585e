// What SqliteStore's files share: how columns come back as domain values and how optional values
// are bound. Internal to data.
#pragma once

#include "domain/errors.h"
#include "domain/payment.h"
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
