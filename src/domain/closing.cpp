// The arithmetic of the closings (Z): daily from the day's receipts and drawer, monthly and annual
// from the closings they cover. Their canonical form is in fiscal.cpp with the other chained records.
#include "domain/fiscal.h"

#include "domain/errors.h"

#include <algorithm>

namespace narcisse::domain {

namespace {
bool sameYear(LocalDate a, LocalDate b) { return a.year() == b.year(); }

// std::map orders PaymentMethod as the enum declares it, which is the order a closing lists them in.
std::vector<MethodTotal> methodList(const std::map<PaymentMethod, MethodTotal>& byMethod) {
    std::vector<MethodTotal> out;
    for (const auto& [method, total] : byMethod) out.push_back(total);
    return out;
}

std::vector<VatTotal> vatList(const std::map<int, VatTotal>& byRate) {
    std::vector<VatTotal> out;
    for (const auto& [rate, total] : byRate) out.push_back(total);
    return out;
}

void addVat(std::map<int, VatTotal>& byRate, const VatTotal& v) {
    auto [it, inserted] = byRate.try_emplace(v.rateBasisPoints, v);
    if (inserted) return;
    it->second.base += v.base;
    it->second.vat += v.vat;
    it->second.total += v.total;
}

void addMethod(std::map<PaymentMethod, MethodTotal>& byMethod, PaymentMethod method, int count, Money amount) {
    auto [it, inserted] = byMethod.try_emplace(method, MethodTotal{method, 0, Money::zero(amount.currency())});
    it->second.count += count;
    it->second.amount += amount;
}

bool blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}
}  // namespace

Closing computeDailyClosing(const DailyClosingInput& in) {
    Closing c;
    c.period = ClosingPeriod::Day;
    c.from = in.date;
    c.to = in.date;
    std::map<PaymentMethod, MethodTotal> byMethod;
    std::map<int, VatTotal> byVat;
    Money cashTakings;
    Money cashRefunds;
    for (const auto& r : in.receipts) {
        ++c.receiptCount;
        c.firstReceipt = c.firstReceipt == 0 ? r.number : std::min(c.firstReceipt, r.number);
        c.lastReceipt = std::max(c.lastReceipt, r.number);
        c.periodTotal += r.total;
        if (r.kind == ReceiptKind::Cancellation) {
            ++c.cancellationCount;
            c.cancellations -= r.total;
        }
        const bool givesBack = r.kind == ReceiptKind::Cancellation || r.kind == ReceiptKind::Refund;
        for (const auto& p : r.payments) {
            addMethod(byMethod, p.method, 1, p.amount);
            const bool negative = p.amount.cents() < 0;
            if (negative && givesBack) {
                ++c.refundCount;
                c.refunds -= p.amount;
            }
            if (p.method == PaymentMethod::Cash) {
                if (negative) cashRefunds -= p.amount;
                else cashTakings += p.amount;
            }
        }
        for (const auto& v : r.vat) addVat(byVat, v);
    }
    c.byMethod = methodList(byMethod);
    c.byVat = vatList(byVat);
    for (const auto& m : in.movements) {
        if (m.amount.cents() > 0) c.cashIn += m.amount;
        else c.cashOut -= m.amount;
    }
    if (in.session) {
        c.desk = in.session->desk;
        c.openedAt = in.session->openedAt;
        c.openingFloat = in.session->openingFloat;
    }
    c.expectedCash = expectedCash(c.openingFloat, cashTakings, cashRefunds, in.movements);
    c.counted = in.counted;
    c.countedCash = in.counted.total();
    c.difference = c.countedCash - c.expectedCash;
    c.comment = in.comment;
    if (c.difference.cents() != 0 && blank(c.comment))
        throw ValidationError("comment", "is required when the count differs from the expected cash by " +
                                             c.difference.display() + " (counted " + c.countedCash.display() +
                                             ", expected " + c.expectedCash.display() + ")");
    c.fiscalYearTotal = in.previous && sameYear(in.previous->to, in.date)
                            ? in.previous->fiscalYearTotal + c.periodTotal
                            : c.periodTotal;
    c.grandTotal = (in.previous ? in.previous->grandTotal : Money()) + c.periodTotal;
    return c;
}

Closing aggregateClosings(ClosingPeriod period, LocalDate from, LocalDate to, const std::vector<Closing>& parts,
                          const std::optional<Closing>& previous) {
    std::vector<const Closing*> ordered;
    for (const auto& p : parts) ordered.push_back(&p);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Closing* a, const Closing* b) {
        return date::sys_days{a->from} < date::sys_days{b->from};
    });

    Closing c;
    c.period = period;
    c.from = from;
    c.to = to;
    std::map<PaymentMethod, MethodTotal> byMethod;
    std::map<int, VatTotal> byVat;
    for (const Closing* p : ordered) {
        c.receiptCount += p->receiptCount;
        if (p->firstReceipt != 0) c.firstReceipt = c.firstReceipt == 0 ? p->firstReceipt : std::min(c.firstReceipt, p->firstReceipt);
        c.lastReceipt = std::max(c.lastReceipt, p->lastReceipt);
        for (const auto& m : p->byMethod) addMethod(byMethod, m.method, m.count, m.amount);
        for (const auto& v : p->byVat) addVat(byVat, v);
        c.cancellationCount += p->cancellationCount;
        c.cancellations += p->cancellations;
        c.refundCount += p->refundCount;
        c.refunds += p->refunds;
        c.cashIn += p->cashIn;
        c.cashOut += p->cashOut;
        c.expectedCash += p->expectedCash;
        c.countedCash += p->countedCash;
        c.difference += p->difference;
        c.periodTotal += p->periodTotal;
    }
    c.byMethod = methodList(byMethod);
    c.byVat = vatList(byVat);
    if (!ordered.empty()) {
        c.openingFloat = ordered.front()->openingFloat;
        c.desk = ordered.back()->desk;
        c.businessName = ordered.back()->businessName;
        // The running totals at the end of the period are those of its last part: adding the period
        // total to `previous` again would count the period twice when `previous` is one of its parts
        // (the latest closing usually is).
        c.fiscalYearTotal = ordered.back()->fiscalYearTotal;
        c.grandTotal = ordered.back()->grandTotal;
    } else {
        c.fiscalYearTotal = previous && sameYear(previous->to, to) ? previous->fiscalYearTotal : Money();
        c.grandTotal = previous ? previous->grandTotal : Money();
    }
    return c;
}

}  // namespace narcisse::domain
