// The persistence port: one transaction API that SqliteStore and PgStore implement and one
// contract test suite checks on both engines (DESIGN.md §3).
#pragma once

#include "domain/availability.h"
#include "domain/booking.h"
#include "domain/closure.h"
#include "domain/cash.h"
#include "domain/crew.h"
#include "domain/fiscal.h"
#include "domain/journal.h"
#include "domain/notification.h"
#include "domain/fleet.h"
#include "domain/payment.h"
#include "domain/pricing.h"
#include "domain/staff.h"
#include "domain/timetable.h"
#include "domain/voucher.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narcisse::domain {

// What a transaction may read. Lists come in a stable order (given per method).
class StoreReader {
public:
    virtual ~StoreReader() = default;
    virtual std::vector<Boat> boats() = 0;                                   // by sort order, then name
    virtual std::vector<Employee> employees() = 0;                           // by name
    virtual std::optional<Employee> employeeByLogin(std::string_view login) = 0;
    virtual std::vector<TimetableRule> timetableRules() = 0;                 // by valid from
    virtual std::vector<PriceList> priceLists() = 0;                         // by valid from
    virtual std::vector<Block> blocksOverlapping(Instant from, Instant to) = 0;   // by start
    // Bookings whose departure starts in [from, to), every state, by departure then creation.
    virtual std::vector<Booking> bookingsDeparting(Instant from, Instant to) = 0;
    virtual std::optional<Booking> bookingByRef(const PublicRef& ref) = 0;
    virtual std::vector<Payment> paymentsOfBooking(const Uuid& bookingId) = 0;   // by creation
    virtual std::vector<AuditEntry> latestAudit(int limit) = 0;              // newest first
    virtual std::optional<std::string> setting(std::string_view key) = 0;
    virtual std::int64_t bookingCount() = 0;

    virtual std::optional<Booking> bookingById(const Uuid& id) = 0;
    virtual std::optional<Customer> customer(const Uuid& id) = 0;
    virtual std::vector<Refund> refundsOfBooking(const Uuid& bookingId) = 0;       // by creation
    virtual std::optional<Block> blockById(const Uuid& id) = 0;
    // One-off timetable changes on local dates in [from, to], by date then time.
    virtual std::vector<TimetableException> timetableExceptions(LocalDate from, LocalDate to) = 0;
    virtual std::vector<CrewAssignment> crewOn(LocalDate date) = 0;                 // by boat order
    virtual std::vector<Notification> latestNotifications(int limit) = 0;          // newest first
    virtual std::vector<Notification> notificationsToSend() = 0;                   // PENDING, oldest first
    // What was paid (SUCCEEDED payments less refunds already DONE) for each booking departing in
    // [from, to) that has any payment, in no particular order: one query for a whole planning.
    virtual std::vector<std::pair<Uuid, Money>> paidForBookingsDeparting(Instant from, Instant to) = 0;
    // A boat's maintenance log (every boat's when empty), by boat, then planned/done date.
    virtual std::vector<MaintenanceRecord> maintenanceRecords(std::optional<Uuid> boatId) = 0;
    // Days off overlapping [from, to] (inclusive), by first day then employee.
    virtual std::vector<DayOff> daysOff(LocalDate from, LocalDate to) = 0;

    // ---- The desk
    // Bookings whose reference starts with, or whose customer's name, phone or e-mail contains,
    // `text` (case-insensitive; spaces and "SN-" ignored for references), every state, by departure
    // nearest to `around` first, at most `limit`.
    virtual std::vector<Booking> searchBookings(std::string_view text, Instant around, int limit) = 0;
    // Audit entries of one entity (a booking's history), oldest first.
    virtual std::vector<AuditEntry> auditOfEntity(std::string_view entityId) = 0;
    virtual std::optional<Payment> paymentById(const Uuid& id) = 0;
    virtual std::optional<Refund> refundById(const Uuid& id) = 0;

    // Hash chains. Records by seq.
    virtual std::optional<ChainRecord> chainTip(Chain chain) = 0;                        // the last record
    virtual std::vector<ChainRecord> chainRecords(Chain chain, std::int64_t fromSeq, int limit) = 0;
    virtual std::vector<ChainRecord> chainRecordsBetween(Chain chain, Instant from, Instant to) = 0;   // at in [from, to)
    virtual std::vector<ChainRecord> chainRecordsOfEntity(Chain chain, std::string_view entityId) = 0;
    virtual int receiptReprints(std::int64_t receiptNumber) = 0;                          // how many so far

    virtual std::optional<Voucher> voucherByCode(const GiftCode& code) = 0;
    virtual std::optional<Voucher> voucherById(const Uuid& id) = 0;
    virtual std::vector<Voucher> vouchersSold(Instant from, Instant to) = 0;              // by sale time
    virtual std::vector<VoucherMovement> voucherMovements(const Uuid& voucherId) = 0;      // by time

    // The desk's open cash session (closedAt empty), if any; the latest session otherwise not.
    virtual std::optional<CashSession> openCashSession(std::string_view desk) = 0;
    virtual std::vector<CashMovement> cashMovements(const Uuid& sessionId) = 0;            // by time

    // ---- Accounting
    // Every payment (refund, cash movement, voucher movement) created in [from, to), by creation.
    virtual std::vector<Payment> paymentsBetween(Instant from, Instant to) = 0;
    virtual std::vector<Refund> refundsBetween(Instant from, Instant to) = 0;
    virtual std::vector<CashMovement> cashMovementsBetween(Instant from, Instant to) = 0;
    virtual std::vector<VoucherMovement> voucherMovementsBetween(Instant from, Instant to) = 0;
    // Frozen journal entries dated in [from, to] (local dates), by date, journal, number; lines in order.
    virtual std::vector<JournalEntry> journalEntries(LocalDate from, LocalDate to) = 0;
    // The same, one line at a time in that order, without holding them all (exports of a million
    // lines): `line(entry)` is called once per line, with that line alone in `entry.lines`.
    virtual void forEachJournalLine(LocalDate from, LocalDate to,
                                    const std::function<void(const JournalEntry& entry)>& line) = 0;
    // The highest number of each journal among frozen entries dated in [from, to] (a fiscal year so far).
    virtual std::map<Journal, std::int64_t> lastJournalNumbers(LocalDate from, LocalDate to) = 0;
    virtual std::vector<std::string> frozenPeriods() = 0;                                   // "2026-07", ascending
};

// The rows a read-then-write of money locks before it reads: the booking (cancel, refund, collect),
// the voucher (redeem, extend, credit), the cash session (movements, cash refunds, the closing).
enum class LockedRow { Booking, Voucher, CashSession };

// What a write transaction may change. Financial and audit rows are only ever inserted.
class StoreWriter : public StoreReader {
public:
    // Serialises every writer of the departure starting at `start` until the transaction ends, so
    // the capacity read after it cannot change under the caller's feet.
    virtual void lockDeparture(Instant start) = 0;
    virtual void saveBoat(const Boat& boat) = 0;                  // insert or update by id
    virtual void saveEmployee(const Employee& employee) = 0;      // insert or update by id
    virtual void saveCustomer(const Customer& customer) = 0;      // insert or update by id
    virtual void saveTimetableRule(const TimetableRule& rule) = 0;
    virtual void savePriceList(const PriceList& list) = 0;
    virtual void insertBlock(const Block& block) = 0;
    virtual void insertBooking(const Booking& booking) = 0;       // ConflictError on a duplicate reference
    virtual void updateBookingState(const Uuid& bookingId, BookingState state) = 0;
    virtual void insertPayment(const Payment& payment) = 0;
    virtual void insertRefund(const Refund& refund) = 0;
    virtual void appendAudit(const AuditEntry& entry) = 0;
    virtual void setSetting(std::string_view key, std::string_view value) = 0;

    // A booking's new place (the state, party and money stay). NotFound for an unknown id.
    virtual void moveBooking(const Uuid& bookingId, const Uuid& boatId, Instant departureStart,
                             Instant departureEnd) = 0;
    virtual void deleteBlock(const Uuid& blockId) = 0;                          // NotFound when unknown
    virtual void deleteTimetableRule(const Uuid& ruleId) = 0;                   // NotFound when unknown
    // Insert or update by id; a second exception at the same date and time is a ConflictError.
    virtual void saveTimetableException(const TimetableException& exception) = 0;
    virtual void deleteTimetableException(const Uuid& exceptionId) = 0;         // NotFound when unknown
    // Insert or update by id; a second boatman on the same boat and date is a ConflictError.
    virtual void saveCrewAssignment(const CrewAssignment& assignment) = 0;
    virtual void deleteCrewAssignment(const Uuid& assignmentId) = 0;           // NotFound when unknown
    virtual void insertNotification(const Notification& notification) = 0;
    // Records a send attempt: status, error, attempts and sentAt of the notification with that id.
    virtual void updateNotification(const Notification& notification) = 0;
    virtual void saveMaintenanceRecord(const MaintenanceRecord& record) = 0;   // insert or update by id
    virtual void saveDayOff(const DayOff& dayOff) = 0;                         // insert or update by id
    virtual void deleteDayOff(const Uuid& dayOffId) = 0;                       // NotFound when unknown

    // ---- The desk
    // Serialises every writer of that chain until the transaction ends (PostgreSQL: an advisory lock;
    // SQLite's write transaction already is) and returns its last record: read the tip, then append.
    virtual std::optional<ChainRecord> lockChain(Chain chain) = 0;
    // Holds the row with that id until the transaction ends, so that a second writer of it waits and
    // then reads what the first one wrote (PostgreSQL: SELECT … FOR UPDATE; SQLite's write
    // transaction already serialises every writer). Reads made after it see the latest commits. An
    // unknown id locks nothing.
    virtual void lockRow(LockedRow what, const Uuid& id) = 0;
    // Appends; a seq already taken is a ConflictError. Rows are never updated nor deleted (triggers).
    virtual void appendChainRecord(const ChainRecord& record) = 0;
    virtual void insertReceiptReprint(std::int64_t receiptNumber, Instant at, const std::optional<Uuid>& employeeId) = 0;
    virtual void insertVoucher(const Voucher& voucher) = 0;                   // ConflictError on a duplicate code
    virtual void insertVoucherMovement(const VoucherMovement& movement) = 0;
    // Opens (inserts) or closes (sets closedAt and closingNumber of) a session; ConflictError when
    // the desk already has an open session.
    virtual void saveCashSession(const CashSession& session) = 0;
    virtual void insertCashMovement(const CashMovement& movement) = 0;

    // ---- Accounting
    // Stores a month's entries ("2026-07") as frozen: never updated nor deleted afterwards (triggers).
    // ConflictError when the month is frozen already.
    virtual void freezeJournal(const std::string& period, const std::vector<JournalEntry>& entries, Instant at) = 0;
};

class Store {
public:
    virtual ~Store() = default;
    // For the status bar: "embedded: /home/…/narcisse.db" or "server: host/dbname".
    virtual std::string describe() const = 0;
    // Runs `work` in a read-only transaction.
    virtual void read(const std::function<void(StoreReader&)>& work) = 0;
    // Runs `work` in one write transaction: everything lands, or nothing when it throws.
    virtual void write(const std::function<void(StoreWriter&)>& work) = 0;

    // A number that changes whenever any program commits a change to the database (another desk,
    // the website, this program's other connections): cheap enough to ask every second.
    virtual std::int64_t changeStamp() = 0;

    virtual int schemaVersion() = 0;                 // highest migration applied (0: empty)
    virtual int latestSchemaVersion() const = 0;     // highest migration this program carries
    virtual int migrate() = 0;                       // applies the missing ones; returns how many
    virtual std::vector<std::string> check() = 0;    // integrity problems; empty when sound
};

}  // namespace narcisse::domain
