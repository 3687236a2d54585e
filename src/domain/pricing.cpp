#include "domain/pricing.h"

#include "domain/errors.h"

namespace narcisse::domain {

void PriceList::validate() const {
    if (!validFrom.ok()) throw ValidationError("valid from", "is not a date");
    if (adult.cents() < 0) throw ValidationError("adult price", "must not be negative");
    if (child.cents() < 0) throw ValidationError("child price", "must not be negative");
    if (baby.cents() < 0) throw ValidationError("baby price", "must not be negative");
    if (vatRateBasisPoints < 0 || vatRateBasisPoints > 10000)
        throw ValidationError("VAT rate", "must be between 0 and 100 %");
}

const PriceList& priceListOn(const std::vector<PriceList>& lists, LocalDate date) {
    const PriceList* best = nullptr;
    for (const auto& l : lists)
        if (l.validFrom <= date && (!best || best->validFrom < l.validFrom)) best = &l;
    if (!best) throw NotFound("no price list is in force on " + isoDate(date));
    return *best;
}

Quote quoteParty(const PriceList& list, const Party& party) {
    Quote q;
    q.vatRateBasisPoints = list.vatRateBasisPoints;
    q.total = Money::zero(list.adult.currency());
    q.vat = q.total;
    auto add = [&](const char* label, int n, const Money& unit) {
        if (n == 0) return;
        const Money total = unit * n;
        const Money vat = total.vatIncluded(list.vatRateBasisPoints);
        q.lines.push_back({label, n, unit, total, vat});
        q.total += total;
        q.vat += vat;
    };
    add("adult", party.adults, list.adult);
    add("child", party.children, list.child);
    add("baby", party.babies, list.baby);
    return q;
}

}  // namespace narcisse::domain
