#include "domain/booking_messages.h"

#include <array>

namespace narcisse::domain {

namespace {

// Formal address as in the closure messages; %D date, %T time, %B boat, %R reference, %P party,
// %A amount, %N name, %S business.
struct Wording {
    const char* subject;
    const char* greetingNamed;
    const char* greetingAnonymous;
    const char* body;
    const char* paid;
    const char* due;
    const char* qr;
    const char* closing;
    const char* signature;
    std::array<const char*, 3> people;   // adults, children, babies
};

const Wording kFrench{"Votre promenade en barque du %D (réservation %R)", "Bonjour %N,", "Bonjour,",
                      "Nous vous confirmons votre promenade en barque le %D à %T, à bord de la barque « %B » : %P.",
                      "Votre réservation est réglée (%A).", "Il vous reste %A à régler au guichet avant le départ.",
                      "Présentez la référence %R (ou son QR code) à l'embarcadère 10 minutes avant le départ.",
                      "À bientôt sur les canaux,", "L'équipe %S", {"adulte(s)", "enfant(s)", "bébé(s)"}};
const Wording kEnglish{"Your boat ride on %D (booking %R)", "Hello %N,", "Hello,",
                       "We confirm your boat ride on %D at %T, aboard the boat \"%B\": %P.",
                       "Your booking is paid (%A).", "%A remains to be paid at the ticket office before departure.",
                       "Show the reference %R (or its QR code) at the landing stage 10 minutes before departure.",
                       "See you soon on the canals,", "The %S team", {"adult(s)", "child(ren)", "baby/babies"}};
const Wording kGerman{"Ihre Bootsfahrt am %D (Buchung %R)", "Guten Tag %N,", "Guten Tag,",
                      "wir bestätigen Ihre Bootsfahrt am %D um %T an Bord des Bootes „%B“: %P.",
                      "Ihre Buchung ist bezahlt (%A).", "Bitte zahlen Sie die restlichen %A vor der Abfahrt am Schalter.",
                      "Zeigen Sie die Buchungsnummer %R (oder ihren QR-Code) 10 Minuten vor der Abfahrt an der Anlegestelle vor.",
                      "Bis bald auf den Kanälen,", "Ihr %S-Team", {"Erwachsene", "Kind(er)", "Baby(s)"}};
const Wording kSpanish{"Su paseo en barca del %D (reserva %R)", "Hola, %N:", "Hola:",
                       "Le confirmamos su paseo en barca el %D a las %T, a bordo de la barca «%B»: %P.",
                       "Su reserva está pagada (%A).", "Le quedan %A por pagar en la taquilla antes de la salida.",
                       "Presente la referencia %R (o su código QR) en el embarcadero 10 minutos antes de la salida.",
                       "Hasta pronto en los canales,", "El equipo de %S", {"adulto(s)", "niño(s)", "bebé(s)"}};
const Wording kItalian{"La sua gita in barca del %D (prenotazione %R)", "Buongiorno %N,", "Buongiorno,",
                       "Le confermiamo la gita in barca del %D alle %T, a bordo della barca «%B»: %P.",
                       "La prenotazione è pagata (%A).", "Restano da pagare %A alla biglietteria prima della partenza.",
                       "Presenti il riferimento %R (o il suo codice QR) all'imbarcadero 10 minuti prima della partenza.",
                       "A presto sui canali,", "Lo staff di %S", {"adulto/i", "bambino/i", "neonato/i"}};

const Wording& wordingFor(std::string_view language) {
    if (language == "en") return kEnglish;
    if (language == "de") return kGerman;
    if (language == "es") return kSpanish;
    if (language == "it") return kItalian;
    return kFrench;
}

std::string fill(std::string text, char key, const std::string& value) {
    const std::string marker = {'%', key};
    for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at + value.size()))
        text.replace(at, 2, value);
    return text;
}

}  // namespace

ComposedMessage confirmationMessage(const ConfirmationFacts& facts, const BusinessZone& zone) {
    ComposedMessage m;
    m.language = std::string(messageLanguage(facts.language));
    const Wording& w = wordingFor(m.language);
    std::string party;
    const std::array<int, 3> counts{facts.adults, facts.children, facts.babies};
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > 0) party += (party.empty() ? "" : ", ") + std::to_string(counts[i]) + " " + w.people[i];
    auto fillAll = [&](std::string text, const Money& amountValue) {
        text = fill(std::move(text), 'D', longDate(zone.localDate(facts.departure), m.language));
        text = fill(std::move(text), 'T', wallTime(zone.localMinutes(facts.departure), m.language));
        text = fill(std::move(text), 'B', facts.boatName);
        text = fill(std::move(text), 'R', facts.ref.str());
        text = fill(std::move(text), 'P', party);
        text = fill(std::move(text), 'A', amount(amountValue, m.language));
        text = fill(std::move(text), 'N', facts.customerName);
        return fill(std::move(text), 'S', facts.businessName);
    };
    m.subject = fillAll(w.subject, facts.total);
    m.body = fillAll(facts.customerName.empty() ? w.greetingAnonymous : w.greetingNamed, facts.total) + "\n\n" +
             fillAll(w.body, facts.total) + "\n" +
             (facts.due > Money::zero() ? fillAll(w.due, facts.due) : fillAll(w.paid, facts.total)) + "\n\n" +
             fillAll(w.qr, facts.total) + "\n\n" + fillAll(w.closing, facts.total) + "\n" +
             fillAll(w.signature, facts.total) + "\n";
    return m;
}

}  // namespace narcisse::domain
