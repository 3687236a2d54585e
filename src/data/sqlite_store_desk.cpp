#include "data/sqlite_store_desk.h"

#include "data/booking_search.h"

namespace narcisse::data {

using namespace narcisse::domain;

namespace {

// SQL lives next to the code that runs it; every value is bound.

// The matching bookings: a reference range (the unique index on ref, byte order), or a customer whose
// name, e-mail or phone contains the text (one scan of customers, then their bookings by index: written
// as IN so that SQLite does not walk every booking and seek its customer instead); then
// the departures nearest `around`. LIKE is case-insensitive for ASCII letters.
constexpr const char* kSearchBookings = R"(
    WITH hits AS (
        SELECT id FROM bookings WHERE ref >= ?1 AND ref < ?2
        UNION
        SELECT id FROM bookings WHERE ref >= ?3 AND ref < ?4
        UNION
        SELECT id FROM bookings WHERE customer_id IN (
            SELECT id FROM customers
            WHERE name LIKE ?5 ESCAPE '\' OR email LIKE ?5 ESCAPE '\'
               OR (?6 IS NOT NULL
                   AND replace(replace(replace(replace(phone, ' ', ''), '.', ''), '-', ''), '/', '') LIKE ?6 ESCAPE '\')))
    SELECT b.id, b.ref, b.boat_id, b.departure_start, b.departure_end, b.adults, b.children, b.babies,
           b.language, b.channel, b.state, b.expires_at, b.currency, b.total_cents, b.customer_id,
           COALESCE(c.name, ''), b.notes, b.created_at
    FROM bookings b LEFT JOIN customers c ON c.id = b.customer_id
    WHERE b.id IN (SELECT id FROM hits)
    ORDER BY abs(CAST(strftime('%s', b.departure_start) AS INTEGER) - ?7), b.created_at, b.id
    LIMIT ?8)";
// In the order appended, as latestAudit.
constexpr const char* kAuditOfEntity = R"(
    SELECT id, at, employee_id, action, entity, entity_id, details FROM audit_log WHERE entity_id = ? ORDER BY seq)";
constexpr const char* kPaymentById = R"(
    SELECT id, booking_id, method, currency, amount_cents, status, provider_ref, created_at FROM payments WHERE id = ?)";
constexpr const char* kRefundById = R"(
    SELECT id, payment_id, booking_id, currency, amount_cents, status, reason, created_at, method, employee_id
    FROM refunds WHERE id = ?)";

constexpr const char* kChainColumns = R"(
    SELECT chain, seq, at, entity_id, content, prev_hash, hash FROM chain_records )";
constexpr const char* kChainTip = R"(WHERE chain = ? ORDER BY seq DESC LIMIT 1)";
constexpr const char* kChainRecords = R"(WHERE chain = ? AND seq >= ? ORDER BY seq LIMIT ?)";
constexpr const char* kChainRecordsBetween = R"(WHERE chain = ? AND at >= ? AND at < ? ORDER BY seq)";
constexpr const char* kChainRecordsOfEntity = R"(WHERE chain = ? AND entity_id = ? ORDER BY seq)";
// DO NOTHING keeps the transaction usable after a refused seq, as PostgreSQL's is.
constexpr const char* kAppendChainRecord = R"(
    INSERT INTO chain_records (chain, seq, at, entity_id, content, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO NOTHING)";
constexpr const char* kCountReprints = R"(SELECT count(*) FROM receipt_reprints WHERE receipt_number = ?)";
constexpr const char* kInsertReprint =
    R"(INSERT INTO receipt_reprints (id, receipt_number, at, employee_id) VALUES (?, ?, ?, ?))";

constexpr const char* kVoucherColumns = R"(
    SELECT id, code, kind, value_cents, currency, adults, children, babies, buyer_name, recipient_name, message,
           expires_on, sold_at, paid_with, vat, vat_bp, employee_id
    FROM vouchers )";
constexpr const char* kVoucherByCode = R"(WHERE code = ?)";
constexpr const char* kVoucherById = R"(WHERE id = ?)";
constexpr const char* kVouchersSold = R"(WHERE sold_at >= ? AND sold_at < ? ORDER BY sold_at, id)";
constexpr const char* kInsertVoucher = R"(
    INSERT INTO vouchers (id, code, kind, value_cents, currency, adults, children, babies, buyer_name, recipient_name,
                          message, expires_on, sold_at, paid_with, vat, vat_bp, employee_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO NOTHING)";
constexpr const char* kVoucherCodeExists = R"(SELECT EXISTS (SELECT 1 FROM vouchers WHERE code = ?))";
constexpr const char* kVoucherMovements = R"(
    SELECT id, voucher_id, at, kind, amount_cents, currency, booking_id, new_expiry, employee_id, note
    FROM voucher_movements WHERE voucher_id = ? ORDER BY at, seq)";
constexpr const char* kInsertVoucherMovement = R"(
    INSERT INTO voucher_movements (id, voucher_id, at, kind, amount_cents, currency, booking_id, new_expiry,
                                   employee_id, note)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";

constexpr const char* kOpenCashSession = R"(
    SELECT id, desk, opened_at, opened_by, opening_float_cents, currency, opening_count, closed_at, closing_number
    FROM cash_sessions WHERE desk = ? AND closed_at IS NULL)";
// A closing sets closed_at and closing_number of a session still open (the trigger refuses any other
// change); an opening inserts, and the partial unique index keeps one open session per desk.
constexpr const char* kCloseCashSession =
    R"(UPDATE cash_sessions SET closed_at = ?2, closing_number = ?3 WHERE id = ?1 AND closed_at IS NULL)";
constexpr const char* kInsertCashSession = R"(
    INSERT INTO cash_sessions (id, desk, opened_at, opened_by, opening_float_cents, currency, opening_count, closed_at,
                               closing_number)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT DO NOTHING)";
constexpr const char* kCashSessionState =
    R"(SELECT closed_at IS NOT NULL, closing_number FROM cash_sessions WHERE id = ?)";
constexpr const char* kCashMovements = R"(
    SELECT id, session_id, at, amount_cents, currency, reason, bank_deposit, employee_id
    FROM cash_movements WHERE session_id = ? ORDER BY at, seq)";
constexpr const char* kInsertCashMovement = R"(
    INSERT INTO cash_movements (id, session_id, at, amount_cents, currency, reason, bank_deposit, employee_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?))";

std::optional<std::string> methodText(const std::optional<PaymentMethod>& m) {
    if (!m) return std::nullopt;
    return std::string(toString(*m));
}

ChainRecord chainRecordOf(SQLite::Statement& s) {
    ChainRecord r;
    r.chain = enumOf<Chain>(s.getColumn(0), parseChain);
    r.seq = s.getColumn(1).getInt64();
    r.at = instantOf(s.getColumn(2));
    r.entityId = s.getColumn(3).getString();
    r.content = s.getColumn(4).getString();
    r.prevHash = s.getColumn(5).getString();
    r.hash = s.getColumn(6).getString();
    return r;
}

std::vector<ChainRecord> chainRecordsOf(SQLite::Statement& s) {
    std::vector<ChainRecord> out;
    while (s.executeStep()) out.push_back(chainRecordOf(s));
    return out;
}

Voucher voucherOf(SQLite::Statement& s) {
    Voucher v;
    v.id = uuidOf(s.getColumn(0));
    v.code = GiftCode::parse(s.getColumn(1).getString());
    v.kind = enumOf<VoucherKind>(s.getColumn(2), parseVoucherKind);
    v.value = Money::cents(s.getColumn(3).getInt64(), s.getColumn(4).getString());
    v.party = {s.getColumn(5).getInt(), s.getColumn(6).getInt(), s.getColumn(7).getInt()};
    v.buyerName = s.getColumn(8).getString();
    v.recipientName = s.getColumn(9).getString();
    v.message = s.getColumn(10).getString();
    v.expiresOn = parseDate(s.getColumn(11).getString(), "expires_on");
    v.soldAt = instantOf(s.getColumn(12));
    if (!s.getColumn(13).isNull()) v.paidWith = enumOf<PaymentMethod>(s.getColumn(13), parsePaymentMethod);
    v.vat = enumOf<VoucherVat>(s.getColumn(14), parseVoucherVat);
    v.vatRateBasisPoints = s.getColumn(15).getInt();
    v.employeeId = optionalUuid(s.getColumn(16));
    return v;
}

}  // namespace

// ---- Bookings, audit, payments

Booking SqliteDesk::bookingOf(SQLite::Statement& s) {
    Booking b;
    b.id = uuidOf(s.getColumn(0));
    b.ref = PublicRef::parse(s.getColumn(1).getString());
    b.boatId = uuidOf(s.getColumn(2));
    b.departureStart = instantOf(s.getColumn(3));
    b.departureEnd = instantOf(s.getColumn(4));
    b.party = {s.getColumn(5).getInt(), s.getColumn(6).getInt(), s.getColumn(7).getInt()};
    b.language = s.getColumn(8).getString();
    b.channel = enumOf<Channel>(s.getColumn(9), parseChannel);
    b.state = enumOf<BookingState>(s.getColumn(10), parseBookingState);
    if (!s.getColumn(11).isNull()) b.expiresAt = instantOf(s.getColumn(11));
    b.total = Money::cents(s.getColumn(13).getInt64(), s.getColumn(12).getString());
    b.customerId = optionalUuid(s.getColumn(14));
    b.customerName = s.getColumn(15).getString();
    b.notes = s.getColumn(16).getString();
    b.createdAt = instantOf(s.getColumn(17));
    return b;
}

Refund SqliteDesk::refundOf(SQLite::Statement& s) {
    Refund r;
    r.id = uuidOf(s.getColumn(0));
    r.paymentId = uuidOf(s.getColumn(1));
    r.bookingId = uuidOf(s.getColumn(2));
    r.amount = Money::cents(s.getColumn(4).getInt64(), s.getColumn(3).getString());
    r.status = enumOf<RefundStatus>(s.getColumn(5), parseRefundStatus);
    r.reason = s.getColumn(6).getString();
    r.createdAt = instantOf(s.getColumn(7));
    if (!s.getColumn(8).isNull()) r.method = enumOf<PaymentMethod>(s.getColumn(8), parsePaymentMethod);
    r.employeeId = optionalUuid(s.getColumn(9));
    return r;
}

std::vector<Booking> SqliteDesk::searchBookings(std::string_view text, Instant around, int limit) {
    std::vector<Booking> out;
    const auto search = bookingSearch(text);
    if (!search || limit <= 0) return out;
    auto& s = statement(kSearchBookings);
    bindOptional(s, 1, search->refFrom);
    bindOptional(s, 2, search->refTo);
    bindOptional(s, 3, search->refFrom2);
    bindOptional(s, 4, search->refTo2);
    s.bind(5, search->contains);
    bindOptional(s, 6, search->phoneContains);
    s.bind(7, static_cast<std::int64_t>(around.time_since_epoch().count()));
    s.bind(8, limit);
    while (s.executeStep()) out.push_back(bookingOf(s));
    return out;
}

std::vector<AuditEntry> SqliteDesk::auditOfEntity(std::string_view entityId) {
    auto& s = statement(kAuditOfEntity);
    s.bind(1, std::string(entityId));
    std::vector<AuditEntry> out;
    while (s.executeStep()) {
        out.push_back(auditEntryOf(s));
    }
    return out;
}

std::optional<Payment> SqliteDesk::paymentById(const Uuid& id) {
    auto& s = statement(kPaymentById);
    s.bind(1, id.str());
    if (!s.executeStep()) return std::nullopt;
    return paymentOf(s);
}

std::optional<Refund> SqliteDesk::refundById(const Uuid& id) {
    auto& s = statement(kRefundById);
    s.bind(1, id.str());
    if (!s.executeStep()) return std::nullopt;
    return refundOf(s);
}

// ---- Hash chains

std::optional<ChainRecord> SqliteDesk::chainTip(Chain chain) {
    auto& s = statement(kChainColumns, kChainTip);
    s.bind(1, std::string(toString(chain)));
    if (!s.executeStep()) return std::nullopt;
    return chainRecordOf(s);
}

std::vector<ChainRecord> SqliteDesk::chainRecords(Chain chain, std::int64_t fromSeq, int limit) {
    auto& s = statement(kChainColumns, kChainRecords);
    s.bind(1, std::string(toString(chain)));
    s.bind(2, fromSeq);
    s.bind(3, limit);
    return chainRecordsOf(s);
}

std::vector<ChainRecord> SqliteDesk::chainRecordsBetween(Chain chain, Instant from, Instant to) {
    auto& s = statement(kChainColumns, kChainRecordsBetween);
    s.bind(1, std::string(toString(chain)));
    s.bind(2, isoUtc(from));
    s.bind(3, isoUtc(to));
    return chainRecordsOf(s);
}

std::vector<ChainRecord> SqliteDesk::chainRecordsOfEntity(Chain chain, std::string_view entityId) {
    auto& s = statement(kChainColumns, kChainRecordsOfEntity);
    s.bind(1, std::string(toString(chain)));
    s.bind(2, std::string(entityId));
    return chainRecordsOf(s);
}

void SqliteDesk::appendChainRecord(const ChainRecord& r) {
    const std::string chain(toString(r.chain));
    auto& s = statement(kAppendChainRecord);
    s.bind(1, chain);
    s.bind(2, r.seq);
    s.bind(3, isoUtc(r.at));
    s.bind(4, r.entityId);
    s.bind(5, r.content);
    s.bind(6, r.prevHash);
    s.bind(7, r.hash);
    if (s.exec() == 0) throw ConflictError("the " + chain + " chain already has a record #" + std::to_string(r.seq));
}

int SqliteDesk::receiptReprints(std::int64_t receiptNumber) {
    auto& s = statement(kCountReprints);
    s.bind(1, receiptNumber);
    s.executeStep();
    return s.getColumn(0).getInt();
}

void SqliteDesk::insertReceiptReprint(std::int64_t receiptNumber, Instant at, const std::optional<Uuid>& employeeId) {
    auto& s = statement(kInsertReprint);
    s.bind(1, Uuid::generate().str());
    s.bind(2, receiptNumber);
    s.bind(3, isoUtc(at));
    bindOptional(s, 4, employeeId);
    s.exec();
}

// ---- Vouchers

std::optional<Voucher> SqliteDesk::voucherByCode(const GiftCode& code) {
    auto& s = statement(kVoucherColumns, kVoucherByCode);
    s.bind(1, code.str());
    if (!s.executeStep()) return std::nullopt;
    return voucherOf(s);
}

std::optional<Voucher> SqliteDesk::voucherById(const Uuid& id) {
    auto& s = statement(kVoucherColumns, kVoucherById);
    s.bind(1, id.str());
    if (!s.executeStep()) return std::nullopt;
    return voucherOf(s);
}

std::vector<Voucher> SqliteDesk::vouchersSold(Instant from, Instant to) {
    auto& s = statement(kVoucherColumns, kVouchersSold);
    s.bind(1, isoUtc(from));
    s.bind(2, isoUtc(to));
    std::vector<Voucher> out;
    while (s.executeStep()) out.push_back(voucherOf(s));
    return out;
}

void SqliteDesk::insertVoucher(const Voucher& v) {
    auto& s = statement(kInsertVoucher);
    s.bind(1, v.id.str());
    s.bind(2, v.code.str());
    s.bind(3, std::string(toString(v.kind)));
    s.bind(4, static_cast<std::int64_t>(v.value.cents()));
    s.bind(5, v.value.currency());
    s.bind(6, v.party.adults);
    s.bind(7, v.party.children);
    s.bind(8, v.party.babies);
    s.bind(9, v.buyerName);
    s.bind(10, v.recipientName);
    s.bind(11, v.message);
    s.bind(12, isoDate(v.expiresOn));
    s.bind(13, isoUtc(v.soldAt));
    bindOptional(s, 14, methodText(v.paidWith));
    s.bind(15, std::string(toString(v.vat)));
    s.bind(16, v.vatRateBasisPoints);
    bindOptional(s, 17, v.employeeId);
    if (s.exec() == 1) return;
    auto& exists = statement(kVoucherCodeExists);
    exists.bind(1, v.code.str());
    exists.executeStep();
    if (exists.getColumn(0).getInt() != 0) throw ConflictError("voucher code " + v.code.str() + " already exists");
    throw ConflictError("voucher " + v.id.str() + " already exists");
}

std::vector<VoucherMovement> SqliteDesk::voucherMovements(const Uuid& voucherId) {
    auto& s = statement(kVoucherMovements);
    s.bind(1, voucherId.str());
    std::vector<VoucherMovement> out;
    while (s.executeStep()) out.push_back(voucherMovementOf(s));
    return out;
}

void SqliteDesk::insertVoucherMovement(const VoucherMovement& m) {
    auto& s = statement(kInsertVoucherMovement);
    s.bind(1, m.id.str());
    s.bind(2, m.voucherId.str());
    s.bind(3, isoUtc(m.at));
    s.bind(4, std::string(toString(m.kind)));
    s.bind(5, static_cast<std::int64_t>(m.amount.cents()));
    s.bind(6, m.amount.currency());
    bindOptional(s, 7, m.bookingId);
    if (m.newExpiry)
        s.bind(8, isoDate(*m.newExpiry));
    else
        s.bind(8);
    bindOptional(s, 9, m.employeeId);
    s.bind(10, m.note);
    s.exec();
}

// ---- The cash drawer

std::optional<CashSession> SqliteDesk::openCashSession(std::string_view desk) {
    auto& s = statement(kOpenCashSession);
    s.bind(1, std::string(desk));
    if (!s.executeStep()) return std::nullopt;
    CashSession c;
    c.id = uuidOf(s.getColumn(0));
    c.desk = s.getColumn(1).getString();
    c.openedAt = instantOf(s.getColumn(2));
    c.openedBy = optionalUuid(s.getColumn(3));
    c.openingFloat = Money::cents(s.getColumn(4).getInt64(), s.getColumn(5).getString());
    if (const std::string count = s.getColumn(6).getString(); !count.empty())
        c.openingCount = CashCount::parse(count, "opening_count");
    if (!s.getColumn(7).isNull()) c.closedAt = instantOf(s.getColumn(7));
    if (!s.getColumn(8).isNull()) c.closingNumber = s.getColumn(8).getInt64();
    return c;
}

// Saving a session again as it already is changes nothing (an offline replay).
void SqliteDesk::saveCashSession(const CashSession& c) {
    if (c.closedAt && !c.closingNumber)
        throw ValidationError("closing_number", "a closed cash session needs the number of its closing");
    if (c.closedAt) {
        auto& close = statement(kCloseCashSession);
        close.bind(1, c.id.str());
        close.bind(2, isoUtc(*c.closedAt));
        close.bind(3, *c.closingNumber);
        if (close.exec() == 1) return;
    }
    auto& state = statement(kCashSessionState);
    state.bind(1, c.id.str());
    if (state.executeStep()) {
        const bool closed = state.getColumn(0).getInt() != 0;
        if (!closed && !c.closedAt) return;   // already open, as saved
        const std::int64_t number = state.getColumn(1).getInt64();
        if (closed && c.closingNumber == number) return;   // closed, as saved
        throw ConflictError("the cash session was already closed by closing #" + std::to_string(number));
    }
    auto& s = statement(kInsertCashSession);
    s.bind(1, c.id.str());
    s.bind(2, c.desk);
    s.bind(3, isoUtc(c.openedAt));
    bindOptional(s, 4, c.openedBy);
    s.bind(5, static_cast<std::int64_t>(c.openingFloat.cents()));
    s.bind(6, c.openingFloat.currency());
    s.bind(7, c.openingCount.str());
    if (c.closedAt)
        s.bind(8, isoUtc(*c.closedAt));
    else
        s.bind(8);
    if (c.closingNumber)
        s.bind(9, *c.closingNumber);
    else
        s.bind(9);
    if (s.exec() == 0) throw ConflictError("the desk " + c.desk + " already has an open cash session");
}

std::vector<CashMovement> SqliteDesk::cashMovements(const Uuid& sessionId) {
    auto& s = statement(kCashMovements);
    s.bind(1, sessionId.str());
    std::vector<CashMovement> out;
    while (s.executeStep()) out.push_back(cashMovementOf(s));
    return out;
}

void SqliteDesk::insertCashMovement(const CashMovement& m) {
    auto& s = statement(kInsertCashMovement);
    s.bind(1, m.id.str());
    s.bind(2, m.sessionId.str());
    s.bind(3, isoUtc(m.at));
    s.bind(4, static_cast<std::int64_t>(m.amount.cents()));
    s.bind(5, m.amount.currency());
    s.bind(6, m.reason);
    s.bind(7, m.bankDeposit ? 1 : 0);
    bindOptional(s, 8, m.employeeId);
    s.exec();
}

}  // namespace narcisse::data
