// Shared by the domain tests: readable failure output for domain values, and small helpers to
// assert which field a ValidationError names.
#pragma once

#include "domain/booking.h"
#include "domain/errors.h"
#include "domain/money.h"
#include "domain/public_ref.h"
#include "domain/time.h"
#include "domain/uuid.h"

#include <catch2/catch.hpp>

#include <string>

namespace Catch {
template <>
struct StringMaker<narcisse::domain::Money> {
    static std::string convert(const narcisse::domain::Money& m) { return m.plain() + " " + m.currency(); }
};
template <>
struct StringMaker<narcisse::domain::Uuid> {
    static std::string convert(const narcisse::domain::Uuid& u) { return u.str(); }
};
template <>
struct StringMaker<narcisse::domain::PublicRef> {
    static std::string convert(const narcisse::domain::PublicRef& r) { return r.str(); }
};
template <>
struct StringMaker<narcisse::domain::BookingState> {
    static std::string convert(narcisse::domain::BookingState s) { return std::string(narcisse::domain::toString(s)); }
};
}  // namespace Catch

namespace narcisse::domain::test {

// The field named by the ValidationError `work` throws; "(no error)" when it throws nothing.
// Any other exception propagates, so Catch reports it as the failure it is.
template <typename Work>
std::string refusedField(Work&& work) {
    try {
        work();
    } catch (const ValidationError& e) {
        return e.field();
    }
    return "(no error)";
}

// The message of the exception of type E that `work` throws; "(no error)" when it throws nothing.
template <typename E, typename Work>
std::string errorMessage(Work&& work) {
    try {
        work();
    } catch (const E& e) {
        return e.what();
    }
    return "(no error)";
}

inline Instant utc(std::string_view iso) { return parseIsoUtc(iso, "test instant"); }
inline LocalDate day(int y, unsigned m, unsigned d) { return LocalDate{date::year{y}, date::month{m}, date::day{d}}; }
inline Minutes hm(int h, int m) { return Minutes{h * 60 + m}; }

}  // namespace narcisse::domain::test
