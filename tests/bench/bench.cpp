// Measures and prints the performance budgets of DESIGN.md §10 that the storage layer answers for:
// (a) one day's planning from an embedded store of 200,000 bookings, (b) one desk sale through
// PgStore against the same SQL run bare by pgbench, (c) the CSV export of 1,000,000 journal lines
// against psql's \copy of the same rows, (d) the monthly PDF report of 20,000 payments.
// Figures only: nothing here passes or fails.
#include "app/accounting_exports.h"
#include "app/demo_data.h"
#include "app/fiscal_log.h"
#include "app/planning.h"
#include "app/sales.h"
#include "app/store_factory.h"
#include "data/pg_store.h"
#include "domain/errors.h"
#include "support/engines.h"

// The test support library reports misuse through Catch2; this program brings Catch's
// implementation (no main, no test run) so that it links.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <numeric>
#include <regex>
#include <sstream>
#include <thread>

using namespace narcisse;
using namespace narcisse::domain;
using Stopwatch = std::chrono::steady_clock;

namespace {

struct Options {
    std::string pg;
    int bookings = 200'000;
    int planningRuns = 400;
    int sales = 2000;
    int journalLines = 1'000'000;
    int reportPayments = 20'000;
    bool quick = false;
    std::string only;   // "c,d": the sections to run; empty: all

    bool runs(char section) const { return only.empty() || only.find(section) != std::string::npos; }
};

struct Stats {
    double mean = 0, median = 0, p95 = 0, min = 0, max = 0;   // milliseconds
};

Stats statsOf(std::vector<double> ms) {
    Stats s;
    if (ms.empty()) return s;
    std::sort(ms.begin(), ms.end());
    s.mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    s.median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
    s.p95 = ms[static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(ms.size()))) - 1];
    s.min = ms.front();
    s.max = ms.back();
    return s;
}

double msSince(Stopwatch::time_point start) {
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

std::string fixed(double v, int decimals = 3) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << v;
    return out.str();
}

std::string thousands(long long n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

void row(const std::string& label, const std::string& a, const std::string& b = "", const std::string& c = "",
         const std::string& d = "") {
    std::cout << "  " << std::left << std::setw(34) << label << std::right << std::setw(11) << a << std::setw(11) << b
              << std::setw(11) << c << "  " << d << '\n';
}

// --- (a) the day planning on the embedded store ---------------------------------------------------

// `seasons` seasons ending with 2026 share the bookings; the days measured are those of 2026.
void benchPlanning(const Options& o, int seasons, const std::string& title) {
    std::cout << "\n(a) One day's planning from the embedded store (app::loadDayPlanning, SQLite): " << title << "\n";
    test::TempDir dir;
    const auto path = dir.file("bench.db");
    auto store = app::openStore(path);
    const FixedClock genClock(parseIsoUtc("2026-01-15T09:00:00Z", "now"));
    const auto genStart = Stopwatch::now();
    const auto summary =
        app::generateDemoData(*store, app::DemoOptions{.bookings = o.bookings, .seasons = seasons}, genClock);
    const double genMs = msSince(genStart);
    std::cout << "  store: " << thousands(summary.bookings) << " bookings, " << summary.boats << " boats, "
              << summary.closures << " closures (demo seasons " << 2027 - seasons << "–2026), generated in "
              << fixed(genMs / 1000, 1) << " s; "
              << thousands(static_cast<long long>(std::filesystem::file_size(path) / 1024)) << " KiB\n";

    // Every date of the 2026 season that has departures, visited in a scattered order.
    std::vector<TimetableRule> rules;
    store->read([&](StoreReader& r) { rules = r.timetableRules(); });
    std::erase_if(rules, [](const TimetableRule& r) { return r.validFrom.year() != date::year{2026}; });
    const BusinessZone zone("Europe/Paris");
    std::vector<LocalDate> dates;
    if (!rules.empty()) {
        auto first = rules.front().validFrom, last = rules.front().validTo;
        for (const auto& r : rules) {
            first = std::min(first, r.validFrom);
            last = std::max(last, r.validTo);
        }
        for (auto d = first; d <= last; d = nextDay(d))
            if (!departuresOn(rules, d, zone).departures.empty()) dates.push_back(d);
    }
    if (dates.empty()) {
        std::cout << "  skipped: the demo season has no departures\n";
        return;
    }
    const std::size_t stride = 7919 % dates.size() ? 7919 % dates.size() : 1;   // a prime: visits every date
    const Instant now = parseIsoUtc("2026-07-01T08:00:00Z", "now");

    std::size_t bookingsSeen = 0;
    for (int i = 0; i < 20; ++i) bookingsSeen += app::loadDayPlanning(*store, dates[i % dates.size()], now).bookings.size();
    std::vector<double> times;
    std::size_t least = SIZE_MAX, most = 0;
    bookingsSeen = 0;
    for (int i = 0; i < o.planningRuns; ++i) {
        const auto& date = dates[(static_cast<std::size_t>(i) * stride) % dates.size()];
        const auto start = Stopwatch::now();
        const auto planning = app::loadDayPlanning(*store, date, now);
        times.push_back(msSince(start));
        bookingsSeen += planning.bookings.size();
        least = std::min(least, planning.bookings.size());
        most = std::max(most, planning.bookings.size());
    }
    const auto s = statsOf(times);
    std::cout << "  runs: " << o.planningRuns << " on " << std::min<std::size_t>(dates.size(), o.planningRuns)
              << " different dates; " << least << "–" << most << " bookings a day (mean "
              << bookingsSeen / static_cast<std::size_t>(o.planningRuns) << ")\n\n";
    row("", "median", "p95", "mean", "budget");
    row("loadDayPlanning (ms)", fixed(s.median), fixed(s.p95), fixed(s.mean), "median <= 2 ms");
    row("  min / max (ms)", fixed(s.min), fixed(s.max));
}

// --- (b) a desk sale on PostgreSQL ------------------------------------------------------------------

const LocalDate kFirstSaleDay{date::year{2026}, date::month{6}, date::day{1}};
constexpr int kDeparturesADay = 27;       // 10:00 … 18:40 every 20 minutes
constexpr int kSalesPerDeparture = 40;    // 80 seats of the 96: every sale finds a boat
constexpr int kBoats = 8;

// The same fleet and timetable in each database: 8 boats of 12 seats, departures every 20 minutes.
Uuid seedFleet(const std::string& location) {
    auto store = app::openStore(location);
    Uuid first;
    store->write([&](StoreWriter& w) {
        for (int i = 0; i < kBoats; ++i) {
            const Boat b{Uuid::generate(), "Boat " + std::to_string(i + 1), 12, BoatStatus::InService, "#1F77B4", i};
            if (i == 0) first = b.id;
            w.saveBoat(b);
        }
        TimetableRule r;
        r.id = Uuid::generate();
        r.validFrom = LocalDate{date::year{2026}, date::month{4}, date::day{1}};
        r.validTo = LocalDate{date::year{2026}, date::month{10}, date::day{31}};
        r.firstDeparture = Minutes{10 * 60};
        r.lastDeparture = Minutes{18 * 60 + 40};
        r.interval = Minutes{20};
        r.rideDuration = Minutes{45};
        w.saveTimetableRule(r);
        w.savePriceList({Uuid::generate(), LocalDate{date::year{2026}, date::month{1}, date::day{1}}, Money::cents(1200),
                         Money::cents(700), Money::cents(0), 1000});
    });
    return first;
}

app::SaleRequest saleNumber(int i) {
    const int departure = i / kSalesPerDeparture;
    app::SaleRequest r;
    r.date = LocalDate{date::sys_days{kFirstSaleDay} + date::days{departure / kDeparturesADay}};
    r.time = Minutes{10 * 60 + 20 * (departure % kDeparturesADay)};
    r.party = {2, 0, 0};
    r.payment = PaymentMethod::Card;   // a cash sale also reads the drawer: the pgbench script follows a card sale
    return r;
}

// What a sale writes, the same in both scripts: the booking, its audit entry, then the desk's part
// (sellAtDesk): the settings again, the payment sealed in the payment chain (lock, tip, insert), the
// desk id, the check that the day has no closing yet, and the receipt sealed in the receipt chain.
constexpr const char* kSaleWrites = R"(INSERT INTO bookings (id, ref, boat_id, departure_start, departure_end, adults, children, babies, language,
                      channel, state, expires_at, currency, total_cents, customer_id, notes, created_at)
VALUES (gen_random_uuid(), gen_random_uuid()::text, :boat, to_timestamp(:start), to_timestamp(:finish), 2, 0, 0,
        'fr', 'DESK', 'CONFIRMED', NULL, 'EUR', 2400, NULL, '', to_timestamp(:base))
ON CONFLICT DO NOTHING RETURNING id AS booking \gset
INSERT INTO audit_log (id, at, employee_id, action, entity, entity_id, details)
VALUES (gen_random_uuid(), to_timestamp(:base), NULL, 'booking.sell', 'booking', :booking,
        'SN-0000000X 2A on Boat 1 at 2026-06-01 10:00, 24.00 EUR paid CARD');
SELECT value FROM settings WHERE key = 'time_zone';
SELECT value FROM settings WHERE key = 'babies_take_seat';
SELECT value FROM settings WHERE key = 'pending_expiry_minutes';
INSERT INTO payments (id, booking_id, method, currency, amount_cents, status, provider_ref, created_at)
VALUES (gen_random_uuid(), :booking, 'CARD', 'EUR', 2400, 'SUCCEEDED', '', to_timestamp(:base));
SELECT pg_advisory_xact_lock(21326, 17);
SELECT COALESCE((SELECT seq FROM chain_records WHERE chain = 'payment' ORDER BY seq DESC LIMIT 1), 0) AS tip_seq \gset
INSERT INTO chain_records (chain, seq, at, entity_id, content, prev_hash, hash)
VALUES ('payment', :tip_seq + 1, to_timestamp(:base), :booking,
        'id=' || :booking || E'\nbooking=x\nmethod=CARD\namount=24.00 EUR\nstatus=SUCCEEDED\nprovider=\nat=2026-06-01T08:00:00Z\n',
        repeat('0', 64), encode(sha256(convert_to(:booking, 'UTF8')), 'hex'))
ON CONFLICT DO NOTHING;
SELECT value FROM settings WHERE key = 'desk_id';
SELECT value FROM settings WHERE key = 'time_zone';
SELECT chain, seq, extract(epoch FROM at)::bigint, entity_id, content, prev_hash, hash
FROM chain_records WHERE chain = 'closing' AND entity_id = 'day 2026-06-01' ORDER BY seq;
SELECT pg_advisory_xact_lock(21326, 16);
SELECT COALESCE((SELECT seq FROM chain_records WHERE chain = 'receipt' ORDER BY seq DESC LIMIT 1), 0) AS rtip_seq \gset
INSERT INTO chain_records (chain, seq, at, entity_id, content, prev_hash, hash)
VALUES ('receipt', :rtip_seq + 1, to_timestamp(:base), 'SN-0000000X',
        repeat('kind=SALE\nline=Adulte;2;12.00 EUR;24.00 EUR;1000;2.18 EUR\n', 4),
        repeat('0', 64), encode(sha256(convert_to(:booking, 'UTF8')), 'hex'))
ON CONFLICT DO NOTHING;
COMMIT;
)";


// What sellRide runs through PgStore for one sale, statement for statement (pg_store.cpp), as a
// pgbench script: the three settings, the timetable, the departure lock, boats, closures, the
// departure's bookings, the price lists, then the writes above.
// pgbench draws a departure among those the PgStore run sold into.
std::string saleScript(int departures) {
    std::ostringstream s;
    s << "\\set j random(0, " << departures - 1 << ")\n"
      << "\\set start :base + (:j / " << kDeparturesADay << ") * 86400 + (:j % " << kDeparturesADay << ") * 1200\n"
      << "\\set finish :start + 2700\n"
      << "\\set next :start + 1\n"
      << "\\set lockkey " << data::PgStore::departureLockKey(Instant{}) << " + :start\n"
      << R"(BEGIN;
SELECT value FROM settings WHERE key = 'time_zone';
SELECT value FROM settings WHERE key = 'babies_take_seat';
SELECT value FROM settings WHERE key = 'pending_expiry_minutes';
SELECT id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
       weekdays, first_departure, last_departure, interval_min, duration_min
FROM timetable_rules ORDER BY valid_from, first_departure, id;
SELECT id, to_char(day, 'YYYY-MM-DD') AS day, departure_minute, kind, duration_min, note
FROM timetable_exceptions WHERE day BETWEEN to_timestamp(:start)::date AND to_timestamp(:start)::date
ORDER BY day, departure_minute;
SELECT pg_advisory_xact_lock(:lockkey::bigint);
SELECT id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
       weekdays, first_departure, last_departure, interval_min, duration_min
FROM timetable_rules ORDER BY valid_from, first_departure, id;
SELECT id, to_char(day, 'YYYY-MM-DD') AS day, departure_minute, kind, duration_min, note
FROM timetable_exceptions WHERE day BETWEEN to_timestamp(:start)::date AND to_timestamp(:start)::date
ORDER BY day, departure_minute;
SELECT id, name, capacity, status, colour, sort_order FROM boats ORDER BY sort_order, name;
SELECT id, extract(epoch FROM start_at)::bigint AS start_at, extract(epoch FROM end_at)::bigint AS end_at,
       boat_id, reason
FROM blocks WHERE start_at < to_timestamp(:finish) AND end_at > to_timestamp(:start)
ORDER BY blocks.start_at, id;
SELECT b.id, b.ref, b.boat_id, extract(epoch FROM b.departure_start)::bigint AS departure_start,
       extract(epoch FROM b.departure_end)::bigint AS departure_end, b.adults, b.children, b.babies,
       b.language, b.channel, b.state, extract(epoch FROM b.expires_at)::bigint AS expires_at, b.currency,
       b.total_cents, b.customer_id, COALESCE(c.name, '') AS customer_name, b.notes,
       extract(epoch FROM b.created_at)::bigint AS created_at
FROM bookings b LEFT JOIN customers c ON c.id = b.customer_id
WHERE b.departure_start >= to_timestamp(:start) AND b.departure_start < to_timestamp(:next)
ORDER BY b.departure_start, b.created_at, b.id;
SELECT id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, currency, adult_cents, child_cents,
       baby_cents, vat_bp
FROM price_lists ORDER BY valid_from, id;
)" << kSaleWrites;
    return s.str();
}

// The brief's minimal sale: lock, the departure's bookings, the three inserts. For scale only: it
// leaves out the reads a sale needs (settings, timetable, boats, closures, prices).
std::string minimalScript(int departures) {
    std::ostringstream s;
    s << "\\set j random(0, " << departures - 1 << ")\n"
      << "\\set start :base + (:j / " << kDeparturesADay << ") * 86400 + (:j % " << kDeparturesADay << ") * 1200\n"
      << "\\set finish :start + 2700\n"
      << "\\set next :start + 1\n"
      << "\\set lockkey " << data::PgStore::departureLockKey(Instant{}) << " + :start\n"
      << R"(BEGIN;
SELECT pg_advisory_xact_lock(:lockkey::bigint);
SELECT b.boat_id, b.adults, b.children, b.babies, b.state, b.expires_at
FROM bookings b WHERE b.departure_start >= to_timestamp(:start) AND b.departure_start < to_timestamp(:next);
)" << kSaleWrites;
    return s.str();
}

std::string pgbenchProgram() {
    for (const char* candidate : {"/usr/lib/postgresql/15/bin/pgbench", "/usr/bin/pgbench"})
        if (std::filesystem::exists(candidate)) return candidate;
    return "pgbench";
}

std::string shellQuoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs `transactions` transactions of the script on one connection (one desk), prepared statements
// like PgStore's, and returns pgbench's own latency average (ms).
double runPgbench(const std::string& conninfo, const std::string& scriptPath, int transactions,
                         const Uuid& boat, Instant base) {
    const std::string command = shellQuoted(pgbenchProgram()) + " -n -M prepared -c 1 -t " + std::to_string(transactions) +
                                " -f " + shellQuoted(scriptPath) + " -D boat=" + boat.str() +
                                " -D base=" + std::to_string(base.time_since_epoch().count()) + " " +
                                shellQuoted(conninfo) + " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run pgbench");
    std::string output;
    char buffer[4096];
    while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    const int status = ::pclose(pipe);
    std::smatch m;
    if (status != 0 || !std::regex_search(output, m, std::regex(R"(latency average = ([0-9.]+) ms)")))
        throw std::runtime_error("pgbench failed:\n" + output);
    return std::stod(m[1]);
}

void benchSale(const Options& o) {
    std::cout << "\n(b) One desk sale on PostgreSQL: app::sellRide through PgStore vs the same SQL run by pgbench\n";
    if (o.pg.empty()) {
        std::cout << "  skipped: no PostgreSQL (give --pg CONNINFO or set NARCISSE_TEST_PG; scripts/bench starts one)\n";
        return;
    }
    ::setenv("NARCISSE_TEST_PG", o.pg.c_str(), 1);   // the test support creates and drops the databases
    const int warmup = std::max(20, o.sales / 20);
    const int total = warmup + o.sales;
    const int departures = (total + kSalesPerDeparture - 1) / kSalesPerDeparture;
    const Instant base = BusinessZone("Europe/Paris").at(kFirstSaleDay, Minutes{10 * 60});
    const FixedClock clock(parseIsoUtc("2026-01-15T09:00:00Z", "now"));

    // PgStore: one desk selling `total` rides one after the other; the first `warmup` are not timed.
    const std::string storeDb = test::freshPgDatabase();
    seedFleet(storeDb);
    auto store = app::openStore(storeDb);
    std::vector<double> times;
    const auto wall = Stopwatch::now();
    for (int i = 0; i < total; ++i) {
        const auto start = Stopwatch::now();
        app::sellRide(*store, clock, saleNumber(i));
        if (i >= warmup) times.push_back(msSince(start));
    }
    const double wallMs = msSince(wall);
    const auto s = statsOf(times);

    // pgbench on its own database with the same fleet, same number of transactions.
    test::TempDir dir;
    const auto samePath = dir.file("sale.sql");
    const auto minimalPath = dir.file("minimal.sql");
    std::ofstream(samePath) << saleScript(departures);
    std::ofstream(minimalPath) << minimalScript(departures);
    const std::string sameDb = test::freshPgDatabase();
    const Uuid sameBoat = seedFleet(sameDb);
    runPgbench(sameDb, samePath, warmup, sameBoat, base);
    const auto same = runPgbench(sameDb, samePath, o.sales, sameBoat, base);
    const std::string minimalDb = test::freshPgDatabase();
    const Uuid minimalBoat = seedFleet(minimalDb);
    runPgbench(minimalDb, minimalPath, warmup, minimalBoat, base);
    const auto minimal = runPgbench(minimalDb, minimalPath, o.sales, minimalBoat, base);

    std::cout << "  " << store->describe() << "; " << o.sales << " timed sales (after " << warmup
              << " untimed), one desk, 2 adults paid by card, spread over " << departures << " departures; "
              << fixed(wallMs / 1000, 2) << " s in all\n\n";
    row("", "mean", "median", "p95", "");
    row("PgStore, app::sellRide (ms)", fixed(s.mean), fixed(s.median), fixed(s.p95));
    row("pgbench, the same 29 statements (ms)", fixed(same));
    row("pgbench, minimal 19 statements (ms)", fixed(minimal));
    std::cout << '\n';
    row("ratio PgStore / same SQL", fixed(s.mean / same, 2) + "x", "", "", "budget <= 1.3x");
    row("ratio PgStore / minimal SQL", fixed(s.mean / minimal, 2) + "x");
}


// --- (c) the journal as CSV: PgStore vs psql \copy ------------------------------------------------

constexpr int kLinesPerEntry = 3;   // a desk sale: the drawer or the card, the sale, the VAT

// `lines` journal lines over the twelve months of 2026, frozen month by month through the store
// (StoreWriter::freezeJournal, as closeMonth does): sales of 3 lines (530 or 511 or 517 / 706 /
// 44571), 7 in 10 at the desk (VT), 3 in 10 online (BQ), numbered per journal over the year. The
// last entry takes the lines left over, so the count is exact.
void storeJournal(domain::Store& store, int lines) {
    const int entries = std::max(1, lines / kLinesPerEntry);
    std::map<Journal, std::int64_t> numbers;
    int made = 0;
    for (unsigned month = 1; month <= 12; ++month) {
        const int first = static_cast<int>(static_cast<long long>(entries) * (month - 1) / 12);
        const int last = static_cast<int>(static_cast<long long>(entries) * month / 12);
        const date::year_month ym{date::year{2026}, date::month{month}};
        const auto days = static_cast<int>(static_cast<unsigned>(date::year_month_day_last{ym / date::last}.day()));
        std::vector<JournalEntry> monthEntries;
        monthEntries.reserve(static_cast<std::size_t>(last - first));
        for (int i = first; i < last; ++i) {
            JournalEntry e;
            const bool online = i % 10 >= 7;
            e.journal = online ? Journal::Bank : Journal::Sales;
            e.number = ++numbers[e.journal];
            // Entries of a month in date order: day by day, as generated.
            e.date = LocalDate{ym / date::day{static_cast<unsigned>(1 + (i - first) * days / std::max(1, last - first))}};
            e.pieceDate = e.date;
            e.pieceRef = online ? "pi_3P" + std::to_string(100000000 + i) : "T" + std::to_string(1000000 + i);
            e.label = "Vente " + PublicRef::fromNumber(static_cast<std::uint64_t>(i) + 1).str();
            e.source = (online ? "payment:" : "receipt:") + std::to_string(i + 1);
            const Money total = Money::cents(1200 + (i % 37) * 100);
            const Money vat = total.vatIncluded(1000);
            const char* drawer = online ? "517" : i % 2 ? "511" : "530";
            const char* drawerLabel = online ? "Stripe / PayPal" : i % 2 ? "Cartes bancaires à encaisser" : "Caisse";
            e.lines = {{drawer, drawerLabel, total, Money{}, e.label},
                       {"706", "Prestations de services", Money{}, total - vat, e.label},
                       {"44571", "TVA collectée", Money{}, vat, e.label}};
            if (i == entries - 1)   // the lines left over: one more credit each, of 0.01 € moved from 706
                for (int extra = 0; extra < lines - entries * kLinesPerEntry; ++extra) {
                    e.lines[1].credit -= Money::cents(1);
                    e.lines.push_back({"706", "Prestations de services", Money{}, Money::cents(1), e.label});
                }
            made += static_cast<int>(e.lines.size());
            monthEntries.push_back(std::move(e));
        }
        char period[8];
        std::snprintf(period, sizeof period, "2026-%02u", month);
        store.write([&](StoreWriter& w) {
            w.freezeJournal(period, monthEntries, parseIsoUtc("2027-01-10T09:00:00Z", "now"));
        });
    }
    if (made != lines) throw std::runtime_error("stored " + std::to_string(made) + " lines, not " + std::to_string(lines));
}

std::string psqlProgram() {
    for (const char* candidate : {"/usr/lib/postgresql/15/bin/psql", "/usr/bin/psql"})
        if (std::filesystem::exists(candidate)) return candidate;
    return "psql";
}

// exportJournalCsv's columns and order (app/accounting_exports.cpp), as SQL over the frozen tables:
// journal, number, date, piece, piece date, label (the line's, else the entry's), account, account
// label, debit, credit (euros with two decimals).
constexpr const char* kJournalCopy =
    "\\copy (SELECT e.journal, e.number, e.entry_date AS date, e.piece_ref AS piece, e.piece_date AS \"piece date\", "
    "CASE WHEN l.label = '' THEN e.label ELSE l.label END AS label, l.account, l.account_label AS \"account label\", "
    "(l.debit_cents / 100.0)::numeric(16, 2) AS debit, (l.credit_cents / 100.0)::numeric(16, 2) AS credit "
    "FROM journal_entries e JOIN journal_lines l ON l.entry = e.id "
    "WHERE e.entry_date >= '2026-01-01' AND e.entry_date <= '2026-12-31' "
    "ORDER BY e.entry_date, e.journal, e.number, e.id, l.line_no) TO '%FILE%' WITH (FORMAT csv, HEADER)";

void runPsqlCopy(const std::string& conninfo, const std::string& file) {
    std::string copy = kJournalCopy;
    copy.replace(copy.find("%FILE%"), 6, file);
    const std::string command =
        shellQuoted(psqlProgram()) + " -X -q -v ON_ERROR_STOP=1 -d " + shellQuoted(conninfo) + " -c " + shellQuoted(copy) + " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run psql");
    std::string output;
    char buffer[4096];
    while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    if (::pclose(pipe) != 0) throw std::runtime_error("psql \\copy failed:\n" + output);
}

// The file without its line ends' CR (the CSV writer ends lines with CR LF as RFC 4180 says, COPY with LF).
std::string withoutCr(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::erase(text, '\r');
    return text;
}

double median(std::vector<double> v) { return statsOf(std::move(v)).median; }

// The store's part of the export alone: every line read, nothing written (where the time goes).
double readAllLines(domain::Store& store, LocalDate from, LocalDate to) {
    const auto start = Stopwatch::now();
    std::int64_t lines = 0;
    store.read([&](StoreReader& r) { r.forEachJournalLine(from, to, [&](const JournalEntry&) { ++lines; }); });
    return msSince(start);
}

void benchJournalCsv(const Options& o) {
    std::cout << "\n(c) The journal as CSV: app::exportJournalCsv over a year of " << thousands(o.journalLines)
              << " frozen lines vs psql \\copy of the same rows\n";
    const LocalDate from{date::year{2026}, date::month{1}, date::day{1}};
    const LocalDate to{date::year{2026}, date::month{12}, date::day{31}};
    const int runs = o.quick ? 2 : 3;
    test::TempDir dir;
    const auto storeFile = dir.file("journal.csv");
    const auto copyFile = dir.file("copy.csv");

    // The embedded store, for scale.
    {
        const auto path = dir.file("journal.db");
        auto store = app::openStore(path);
        const auto fill = Stopwatch::now();
        storeJournal(*store, o.journalLines);
        const double fillMs = msSince(fill);
        std::vector<double> times, reads;
        std::int64_t rows = 0;
        for (int i = 0; i < runs; ++i) {
            const auto start = Stopwatch::now();
            rows = app::exportJournalCsv(*store, from, to, app::CsvFormat::Rfc4180, storeFile);
            times.push_back(msSince(start));
            reads.push_back(readAllLines(*store, from, to));
        }
        std::cout << "  SQLite: " << thousands(rows) << " lines stored in " << fixed(fillMs / 1000, 1) << " s (12 months, "
                  << "freezeJournal); " << thousands(static_cast<long long>(std::filesystem::file_size(storeFile) / 1024))
                  << " KiB of CSV\n";
        row("", "median", "min", "", "");
        row("SqliteStore, exportJournalCsv (s)", fixed(median(times) / 1000, 2),
            fixed(*std::min_element(times.begin(), times.end()) / 1000, 2));
        row("  of which reading the lines (s)", fixed(median(reads) / 1000, 2),
            fixed(*std::min_element(reads.begin(), reads.end()) / 1000, 2));
        std::filesystem::remove(path);
    }

    if (o.pg.empty()) {
        std::cout << "  PostgreSQL skipped: give --pg CONNINFO or set NARCISSE_TEST_PG (scripts/bench starts one)\n";
        return;
    }
    ::setenv("NARCISSE_TEST_PG", o.pg.c_str(), 1);
    const std::string db = test::freshPgDatabase();
    auto store = app::openStore(db);
    const auto fill = Stopwatch::now();
    storeJournal(*store, o.journalLines);
    const double fillMs = msSince(fill);
    std::vector<double> storeTimes, readTimes, copyTimes;
    std::int64_t rows = 0;
    for (int i = 0; i < runs; ++i) {   // alternated, so that neither gets a warmer cache
        auto start = Stopwatch::now();
        rows = app::exportJournalCsv(*store, from, to, app::CsvFormat::Rfc4180, storeFile);
        storeTimes.push_back(msSince(start));
        readTimes.push_back(readAllLines(*store, from, to));
        start = Stopwatch::now();
        runPsqlCopy(db, copyFile);
        copyTimes.push_back(msSince(start));
    }
    const bool same = withoutCr(storeFile) == withoutCr(copyFile);
    std::cout << "  " << store->describe() << ": " << thousands(rows) << " lines stored in " << fixed(fillMs / 1000, 1)
              << " s; " << runs << " runs each, alternated; the two files "
              << (same ? "hold the same bytes (line ends aside)" : "DIFFER") << "\n\n";
    row("", "median", "min", "", "");
    row("PgStore, exportJournalCsv (s)", fixed(median(storeTimes) / 1000, 2),
        fixed(*std::min_element(storeTimes.begin(), storeTimes.end()) / 1000, 2));
    row("  of which reading the lines (s)", fixed(median(readTimes) / 1000, 2),
        fixed(*std::min_element(readTimes.begin(), readTimes.end()) / 1000, 2));
    row("psql \\copy, same rows (s)", fixed(median(copyTimes) / 1000, 2),
        fixed(*std::min_element(copyTimes.begin(), copyTimes.end()) / 1000, 2));
    std::cout << '\n';
    row("ratio PgStore / psql \\copy", fixed(median(storeTimes) / median(copyTimes), 2) + "x", "", "", "budget <= 1.5x");
}

// --- (d) the monthly PDF report ---------------------------------------------------------------------

// `payments` rides paid in July 2026, spread evenly over the month, written straight through the
// store in one transaction (what sellAtDesk writes, without the seat checks): 7 in 10 at the desk
// (cash or card, a sealed payment and a receipt), 3 in 10 online (Stripe, a sealed payment).
void storePayments(domain::Store& store, const Uuid& boat, int payments) {
    const BusinessZone zone("Europe/Paris");
    const Instant monthStart = zone.startOfDay(LocalDate{date::year{2026}, date::month{7}, date::day{1}});
    const std::int64_t span = 31LL * 86400;
    store.write([&](StoreWriter& w) {
        const std::string desk = app::deskId(w);
        for (int i = 0; i < payments; ++i) {
            const Instant at = monthStart + std::chrono::seconds{span * i / payments};
            const bool online = i % 10 >= 7;
            const int adults = 1 + i % 3;
            Booking b;
            b.id = Uuid::generate();
            b.ref = PublicRef::fromNumber(static_cast<std::uint64_t>(i) + 1);
            b.boatId = boat;
            b.departureStart = zone.at(zone.localDate(at), Minutes{18 * 60});
            b.departureEnd = b.departureStart + Minutes{45};
            b.party = {adults, 0, 0};
            b.channel = online ? Channel::Web : Channel::Desk;
            b.state = BookingState::Confirmed;
            b.total = Money::cents(1200) * adults;
            b.createdAt = at;
            w.insertBooking(b);
            const PaymentMethod method = online ? PaymentMethod::Stripe : i % 2 ? PaymentMethod::Card : PaymentMethod::Cash;
            app::recordPayment(w, {Uuid::generate(), b.id, method, b.total, PaymentStatus::Succeeded,
                                   online ? "pi_3P" + std::to_string(100000000 + i) : "", at});
            if (online) continue;
            Receipt receipt;
            receipt.kind = ReceiptKind::Sale;
            receipt.issuedAt = at;
            receipt.desk = desk;
            receipt.operatorName = "narcisse-bench";
            receipt.reference = b.ref.str();
            receipt.departure = isoDate(zone.localDate(at)) + " 18:00 · Boat 1";
            receipt.party = b.party.summary();
            receipt.lines = {{"Adulte", adults, Money::cents(1200), b.total, 1000, b.total.vatIncluded(1000)}};
            receipt.total = b.total;
            receipt.payments = {{method, b.total, method == PaymentMethod::Cash ? b.total : Money{}, Money{}, "", false}};
            app::issueReceipt(w, receipt);
        }
    });
}

void benchMonthlyReport(const Options& o) {
    std::cout << "\n(d) The monthly PDF report (app::writeMonthlyReport, SQLite) of " << thousands(o.reportPayments)
              << " payments in July 2026\n";
    test::TempDir dir;
    const auto path = dir.file("report.db");
    const Uuid boat = seedFleet(path);
    auto store = app::openStore(path);
    const auto fill = Stopwatch::now();
    storePayments(*store, boat, o.reportPayments);
    const double fillMs = msSince(fill);
    const auto pdf = dir.file("july.pdf");
    const int runs = o.quick ? 3 : 5;
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Stopwatch::now();
        app::writeMonthlyReport(*store, 2026, 7, pdf);
        times.push_back(msSince(start));
    }
    const auto s = statsOf(times);
    std::cout << "  " << thousands(o.reportPayments) << " payments (7 in 10 at the desk with a receipt, 3 in 10 online) "
              << "stored in " << fixed(fillMs / 1000, 1) << " s; the PDF: "
              << thousands(static_cast<long long>(std::filesystem::file_size(pdf) / 1024)) << " KiB; " << runs << " runs\n\n";
    row("", "median", "min", "max", "budget");
    row("writeMonthlyReport (ms)", fixed(s.median, 1), fixed(s.min, 1), fixed(s.max, 1), "<= 1 s");
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (const char* pg = std::getenv("NARCISSE_TEST_PG")) o.pg = pg;
    CLI::App cli("narcisse-bench: the performance budgets of DESIGN.md §10, measured and printed");
    cli.add_option("--pg", o.pg, "PostgreSQL admin connection string (default: $NARCISSE_TEST_PG)");
    auto* bookings = cli.add_option("--bookings", o.bookings, "bookings in the embedded store (default 200000)")
                         ->check(CLI::Range(0, 1'000'000));
    auto* lines = cli.add_option("--journal-lines", o.journalLines, "journal lines exported in (c) (default 1000000)")
                      ->check(CLI::Range(3, 10'000'000));
    auto* payments = cli.add_option("--report-payments", o.reportPayments, "payments of the month in (d) (default 20000)")
                         ->check(CLI::Range(1, 1'000'000));
    cli.add_option("--only", o.only, "the sections to run, e.g. \"c,d\" (default: all of a,b,c,d)")
        ->check(CLI::Validator(
            [](std::string& s) {
                return s.find_first_not_of("abcd,") == std::string::npos ? std::string() : "sections are a, b, c and d";
            },
            "a,b,c,d"));
    cli.add_flag("--quick", o.quick,
                 "a smaller run for a quick look: 50,000 bookings, 200 plannings, 300 sales, 100,000 journal\n"
                 "lines, 5,000 payments in the report");
    CLI11_PARSE(cli, argc, argv);
    if (o.quick) {
        if (bookings->count() == 0) o.bookings = 50'000;
        o.planningRuns = 200;
        o.sales = 300;
        if (lines->count() == 0) o.journalLines = 100'000;
        if (payments->count() == 0) o.reportPayments = 5'000;
    }

    std::cout << "narcisse-bench: " << std::thread::hardware_concurrency() << " CPUs"
#ifdef NDEBUG
              << ", optimised build"
#else
              << ", DEBUG build (figures are not meaningful)"
#endif
              << (o.quick ? ", quick run" : "") << '\n';
    try {
        if (o.runs('a')) {
            benchPlanning(o, 7, "a history of seven seasons");
            benchPlanning(o, 1, "the same bookings crammed into one season (worst case)");
        }
        if (o.runs('b')) benchSale(o);
        if (o.runs('c')) benchJournalCsv(o);
        if (o.runs('d')) benchMonthlyReport(o);
    } catch (const std::exception& e) {
        std::cerr << "narcisse-bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
