#include "data/sqlite_store.h"

#include "data/migrations.h"
#include "data/sqlite_store_accounting.h"
#include "domain/errors.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <filesystem>
#include <unordered_map>

namespace narcisse::data {

using namespace narcisse::domain;

namespace {

// SQL lives next to the code that runs it; every value is bound.
constexpr const char* kSelectBoats = R"(
    SELECT id, name, capacity, status, colour, sort_order, registration, notes FROM boats ORDER BY sort_order, name)";
constexpr const char* kUpsertBoat = R"(
    INSERT INTO boats (id, name, capacity, status, colour, sort_order, registration, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, capacity = excluded.capacity,
        status = excluded.status, colour = excluded.colour, sort_order = excluded.sort_order,
        registration = excluded.registration, notes = excluded.notes)";
constexpr const char* kEmployeeColumns = R"(
    SELECT id, login, name, role, active, password_hash, email, phone, can_sign_in, licence_number, licence_expiry,
           notes
    FROM employees )";
constexpr const char* kSelectEmployees = R"(ORDER BY name, login)";
constexpr const char* kSelectEmployeeByLogin = R"(WHERE login = ?)";
constexpr const char* kUpsertEmployee = R"(
    INSERT INTO employees (id, login, name, role, active, password_hash, email, phone, can_sign_in, licence_number,
                           licence_expiry, notes)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET login = excluded.login, name = excluded.name, role = excluded.role,
        active = excluded.active, password_hash = excluded.password_hash, email = excluded.email,
        phone = excluded.phone, can_sign_in = excluded.can_sign_in, licence_number = excluded.licence_number,
        licence_expiry = excluded.licence_expiry, notes = excluded.notes)";
constexpr const char* kSelectMaintenance = R"(
    SELECT id, boat_id, kind, title, description, priority, planned_on, done_on, currency, cost_cents, done_by,
           recur_every_days, created_at
    FROM maintenance_records WHERE ?1 IS NULL OR boat_id = ?1
    ORDER BY boat_id, COALESCE(done_on, planned_on), created_at, id)";
constexpr const char* kUpsertMaintenance = R"(
    INSERT INTO maintenance_records (id, boat_id, kind, title, description, priority, planned_on, done_on, currency,
                                     cost_cents, done_by, recur_every_days, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET boat_id = excluded.boat_id, kind = excluded.kind, title = excluded.title,
        description = excluded.description, priority = excluded.priority, planned_on = excluded.planned_on,
        done_on = excluded.done_on, currency = excluded.currency, cost_cents = excluded.cost_cents,
        done_by = excluded.done_by, recur_every_days = excluded.recur_every_days)";
constexpr const char* kSelectDaysOff = R"(
    SELECT id, employee_id, first_day, last_day, reason FROM days_off
    WHERE first_day <= ? AND last_day >= ? ORDER BY first_day, employee_id, id)";
constexpr const char* kUpsertDayOff = R"(
    INSERT INTO days_off (id, employee_id, first_day, last_day, reason) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET employee_id = excluded.employee_id, first_day = excluded.first_day,
        last_day = excluded.last_day, reason = excluded.reason)";
constexpr const char* kDeleteDayOff = R"(DELETE FROM days_off WHERE id = ?)";
constexpr const char* kUpsertCustomer = R"(
    INSERT INTO customers (id, name, email, phone, language) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone,
        language = excluded.language)";
constexpr const char* kSelectRules = R"(
    SELECT id, valid_from, valid_to, weekdays, first_departure, last_departure, interval_min, duration_min
    FROM timetable_rules ORDER BY valid_from, first_departure, id)";
constexpr const char* kUpsertRule = R"(
    INSERT INTO timetable_rules (id, valid_from, valid_to, weekdays, first_departure, last_departure,
                                 interval_min, duration_min) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET valid_from = excluded.valid_from, valid_to = excluded.valid_to,
        weekdays = excluded.weekdays, first_departure = excluded.first_departure,
        last_departure = excluded.last_departure, interval_min = excluded.interval_min,
        duration_min = excluded.duration_min)";
constexpr const char* kSelectPriceLists = R"(
    SELECT id, valid_from, currency, adult_cents, child_cents, baby_cents, vat_bp
    FROM price_lists ORDER BY valid_from, id)";
constexpr const char* kUpsertPriceList = R"(
    INSERT INTO price_lists (id, valid_from, currency, adult_cents, child_cents, baby_cents, vat_bp)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET valid_from = excluded.valid_from, currency = excluded.currency,
        adult_cents = excluded.adult_cents, child_cents = excluded.child_cents,
        baby_cents = excluded.baby_cents, vat_bp = excluded.vat_bp)";
constexpr const char* kSelectBlocks = R"(
    SELECT id, start_at, end_at, boat_id, reason, starts_only FROM blocks
    WHERE start_at < ? AND end_at > ? ORDER BY start_at, id)";
constexpr const char* kInsertBlock =
    R"(INSERT INTO blocks (id, start_at, end_at, boat_id, reason, starts_only) VALUES (?, ?, ?, ?, ?, ?))";
constexpr const char* kBookingColumns = R"(
    SELECT b.id, b.ref, b.boat_id, b.departure_start, b.departure_end, b.adults, b.children, b.babies,
           b.language, b.channel, b.state, b.expires_at, b.currency, b.total_cents, b.customer_id,
           COALESCE(c.name, ''), b.notes, b.created_at
    FROM bookings b LEFT JOIN customers c ON c.id = b.customer_id )";
constexpr const char* kSelectBookingsDeparting =
    R"(WHERE b.departure_start >= ? AND b.departure_start < ? ORDER BY b.departure_start, b.created_at, b.id)";
constexpr const char* kSelectBookingByRef = R"(WHERE b.ref = ?)";
constexpr const char* kInsertBooking = R"(
    INSERT INTO bookings (id, ref, boat_id, departure_start, departure_end, adults, children, babies, language,
                          channel, state, expires_at, currency, total_cents, customer_id, notes, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";
constexpr const char* kUpdateBookingState = R"(
    UPDATE bookings SET state = ?, expires_at = CASE WHEN ? = 'PENDING' THEN expires_at END WHERE id = ?)";
constexpr const char* kSelectPayments = R"(
    SELECT id, booking_id, method, currency, amount_cents, status, provider_ref, created_at
    FROM payments WHERE booking_id = ? ORDER BY created_at, id)";
constexpr const char* kInsertPayment = R"(
    INSERT INTO payments (id, booking_id, method, currency, amount_cents, status, provider_ref, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?))";
constexpr const char* kInsertRefund = R"(
    INSERT INTO refunds (id, payment_id, booking_id, currency, amount_cents, status, reason, created_at, method,
                         employee_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";
constexpr const char* kInsertAudit = R"(
    INSERT INTO audit_log (id, at, employee_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?, ?))";
constexpr const char* kSelectAudit = R"(
    SELECT id, at, employee_id, action, entity, entity_id, details FROM audit_log ORDER BY seq DESC LIMIT ?)";
constexpr const char* kSelectSetting = R"(SELECT value FROM settings WHERE key = ?)";
constexpr const char* kUpsertSetting =
    R"(INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value)";
constexpr const char* kCountBookings = R"(SELECT count(*) FROM bookings)";
constexpr const char* kSelectBookingById = R"(WHERE b.id = ?)";
constexpr const char* kSelectCustomer = R"(SELECT id, name, email, phone, language FROM customers WHERE id = ?)";
constexpr const char* kSelectRefunds = R"(
    SELECT id, payment_id, booking_id, currency, amount_cents, status, reason, created_at, method, employee_id
    FROM refunds WHERE booking_id = ? ORDER BY created_at, id)";
constexpr const char* kSelectBlockById =
    R"(SELECT id, start_at, end_at, boat_id, reason, starts_only FROM blocks WHERE id = ?)";
constexpr const char* kSelectExceptions = R"(
    SELECT id, day, departure_minute, kind, duration_min, note FROM timetable_exceptions
    WHERE day BETWEEN ? AND ? ORDER BY day, departure_minute)";
constexpr const char* kSelectCrew = R"(
    SELECT c.id, c.day, c.boat_id, c.employee_id FROM crew_assignments c JOIN boats b ON b.id = c.boat_id
    WHERE c.day = ? ORDER BY b.sort_order, b.name)";
constexpr const char* kNotificationColumns = R"(
    SELECT id, booking_id, recipient, language, kind, subject, body, status, error, attempts, created_at, sent_at
    FROM notifications )";
constexpr const char* kSelectLatestNotifications = R"(ORDER BY created_at DESC, id DESC LIMIT ?)";
constexpr const char* kSelectNotificationsToSend = R"(WHERE status = 'PENDING' ORDER BY created_at, id)";
constexpr const char* kMoveBooking =
    R"(UPDATE bookings SET boat_id = ?, departure_start = ?, departure_end = ? WHERE id = ?)";
constexpr const char* kDeleteBlock = R"(DELETE FROM blocks WHERE id = ?)";
constexpr const char* kDeleteRule = R"(DELETE FROM timetable_rules WHERE id = ?)";
constexpr const char* kUpsertException = R"(
    INSERT INTO timetable_exceptions (id, day, departure_minute, kind, duration_min, note) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET day = excluded.day, departure_minute = excluded.departure_minute,
        kind = excluded.kind, duration_min = excluded.duration_min, note = excluded.note)";
constexpr const char* kDeleteException = R"(DELETE FROM timetable_exceptions WHERE id = ?)";
constexpr const char* kUpsertCrew = R"(
    INSERT INTO crew_assignments (id, day, boat_id, employee_id) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET day = excluded.day, boat_id = excluded.boat_id, employee_id = excluded.employee_id)";
constexpr const char* kDeleteCrew = R"(DELETE FROM crew_assignments WHERE id = ?)";
constexpr const char* kInsertNotification = R"(
    INSERT INTO notifications (id, booking_id, recipient, language, kind, subject, body, status, error, attempts,
                               created_at, sent_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";
constexpr const char* kSelectPaidDeparting = R"(
    SELECT p.booking_id, p.currency,
           SUM(p.amount_cents) - COALESCE((SELECT SUM(r.amount_cents) FROM refunds r
                                           WHERE r.booking_id = p.booking_id AND r.status = 'DONE'), 0)
    FROM payments p JOIN bookings b ON b.id = p.booking_id
    WHERE b.departure_start >= ? AND b.departure_start < ? AND p.status = 'SUCCEEDED'
    GROUP BY p.booking_id, p.currency)";
constexpr const char* kUpdateNotification =
    R"(UPDATE notifications SET status = ?, error = ?, attempts = ?, sent_at = ? WHERE id = ?)";

}  // namespace

// One connection, used by one thread at a time (each worker opens its own store): SQLite's
// per-call mutex would only cost time, hence OPEN_NOMUTEX.
class SqliteStore::Impl final : public SqliteAccounting {
public:
    explicit Impl(const std::string& path)
        : m_db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX) {
        m_db.setBusyTimeout(10000);
    }

    SQLite::Database& db() { return m_db; }

    // A cached prepared statement, reset and ready for new bindings.
    SQLite::Statement& statement(const char* sql, const char* suffix = nullptr) override {
        const std::string key = suffix ? std::string(sql) + suffix : std::string(sql);
        auto it = m_statements.find(key);
        if (it == m_statements.end())
            it = m_statements.emplace(key, std::make_unique<SQLite::Statement>(m_db, key)).first;
        auto& s = *it->second;
        // Not reset(): sqlite3_reset repeats the error of the statement's last run (a refused
        // duplicate, already reported as a ConflictError), which would refuse this run as well.
        s.tryReset();
        s.clearBindings();
        return s;
    }

    // Ends every cached statement's run. A lookup that stopped at its first row leaves its statement
    // running, and a running statement keeps the connection on its read snapshot after COMMIT: the
    // desk would neither see other programs' commits nor be told of them (PRAGMA data_version).
    void finishStatements() noexcept {
        for (auto& entry : m_statements) entry.second->tryReset();
    }

    void clearStatements() { m_statements.clear(); }

    // --- StoreReader
    std::vector<Boat> boats() override {
        auto& s = statement(kSelectBoats);
        std::vector<Boat> out;
        while (s.executeStep()) {
            Boat b;
            b.id = uuidOf(s.getColumn(0));
            b.name = s.getColumn(1).getString();
            b.capacity = s.getColumn(2).getInt();
            b.status = enumOf<BoatStatus>(s.getColumn(3), parseBoatStatus);
            b.colour = s.getColumn(4).getString();
            b.sortOrder = s.getColumn(5).getInt();
            b.registration = s.getColumn(6).getString();
            b.notes = s.getColumn(7).getString();
            out.push_back(std::move(b));
        }
        return out;
    }

    static Employee employeeOf(SQLite::Statement& s) {
        Employee e;
        e.id = uuidOf(s.getColumn(0));
        e.login = s.getColumn(1).getString();
        e.name = s.getColumn(2).getString();
        e.role = enumOf<Role>(s.getColumn(3), parseRole);
        e.active = s.getColumn(4).getInt() != 0;
        e.passwordHash = s.getColumn(5).getString();
        e.email = s.getColumn(6).getString();
        e.phone = s.getColumn(7).getString();
        e.canSignIn = s.getColumn(8).getInt() != 0;
        e.licenceNumber = s.getColumn(9).getString();
        if (!s.getColumn(10).isNull()) e.licenceExpiry = parseDate(s.getColumn(10).getString(), "licence_expiry");
        e.notes = s.getColumn(11).getString();
        return e;
    }

    std::vector<Employee> employees() override {
        auto& s = statement(kEmployeeColumns, kSelectEmployees);
        std::vector<Employee> out;
        while (s.executeStep()) out.push_back(employeeOf(s));
        return out;
    }

    std::optional<Employee> employeeByLogin(std::string_view login) override {
        auto& s = statement(kEmployeeColumns, kSelectEmployeeByLogin);
        s.bind(1, std::string(login));
        if (!s.executeStep()) return std::nullopt;
        return employeeOf(s);
    }

    std::vector<TimetableRule> timetableRules() override {
        auto& s = statement(kSelectRules);
        std::vector<TimetableRule> out;
        while (s.executeStep()) {
            TimetableRule r;
            r.id = uuidOf(s.getColumn(0));
            r.validFrom = parseDate(s.getColumn(1).getString(), "valid_from");
            r.validTo = parseDate(s.getColumn(2).getString(), "valid_to");
            r.weekdays = static_cast<std::uint8_t>(s.getColumn(3).getInt());
            r.firstDeparture = Minutes{s.getColumn(4).getInt()};
            r.lastDeparture = Minutes{s.getColumn(5).getInt()};
            r.interval = Minutes{s.getColumn(6).getInt()};
            r.rideDuration = Minutes{s.getColumn(7).getInt()};
            out.push_back(r);
        }
        return out;
    }

    std::vector<PriceList> priceLists() override {
        auto& s = statement(kSelectPriceLists);
        std::vector<PriceList> out;
        while (s.executeStep()) {
            PriceList p;
            p.id = uuidOf(s.getColumn(0));
            p.validFrom = parseDate(s.getColumn(1).getString(), "valid_from");
            const std::string currency = s.getColumn(2).getString();
            p.adult = Money::cents(s.getColumn(3).getInt64(), currency);
            p.child = Money::cents(s.getColumn(4).getInt64(), currency);
            p.baby = Money::cents(s.getColumn(5).getInt64(), currency);
            p.vatRateBasisPoints = s.getColumn(6).getInt();
            out.push_back(p);
        }
        return out;
    }

    std::vector<Block> blocksOverlapping(Instant from, Instant to) override {
        auto& s = statement(kSelectBlocks);
        s.bind(1, isoUtc(to));
        s.bind(2, isoUtc(from));
        std::vector<Block> out;
        while (s.executeStep()) {
            Block b;
            b.id = uuidOf(s.getColumn(0));
            b.start = instantOf(s.getColumn(1));
            b.end = instantOf(s.getColumn(2));
            b.boatId = optionalUuid(s.getColumn(3));
            b.reason = s.getColumn(4).getString();
            b.startsOnly = s.getColumn(5).getInt() != 0;
            out.push_back(std::move(b));
        }
        return out;
    }

    std::vector<Booking> bookingsDeparting(Instant from, Instant to) override {
        auto& s = statement(kBookingColumns, kSelectBookingsDeparting);
        s.bind(1, isoUtc(from));
        s.bind(2, isoUtc(to));
        std::vector<Booking> out;
        while (s.executeStep()) out.push_back(bookingOf(s));
        return out;
    }

    std::optional<Booking> bookingByRef(const PublicRef& ref) override {
        auto& s = statement(kBookingColumns, kSelectBookingByRef);
        s.bind(1, ref.str());
        if (!s.executeStep()) return std::nullopt;
        return bookingOf(s);
    }

    std::vector<Payment> paymentsOfBooking(const Uuid& bookingId) override {
        auto& s = statement(kSelectPayments);
        s.bind(1, bookingId.str());
        std::vector<Payment> out;
        while (s.executeStep()) out.push_back(paymentOf(s));
        return out;
    }

    std::vector<AuditEntry> latestAudit(int limit) override {
        auto& s = statement(kSelectAudit);
        s.bind(1, limit);
        std::vector<AuditEntry> out;
        while (s.executeStep()) {
            out.push_back(auditEntryOf(s));
        }
        return out;
    }

    std::optional<std::string> setting(std::string_view key) override {
        auto& s = statement(kSelectSetting);
        s.bind(1, std::string(key));
        if (!s.executeStep()) return std::nullopt;
        return s.getColumn(0).getString();
    }

    std::int64_t bookingCount() override {
        auto& s = statement(kCountBookings);
        s.executeStep();
        return s.getColumn(0).getInt64();
    }

    std::optional<Booking> bookingById(const Uuid& id) override {
        auto& s = statement(kBookingColumns, kSelectBookingById);
        s.bind(1, id.str());
        if (!s.executeStep()) return std::nullopt;
        return bookingOf(s);
    }

    std::optional<Customer> customer(const Uuid& id) override {
        auto& s = statement(kSelectCustomer);
        s.bind(1, id.str());
        if (!s.executeStep()) return std::nullopt;
        return Customer{uuidOf(s.getColumn(0)), s.getColumn(1).getString(), s.getColumn(2).getString(),
                        s.getColumn(3).getString(), s.getColumn(4).getString()};
    }

    std::vector<Refund> refundsOfBooking(const Uuid& bookingId) override {
        auto& s = statement(kSelectRefunds);
        s.bind(1, bookingId.str());
        std::vector<Refund> out;
        while (s.executeStep()) out.push_back(refundOf(s));
        return out;
    }

    std::optional<Block> blockById(const Uuid& id) override {
        auto& s = statement(kSelectBlockById);
        s.bind(1, id.str());
        if (!s.executeStep()) return std::nullopt;
        return Block{uuidOf(s.getColumn(0)), instantOf(s.getColumn(1)), instantOf(s.getColumn(2)),
                     optionalUuid(s.getColumn(3)), s.getColumn(4).getString(), s.getColumn(5).getInt() != 0};
    }

    std::vector<TimetableException> timetableExceptions(LocalDate from, LocalDate to) override {
        auto& s = statement(kSelectExceptions);
        s.bind(1, isoDate(from));
        s.bind(2, isoDate(to));
        std::vector<TimetableException> out;
        while (s.executeStep()) {
            TimetableException e;
            e.id = uuidOf(s.getColumn(0));
            e.date = parseDate(s.getColumn(1).getString(), "day");
            e.time = Minutes{s.getColumn(2).getInt()};
            e.kind = enumOf<TimetableException::Kind>(s.getColumn(3), parseExceptionKind);
            e.rideDuration = Minutes{s.getColumn(4).getInt()};
            e.note = s.getColumn(5).getString();
            out.push_back(std::move(e));
        }
        return out;
    }

    std::vector<CrewAssignment> crewOn(LocalDate date) override {
        auto& s = statement(kSelectCrew);
        s.bind(1, isoDate(date));
        std::vector<CrewAssignment> out;
        while (s.executeStep())
            out.push_back({uuidOf(s.getColumn(0)), parseDate(s.getColumn(1).getString(), "day"),
                           uuidOf(s.getColumn(2)), uuidOf(s.getColumn(3))});
        return out;
    }

    static Notification notificationOf(SQLite::Statement& s) {
        Notification n;
        n.id = uuidOf(s.getColumn(0));
        n.bookingId = optionalUuid(s.getColumn(1));
        n.recipient = s.getColumn(2).getString();
        n.language = s.getColumn(3).getString();
        n.kind = s.getColumn(4).getString();
        n.subject = s.getColumn(5).getString();
        n.body = s.getColumn(6).getString();
        n.status = enumOf<NotificationStatus>(s.getColumn(7), parseNotificationStatus);
        n.error = s.getColumn(8).getString();
        n.attempts = s.getColumn(9).getInt();
        n.createdAt = instantOf(s.getColumn(10));
        if (!s.getColumn(11).isNull()) n.sentAt = instantOf(s.getColumn(11));
        return n;
    }

    std::vector<Notification> latestNotifications(int limit) override {
        auto& s = statement(kNotificationColumns, kSelectLatestNotifications);
        s.bind(1, limit);
        std::vector<Notification> out;
        while (s.executeStep()) out.push_back(notificationOf(s));
        return out;
    }

    std::vector<Notification> notificationsToSend() override {
        auto& s = statement(kNotificationColumns, kSelectNotificationsToSend);
        std::vector<Notification> out;
        while (s.executeStep()) out.push_back(notificationOf(s));
        return out;
    }

    std::vector<std::pair<Uuid, Money>> paidForBookingsDeparting(Instant from, Instant to) override {
        auto& s = statement(kSelectPaidDeparting);
        s.bind(1, isoUtc(from));
        s.bind(2, isoUtc(to));
        std::vector<std::pair<Uuid, Money>> out;
        while (s.executeStep())
            out.emplace_back(uuidOf(s.getColumn(0)), Money::cents(s.getColumn(2).getInt64(), s.getColumn(1).getString()));
        return out;
    }

    std::vector<MaintenanceRecord> maintenanceRecords(std::optional<Uuid> boatId) override {
        auto& s = statement(kSelectMaintenance);
        bindOptional(s, 1, boatId);
        std::vector<MaintenanceRecord> out;
        while (s.executeStep()) {
            MaintenanceRecord m;
            m.id = uuidOf(s.getColumn(0));
            m.boatId = uuidOf(s.getColumn(1));
            m.kind = enumOf<MaintenanceKind>(s.getColumn(2), parseMaintenanceKind);
            m.title = s.getColumn(3).getString();
            m.description = s.getColumn(4).getString();
            m.priority = enumOf<Priority>(s.getColumn(5), parsePriority);
            if (!s.getColumn(6).isNull()) m.plannedOn = parseDate(s.getColumn(6).getString(), "planned_on");
            if (!s.getColumn(7).isNull()) m.doneOn = parseDate(s.getColumn(7).getString(), "done_on");
            if (!s.getColumn(9).isNull()) m.cost = Money::cents(s.getColumn(9).getInt64(), s.getColumn(8).getString());
            m.doneBy = s.getColumn(10).getString();
            m.recurEveryDays = s.getColumn(11).getInt();
            m.createdAt = instantOf(s.getColumn(12));
            out.push_back(std::move(m));
        }
        return out;
    }

    std::vector<DayOff> daysOff(LocalDate from, LocalDate to) override {
        auto& s = statement(kSelectDaysOff);
        s.bind(1, isoDate(to));
        s.bind(2, isoDate(from));
        std::vector<DayOff> out;
        while (s.executeStep())
            out.push_back({uuidOf(s.getColumn(0)), uuidOf(s.getColumn(1)), parseDate(s.getColumn(2).getString(), "first_day"),
                           parseDate(s.getColumn(3).getString(), "last_day"), s.getColumn(4).getString()});
        return out;
    }

    // --- StoreWriter
    // BEGIN IMMEDIATE already holds the database's single write lock for the whole transaction.
    void lockDeparture(Instant) override {}

    void saveBoat(const Boat& b) override {
        b.validate();
        auto& s = statement(kUpsertBoat);
        s.bind(1, b.id.str());
        s.bind(2, b.name);
        s.bind(3, b.capacity);
        s.bind(4, std::string(toString(b.status)));
        s.bind(5, b.colour);
        s.bind(6, b.sortOrder);
        s.bind(7, b.registration);
        s.bind(8, b.notes);
        execUnique(s, "name", "a boat named \"" + b.name + "\" already exists");
    }

    void saveEmployee(const Employee& e) override {
        e.validate();
        auto& s = statement(kUpsertEmployee);
        s.bind(1, e.id.str());
        s.bind(2, e.login);
        s.bind(3, e.name);
        s.bind(4, std::string(toString(e.role)));
        s.bind(5, e.active ? 1 : 0);
        s.bind(6, e.passwordHash);
        s.bind(7, e.email);
        s.bind(8, e.phone);
        s.bind(9, e.canSignIn ? 1 : 0);
        s.bind(10, e.licenceNumber);
        if (e.licenceExpiry)
            s.bind(11, isoDate(*e.licenceExpiry));
        else
            s.bind(11);
        s.bind(12, e.notes);
        execUnique(s, "login", "the login \"" + e.login + "\" is already taken");
    }

    void saveCustomer(const Customer& c) override {
        auto& s = statement(kUpsertCustomer);
        s.bind(1, c.id.str());
        s.bind(2, c.name);
        s.bind(3, c.email);
        s.bind(4, c.phone);
        s.bind(5, c.language);
        s.exec();
    }

    void saveTimetableRule(const TimetableRule& r) override {
        r.validate();
        auto& s = statement(kUpsertRule);
        s.bind(1, r.id.str());
        s.bind(2, isoDate(r.validFrom));
        s.bind(3, isoDate(r.validTo));
        s.bind(4, static_cast<int>(r.weekdays));
        s.bind(5, static_cast<int>(r.firstDeparture.count()));
        s.bind(6, static_cast<int>(r.lastDeparture.count()));
        s.bind(7, static_cast<int>(r.interval.count()));
        s.bind(8, static_cast<int>(r.rideDuration.count()));
        s.exec();
    }

    void savePriceList(const PriceList& p) override {
        p.validate();
        auto& s = statement(kUpsertPriceList);
        s.bind(1, p.id.str());
        s.bind(2, isoDate(p.validFrom));
        s.bind(3, p.adult.currency());
        s.bind(4, static_cast<int64_t>(p.adult.cents()));
        s.bind(5, static_cast<int64_t>(p.child.cents()));
        s.bind(6, static_cast<int64_t>(p.baby.cents()));
        s.bind(7, p.vatRateBasisPoints);
        s.exec();
    }

    void insertBlock(const Block& b) override {
        b.validate();
        auto& s = statement(kInsertBlock);
        s.bind(1, b.id.str());
        s.bind(2, isoUtc(b.start));
        s.bind(3, isoUtc(b.end));
        bindOptional(s, 4, b.boatId);
        s.bind(5, b.reason);
        s.bind(6, b.startsOnly ? 1 : 0);
        s.exec();
    }

    void insertBooking(const Booking& b) override {
        auto& s = statement(kInsertBooking);
        s.bind(1, b.id.str());
        s.bind(2, b.ref.str());
        s.bind(3, b.boatId.str());
        s.bind(4, isoUtc(b.departureStart));
        s.bind(5, isoUtc(b.departureEnd));
        s.bind(6, b.party.adults);
        s.bind(7, b.party.children);
        s.bind(8, b.party.babies);
        s.bind(9, b.language);
        s.bind(10, std::string(toString(b.channel)));
        s.bind(11, std::string(toString(b.state)));
        if (b.expiresAt)
            s.bind(12, isoUtc(*b.expiresAt));
        else
            s.bind(12);
        s.bind(13, b.total.currency());
        s.bind(14, static_cast<int64_t>(b.total.cents()));
        bindOptional(s, 15, b.customerId);
        s.bind(16, b.notes);
        s.bind(17, isoUtc(b.createdAt));
        execUnique(s, "reference", "booking reference " + b.ref.str() + " already exists");
    }

    void updateBookingState(const Uuid& id, BookingState state) override {
        auto& s = statement(kUpdateBookingState);
        const std::string st(toString(state));
        s.bind(1, st);
        s.bind(2, st);
        s.bind(3, id.str());
        if (s.exec() == 0) throw NotFound("no booking with id " + id.str());
    }

    void insertPayment(const Payment& p) override {
        auto& s = statement(kInsertPayment);
        s.bind(1, p.id.str());
        s.bind(2, p.bookingId.str());
        s.bind(3, std::string(toString(p.method)));
        s.bind(4, p.amount.currency());
        s.bind(5, static_cast<int64_t>(p.amount.cents()));
        s.bind(6, std::string(toString(p.status)));
        s.bind(7, p.providerRef);
        s.bind(8, isoUtc(p.createdAt));
        s.exec();
    }

    void insertRefund(const Refund& r) override {
        auto& s = statement(kInsertRefund);
        s.bind(1, r.id.str());
        s.bind(2, r.paymentId.str());
        s.bind(3, r.bookingId.str());
        s.bind(4, r.amount.currency());
        s.bind(5, static_cast<int64_t>(r.amount.cents()));
        s.bind(6, std::string(toString(r.status)));
        s.bind(7, r.reason);
        s.bind(8, isoUtc(r.createdAt));
        if (r.method)
            s.bind(9, std::string(toString(*r.method)));
        else
            s.bind(9);
        bindOptional(s, 10, r.employeeId);
        s.exec();
    }

    void appendAudit(const AuditEntry& a) override {
        auto& s = statement(kInsertAudit);
        s.bind(1, a.id.str());
        s.bind(2, isoUtc(a.at));
        bindOptional(s, 3, a.employeeId);
        s.bind(4, a.action);
        s.bind(5, a.entity);
        s.bind(6, a.entityId);
        s.bind(7, a.details);
        s.exec();
    }

    void setSetting(std::string_view key, std::string_view value) override {
        auto& s = statement(kUpsertSetting);
        s.bind(1, std::string(key));
        s.bind(2, std::string(value));
        s.exec();
    }

    void moveBooking(const Uuid& id, const Uuid& boatId, Instant start, Instant end) override {
        auto& s = statement(kMoveBooking);
        s.bind(1, boatId.str());
        s.bind(2, isoUtc(start));
        s.bind(3, isoUtc(end));
        s.bind(4, id.str());
        if (s.exec() == 0) throw NotFound("no booking with id " + id.str());
    }

    void saveMaintenanceRecord(const MaintenanceRecord& m) override {
        m.validate();
        auto& s = statement(kUpsertMaintenance);
        s.bind(1, m.id.str());
        s.bind(2, m.boatId.str());
        s.bind(3, std::string(toString(m.kind)));
        s.bind(4, m.title);
        s.bind(5, m.description);
        s.bind(6, std::string(toString(m.priority)));
        if (m.plannedOn)
            s.bind(7, isoDate(*m.plannedOn));
        else
            s.bind(7);
        if (m.doneOn)
            s.bind(8, isoDate(*m.doneOn));
        else
            s.bind(8);
        s.bind(9, m.cost ? m.cost->currency() : std::string("EUR"));
        if (m.cost)
            s.bind(10, static_cast<int64_t>(m.cost->cents()));
        else
            s.bind(10);
        s.bind(11, m.doneBy);
        s.bind(12, m.recurEveryDays);
        s.bind(13, isoUtc(m.createdAt));
        s.exec();
    }

    void saveDayOff(const DayOff& d) override {
        d.validate();
        auto& s = statement(kUpsertDayOff);
        s.bind(1, d.id.str());
        s.bind(2, d.employeeId.str());
        s.bind(3, isoDate(d.from));
        s.bind(4, isoDate(d.to));
        s.bind(5, d.reason);
        s.exec();
    }

    void deleteDayOff(const Uuid& id) override { deleteById(kDeleteDayOff, id, "day off"); }

    void deleteBlock(const Uuid& id) override { deleteById(kDeleteBlock, id, "closure"); }
    void deleteTimetableRule(const Uuid& id) override { deleteById(kDeleteRule, id, "timetable rule"); }
    void deleteTimetableException(const Uuid& id) override { deleteById(kDeleteException, id, "timetable change"); }
    void deleteCrewAssignment(const Uuid& id) override { deleteById(kDeleteCrew, id, "crew assignment"); }

    void saveTimetableException(const TimetableException& e) override {
        e.validate();
        auto& s = statement(kUpsertException);
        s.bind(1, e.id.str());
        s.bind(2, isoDate(e.date));
        s.bind(3, static_cast<int>(e.time.count()));
        s.bind(4, std::string(toString(e.kind)));
        s.bind(5, static_cast<int>(e.rideDuration.count()));
        s.bind(6, e.note);
        execUnique(s, "time", "the timetable already has a change at " + hhmm(e.time) + " on " + isoDate(e.date));
    }

    void saveCrewAssignment(const CrewAssignment& a) override {
        auto& s = statement(kUpsertCrew);
        s.bind(1, a.id.str());
        s.bind(2, isoDate(a.date));
        s.bind(3, a.boatId.str());
        s.bind(4, a.employeeId.str());
        execUnique(s, "boat", "that boat already has a boatman on " + isoDate(a.date));
    }

    void insertNotification(const Notification& n) override {
        auto& s = statement(kInsertNotification);
        s.bind(1, n.id.str());
        bindOptional(s, 2, n.bookingId);
        s.bind(3, n.recipient);
        s.bind(4, n.language);
        s.bind(5, n.kind);
        s.bind(6, n.subject);
        s.bind(7, n.body);
        s.bind(8, std::string(toString(n.status)));
        s.bind(9, n.error);
        s.bind(10, n.attempts);
        s.bind(11, isoUtc(n.createdAt));
        if (n.sentAt)
            s.bind(12, isoUtc(*n.sentAt));
        else
            s.bind(12);
        s.exec();
    }

    void updateNotification(const Notification& n) override {
        auto& s = statement(kUpdateNotification);
        s.bind(1, std::string(toString(n.status)));
        s.bind(2, n.error);
        s.bind(3, n.attempts);
        if (n.sentAt)
            s.bind(4, isoUtc(*n.sentAt));
        else
            s.bind(4);
        s.bind(5, n.id.str());
        if (s.exec() == 0) throw NotFound("no notification with id " + n.id.str());
    }

private:
    void deleteById(const char* sql, const Uuid& id, const char* what) {
        auto& s = statement(sql);
        s.bind(1, id.str());
        if (s.exec() == 0) throw NotFound(std::string("no ") + what + " with id " + id.str());
    }

    // Runs an insert/update; a UNIQUE violation becomes a ConflictError the user understands.
    static void execUnique(SQLite::Statement& s, const char*, const std::string& message) {
        try {
            s.exec();
        } catch (const SQLite::Exception& e) {
            if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE ||
                e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY)
                throw ConflictError(message);
            throw;
        }
    }

    SQLite::Database m_db;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> m_statements;
};

namespace {

// Maps SQLite's failures to what the user can act on.
template <typename F>
auto guarded(const std::string& path, F&& f) {
    try {
        return f();
    } catch (const SQLite::Exception& e) {
        const int code = e.getErrorCode();
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            throw StoreUnavailable("the database " + path + " is busy (another program holds it): try again");
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
            throw StoreUnavailable("the database " + path + " is damaged (" + e.what() +
                                   "); it was left untouched — restore a backup or move it aside");
        if (code == SQLITE_CONSTRAINT) throw ConflictError(std::string("the database refused the change: ") + e.what());
        throw StoreUnavailable("the database " + path + " failed: " + e.what());
    }
}

int highestVersion(const std::vector<Migration>& migrations) {
    int v = 0;
    for (const auto& m : migrations) v = std::max(v, migrationVersion(m));
    return v;
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path) : m_path(path) {
    const bool existed = std::filesystem::exists(path);
    guarded(m_path, [&] {
        m_impl = std::make_unique<Impl>(path);
        if (existed) {
            // Check before anything writes to the file: a damaged one is reported, never repaired.
            SQLite::Statement check(m_impl->db(), "PRAGMA quick_check");
            std::string problems;
            while (check.executeStep()) {
                const std::string line = check.getColumn(0).getString();
                if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
            }
            if (!problems.empty())
                throw StoreUnavailable("the database " + path + " is damaged (" + problems +
                                       "); it was left untouched — restore a backup or move it aside");
        }
        const int version = schemaVersion();
        if (version > latestSchemaVersion())
            throw StoreUnavailable("the database " + path + " has schema version " + std::to_string(version) +
                                   ", newer than this program (" + std::to_string(latestSchemaVersion()) +
                                   "): update the program; the database was left untouched");
        m_impl->db().exec("PRAGMA journal_mode = WAL");
        m_impl->db().exec("PRAGMA synchronous = NORMAL");
        m_impl->db().exec("PRAGMA foreign_keys = ON");
        // A desk keeps its season in memory: 64 MiB of page cache and the file mapped for reads.
        m_impl->db().exec("PRAGMA cache_size = -65536");
        m_impl->db().exec("PRAGMA mmap_size = 268435456");
        return 0;
    });
}

SqliteStore::~SqliteStore() = default;

std::string SqliteStore::describe() const { return "embedded: " + m_path; }

void SqliteStore::read(const std::function<void(StoreReader&)>& work) {
    guarded(m_path, [&] {
        // A deferred transaction gives the reader one consistent snapshot (WAL).
        SQLite::Transaction tx(m_impl->db());
        try {
            work(*m_impl);
        } catch (...) {
            m_impl->finishStatements();
            throw;   // `tx` rolls back as it goes out of scope
        }
        m_impl->finishStatements();
        tx.commit();
        return 0;
    });
}

void SqliteStore::write(const std::function<void(StoreWriter&)>& work) {
    guarded(m_path, [&] {
        // IMMEDIATE takes the write lock at once: two desks cannot both read "2 seats left" and sell them.
        m_impl->db().exec("BEGIN IMMEDIATE");
        try {
            work(*m_impl);
            m_impl->finishStatements();
            m_impl->db().exec("COMMIT");
            ++m_ownCommits;
        } catch (...) {
            m_impl->finishStatements();
            try {
                m_impl->db().exec("ROLLBACK");
            } catch (const SQLite::Exception&) {
                // The transaction is already gone (SQLite rolls back on some errors by itself).
            }
            throw;
        }
        return 0;
    });
}

std::int64_t SqliteStore::changeStamp() {
    return guarded(m_path, [&] {
        // data_version moves when another connection commits: one page read, no table scan. Our own
        // commits are counted beside it.
        SQLite::Statement s(m_impl->db(), "PRAGMA data_version");
        s.executeStep();
        return static_cast<std::int64_t>(s.getColumn(0).getInt64()) + m_ownCommits;
    });
}

int SqliteStore::schemaVersion() {
    return guarded(m_path, [&] {
        if (!m_impl->db().tableExists("schema_migrations")) return 0;
        SQLite::Statement s(m_impl->db(), "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        s.executeStep();
        return s.getColumn(0).getInt();
    });
}

int SqliteStore::latestSchemaVersion() const { return highestVersion(sqliteMigrations()); }

int SqliteStore::migrate() {
    return guarded(m_path, [&] {
        const int current = schemaVersion();
        if (current > latestSchemaVersion())
            throw StoreUnavailable("the database " + m_path + " has schema version " + std::to_string(current) +
                                   ", newer than this program: update the program");
        int applied = 0;
        for (const auto& m : sqliteMigrations()) {
            const int version = migrationVersion(m);
            if (version <= current) continue;
            SQLite::Transaction tx(m_impl->db(), SQLite::TransactionBehavior::IMMEDIATE);
            m_impl->db().exec(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))");
            m_impl->db().exec(m.sql);
            SQLite::Statement record(m_impl->db(), "INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
            record.bind(1, version);
            record.bind(2, m.name);
            record.exec();
            tx.commit();
            ++applied;
        }
        if (applied) m_impl->clearStatements();
        return applied;
    });
}

std::vector<std::string> SqliteStore::check() {
    return guarded(m_path, [&] {
        std::vector<std::string> problems;
        SQLite::Statement s(m_impl->db(), "PRAGMA integrity_check");
        while (s.executeStep()) {
            const std::string line = s.getColumn(0).getString();
            if (line != "ok") problems.push_back(line);
        }
        SQLite::Statement fk(m_impl->db(), "PRAGMA foreign_key_check");
        while (fk.executeStep())
            problems.push_back("row " + fk.getColumn(1).getString() + " of " + fk.getColumn(0).getString() +
                               " refers to a missing " + fk.getColumn(2).getString());
        const int version = schemaVersion();
        if (version < latestSchemaVersion())
            problems.push_back("schema version " + std::to_string(version) + " is older than " +
                               std::to_string(latestSchemaVersion()) + ": run `narcisse-cli db migrate`");
        return problems;
    });
}

}  // namespace narcisse::data
