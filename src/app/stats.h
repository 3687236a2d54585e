// Figures at a glance (the Stats view): passengers and revenue per day, occupancy per departure hour,
// bookings by channel, language and lead time over a period, and each series as CSV.
#pragma once

#include "app/exports.h"
#include "domain/store.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace narcisse::app {

// The bookings the figures count: the rides sold firmly — CONFIRMED (still to leave), EMBARQUED,
// COMPLETED and NO_SHOW (the seats left empty were sold and paid for all the same). PENDING phone
// bookings may still lapse, CANCELLED and EXPIRED ones never sailed: they are left out.
bool countsInStats(domain::BookingState state);

struct StatsDay {
    domain::LocalDate date;
    int bookings = 0;
    int passengers = 0;          // people on board, babies included
    domain::Money revenue;       // see StatsReport::revenue
};

// Every departure of the period that left at this local hour (10:00, 10:20, 10:40 → 10).
struct StatsHour {
    int hour = 0;                // 0–23, local wall time
    int departures = 0;
    int seatsHeld = 0;           // by the bookings counted (babies as the setting says)
    int seatsOffered = 0;        // capacity of the boats offered: in service and not closed
    // seatsHeld / seatsOffered in tenths of a percent, rounded half up (505 = 50.5 %); 0 when nothing was offered.
    int permille() const;
};

struct StatsChannel {
    domain::Channel channel = domain::Channel::Desk;
    int bookings = 0;
    int passengers = 0;
};

struct StatsLanguage {
    std::string language;        // the booking's code: "fr", "en", …
    int bookings = 0;
    int passengers = 0;
};

// Days between the booking's creation and its departure, on the business's calendar.
enum class LeadTime { SameDay, OneDay, TwoToThree, FourToSeven, EightToFourteen, FifteenToThirty, OverThirty };
inline constexpr int kLeadTimeBuckets = 7;
LeadTime leadTimeOf(int days);                       // a negative count (entered after the ride) is SameDay
std::string_view leadTimeLabel(LeadTime bucket);     // "same day", "1 day", "2-3 days", …, "> 30 days"
int leadTimeMinDays(LeadTime bucket);
int leadTimeMaxDays(LeadTime bucket);                // -1: no upper bound

struct StatsLead {
    LeadTime bucket = LeadTime::SameDay;
    int bookings = 0;
};

struct StatsReport {
    domain::LocalDate from;
    domain::LocalDate to;                       // inclusive
    std::string timeZone;
    std::vector<StatsDay> days;                 // every date of [from, to], quiet days as zeros
    std::vector<StatsHour> hours;               // hours with a departure or a seat held, ascending
    std::vector<StatsChannel> channels;         // WEB, DESK, PHONE (all three, zeros included)
    std::vector<StatsLanguage> languages;       // most bookings first, then by code
    std::vector<StatsLead> leadTimes;           // the kLeadTimeBuckets buckets in order
    int bookings = 0;
    int passengers = 0;
    // Revenue is what the rides of the period were sold for: the totals, VAT included, of the bookings
    // counted, on the day of the ride (not of the payment). It is a sales figure: cash actually received
    // and refunds, by payment date, are the Accounting view's (a partial refund is not deducted here).
    domain::Money revenue;
    int seatsHeld = 0;
    int seatsOffered = 0;
    int permille() const;                       // over the whole period, as StatsHour::permille
};

// One read transaction: the bookings departing in [from, to] (local dates), the timetable with its
// one-off changes, the boats and the closures. Seats offered use today's fleet (a boat retired since
// no longer counts; one in maintenance now is taken as not offered). Bookings on a departure the
// timetable no longer has still count, with the seats of the boats offered at that time.
// Throws ValidationError("from"/"to") for a bad period (to before from, more than 366 days).
StatsReport loadStats(domain::Store& store, domain::LocalDate from, domain::LocalDate to);

enum class StatsChart { PassengersRevenue, Occupancy, Channels, Languages, LeadTime };

// The data behind one chart as CSV (header, then one row per day, hour, channel, language or bucket),
// written through a temporary file renamed at the end. Returns the data rows written (header excluded).
std::int64_t exportStatsCsv(const StatsReport& report, StatsChart which, CsvFormat format,
                            const std::filesystem::path& path);

// The season around `year`: from the first to the last day of the timetable rules in force that year
// (clipped to the year), or 1 April – 31 October when no rule is.
struct Period {
    domain::LocalDate from;
    domain::LocalDate to;
};
Period seasonOf(domain::Store& store, int year);

}  // namespace narcisse::app
