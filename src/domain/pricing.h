// Price lists and the price of a party: per-line amounts, VAT per line rounded half up.
#pragma once

#include "domain/booking.h"
#include "domain/money.h"
#include "domain/time.h"
#include "domain/uuid.h"

#include <string>
#include <vector>

namespace narcisse::domain {

struct PriceList {
    Uuid id;
    LocalDate validFrom;
    Money adult;
    Money child;
    Money baby;
    int vatRateBasisPoints = 1000;   // 10 % (passenger transport; see reference/ACCOUNTING-FR.md)

    void validate() const;
};

struct PriceLine {
    std::string label;               // "adult", "child", "baby"
    int quantity = 0;
    Money unitPrice;
    Money total;                     // tax included
    Money vat;                       // contained in total
};

struct Quote {
    std::vector<PriceLine> lines;    // only lines with a quantity
    Money total;
    Money vat;
    int vatRateBasisPoints = 0;
};

// The price list in force on `date` is the one with the latest validFrom not after it.
// Throws NotFound when none is.
const PriceList& priceListOn(const std::vector<PriceList>& lists, LocalDate date);
Quote quoteParty(const PriceList& list, const Party& party);

}  // namespace narcisse::domain
