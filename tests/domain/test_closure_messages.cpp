// The message a customer reads when a closure moves or cancels their ride: in their booking's
// language, dates, times and amounts written the way that language writes them.
#include "domain/closure_messages.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {

ClosureMessageFacts moved(const char* language) {
    ClosureMessageFacts f;
    f.language = language;
    f.customerName = "Élodie Brändle";
    f.ref = PublicRef::fromNumber(123456);
    f.departure = utc("2026-07-14T12:00:00Z");   // 14:00 in Colmar
    f.reason = "Orage";
    f.movedTo = NewPlace{utc("2026-07-14T14:20:00Z"), "Lauch"};
    return f;
}

ClosureMessageFacts cancelled(const char* language, Money refund = Money::cents(2400)) {
    auto f = moved(language);
    f.movedTo.reset();
    f.refund = refund;
    return f;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("French: the moved ride, its new departure and boat", "[domain][closure]") {
    const BusinessZone paris;
    const auto m = closureMessage(moved("fr"), paris);
    const std::string ref = PublicRef::fromNumber(123456).str();
    CHECK(m.language == "fr");
    CHECK(m.subject == "Votre promenade en barque du 14 juillet 2026 est déplacée");
    CHECK(m.body.rfind("Bonjour Élodie Brändle,\n\n", 0) == 0);
    CHECK(has(m.body, "la promenade en barque prévue le mardi 14 juillet 2026 à 14 h 00 (réservation " + ref +
                          ") ne peut pas avoir lieu. Motif : Orage."));
    CHECK(has(m.body, "sur le départ du mardi 14 juillet 2026 à 16 h 20, à bord de la barque « Lauch »."));
    CHECK(has(m.body, "\nL'équipe Sweet Narcisse\n"));
}

TEST_CASE("French: the cancelled ride and its refund", "[domain][closure]") {
    const BusinessZone paris;
    const auto m = closureMessage(cancelled("fr"), paris);
    CHECK(m.subject == "Votre promenade en barque du 14 juillet 2026 est annulée");
    CHECK(has(m.body, "Votre réservation est donc annulée. Nous vous remboursons 24,00\u00A0€ sur le moyen de "
                      "paiement que vous avez utilisé"));
    const auto unpaid = closureMessage(cancelled("fr", Money::zero()), paris);
    CHECK(has(unpaid.body, "Comme vous n'aviez encore rien payé, aucun montant ne vous sera débité."));
    CHECK_FALSE(has(unpaid.body, "rembours"));
}

TEST_CASE("English: 12-hour times and the euro sign first", "[domain][closure]") {
    const BusinessZone paris;
    const auto m = closureMessage(moved("en"), paris);
    CHECK(m.subject == "Your boat ride on 14 July 2026 has been moved");
    CHECK(m.body.rfind("Hello Élodie Brändle,\n\n", 0) == 0);
    CHECK(has(m.body, "the boat ride planned for Tuesday 14 July 2026 at 2:00 pm"));
    CHECK(has(m.body, "cannot take place. Reason: Orage."));
    CHECK(has(m.body, "on the departure of Tuesday 14 July 2026 at 4:20 pm, aboard the boat \"Lauch\"."));
    const auto c = closureMessage(cancelled("en", Money::cents(123450)), paris);
    CHECK(c.subject == "Your boat ride on 14 July 2026 has been cancelled");
    CHECK(has(c.body, "We will refund €1,234.50 to the payment method you used"));
}

TEST_CASE("German: formal address, 24-hour times with Uhr", "[domain][closure]") {
    const BusinessZone paris;
    const auto m = closureMessage(moved("de"), paris);
    CHECK(m.subject == "Ihre Bootsfahrt am 14. Juli 2026 wurde verlegt");
    CHECK(m.body.rfind("Guten Tag Élodie Brändle,\n\nleider müssen wir Ihnen mitteilen, dass die für Dienstag, "
                       "14. Juli 2026 um 14:00 Uhr geplante Bootsfahrt",
                       0) == 0);
    CHECK(has(m.body, "bei der Abfahrt am Dienstag, 14. Juli 2026 um 16:20 Uhr an Bord des Bootes „Lauch“ reserviert."));
    const auto c = closureMessage(cancelled("de", Money::cents(123450)), paris);
    CHECK(c.subject == "Ihre Bootsfahrt am 14. Juli 2026 wurde abgesagt");
    CHECK(has(c.body, "Wir erstatten Ihnen 1.234,50\u00A0€ auf das von Ihnen verwendete Zahlungsmittel"));
    CHECK(has(c.body, "\nMit freundlichen Grüßen\nIhr Team von Sweet Narcisse\n"));
}

TEST_CASE("Spanish: usted, 'de julio de 2026'", "[domain][closure]") {
    const BusinessZone paris;
    const auto m = closureMessage(moved("es"), paris);
    CHECK(m.subject == "Cambio en su paseo en barca del 14 de julio de 2026");
    CHECK(m.body.rfind("Hola, Élodie Brändle:\n\n", 0) == 0);
    CHECK(has(m.body, "el paseo en barca previsto para el martes 14 de julio de 2026 a las 14:00"));
    CHECK(has(m.body, "en la salida del martes 14 de julio de 2026 a las 16:20, a bordo de la barca «Lauch»."));
    const auto c = closureMessage(cancelled("es"), paris);
    CHECK(c.subject == "Cancelación de su paseo en barca del 14 de julio de 2026");
    CHECK(has(c.body, "Le reembolsaremos 24,00\u00A0€ en el medio de pago que utilizó"));
}

TEST_CASE("Italian: Lei, 'martedì 14 luglio 2026 alle 14:00'", "[domain][closure]") {
    const BusinessZone paris;
    const auto m = closureMessage(moved("it"), paris);
    CHECK(m.subject == "Il Suo giro in barca del 14 luglio 2026 è stato spostato");
    CHECK(m.body.rfind("Gentile Élodie Brändle,\n\nsiamo spiacenti di comunicarLe", 0) == 0);
    CHECK(has(m.body, "previsto per martedì 14 luglio 2026 alle 14:00"));
    CHECK(has(m.body, "sulla partenza di martedì 14 luglio 2026 alle 16:20, a bordo della barca «Lauch»."));
    const auto c = closureMessage(cancelled("it"), paris);
    CHECK(c.subject == "Il Suo giro in barca del 14 luglio 2026 è stato annullato");
    CHECK(has(c.body, "Le rimborseremo 24,00\u00A0€ sul metodo di pagamento utilizzato"));
}

TEST_CASE("An unknown language gets French; no name gets a plain greeting; the reason keeps one full stop",
          "[domain][closure]") {
    const BusinessZone paris;
    auto f = moved("nl");
    f.customerName.clear();
    f.reason = "Crue de la Lauch.";
    const auto m = closureMessage(f, paris);
    CHECK(m.language == "fr");
    CHECK(m.subject == "Votre promenade en barque du 14 juillet 2026 est déplacée");
    CHECK(m.body.rfind("Bonjour,\n\n", 0) == 0);
    CHECK(has(m.body, "Motif : Crue de la Lauch.\n"));
    CHECK(messageLanguage("EN") == "fr");   // codes are stored lower-case; anything else is unknown
}

TEST_CASE("Dates, times and amounts per language", "[domain][closure]") {
    const LocalDate d = day(2026, 3, 1);   // a Sunday
    CHECK(longDate(d, "fr") == "dimanche 1 mars 2026");
    CHECK(longDate(d, "en") == "Sunday 1 March 2026");
    CHECK(longDate(d, "de") == "Sonntag, 1. März 2026");
    CHECK(longDate(d, "es") == "domingo 1 de marzo de 2026");
    CHECK(longDate(d, "it") == "domenica 1 marzo 2026");
    CHECK(wallTime(Minutes{9 * 60 + 5}, "fr") == "9 h 05");
    CHECK(wallTime(Minutes{0}, "en") == "12:00 am");
    CHECK(wallTime(Minutes{12 * 60 + 30}, "en") == "12:30 pm");
    CHECK(wallTime(Minutes{9 * 60 + 5}, "de") == "09:05 Uhr");
    CHECK(amount(Money::cents(123450), "fr") == "1\u202F234,50\u00A0€");
    CHECK(amount(Money::cents(750), "en") == "€7.50");
    CHECK(amount(Money::cents(750), "it") == "7,50\u00A0€");
}
