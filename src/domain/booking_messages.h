// The confirmation e-mail a customer receives (again) for a booking, in the booking's language
// (fr, en, de, es, it; anything else gets French).
#pragma once

#include "domain/closure_messages.h"

namespace narcisse::domain {

struct ConfirmationFacts {
    std::string language = "fr";
    std::string customerName;          // empty: a greeting without a name
    PublicRef ref = PublicRef::fromNumber(0);
    Instant departure;
    std::string boatName;
    int adults = 0;
    int children = 0;
    int babies = 0;
    Money total;
    Money due;                         // still to pay at the desk; zero when paid
    std::string businessName = "Sweet Narcisse";
};

ComposedMessage confirmationMessage(const ConfirmationFacts& facts, const BusinessZone& zone);

}  // namespace narcisse::domain
