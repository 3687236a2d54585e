// The demo season: a plausible year of Sweet Narcisse on the canals of Colmar, drawn from one seed so
// that a screenshot, a bug report or a benchmark can be reproduced exactly.
#include "app/demo_data.h"

#include "app/settings.h"
#include "data/password.h"
#include "domain/errors.h"

#include <algorithm>
#include <array>
#include <random>
#include <string_view>
#include <memory>
#include <unordered_set>

namespace narcisse::app {

namespace {

using namespace domain;

// std::*_distribution differ between standard libraries; these draws do not, so a seed gives the
// same season everywhere.
class Dice {
public:
    explicit Dice(std::uint64_t seed) : m_engine(seed) {}
    std::uint64_t raw() { return m_engine(); }
    int below(int n) { return n <= 1 ? 0 : static_cast<int>(m_engine() % static_cast<std::uint64_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool chance(int percent) { return below(100) < percent; }
    template <std::size_t N>
    std::string_view pick(const std::array<std::string_view, N>& items) { return items[below(static_cast<int>(N))]; }
    // An index drawn with the given integer weights.
    template <std::size_t N>
    int weighted(const std::array<int, N>& weights) {
        int total = 0;
        for (int w : weights) total += w;
        int roll = below(total);
        for (std::size_t i = 0; i < N; ++i) {
            if (roll < weights[i]) return static_cast<int>(i);
            roll -= weights[i];
        }
        return static_cast<int>(N) - 1;
    }

private:
    std::mt19937_64 m_engine;
};

// A version-7 UUID stamped with the record's own time and drawn from the seed: the demo's rows keep
// the same identities from one generation to the next, and stay time-ordered like generated ones.
Uuid makeId(Dice& dice, Instant at) {
    std::array<std::uint8_t, 16> b{};
    const auto ms = static_cast<std::uint64_t>(at.time_since_epoch().count()) * 1000 +
                    static_cast<std::uint64_t>(dice.below(1000));
    for (int i = 0; i < 6; ++i) b[i] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    const std::uint64_t r1 = dice.raw();
    const std::uint64_t r2 = dice.raw();
    for (int i = 6; i < 8; ++i) b[i] = static_cast<std::uint8_t>(r1 >> (8 * (i - 6)));
    for (int i = 8; i < 16; ++i) b[i] = static_cast<std::uint8_t>(r2 >> (8 * (i - 8)));
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x70);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
        text += kHex[b[i] >> 4];
        text += kHex[b[i] & 0x0F];
    }
    return *Uuid::parse(text);
}

struct BoatSpec {
    const char* name;
    int capacity;
    const char* colour;
};
// Named after the rivers, quarters and landmarks the rides pass; 92 seats in all.
constexpr std::array<BoatSpec, 8> kFleet{{
    {"Lauch", 12, "#2E86AB"},
    {"Ill", 12, "#E4572E"},
    {"Krutenau", 12, "#76B041"},
    {"Petite Venise", 11, "#F3A712"},
    {"Tanneurs", 12, "#8E44AD"},
    {"Poissonnerie", 10, "#17BEBB"},
    {"Koïfhus", 12, "#C0392B"},
    {"Bartholdi", 11, "#34495E"},
}};

struct EmployeeSpec {
    const char* login;
    const char* name;
    Role role;
};
constexpr std::array<EmployeeSpec, 12> kStaff{{
    {"mathieu", "Mathieu Kieffer", Role::Admin},
    {"claire", "Claire Meyer", Role::Manager},
    {"antoine", "Antoine Muller", Role::Manager},
    {"sophie", "Sophie Walter", Role::Manager},
    {"nathalie", "Nathalie Schmitt", Role::Accountant},
    {"lucas", "Lucas Fischer", Role::Staff},
    {"hugo", "Hugo Weber", Role::Staff},
    {"theo", "Théo Koenig", Role::Staff},
    {"julien", "Julien Haas", Role::Staff},
    {"pierre", "Pierre Zimmermann", Role::Staff},
    {"emile", "Émile Hoffmann", Role::Staff},
    {"lea", "Léa Bauer", Role::Staff},
}};

struct LanguagePeople {
    std::string_view code;
    int weight;                                 // share of the bookings, in percent
    std::array<std::string_view, 12> first;
    std::array<std::string_view, 12> last;
    std::string_view phonePrefix;
};
constexpr std::array<LanguagePeople, 5> kPeople{{
    {"fr", 45,
     {"Camille", "Léa", "Manon", "Chloé", "Julie", "Isabelle", "Thomas", "Nicolas", "Maxime", "Philippe", "François",
      "Élodie"},
     {"Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Schmitt", "Meyer", "Klein", "Weiss", "Hartmann",
      "Ehrhart"},
     "+33 6"},
    {"de", 25,
     {"Anna", "Lena", "Julia", "Katharina", "Sabine", "Petra", "Jonas", "Lukas", "Felix", "Stefan", "Andreas",
      "Jürgen"},
     {"Müller", "Schmidt", "Schneider", "Fischer", "Becker", "Wagner", "Hoffmann", "Schäfer", "Koch", "Richter",
      "Braun", "Krüger"},
     "+49 151"},
    {"en", 15,
     {"Oliver", "Jack", "Harry", "George", "Emily", "Olivia", "Sophie", "Charlotte", "James", "William", "Grace",
      "Hannah"},
     {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Evans", "Roberts", "Walker",
      "Hughes"},
     "+44 7700"},
    {"es", 8,
     {"Lucía", "María", "Carmen", "Sofía", "Paula", "Javier", "Pablo", "Alejandro", "Sergio", "Marta", "Elena",
      "Carlos"},
     {"García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Díaz",
      "Romero", "Navarro"},
     "+34 6"},
    {"it", 7,
     {"Giulia", "Francesca", "Chiara", "Sara", "Alessandro", "Lorenzo", "Matteo", "Marco", "Luca", "Giorgia",
      "Federica", "Andrea"},
     {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
      "Gallo"},
     "+39 3"},
}};

constexpr std::array<std::string_view, 5> kNotes{
    "Anniversaire de mariage", "Fauteuil roulant : aide à l'embarquement", "Demande une photo au départ",
    "Petit chien en panier", "Groupe d'amis, souhaite le même bateau"};

// E-mail addresses are ASCII: fold the accents of the names above.
std::string asciiLower(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, char>, 14> kFold{{{"é", 'e'}, {"è", 'e'}, {"É", 'e'},
                                                                           {"ë", 'e'}, {"í", 'i'}, {"ï", 'i'},
                                                                           {"á", 'a'}, {"ä", 'a'}, {"ó", 'o'},
                                                                           {"ö", 'o'}, {"ü", 'u'}, {"ñ", 'n'},
                                                                           {"ç", 'c'}, {"Ü", 'u'}}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool folded = false;
        for (const auto& [from, to] : kFold)
            if (text.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                folded = true;
                break;
            }
        if (folded) continue;
        const char c = text[i++];
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
}

std::string digits(Dice& dice, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out += static_cast<char>('0' + dice.below(10));
    return out;
}

std::string providerRef(Dice& dice, PaymentMethod method) {
    static constexpr std::string_view kAlnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    std::string out = method == PaymentMethod::Stripe ? "pi_3" : "";
    const int length = method == PaymentMethod::Stripe ? 20 : 17;
    const int alphabet = method == PaymentMethod::Stripe ? 62 : 36;   // PayPal capture ids are upper case
    for (int i = 0; i < length; ++i) out += kAlnum[dice.below(alphabet)];
    return out;
}

Party drawParty(Dice& dice) {
    const int roll = dice.below(100);
    if (roll < 12) return {1, 0, 0};
    if (roll < 57) return {2, 0, 0};
    if (roll < 67) return {3, 0, 0};
    if (roll < 74) return {4, 0, 0};
    if (roll < 78) return {dice.between(5, 6), 0, 0};
    if (roll < 84) return {1, dice.between(1, 2), 0};
    Party family{2, dice.between(1, 3), 0};
    if (dice.chance(30)) family.babies = 1;
    if (family.people() > 6) family.children = 6 - family.adults - family.babies;
    return family;
}

LocalDate plusDays(LocalDate d, int days) { return LocalDate{date::sys_days{d} + date::days{days}}; }

class SeasonBuilder {
public:
    // `refsUsed` is shared by the seasons of one store, so no two bookings get the same reference.
    SeasonBuilder(const DemoOptions& options, Instant now, const BusinessSettings& settings,
                  std::unordered_set<std::uint64_t>& refsUsed)
        : m_options(options), m_now(now), m_settings(settings), m_zone(settings.timeZone), m_dice(options.seed),
          m_refDice(options.seed ^ 0x5eed'0f'5eed'0f'5eedULL), m_refsUsed(refsUsed),
          m_seasonStart{date::year{options.season}, date::April, date::day{1}},
          m_seasonEnd{date::year{options.season}, date::October, date::day{31}} {}

    // The first season creates the fleet and the staff; later ones sail with those of `first`.
    void build(const std::string& passwordHash, const SeasonBuilder* first = nullptr);

    std::vector<Boat> boats;
    std::vector<Employee> employees;
    std::vector<TimetableRule> rules;
    PriceList prices;
    std::vector<Block> blocks;
    std::vector<Customer> customers;
    std::vector<Booking> bookings;
    std::vector<Payment> payments;

private:
    void buildFleetAndStaff(const std::string& passwordHash);
    void buildClosures();
    void buildTimetableAndPrices();
    void buildCells();
    void buildBookings();
    std::optional<std::pair<std::size_t, std::size_t>> placeParty(int seats);
    void addBooking(std::size_t departure, std::size_t boat, const Party& party);

    const DemoOptions& m_options;
    Instant m_now;
    BusinessSettings m_settings;
    BusinessZone m_zone;
    Dice m_dice;
    Dice m_refDice;   // references come from their own stream: the same seed gives the same ones
    std::unordered_set<std::uint64_t>& m_refsUsed;
    LocalDate m_seasonStart;
    LocalDate m_seasonEnd;
    std::vector<Departure> m_departures;       // the whole season, in order
    std::vector<std::uint64_t> m_cumulative;   // running sum of the departures' weights
    std::vector<int> m_free;                   // [departure × boat]: seats left, -1 when closed
    int m_pending = 0;
};

void SeasonBuilder::build(const std::string& passwordHash, const SeasonBuilder* first) {
    if (first) {
        boats = first->boats;
        employees = first->employees;
    } else {
        buildFleetAndStaff(passwordHash);
    }
    buildClosures();
    buildTimetableAndPrices();
    buildCells();
    buildBookings();
}

void SeasonBuilder::buildFleetAndStaff(const std::string& passwordHash) {
    const Instant founded = m_zone.startOfDay(LocalDate{date::year{m_options.season}, date::January, date::day{1}});
    int order = 0;
    for (const auto& spec : kFleet) {
        Boat boat{makeId(m_dice, founded), spec.name, spec.capacity, BoatStatus::InService, spec.colour, ++order};
        boat.validate();
        boats.push_back(std::move(boat));
    }
    for (const auto& spec : kStaff) {
        Employee e{makeId(m_dice, founded), spec.login, spec.name, spec.role, true, passwordHash,
                   std::string(spec.login) + "@sweet-narcisse.example"};
        e.validate();
        employees.push_back(std::move(e));
    }
}

// Day offsets from 1 April, so a seed closes the same days of the season whatever the year.
void SeasonBuilder::buildClosures() {
    auto wholeDay = [&](LocalDate d, const char* reason, std::optional<Uuid> boat, int days) {
        const Instant start = m_zone.startOfDay(d);
        blocks.push_back({makeId(m_dice, start), start, m_zone.startOfDay(plusDays(d, days)), boat, reason});
    };
    auto afternoon = [&](LocalDate d, int fromHour, const char* reason) {
        const Instant start = m_zone.resolve(d, Minutes{fromHour * 60}).instant;
        blocks.push_back({makeId(m_dice, start), start, m_zone.resolve(d, Minutes{(fromHour + 2) * 60}).instant,
                          std::nullopt, reason});
    };
    // Spring: the Lauch rises with the snowmelt of the Vosges; two days without sailing.
    const LocalDate flood = plusDays(m_seasonStart, m_dice.between(5, 50));
    wholeDay(flood, "Crue de la Lauch : navigation interdite", std::nullopt, 1);
    wholeDay(plusDays(flood, 1), "Crue de la Lauch : navigation interdite", std::nullopt, 1);
    // Summer: thunderstorms close an afternoon now and then (June to August, distinct days).
    std::vector<int> stormDays;
    while (stormDays.size() < 4) {
        const int offset = m_dice.between(61, 152);
        const int fromHour = m_dice.between(14, 16);
        if (std::find(stormDays.begin(), stormDays.end(), offset) != stormDays.end()) continue;
        stormDays.push_back(offset);
        afternoon(plusDays(m_seasonStart, offset), fromHour, "Orage : navigation suspendue");
    }
    // Autumn: one day of gale.
    wholeDay(plusDays(m_seasonStart, m_dice.between(160, 200)), "Tempête : vents violents annoncés", std::nullopt, 1);
    // One boat out of the water for a week of yearly maintenance, in May or early June.
    const auto& boat = boats[static_cast<std::size_t>(m_dice.below(static_cast<int>(boats.size())))];
    wholeDay(plusDays(m_seasonStart, m_dice.between(40, 65)), "Entretien annuel : carénage et peinture", boat.id, 7);
    for (const auto& b : blocks) b.validate();
}

void SeasonBuilder::buildTimetableAndPrices() {
    const date::year y{m_options.season};
    const Instant january = m_zone.startOfDay(LocalDate{y, date::January, date::day{1}});
    auto rule = [&](LocalDate from, LocalDate to, Minutes last) {
        TimetableRule r{makeId(m_dice, january), from, to, 0x7F, Minutes{10 * 60}, last, Minutes{20}, Minutes{45}};
        r.validate();
        rules.push_back(r);
    };
    rule(m_seasonStart, LocalDate{y, date::June, date::day{30}}, Minutes{18 * 60 + 40});
    rule(LocalDate{y, date::July, date::day{1}}, LocalDate{y, date::August, date::day{31}}, Minutes{20 * 60});
    rule(LocalDate{y, date::September, date::day{1}}, m_seasonEnd, Minutes{18 * 60 + 40});
    prices = PriceList{makeId(m_dice, january), LocalDate{y, date::January, date::day{1}}, Money::cents(1200),
                       Money::cents(700), Money::cents(0), 1000};
    prices.validate();
}

// Every departure of the season, weighted by how busy it plausibly is: summer, weekends, holidays
// and afternoons fill up; April mornings stay quiet.
void SeasonBuilder::buildCells() {
    static constexpr std::array<int, 7> kMonth{40, 65, 90, 150, 170, 85, 45};   // April … October
    static constexpr std::array<int, 7> kWeekday{9, 9, 9, 10, 12, 17, 15};     // Monday … Sunday
    auto timeWeight = [](Minutes local) {
        const auto h = local.count() / 60;
        if (h < 11) return 5;
        if (h < 12) return 7;
        if (h < 14) return 8;
        if (h < 17) return 12;
        if (h < 18) return 10;
        return 8;
    };
    std::uint64_t running = 0;
    for (LocalDate d = m_seasonStart; d <= m_seasonEnd; d = nextDay(d)) {
        const unsigned month = static_cast<unsigned>(d.month());
        const unsigned day = static_cast<unsigned>(d.day());
        const bool holiday = (month == 5 && (day == 1 || day == 8)) || (month == 7 && day == 14) ||
                             (month == 8 && day == 15);
        const int dayWeight = kMonth[month - 4] * kWeekday[static_cast<std::size_t>(isoWeekday(d) - 1)] *
                              (holiday ? 15 : 10);
        for (const auto& dep : departuresOn(rules, d, m_zone).departures) {
            bool anyOpen = false;
            for (const auto& boat : boats) {
                const bool closed = std::any_of(blocks.begin(), blocks.end(), [&](const Block& b) {
                    return b.covers(boat.id, dep.start, dep.end);
                });
                m_free.push_back(closed ? -1 : boat.capacity);
                anyOpen = anyOpen || !closed;
            }
            const auto weight = anyOpen ? static_cast<std::uint64_t>(dayWeight * timeWeight(dep.localStart)) : 0;
            running += weight;
            m_departures.push_back(dep);
            m_cumulative.push_back(running);
        }
    }
}

// A departure and the boat that fits the party best (fewest seats left that still seat it), as the
// desk would choose; busy departures that are full send the party to another one.
std::optional<std::pair<std::size_t, std::size_t>> SeasonBuilder::placeParty(int seats) {
    if (m_cumulative.empty() || m_cumulative.back() == 0) return std::nullopt;
    const std::size_t nBoats = boats.size();
    for (int attempt = 0; attempt < 40; ++attempt) {
        const std::uint64_t roll = m_dice.raw() % m_cumulative.back();
        const auto dep = static_cast<std::size_t>(
            std::upper_bound(m_cumulative.begin(), m_cumulative.end(), roll) - m_cumulative.begin());
        std::optional<std::size_t> best;
        for (std::size_t b = 0; b < nBoats; ++b) {
            const int free = m_free[dep * nBoats + b];
            if (free >= seats && (!best || free < m_free[dep * nBoats + *best])) best = b;
        }
        if (best) return std::make_pair(dep, *best);
    }
    return std::nullopt;
}

void SeasonBuilder::buildBookings() {
    bookings.reserve(static_cast<std::size_t>(std::max(0, m_options.bookings)));
    for (int i = 0; i < m_options.bookings; ++i) {
        const Party party = drawParty(m_dice);
        const auto place = placeParty(party.seats(m_settings.babiesTakeSeat));
        if (!place) continue;
        addBooking(place->first, place->second, party);
    }
}

void SeasonBuilder::addBooking(std::size_t departureIndex, std::size_t boatIndex, const Party& party) {
    static constexpr std::array<Channel, 3> kChannels{Channel::Web, Channel::Desk, Channel::Phone};
    static constexpr std::array<int, 3> kChannelWeights{58, 32, 10};
    static constexpr auto kLanguage = [] {
        std::array<int, kPeople.size()> weights{};
        for (std::size_t i = 0; i < kPeople.size(); ++i) weights[i] = kPeople[i].weight;
        return weights;
    }();
    const Departure& dep = m_departures[departureIndex];
    const auto& people = kPeople[static_cast<std::size_t>(m_dice.weighted(kLanguage))];
    const bool past = dep.start <= m_now;
    auto channel = kChannels[static_cast<std::size_t>(m_dice.weighted(kChannelWeights))];
    // Walk-ins buy at the desk for the same day: a later departure still to come was booked online.
    if (channel == Channel::Desk && !past && m_zone.localDate(dep.start) != m_zone.localDate(m_now))
        channel = Channel::Web;
    const int stateRoll = m_dice.below(100);

    Booking b;
    b.ref = [&] {
        for (;;) {
            const std::uint64_t n = m_refDice.raw();
            if (m_refsUsed.insert(n & ((std::uint64_t{1} << 35) - 1)).second) return PublicRef::fromNumber(n);
        }
    }();
    b.boatId = boats[boatIndex].id;
    b.departureStart = dep.start;
    b.departureEnd = dep.end;
    b.party = party;
    b.language = std::string(people.code);
    b.channel = channel;
    b.total = quoteParty(prices, party).total;

    // How long before the ride it was booked: the website weeks ahead, the desk just before.
    int leadMinutes = 0;
    switch (channel) {
        case Channel::Web: {
            static constexpr std::array<int, 4> kLead{30, 35, 25, 10};
            static constexpr std::array<std::pair<int, int>, 4> kDays{{{0, 1}, {2, 7}, {8, 30}, {31, 90}}};
            const auto [lo, hi] = kDays[static_cast<std::size_t>(m_dice.weighted(kLead))];
            leadMinutes = m_dice.between(lo, hi) * 24 * 60 + m_dice.between(30, 600);
            break;
        }
        case Channel::Desk: leadMinutes = m_dice.between(5, 180); break;
        case Channel::Phone: leadMinutes = m_dice.between(1, 14) * 24 * 60 + m_dice.between(0, 600); break;
    }
    b.createdAt = dep.start - Minutes{leadMinutes};
    if (b.createdAt >= m_now) {
        // Not booked yet by that rule: spread it over the weeks before now rather than pile every
        // such sale into today's takings.
        b.createdAt = m_now - Minutes{channel == Channel::Desk ? m_dice.between(1, 120)
                                                               : m_dice.between(10, 60 * 24 * 60)};
    }

    // States as the season would have left them at `now`.
    const bool mayDefault = channel != Channel::Desk;   // desk parties pay and board on the spot
    if (past) {
        if (mayDefault && stateRoll < 5) b.state = BookingState::Cancelled;
        else if (mayDefault && stateRoll < 8) b.state = BookingState::NoShow;
        else b.state = BookingState::Completed;
    } else if (channel == Channel::Phone && stateRoll < 25 && m_pending < 12) {
        // A recent call still waiting for its payment: taken within the first half of the payment
        // delay, so the seats stay held for a while after the demo is generated.
        b.state = BookingState::Pending;
        const int halfDelaySeconds = std::max(1, m_settings.pendingExpiryMinutes * 30);
        b.createdAt = m_now - std::chrono::seconds{1 + m_dice.below(halfDelaySeconds)};
        b.expiresAt = b.createdAt + Minutes{m_settings.pendingExpiryMinutes};
        ++m_pending;
    } else {
        b.state = BookingState::Confirmed;
    }
    b.id = makeId(m_dice, b.createdAt);

    // The website and the telephone always take a name; half the walk-ins give one.
    if (channel != Channel::Desk || m_dice.chance(50)) {
        const auto first = m_dice.pick(people.first);
        const auto last = m_dice.pick(people.last);
        Customer c{makeId(m_dice, b.createdAt), std::string(first) + " " + std::string(last), "", "",
                   b.language};
        if (channel == Channel::Web)
            c.email = asciiLower(first) + "." + asciiLower(last) + "@example." +
                      (b.language == "en" ? "com" : b.language);
        if (channel == Channel::Phone) c.phone = std::string(people.phonePrefix) + " " + digits(m_dice, 8);
        b.customerId = c.id;
        b.customerName = c.name;
        customers.push_back(std::move(c));
    }
    if (party.babies > 0 && m_dice.chance(40)) b.notes = "Poussette pliable";
    else if (m_dice.chance(3)) b.notes = std::string(m_dice.pick(kNotes));

    if (b.state != BookingState::Cancelled)   // a cancellation gave its seats back
        m_free[departureIndex * boats.size() + boatIndex] -= party.seats(m_settings.babiesTakeSeat);

    const bool paid = b.state == BookingState::Completed || b.state == BookingState::NoShow ||
                      b.state == BookingState::Confirmed;
    if (paid) {
        Payment p;
        switch (channel) {
            case Channel::Web: p.method = m_dice.chance(75) ? PaymentMethod::Stripe : PaymentMethod::PayPal; break;
            case Channel::Desk: p.method = m_dice.chance(65) ? PaymentMethod::Card : PaymentMethod::Cash; break;
            case Channel::Phone: p.method = m_dice.chance(50) ? PaymentMethod::Card : PaymentMethod::Cash; break;
        }
        p.bookingId = b.id;
        p.amount = b.total;
        p.status = PaymentStatus::Succeeded;
        p.createdAt = b.createdAt;
        if (channel == Channel::Phone)   // paid later: at the desk or by card over the phone
            p.createdAt = std::min({b.createdAt + Minutes{m_dice.between(2, 60)}, dep.start, m_now});
        if (p.method == PaymentMethod::Stripe || p.method == PaymentMethod::PayPal)
            p.providerRef = providerRef(m_dice, p.method);
        p.id = makeId(m_dice, p.createdAt);
        payments.push_back(std::move(p));
    }
    bookings.push_back(std::move(b));
}

}  // namespace

int defaultDemoSeason(domain::LocalDate today) {
    const int year = static_cast<int>(today.year());
    return today.month() > date::October ? year + 1 : year;
}

DemoSummary generateDemoData(domain::Store& store, const DemoOptions& options, const domain::Clock& clock) {
    if (options.season < 2000 || options.season > 2100)
        throw ValidationError("season", "must be a year between 2000 and 2100");
    if (options.bookings < 0 || options.bookings > 1'000'000)
        throw ValidationError("bookings", "must be between 0 and 1,000,000");
    if (options.seasons < 1 || options.seasons > 20) throw ValidationError("seasons", "must be between 1 and 20");

    BusinessSettings settings;
    auto refuseFilled = [](StoreReader& r) {
        if (!r.boats().empty())
            throw ConflictError("this database already holds boats; demo data only goes into an empty database");
    };
    store.read([&](StoreReader& r) {
        refuseFilled(r);
        settings = loadBusinessSettings(r);
    });

    // bcrypt is slow on purpose: one hash for the twelve accounts, computed outside the transaction.
    const std::string hash = data::hashPassword(kDemoPassword);
    // Older seasons first; each gets its share of the bookings and its own stream of dice.
    std::unordered_set<std::uint64_t> refsUsed;
    std::vector<std::unique_ptr<SeasonBuilder>> seasons;
    std::vector<DemoOptions> seasonOptions;
    for (int k = 0; k < options.seasons; ++k) {
        DemoOptions o = options;
        o.season = options.season - options.seasons + 1 + k;
        o.seed = options.seed + 0x9E37'79B9ULL * static_cast<std::uint64_t>(options.seasons - 1 - k);
        o.bookings = options.bookings / options.seasons + (k == options.seasons - 1 ? options.bookings % options.seasons : 0);
        o.seasons = 1;
        seasonOptions.push_back(o);
    }
    for (const auto& o : seasonOptions) {
        seasons.push_back(std::make_unique<SeasonBuilder>(o, clock.now(), settings, refsUsed));
        seasons.back()->build(hash, seasons.size() > 1 ? seasons.front().get() : nullptr);
    }

    DemoSummary summary;
    store.write([&](StoreWriter& w) {
        refuseFilled(w);   // another program may have filled it since the check above
        const SeasonBuilder& first = *seasons.front();
        for (const auto& b : first.boats) w.saveBoat(b);
        for (const auto& e : first.employees) w.saveEmployee(e);
        summary.boats = static_cast<int>(first.boats.size());
        summary.employees = static_cast<int>(first.employees.size());
        for (const auto& season : seasons) {
            for (const auto& r : season->rules) w.saveTimetableRule(r);
            w.savePriceList(season->prices);
            for (const auto& b : season->blocks) w.insertBlock(b);
            for (const auto& c : season->customers) w.saveCustomer(c);
            for (const auto& b : season->bookings) w.insertBooking(b);
            for (const auto& p : season->payments) w.insertPayment(p);
            summary.bookings += static_cast<int>(season->bookings.size());
            summary.payments += static_cast<int>(season->payments.size());
            summary.closures += static_cast<int>(season->blocks.size());
        }
        w.setSetting(setting_keys::kDemo, "1");
        w.setSetting(setting_keys::kBusinessName, "Sweet Narcisse");
        w.appendAudit({Uuid::generate(), clock.now(), std::nullopt, "demo.generate", "store", "",
                       "demo season" + (options.seasons > 1 ? "s " + std::to_string(seasonOptions.front().season) + "–" : " ") +
                           std::to_string(options.season) + " (seed " + std::to_string(options.seed) +
                           "): " + std::to_string(summary.bookings) + " bookings"});
    });
    return summary;
}

}  // namespace narcisse::app
