// The accountant's PDF reports: their figures gathered here from the same events and journal as the
// CSV files (so the totals agree to the cent), laid out by reports/accounting_pdfs.
//
// The monthly revenue report's figures:
// - a day's sales: desk sales and gift vouchers sold (receipt totals, TTC) plus online payments;
//   its refunds: what desk cancellations and refunds gave back plus online refunds (owed or done);
// - a day's passengers: the people of the parties sold that day (a desk sale's booking, a booking
//   paid online), each booking counted once a day; cancellations do not take them off;
// - by method: money in less money given back, desk receipts' payments and online movements;
// - by VAT rate: the receipts' VAT (a single-purpose voucher's VAT when it is sold, nothing when it
//   pays) and the online movements' VAT, base + VAT = total per rate — the VAT accounts' credits;
// - vouchers redeemed: REDEEM less CREDIT movements of the month; outstanding: the balance of every
//   voucher sold by the end of the month (expired ones too: 4191 keeps them until written off);
// - provider fees: not known yet (no payout report is read from the providers yet);
// - accounts: the balances of the month's journal, the very lines of the journal CSV.
#include "app/accounting_exports.h"

#include "app/accounting_internal.h"
#include "app/fiscal_log.h"
#include "app/settings.h"
#include "domain/errors.h"
#include "reports/accounting_pdfs.h"

#include <map>
#include <set>
#include <unordered_map>

namespace narcisse::app {

using namespace narcisse::domain;
using namespace narcisse::app::accounting_detail;

namespace {

reports::ReportHeader reportHeader(StoreReader& r) {
    const BusinessHeader h = businessHeader(r);
    return {h.name, h.address, h.idLine, h.timeZone};
}

void addVat(std::map<int, VatTotal>& to, const VatTotal& v) {
    auto [it, inserted] = to.try_emplace(v.rateBasisPoints, VatTotal{v.rateBasisPoints, Money::zero(), Money::zero(), Money::zero()});
    it->second.base += v.base;
    it->second.vat += v.vat;
    it->second.total += v.total;
}

void addMethod(std::map<PaymentMethod, MethodTotal>& to, PaymentMethod m, Money amount) {
    auto [it, inserted] = to.try_emplace(m, MethodTotal{m, 0, Money::zero()});
    ++it->second.count;
    it->second.amount += amount;
}

// An online movement's VAT line: signed like the money (a refund negative).
VatTotal onlineVat(const OnlineMovement& m) {
    const Money amount = m.refund ? -m.amount : m.amount;
    const Money vat = amount.vatIncluded(m.vatRateBasisPoints);
    return {m.vatRateBasisPoints, amount - vat, vat, amount};
}

std::map<int, VatTotal> vatOf(const AccountingEvents& events) {
    std::map<int, VatTotal> byRate;
    for (const auto& r : events.receipts)
        for (const auto& v : r.vat) addVat(byRate, v);
    for (const auto& m : events.online) addVat(byRate, onlineVat(m));
    return byRate;
}

template <typename K, typename V>
std::vector<V> values(const std::map<K, V>& m) {
    std::vector<V> out;
    for (const auto& [k, v] : m) out.push_back(v);
    return out;
}

void checkMonth(int year, unsigned month) {
    if (month < 1 || month > 12) throw ValidationError("month", "must be 1 to 12");
    if (!firstOfMonth(year, month).ok()) throw ValidationError("year", "is not a calendar year");
}

void stage(const ProgressFn& progress, std::int64_t done, std::int64_t total) {
    if (progress && !progress(done, total)) throw Cancelled();
}

void journalExport(Store& store, const std::string& details) {
    store.write([&](StoreWriter& w) { recordEvent(w, EventKind::Export, SystemClock().now(), std::nullopt, details); });
}

reports::MonthlyRevenue monthlyRevenue(StoreReader& r, int year, unsigned month, const ProgressFn& progress) {
    const LocalDate first = firstOfMonth(year, month);
    const LocalDate last = lastOfMonth(year, month);
    const JournalSource s = journalSource(r);
    reports::MonthlyRevenue report;
    report.header = reportHeader(r);
    report.year = year;
    report.month = month;

    const AccountingEvents events = accounting_detail::accountingEvents(r, s.zone, first, last);
    stage(progress, 1, 4);
    std::map<date::sys_days, reports::RevenueDay> days;
    auto dayOf = [&](Instant at) -> reports::RevenueDay& {
        const LocalDate d = s.zone.localDate(at);
        auto [it, inserted] = days.try_emplace(date::sys_days{d});
        if (inserted) it->second.date = d;
        return it->second;
    };
    std::set<std::pair<date::sys_days, std::string>> counted;   // (day, booking reference)
    std::unordered_map<std::string, int> people;                 // booking reference → party
    auto passengers = [&](Instant at, const std::string& ref) {
        const LocalDate d = s.zone.localDate(at);
        if (ref.empty() || !counted.insert({date::sys_days{d}, ref}).second) return;
        auto [it, inserted] = people.try_emplace(ref, 0);
        if (inserted)
            if (const auto parsed = PublicRef::tryParse(ref))
                if (const auto booking = r.bookingByRef(*parsed)) it->second = booking->party.people();
        dayOf(at).passengers += it->second;
    };

    std::map<PaymentMethod, MethodTotal> byMethod;
    for (const auto& receipt : events.receipts) {
        auto& day = dayOf(receipt.issuedAt);
        const bool givesBack = receipt.kind == ReceiptKind::Cancellation || receipt.kind == ReceiptKind::Refund;
        if (givesBack) {
            day.refunds -= receipt.total;
            report.refunds -= receipt.total;
            for (const auto& p : receipt.payments)
                if (p.amount.cents() < 0) ++report.refundCount;
        } else {
            day.sales += receipt.total;
        }
        if (receipt.kind == ReceiptKind::VoucherSale) report.vouchersSold += receipt.total;
        if (receipt.kind == ReceiptKind::Sale) passengers(receipt.issuedAt, receipt.reference);
        for (const auto& p : receipt.payments) addMethod(byMethod, p.method, p.amount);
    }
    for (const auto& m : events.online) {
        auto& day = dayOf(m.at);
        if (m.refund) {
            day.refunds += m.amount;
            report.refunds += m.amount;
            ++report.refundCount;
            addMethod(byMethod, m.method, -m.amount);
        } else {
            day.sales += m.amount;
            passengers(m.at, m.bookingRef);
            addMethod(byMethod, m.method, m.amount);
        }
    }
    for (auto& [d, day] : days) {
        day.net = day.sales - day.refunds;
        report.total += day.net;
        report.days.push_back(day);
    }
    report.byMethod = values(byMethod);
    report.byVat = values(vatOf(events));
    stage(progress, 2, 4);

    // Vouchers: the month's redemptions, and every balance at the end of the month.
    const Instant end = s.zone.startOfDay(nextDay(last));
    for (const auto& m : r.voucherMovementsBetween(s.zone.startOfDay(first), end)) {
        if (m.kind == VoucherMovementKind::Redeem) report.vouchersRedeemed += m.amount;
        if (m.kind == VoucherMovementKind::Credit) report.vouchersRedeemed -= m.amount;
    }
    std::unordered_map<Uuid, std::vector<VoucherMovement>> movements;
    for (auto& m : r.voucherMovementsBetween(Instant{}, end)) movements[m.voucherId].push_back(std::move(m));
    for (const auto& v : r.vouchersSold(Instant{}, end)) {
        const auto it = movements.find(v.id);
        report.vouchersOutstanding += voucherStatus(v, it == movements.end() ? std::vector<VoucherMovement>{} : it->second, last).balance;
    }
    stage(progress, 3, 4);

    std::vector<JournalEntry> entries;
    forEachEntry(r, s, first, last, [&](const JournalEntry& e) { entries.push_back(e); });
    report.accounts = accountBalances(entries);
    return report;
}

}  // namespace

void writeMonthlyReport(Store& store, int year, unsigned month, const std::filesystem::path& file,
                        const ProgressFn& progress) {
    checkMonth(year, month);
    if (file.empty()) throw ValidationError("output", "a file name is required");
    reports::MonthlyRevenue report;
    stage(progress, 0, 4);
    store.read([&](StoreReader& r) { report = monthlyRevenue(r, year, month, progress); });
    reports::writeMonthlyRevenuePdf(report, file);
    stage(progress, 4, 4);
    journalExport(store, "monthly report " + monthKey(year, month) + ": " + file.filename().string());
}

void writeVatReport(Store& store, LocalDate from, LocalDate to, const std::filesystem::path& file) {
    checkRange(from, to);
    if (file.empty()) throw ValidationError("output", "a file name is required");
    reports::VatSummary report;
    report.from = from;
    report.to = to;
    store.read([&](StoreReader& r) {
        report.header = reportHeader(r);
        const BusinessZone zone(loadBusinessSettings(r).timeZone);
        std::map<int, VatTotal> whole;
        for (auto m = date::year_month{from.year(), from.month()}; m <= date::year_month{to.year(), to.month()};
             m += date::months{1}) {
            const int y = int(m.year());
            const unsigned mo = unsigned(m.month());
            const LocalDate first = std::max(firstOfMonth(y, mo), from);
            const LocalDate last = std::min(lastOfMonth(y, mo), to);
            const auto byRate = vatOf(accounting_detail::accountingEvents(r, zone, first, last));
            for (const auto& [rate, v] : byRate) addVat(whole, v);
            report.months.push_back({y, mo, values(byRate)});
        }
        report.byRate = values(whole);
        for (const auto& v : report.byRate) {
            report.base += v.base;
            report.vat += v.vat;
            report.total += v.total;
        }
    });
    reports::writeVatSummaryPdf(report, file);
    journalExport(store, "VAT report " + isoDate(from) + " → " + isoDate(to) + ": " + file.filename().string());
}

void writeClosingsReport(Store& store, int year, unsigned month, const std::filesystem::path& file) {
    checkMonth(year, month);
    if (file.empty()) throw ValidationError("output", "a file name is required");
    reports::ClosingsList report;
    report.year = year;
    report.month = month;
    store.read([&](StoreReader& r) {
        report.header = reportHeader(r);
        std::map<PaymentMethod, MethodTotal> byMethod;
        std::map<int, VatTotal> byVat;
        for (LocalDate d = firstOfMonth(year, month); d <= lastOfMonth(year, month); d = nextDay(d)) {
            const auto records = r.chainRecordsOfEntity(Chain::Closing, closingKey(ClosingPeriod::Day, d));
            if (records.empty()) continue;
            Closing c = Closing::fromRecord(records.front());
            report.periodTotal += c.periodTotal;
            for (const auto& m : c.byMethod) {
                auto [it, inserted] = byMethod.try_emplace(m.method, MethodTotal{m.method, 0, Money::zero()});
                it->second.count += m.count;
                it->second.amount += m.amount;
            }
            for (const auto& v : c.byVat) addVat(byVat, v);
            report.closings.push_back(std::move(c));
        }
        report.byMethod = values(byMethod);
        report.byVat = values(byVat);
    });
    reports::writeClosingsListPdf(report, file);
    journalExport(store, "closings report " + monthKey(year, month) + ": " + file.filename().string());
}

}  // namespace narcisse::app
