// The day sheet: what each boatman takes on board — one page per boat that sails with bookings, a
// table per departure with a box to tick at boarding, and the passengers and money to collect.
// The input is plain data (src/app builds it from the day planning), so this file knows no store.
#pragma once

#include "domain/money.h"
#include "domain/time.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::reports {

struct DaySheetBooking {
    std::string reference;        // "SN-4K7M2P9Q"
    std::string name;             // the customer's name; may be empty (a walk-in)
    std::string party;            // "2A 1C 1B"
    int passengers = 0;           // people on board, babies included
    std::string language;         // "de"
    domain::Money toCollect;      // zero: paid
    std::string notes;
};

struct DaySheetDeparture {
    domain::Minutes time{0};      // local wall time
    std::vector<DaySheetBooking> bookings;
};

struct DaySheetBoat {
    std::string name;
    int capacity = 0;
    std::optional<std::string> boatman;   // nobody assigned: printed as such, for the desk to act
    std::vector<DaySheetDeparture> departures;   // in time order; departures without bookings left out
};

// Every word the sheet prints, so that a translation can replace them (English by default).
struct DaySheetLabels {
    std::string title = "Day sheet";
    std::string boatman = "Boatman";
    std::string noBoatman = "\xE2\x80\x94 no boatman \xE2\x80\x94";   // "— no boatman —"
    std::string seats = "seats";
    std::string continued = "continued";
    std::string time = "Time";
    std::string reference = "Reference";
    std::string name = "Name";
    std::string party = "Party";
    std::string language = "Lang.";
    std::string toCollectHeader = "To collect";
    std::string paid = "paid";
    std::string passenger = "passenger";
    std::string passengers = "passengers";
    std::string booking = "booking";
    std::string bookings = "bookings";
    std::string departure = "departure";
    std::string departures = "departures";
    std::string toCollect = "to collect";
    std::string dayTotal = "Day total";
    std::string printed = "Printed";
    std::string page = "page";
    std::string nothing = "No bookings on this day.";
    std::string weekdays[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    std::string months[12] = {"January", "February", "March",     "April",   "May",      "June",
                              "July",    "August",   "September", "October", "November", "December"};
};

struct DaySheet {
    domain::LocalDate date;
    std::string businessName;
    std::string printedAt;              // "2026-07-14 08:05", local time; empty: not printed
    char decimalSeparator = ',';        // amounts as the business writes them: "12,50 €"
    std::vector<DaySheetBoat> boats;    // in the fleet's order; boats without bookings get no page
    DaySheetLabels labels;
};

struct DaySheetResult {
    int pages = 0;
    int boats = 0;        // boats with a page
    int bookings = 0;
    int passengers = 0;
};

// Writes the sheet to `path` through "<path>.part". A day without any booking gives one page that
// says so. Throws PdfError or std::runtime_error; nothing is left behind on failure.
DaySheetResult writeDaySheet(const DaySheet& sheet, const std::string& path);

// "Tuesday 14 July 2026" with the labels' names.
std::string longDate(domain::LocalDate date, const DaySheetLabels& labels);

}  // namespace narcisse::reports
