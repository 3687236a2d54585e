#include "data/pg_store_desk.h"

#include "data/booking_search.h"

namespace narcisse::data {

using namespace narcisse::domain;

namespace {

std::optional<std::string> methodText(const std::optional<PaymentMethod>& m) {
    if (!m) return std::nullopt;
    return std::string(toString(*m));
}

ChainRecord chainRecordOf(const pqxx::row& row) {
    ChainRecord r;
    r.chain = enumOf<Chain>(row[0], parseChain);
    r.seq = row[1].as<std::int64_t>();
    r.at = instantOf(row[2]);
    r.entityId = row[3].as<std::string>();
    r.content = row[4].as<std::string>();
    r.prevHash = row[5].as<std::string>();
    r.hash = row[6].as<std::string>();
    return r;
}

std::vector<ChainRecord> chainRecordsOf(const pqxx::result& result) {
    std::vector<ChainRecord> out;
    out.reserve(result.size());
    for (const auto& row : result) out.push_back(chainRecordOf(row));
    return out;
}

Voucher voucherOf(const pqxx::row& row) {
    Voucher v;
    v.id = uuidOf(row[0]);
    v.code = GiftCode::parse(row[1].c_str());
    v.kind = enumOf<VoucherKind>(row[2], parseVoucherKind);
    v.value = Money::cents(row[3].as<std::int64_t>(), row[4].as<std::string>());
    v.party = {row[5].as<int>(), row[6].as<int>(), row[7].as<int>()};
    v.buyerName = row[8].as<std::string>();
    v.recipientName = row[9].as<std::string>();
    v.message = row[10].as<std::string>();
    v.expiresOn = dateOf(row[11]);
    v.soldAt = instantOf(row[12]);
    if (!row[13].is_null()) v.paidWith = enumOf<PaymentMethod>(row[13], parsePaymentMethod);
    v.vat = enumOf<VoucherVat>(row[14], parseVoucherVat);
    v.vatRateBasisPoints = row[15].as<int>();
    v.employeeId = optionalUuid(row[16]);
    return v;
}

std::vector<Voucher> vouchersOf(const pqxx::result& result) {
    std::vector<Voucher> out;
    for (const auto& row : result) out.push_back(voucherOf(row));
    return out;
}

}  // namespace

// ---- Bookings, audit, payments

Booking PgDesk::bookingOf(const pqxx::row& row) {
    Booking b;
    b.id = uuidOf(row[0]);
    b.ref = PublicRef::parse(row[1].c_str());
    b.boatId = uuidOf(row[2]);
    b.departureStart = instantOf(row[3]);
    b.departureEnd = instantOf(row[4]);
    b.party = {row[5].as<int>(), row[6].as<int>(), row[7].as<int>()};
    b.language = row[8].as<std::string>();
    b.channel = enumOf<Channel>(row[9], parseChannel);
    b.state = enumOf<BookingState>(row[10], parseBookingState);
    b.expiresAt = optionalInstant(row[11]);
    b.total = Money::cents(row[13].as<std::int64_t>(), row[12].as<std::string>());
    b.customerId = optionalUuid(row[14]);
    b.customerName = row[15].as<std::string>();
    b.notes = row[16].as<std::string>();
    b.createdAt = instantOf(row[17]);
    return b;
}

Refund PgDesk::refundOf(const pqxx::row& row) {
    Refund r;
    r.id = uuidOf(row[0]);
    r.paymentId = uuidOf(row[1]);
    r.bookingId = uuidOf(row[2]);
    r.amount = Money::cents(row[4].as<std::int64_t>(), row[3].as<std::string>());
    r.status = enumOf<RefundStatus>(row[5], parseRefundStatus);
    r.reason = row[6].as<std::string>();
    r.createdAt = instantOf(row[7]);
    if (!row[8].is_null()) r.method = enumOf<PaymentMethod>(row[8], parsePaymentMethod);
    r.employeeId = optionalUuid(row[9]);
    return r;
}

// The matching bookings: a reference range (the unique index, in byte order since 004_desk.sql), or
// a customer whose name, e-mail or phone contains the text (a scan of customers, then their
// bookings by index); then the departures nearest `around`.
static constexpr Sql kSearchBookings{"search_bookings", R"(
    WITH hits AS (
        SELECT id FROM bookings WHERE ref >= $1 AND ref < $2
        UNION
        SELECT id FROM bookings WHERE ref >= $3 AND ref < $4
        UNION
        SELECT id FROM bookings WHERE customer_id IN (
            SELECT id FROM customers
            WHERE name ILIKE $5 ESCAPE '\' OR email ILIKE $5 ESCAPE '\'
               OR ($6::text IS NOT NULL AND translate(phone, ' .-/', '') LIKE $6 ESCAPE '\')))
    SELECT b.id, b.ref, b.boat_id, extract(epoch FROM b.departure_start)::bigint AS departure_start,
           extract(epoch FROM b.departure_end)::bigint AS departure_end, b.adults, b.children, b.babies,
           b.language, b.channel, b.state, extract(epoch FROM b.expires_at)::bigint AS expires_at, b.currency,
           b.total_cents, b.customer_id, COALESCE(c.name, '') AS customer_name, b.notes,
           extract(epoch FROM b.created_at)::bigint AS created_at
    FROM bookings b LEFT JOIN customers c ON c.id = b.customer_id
    WHERE b.id IN (SELECT id FROM hits)
    ORDER BY abs(extract(epoch FROM b.departure_start) - $7), b.created_at, b.id
    LIMIT $8)"};

std::vector<Booking> PgDesk::searchBookings(std::string_view text, Instant around, int limit) {
    std::vector<Booking> out;
    const auto search = bookingSearch(text);
    if (!search || limit <= 0) return out;
    for (const auto& row : exec(kSearchBookings, search->refFrom, search->refTo, search->refFrom2, search->refTo2,
                                search->contains, search->phoneContains, epochOf(around), limit))
        out.push_back(bookingOf(row));
    return out;
}

// In the order appended, as latestAudit.
static constexpr Sql kAuditOfEntity{"select_audit_of_entity", R"(
    SELECT id, extract(epoch FROM at)::bigint AS at, employee_id, action, entity, entity_id, details
    FROM audit_log WHERE entity_id = $1 ORDER BY seq)"};

std::vector<AuditEntry> PgDesk::auditOfEntity(std::string_view entityId) {
    std::vector<AuditEntry> out;
    for (const auto& row : exec(kAuditOfEntity, std::string(entityId))) {
        out.push_back(auditEntryOf(row));
    }
    return out;
}

static constexpr Sql kPaymentById{"select_payment_by_id", R"(
    SELECT id, booking_id, method, currency, amount_cents, status, provider_ref,
           extract(epoch FROM created_at)::bigint AS created_at
    FROM payments WHERE id = $1)"};

std::optional<Payment> PgDesk::paymentById(const Uuid& id) {
    const auto r = exec(kPaymentById, id.str());
    if (r.empty()) return std::nullopt;
    return paymentOf(r[0]);
}

static constexpr Sql kRefundById{"select_refund_by_id", R"(
    SELECT id, payment_id, booking_id, currency, amount_cents, status, reason,
           extract(epoch FROM created_at)::bigint, method, employee_id
    FROM refunds WHERE id = $1)"};

std::optional<Refund> PgDesk::refundById(const Uuid& id) {
    const auto r = exec(kRefundById, id.str());
    if (r.empty()) return std::nullopt;
    return refundOf(r[0]);
}

// ---- Hash chains

static constexpr Sql kChainTip{"select_chain_tip", R"(
    SELECT chain, seq, extract(epoch FROM at)::bigint, entity_id, content, prev_hash, hash
    FROM chain_records WHERE chain = $1 ORDER BY seq DESC LIMIT 1)"};
static constexpr Sql kChainRecords{"select_chain_records", R"(
    SELECT chain, seq, extract(epoch FROM at)::bigint, entity_id, content, prev_hash, hash
    FROM chain_records WHERE chain = $1 AND seq >= $2 ORDER BY seq LIMIT $3)"};
static constexpr Sql kChainRecordsBetween{"select_chain_records_between", R"(
    SELECT chain, seq, extract(epoch FROM at)::bigint, entity_id, content, prev_hash, hash
    FROM chain_records WHERE chain = $1 AND at >= to_timestamp($2) AND at < to_timestamp($3) ORDER BY seq)"};
static constexpr Sql kChainRecordsOfEntity{"select_chain_records_of_entity", R"(
    SELECT chain, seq, extract(epoch FROM at)::bigint, entity_id, content, prev_hash, hash
    FROM chain_records WHERE chain = $1 AND entity_id = $2 ORDER BY seq)"};

std::optional<ChainRecord> PgDesk::chainTip(Chain chain) {
    const auto r = exec(kChainTip, std::string(toString(chain)));
    if (r.empty()) return std::nullopt;
    return chainRecordOf(r[0]);
}

std::vector<ChainRecord> PgDesk::chainRecords(Chain chain, std::int64_t fromSeq, int limit) {
    return chainRecordsOf(exec(kChainRecords, std::string(toString(chain)), fromSeq, limit));
}

std::vector<ChainRecord> PgDesk::chainRecordsBetween(Chain chain, Instant from, Instant to) {
    return chainRecordsOf(exec(kChainRecordsBetween, std::string(toString(chain)), epochOf(from), epochOf(to)));
}

std::vector<ChainRecord> PgDesk::chainRecordsOfEntity(Chain chain, std::string_view entityId) {
    return chainRecordsOf(exec(kChainRecordsOfEntity, std::string(toString(chain)), std::string(entityId)));
}

// Held until the transaction ends; the tip is read after it (read committed: a fresh snapshot), so
// it includes every record the previous holder appended.
static constexpr Sql kLockChain{"lock_chain", R"(SELECT pg_advisory_xact_lock($1::integer, $2::integer))"};

std::optional<ChainRecord> PgDesk::lockChain(Chain chain) {
    exec(kLockChain, kLockClass, chainLockKey(chain));
    return chainTip(chain);
}

// Read committed: the statements after the lock take a fresh snapshot, so they see what the
// previous holder committed.
static constexpr Sql kLockBooking{"lock_booking", R"(SELECT 1 FROM bookings WHERE id = $1 FOR UPDATE)"};
static constexpr Sql kLockVoucher{"lock_voucher", R"(SELECT 1 FROM vouchers WHERE id = $1 FOR UPDATE)"};
static constexpr Sql kLockCashSession{"lock_cash_session", R"(SELECT 1 FROM cash_sessions WHERE id = $1 FOR UPDATE)"};

void PgDesk::lockRow(LockedRow what, const Uuid& id) {
    switch (what) {
        case LockedRow::Booking: exec(kLockBooking, id.str()); return;
        case LockedRow::Voucher: exec(kLockVoucher, id.str()); return;
        case LockedRow::CashSession: exec(kLockCashSession, id.str()); return;
    }
}

// DO NOTHING keeps the transaction usable after a refused seq, as SQLite's is.
static constexpr Sql kAppendChainRecord{"append_chain_record", R"(
    INSERT INTO chain_records (chain, seq, at, entity_id, content, prev_hash, hash)
    VALUES ($1, $2, to_timestamp($3), $4, $5, $6, $7)
    ON CONFLICT DO NOTHING)"};

void PgDesk::appendChainRecord(const ChainRecord& r) {
    const std::string chain(toString(r.chain));
    if (exec(kAppendChainRecord, chain, r.seq, epochOf(r.at), r.entityId, r.content, r.prevHash, r.hash)
            .affected_rows() == 0)
        throw ConflictError("the " + chain + " chain already has a record #" + std::to_string(r.seq));
}

static constexpr Sql kCountReprints{"count_receipt_reprints", R"(
    SELECT count(*) FROM receipt_reprints WHERE receipt_number = $1)"};
static constexpr Sql kInsertReprint{"insert_receipt_reprint", R"(
    INSERT INTO receipt_reprints (id, receipt_number, at, employee_id) VALUES ($1, $2, to_timestamp($3), $4))"};

int PgDesk::receiptReprints(std::int64_t receiptNumber) {
    return exec(kCountReprints, receiptNumber)[0][0].as<int>();
}

void PgDesk::insertReceiptReprint(std::int64_t receiptNumber, Instant at, const std::optional<Uuid>& employeeId) {
    exec(kInsertReprint, Uuid::generate().str(), receiptNumber, epochOf(at), textOf(employeeId));
}

// ---- Vouchers

static constexpr Sql kVoucherByCode{"select_voucher_by_code", R"(
    SELECT id, code, kind, value_cents, currency, adults, children, babies, buyer_name, recipient_name, message,
           to_char(expires_on, 'YYYY-MM-DD') AS expires_on, extract(epoch FROM sold_at)::bigint, paid_with, vat,
           vat_bp, employee_id
    FROM vouchers WHERE code = $1)"};
static constexpr Sql kVoucherById{"select_voucher_by_id", R"(
    SELECT id, code, kind, value_cents, currency, adults, children, babies, buyer_name, recipient_name, message,
           to_char(expires_on, 'YYYY-MM-DD') AS expires_on, extract(epoch FROM sold_at)::bigint, paid_with, vat,
           vat_bp, employee_id
    FROM vouchers WHERE id = $1)"};
static constexpr Sql kVouchersSold{"select_vouchers_sold", R"(
    SELECT id, code, kind, value_cents, currency, adults, children, babies, buyer_name, recipient_name, message,
           to_char(expires_on, 'YYYY-MM-DD') AS expires_on, extract(epoch FROM sold_at)::bigint, paid_with, vat,
           vat_bp, employee_id
    FROM vouchers WHERE sold_at >= to_timestamp($1) AND sold_at < to_timestamp($2)
    ORDER BY sold_at, id)"};

std::optional<Voucher> PgDesk::voucherByCode(const GiftCode& code) {
    const auto r = exec(kVoucherByCode, code.str());
    if (r.empty()) return std::nullopt;
    return voucherOf(r[0]);
}

std::optional<Voucher> PgDesk::voucherById(const Uuid& id) {
    const auto r = exec(kVoucherById, id.str());
    if (r.empty()) return std::nullopt;
    return voucherOf(r[0]);
}

std::vector<Voucher> PgDesk::vouchersSold(Instant from, Instant to) {
    return vouchersOf(exec(kVouchersSold, epochOf(from), epochOf(to)));
}

static constexpr Sql kInsertVoucher{"insert_voucher", R"(
    INSERT INTO vouchers (id, code, kind, value_cents, currency, adults, children, babies, buyer_name, recipient_name,
                          message, expires_on, sold_at, paid_with, vat, vat_bp, employee_id)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::date, to_timestamp($13), $14, $15, $16, $17)
    ON CONFLICT DO NOTHING)"};
static constexpr Sql kVoucherCodeExists{"voucher_code_exists", R"(
    SELECT EXISTS (SELECT 1 FROM vouchers WHERE code = $1))"};

void PgDesk::insertVoucher(const Voucher& v) {
    const auto r = exec(kInsertVoucher, v.id.str(), v.code.str(), std::string(toString(v.kind)), v.value.cents(),
                        v.value.currency(), v.party.adults, v.party.children, v.party.babies, v.buyerName,
                        v.recipientName, v.message, isoDate(v.expiresOn), epochOf(v.soldAt), methodText(v.paidWith),
                        std::string(toString(v.vat)), v.vatRateBasisPoints, textOf(v.employeeId));
    if (r.affected_rows() == 1) return;
    if (exec(kVoucherCodeExists, v.code.str())[0][0].as<bool>())
        throw ConflictError("voucher code " + v.code.str() + " already exists");
    throw ConflictError("voucher " + v.id.str() + " already exists");
}

static constexpr Sql kVoucherMovements{"select_voucher_movements", R"(
    SELECT id, voucher_id, extract(epoch FROM at)::bigint, kind, amount_cents, currency, booking_id,
           to_char(new_expiry, 'YYYY-MM-DD') AS new_expiry, employee_id, note
    FROM voucher_movements WHERE voucher_id = $1 ORDER BY at, seq)"};
static constexpr Sql kInsertVoucherMovement{"insert_voucher_movement", R"(
    INSERT INTO voucher_movements (id, voucher_id, at, kind, amount_cents, currency, booking_id, new_expiry,
                                   employee_id, note)
    VALUES ($1, $2, to_timestamp($3), $4, $5, $6, $7, $8::date, $9, $10))"};

std::vector<VoucherMovement> PgDesk::voucherMovements(const Uuid& voucherId) {
    std::vector<VoucherMovement> out;
    for (const auto& row : exec(kVoucherMovements, voucherId.str())) out.push_back(voucherMovementOf(row));
    return out;
}

void PgDesk::insertVoucherMovement(const VoucherMovement& m) {
    exec(kInsertVoucherMovement, m.id.str(), m.voucherId.str(), epochOf(m.at), std::string(toString(m.kind)),
         m.amount.cents(), m.amount.currency(), textOf(m.bookingId), dateText(m.newExpiry), textOf(m.employeeId),
         m.note);
}

// ---- The cash drawer

static constexpr Sql kOpenCashSession{"select_open_cash_session", R"(
    SELECT id, desk, extract(epoch FROM opened_at)::bigint, opened_by, opening_float_cents, currency, opening_count,
           extract(epoch FROM closed_at)::bigint, closing_number
    FROM cash_sessions WHERE desk = $1 AND closed_at IS NULL)"};

std::optional<CashSession> PgDesk::openCashSession(std::string_view desk) {
    const auto r = exec(kOpenCashSession, std::string(desk));
    if (r.empty()) return std::nullopt;
    CashSession s;
    s.id = uuidOf(r[0][0]);
    s.desk = r[0][1].as<std::string>();
    s.openedAt = instantOf(r[0][2]);
    s.openedBy = optionalUuid(r[0][3]);
    s.openingFloat = Money::cents(r[0][4].as<std::int64_t>(), r[0][5].as<std::string>());
    if (const std::string count = r[0][6].as<std::string>(); !count.empty())
        s.openingCount = CashCount::parse(count, "opening_count");
    s.closedAt = optionalInstant(r[0][7]);
    if (!r[0][8].is_null()) s.closingNumber = r[0][8].as<std::int64_t>();
    return s;
}

// A closing sets closed_at and closing_number of a session still open (the trigger refuses any other
// change); an opening inserts, and the partial unique index keeps one open session per desk. Saving
// a session again as it already is changes nothing (an offline replay).
static constexpr Sql kCloseCashSession{"close_cash_session", R"(
    UPDATE cash_sessions SET closed_at = to_timestamp($2), closing_number = $3 WHERE id = $1 AND closed_at IS NULL)"};
static constexpr Sql kInsertCashSession{"insert_cash_session", R"(
    INSERT INTO cash_sessions (id, desk, opened_at, opened_by, opening_float_cents, currency, opening_count, closed_at,
                               closing_number)
    VALUES ($1, $2, to_timestamp($3), $4, $5, $6, $7, to_timestamp($8), $9)
    ON CONFLICT DO NOTHING)"};
static constexpr Sql kCashSessionState{"select_cash_session_state", R"(
    SELECT closed_at IS NOT NULL, closing_number FROM cash_sessions WHERE id = $1)"};

void PgDesk::saveCashSession(const CashSession& s) {
    if (s.closedAt && !s.closingNumber)
        throw ValidationError("closing_number", "a closed cash session needs the number of its closing");
    if (s.closedAt && exec(kCloseCashSession, s.id.str(), epochOf(*s.closedAt), *s.closingNumber).affected_rows() == 1)
        return;
    const auto state = exec(kCashSessionState, s.id.str());
    if (!state.empty()) {
        if (!state[0][0].as<bool>() && !s.closedAt) return;   // already open, as saved
        if (state[0][0].as<bool>() && s.closingNumber == state[0][1].as<std::int64_t>()) return;   // closed, as saved
        throw ConflictError("the cash session was already closed by closing #" + state[0][1].as<std::string>());
    }
    const auto r = exec(kInsertCashSession, s.id.str(), s.desk, epochOf(s.openedAt), textOf(s.openedBy),
                        s.openingFloat.cents(), s.openingFloat.currency(), s.openingCount.str(), epochOf(s.closedAt),
                        s.closingNumber);
    if (r.affected_rows() == 0) throw ConflictError("the desk " + s.desk + " already has an open cash session");
}

static constexpr Sql kCashMovements{"select_cash_movements", R"(
    SELECT id, session_id, extract(epoch FROM at)::bigint, amount_cents, currency, reason, bank_deposit, employee_id
    FROM cash_movements WHERE session_id = $1 ORDER BY at, seq)"};
static constexpr Sql kInsertCashMovement{"insert_cash_movement", R"(
    INSERT INTO cash_movements (id, session_id, at, amount_cents, currency, reason, bank_deposit, employee_id)
    VALUES ($1, $2, to_timestamp($3), $4, $5, $6, $7, $8))"};

std::vector<CashMovement> PgDesk::cashMovements(const Uuid& sessionId) {
    std::vector<CashMovement> out;
    for (const auto& row : exec(kCashMovements, sessionId.str())) out.push_back(cashMovementOf(row));
    return out;
}

void PgDesk::insertCashMovement(const CashMovement& m) {
    exec(kInsertCashMovement, m.id.str(), m.sessionId.str(), epochOf(m.at), m.amount.cents(), m.amount.currency(),
         m.reason, m.bankDeposit, textOf(m.employeeId));
}

}  // namespace narcisse::data
