#include "domain/fiscal.h"

#include "domain/errors.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace narcisse::domain {

// ---- Canonical content

namespace {
std::string escaped(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}
}  // namespace

Canonical& Canonical::add(std::string_view key, std::string_view value) {
    m_text.append(key);
    m_text += '=';
    m_text += escaped(value);
    m_text += '\n';
    return *this;
}

Canonical& Canonical::add(std::string_view key, const Money& value) {
    return add(key, std::string_view(value.plain() + " " + value.currency()));
}

Canonical& Canonical::add(std::string_view key, std::int64_t value) { return add(key, std::string_view(std::to_string(value))); }

Canonical& Canonical::add(std::string_view key, Instant value) { return add(key, std::string_view(isoUtc(value))); }

std::vector<std::pair<std::string, std::string>> Canonical::split(std::string_view content) {
    std::vector<std::pair<std::string, std::string>> pairs;
    int lineNumber = 0;
    while (!content.empty()) {
        ++lineNumber;
        const auto newline = content.find('\n');
        if (newline == std::string_view::npos)
            throw ValidationError("content", "line " + std::to_string(lineNumber) + " does not end with a line break");
        const std::string_view line = content.substr(0, newline);
        content.remove_prefix(newline + 1);
        const auto equals = line.find('=');
        if (equals == std::string_view::npos || equals == 0)
            throw ValidationError("content", "line " + std::to_string(lineNumber) + " is not key=value");
        std::string value;
        const std::string_view raw = line.substr(equals + 1);
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '\\') {
                value += raw[i];
                continue;
            }
            const char next = i + 1 < raw.size() ? raw[i + 1] : '\0';
            if (next == '\\') value += '\\';
            else if (next == 'n') value += '\n';
            else throw ValidationError("content", "line " + std::to_string(lineNumber) + " has a stray backslash");
            ++i;
        }
        pairs.emplace_back(std::string(line.substr(0, equals)), std::move(value));
    }
    return pairs;
}

// ---- Reading content back: the fields in the order canonical() wrote them, every one accounted for.

namespace {
class ContentReader {
public:
    explicit ContentReader(std::string_view content) : m_pairs(Canonical::split(content)) {}

    const std::string& text(std::string_view key) {
        if (m_next >= m_pairs.size()) throw ValidationError("content", "ends before \"" + std::string(key) + "\"");
        const auto& [k, v] = m_pairs[m_next];
        if (k != key)
            throw ValidationError("content", "has \"" + k + "\" where \"" + std::string(key) + "\" was expected");
        ++m_next;
        return v;
    }

    std::optional<std::string> optionalText(std::string_view key) {
        if (m_next < m_pairs.size() && m_pairs[m_next].first == key) return m_pairs[m_next++].second;
        return std::nullopt;
    }

    Money money(std::string_view key) {
        const std::string& v = text(key);
        const auto space = v.rfind(' ');
        if (space == std::string::npos || v.size() - space != 4)
            throw ValidationError("content", std::string(key) + " is not an amount with its currency: \"" + v + "\"");
        return Money::parse(std::string_view(v).substr(0, space), "content", std::string_view(v).substr(space + 1));
    }

    std::int64_t integer(std::string_view key) {
        const std::string& v = text(key);
        std::int64_t out = 0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
        if (v.empty() || ec != std::errc() || end != v.data() + v.size())
            throw ValidationError("content", std::string(key) + " is not a whole number: \"" + v + "\"");
        return out;
    }

    int count(std::string_view key) {
        const std::int64_t n = integer(key);
        if (n < 0 || n > 1'000'000'000) throw ValidationError("content", std::string(key) + " is out of range");
        return static_cast<int>(n);
    }

    bool flag(std::string_view key) {
        const std::string& v = text(key);
        if (v == "true") return true;
        if (v == "false") return false;
        throw ValidationError("content", std::string(key) + " is neither true nor false: \"" + v + "\"");
    }

    Instant instant(std::string_view key) { return parseIsoUtc(text(key), "content"); }
    LocalDate date(std::string_view key) { return parseDate(text(key), "content"); }

    template <typename Parse>
    auto enumValue(std::string_view key, Parse parse) {
        const std::string& v = text(key);
        const auto value = parse(v);
        if (!value) throw ValidationError("content", std::string(key) + " has an unknown value: \"" + v + "\"");
        return *value;
    }

    void finish() const {
        if (m_next != m_pairs.size())
            throw ValidationError("content", "has \"" + m_pairs[m_next].first + "\" after its last field");
    }

private:
    std::vector<std::pair<std::string, std::string>> m_pairs;
    std::size_t m_next = 0;
};

void addVatTotals(Canonical& c, const std::vector<VatTotal>& totals) {
    c.add("vat_rates", static_cast<std::int64_t>(totals.size()));
    for (const auto& v : totals)
        c.add("vat.rate", std::int64_t{v.rateBasisPoints}).add("vat.base", v.base).add("vat.vat", v.vat).add("vat.total", v.total);
}

std::vector<VatTotal> readVatTotals(ContentReader& in) {
    std::vector<VatTotal> totals(static_cast<std::size_t>(in.count("vat_rates")));
    for (auto& v : totals) {
        v.rateBasisPoints = static_cast<int>(in.integer("vat.rate"));
        v.base = in.money("vat.base");
        v.vat = in.money("vat.vat");
        v.total = in.money("vat.total");
    }
    return totals;
}
}  // namespace

// ---- Hash chains

std::string_view toString(Chain c) {
    switch (c) {
        case Chain::Receipt: return "receipt";
        case Chain::Payment: return "payment";
        case Chain::Refund: return "refund";
        case Chain::Closing: return "closing";
        case Chain::Event: return "event";
    }
    return "receipt";
}

const std::vector<Chain>& allChains() {
    static const std::vector<Chain> all = {Chain::Receipt, Chain::Payment, Chain::Refund, Chain::Closing, Chain::Event};
    return all;
}

std::optional<Chain> parseChain(std::string_view s) {
    for (auto c : allChains())
        if (toString(c) == s) return c;
    return std::nullopt;
}

std::string chainHash(const Sha256Hex& sha256, std::string_view prevHash, std::string_view content) {
    std::string input;
    input.reserve(prevHash.size() + 1 + content.size());
    input.append(prevHash);
    input += '\n';
    input.append(content);
    return sha256(input);
}

ChainRecord nextRecord(const Sha256Hex& sha256, Chain chain, const std::optional<ChainRecord>& tip, Instant at,
                       std::string entityId, std::string content) {
    ChainRecord r;
    r.chain = chain;
    r.seq = tip ? tip->seq + 1 : 1;
    r.at = at;
    r.entityId = std::move(entityId);
    r.content = std::move(content);
    r.prevHash = tip ? tip->hash : kGenesisHash;
    r.hash = chainHash(sha256, r.prevHash, r.content);
    return r;
}

std::string IntegrityProblem::describe() const {
    std::string out = std::string(toString(chain)) + " #" + std::to_string(seq);
    if (!entityId.empty()) out += " (" + entityId + ")";
    return out + ": " + what;
}

std::optional<IntegrityProblem> verifyChain(const Sha256Hex& sha256, Chain chain, const std::vector<ChainRecord>& records,
                                            std::int64_t firstSeq, std::string_view prevHash,
                                            const std::function<std::optional<std::string>(const ChainRecord&)>& current) {
    std::int64_t expectedSeq = firstSeq;
    std::string previous(prevHash);
    for (const auto& r : records) {
        auto problem = [&](std::string what) { return IntegrityProblem{chain, r.seq, r.entityId, std::move(what)}; };
        if (r.chain != chain) return problem("belongs to the " + std::string(toString(r.chain)) + " chain");
        if (r.seq != expectedSeq) {
            const std::string was = std::to_string(expectedSeq - 1);
            const std::string is = std::to_string(r.seq);
            if (r.seq > expectedSeq && expectedSeq == firstSeq && firstSeq == 1)
                return problem("sequence starts at " + is + " instead of 1");
            if (r.seq > expectedSeq) return problem("sequence jumps from " + was + " to " + is);
            if (r.seq == expectedSeq - 1) return problem("sequence number " + is + " comes twice");
            return problem("sequence goes back from " + was + " to " + is);
        }
        if (chainHash(sha256, r.prevHash, r.content) != r.hash) return problem("hash does not match its content");
        if (r.prevHash != previous)
            return problem(r.seq == firstSeq && previous == kGenesisHash
                               ? std::string("the first record does not start from the genesis hash")
                               : "its previous hash is not the hash of #" + std::to_string(r.seq - 1));
        if (current) {
            const auto now = current(r);
            if (now && *now != r.content) return problem("the sealed row was altered after it was sealed");
        }
        previous = r.hash;
        ++expectedSeq;
    }
    return std::nullopt;
}

std::string canonicalPayment(const Payment& p) {
    return Canonical()
        .add("payment", p.id.str())
        .add("booking", p.bookingId.str())
        .add("method", toString(p.method))
        .add("amount", p.amount)
        .add("status", toString(p.status))
        .add("provider_ref", p.providerRef)
        .add("created_at", p.createdAt)
        .str();
}

std::string canonicalRefund(const Refund& r) {
    return Canonical()
        .add("refund", r.id.str())
        .add("payment", r.paymentId.str())
        .add("booking", r.bookingId.str())
        .add("amount", r.amount)
        .add("status", toString(r.status))
        .add("method", r.method ? toString(*r.method) : std::string_view())
        .add("reason", r.reason)
        .add("created_at", r.createdAt)
        .add("employee", r.employeeId ? r.employeeId->str() : std::string())
        .str();
}

// ---- Receipts

std::string_view toString(ReceiptKind k) {
    switch (k) {
        case ReceiptKind::Sale: return "SALE";
        case ReceiptKind::Cancellation: return "CANCELLATION";
        case ReceiptKind::Refund: return "REFUND";
        case ReceiptKind::VoucherSale: return "VOUCHER_SALE";
    }
    return "SALE";
}

std::optional<ReceiptKind> parseReceiptKind(std::string_view s) {
    for (auto k : {ReceiptKind::Sale, ReceiptKind::Cancellation, ReceiptKind::Refund, ReceiptKind::VoucherSale})
        if (toString(k) == s) return k;
    return std::nullopt;
}

std::string Receipt::canonical() const {
    Canonical c;
    c.add("kind", toString(kind))
        .add("issued_at", issuedAt)
        .add("desk", desk)
        .add("operator", operatorName)
        .add("reference", reference)
        .add("departure", departure)
        .add("party", party)
        .add("customer", customer);
    c.add("lines", static_cast<std::int64_t>(lines.size()));
    for (const auto& l : lines)
        c.add("line.label", l.label)
            .add("line.quantity", std::int64_t{l.quantity})
            .add("line.unit_price", l.unitPrice)
            .add("line.total", l.total)
            .add("line.vat_rate", std::int64_t{l.vatRateBasisPoints})
            .add("line.vat", l.vat);
    c.add("payments", static_cast<std::int64_t>(payments.size()));
    for (const auto& p : payments)
        c.add("payment.method", toString(p.method))
            .add("payment.amount", p.amount)
            .add("payment.given", p.given)
            .add("payment.change", p.change)
            .add("payment.voucher_code", p.voucherCode)
            .add("payment.voucher_single_purpose", std::string_view(p.voucherSinglePurpose ? "true" : "false"));
    c.add("total", total);
    addVatTotals(c, vat);
    return c.str();
}

Receipt Receipt::fromRecord(const ChainRecord& record) {
    ContentReader in(record.content);
    Receipt r;
    r.number = record.seq;
    r.hash = record.hash;
    r.kind = in.enumValue("kind", parseReceiptKind);
    r.issuedAt = in.instant("issued_at");
    r.desk = in.text("desk");
    r.operatorName = in.text("operator");
    r.reference = in.text("reference");
    r.departure = in.text("departure");
    r.party = in.text("party");
    r.customer = in.text("customer");
    r.lines.resize(static_cast<std::size_t>(in.count("lines")));
    for (auto& l : r.lines) {
        l.label = in.text("line.label");
        l.quantity = static_cast<int>(in.integer("line.quantity"));
        l.unitPrice = in.money("line.unit_price");
        l.total = in.money("line.total");
        l.vatRateBasisPoints = static_cast<int>(in.integer("line.vat_rate"));
        l.vat = in.money("line.vat");
    }
    r.payments.resize(static_cast<std::size_t>(in.count("payments")));
    for (auto& p : r.payments) {
        p.method = in.enumValue("payment.method", parsePaymentMethod);
        p.amount = in.money("payment.amount");
        p.given = in.money("payment.given");
        p.change = in.money("payment.change");
        p.voucherCode = in.text("payment.voucher_code");
        p.voucherSinglePurpose = in.flag("payment.voucher_single_purpose");
    }
    r.total = in.money("total");
    r.vat = readVatTotals(in);
    in.finish();
    return r;
}

namespace {
// floor(a / b) for b > 0.
std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && (a < 0) ? 1 : 0); }
}  // namespace

std::vector<VatTotal> receiptVat(const std::vector<ReceiptLine>& lines, const std::vector<ReceiptPayment>& payments) {
    const std::string currency = lines.empty() ? std::string("EUR") : lines.front().total.currency();
    std::map<int, std::int64_t> byRate;   // rate → total incl. VAT, in cents
    std::int64_t total = 0;
    for (const auto& l : lines) {
        byRate[l.vatRateBasisPoints] += l.total.cents();
        total += l.total.cents();
    }
    std::int64_t prepaid = 0;   // what single-purpose vouchers paid: their VAT was due when they were sold
    for (const auto& p : payments)
        if (p.method == PaymentMethod::Voucher && p.voucherSinglePurpose) prepaid += p.amount.cents();
    // Never take off more than the receipt holds, nor anything against a total of the other sign.
    if (total == 0 || (prepaid > 0) != (total > 0)) prepaid = 0;
    if (std::llabs(prepaid) > std::llabs(total)) prepaid = total;

    // Split `prepaid` in proportion to each rate's total, on magnitudes so a cancellation mirrors its
    // sale to the cent; the cents lost to rounding down go to the largest remainders.
    const std::int64_t sign = prepaid < 0 ? -1 : 1;
    const std::int64_t amount = std::llabs(prepaid);
    const std::int64_t denominator = std::llabs(total);
    const std::int64_t totalSign = total < 0 ? -1 : 1;
    struct Share {
        int rate;
        std::int64_t lineTotal;
        std::int64_t share;
        std::int64_t remainder;
    };
    std::vector<Share> shares;
    std::int64_t distributed = 0;
    for (const auto& [rate, cents] : byRate) {
        Share s{rate, cents, 0, 0};
        if (amount != 0) {
            const std::int64_t numerator = amount * cents * totalSign;
            s.share = floorDiv(numerator, denominator);
            s.remainder = numerator - s.share * denominator;
        }
        distributed += s.share;
        shares.push_back(s);
    }
    std::vector<std::size_t> order(shares.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (shares[a].remainder != shares[b].remainder) return shares[a].remainder > shares[b].remainder;
        return std::llabs(shares[a].lineTotal) > std::llabs(shares[b].lineTotal);
    });
    for (std::size_t k = 0; distributed < amount && !order.empty(); k = (k + 1) % order.size()) {
        ++shares[order[k]].share;
        ++distributed;
    }

    std::vector<VatTotal> out;
    for (const auto& s : shares) {
        const Money taxable = Money::cents(s.lineTotal - sign * s.share, currency);
        const Money vat = s.rate == 0 ? Money::zero(currency) : taxable.vatIncluded(s.rate);
        out.push_back(VatTotal{s.rate, taxable - vat, vat, taxable});
    }
    return out;
}

// ---- Closings (their arithmetic is in closing.cpp)

std::string_view toString(ClosingPeriod p) {
    switch (p) {
        case ClosingPeriod::Day: return "DAY";
        case ClosingPeriod::Month: return "MONTH";
        case ClosingPeriod::Year: return "YEAR";
    }
    return "DAY";
}

std::optional<ClosingPeriod> parseClosingPeriod(std::string_view s) {
    for (auto p : {ClosingPeriod::Day, ClosingPeriod::Month, ClosingPeriod::Year})
        if (toString(p) == s) return p;
    return std::nullopt;
}

std::string closingKey(ClosingPeriod p, LocalDate anyDayInPeriod) {
    switch (p) {
        case ClosingPeriod::Day: return "day " + isoDate(anyDayInPeriod);
        case ClosingPeriod::Month: return "month " + date::format("%Y-%m", anyDayInPeriod);
        case ClosingPeriod::Year: return "year " + date::format("%Y", anyDayInPeriod);
    }
    return "day " + isoDate(anyDayInPeriod);
}

std::string Closing::canonical() const {
    Canonical c;
    c.add("period", toString(period))
        .add("from", isoDate(from))
        .add("to", isoDate(to))
        .add("closed_at", closedAt)
        .add("desk", desk)
        .add("operator", operatorName)
        .add("business", businessName);
    if (openedAt) c.add("opened_at", *openedAt);
    c.add("first_receipt", firstReceipt).add("last_receipt", lastReceipt).add("receipt_count", std::int64_t{receiptCount});
    c.add("methods", static_cast<std::int64_t>(byMethod.size()));
    for (const auto& m : byMethod)
        c.add("method.method", toString(m.method)).add("method.count", std::int64_t{m.count}).add("method.amount", m.amount);
    addVatTotals(c, byVat);
    c.add("cancellation_count", std::int64_t{cancellationCount})
        .add("cancellations", cancellations)
        .add("refund_count", std::int64_t{refundCount})
        .add("refunds", refunds)
        .add("cash_in", cashIn)
        .add("cash_out", cashOut)
        .add("opening_float", openingFloat)
        .add("expected_cash", expectedCash);
    if (counted) c.add("counted", counted->str());
    c.add("counted_cash", countedCash)
        .add("difference", difference)
        .add("comment", comment)
        .add("period_total", periodTotal)
        .add("fiscal_year_total", fiscalYearTotal)
        .add("grand_total", grandTotal);
    return c.str();
}

Closing Closing::fromRecord(const ChainRecord& record) {
    ContentReader in(record.content);
    Closing c;
    c.number = record.seq;
    c.hash = record.hash;
    c.period = in.enumValue("period", parseClosingPeriod);
    c.from = in.date("from");
    c.to = in.date("to");
    c.closedAt = in.instant("closed_at");
    c.desk = in.text("desk");
    c.operatorName = in.text("operator");
    c.businessName = in.text("business");
    if (const auto opened = in.optionalText("opened_at")) c.openedAt = parseIsoUtc(*opened, "content");
    c.firstReceipt = in.integer("first_receipt");
    c.lastReceipt = in.integer("last_receipt");
    c.receiptCount = in.count("receipt_count");
    c.byMethod.resize(static_cast<std::size_t>(in.count("methods")));
    for (auto& m : c.byMethod) {
        m.method = in.enumValue("method.method", parsePaymentMethod);
        m.count = in.count("method.count");
        m.amount = in.money("method.amount");
    }
    c.byVat = readVatTotals(in);
    c.cancellationCount = in.count("cancellation_count");
    c.cancellations = in.money("cancellations");
    c.refundCount = in.count("refund_count");
    c.refunds = in.money("refunds");
    c.cashIn = in.money("cash_in");
    c.cashOut = in.money("cash_out");
    c.openingFloat = in.money("opening_float");
    c.expectedCash = in.money("expected_cash");
    if (const auto counted = in.optionalText("counted")) c.counted = CashCount::parse(*counted, "content");
    c.countedCash = in.money("counted_cash");
    c.difference = in.money("difference");
    c.comment = in.text("comment");
    c.periodTotal = in.money("period_total");
    c.fiscalYearTotal = in.money("fiscal_year_total");
    c.grandTotal = in.money("grand_total");
    in.finish();
    return c;
}

// ---- Technical event journal

std::string_view toString(EventKind k) {
    switch (k) {
        case EventKind::SignIn: return "sign_in";
        case EventKind::SignOut: return "sign_out";
        case EventKind::Closing: return "closing";
        case EventKind::Export: return "export";
        case EventKind::Cancellation: return "cancellation";
        case EventKind::RightsChange: return "rights_change";
        case EventKind::IntegrityFailure: return "integrity_failure";
        case EventKind::IntegrityCheck: return "integrity_check";
        case EventKind::CashSessionOpened: return "cash_session_opened";
        case EventKind::CashMovement: return "cash_movement";
        case EventKind::Reprint: return "reprint";
        case EventKind::VoucherExtended: return "voucher_extended";
        case EventKind::OfflineStart: return "offline_start";
        case EventKind::VersionChange: return "version_change";
    }
    return "sign_in";
}

std::optional<EventKind> parseEventKind(std::string_view s) {
    for (auto k : {EventKind::SignIn, EventKind::SignOut, EventKind::Closing, EventKind::Export, EventKind::Cancellation,
                   EventKind::RightsChange, EventKind::IntegrityFailure, EventKind::IntegrityCheck,
                   EventKind::CashSessionOpened, EventKind::CashMovement, EventKind::Reprint, EventKind::VoucherExtended,
                   EventKind::OfflineStart, EventKind::VersionChange})
        if (toString(k) == s) return k;
    return std::nullopt;
}

std::string TechnicalEvent::canonical() const {
    return Canonical().add("kind", toString(kind)).add("at", at).add("employee", employee).add("details", details).str();
}

TechnicalEvent TechnicalEvent::fromRecord(const ChainRecord& record) {
    ContentReader in(record.content);
    TechnicalEvent e;
    e.number = record.seq;
    e.kind = in.enumValue("kind", parseEventKind);
    e.at = in.instant("at");
    e.employee = in.text("employee");
    e.details = in.text("details");
    in.finish();
    return e;
}

}  // namespace narcisse::domain
