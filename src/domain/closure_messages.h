// The e-mail a customer receives when a closure moves or cancels their ride, in the booking's
// language (fr, en, de, es, it; anything else gets French, the business's own language).
#pragma once

#include "domain/money.h"
#include "domain/public_ref.h"
#include "domain/time.h"

#include <optional>
#include <string>
#include <string_view>

namespace narcisse::domain {

struct NewPlace {
    Instant start;
    std::string boatName;
};

// What the message says. Exactly one of `movedTo` (the ride moved) or the cancellation applies;
// a cancelled booking with nothing paid gets no refund sentence but "nothing will be charged".
struct ClosureMessageFacts {
    std::string language = "fr";
    std::string customerName;          // empty: a greeting without a name
    PublicRef ref = PublicRef::fromNumber(0);
    Instant departure;                 // the ride that does not sail
    std::string reason;                // as staff typed it (weather, maintenance…)
    std::optional<NewPlace> movedTo;   // empty: cancelled
    Money refund;                      // cancelled only: what will be paid back
    std::string businessName = "Sweet Narcisse";
};

struct ComposedMessage {
    std::string language;              // the one actually used (after the French fallback)
    std::string subject;
    std::string body;                  // plain text, UTF-8, lines separated by "\n"
};

// The languages messages are written in; any other code falls back to "fr".
std::string_view messageLanguage(std::string_view code);

ComposedMessage closureMessage(const ClosureMessageFacts& facts, const BusinessZone& zone);

// "mardi 14 juillet 2026", "Tuesday 14 July 2026", "Dienstag, 14. Juli 2026", "martes 14 de julio
// de 2026", "martedì 14 luglio 2026".
std::string longDate(LocalDate date, std::string_view language);
// "14 h 20", "2:20 pm", "14:20 Uhr", "14:20", "14:20".
std::string wallTime(Minutes sinceMidnight, std::string_view language);
// "24,00 €" everywhere but English ("€24.00").
std::string amount(const Money& money, std::string_view language);

}  // namespace narcisse::domain
