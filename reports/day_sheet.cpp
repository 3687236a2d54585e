// The sheet is read standing on a boat, in daylight, pen in hand: large type, black on white, one
// row per party with a box to tick, departures separated by heavy rules, nothing in colour that
// a black-and-white printer would lose.
#include "reports/day_sheet.h"

#include "reports/pdf_document.h"

#include <algorithm>
#include <numeric>

namespace narcisse::reports {

namespace {

using domain::Money;

// Column widths in points (the name takes what is left of the 527 pt between the margins).
constexpr double kTimeWidth = 74;
constexpr double kBoxWidth = 26;
constexpr double kRefWidth = 86;  // never cut: the boatman matches it with the ticket
constexpr double kPartyWidth = 70;
constexpr double kLangWidth = 36;
constexpr double kPaymentWidth = 80;

constexpr double kHeaderRow = 18;
constexpr double kRow = 24;            // one party
constexpr double kRowWithNotes = 36;   // one party and its notes underneath
constexpr double kMinDeparture = 36;   // the time and its passenger count need two lines
constexpr double kTotalRow = 26;
constexpr double kCellPad = 5;

constexpr double kRowText = 11.5;
constexpr double kSmallText = 9;

const Colour kRule = Colour::black();
const Colour kThin = Colour::grey(0.55f);
const Colour kShade = Colour::grey(0.9f);
const Colour kNoteText = Colour::grey(0.25f);

std::string plural(int n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

int passengersOf(const DaySheetDeparture& d) {
    return std::accumulate(d.bookings.begin(), d.bookings.end(), 0,
                           [](int n, const DaySheetBooking& b) { return n + b.passengers; });
}

Money toCollectOf(const DaySheetDeparture& d) {
    Money m = Money::zero();
    for (const auto& b : d.bookings) m += b.toCollect;
    return m;
}

double rowHeight(const DaySheetBooking& b) { return b.notes.empty() ? kRow : kRowWithNotes; }

struct Columns {
    double time, box, ref, name, party, lang, payment, end;
    explicit Columns(const PdfDocument& pdf) {
        time = pdf.left();
        box = time + kTimeWidth;
        ref = box + kBoxWidth;
        name = ref + kRefWidth;
        end = pdf.right();
        payment = end - kPaymentWidth;
        lang = payment - kLangWidth;
        party = lang - kPartyWidth;
    }
};

class SheetWriter {
public:
    SheetWriter(PdfDocument& pdf, const DaySheet& sheet) : m_pdf(pdf), m_sheet(sheet), m_l(sheet.labels), m_c(pdf) {}

    void boat(const DaySheetBoat& boat) {
        m_boat = &boat;
        startPage(false);
        for (const auto& d : boat.departures) departure(d);
        total();
    }

    void nothing() {
        m_pdf.newPage();
        m_pdf.text(m_pdf.left(), m_pdf.contentTop() + 24, m_l.nothing, 16, Weight::Bold);
    }

private:
    double bottom() const { return m_pdf.contentBottom(); }

    // The boat's name and boatman on top of every one of its pages, so that a loose page still
    // says whose it is; the day's figures only on its first page.
    void startPage(bool continued) {
        m_pdf.newPage();
        const auto& boat = *m_boat;
        double y = m_pdf.contentTop() + 20;
        const std::string seats = std::to_string(boat.capacity) + " " + m_l.seats;
        m_pdf.text(m_pdf.right(), y, seats, 12, Weight::Regular, Align::Right);
        const std::string title = continued ? boat.name + " (" + m_l.continued + ")" : boat.name;
        m_pdf.fittedText(m_pdf.left(), y, title, m_pdf.contentWidth() - m_pdf.measure(seats, 12) - 20,
                         continued ? 16 : 22, Weight::Bold);
        y += 22;
        if (boat.boatman) {
            const std::string label = m_l.boatman + ": ";
            m_pdf.text(m_pdf.left(), y, label, 14);
            m_pdf.fittedText(m_pdf.left() + m_pdf.measure(label, 14), y, *boat.boatman,
                             m_pdf.contentWidth() - m_pdf.measure(label, 14), 14, Weight::Bold);
        } else {
            m_pdf.text(m_pdf.left(), y, m_l.noBoatman, 14, Weight::Bold);
        }
        if (!continued) {
            y += 20;
            m_pdf.text(m_pdf.left(), y, summary(), 11);
        }
        m_y = y + 12;
        tableHeader();
    }

    std::string summary() const {
        int passengers = 0, bookings = 0;
        Money collect = Money::zero();
        for (const auto& d : m_boat->departures) {
            passengers += passengersOf(d);
            bookings += static_cast<int>(d.bookings.size());
            collect += toCollectOf(d);
        }
        const int departures = static_cast<int>(m_boat->departures.size());
        std::string s = plural(passengers, m_l.passenger, m_l.passengers) + " \xC2\xB7 " +
                        plural(bookings, m_l.booking, m_l.bookings) + " \xC2\xB7 " +
                        plural(departures, m_l.departure, m_l.departures);
        if (collect.cents() != 0) s += " \xC2\xB7 " + collect.display(m_sheet.decimalSeparator) + " " + m_l.toCollect;
        return s;
    }

    void tableHeader() {
        const double top = m_y, base = top + 12.5;
        m_pdf.fillRect(m_c.time, top, m_c.end - m_c.time, kHeaderRow, kShade);
        m_pdf.text(m_c.time + kCellPad, base, m_l.time, kSmallText, Weight::Bold);
        m_pdf.text(m_c.ref + kCellPad, base, m_l.reference, kSmallText, Weight::Bold);
        m_pdf.text(m_c.name + kCellPad, base, m_l.name, kSmallText, Weight::Bold);
        m_pdf.text(m_c.party + kCellPad, base, m_l.party, kSmallText, Weight::Bold);
        m_pdf.text(m_c.lang + kCellPad, base, m_l.language, kSmallText, Weight::Bold);
        m_pdf.text(m_c.end - kCellPad, base, m_l.toCollectHeader, kSmallText, Weight::Bold, Align::Right);
        for (double x : {m_c.box, m_c.ref, m_c.name, m_c.party, m_c.lang, m_c.payment})
            m_pdf.line(x, top, x, top + kHeaderRow, 0.4, kThin);
        m_pdf.strokeRect(m_c.time, top, m_c.end - m_c.time, kHeaderRow, 1.0, kRule);
        m_y = top + kHeaderRow;
        m_atTableTop = true;
    }

    void departure(const DaySheetDeparture& d) {
        // A departure stays on one page when it can: the boatman boards it from one list.
        double whole = 0;
        for (const auto& b : d.bookings) whole += rowHeight(b);
        if (!m_atTableTop && m_y + std::max(whole, kMinDeparture) > bottom()) startPage(true);

        std::size_t i = 0;
        while (i < d.bookings.size()) {
            const double top = m_y;
            const std::size_t first = i;
            while (i < d.bookings.size()) {
                const double h = rowHeight(d.bookings[i]);
                const bool fits = std::max(m_y + h, top + kMinDeparture) <= bottom();
                if (!fits && !(i == first && m_atTableTop)) break;
                row(d.bookings[i], m_y, i > first);
                m_y += h;
                ++i;
            }
            m_y = std::max(m_y, top + kMinDeparture);
            timeCell(d, top, m_y);
            m_pdf.line(m_c.time, m_y, m_c.end, m_y, 1.2, kRule);
            m_atTableTop = false;
            if (i < d.bookings.size()) startPage(true);
        }
    }

    void timeCell(const DaySheetDeparture& d, double top, double bottomY) {
        m_pdf.text(m_c.time + kCellPad, top + 18, domain::hhmm(d.time), 16, Weight::Bold);
        m_pdf.fittedText(m_c.time + kCellPad, top + 31, plural(passengersOf(d), m_l.passenger, m_l.passengers),
                         kTimeWidth - 2 * kCellPad, 8);
        // Column rules over the departure's height; the outer ones heavier, as a frame.
        m_pdf.line(m_c.time, top, m_c.time, bottomY, 1.2, kRule);
        m_pdf.line(m_c.end, top, m_c.end, bottomY, 1.2, kRule);
        for (double x : {m_c.box, m_c.ref, m_c.name, m_c.party, m_c.lang, m_c.payment})
            m_pdf.line(x, top, x, bottomY, x == m_c.box ? 1.0 : 0.4, x == m_c.box ? kRule : kThin);
    }

    void row(const DaySheetBooking& b, double top, bool separated) {
        if (separated) m_pdf.line(m_c.box, top, m_c.end, top, 0.4, kThin);
        const double base = top + 16;
        const double box = 13;
        m_pdf.strokeRect(m_c.box + (kBoxWidth - box) / 2, top + (kRow - box) / 2, box, box, 1.0, kRule);
        // A reference is matched with the ticket character by character: smaller, never cut.
        double refSize = 9.5;
        while (refSize > 6 && m_pdf.measure(b.reference, refSize) > kRefWidth - 2 * kCellPad) refSize -= 0.5;
        m_pdf.text(m_c.ref + kCellPad, base, b.reference, refSize);
        m_pdf.fittedText(m_c.name + kCellPad, base, b.name, m_c.party - m_c.name - 2 * kCellPad, kRowText, Weight::Bold);
        m_pdf.fittedText(m_c.party + kCellPad, base, b.party, kPartyWidth - 2 * kCellPad, kRowText);
        std::string language = b.language;
        std::transform(language.begin(), language.end(), language.begin(),
                       [](unsigned char c) { return static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c); });
        m_pdf.fittedText(m_c.lang + kCellPad, base, language, kLangWidth - 2 * kCellPad, kRowText);
        // Amounts right-aligned, so that the boatman's eye finds them in a column.
        if (b.toCollect.cents() > 0)
            m_pdf.fittedText(m_c.end - kCellPad, base, b.toCollect.display(m_sheet.decimalSeparator),
                             kPaymentWidth - 2 * kCellPad, kRowText, Weight::Bold, Align::Right);
        else
            m_pdf.fittedText(m_c.end - kCellPad, base, m_l.paid, kPaymentWidth - 2 * kCellPad, kRowText,
                             Weight::Regular, Align::Right);
        if (!b.notes.empty())
            m_pdf.fittedText(m_c.name + kCellPad, top + 30, b.notes, m_c.payment - m_c.name - 2 * kCellPad, kSmallText,
                             Weight::Regular, Align::Left, kNoteText);
    }

    void total() {
        if (m_y + kTotalRow > bottom()) startPage(true);
        int passengers = 0, bookings = 0;
        Money collect = Money::zero();
        for (const auto& d : m_boat->departures) {
            passengers += passengersOf(d);
            bookings += static_cast<int>(d.bookings.size());
            collect += toCollectOf(d);
        }
        const double top = m_y, base = top + 17;
        m_pdf.fillRect(m_c.time, top, m_c.end - m_c.time, kTotalRow, kShade);
        m_pdf.strokeRect(m_c.time, top, m_c.end - m_c.time, kTotalRow, 1.2, kRule);
        m_pdf.text(m_c.time + kCellPad, base, m_l.dayTotal, 11, Weight::Bold);
        m_pdf.fittedText(m_c.name + kCellPad, base,
                         plural(passengers, m_l.passenger, m_l.passengers) + " \xC2\xB7 " +
                             plural(bookings, m_l.booking, m_l.bookings),
                         m_c.payment - m_c.name - 2 * kCellPad, 11, Weight::Bold);
        m_pdf.fittedText(m_c.end - kCellPad, base, collect.display(m_sheet.decimalSeparator),
                         kPaymentWidth - 2 * kCellPad, kRowText, Weight::Bold, Align::Right);
        m_y = top + kTotalRow;
    }

    PdfDocument& m_pdf;
    const DaySheet& m_sheet;
    const DaySheetLabels& m_l;
    const Columns m_c;
    const DaySheetBoat* m_boat = nullptr;
    double m_y = 0;
    bool m_atTableTop = true;
};

}  // namespace

std::string longDate(domain::LocalDate date, const DaySheetLabels& labels) {
    const int weekday = domain::isoWeekday(date);
    return labels.weekdays[weekday - 1] + " " + std::to_string(static_cast<unsigned>(date.day())) + " " +
           labels.months[static_cast<unsigned>(date.month()) - 1] + " " + std::to_string(static_cast<int>(date.year()));
}

DaySheetResult writeDaySheet(const DaySheet& sheet, const std::string& path) {
    const DaySheetLabels& l = sheet.labels;
    PdfOptions options;
    options.title = l.title + " \xC2\xB7 " + longDate(sheet.date, l);
    options.header = sheet.businessName;
    options.footer = sheet.printedAt.empty() ? std::string() : l.printed + " " + sheet.printedAt;
    options.pageWord = l.page;
    PdfDocument pdf(options);
    SheetWriter writer(pdf, sheet);

    DaySheetResult result;
    for (const auto& boat : sheet.boats) {
        const bool sails = std::any_of(boat.departures.begin(), boat.departures.end(),
                                       [](const DaySheetDeparture& d) { return !d.bookings.empty(); });
        if (!sails) continue;
        DaySheetBoat shown = boat;
        std::erase_if(shown.departures, [](const DaySheetDeparture& d) { return d.bookings.empty(); });
        writer.boat(shown);
        ++result.boats;
        for (const auto& d : shown.departures) {
            result.bookings += static_cast<int>(d.bookings.size());
            result.passengers += passengersOf(d);
        }
    }
    if (result.boats == 0) writer.nothing();
    result.pages = pdf.pageCount();
    pdf.save(path);
    return result;
}

}  // namespace narcisse::reports
