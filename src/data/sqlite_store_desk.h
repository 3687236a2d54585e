// SqliteStore's part for the desk: search, hash chains, receipt reprints, vouchers, the
// cash drawer. A base of SqliteStore::Impl, split out so that neither file grows past a reader's
// patience; it reaches the connection through the Impl's statement cache. Internal to data.
#pragma once

#include "data/sqlite_common.h"
#include "domain/store.h"

namespace narcisse::data {

class SqliteDesk : public domain::StoreWriter {
public:
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
    // BEGIN IMMEDIATE already holds the database's single write lock: the tip cannot move under us.
    std::optional<domain::ChainRecord> lockChain(domain::Chain chain) override { return chainTip(chain); }
    void lockRow(domain::LockedRow, const domain::Uuid&) override {}
    void appendChainRecord(const domain::ChainRecord& record) override;
    void insertReceiptReprint(std::int64_t receiptNumber, domain::Instant at,
                              const std::optional<domain::Uuid>& employeeId) override;
    void insertVoucher(const domain::Voucher& voucher) override;
    void insertVoucherMovement(const domain::VoucherMovement& movement) override;
    void saveCashSession(const domain::CashSession& session) override;
    void insertCashMovement(const domain::CashMovement& movement) override;

protected:
    // The connection's cached prepared statement for `sql` (+ `suffix`), reset and unbound.
    virtual SQLite::Statement& statement(const char* sql, const char* suffix = nullptr) = 0;

    // Every booking query returns: id, ref, boat_id, departure_start, departure_end, adults, children,
    // babies, language, channel, state, expires_at, currency, total_cents, customer_id, customer name,
    // notes, created_at.
    static domain::Booking bookingOf(SQLite::Statement& s);
    // Every refund query returns: id, payment_id, booking_id, currency, amount_cents, status, reason,
    // created_at, method, employee_id.
    static domain::Refund refundOf(SQLite::Statement& s);
};

}  // namespace narcisse::data
