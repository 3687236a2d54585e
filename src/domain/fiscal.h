// The cash-register records French law asks for (reference/ACCOUNTING-FR.md): receipts, closings and
// the technical event journal, each kept in a hash chain with gap-free sequence numbers, plus the
// chain entries that seal every payment and refund. Nothing here is ever edited or deleted.
#pragma once

#include "domain/cash.h"
#include "domain/money.h"
#include "domain/payment.h"
#include "domain/time.h"
#include "domain/uuid.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narcisse::domain {

// ---- Canonical content: "key=value" lines, in the order written, "\n" after each; a value's
// backslashes and line breaks are escaped (\\, \n). The hash is taken over exactly these bytes.
class Canonical {
public:
    Canonical& add(std::string_view key, std::string_view value);
    Canonical& add(std::string_view key, const Money& value);          // "12.50 EUR"
    Canonical& add(std::string_view key, std::int64_t value);
    Canonical& add(std::string_view key, Instant value);               // ISO UTC
    const std::string& str() const { return m_text; }

    // Splits content back into (key, value) pairs in order. Throws ValidationError("content", …).
    static std::vector<std::pair<std::string, std::string>> split(std::string_view content);

private:
    std::string m_text;
};

// ---- Hash chains
enum class Chain { Receipt, Payment, Refund, Closing, Event };
std::string_view toString(Chain c);                       // receipt, payment, refund, closing, event
std::optional<Chain> parseChain(std::string_view s);
const std::vector<Chain>& allChains();

struct ChainRecord {
    Chain chain = Chain::Receipt;
    std::int64_t seq = 0;               // 1, 2, 3… per chain, no gap
    Instant at;
    std::string entityId;               // what it seals: receipts the booking's reference or voucher's
                                        // code, payments/refunds their id, closings closingKey(),
                                        // events their kind
    std::string content;                // canonical text
    std::string prevHash;               // previous record's hash; 64 zeros for the first
    std::string hash;                   // SHA-256 hex of prevHash + "\n" + content
};

// SHA-256 as lowercase hex. The domain does not hash by itself: data provides it (Poco).
using Sha256Hex = std::function<std::string(std::string_view)>;
inline const std::string kGenesisHash(64, '0');

std::string chainHash(const Sha256Hex& sha256, std::string_view prevHash, std::string_view content);
// The record that follows `tip` (nothing: the chain's first).
ChainRecord nextRecord(const Sha256Hex& sha256, Chain chain, const std::optional<ChainRecord>& tip, Instant at,
                       std::string entityId, std::string content);

struct IntegrityProblem {
    Chain chain = Chain::Receipt;
    std::int64_t seq = 0;
    std::string entityId;
    std::string what;                   // "hash does not match its content", "sequence jumps from 4 to 6"…
    std::string describe() const;       // "receipt #5 (…): hash does not match its content"
};

// Walks `records` (one chain, by seq): sequence from `firstSeq` without gap, each prevHash equal to
// the previous hash (`prevHash` for the first), each hash recomputed. `current(record)` says what the
// sealed row holds now (its canonical content) or nothing when there is no separate row: a
// difference means the row was altered after it was sealed. Returns the first problem.
std::optional<IntegrityProblem> verifyChain(const Sha256Hex& sha256, Chain chain, const std::vector<ChainRecord>& records,
                                            std::int64_t firstSeq, std::string_view prevHash,
                                            const std::function<std::optional<std::string>(const ChainRecord&)>& current);

// What a payment or a refund row says, as sealed in its chain.
std::string canonicalPayment(const Payment& p);
std::string canonicalRefund(const Refund& r);

// ---- Receipts (tickets)
enum class ReceiptKind { Sale, Cancellation, Refund, VoucherSale };   // SALE, CANCELLATION, REFUND, VOUCHER_SALE
std::string_view toString(ReceiptKind k);
std::optional<ReceiptKind> parseReceiptKind(std::string_view s);

struct ReceiptLine {
    std::string label;                  // "Adult", "Child", "Baby", "Gift voucher SN-GIFT-…"
    int quantity = 0;
    Money unitPrice;
    Money total;                        // tax included; negative on a cancellation
    int vatRateBasisPoints = 0;         // 0: outside the scope of VAT (a multi-purpose voucher sold)
    Money vat;                          // contained in total
};

struct ReceiptPayment {
    PaymentMethod method = PaymentMethod::Cash;
    Money amount;                       // negative: money given back
    Money given;                        // cash handed over (cash only; zero otherwise)
    Money change;                       // given − amount
    std::string voucherCode;            // VOUCHER
    bool voucherSinglePurpose = false;  // VOUCHER: its VAT was collected when it was sold
};

struct VatTotal {
    int rateBasisPoints = 0;
    Money base;                         // excluding VAT
    Money vat;
    Money total;                        // including VAT
    bool operator==(const VatTotal&) const = default;
};

struct Receipt {
    std::int64_t number = 0;            // the receipt chain's seq
    ReceiptKind kind = ReceiptKind::Sale;
    Instant issuedAt;
    std::string desk;
    std::string operatorName;
    std::string reference;              // the booking's public reference or the voucher's code
    std::string departure;              // "2026-07-14 10:00 · Ill" (rides)
    std::string party;                  // "2A 1C"
    std::string customer;
    std::vector<ReceiptLine> lines;
    std::vector<ReceiptPayment> payments;
    Money total;                        // sum of lines
    // VAT due on this receipt by rate: the lines, less what a single-purpose voucher paid (its VAT
    // was due when it was sold), split in proportion. Computed by receiptVat().
    std::vector<VatTotal> vat;
    std::string hash;                   // filled from the chain record when read back

    std::string canonical() const;      // what the chain seals (without number and hash)
    // Rebuilds a receipt from its chain record. Throws ValidationError("content", …).
    static Receipt fromRecord(const ChainRecord& record);
};

std::vector<VatTotal> receiptVat(const std::vector<ReceiptLine>& lines, const std::vector<ReceiptPayment>& payments);

// ---- Closings (Z)
enum class ClosingPeriod { Day, Month, Year };             // DAY, MONTH, YEAR
std::string_view toString(ClosingPeriod p);
std::optional<ClosingPeriod> parseClosingPeriod(std::string_view s);
// The chain entity of a closing: "day 2026-07-14", "month 2026-07", "year 2026".
std::string closingKey(ClosingPeriod p, LocalDate anyDayInPeriod);

struct MethodTotal {
    PaymentMethod method = PaymentMethod::Cash;
    int count = 0;
    Money amount;                       // takings less money given back by that method
    bool operator==(const MethodTotal&) const = default;
};

struct Closing {
    std::int64_t number = 0;            // the closing chain's seq
    ClosingPeriod period = ClosingPeriod::Day;
    LocalDate from;
    LocalDate to;
    Instant closedAt;
    std::string desk;
    std::string operatorName;
    std::string businessName;
    std::optional<Instant> openedAt;    // the cash session's opening (daily)
    std::int64_t firstReceipt = 0;      // 0 when no receipt
    std::int64_t lastReceipt = 0;
    int receiptCount = 0;
    std::vector<MethodTotal> byMethod;  // in PaymentMethod order, methods with a movement only
    std::vector<VatTotal> byVat;        // by rate
    int cancellationCount = 0;
    Money cancellations;                // amount of the cancelled sales (positive)
    int refundCount = 0;
    Money refunds;                      // money given back, every method (positive)
    Money cashIn;                       // paid in (positive)
    Money cashOut;                      // paid out, deposits included (positive)
    Money openingFloat;
    Money expectedCash;
    std::optional<CashCount> counted;   // daily only
    Money countedCash;
    Money difference;                   // counted − expected
    std::string comment;                // required when the difference is not zero
    Money periodTotal;                  // sales less cancellations and refunds, VAT included
    Money fiscalYearTotal;              // running total since 1 January (fiscal year = calendar year)
    Money grandTotal;                   // perpetual
    std::string hash;

    std::string canonical() const;
    static Closing fromRecord(const ChainRecord& record);   // throws ValidationError("content", …)
};

struct DailyClosingInput {
    LocalDate date;
    std::vector<Receipt> receipts;      // the day's receipts, by number
    std::optional<CashSession> session;
    std::vector<CashMovement> movements;
    CashCount counted;
    std::string comment;
    std::optional<Closing> previous;    // the latest closing of any period (for the running totals)
};

// The arithmetic of the Z (totals, VAT split, expected cash, difference and running totals). Throws
// ValidationError("comment", …) when the count differs and no comment says why.
Closing computeDailyClosing(const DailyClosingInput& in);
// A month's or a year's closing from its daily (or monthly) closings, by date; `previous` as above.
Closing aggregateClosings(ClosingPeriod period, LocalDate from, LocalDate to, const std::vector<Closing>& parts,
                          const std::optional<Closing>& previous);

// ---- Technical event journal
enum class EventKind {
    SignIn, SignOut, Closing, Export, Cancellation, RightsChange, IntegrityFailure, IntegrityCheck,
    CashSessionOpened, CashMovement, Reprint, VoucherExtended, OfflineStart, VersionChange,
};
std::string_view toString(EventKind k);                   // sign_in, sign_out, …
std::optional<EventKind> parseEventKind(std::string_view s);

struct TechnicalEvent {
    std::int64_t number = 0;
    EventKind kind = EventKind::SignIn;
    Instant at;
    std::string employee;               // login, empty when none
    std::string details;
    std::string canonical() const;
    static TechnicalEvent fromRecord(const ChainRecord& record);
};

}  // namespace narcisse::domain
