// PgStore's part for the desk: search, hash chains, receipt reprints, vouchers, the cash
// drawer. A base of PgStore's transaction class, split out so that neither file grows past a
// reader's patience; it owns the transaction's statement helpers both halves use. Internal to data.
#pragma once

#include "data/pg_common.h"
#include "domain/store.h"

namespace narcisse::data {

class PgDesk : public domain::StoreWriter {
public:
    PgDesk(PgStore::Session& session, pqxx::dbtransaction& tx) : m_session(session), m_tx(tx) {}

    // --- StoreReader
    std::vector<domain::Booking> searchBookings(std::string_view text, domain::Instant around, int limit) override;
    std::vector<domain::AuditEntry> auditOfEntity(std::string_view entityId) override;
    std::optional<domain::Payment> paymentById(const domain::Uuid& id) override;
    std::optional<domain::Refund> refundById(const domain::Uuid& id) override;
    std::optional<domain::ChainRecord> chainTip(domain::Chain chain) override;
    std::vector<domain::ChainRecord> chainRecords(domain::Chain chain, std::int64_t fromSeq, int limit) override;
    std::vector<domain::ChainRecord> chainRecordsBetween(domain::Chain chain, domain::Instant from,
                                                         domain::Instant to) override;
    std::vector<domain::ChainRecord> chainRecordsOfEntity(domain::Chain chain, std::string_view entityId) override;
    int receiptReprints(std::int64_t receiptNumber) override;
    std::optional<domain::Voucher> voucherByCode(const domain::GiftCode& code) override;
    std::optional<domain::Voucher> voucherById(const domain::Uuid& id) override;
    std::vector<domain::Voucher> vouchersSold(domain::Instant from, domain::Instant to) override;
    std::vector<domain::VoucherMovement> voucherMovements(const domain::Uuid& voucherId) override;
    std::optional<domain::CashSession> openCashSession(std::string_view desk) override;
    std::vector<domain::CashMovement> cashMovements(const domain::Uuid& sessionId) override;

    // --- StoreWriter
    std::optional<domain::ChainRecord> lockChain(domain::Chain chain) override;
    void lockRow(domain::LockedRow what, const domain::Uuid& id) override;
    void appendChainRecord(const domain::ChainRecord& record) override;
    void insertReceiptReprint(std::int64_t receiptNumber, domain::Instant at,
                              const std::optional<domain::Uuid>& employeeId) override;
    void insertVoucher(const domain::Voucher& voucher) override;
    void insertVoucherMovement(const domain::VoucherMovement& movement) override;
    void saveCashSession(const domain::CashSession& session) override;
    void insertCashMovement(const domain::CashMovement& movement) override;

    // The advisory lock of a hash chain: the two-int form pg_advisory_xact_lock(21326, 16 + chain).
    // PostgreSQL keeps two-int keys apart from bigint keys (departureLockKey), and migrate() uses
    // (21326, 1), so no other lock of ours shares it.
    static constexpr int kLockClass = 21326;   // "SN"
    static int chainLockKey(domain::Chain chain) { return 16 + static_cast<int>(chain); }

protected:
    // Every booking query returns: id, ref, boat_id, departure_start, departure_end (epochs), adults,
    // children, babies, language, channel, state, expires_at, currency, total_cents, customer_id,
    // customer name, notes, created_at.
    static domain::Booking bookingOf(const pqxx::row& row);
    // Every refund query returns: id, payment_id, booking_id, currency, amount_cents, status, reason,
    // created_at (epoch), method, employee_id.
    static domain::Refund refundOf(const pqxx::row& row);

    template <typename... Args>
    pqxx::result exec(const Sql& sql, Args&&... args) {
        return m_session.exec(m_tx, sql, std::forward<Args>(args)...);
    }

    // Runs `change` under a savepoint: a UNIQUE violation becomes a ConflictError the user
    // understands and, as with SQLite, the rest of the transaction stays usable. The savepoint is
    // set by hand: libpqxx 6's subtransaction only begins on a plain exec, so with a prepared
    // statement as its first command it never sent SAVEPOINT, and the refused row aborted the
    // whole transaction.
    template <typename F>
    void uniqueOrConflict(const std::string& message, F&& change) {
        m_tx.exec0("SAVEPOINT unique_check");
        try {
            change(m_tx);
        } catch (const pqxx::unique_violation&) {
            m_tx.exec0("ROLLBACK TO SAVEPOINT unique_check");
            throw domain::ConflictError(message);
        }
        m_tx.exec0("RELEASE SAVEPOINT unique_check");
    }

    PgStore::Session& m_session;
    pqxx::dbtransaction& m_tx;
};

}  // namespace narcisse::data
