// The journal use cases: the chart of accounts from the settings, the events of a period, the journal
// (frozen months as stored, open months generated with a numbering that never depends on the range
// asked), the freeze done by the monthly closing, the view's filters and the check against the
// daily closings.
#include "app/accounting.h"

#include "app/accounting_internal.h"
#include "app/fiscal_log.h"
#include "app/settings.h"
#include "domain/errors.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace narcisse::app {

using namespace narcisse::domain;

namespace accounting_detail {

std::string monthKey(int year, unsigned month) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", year, month);
    return text;
}

LocalDate firstOfMonth(int year, unsigned month) { return LocalDate{date::year{year}, date::month{month}, date::day{1}}; }

LocalDate lastOfMonth(int year, unsigned month) {
    return LocalDate{date::year_month_day_last{date::year{year}, date::month_day_last{date::month{month}}}};
}

LocalDate previousDay(LocalDate d) { return LocalDate{date::sys_days{d} - date::days{1}}; }

void checkRange(LocalDate from, LocalDate to) {
    if (!from.ok()) throw ValidationError("from", "is not a date");
    if (!to.ok()) throw ValidationError("to", "is not a date");
    if (to < from) throw ValidationError("to", "must not be before from (" + isoDate(from) + ")");
}

JournalSource journalSource(StoreReader& r) {
    JournalSource s{loadChartOfAccounts(r), BusinessZone(loadBusinessSettings(r).timeZone), {}};
    for (auto& period : r.frozenPeriods()) s.frozen.insert(std::move(period));
    return s;
}

AccountingEvents accountingEvents(StoreReader& r, const BusinessZone& zone, LocalDate from, LocalDate to) {
    AccountingEvents events;
    const Instant begin = zone.startOfDay(from);
    const Instant end = zone.startOfDay(nextDay(to));
    for (const auto& record : r.chainRecordsBetween(Chain::Receipt, begin, end)) {
        Receipt receipt = Receipt::fromRecord(record);
        receipt.number = record.seq;
        receipt.hash = record.hash;
        events.receipts.push_back(std::move(receipt));
    }

    // The piece reference and the VAT rate of an online movement come from its booking: the rate of
    // the price list in force on the day of the ride (the one the website priced it with).
    std::optional<std::vector<PriceList>> lists;
    std::unordered_map<Uuid, std::optional<Booking>> bookings;
    auto describe = [&](const Uuid& bookingId, OnlineMovement& m) {
        auto [it, inserted] = bookings.try_emplace(bookingId);
        if (inserted) it->second = r.bookingById(bookingId);
        if (!it->second) return;
        m.bookingRef = it->second->ref.str();
        if (!lists) lists = r.priceLists();
        if (!lists->empty()) {
            try {
                m.vatRateBasisPoints =
                    priceListOn(*lists, zone.localDate(it->second->departureStart)).vatRateBasisPoints;
            } catch (const NotFound&) {
                // A ride before the first price list: the earliest list's rate is the best guess there is.
                m.vatRateBasisPoints = lists->front().vatRateBasisPoints;
            }
        }
    };
    auto online = [](PaymentMethod m) { return m == PaymentMethod::Stripe || m == PaymentMethod::PayPal; };

    for (const auto& p : r.paymentsBetween(begin, end)) {
        if (!online(p.method) || p.status != PaymentStatus::Succeeded) continue;
        OnlineMovement m;
        m.id = p.id;
        m.method = p.method;
        m.amount = p.amount;
        m.at = p.createdAt;
        m.providerRef = p.providerRef;
        describe(p.bookingId, m);
        events.online.push_back(std::move(m));
    }
    // A refund without a method is the provider's to make (OWED, then DONE): owed is a liability
    // already, so it is booked when recorded, whatever its status. Refunds with a method went back
    // at the desk and are on a receipt.
    for (const auto& x : r.refundsBetween(begin, end)) {
        if (x.method) continue;
        const auto payment = r.paymentById(x.paymentId);
        if (!payment || !online(payment->method)) continue;
        OnlineMovement m;
        m.id = x.id;
        m.method = payment->method;
        m.amount = x.amount;
        m.refund = true;
        m.at = x.createdAt;
        m.providerRef = payment->providerRef;
        describe(x.bookingId, m);
        events.online.push_back(std::move(m));
    }
    events.cashMovements = r.cashMovementsBetween(begin, end);
    return events;
}

std::vector<JournalEntry> generateOpenRun(StoreReader& r, const JournalSource& s, LocalDate first, LocalDate last) {
    std::map<Journal, std::int64_t> next;
    const LocalDate newYear{first.year(), date::January, date::day{1}};
    if (first != newYear)
        for (const auto& [journal, number] : r.lastJournalNumbers(newYear, previousDay(first))) next[journal] = number + 1;
    return journalEntries(accountingEvents(r, s.zone, first, last), s.chart, s.zone, std::move(next));
}

bool entryOrder(const JournalEntry& a, const JournalEntry& b) {
    return std::make_tuple(date::sys_days{a.date}, journalCode(a.journal), a.number) <
           std::make_tuple(date::sys_days{b.date}, journalCode(b.journal), b.number);
}

namespace {

// A run of months of one year, all frozen or all open, clipped to the range asked; an open run is
// generated from its first month (`generateFrom`) whatever the range, so its numbers never change.
struct Span {
    LocalDate generateFrom;
    LocalDate first;
    LocalDate last;
    bool frozen = false;
};

std::vector<Span> spans(const JournalSource& s, LocalDate from, LocalDate to) {
    std::vector<Span> out;
    for (int y = int(from.year()); y <= int(to.year()); ++y) {
        const unsigned startMonth = y == int(from.year()) ? unsigned(from.month()) : 1;
        const unsigned endMonth = y == int(to.year()) ? unsigned(to.month()) : 12;
        auto frozen = [&](unsigned m) { return s.frozen.count(monthKey(y, m)) > 0; };
        for (unsigned m = 1; m <= endMonth;) {
            unsigned e = m;
            while (e + 1 <= endMonth && frozen(e + 1) == frozen(m)) ++e;
            if (e >= startMonth)
                out.push_back({firstOfMonth(y, m), std::max(firstOfMonth(y, m), from), std::min(lastOfMonth(y, e), to),
                               frozen(m)});
            m = e + 1;
        }
    }
    return out;
}

std::vector<JournalEntry> generatedIn(StoreReader& r, const JournalSource& s, const Span& span) {
    std::vector<JournalEntry> all = generateOpenRun(r, s, span.generateFrom, span.last);
    std::vector<JournalEntry> kept;
    kept.reserve(all.size());
    for (auto& e : all)
        if (!(e.date < span.first) && !(span.last < e.date)) kept.push_back(std::move(e));
    std::stable_sort(kept.begin(), kept.end(), entryOrder);
    return kept;
}

}  // namespace

void forEachEntry(StoreReader& r, const JournalSource& s, LocalDate from, LocalDate to,
                  const std::function<void(const JournalEntry& entry)>& entry) {
    for (const Span& span : spans(s, from, to)) {
        const auto entries = span.frozen ? r.journalEntries(span.first, span.last) : generatedIn(r, s, span);
        for (const auto& e : entries) entry(e);
    }
}

void forEachLine(StoreReader& r, const JournalSource& s, LocalDate from, LocalDate to,
                 const std::function<void(const JournalEntry& entry, const JournalLine& line)>& line) {
    for (const Span& span : spans(s, from, to)) {
        if (span.frozen) {
            r.forEachJournalLine(span.first, span.last, [&](const JournalEntry& e) {
                for (const auto& l : e.lines) line(e, l);
            });
            continue;
        }
        for (const auto& e : generatedIn(r, s, span))
            for (const auto& l : e.lines) line(e, l);
    }
}

}  // namespace accounting_detail

using namespace accounting_detail;

namespace {

constexpr const char* kAccountPrefix = "account.";
constexpr const char* kVatAccountPrefix = "account.vat.";
// The settings table cannot be listed by prefix: the VAT accounts looked up are those of the rates in
// use (price lists) and France's rates.
constexpr int kFrenchRates[] = {210, 550, 1000, 2000};

std::optional<Account> parseAccount(const std::string& value, const Account& fallback) {
    const auto bar = value.find('|');
    Account a;
    a.number = value.substr(0, bar);
    a.label = bar == std::string::npos ? fallback.label : value.substr(bar + 1);
    if (a.number.empty()) return std::nullopt;
    return a;
}

std::string accountValue(const Account& a) { return a.number + "|" + a.label; }

}  // namespace

ChartOfAccounts loadChartOfAccounts(StoreReader& r) {
    ChartOfAccounts chart = ChartOfAccounts::defaults();
    for (AccountRole role : allAccountRoles())
        if (const auto value = r.setting(kAccountPrefix + std::string(toString(role))))
            if (auto a = parseAccount(*value, chart.of(role))) chart.set(role, std::move(*a));
    std::set<int> rates(std::begin(kFrenchRates), std::end(kFrenchRates));
    for (const auto& list : r.priceLists()) rates.insert(list.vatRateBasisPoints);
    for (int rate : rates)
        if (const auto value = r.setting(kVatAccountPrefix + std::to_string(rate)))
            if (auto a = parseAccount(*value, chart.vat(rate))) chart.setVat(rate, std::move(*a));
    return chart;
}

ChartOfAccounts chartOfAccounts(Store& store) {
    ChartOfAccounts chart;
    store.read([&](StoreReader& r) { chart = loadChartOfAccounts(r); });
    return chart;
}

void saveChartOfAccounts(Store& store, const Clock& clock, const ChartOfAccounts& chart, std::optional<Uuid> employeeId) {
    if (const auto problems = chart.problems(); !problems.empty()) {
        // Each problem reads "<role>: <rule>"; the role is the field the settings screen highlights.
        const std::string& first = problems.front();
        const auto colon = first.find(": ");
        if (colon == std::string::npos) throw ValidationError("accounts", first);
        throw ValidationError(first.substr(0, colon), first.substr(colon + 2));
    }
    store.write([&](StoreWriter& w) {
        const Operator op = requireOperator(w, employeeId, Action::EditSettings);
        std::string details;
        for (AccountRole role : allAccountRoles()) {
            const Account& a = chart.of(role);
            w.setSetting(kAccountPrefix + std::string(toString(role)), accountValue(a));
            details += (details.empty() ? "" : ", ") + std::string(toString(role)) + " " + a.number;
        }
        for (const auto& [rate, a] : chart.vatAccounts()) {
            w.setSetting(kVatAccountPrefix + std::to_string(rate), accountValue(a));
            details += ", vat." + std::to_string(rate) + " " + a.number;
        }
        w.appendAudit({Uuid::generate(), clock.now(), op.id, "settings.accounts", "settings", "accounts",
                       "chart of accounts: " + details});
    });
}

AccountingEvents accountingEvents(StoreReader& r, LocalDate from, LocalDate to) {
    return accounting_detail::accountingEvents(r, BusinessZone(loadBusinessSettings(r).timeZone), from, to);
}

JournalView loadJournal(Store& store, LocalDate from, LocalDate to) {
    checkRange(from, to);
    JournalView view;
    store.read([&](StoreReader& r) {
        const JournalSource s = journalSource(r);
        forEachEntry(r, s, from, to, [&](const JournalEntry& e) { view.entries.push_back(e); });
        for (auto m = date::year_month{from.year(), from.month()}; m <= date::year_month{to.year(), to.month()};
             m += date::months{1}) {
            const std::string key = monthKey(int(m.year()), unsigned(m.month()));
            if (s.frozen.count(key)) view.frozenMonths.push_back(key);
        }
    });
    return view;
}

void freezeMonth(StoreWriter& w, int year, unsigned month, Instant now) {
    if (month < 1 || month > 12) throw ValidationError("month", "must be 1 to 12");
    const JournalSource s = journalSource(w);
    const std::string key = monthKey(year, month);
    if (s.frozen.count(key))
        throw ConflictError("the journal of " + key + " is frozen already: its entries never change (a correction is "
                            "a counter-entry in an open month)");
    // Numbers run through the fiscal year: a month is frozen after every earlier month that has anything
    // to book, or the numbers it takes would belong to them.
    for (unsigned m = 1; m < month; ++m) {
        if (s.frozen.count(monthKey(year, m))) continue;
        const AccountingEvents events = accounting_detail::accountingEvents(w, s.zone, firstOfMonth(year, m), lastOfMonth(year, m));
        if (!events.receipts.empty() || !events.online.empty() || !events.cashMovements.empty())
            throw ConflictError("close " + monthKey(year, m) + " first: its journal is still open");
    }
    w.freezeJournal(key, generateOpenRun(w, s, firstOfMonth(year, month), lastOfMonth(year, month)), now);
}

std::vector<JournalRow> filterJournal(const JournalView& view, const ChartOfAccounts& chart, const JournalFilter& filter) {
    std::vector<JournalRow> rows;
    const std::string methodAccount = filter.method ? chart.forMethod(*filter.method).number : std::string();
    for (std::size_t i = 0; i < view.entries.size(); ++i) {
        const JournalEntry& e = view.entries[i];
        if (filter.journal && e.journal != *filter.journal) continue;
        if (filter.method && std::none_of(e.lines.begin(), e.lines.end(),
                                          [&](const JournalLine& l) { return l.account == methodAccount; }))
            continue;
        // The account filter keeps the lines of that account (a ledger), not the whole entries.
        for (std::size_t j = 0; j < e.lines.size(); ++j)
            if (filter.account.empty() || e.lines[j].account.rfind(filter.account, 0) == 0) rows.push_back({i, j});
    }
    return rows;
}

namespace {

struct DayFigures {
    std::map<PaymentMethod, MethodTotal> byMethod;
    std::map<int, VatTotal> byVat;
};

void addMethod(std::map<PaymentMethod, MethodTotal>& to, PaymentMethod m, int count, Money amount) {
    auto [it, inserted] = to.try_emplace(m, MethodTotal{m, 0, Money::zero(amount.currency())});
    it->second.count += count;
    it->second.amount += amount;
}

void addVat(std::map<int, VatTotal>& to, int rate, Money vat) {
    auto [it, inserted] = to.try_emplace(rate, VatTotal{rate, Money::zero(), Money::zero(), Money::zero()});
    it->second.vat += vat;
}

template <typename K, typename V>
std::vector<V> values(const std::map<K, V>& m) {
    std::vector<V> out;
    for (const auto& [k, v] : m) out.push_back(v);
    return out;
}

std::string percent(int basisPoints) {
    char text[16];
    if (basisPoints % 100 == 0)
        std::snprintf(text, sizeof text, "%d %%", basisPoints / 100);
    else
        std::snprintf(text, sizeof text, "%d.%02d %%", basisPoints / 100, basisPoints % 100);
    std::string s = text;
    if (basisPoints % 10 == 0 && basisPoints % 100 != 0) s.erase(s.size() - 3, 1);   // "5.50 %" → "5.5 %"
    return s;
}

}  // namespace

Reconciliation reconcile(Store& store, LocalDate from, LocalDate to) {
    checkRange(from, to);
    Reconciliation result;
    store.read([&](StoreReader& r) {
        const JournalSource s = journalSource(r);
        // The receipts tell a voucher sold (4191 is then the advance, not a voucher paying) from a sale.
        std::unordered_map<std::int64_t, ReceiptKind> kinds;
        // What single-purpose vouchers paid on a receipt carries VAT collected when they were sold:
        // the journal moves only the rest out of 4191; added back, it compares with the closing.
        std::unordered_map<std::int64_t, Money> voucherVat;
        std::set<int> rates;
        for (const auto& record : r.chainRecordsBetween(Chain::Receipt, s.zone.startOfDay(from),
                                                        s.zone.startOfDay(nextDay(to)))) {
            const Receipt receipt = Receipt::fromRecord(record);
            kinds[record.seq] = receipt.kind;
            if (receipt.kind != ReceiptKind::VoucherSale)
                for (const auto& p : receipt.payments)
                    if (p.method == PaymentMethod::Voucher && p.voucherSinglePurpose)
                        voucherVat[record.seq] += voucherVatCollectedAtSale(receipt, p.amount);
            for (const auto& v : receipt.vat)
                if (v.rateBasisPoints > 0) rates.insert(v.rateBasisPoints);
        }
        std::map<date::sys_days, Closing> closings;
        for (LocalDate d = from; d <= to; d = nextDay(d)) {
            const auto records = r.chainRecordsOfEntity(Chain::Closing, closingKey(ClosingPeriod::Day, d));
            if (records.empty()) continue;
            Closing c = Closing::fromRecord(records.front());
            for (const auto& v : c.byVat)
                if (v.rateBasisPoints > 0) rates.insert(v.rateBasisPoints);
            closings.emplace(date::sys_days{d}, std::move(c));
        }
        for (const auto& [rate, account] : s.chart.vatAccounts()) rates.insert(rate);

        // The journal books VAT per account: a rate is known from its account, and rates sharing an
        // account are compared together, under the lowest of them.
        std::map<std::string, int> rateOfAccount;
        for (int rate : rates) rateOfAccount.try_emplace(s.chart.vat(rate).number, rate);
        auto groupRate = [&](int rate) { return rateOfAccount.at(s.chart.vat(rate).number); };
        std::map<std::string, PaymentMethod> methodOfAccount;
        for (PaymentMethod m : {PaymentMethod::Cash, PaymentMethod::Card, PaymentMethod::Voucher})
            methodOfAccount.try_emplace(s.chart.forMethod(m).number, m);
        const std::string advances = s.chart.of(AccountRole::VoucherAdvances).number;

        std::map<date::sys_days, DayFigures> journal;
        DayFigures whole;
        forEachEntry(r, s, from, to, [&](const JournalEntry& e) {
            if (e.journal != Journal::Sales || e.source.rfind("receipt:", 0) != 0) return;
            const std::int64_t number = std::stoll(e.source.substr(8));
            const auto kind = kinds.find(number);
            const bool voucherSold = kind != kinds.end() && kind->second == ReceiptKind::VoucherSale;
            DayFigures& day = journal[date::sys_days{e.date}];
            for (const auto& l : e.lines) {
                Money signedAmount = l.debit - l.credit;
                if (l.account == advances && !voucherSold)
                    if (const auto v = voucherVat.find(number); v != voucherVat.end()) signedAmount += v->second;
                if (const auto m = methodOfAccount.find(l.account);
                    m != methodOfAccount.end() && !(voucherSold && l.account == advances)) {
                    addMethod(day.byMethod, m->second, 1, signedAmount);
                    addMethod(whole.byMethod, m->second, 1, signedAmount);
                } else if (const auto v = rateOfAccount.find(l.account); v != rateOfAccount.end()) {
                    addVat(day.byVat, v->second, -signedAmount);
                    addVat(whole.byVat, v->second, -signedAmount);
                }
            }
        });

        std::set<date::sys_days> days;
        for (const auto& [d, f] : journal) days.insert(d);
        for (const auto& [d, c] : closings) days.insert(d);
        for (const auto d : days) {
            DayCheck check;
            check.date = LocalDate{d};
            const auto j = journal.find(d);
            if (j != journal.end()) {
                check.journalByMethod = values(j->second.byMethod);
                check.journalByVat = values(j->second.byVat);
            }
            const auto c = closings.find(d);
            check.closed = c != closings.end();
            if (check.closed) {
                check.closingByMethod = c->second.byMethod;
                check.closingByVat = c->second.byVat;
                std::map<PaymentMethod, std::pair<Money, Money>> methods;   // journal, closing
                for (const auto& m : check.journalByMethod) methods[m.method].first += m.amount;
                for (const auto& m : check.closingByMethod) methods[m.method].second += m.amount;
                for (const auto& [method, amounts] : methods)
                    if (amounts.first != amounts.second)
                        check.differences.push_back(std::string(toString(method)) + ": journal " +
                                                    amounts.first.display() + ", closing " + amounts.second.display());
                std::map<int, std::pair<Money, Money>> vat;
                for (const auto& v : check.journalByVat) vat[v.rateBasisPoints].first += v.vat;
                for (const auto& v : check.closingByVat)   // rate 0: outside VAT, nothing booked
                    if (v.rateBasisPoints > 0) vat[groupRate(v.rateBasisPoints)].second += v.vat;
                for (const auto& [rate, amounts] : vat)
                    if (amounts.first != amounts.second)
                        check.differences.push_back("VAT " + percent(rate) + ": journal " + amounts.first.display() +
                                                    ", closing " + amounts.second.display());
            }
            if (!check.differences.empty()) ++result.differences;
            result.days.push_back(std::move(check));
        }
        result.byMethod = values(whole.byMethod);
        result.byVat = values(whole.byVat);
    });
    return result;
}

}  // namespace narcisse::app
