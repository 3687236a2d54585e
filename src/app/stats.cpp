// The Stats view's figures: one read transaction, then everything is counted in memory (a season of
// 30,000 bookings is a few megabytes). Percentages stay integers (tenths of a percent) so the CSV and
// the tests see exact values.
#include "app/stats.h"

#include "app/settings.h"
#include "domain/errors.h"
#include "reports/csv_writer.h"

#include <algorithm>
#include <array>
#include <map>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

// A year and a day: enough for a season or a calendar year, and a bound on what one read holds.
constexpr int kMaxPeriodDays = 366;

int daysBetween(LocalDate from, LocalDate to) {
    return static_cast<int>((date::sys_days{to} - date::sys_days{from}).count());
}

int permilleOf(std::int64_t part, std::int64_t whole) {
    return whole <= 0 ? 0 : static_cast<int>((part * 1000 + whole / 2) / whole);
}

constexpr std::array<Channel, 3> kChannels{Channel::Web, Channel::Desk, Channel::Phone};

struct LeadBucket {
    LeadTime bucket;
    int minDays;
    int maxDays;   // -1: open
    std::string_view label;
};
constexpr std::array<LeadBucket, kLeadTimeBuckets> kLeadBuckets{{
    {LeadTime::SameDay, 0, 0, "same day"},
    {LeadTime::OneDay, 1, 1, "1 day"},
    {LeadTime::TwoToThree, 2, 3, "2-3 days"},
    {LeadTime::FourToSeven, 4, 7, "4-7 days"},
    {LeadTime::EightToFourteen, 8, 14, "8-14 days"},
    {LeadTime::FifteenToThirty, 15, 30, "15-30 days"},
    {LeadTime::OverThirty, 31, -1, "> 30 days"},
}};

const LeadBucket& bucketInfo(LeadTime b) { return kLeadBuckets[static_cast<std::size_t>(b)]; }

// "50.0" / "50,0": tenths of a percent in the dialect's notation.
std::string percentText(int permille, CsvFormat format) {
    const char sep = format == CsvFormat::ExcelFr ? ',' : '.';
    return std::to_string(permille / 10) + sep + std::to_string(permille % 10);
}

}  // namespace

bool countsInStats(BookingState state) {
    switch (state) {
    case BookingState::Confirmed:
    case BookingState::Embarqued:
    case BookingState::Completed:
    case BookingState::NoShow: return true;
    case BookingState::Pending:
    case BookingState::Cancelled:
    case BookingState::Expired: return false;
    }
    return false;
}

int StatsHour::permille() const { return permilleOf(seatsHeld, seatsOffered); }
int StatsReport::permille() const { return permilleOf(seatsHeld, seatsOffered); }

LeadTime leadTimeOf(int days) {
    for (const auto& b : kLeadBuckets)
        if (days <= b.maxDays || b.maxDays < 0) return b.bucket;
    return LeadTime::OverThirty;
}
std::string_view leadTimeLabel(LeadTime bucket) { return bucketInfo(bucket).label; }
int leadTimeMinDays(LeadTime bucket) { return bucketInfo(bucket).minDays; }
int leadTimeMaxDays(LeadTime bucket) { return bucketInfo(bucket).maxDays; }

StatsReport loadStats(Store& store, LocalDate from, LocalDate to) {
    if (!from.ok()) throw ValidationError("from", "is not a date");
    if (!to.ok()) throw ValidationError("to", "is not a date");
    if (to < from) throw ValidationError("to", "must not be before the first day (" + isoDate(from) + ")");
    if (daysBetween(from, to) >= kMaxPeriodDays)
        throw ValidationError("to", "the period may not be longer than " + std::to_string(kMaxPeriodDays) + " days");

    BusinessSettings settings;
    std::vector<Booking> bookings;
    std::vector<TimetableRule> rules;
    std::vector<TimetableException> exceptions;
    std::vector<Boat> boats;
    std::vector<Block> blocks;
    store.read([&](StoreReader& r) {
        settings = loadBusinessSettings(r);
        const BusinessZone zone(settings.timeZone);
        const Instant start = zone.startOfDay(from);
        const Instant end = zone.startOfDay(nextDay(to));
        bookings = r.bookingsDeparting(start, end);
        rules = r.timetableRules();
        exceptions = r.timetableExceptions(from, to);
        boats = r.boats();
        // A departure late in the evening still ends after midnight: closures a little past the end count.
        blocks = r.blocksOverlapping(start, end + std::chrono::hours{12});
    });
    const BusinessZone zone(settings.timeZone);
    std::erase_if(boats, [](const Boat& b) { return b.status == BoatStatus::Retired; });
    std::erase_if(bookings, [](const Booking& b) { return !countsInStats(b.state); });

    StatsReport report;
    report.from = from;
    report.to = to;
    report.timeZone = zone.name();
    report.revenue = Money::zero();
    const int dayCount = daysBetween(from, to) + 1;
    report.days.reserve(static_cast<std::size_t>(dayCount));
    for (LocalDate d = from; d <= to; d = nextDay(d)) report.days.push_back({d, 0, 0, Money::zero()});

    std::array<StatsHour, 24> hours{};
    std::array<bool, 24> hourUsed{};
    for (int h = 0; h < 24; ++h) hours[static_cast<std::size_t>(h)].hour = h;
    std::array<StatsChannel, kChannels.size()> channels{};
    for (std::size_t i = 0; i < kChannels.size(); ++i) channels[i].channel = kChannels[i];
    std::map<std::string, StatsLanguage> languages;
    std::array<int, kLeadTimeBuckets> leads{};

    // Bookings come by departure: each day, then each departure of it, takes its own slice.
    auto next = bookings.begin();
    for (auto& day : report.days) {
        const Instant dayEnd = zone.startOfDay(nextDay(day.date));
        const auto dayLast = std::lower_bound(next, bookings.end(), dayEnd,
                                              [](const Booking& b, Instant t) { return b.departureStart < t; });
        std::vector<Departure> departures = departuresOn(rules, exceptions, day.date, zone).departures;
        // Passengers carried on a departure the timetable has since dropped still sailed.
        for (auto it = next; it != dayLast; ++it)
            if (std::none_of(departures.begin(), departures.end(),
                             [&](const Departure& d) { return d.start == it->departureStart; }))
                departures.push_back({it->departureStart, it->departureEnd, zone.localMinutes(it->departureStart)});
        std::sort(departures.begin(), departures.end(), [](const Departure& a, const Departure& b) { return a.start < b.start; });
        departures.erase(std::unique(departures.begin(), departures.end(),
                                     [](const Departure& a, const Departure& b) { return a.start == b.start; }),
                         departures.end());

        std::vector<Block> dayBlocks;
        const Instant dayStart = zone.startOfDay(day.date);
        for (const auto& b : blocks)
            if (b.start < dayEnd + std::chrono::hours{12} && b.end > dayStart) dayBlocks.push_back(b);

        for (const auto& dep : departures) {
            const auto hour = static_cast<std::size_t>(zone.localMinutes(dep.start).count() / 60);
            auto& h = hours[hour];
            hourUsed[hour] = true;
            ++h.departures;
            h.seatsOffered += availability(dep, boats, dayBlocks, {}, dep.start, settings).seatsTotal;
            const auto first = std::lower_bound(next, dayLast, dep.start,
                                                [](const Booking& b, Instant t) { return b.departureStart < t; });
            for (auto it = first; it != dayLast && it->departureStart == dep.start; ++it)
                h.seatsHeld += it->party.seats(settings.babiesTakeSeat);
        }

        for (auto it = next; it != dayLast; ++it) {
            const Booking& b = *it;
            const int people = b.party.people();
            ++day.bookings;
            day.passengers += people;
            day.revenue += b.total;
            auto& c = channels[static_cast<std::size_t>(
                std::find(kChannels.begin(), kChannels.end(), b.channel) - kChannels.begin())];
            ++c.bookings;
            c.passengers += people;
            auto& l = languages[b.language];
            l.language = b.language;
            ++l.bookings;
            l.passengers += people;
            ++leads[static_cast<std::size_t>(leadTimeOf(daysBetween(zone.localDate(b.createdAt), day.date)))];
        }
        next = dayLast;
        report.bookings += day.bookings;
        report.passengers += day.passengers;
        report.revenue += day.revenue;
    }

    for (std::size_t h = 0; h < hours.size(); ++h) {
        if (!hourUsed[h]) continue;
        report.seatsHeld += hours[h].seatsHeld;
        report.seatsOffered += hours[h].seatsOffered;
        report.hours.push_back(hours[h]);
    }
    report.channels.assign(channels.begin(), channels.end());
    for (auto& [code, l] : languages) report.languages.push_back(std::move(l));
    std::stable_sort(report.languages.begin(), report.languages.end(),
                     [](const StatsLanguage& a, const StatsLanguage& b) { return a.bookings > b.bookings; });
    for (const auto& b : kLeadBuckets) report.leadTimes.push_back({b.bucket, leads[static_cast<std::size_t>(b.bucket)]});
    return report;
}

std::int64_t exportStatsCsv(const StatsReport& report, StatsChart which, CsvFormat format,
                            const std::filesystem::path& path) {
    if (path.empty()) throw ValidationError("output", "a file name is required");
    reports::CsvWriter csv(path.string(), format == CsvFormat::ExcelFr ? reports::CsvDialect::excelFr()
                                                                       : reports::CsvDialect::rfc4180());
    std::int64_t rows = 0;
    auto row = [&](const std::vector<std::string>& fields) {
        csv.row(fields);
        ++rows;
    };
    switch (which) {
    case StatsChart::PassengersRevenue:
        csv.row({"date", "bookings", "passengers", "revenue"});
        for (const auto& d : report.days)
            row({isoDate(d.date), std::to_string(d.bookings), std::to_string(d.passengers), csv.amount(d.revenue)});
        break;
    case StatsChart::Occupancy:
        csv.row({"hour", "departures", "seats_held", "seats_offered", "occupancy_percent"});
        for (const auto& h : report.hours)
            row({hhmm(Minutes{h.hour * 60}), std::to_string(h.departures), std::to_string(h.seatsHeld),
                 std::to_string(h.seatsOffered), percentText(h.permille(), format)});
        break;
    case StatsChart::Channels:
        csv.row({"channel", "bookings", "passengers"});
        for (const auto& c : report.channels)
            row({std::string(toString(c.channel)), std::to_string(c.bookings), std::to_string(c.passengers)});
        break;
    case StatsChart::Languages:
        csv.row({"language", "bookings", "passengers"});
        for (const auto& l : report.languages)
            row({l.language, std::to_string(l.bookings), std::to_string(l.passengers)});
        break;
    case StatsChart::LeadTime:
        csv.row({"lead_time", "min_days", "max_days", "bookings"});
        for (const auto& l : report.leadTimes) {
            const int max = leadTimeMaxDays(l.bucket);
            row({std::string(leadTimeLabel(l.bucket)), std::to_string(leadTimeMinDays(l.bucket)),
                 max < 0 ? std::string() : std::to_string(max), std::to_string(l.bookings)});
        }
        break;
    }
    csv.commit();
    return rows;
}

Period seasonOf(Store& store, int year) {
    std::vector<TimetableRule> rules;
    store.read([&](StoreReader& r) { rules = r.timetableRules(); });
    const LocalDate first{date::year{year}, date::January, date::day{1}};
    const LocalDate last{date::year{year}, date::December, date::day{31}};
    std::optional<Period> season;
    for (const auto& rule : rules) {
        if (rule.validTo < first || rule.validFrom > last) continue;
        const LocalDate f = std::max(rule.validFrom, first);
        const LocalDate t = std::min(rule.validTo, last);
        if (!season) season = Period{f, t};
        season->from = std::min(season->from, f);
        season->to = std::max(season->to, t);
    }
    if (season) return *season;
    return {LocalDate{date::year{year}, date::April, date::day{1}}, LocalDate{date::year{year}, date::October, date::day{31}}};
}

}  // namespace narcisse::app
