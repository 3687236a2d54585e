#include "domain/time.h"

#include "domain/errors.h"

#include <date/tz.h>

#include <charconv>

namespace narcisse::domain {

Instant SystemClock::now() const {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

BusinessZone::BusinessZone(std::string_view name) : m_name(name) {
    try {
        m_zone = date::locate_zone(m_name);
    } catch (const std::exception&) {
        throw ValidationError("time zone", "\"" + m_name + "\" is not a time zone of the IANA database");
    }
}

ResolvedTime BusinessZone::resolve(LocalDate d, Minutes sinceMidnight) const {
    const auto local = date::local_seconds{date::local_days{d}} + sinceMidnight;
    const auto info = m_zone->get_info(local);
    switch (info.result) {
        case date::local_info::unique:
            return {Instant{local.time_since_epoch() - info.first.offset}, WallTimeKind::Unique};
        case date::local_info::ambiguous:
            return {Instant{local.time_since_epoch() - info.first.offset}, WallTimeKind::Repeated};
        default:
            return {Instant{local.time_since_epoch() - info.first.offset}, WallTimeKind::Nonexistent};
    }
}

Instant BusinessZone::at(LocalDate d, Minutes sinceMidnight) const {
    const auto r = resolve(d, sinceMidnight);
    if (r.kind == WallTimeKind::Nonexistent)
        throw ConflictError(hhmm(sinceMidnight) + " does not exist on " + isoDate(d) + " in " + m_name +
                            " (clocks go forward)");
    return r.instant;
}

LocalDate BusinessZone::localDate(Instant t) const {
    const auto local = date::zoned_seconds(m_zone, t).get_local_time();
    return LocalDate{date::floor<date::days>(local)};
}

Minutes BusinessZone::localMinutes(Instant t) const {
    const auto local = date::zoned_seconds(m_zone, t).get_local_time();
    return std::chrono::duration_cast<Minutes>(local - date::floor<date::days>(local));
}

Instant BusinessZone::startOfDay(LocalDate d) const {
    // Midnight may not exist (some zones switch at 00:00): take the first instant of the day.
    const auto local = date::local_seconds{date::local_days{d}};
    const auto info = m_zone->get_info(local);
    if (info.result == date::local_info::nonexistent) return Instant{info.second.begin};
    return Instant{local.time_since_epoch() - info.first.offset};
}

std::string BusinessZone::format(Instant t, const char* pattern) const {
    return date::format(pattern, date::zoned_seconds(m_zone, t));
}

std::string isoUtc(Instant t) { return date::format("%Y-%m-%dT%H:%M:%SZ", t); }

Instant parseIsoUtc(std::string_view text, const std::string& field) {
    // Exactly YYYY-MM-DDTHH:MM:SSZ, as isoUtc writes it. Anything looser would be misread: a
    // timestamp without its Z, or with an offset, would silently be taken as UTC and land hours
    // away from what was meant; and the stores compare these strings, so one layout only.
    static constexpr std::string_view kLayout = "dddd-dd-ddTdd:dd:ddZ";
    auto bad = [&] { return ValidationError(field, "is not a UTC timestamp: " + std::string(text)); };
    if (text.size() != kLayout.size()) throw bad();
    for (std::size_t i = 0; i < kLayout.size(); ++i) {
        const bool ok = kLayout[i] == 'd' ? text[i] >= '0' && text[i] <= '9' : text[i] == kLayout[i];
        if (!ok) throw bad();
    }
    auto num = [&](std::size_t pos, std::size_t len) {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) v = v * 10 + (text[i] - '0');
        return v;
    };
    const date::year_month_day ymd{date::year{num(0, 4)}, date::month{static_cast<unsigned>(num(5, 2))},
                                   date::day{static_cast<unsigned>(num(8, 2))}};
    if (!ymd.ok()) throw ValidationError(field, "is not a valid date: " + std::string(text));
    const int h = num(11, 2), m = num(14, 2), sec = num(17, 2);
    if (h > 23 || m > 59 || sec > 59) throw ValidationError(field, "is not a valid time of day: " + std::string(text));
    return Instant{date::sys_days{ymd}} + std::chrono::hours{h} + Minutes{m} + std::chrono::seconds{sec};
}

// Written by hand: date::format builds a stream and consults the locale on every call, which a
// million-line export pays twice per line.
std::string isoDate(LocalDate d) {
    const int y = static_cast<int>(d.year());
    const unsigned m = static_cast<unsigned>(d.month());
    const unsigned day = static_cast<unsigned>(d.day());
    if (y < 0 || y > 9999) return date::format("%F", d);
    char text[10] = {static_cast<char>('0' + y / 1000),      static_cast<char>('0' + y / 100 % 10),
                     static_cast<char>('0' + y / 10 % 10),   static_cast<char>('0' + y % 10),
                     '-',
                     static_cast<char>('0' + m / 10),        static_cast<char>('0' + m % 10),
                     '-',
                     static_cast<char>('0' + day / 10),      static_cast<char>('0' + day % 10)};
    return std::string(text, sizeof text);
}

LocalDate parseDate(std::string_view text, const std::string& field) {
    int y = 0;
    unsigned m = 0, d = 0;
    const char* end = text.data() + text.size();
    auto bad = [&] { return ValidationError(field, "must be a date YYYY-MM-DD, got \"" + std::string(text) + "\""); };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad();
    // from_chars would take a sign ("-026-07-14" as the year −26): digits only.
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') throw bad();
    if (std::from_chars(text.data(), text.data() + 4, y).ptr != text.data() + 4) throw bad();
    if (std::from_chars(text.data() + 5, text.data() + 7, m).ptr != text.data() + 7) throw bad();
    if (std::from_chars(text.data() + 8, end, d).ptr != end) throw bad();
    const LocalDate ymd{date::year{y}, date::month{m}, date::day{d}};
    if (!ymd.ok()) throw ValidationError(field, "\"" + std::string(text) + "\" is not a day of the calendar");
    return ymd;
}

std::string hhmm(Minutes m) {
    const auto v = m.count();
    std::string out(5, '0');
    out[0] = static_cast<char>('0' + (v / 60) / 10);
    out[1] = static_cast<char>('0' + (v / 60) % 10);
    out[2] = ':';
    out[3] = static_cast<char>('0' + (v % 60) / 10);
    out[4] = static_cast<char>('0' + (v % 60) % 10);
    return out;
}

Minutes parseWallTime(std::string_view text, const std::string& field) {
    int h = 0, m = 0;
    auto bad = [&] { return ValidationError(field, "must be a time HH:MM, got \"" + std::string(text) + "\""); };
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() - colon != 3) throw bad();
    if (std::from_chars(text.data(), text.data() + colon, h).ptr != text.data() + colon) throw bad();
    if (std::from_chars(text.data() + colon + 1, text.data() + text.size(), m).ptr != text.data() + text.size())
        throw bad();
    if (h < 0 || h > 23 || m < 0 || m > 59) throw ValidationError(field, "\"" + std::string(text) + "\" is not a time of day");
    return Minutes{h * 60 + m};
}

LocalDate nextDay(LocalDate d) { return LocalDate{date::sys_days{d} + date::days{1}}; }

int isoWeekday(LocalDate d) { return static_cast<int>(date::weekday{date::sys_days{d}}.iso_encoding()); }

}  // namespace narcisse::domain
