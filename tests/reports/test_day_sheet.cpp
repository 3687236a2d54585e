// The day sheet PDF read back as a reader sees it: poppler's pdftotext (layout mode) gives the lines,
// pdfinfo the page count. Unicode names must come out as typed.
#include "app/day_sheet.h"
#include "domain/public_ref.h"
#include "reports/day_sheet.h"
#include "reports/pdf_document.h"
#include "support/engines.h"
#include "support/world.h"

#include "pdf_text.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

std::string ref(std::uint64_t n) { return PublicRef::fromNumber(n).str(); }

reports::DaySheetBooking booking(std::uint64_t n, std::string name, std::string party, int passengers,
                                 std::string language, Money toCollect, std::string notes = {}) {
    return {ref(n), std::move(name), std::move(party), passengers, std::move(language), toCollect, std::move(notes)};
}

// Three boats: Ill with a boatman and two departures, Lauch without a boatman, Krutenau idle.
reports::DaySheet handBuiltSheet() {
    reports::DaySheet s;
    s.date = LocalDate{date::year{2026}, date::month{7}, date::day{14}};
    s.businessName = "Sweet Narcisse · Colmar";
    s.printedAt = "2026-07-14 08:05";
    reports::DaySheetBoat ill{"Ill", 12, std::string("Zoé Lefèvre"), {}};
    ill.departures.push_back({Minutes{10 * 60},
                              {booking(101, "Anna Müller", "2A 1C 1B", 4, "de", Money::zero(), "Poussette pliable"),
                               booking(102, "Łukasz Kowalski", "1A", 1, "en", Money::cents(1200))}});
    ill.departures.push_back({Minutes{10 * 60 + 30}, {booking(103, "Ñandú García", "3A", 3, "es", Money::zero())}});
    reports::DaySheetBoat lauch{"Lauch", 10, std::nullopt, {}};
    lauch.departures.push_back({Minutes{11 * 60}, {booking(104, "Jean Dupont", "2A 2C", 4, "fr", Money::cents(3800))}});
    reports::DaySheetBoat krutenau{"Krutenau", 12, std::string("Paul Meyer"), {}};
    krutenau.departures.push_back({Minutes{11 * 60}, {}});
    s.boats = {ill, lauch, krutenau};
    return s;
}

}  // namespace

TEST_CASE("the day sheet has one page per boat that sails, with its boatman, bookings and totals", "[reports]") {
    TempDir dir;
    const std::string path = dir.file("day-sheet.pdf");
    const auto result = reports::writeDaySheet(handBuiltSheet(), path);
    CHECK(result.pages == 2);
    CHECK(result.boats == 2);
    CHECK(result.bookings == 4);
    CHECK(result.passengers == 12);
    CHECK(pageCount(path) == 2);   // Krutenau sails empty: no page
    CHECK(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(path + ".part"));

    const auto lines = pdfLines(path);
    INFO(dump(lines));
    const std::vector<std::vector<std::string>> expected{
        {"Sweet Narcisse · Colmar", "Day sheet · Tuesday 14 July 2026"},
        {"Ill", "12 seats"},
        {"Boatman: Zoé Lefèvre"},
        {"8 passengers · 3 bookings · 2 departures · 12,00 € to collect"},
        {"Time", "Reference", "Name", "Party", "Lang.", "To collect"},
        {"10:00", ref(101), "Anna Müller", "2A 1C 1B", "DE", "paid"},
        {"5 passengers", "Poussette pliable"},
        {ref(102), "Łukasz Kowalski", "1A", "EN", "12,00 €"},
        {"10:30", ref(103), "Ñandú García", "3A", "ES", "paid"},
        {"3 passengers"},
        {"Day total", "8 passengers · 3 bookings", "12,00 €"},
        {"Printed 2026-07-14 08:05", "page 1 / 2"},
        {"Sweet Narcisse · Colmar", "Day sheet · Tuesday 14 July 2026"},
        {"Lauch", "10 seats"},
        {"— no boatman —"},
        {"4 passengers · 1 booking · 1 departure · 38,00 € to collect"},
        {"Time", "Reference", "Name", "Party", "Lang.", "To collect"},
        {"11:00", ref(104), "Jean Dupont", "2A 2C", "FR", "38,00 €"},
        {"4 passengers"},
        {"Day total", "4 passengers · 1 booking", "38,00 €"},
        {"Printed 2026-07-14 08:05", "page 2 / 2"},
    };
    CHECK(lines == expected);

    // Kept with page 1 as an image, for a person to look at (build/screenshots/).
    std::filesystem::create_directories(NARCISSE_SCREENSHOT_DIR);
    const std::string kept = std::string(NARCISSE_SCREENSHOT_DIR) + "/day_sheet.pdf";
    std::filesystem::copy_file(path, kept, std::filesystem::copy_options::overwrite_existing);
    run("pdftoppm -png -r 60 -f 1 -l 1 -singlefile '" + kept + "' '" + NARCISSE_SCREENSHOT_DIR + "/day_sheet_page1' 2>/dev/null");
    CHECK(std::filesystem::exists(std::string(NARCISSE_SCREENSHOT_DIR) + "/day_sheet_page1.png"));
}

TEST_CASE("a long day continues on the boat's next page, with its name, boatman and table header", "[reports]") {
    reports::DaySheet s = handBuiltSheet();
    s.boats.resize(1);
    auto& ill = s.boats[0];
    ill.departures.clear();
    for (int d = 0; d < 31; ++d)   // 10:00 to 20:00 every 20 minutes, two parties on each
        ill.departures.push_back({Minutes{10 * 60 + 20 * d},
                                  {booking(200 + 2 * d, "Marie-Christine Dubois-Lefèvre de la Roche-Guyon", "2A", 2, "fr",
                                           Money::zero()),
                                   booking(201 + 2 * d, "Ole Sørensen", "1A 1C", 2, "da", Money::cents(1900))}});
    TempDir dir;
    const std::string path = dir.file("long-day.pdf");
    const auto result = reports::writeDaySheet(s, path);
    CHECK(result.pages == 3);
    CHECK(pageCount(path) == 3);
    const auto lines = pdfLines(path);
    INFO(dump(lines));
    CHECK(hasLine(lines, {"Ill (continued)", "12 seats"}));
    CHECK(hasLine(lines, {"Day total", "124 passengers · 62 bookings", "589,00 €"}));
    CHECK(hasLine(lines, {"Printed 2026-07-14 08:05", "page 3 / 3"}));
    // A name too long for its column is cut with an ellipsis, never over the next column.
    CHECK(hasLine(lines, {"10:00", ref(200), "Marie-Christine Dub…", "2A", "FR", "paid"}));
    int headers = 0, departures = 0;
    for (const auto& l : lines) {
        if (l.size() == 6 && l[0] == "Time") ++headers;
        if (std::regex_match(l[0], std::regex("\\d\\d:\\d\\d"))) ++departures;
    }
    CHECK(headers == 3);       // the table header on every page
    CHECK(departures == 31);   // each departure once: none split across two pages
}

TEST_CASE("a day without bookings gives one page that says so", "[reports]") {
    reports::DaySheet s = handBuiltSheet();
    for (auto& boat : s.boats) boat.departures.clear();
    TempDir dir;
    const std::string path = dir.file("empty.pdf");
    const auto result = reports::writeDaySheet(s, path);
    CHECK(result.pages == 1);
    CHECK(result.boats == 0);
    const auto lines = pdfLines(path);
    INFO(dump(lines));
    CHECK(lines == std::vector<std::vector<std::string>>{{"Sweet Narcisse · Colmar", "Day sheet · Tuesday 14 July 2026"},
                                                         {"No bookings on this day."},
                                                         {"Printed 2026-07-14 08:05", "page 1 / 1"}});
}

TEST_CASE("a sheet that cannot be written leaves no file behind and says where", "[reports]") {
    TempDir dir;
    const std::string path = dir.file("no-such-folder/day-sheet.pdf");
    CHECK_THROWS_AS(reports::writeDaySheet(handBuiltSheet(), path), reports::PdfError);
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(path + ".part"));

    reports::PdfOptions options;
    options.fontDirectory = dir.file("no-fonts");
    CHECK_THROWS_AS(reports::PdfDocument(options), reports::PdfError);
}

TEST_CASE("the day sheet of a stored day: boatmen from the crew, paid or to collect from the payments",
          "[reports]") {
    test::SqliteEngine engine;
    auto store = engine.open();
    const test::World w = test::seedWorld(*store);
    const LocalDate day = test::bastilleDay();
    const Instant now = test::at("2026-07-14T06:00:00Z");

    const Employee zoe{Uuid::generate(), "zoe", "Zoé Lefèvre", Role::Staff, true, "", ""};
    Customer anna{Uuid::generate(), "Anna Müller", "anna@example.de", "", "de"};
    Customer lukasz{Uuid::generate(), "Łukasz Kowalski", "", "", "en"};
    Customer nandu{Uuid::generate(), "Ñandú García", "", "", "es"};
    auto makeBooking = [&](const Customer& c, const Boat& boat, const char* startUtc, Party party, BookingState state,
                           std::int64_t cents, std::uint64_t number) {
        Booking b;
        b.id = Uuid::generate();
        b.ref = PublicRef::fromNumber(number);
        b.boatId = boat.id;
        b.departureStart = test::at(startUtc);
        b.departureEnd = b.departureStart + std::chrono::minutes{45};
        b.party = party;
        b.language = c.language;
        b.state = state;
        b.total = Money::cents(cents);
        b.customerId = c.id;
        b.createdAt = test::at("2026-06-01T09:00:00Z");
        if (state == BookingState::Pending) b.expiresAt = test::at("2026-07-14T07:00:00Z");
        return b;
    };
    // Anna paid in full; Łukasz paid part of it (one payment failed); Ñandú's phone booking is
    // pending; a cancelled booking stays ashore.
    Booking annaBooking = makeBooking(anna, w.ill, "2026-07-14T08:00:00Z", {2, 1, 1}, BookingState::Confirmed, 3100, 301);
    annaBooking.notes = "Poussette pliable";
    Booking lukaszBooking = makeBooking(lukasz, w.ill, "2026-07-14T08:00:00Z", {2, 0, 0}, BookingState::Confirmed, 2400, 302);
    lukaszBooking.createdAt += std::chrono::minutes{5};   // booked after Anna: listed after her
    const Booking nanduBooking =
        makeBooking(nandu, w.lauch, "2026-07-14T08:30:00Z", {3, 0, 0}, BookingState::Pending, 3600, 303);
    const Booking cancelled =
        makeBooking(anna, w.lauch, "2026-07-14T09:00:00Z", {1, 0, 0}, BookingState::Cancelled, 1200, 304);
    auto payment = [](const Booking& b, std::int64_t cents, PaymentStatus status) {
        Payment p;
        p.id = Uuid::generate();
        p.bookingId = b.id;
        p.method = PaymentMethod::Card;
        p.amount = Money::cents(cents);
        p.status = status;
        p.createdAt = test::at("2026-06-01T09:00:00Z");
        return p;
    };
    store->write([&](StoreWriter& tx) {
        tx.saveEmployee(zoe);
        for (const Customer* c : {&anna, &lukasz, &nandu}) tx.saveCustomer(*c);
        for (const Booking& b : {annaBooking, lukaszBooking, nanduBooking, cancelled}) tx.insertBooking(b);
        tx.insertPayment(payment(annaBooking, 3100, PaymentStatus::Succeeded));
        tx.insertPayment(payment(lukaszBooking, 1000, PaymentStatus::Succeeded));
        tx.insertPayment(payment(lukaszBooking, 1400, PaymentStatus::Failed));
        tx.saveCrewAssignment({Uuid::generate(), day, w.ill.id, zoe.id});
        tx.setSetting("business_name", "Sweet Narcisse");
    });

    TempDir dir;
    const std::string path = dir.file("sheet.pdf");
    const auto result = app::writeDaySheet(*store, day, path, now);
    CHECK(result.pages == 2);
    CHECK(result.bookings == 3);
    CHECK(result.passengers == 9);
    CHECK(pageCount(path) == 2);
    CHECK_FALSE(std::filesystem::exists(path + ".part"));
    const auto lines = pdfLines(path);
    INFO(dump(lines));
    CHECK(lines[0] == std::vector<std::string>{"Sweet Narcisse", "Day sheet · Tuesday 14 July 2026"});
    CHECK(hasLine(lines, {"Boatman: Zoé Lefèvre"}));
    CHECK(hasLine(lines, {"— no boatman —"}));
    CHECK(hasLine(lines, {"10:00", ref(301), "Anna Müller", "2A 1C 1B", "DE", "paid"}));
    CHECK(hasLine(lines, {ref(302), "Łukasz Kowalski", "2A", "EN", "14,00 €"}));
    CHECK(hasLine(lines, {"10:30", ref(303), "Ñandú García", "3A", "ES", "36,00 €"}));
    CHECK(hasLine(lines, {"Day total", "6 passengers · 2 bookings", "14,00 €"}));
    CHECK(hasLine(lines, {"Day total", "3 passengers · 1 booking", "36,00 €"}));
    CHECK(hasLine(lines, {"Printed 2026-07-14 08:00", "page 2 / 2"}));
    for (const auto& l : lines) CHECK(std::find(l.begin(), l.end(), ref(304)) == l.end());   // cancelled
}
