#include "data/pg_store.h"

#include "data/migrations.h"
#include "data/pg_common.h"
#include "data/pg_store_accounting.h"
#include "domain/errors.h"

#include <pqxx/pqxx>

#include <algorithm>
#include <unordered_set>

namespace narcisse::data {

using namespace narcisse::domain;

namespace {

// libpq's messages start with "ERROR:  " or "FATAL:  " and may run over several lines (CONTEXT,
// HINT): the user gets the first line, without the severity.
std::string sentence(const char* what) {
    std::string s(what);
    for (const char* prefix : {"ERROR:  ", "FATAL:  "}) {
        if (const auto at = s.find(prefix); at != std::string::npos) s.erase(at, std::string_view(prefix).size());
    }
    if (const auto eol = s.find('\n'); eol != std::string::npos) s.erase(eol);
    while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.pop_back();
    return s;
}

// The password of a connection string, so that no message can ever repeat it even when libpq
// quotes a malformed part of the string back.
std::string passwordIn(const std::string& cs) {
    if (cs.rfind("postgresql://", 0) == 0 || cs.rfind("postgres://", 0) == 0) {
        const auto start = cs.find("://") + 3;
        const auto end = cs.find_first_of("/?", start);
        const std::string authority = cs.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const auto at = authority.rfind('@');
        const auto colon = authority.find(':');
        std::string password;
        if (at != std::string::npos && colon != std::string::npos && colon < at)
            password = authority.substr(colon + 1, at - colon - 1);
        if (const auto q = cs.find("password=", end == std::string::npos ? cs.size() : end); q != std::string::npos)
            password = cs.substr(q + 9, cs.find('&', q) - q - 9);
        return password;
    }
    const auto key = cs.find("password");
    if (key == std::string::npos) return {};
    auto v = cs.find('=', key);
    if (v == std::string::npos) return {};
    v = cs.find_first_not_of(' ', v + 1);
    if (v == std::string::npos) return {};
    if (cs[v] == '\'') return cs.substr(v + 1, cs.find('\'', v + 1) - v - 1);
    return cs.substr(v, cs.find(' ', v) - v);
}

std::string withoutPassword(std::string message, const std::string& password) {
    if (password.empty()) return message;
    for (auto at = message.find(password); at != std::string::npos; at = message.find(password, at))
        message.replace(at, password.size(), "********");
    return message;
}

// Maps libpqxx's failures to what the user can act on, like SqliteStore's guarded().
template <typename F>
auto guarded(const std::string& server, F&& f) {
    const auto lost = [&](const std::string& why) {
        return StoreUnavailable("the connection to the database server " + server + " was lost (" + why +
                                "): check the network and try again");
    };
    try {
        return f();
    } catch (const pqxx::broken_connection& e) {
        throw lost(sentence(e.what()));
    } catch (const pqxx::in_doubt_error&) {
        throw StoreUnavailable("the connection to the database server " + server +
                               " was lost while saving; the change may or may not have been recorded: "
                               "look it up before trying again");
    } catch (const pqxx::integrity_constraint_violation& e) {
        throw ConflictError("the database refused the change: " + sentence(e.what()));
    } catch (const pqxx::transaction_rollback& e) {
        // A deadlock or serialization failure: another desk changed the same rows at the same time.
        throw ConflictError("another desk changed the same data at the same moment: try again (" +
                            sentence(e.what()) + ")");
    } catch (const pqxx::sql_error& e) {
        // Class 08 (connection exception) and 57P (the server shutting down) mean the server is gone.
        if (e.sqlstate().rfind("08", 0) == 0 || e.sqlstate().rfind("57P", 0) == 0) throw lost(sentence(e.what()));
        throw StoreUnavailable("the database server " + server + " failed: " + sentence(e.what()));
    } catch (const pqxx::failure& e) {
        throw StoreUnavailable("the database server " + server + " failed: " + sentence(e.what()));
    }
}

int highestVersion(const std::vector<Migration>& migrations) {
    int v = 0;
    for (const auto& m : migrations) v = std::max(v, migrationVersion(m));
    return v;
}

std::string newerSchema(int version, int latest) {
    return "the database schema is version " + std::to_string(version) + ", newer than this program (" +
           std::to_string(latest) + "): update the program";
}

// The reader and writer of one open transaction. read() hands it out as a StoreReader inside a
// read-only transaction, so a write through it is refused by the server itself.
class PgTransaction final : public PgAccounting {
public:
    using PgAccounting::PgAccounting;

    // --- StoreReader
    static constexpr Sql kSelectBoats{"select_boats", R"(
        SELECT id, name, capacity, status, colour, sort_order, registration, notes FROM boats
        ORDER BY sort_order, name)"};

    std::vector<Boat> boats() override {
        std::vector<Boat> out;
        for (const auto& row : exec(kSelectBoats)) {
            Boat b;
            b.id = uuidOf(row[0]);
            b.name = row[1].as<std::string>();
            b.capacity = row[2].as<int>();
            b.status = enumOf<BoatStatus>(row[3], parseBoatStatus);
            b.colour = row[4].as<std::string>();
            b.sortOrder = row[5].as<int>();
            b.registration = row[6].as<std::string>();
            b.notes = row[7].as<std::string>();
            out.push_back(std::move(b));
        }
        return out;
    }

    static Employee employeeOf(const pqxx::row& row) {
        Employee e;
        e.id = uuidOf(row[0]);
        e.login = row[1].as<std::string>();
        e.name = row[2].as<std::string>();
        e.role = enumOf<Role>(row[3], parseRole);
        e.active = row[4].as<bool>();
        e.passwordHash = row[5].as<std::string>();
        e.email = row[6].as<std::string>();
        e.phone = row[7].as<std::string>();
        e.canSignIn = row[8].as<bool>();
        e.licenceNumber = row[9].as<std::string>();
        if (!row[10].is_null()) e.licenceExpiry = dateOf(row[10]);
        e.notes = row[11].as<std::string>();
        return e;
    }

    static constexpr Sql kSelectEmployees{"select_employees", R"(
        SELECT id, login, name, role, active, password_hash, email, phone, can_sign_in, licence_number,
               to_char(licence_expiry, 'YYYY-MM-DD') AS licence_expiry, notes
        FROM employees ORDER BY name, login)"};

    std::vector<Employee> employees() override {
        std::vector<Employee> out;
        for (const auto& row : exec(kSelectEmployees)) out.push_back(employeeOf(row));
        return out;
    }

    static constexpr Sql kSelectEmployeeByLogin{"select_employee_by_login", R"(
        SELECT id, login, name, role, active, password_hash, email, phone, can_sign_in, licence_number,
               to_char(licence_expiry, 'YYYY-MM-DD') AS licence_expiry, notes
        FROM employees WHERE login = $1)"};

    std::optional<Employee> employeeByLogin(std::string_view login) override {
        const auto r = exec(kSelectEmployeeByLogin, std::string(login));
        if (r.empty()) return std::nullopt;
        return employeeOf(r[0]);
    }

    static constexpr Sql kSelectRules{"select_timetable_rules", R"(
        SELECT id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
               weekdays, first_departure, last_departure, interval_min, duration_min
        FROM timetable_rules ORDER BY valid_from, first_departure, id)"};

    std::vector<TimetableRule> timetableRules() override {
        std::vector<TimetableRule> out;
        for (const auto& row : exec(kSelectRules)) {
            TimetableRule r;
            r.id = uuidOf(row[0]);
            r.validFrom = dateOf(row[1]);
            r.validTo = dateOf(row[2]);
            r.weekdays = static_cast<std::uint8_t>(row[3].as<int>());
            r.firstDeparture = Minutes{row[4].as<int>()};
            r.lastDeparture = Minutes{row[5].as<int>()};
            r.interval = Minutes{row[6].as<int>()};
            r.rideDuration = Minutes{row[7].as<int>()};
            out.push_back(r);
        }
        return out;
    }

    static constexpr Sql kSelectPriceLists{"select_price_lists", R"(
        SELECT id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, currency, adult_cents, child_cents,
               baby_cents, vat_bp
        FROM price_lists ORDER BY valid_from, id)"};

    std::vector<PriceList> priceLists() override {
        std::vector<PriceList> out;
        for (const auto& row : exec(kSelectPriceLists)) {
            PriceList p;
            p.id = uuidOf(row[0]);
            p.validFrom = dateOf(row[1]);
            const auto currency = row[2].as<std::string>();
            p.adult = Money::cents(row[3].as<std::int64_t>(), currency);
            p.child = Money::cents(row[4].as<std::int64_t>(), currency);
            p.baby = Money::cents(row[5].as<std::int64_t>(), currency);
            p.vatRateBasisPoints = row[6].as<int>();
            out.push_back(p);
        }
        return out;
    }

    static constexpr Sql kSelectBlocks{"select_blocks_overlapping", R"(
        SELECT id, extract(epoch FROM start_at)::bigint AS start_at, extract(epoch FROM end_at)::bigint AS end_at,
               boat_id, reason, starts_only
        FROM blocks WHERE start_at < to_timestamp($1) AND end_at > to_timestamp($2)
        ORDER BY blocks.start_at, id)"};

    std::vector<Block> blocksOverlapping(Instant from, Instant to) override {
        std::vector<Block> out;
        for (const auto& row : exec(kSelectBlocks, epochOf(to), epochOf(from))) {
            Block b;
            b.id = uuidOf(row[0]);
            b.start = instantOf(row[1]);
            b.end = instantOf(row[2]);
            b.boatId = optionalUuid(row[3]);
            b.reason = row[4].as<std::string>();
            b.startsOnly = row[5].as<bool>();
            out.push_back(std::move(b));
        }
        return out;
    }

    static constexpr Sql kSelectBookingsDeparting{"select_bookings_departing", R"(
        SELECT b.id, b.ref, b.boat_id, extract(epoch FROM b.departure_start)::bigint AS departure_start,
               extract(epoch FROM b.departure_end)::bigint AS departure_end, b.adults, b.children, b.babies,
               b.language, b.channel, b.state, extract(epoch FROM b.expires_at)::bigint AS expires_at, b.currency,
               b.total_cents, b.customer_id, COALESCE(c.name, '') AS customer_name, b.notes,
               extract(epoch FROM b.created_at)::bigint AS created_at
        FROM bookings b LEFT JOIN customers c ON c.id = b.customer_id
        WHERE b.departure_start >= to_timestamp($1) AND b.departure_start < to_timestamp($2)
        ORDER BY b.departure_start, b.created_at, b.id)"};

    std::vector<Booking> bookingsDeparting(Instant from, Instant to) override {
        std::vector<Booking> out;
        const auto r = exec(kSelectBookingsDeparting, epochOf(from), epochOf(to));
        out.reserve(r.size());
        for (const auto& row : r) out.push_back(bookingOf(row));
        return out;
    }

    static constexpr Sql kSelectBookingByRef{"select_booking_by_ref", R"(
        SELECT b.id, b.ref, b.boat_id, extract(epoch FROM b.departure_start)::bigint AS departure_start,
               extract(epoch FROM b.departure_end)::bigint AS departure_end, b.adults, b.children, b.babies,
               b.language, b.channel, b.state, extract(epoch FROM b.expires_at)::bigint AS expires_at, b.currency,
               b.total_cents, b.customer_id, COALESCE(c.name, '') AS customer_name, b.notes,
               extract(epoch FROM b.created_at)::bigint AS created_at
        FROM bookings b LEFT JOIN customers c ON c.id = b.customer_id
        WHERE b.ref = $1)"};

    std::optional<Booking> bookingByRef(const PublicRef& ref) override {
        const auto r = exec(kSelectBookingByRef, ref.str());
        if (r.empty()) return std::nullopt;
        return bookingOf(r[0]);
    }

    static constexpr Sql kSelectPayments{"select_payments_of_booking", R"(
        SELECT id, booking_id, method, currency, amount_cents, status, provider_ref,
               extract(epoch FROM created_at)::bigint AS created_at
        FROM payments WHERE booking_id = $1 ORDER BY payments.created_at, id)"};

    std::vector<Payment> paymentsOfBooking(const Uuid& bookingId) override {
        std::vector<Payment> out;
        for (const auto& row : exec(kSelectPayments, bookingId.str())) out.push_back(paymentOf(row));
        return out;
    }

    // Newest first is the order the entries were appended in, whatever clocks the desks had.
    static constexpr Sql kSelectAudit{"select_latest_audit", R"(
        SELECT id, extract(epoch FROM at)::bigint AS at, employee_id, action, entity, entity_id, details
        FROM audit_log ORDER BY seq DESC LIMIT $1)"};

    std::vector<AuditEntry> latestAudit(int limit) override {
        std::vector<AuditEntry> out;
        for (const auto& row : exec(kSelectAudit, limit)) {
            out.push_back(auditEntryOf(row));
        }
        return out;
    }

    static constexpr Sql kSelectSetting{"select_setting", R"(SELECT value FROM settings WHERE key = $1)"};

    std::optional<std::string> setting(std::string_view key) override {
        const auto r = exec(kSelectSetting, std::string(key));
        if (r.empty()) return std::nullopt;
        return r[0][0].as<std::string>();
    }

    static constexpr Sql kCountBookings{"count_bookings", R"(SELECT count(*) FROM bookings)"};

    std::int64_t bookingCount() override { return exec(kCountBookings)[0][0].as<std::int64_t>(); }

    static constexpr Sql kSelectBookingById{"select_booking_by_id", R"(
        SELECT b.id, b.ref, b.boat_id, extract(epoch FROM b.departure_start)::bigint AS departure_start,
               extract(epoch FROM b.departure_end)::bigint AS departure_end, b.adults, b.children, b.babies,
               b.language, b.channel, b.state, extract(epoch FROM b.expires_at)::bigint AS expires_at, b.currency,
               b.total_cents, b.customer_id, COALESCE(c.name, '') AS customer_name, b.notes,
               extract(epoch FROM b.created_at)::bigint AS created_at
        FROM bookings b LEFT JOIN customers c ON c.id = b.customer_id
        WHERE b.id = $1)"};

    std::optional<Booking> bookingById(const Uuid& id) override {
        const auto r = exec(kSelectBookingById, id.str());
        if (r.empty()) return std::nullopt;
        return bookingOf(r[0]);
    }

    static constexpr Sql kSelectCustomer{"select_customer", R"(
        SELECT id, name, email, phone, language FROM customers WHERE id = $1)"};

    std::optional<Customer> customer(const Uuid& id) override {
        const auto r = exec(kSelectCustomer, id.str());
        if (r.empty()) return std::nullopt;
        return Customer{uuidOf(r[0][0]), r[0][1].as<std::string>(), r[0][2].as<std::string>(),
                        r[0][3].as<std::string>(), r[0][4].as<std::string>()};
    }

    static constexpr Sql kSelectRefunds{"select_refunds_of_booking", R"(
        SELECT id, payment_id, booking_id, currency, amount_cents, status, reason,
               extract(epoch FROM created_at)::bigint, method, employee_id
        FROM refunds WHERE booking_id = $1 ORDER BY created_at, id)"};

    std::vector<Refund> refundsOfBooking(const Uuid& bookingId) override {
        std::vector<Refund> out;
        for (const auto& row : exec(kSelectRefunds, bookingId.str())) out.push_back(refundOf(row));
        return out;
    }

    static constexpr Sql kSelectBlockById{"select_block_by_id", R"(
        SELECT id, extract(epoch FROM start_at)::bigint, extract(epoch FROM end_at)::bigint, boat_id, reason,
               starts_only
        FROM blocks WHERE id = $1)"};

    std::optional<Block> blockById(const Uuid& id) override {
        const auto r = exec(kSelectBlockById, id.str());
        if (r.empty()) return std::nullopt;
        return Block{uuidOf(r[0][0]), instantOf(r[0][1]), instantOf(r[0][2]), optionalUuid(r[0][3]),
                     r[0][4].as<std::string>(), r[0][5].as<bool>()};
    }

    static constexpr Sql kSelectExceptions{"select_timetable_exceptions", R"(
        SELECT id, to_char(day, 'YYYY-MM-DD') AS day, departure_minute, kind, duration_min, note
        FROM timetable_exceptions WHERE day BETWEEN $1::date AND $2::date ORDER BY day, departure_minute)"};

    std::vector<TimetableException> timetableExceptions(LocalDate from, LocalDate to) override {
        std::vector<TimetableException> out;
        for (const auto& row : exec(kSelectExceptions, isoDate(from), isoDate(to))) {
            TimetableException e;
            e.id = uuidOf(row[0]);
            e.date = dateOf(row[1]);
            e.time = Minutes{row[2].as<int>()};
            e.kind = enumOf<TimetableException::Kind>(row[3], parseExceptionKind);
            e.rideDuration = Minutes{row[4].as<int>()};
            e.note = row[5].as<std::string>();
            out.push_back(std::move(e));
        }
        return out;
    }

    static constexpr Sql kSelectCrew{"select_crew_on", R"(
        SELECT c.id, to_char(c.day, 'YYYY-MM-DD') AS day, c.boat_id, c.employee_id
        FROM crew_assignments c JOIN boats b ON b.id = c.boat_id
        WHERE c.day = $1::date ORDER BY b.sort_order, b.name)"};

    std::vector<CrewAssignment> crewOn(LocalDate date) override {
        std::vector<CrewAssignment> out;
        for (const auto& row : exec(kSelectCrew, isoDate(date)))
            out.push_back({uuidOf(row[0]), dateOf(row[1]), uuidOf(row[2]), uuidOf(row[3])});
        return out;
    }

    static Notification notificationOf(const pqxx::row& row) {
        Notification n;
        n.id = uuidOf(row[0]);
        n.bookingId = optionalUuid(row[1]);
        n.recipient = row[2].as<std::string>();
        n.language = row[3].as<std::string>();
        n.kind = row[4].as<std::string>();
        n.subject = row[5].as<std::string>();
        n.body = row[6].as<std::string>();
        n.status = enumOf<NotificationStatus>(row[7], parseNotificationStatus);
        n.error = row[8].as<std::string>();
        n.attempts = row[9].as<int>();
        n.createdAt = instantOf(row[10]);
        n.sentAt = optionalInstant(row[11]);
        return n;
    }

    static constexpr Sql kSelectLatestNotifications{"select_latest_notifications", R"(
        SELECT id, booking_id, recipient, language, kind, subject, body, status, error, attempts,
               extract(epoch FROM created_at)::bigint, extract(epoch FROM sent_at)::bigint
        FROM notifications ORDER BY created_at DESC, id DESC LIMIT $1)"};

    std::vector<Notification> latestNotifications(int limit) override {
        std::vector<Notification> out;
        for (const auto& row : exec(kSelectLatestNotifications, limit)) out.push_back(notificationOf(row));
        return out;
    }

    static constexpr Sql kSelectNotificationsToSend{"select_notifications_to_send", R"(
        SELECT id, booking_id, recipient, language, kind, subject, body, status, error, attempts,
               extract(epoch FROM created_at)::bigint, extract(epoch FROM sent_at)::bigint
        FROM notifications WHERE status = 'PENDING' ORDER BY created_at, id)"};

    std::vector<Notification> notificationsToSend() override {
        std::vector<Notification> out;
        for (const auto& row : exec(kSelectNotificationsToSend)) out.push_back(notificationOf(row));
        return out;
    }

    static constexpr Sql kSelectPaidDeparting{"select_paid_departing", R"(
        SELECT p.booking_id, p.currency,
               SUM(p.amount_cents) - COALESCE((SELECT SUM(r.amount_cents) FROM refunds r
                                               WHERE r.booking_id = p.booking_id AND r.status = 'DONE'), 0)
        FROM payments p JOIN bookings b ON b.id = p.booking_id
        WHERE b.departure_start >= to_timestamp($1) AND b.departure_start < to_timestamp($2)
              AND p.status = 'SUCCEEDED'
        GROUP BY p.booking_id, p.currency)"};

    std::vector<std::pair<Uuid, Money>> paidForBookingsDeparting(Instant from, Instant to) override {
        std::vector<std::pair<Uuid, Money>> out;
        for (const auto& row : exec(kSelectPaidDeparting, epochOf(from), epochOf(to)))
            out.emplace_back(uuidOf(row[0]), Money::cents(row[2].as<std::int64_t>(), row[1].as<std::string>()));
        return out;
    }

    static constexpr Sql kSelectMaintenance{"select_maintenance_records", R"(
        SELECT id, boat_id, kind, title, description, priority, to_char(planned_on, 'YYYY-MM-DD') AS planned_on,
               to_char(done_on, 'YYYY-MM-DD') AS done_on, currency, cost_cents, done_by, recur_every_days,
               extract(epoch FROM created_at)::bigint
        FROM maintenance_records WHERE $1::uuid IS NULL OR boat_id = $1::uuid
        ORDER BY boat_id, COALESCE(done_on, planned_on), created_at, id)"};

    std::vector<MaintenanceRecord> maintenanceRecords(std::optional<Uuid> boatId) override {
        std::vector<MaintenanceRecord> out;
        for (const auto& row : exec(kSelectMaintenance, textOf(boatId))) {
            MaintenanceRecord m;
            m.id = uuidOf(row[0]);
            m.boatId = uuidOf(row[1]);
            m.kind = enumOf<MaintenanceKind>(row[2], parseMaintenanceKind);
            m.title = row[3].as<std::string>();
            m.description = row[4].as<std::string>();
            m.priority = enumOf<Priority>(row[5], parsePriority);
            m.plannedOn = optionalDate(row[6]);
            m.doneOn = optionalDate(row[7]);
            if (!row[9].is_null()) m.cost = Money::cents(row[9].as<std::int64_t>(), row[8].as<std::string>());
            m.doneBy = row[10].as<std::string>();
            m.recurEveryDays = row[11].as<int>();
            m.createdAt = instantOf(row[12]);
            out.push_back(std::move(m));
        }
        return out;
    }

    static constexpr Sql kSelectDaysOff{"select_days_off", R"(
        SELECT id, employee_id, to_char(first_day, 'YYYY-MM-DD') AS first_day,
               to_char(last_day, 'YYYY-MM-DD') AS last_day, reason
        FROM days_off WHERE first_day <= $1::date AND last_day >= $2::date ORDER BY first_day, employee_id, id)"};

    std::vector<DayOff> daysOff(LocalDate from, LocalDate to) override {
        std::vector<DayOff> out;
        for (const auto& row : exec(kSelectDaysOff, isoDate(to), isoDate(from)))
            out.push_back({uuidOf(row[0]), uuidOf(row[1]), dateOf(row[2]), dateOf(row[3]), row[4].as<std::string>()});
        return out;
    }

    // --- StoreWriter
    // Held until the transaction ends. The statements after it take a fresh snapshot (read
    // committed), so they see every sale committed by the desk that held the lock before.
    static constexpr Sql kLockDeparture{"lock_departure", R"(SELECT pg_advisory_xact_lock($1::bigint))"};

    void lockDeparture(Instant start) override { exec(kLockDeparture, PgStore::departureLockKey(start)); }

    static constexpr Sql kUpsertBoat{"upsert_boat", R"(
        INSERT INTO boats (id, name, capacity, status, colour, sort_order, registration, notes)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, capacity = excluded.capacity,
            status = excluded.status, colour = excluded.colour, sort_order = excluded.sort_order,
            registration = excluded.registration, notes = excluded.notes)"};

    void saveBoat(const Boat& b) override {
        b.validate();
        uniqueOrConflict("a boat named \"" + b.name + "\" already exists", [&](pqxx::transaction_base& tx) {
            m_session.exec(tx, kUpsertBoat, b.id.str(), b.name, b.capacity, std::string(toString(b.status)), b.colour,
                           b.sortOrder, b.registration, b.notes);
        });
    }

    static constexpr Sql kUpsertEmployee{"upsert_employee", R"(
        INSERT INTO employees (id, login, name, role, active, password_hash, email, phone, can_sign_in, licence_number,
                               licence_expiry, notes)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12)
        ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, role = excluded.role,
            active = excluded.active, password_hash = excluded.password_hash, email = excluded.email,
            phone = excluded.phone, can_sign_in = excluded.can_sign_in, licence_number = excluded.licence_number,
            licence_expiry = excluded.licence_expiry, notes = excluded.notes)"};

    void saveEmployee(const Employee& e) override {
        e.validate();
        uniqueOrConflict("the login \"" + e.login + "\" is already taken", [&](pqxx::transaction_base& tx) {
            m_session.exec(tx, kUpsertEmployee, e.id.str(), e.login, e.name, std::string(toString(e.role)), e.active,
                           e.passwordHash, e.email, e.phone, e.canSignIn, e.licenceNumber, dateText(e.licenceExpiry),
                           e.notes);
        });
    }

    static constexpr Sql kUpsertCustomer{"upsert_customer", R"(
        INSERT INTO customers (id, name, email, phone, language) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone,
            language = excluded.language)"};

    void saveCustomer(const Customer& c) override {
        exec(kUpsertCustomer, c.id.str(), c.name, c.email, c.phone, c.language);
    }

    static constexpr Sql kUpsertRule{"upsert_timetable_rule", R"(
        INSERT INTO timetable_rules (id, valid_from, valid_to, weekdays, first_departure, last_departure,
                                     interval_min, duration_min) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (id) DO UPDATE SET valid_from = excluded.valid_from, valid_to = excluded.valid_to,
            weekdays = excluded.weekdays, first_departure = excluded.first_departure,
            last_departure = excluded.last_departure, interval_min = excluded.interval_min,
            duration_min = excluded.duration_min)"};

    void saveTimetableRule(const TimetableRule& r) override {
        r.validate();
        exec(kUpsertRule, r.id.str(), isoDate(r.validFrom), isoDate(r.validTo), static_cast<int>(r.weekdays),
             static_cast<int>(r.firstDeparture.count()), static_cast<int>(r.lastDeparture.count()),
             static_cast<int>(r.interval.count()), static_cast<int>(r.rideDuration.count()));
    }

    static constexpr Sql kUpsertPriceList{"upsert_price_list", R"(
        INSERT INTO price_lists (id, valid_from, currency, adult_cents, child_cents, baby_cents, vat_bp)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (id) DO UPDATE SET valid_from = excluded.valid_from, currency = excluded.currency,
            adult_cents = excluded.adult_cents, child_cents = excluded.child_cents,
            baby_cents = excluded.baby_cents, vat_bp = excluded.vat_bp)"};

    void savePriceList(const PriceList& p) override {
        p.validate();
        exec(kUpsertPriceList, p.id.str(), isoDate(p.validFrom), p.adult.currency(), p.adult.cents(), p.child.cents(),
             p.baby.cents(), p.vatRateBasisPoints);
    }

    static constexpr Sql kInsertBlock{"insert_block", R"(
        INSERT INTO blocks (id, start_at, end_at, boat_id, reason, starts_only)
        VALUES ($1, to_timestamp($2), to_timestamp($3), $4, $5, $6))"};

    void insertBlock(const Block& b) override {
        b.validate();
        exec(kInsertBlock, b.id.str(), epochOf(b.start), epochOf(b.end), textOf(b.boatId), b.reason, b.startsOnly);
    }

    // DO NOTHING instead of an error keeps the transaction usable, as SQLite's is: the caller
    // may draw another reference and try again (sellRide does).
    static constexpr Sql kInsertBooking{"insert_booking", R"(
        INSERT INTO bookings (id, ref, boat_id, departure_start, departure_end, adults, children, babies, language,
                              channel, state, expires_at, currency, total_cents, customer_id, notes, created_at)
        VALUES ($1, $2, $3, to_timestamp($4), to_timestamp($5), $6, $7, $8, $9, $10, $11, to_timestamp($12), $13, $14,
                $15, $16, to_timestamp($17))
        ON CONFLICT DO NOTHING)"};
    static constexpr Sql kBookingRefExists{"booking_ref_exists", R"(
        SELECT EXISTS (SELECT 1 FROM bookings WHERE ref = $1))"};

    void insertBooking(const Booking& b) override {
        const auto r = exec(kInsertBooking, b.id.str(), b.ref.str(), b.boatId.str(), epochOf(b.departureStart),
                            epochOf(b.departureEnd), b.party.adults, b.party.children, b.party.babies, b.language,
                            std::string(toString(b.channel)), std::string(toString(b.state)), epochOf(b.expiresAt),
                            b.total.currency(), b.total.cents(), textOf(b.customerId), b.notes, epochOf(b.createdAt));
        if (r.affected_rows() == 1) return;
        if (exec(kBookingRefExists, b.ref.str())[0][0].as<bool>())
            throw ConflictError("booking reference " + b.ref.str() + " already exists");
        throw ConflictError("booking " + b.id.str() + " already exists");
    }

    static constexpr Sql kUpdateBookingState{"update_booking_state", R"(
        UPDATE bookings SET state = $1, expires_at = CASE WHEN $1 = 'PENDING' THEN expires_at END WHERE id = $2)"};

    void updateBookingState(const Uuid& id, BookingState state) override {
        if (exec(kUpdateBookingState, std::string(toString(state)), id.str()).affected_rows() == 0)
            throw NotFound("no booking with id " + id.str());
    }

    static constexpr Sql kInsertPayment{"insert_payment", R"(
        INSERT INTO payments (id, booking_id, method, currency, amount_cents, status, provider_ref, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8)))"};

    void insertPayment(const Payment& p) override {
        exec(kInsertPayment, p.id.str(), p.bookingId.str(), std::string(toString(p.method)), p.amount.currency(),
             p.amount.cents(), std::string(toString(p.status)), p.providerRef, epochOf(p.createdAt));
    }

    static constexpr Sql kInsertRefund{"insert_refund", R"(
        INSERT INTO refunds (id, payment_id, booking_id, currency, amount_cents, status, reason, created_at, method,
                             employee_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8), $9, $10))"};

    void insertRefund(const Refund& r) override {
        std::optional<std::string> method;
        if (r.method) method = std::string(toString(*r.method));
        exec(kInsertRefund, r.id.str(), r.paymentId.str(), r.bookingId.str(), r.amount.currency(), r.amount.cents(),
             std::string(toString(r.status)), r.reason, epochOf(r.createdAt), method, textOf(r.employeeId));
    }

    static constexpr Sql kInsertAudit{"insert_audit", R"(
        INSERT INTO audit_log (id, at, employee_id, action, entity, entity_id, details)
        VALUES ($1, to_timestamp($2), $3, $4, $5, $6, $7))"};

    void appendAudit(const AuditEntry& a) override {
        exec(kInsertAudit, a.id.str(), epochOf(a.at), textOf(a.employeeId), a.action, a.entity, a.entityId, a.details);
    }

    static constexpr Sql kUpsertSetting{"upsert_setting", R"(
        INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value)"};

    void setSetting(std::string_view key, std::string_view value) override {
        exec(kUpsertSetting, std::string(key), std::string(value));
    }

    static constexpr Sql kMoveBooking{"move_booking", R"(
        UPDATE bookings SET boat_id = $1, departure_start = to_timestamp($2), departure_end = to_timestamp($3)
        WHERE id = $4)"};

    void moveBooking(const Uuid& id, const Uuid& boatId, Instant start, Instant end) override {
        if (exec(kMoveBooking, boatId.str(), epochOf(start), epochOf(end), id.str()).affected_rows() == 0)
            throw NotFound("no booking with id " + id.str());
    }

    static constexpr Sql kDeleteBlock{"delete_block", R"(DELETE FROM blocks WHERE id = $1)"};
    static constexpr Sql kDeleteRule{"delete_timetable_rule", R"(DELETE FROM timetable_rules WHERE id = $1)"};
    static constexpr Sql kDeleteException{"delete_timetable_exception",
                                          R"(DELETE FROM timetable_exceptions WHERE id = $1)"};
    static constexpr Sql kDeleteCrew{"delete_crew_assignment", R"(DELETE FROM crew_assignments WHERE id = $1)"};

    static constexpr Sql kUpsertMaintenance{"upsert_maintenance_record", R"(
        INSERT INTO maintenance_records (id, boat_id, kind, title, description, priority, planned_on, done_on,
                                         currency, cost_cents, done_by, recur_every_days, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::date, $9, $10, $11, $12, to_timestamp($13))
        ON CONFLICT (id) DO UPDATE SET boat_id = excluded.boat_id, kind = excluded.kind, title = excluded.title,
            description = excluded.description, priority = excluded.priority, planned_on = excluded.planned_on,
            done_on = excluded.done_on, currency = excluded.currency, cost_cents = excluded.cost_cents,
            done_by = excluded.done_by, recur_every_days = excluded.recur_every_days)"};

    void saveMaintenanceRecord(const MaintenanceRecord& m) override {
        m.validate();
        std::optional<std::int64_t> cost;
        if (m.cost) cost = m.cost->cents();
        exec(kUpsertMaintenance, m.id.str(), m.boatId.str(), std::string(toString(m.kind)), m.title, m.description,
             std::string(toString(m.priority)), dateText(m.plannedOn), dateText(m.doneOn),
             m.cost ? m.cost->currency() : std::string("EUR"), cost, m.doneBy, m.recurEveryDays, epochOf(m.createdAt));
    }

    static constexpr Sql kUpsertDayOff{"upsert_day_off", R"(
        INSERT INTO days_off (id, employee_id, first_day, last_day, reason) VALUES ($1, $2, $3::date, $4::date, $5)
        ON CONFLICT (id) DO UPDATE SET employee_id = excluded.employee_id, first_day = excluded.first_day,
            last_day = excluded.last_day, reason = excluded.reason)"};
    static constexpr Sql kDeleteDayOff{"delete_day_off", R"(DELETE FROM days_off WHERE id = $1)"};

    void saveDayOff(const DayOff& d) override {
        d.validate();
        exec(kUpsertDayOff, d.id.str(), d.employeeId.str(), isoDate(d.from), isoDate(d.to), d.reason);
    }

    void deleteDayOff(const Uuid& id) override { deleteById(kDeleteDayOff, id, "day off"); }

    void deleteBlock(const Uuid& id) override { deleteById(kDeleteBlock, id, "closure"); }
    void deleteTimetableRule(const Uuid& id) override { deleteById(kDeleteRule, id, "timetable rule"); }
    void deleteTimetableException(const Uuid& id) override { deleteById(kDeleteException, id, "timetable change"); }
    void deleteCrewAssignment(const Uuid& id) override { deleteById(kDeleteCrew, id, "crew assignment"); }

    static constexpr Sql kUpsertException{"upsert_timetable_exception", R"(
        INSERT INTO timetable_exceptions (id, day, departure_minute, kind, duration_min, note)
        VALUES ($1, $2::date, $3, $4, $5, $6)
        ON CONFLICT (id) DO UPDATE SET day = excluded.day, departure_minute = excluded.departure_minute,
            kind = excluded.kind, duration_min = excluded.duration_min, note = excluded.note)"};

    void saveTimetableException(const TimetableException& e) override {
        e.validate();
        uniqueOrConflict("the timetable already has a change at " + hhmm(e.time) + " on " + isoDate(e.date),
                         [&](pqxx::transaction_base& tx) {
                             m_session.exec(tx, kUpsertException, e.id.str(), isoDate(e.date),
                                            static_cast<int>(e.time.count()), std::string(toString(e.kind)),
                                            static_cast<int>(e.rideDuration.count()), e.note);
                         });
    }

    static constexpr Sql kUpsertCrew{"upsert_crew_assignment", R"(
        INSERT INTO crew_assignments (id, day, boat_id, employee_id) VALUES ($1, $2::date, $3, $4)
        ON CONFLICT (id) DO UPDATE SET day = excluded.day, boat_id = excluded.boat_id,
            employee_id = excluded.employee_id)"};

    void saveCrewAssignment(const CrewAssignment& a) override {
        uniqueOrConflict("that boat already has a boatman on " + isoDate(a.date), [&](pqxx::transaction_base& tx) {
            m_session.exec(tx, kUpsertCrew, a.id.str(), isoDate(a.date), a.boatId.str(), a.employeeId.str());
        });
    }

    static constexpr Sql kInsertNotification{"insert_notification", R"(
        INSERT INTO notifications (id, booking_id, recipient, language, kind, subject, body, status, error, attempts,
                                   created_at, sent_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, to_timestamp($11), to_timestamp($12)))"};

    void insertNotification(const Notification& n) override {
        exec(kInsertNotification, n.id.str(), textOf(n.bookingId), n.recipient, n.language, n.kind, n.subject, n.body,
             std::string(toString(n.status)), n.error, n.attempts, epochOf(n.createdAt), epochOf(n.sentAt));
    }

    static constexpr Sql kUpdateNotification{"update_notification", R"(
        UPDATE notifications SET status = $1, error = $2, attempts = $3, sent_at = to_timestamp($4) WHERE id = $5)"};

    void updateNotification(const Notification& n) override {
        if (exec(kUpdateNotification, std::string(toString(n.status)), n.error, n.attempts, epochOf(n.sentAt),
                 n.id.str())
                .affected_rows() == 0)
            throw NotFound("no notification with id " + n.id.str());
    }

private:
    void deleteById(const Sql& sql, const Uuid& id, const char* what) {
        if (exec(sql, id.str()).affected_rows() == 0) throw NotFound(std::string("no ") + what + " with id " + id.str());
    }
};

// read(): one snapshot for the whole callback (a planning's boats, closures and bookings agree
// with each other, as in SqliteStore's deferred transaction); read-only, so it never blocks writers
// and never fails to serialise.
using ReadTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

// Taken by migrate() around each migration; the two-key form lives apart from departure locks.
constexpr Sql kLockMigrations{"lock_migrations", R"(SELECT pg_advisory_xact_lock(21326, 1))"};
constexpr Sql kMigrationsTableExists{"migrations_table_exists", R"(
    SELECT to_regclass('schema_migrations') IS NOT NULL)"};
constexpr Sql kSelectSchemaVersion{"select_schema_version", R"(
    SELECT COALESCE(max(version), 0) FROM schema_migrations)"};
constexpr const char* kCreateMigrationsTable = R"(
    CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()))";
constexpr Sql kRecordMigration{"record_migration", R"(
    INSERT INTO schema_migrations (version, name) VALUES ($1, $2))"};

int versionIn(PgStore::Session& s, pqxx::transaction_base& tx) {
    if (!s.exec(tx, kMigrationsTableExists)[0][0].as<bool>()) return 0;
    return s.exec(tx, kSelectSchemaVersion)[0][0].as<int>();
}

std::unique_ptr<PgStore::Session> openSession(const std::string& connectionString) {
    try {
        return std::make_unique<PgStore::Session>(connectionString);
    } catch (const pqxx::failure& e) {
        // libpq's message names the server (socket, host and port) and never the password; a
        // malformed string may be quoted back, hence the scrubbing.
        throw StoreUnavailable("cannot connect to the database server: " +
                               withoutPassword(sentence(e.what()), passwordIn(connectionString)));
    }
}

}  // namespace

std::int64_t PgStore::departureLockKey(Instant start) {
    constexpr std::int64_t kSpace = std::int64_t{0x534E} << 48;   // "SN"
    return kSpace | (epochOf(start) & ((std::int64_t{1} << 48) - 1));
}

PgStore::PgStore(const std::string& connectionString)
    : m_connectionString(connectionString), m_session(openSession(connectionString)) {
    // libpq reports the socket directory as the host of a local connection.
    const char* host = m_session->connection().hostname();
    const char* db = m_session->connection().dbname();
    m_server = std::string(host && *host ? host : "localhost") + "/" + (db ? db : "");
}

PgStore::~PgStore() = default;

std::string PgStore::describe() const { return "server: " + m_server; }

PgStore::Session& PgStore::session() {
    // libpqxx does not bring a broken connection back by itself: start a new one, with its own
    // prepared statements. The call that met the loss has already reported it.
    if (!m_session || !m_session->connection().is_open()) {
        m_session.reset();
        m_session = openSession(m_connectionString);
    }
    return *m_session;
}

void PgStore::read(const std::function<void(StoreReader&)>& work) {
    guarded(m_server, [&] {
        auto& s = session();
        ReadTransaction tx(s.connection());
        PgTransaction reader(s, tx);
        work(reader);
        tx.commit();
    });
}

void PgStore::write(const std::function<void(StoreWriter&)>& work) {
    guarded(m_server, [&] {
        auto& s = session();
        pqxx::work tx(s.connection());
        PgTransaction writer(s, tx);
        work(writer);   // when it throws, `tx` rolls back as it goes out of scope
        tx.commit();
    });
}

std::int64_t PgStore::changeStamp() {
    // 002_planning.sql: the transactions that change a planning move this one row at their commit,
    // so the stamp read here and the data read after it agree.
    static constexpr Sql kChangeStamp{"select_change_stamp", R"(SELECT value FROM change_stamp)"};
    return guarded(m_server, [&] {
        auto& s = session();
        pqxx::read_transaction tx(s.connection());
        return s.exec(tx, kChangeStamp)[0][0].as<std::int64_t>();
    });
}

int PgStore::schemaVersion() {
    return guarded(m_server, [&] {
        auto& s = session();
        ReadTransaction tx(s.connection());
        const int version = versionIn(s, tx);
        tx.commit();
        return version;
    });
}

int PgStore::latestSchemaVersion() const { return highestVersion(postgresMigrations()); }

int PgStore::migrate() {
    return guarded(m_server, [&] {
        const int latest = latestSchemaVersion();
        int applied = 0;
        for (;;) {
            auto& s = session();
            pqxx::work tx(s.connection());
            // Another desk may be migrating: wait for it, then read the version it left.
            s.exec(tx, kLockMigrations);
            const int current = versionIn(s, tx);
            if (current > latest) throw StoreUnavailable(newerSchema(current, latest));
            const auto& all = postgresMigrations();
            const auto next = std::find_if(all.begin(), all.end(),
                                           [&](const Migration& m) { return migrationVersion(m) > current; });
            if (next == all.end()) {
                tx.commit();
                return applied;
            }
            tx.exec0(kCreateMigrationsTable);
            tx.exec0(next->sql);   // a migration file holds several statements: the simple protocol runs them
            s.exec(tx, kRecordMigration, migrationVersion(*next), next->name);
            tx.commit();
            ++applied;
        }
    });
}

std::vector<std::string> PgStore::check() {
    // The append-only guards (001_init.sql): disabled or dropped, money could be edited silently.
    static constexpr Sql kMissingGuards{"select_missing_guards", R"(
        SELECT g.name FROM (VALUES
            (1, 'payments_no_update'), (1, 'payments_no_delete'), (1, 'payments_no_truncate'), (1, 'refunds_no_delete'),
            (1, 'refunds_no_truncate'), (1, 'refunds_only_settle'), (1, 'audit_append_only'), (1, 'audit_no_truncate'),
            (4, 'chain_records_no_update'), (4, 'chain_records_no_delete'), (4, 'chain_records_no_truncate'),
            (4, 'receipt_reprints_no_update'), (4, 'receipt_reprints_no_delete'), (4, 'receipt_reprints_no_truncate'),
            (4, 'vouchers_no_update'), (4, 'vouchers_no_delete'), (4, 'vouchers_no_truncate'),
            (4, 'voucher_movements_no_update'), (4, 'voucher_movements_no_delete'),
            (4, 'voucher_movements_no_truncate'), (4, 'cash_sessions_only_close'), (4, 'cash_sessions_no_delete'),
            (4, 'cash_sessions_no_truncate'), (4, 'cash_movements_no_update'), (4, 'cash_movements_no_delete'),
            (4, 'cash_movements_no_truncate'), (5, 'journal_periods_no_update'), (5, 'journal_periods_no_delete'),
            (5, 'journal_periods_no_truncate'), (5, 'journal_entries_no_update'), (5, 'journal_entries_no_delete'),
            (5, 'journal_entries_no_truncate'), (5, 'journal_lines_no_update'), (5, 'journal_lines_no_delete'),
            (5, 'journal_lines_no_truncate')) AS g(since, name)
        WHERE g.since <= $1
          AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgname = g.name AND t.tgenabled <> 'D')
        ORDER BY g.name)"};
    // An index left invalid by an interrupted CREATE INDEX CONCURRENTLY is silently ignored by
    // the planner, and a unique one no longer protects anything.
    static constexpr Sql kInvalidIndexes{"select_invalid_indexes", R"(
        SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE NOT i.indisvalid AND c.relnamespace = 'public'::regnamespace ORDER BY c.relname)"};
    static constexpr Sql kAppliedMigrations{"select_applied_migrations", R"(
        SELECT version, name FROM schema_migrations ORDER BY version)"};

    return guarded(m_server, [&] {
        std::vector<std::string> problems;
        auto& s = session();
        ReadTransaction tx(s.connection());
        const int version = versionIn(s, tx);
        const int latest = latestSchemaVersion();
        if (version > latest) problems.push_back(newerSchema(version, latest));
        if (version < latest)
            problems.push_back("the database schema is version " + std::to_string(version) +
                               ", older than this program (" + std::to_string(latest) +
                               "): run `narcisse-cli db migrate`");
        if (version > 0) {
            for (const auto& row : s.exec(tx, kAppliedMigrations)) {
                const int v = row[0].as<int>();
                const auto name = row[1].as<std::string>();
                for (const auto& m : postgresMigrations())
                    if (migrationVersion(m) == v && m.name != name)
                        problems.push_back("migration " + std::to_string(v) + " was applied as " + name +
                                           ", but this program carries " + m.name);
            }
            for (const auto& row : s.exec(tx, kMissingGuards, version))
                problems.push_back("the append-only guard " + row[0].as<std::string>() +
                                   " is missing or disabled: money, fiscal records or the audit log can be altered");
        }
        for (const auto& row : s.exec(tx, kInvalidIndexes))
            problems.push_back("the index " + row[0].as<std::string>() + " is invalid: rebuild it (REINDEX)");
        tx.commit();
        return problems;
    });
}

}  // namespace narcisse::data
