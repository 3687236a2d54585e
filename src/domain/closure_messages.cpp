#include "domain/closure_messages.h"

#include <array>

namespace narcisse::domain {

namespace {

// Each language's words, written as a native speaker would write to a customer: formal address
// (vous, Sie, usted, Lei), the date and time as that country writes them.
struct Wording {
    std::array<const char*, 7> weekdays;    // Sunday first (date::weekday's C encoding)
    std::array<const char*, 12> months;
    const char* subjectMoved;               // %D: the date of the ride, without weekday
    const char* subjectCancelled;
    const char* greetingNamed;              // %N: the customer's name
    const char* greetingAnonymous;
    const char* whatHappened;               // %W: when the ride was planned, %R: ref, %C: reason
    const char* moved;                      // %W: the new departure, %B: the boat
    const char* movedReply;
    const char* refund;                     // %A: the amount
    const char* nothingPaid;
    const char* apology;
    const char* closing;
    const char* signature;                  // %S: the business name
    const char* at;                         // between the date and the time
};

const Wording kFrench{
    {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
    {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
     "décembre"},
    "Votre promenade en barque du %D est déplacée",
    "Votre promenade en barque du %D est annulée",
    "Bonjour %N,",
    "Bonjour,",
    "Nous sommes au regret de vous informer que la promenade en barque prévue le %W (réservation %R) ne peut pas "
    "avoir lieu. Motif : %C.",
    "Nous vous avons réservé une place sur le départ du %W, à bord de la barque « %B ». Le nombre de passagers et le "
    "montant de votre réservation restent inchangés.",
    "Si ce nouvel horaire ne vous convient pas, répondez simplement à ce message.",
    "Votre réservation est donc annulée. Nous vous remboursons %A sur le moyen de paiement que vous avez utilisé ; "
    "le remboursement est en cours de traitement.",
    "Votre réservation est donc annulée. Comme vous n'aviez encore rien payé, aucun montant ne vous sera débité.",
    "Nous vous prions de bien vouloir nous excuser pour ce désagrément.",
    "Cordialement,",
    "L'équipe %S",
    " à ",
};

const Wording kEnglish{
    {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
     "December"},
    "Your boat ride on %D has been moved",
    "Your boat ride on %D has been cancelled",
    "Hello %N,",
    "Hello,",
    "We are sorry to let you know that the boat ride planned for %W (booking %R) cannot take place. Reason: %C.",
    "We have booked you a place on the departure of %W, aboard the boat \"%B\". Your party and the price of your "
    "booking stay the same.",
    "If this new time does not suit you, simply reply to this message.",
    "Your booking has therefore been cancelled. We will refund %A to the payment method you used; the refund is "
    "being processed.",
    "Your booking has therefore been cancelled. As nothing had been paid yet, you will not be charged anything.",
    "Please accept our apologies for the inconvenience.",
    "Kind regards,",
    "The %S team",
    " at ",
};

const Wording kGerman{
    {"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
    {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
     "Dezember"},
    "Ihre Bootsfahrt am %D wurde verlegt",
    "Ihre Bootsfahrt am %D wurde abgesagt",
    "Guten Tag %N,",
    "Guten Tag,",
    "leider müssen wir Ihnen mitteilen, dass die für %W geplante Bootsfahrt (Buchung %R) nicht stattfinden kann. "
    "Grund: %C.",
    "Wir haben für Sie einen Platz bei der Abfahrt am %W an Bord des Bootes „%B“ reserviert. Personenzahl und "
    "Preis Ihrer Buchung bleiben unverändert.",
    "Falls Ihnen die neue Uhrzeit nicht passt, antworten Sie einfach auf diese Nachricht.",
    "Ihre Buchung wurde daher storniert. Wir erstatten Ihnen %A auf das von Ihnen verwendete Zahlungsmittel; die "
    "Erstattung wird bearbeitet.",
    "Ihre Buchung wurde daher storniert. Da Sie noch nichts bezahlt hatten, wird Ihnen nichts berechnet.",
    "Wir bitten Sie, die Unannehmlichkeiten zu entschuldigen.",
    "Mit freundlichen Grüßen",
    "Ihr Team von %S",
    " um ",
};

const Wording kSpanish{
    {"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"},
    {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
     "diciembre"},
    "Cambio en su paseo en barca del %D",
    "Cancelación de su paseo en barca del %D",
    "Hola, %N:",
    "Hola:",
    "Lamentamos comunicarle que el paseo en barca previsto para el %W (reserva %R) no puede realizarse. Motivo: %C.",
    "Le hemos reservado una plaza en la salida del %W, a bordo de la barca «%B». El número de pasajeros y el importe "
    "de su reserva no cambian.",
    "Si este nuevo horario no le conviene, basta con responder a este mensaje.",
    "Por lo tanto, su reserva queda cancelada. Le reembolsaremos %A en el medio de pago que utilizó; el reembolso "
    "está en trámite.",
    "Por lo tanto, su reserva queda cancelada. Como aún no había realizado ningún pago, no se le cobrará nada.",
    "Le pedimos disculpas por las molestias.",
    "Atentamente,",
    "El equipo de %S",
    " a las ",
};

const Wording kItalian{
    {"domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"},
    {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
     "novembre", "dicembre"},
    "Il Suo giro in barca del %D è stato spostato",
    "Il Suo giro in barca del %D è stato annullato",
    "Gentile %N,",
    "Gentile cliente,",
    "siamo spiacenti di comunicarLe che il giro in barca previsto per %W (prenotazione %R) non può avere luogo. "
    "Motivo: %C.",
    "Le abbiamo riservato un posto sulla partenza di %W, a bordo della barca «%B». Il numero di passeggeri e "
    "l'importo della prenotazione restano invariati.",
    "Se il nuovo orario non Le va bene, risponda semplicemente a questo messaggio.",
    "La Sua prenotazione è quindi annullata. Le rimborseremo %A sul metodo di pagamento utilizzato; il rimborso è in "
    "corso.",
    "La Sua prenotazione è quindi annullata. Poiché non era ancora stato effettuato alcun pagamento, non Le sarà "
    "addebitato nulla.",
    "Ci scusiamo per il disagio.",
    "Cordiali saluti,",
    "Lo staff di %S",
    " alle ",
};

const Wording& wordingOf(std::string_view language) {
    if (language == "en") return kEnglish;
    if (language == "de") return kGerman;
    if (language == "es") return kSpanish;
    if (language == "it") return kItalian;
    return kFrench;
}

// Replaces each %X of `pattern` with its value; the values are never scanned again, so a reason
// typed with a "%" in it stays as typed.
std::string fill(std::string_view pattern, std::initializer_list<std::pair<char, std::string_view>> values) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size()) {
            bool replaced = false;
            for (const auto& [key, value] : values)
                if (key == pattern[i + 1]) {
                    out += value;
                    replaced = true;
                    break;
                }
            if (replaced) {
                ++i;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

std::string twoDigits(long long n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// The date without its weekday, for subjects: "14 juillet 2026", "14. Juli 2026", …
std::string shortDate(LocalDate date, std::string_view language) {
    const Wording& w = wordingOf(language);
    const std::string day = std::to_string(static_cast<unsigned>(date.day()));
    const std::string month = w.months[static_cast<unsigned>(date.month()) - 1];
    const std::string year = std::to_string(static_cast<int>(date.year()));
    if (language == "de") return day + ". " + month + " " + year;
    if (language == "es") return day + " de " + month + " de " + year;
    return day + " " + month + " " + year;
}

// The sentence adds its own full stop: "Orage." typed by staff must not read "Orage..".
std::string reasonText(std::string_view reason) {
    while (!reason.empty() && (reason.back() == '.' || reason.back() == ' ')) reason.remove_suffix(1);
    while (!reason.empty() && reason.front() == ' ') reason.remove_prefix(1);
    return std::string(reason);
}

std::string when(Instant t, std::string_view language, const BusinessZone& zone) {
    return longDate(zone.localDate(t), language) + wordingOf(language).at + wallTime(zone.localMinutes(t), language);
}

}  // namespace

std::string_view messageLanguage(std::string_view code) {
    for (std::string_view known : {"fr", "en", "de", "es", "it"})
        if (code == known) return known;
    return "fr";
}

std::string longDate(LocalDate date, std::string_view language) {
    language = messageLanguage(language);
    const unsigned weekday = date::weekday{date::sys_days{date}}.c_encoding();
    const std::string name = wordingOf(language).weekdays[weekday];
    return name + (language == "de" ? ", " : " ") + shortDate(date, language);
}

std::string wallTime(Minutes sinceMidnight, std::string_view language) {
    language = messageLanguage(language);
    const long long h = sinceMidnight.count() / 60;
    const long long m = sinceMidnight.count() % 60;
    if (language == "fr") return std::to_string(h) + " h " + twoDigits(m);
    if (language == "en") return std::to_string(h % 12 == 0 ? 12 : h % 12) + ":" + twoDigits(m) + (h < 12 ? " am" : " pm");
    if (language == "de") return twoDigits(h) + ":" + twoDigits(m) + " Uhr";
    return twoDigits(h) + ":" + twoDigits(m);
}

std::string amount(const Money& money, std::string_view language) {
    language = messageLanguage(language);
    const std::string symbol = money.currency() == "EUR" ? "€" : money.currency();
    if (language == "en") {
        // "€24.00", and "-€24.00" rather than "€-24.00"
        const std::string digits = Money::cents(money.cents() < 0 ? -money.cents() : money.cents(), money.currency())
                                       .format('.', ",");
        return (money.cents() < 0 ? "-" : "") + symbol + (money.currency() == "EUR" ? "" : " ") + digits;
    }
    // A narrow no-break space between thousands and before the currency (French typography; the
    // other languages read it the same way).
    return money.format(',', language == "fr" ? "\u202F" : ".") + "\u00A0" + symbol;
}

ComposedMessage closureMessage(const ClosureMessageFacts& facts, const BusinessZone& zone) {
    ComposedMessage m;
    m.language = std::string(messageLanguage(facts.language));
    const std::string_view lang = m.language;
    const Wording& w = wordingOf(lang);
    const std::string day = shortDate(zone.localDate(facts.departure), lang);
    m.subject = fill(facts.movedTo ? w.subjectMoved : w.subjectCancelled, {{'D', day}});

    std::string body;
    body += facts.customerName.empty() ? std::string(w.greetingAnonymous) : fill(w.greetingNamed, {{'N', facts.customerName}});
    body += "\n\n";
    body += fill(w.whatHappened, {{'W', when(facts.departure, lang, zone)}, {'R', facts.ref.str()}, {'C', reasonText(facts.reason)}});
    body += "\n\n";
    if (facts.movedTo) {
        body += fill(w.moved, {{'W', when(facts.movedTo->start, lang, zone)}, {'B', facts.movedTo->boatName}});
        body += "\n";
        body += w.movedReply;
    } else if (facts.refund.cents() > 0) {
        body += fill(w.refund, {{'A', amount(facts.refund, lang)}});
    } else {
        body += w.nothingPaid;
    }
    body += "\n\n";
    body += w.apology;
    body += "\n\n";
    body += w.closing;
    body += "\n";
    body += fill(w.signature, {{'S', facts.businessName}});
    body += "\n";
    m.body = std::move(body);
    return m;
}

}  // namespace narcisse::domain
