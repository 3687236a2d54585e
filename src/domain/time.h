// Instants are UTC; the business's calendar and wall clock come from its IANA time zone
// (default Europe/Paris) through date/tz. A day is never "24 hours later".
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <date/date.h>

namespace date {
class time_zone;
}

namespace narcisse::domain {

using Instant = std::chrono::sys_seconds;   // a point in time, UTC, to the second
using LocalDate = date::year_month_day;      // a date on the business's calendar
using Minutes = std::chrono::minutes;

class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
public:
    Instant now() const override;
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(Instant at) : m_at(at) {}
    Instant now() const override { return m_at; }
    void set(Instant at) { m_at = at; }

private:
    Instant m_at;
};

// How a local wall time maps to an instant on a given date.
enum class WallTimeKind { Unique, Nonexistent, Repeated };

struct ResolvedTime {
    Instant instant;   // for Repeated: the first occurrence; for Nonexistent: meaningless
    WallTimeKind kind;
};

class BusinessZone {
public:
    // Throws ValidationError("time zone", ...) for a name the IANA database does not know.
    explicit BusinessZone(std::string_view name = "Europe/Paris");
    const std::string& name() const { return m_name; }

    ResolvedTime resolve(LocalDate date, Minutes sinceMidnight) const;
    // Instant of a wall time; throws ConflictError when it does not exist on that date.
    Instant at(LocalDate date, Minutes sinceMidnight) const;
    LocalDate localDate(Instant t) const;
    Minutes localMinutes(Instant t) const;          // minutes since local midnight
    Instant startOfDay(LocalDate date) const;        // the first instant of that local date
    std::string format(Instant t, const char* pattern = "%H:%M") const;

private:
    std::string m_name;
    const date::time_zone* m_zone;
};

// Text forms used in files, the database and the CLI.
std::string isoUtc(Instant t);                                    // 2026-07-14T08:00:00Z
Instant parseIsoUtc(std::string_view text, const std::string& field);
std::string isoDate(LocalDate d);                                 // 2026-07-14
LocalDate parseDate(std::string_view text, const std::string& field);
std::string hhmm(Minutes m);                                      // 09:05
Minutes parseWallTime(std::string_view text, const std::string& field);
LocalDate nextDay(LocalDate d);
int isoWeekday(LocalDate d);                                      // 1 = Monday … 7 = Sunday

}  // namespace narcisse::domain
