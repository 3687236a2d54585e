// The desk from the terminal, end to end: board, cancel, refund, gift vouchers, the cash drawer, the
// daily closing, receipts and the integrity check, run as the built narcisse-cli with their output
// lines and exit codes checked exactly, refusals included.
//
// narcisse-cli reads the system clock and has no way to set "now" (no --now, no NARCISSE_NOW), and
// boarding only takes today's departures. So the world of tests/support gets a timetable rule for
// today and tomorrow (a departure every 20 minutes, 00:00–23:40) and:
//  - the booking boarded today is sold in-process by app::sellRide with a FixedClock at 00:01 today,
//    for the 23:40 departure (it has not left by the sale's clock; boarding does not ask whether the
//    boat has left, only that the departure is today's);
//  - what is cancelled or refunded is sold with `narcisse-cli sell` for tomorrow, which never has left.
// A run that straddles midnight (Europe/Paris) could see "today" change between two commands.
#include "app/cash_drawer.h"
#include "app/sales.h"
#include "app/settings.h"
#include "app/store_factory.h"
#include "domain/store.h"
#include "cli_runner.h"
#include "support/engines.h"
#include "support/world.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

using Outcome = narcisse::test::RunResult;

Outcome cli(const std::string& db, std::vector<std::string> args) { return narcisse::test::runCli(db, std::move(args)); }

LocalDate today() { return BusinessZone().localDate(SystemClock().now()); }

// The world (Ill 12 seats, Lauch 10; adult 12.00 €, child 7.00 €, VAT 10 %), departures all day today
// and tomorrow, Lucas (staff: sells and boards, no money back) and Claire (manager); the drawer
// opened at midnight with a 100.00 € float unless asked not to.
void seedDesk(const std::string& db, bool openDrawer = true) {
    auto store = app::openStore(db);
    seedWorld(*store);
    TimetableRule allDay{Uuid::generate(), today(), nextDay(today()), 0x7F, Minutes{0}, Minutes{23 * 60 + 40},
                         Minutes{20}, Minutes{15}};
    Employee lucas{Uuid::generate(), "lucas", "Lucas Fischer", Role::Staff, true, "", ""};
    Employee claire{Uuid::generate(), "claire", "Claire Muller", Role::Manager, true, "", ""};
    store->write([&](StoreWriter& w) {
        w.saveTimetableRule(allDay);
        w.saveEmployee(lucas);
        w.saveEmployee(claire);
    });
    if (openDrawer)
        app::openCashSession(*store, FixedClock(BusinessZone().startOfDay(today())), CashCount::parse("20x5", "float"),
                             claire.id);
}

// Tonight's 23:40 departure, 2 adults paid in cash (24.00 €), sold at 00:01 today.
std::string sellForTonight(const std::string& db) {
    auto store = app::openStore(db);
    const BusinessZone zone;
    const FixedClock earlyToday(zone.startOfDay(today()) + Minutes{1});
    app::SaleRequest sale;
    sale.date = today();
    sale.time = Minutes{23 * 60 + 40};
    sale.party = {2, 0, 0};
    sale.payment = PaymentMethod::Cash;
    return app::sellRide(*store, earlyToday, sale).booking.ref.str();
}

// Tomorrow's departure at `time`, `adults` paid by `pay` through `narcisse-cli sell`.
std::string sellForTomorrow(const std::string& db, const std::string& time, int adults, const std::string& pay) {
    const auto o = cli(db, {"sell", "--departure", isoDate(nextDay(today())) + " " + time, "--adults",
                            std::to_string(adults), "--pay", pay});
    INFO(o.err);
    REQUIRE(o.code == 0);
    REQUIRE(o.out.rfind("Sold SN-", 0) == 0);
    return o.out.substr(5, 11);
}

// A phone booking for tomorrow: PENDING, everything still due.
std::string phoneBookingForTomorrow(const std::string& db, int adults) {
    auto store = app::openStore(db);
    app::SaleRequest sale;
    sale.date = nextDay(today());
    sale.time = Minutes{11 * 60};
    sale.party = {adults, 0, 0};
    return app::sellRide(*store, SystemClock(), sale).booking.ref.str();
}

std::string line(const std::string& label, const std::string& value, std::size_t column = 11) {
    return label + std::string(column - label.size(), ' ') + value + "\n";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// "receipt        1  sound": the verify table (chain, records right-aligned, state).
std::string chainLine(const std::string& chain, int records, const std::string& state) {
    char out[64];
    std::snprintf(out, sizeof out, "%-7s  %7d  %s\n", chain.c_str(), records, state.c_str());
    return out;
}

// The code on the first line "Sold gift voucher SN-GIFT-XXXXXXXC".
std::string voucherCodeOf(const Outcome& sale) {
    const std::string prefix = "Sold gift voucher ";
    REQUIRE(sale.out.rfind(prefix, 0) == 0);
    return sale.out.substr(prefix.size(), 16);
}

bool isPdf(const std::string& path) { return readFile(path).rfind("%PDF-", 0) == 0; }

}  // namespace

TEST_CASE("board by reference: boarded once, then refused with the reason", "[cli][desk]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    seedDesk(db);
    const std::string tonight = sellForTonight(db);

    const auto boarded = cli(db, {"board", tonight, "--departure", "23:40", "--as", "lucas"});
    INFO(boarded.err);
    CHECK(boarded.code == 0);
    CHECK(boarded.out == "Boarded: " + tonight + " · 2A · 23:40 Lauch\n");
    CHECK(boarded.err.empty());

    const auto again = cli(db, {"board", tonight});
    CHECK(again.code == 3);
    CHECK(again.out.empty());
    CHECK(again.err.rfind("narcisse-cli: refused: Already boarded: " + tonight + " boarded on " + isoDate(today()) +
                              " at ",
                          0) == 0);
    CHECK(contains(again.err, " by Lucas Fischer\n"));

    SECTION("another departure, another day, unpaid, cancelled, unknown: exit code 3 with the reason") {
        const std::string other = sellForTonight(db);
        const auto wrong = cli(db, {"board", other, "--departure", "23:20"});
        CHECK(wrong.code == 3);
        CHECK(wrong.err == "narcisse-cli: refused: Wrong departure: " + other +
                               " is for 23:40 on Lauch, not the 23:20 departure\n");

        const std::string tomorrow = sellForTomorrow(db, "10:00", 1, "card");
        const auto wrongDay = cli(db, {"board", tomorrow});
        CHECK(wrongDay.code == 3);
        CHECK(wrongDay.err == "narcisse-cli: refused: Wrong day: " + tomorrow + " is for " +
                                  isoDate(nextDay(today())) + " 10:00 on Lauch, not today\n");

        const auto cancelled = cli(db, {"cancel", tomorrow, "--reason", "changed plans"});
        REQUIRE(cancelled.code == 0);
        const auto scanCancelled = cli(db, {"board", tomorrow});
        CHECK(scanCancelled.code == 3);
        CHECK(scanCancelled.err.rfind("narcisse-cli: refused: Cancelled: " + tomorrow + " was cancelled on ", 0) == 0);

        const auto unknown = cli(db, {"board", "hello"});
        CHECK(unknown.code == 3);
        CHECK(unknown.err == "narcisse-cli: refused: \"hello\" is not a booking reference\n");

        const auto badTime = cli(db, {"board", other, "--departure", "25:00"});
        CHECK(badTime.code == 2);
        CHECK(contains(badTime.err, "--departure"));

        const auto nobody = cli(db, {"board", other, "--as", "nobody"});
        CHECK(nobody.code == 2);
        CHECK(nobody.err == "narcisse-cli: --as: no employee has the login \"nobody\"\n");
    }
    SECTION("an unpaid phone booking of today is refused with the amount to collect") {
        auto store = app::openStore(db);
        const FixedClock earlyToday(BusinessZone().startOfDay(today()) + Minutes{1});
        app::SaleRequest sale;
        sale.date = today();
        sale.time = Minutes{23 * 60 + 40};
        sale.party = {1, 1, 0};
        // Kept PENDING past 00:31 would expire it: the setting keeps phone bookings for the day.
        store->write([](StoreWriter& w) { w.setSetting(app::setting_keys::kPendingExpiryMinutes, std::to_string(24 * 60)); });
        const std::string phone = app::sellRide(*store, earlyToday, sale).booking.ref.str();
        const auto unpaid = cli(db, {"board", phone});
        CHECK(unpaid.code == 3);
        CHECK(unpaid.err == "narcisse-cli: refused: Unpaid: 19.00 € to collect for " + phone + "\n");
    }
}

TEST_CASE("cancel and refund: the money goes back by the method chosen, a ticket is issued", "[cli][desk]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    seedDesk(db);

    SECTION("cancel with --refund cash: CASH 24.00 € done and the cancellation receipt") {
        const std::string ref = sellForTomorrow(db, "10:00", 2, "card");   // receipt #1
        const auto o = cli(db, {"cancel", ref, "--refund", "cash", "--reason", "rain forecast"});
        INFO(o.err);
        CHECK(o.code == 0);
        CHECK(o.out == "Cancelled " + ref + " (2A)\n" + line("refund", "CASH 24.00 € done") + line("receipt", "#2"));
        const auto twice = cli(db, {"cancel", ref, "--reason", "again"});
        CHECK(twice.code == 3);
        CHECK(twice.err.rfind("narcisse-cli: refused: " + ref + ": ", 0) == 0);
    }
    SECTION("by the original method, or as a voucher credit") {
        const std::string card = sellForTomorrow(db, "10:00", 1, "card");
        const auto byCard = cli(db, {"cancel", card, "--reason", "sick"});
        CHECK(byCard.code == 0);
        CHECK(byCard.out == "Cancelled " + card + " (1A)\n" + line("refund", "CARD 12.00 € done") + line("receipt", "#2"));

        const std::string credit = sellForTomorrow(db, "10:20", 1, "cash");
        const auto asVoucher = cli(db, {"cancel", credit, "--refund", "voucher", "--reason", "will come back"});
        CHECK(asVoucher.code == 0);
        CHECK(asVoucher.out.rfind("Cancelled " + credit + " (1A)\n" + line("refund", "VOUCHER 12.00 € done") +
                                      "voucher    SN-GIFT-",
                                  0) == 0);
        CHECK(contains(asVoucher.out, " credited 12.00 €\n" + line("receipt", "#4")));
    }
    SECTION("a partial refund leaves the booking; more than what is left is exit code 2") {
        const std::string ref = sellForTomorrow(db, "10:00", 2, "cash");
        const auto part = cli(db, {"refund", ref, "--amount", "5", "--reason", "late start"});
        INFO(part.err);
        CHECK(part.code == 0);
        CHECK(part.out == "Refunded " + ref + " (2A)\n" + line("refund", "CASH 5.00 € done") + line("receipt", "#2"));
        const auto tooMuch = cli(db, {"refund", ref, "--amount", "20", "--reason", "late start"});
        CHECK(tooMuch.code == 2);
        CHECK(tooMuch.err.rfind("narcisse-cli: amount: 20.00 € is more than the 19.00 €", 0) == 0);
        const auto badAmount = cli(db, {"refund", ref, "--amount", "5.555", "--reason", "x"});
        CHECK(badAmount.code == 2);
        CHECK(badAmount.err.rfind("narcisse-cli: --amount: ", 0) == 0);
        const auto noReason = cli(db, {"refund", ref, "--amount", "1", "--reason", " "});
        CHECK(noReason.code == 2);
        CHECK(noReason.err == "narcisse-cli: reason: is required: say why (it is printed on the cancellation ticket)\n");
    }
    SECTION("a staff member may not give money back: exit code 3, nothing changed") {
        const std::string ref = sellForTomorrow(db, "10:00", 2, "cash");
        const auto o = cli(db, {"cancel", ref, "--reason", "x", "--as", "lucas"});
        CHECK(o.code == 3);
        CHECK(o.err == "narcisse-cli: refused: the staff role may not cancel_booking\n");
        CHECK(cli(db, {"cancel", ref, "--reason", "x", "--as", "claire"}).code == 0);
    }
}

TEST_CASE("gift vouchers: sell, show, redeem, extend", "[cli][desk]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    seedDesk(db);
    const std::string expiry = isoDate(LocalDate{today().year() + date::years{1}, today().month(), today().day()});

    const auto sold = cli(db, {"voucher", "sell", "--amount", "30", "--buyer", "Anna", "--recipient", "Marc",
                               "--message", "Joyeux anniversaire", "--paid", "cash", "--output", dir.file("v.pdf")});
    INFO(sold.err);
    REQUIRE(sold.code == 0);
    const std::string code = voucherCodeOf(sold);
    CHECK(sold.out == "Sold gift voucher " + code + "\n" + line("value", "30.00 €") + line("expires", expiry) +
                          line("paid", "CASH 30.00 €") + line("receipt", "#1") + "Voucher written to " +
                          dir.file("v.pdf") + "\n");
    CHECK(isPdf(dir.file("v.pdf")));

    const auto ride = cli(db, {"voucher", "sell", "--ride", "2A1C", "--paid", "card"});
    INFO(ride.err);
    CHECK(ride.code == 0);
    CHECK(ride.out == "Sold gift voucher " + voucherCodeOf(ride) + "\n" + line("ride", "2A 1C") + line("value", "31.00 €") +
                          line("expires", expiry) + line("paid", "CARD 31.00 €") + line("receipt", "#2"));

    const std::string booking = phoneBookingForTomorrow(db, 1);   // 12.00 € due
    const auto redeemed = cli(db, {"voucher", "redeem", code, "--amount", "12", "--booking", booking});
    INFO(redeemed.err);
    CHECK(redeemed.code == 0);
    CHECK(redeemed.out == "Redeemed 12.00 € of " + code + " on " + booking + "\n" + line("balance", "18.00 €"));

    const std::string later = isoDate(nextDay(LocalDate{today().year() + date::years{1}, today().month(), today().day()}));
    const auto staff = cli(db, {"voucher", "extend", code, "--until", later, "--as", "lucas"});
    CHECK(staff.code == 3);
    CHECK(staff.err == "narcisse-cli: refused: the staff role may not extend_voucher\n");
    const auto extended = cli(db, {"voucher", "extend", code, "--until", later});
    INFO(extended.err);
    CHECK(extended.code == 0);
    CHECK(extended.out == "Extended " + code + " until " + later + "\n" + line("balance", "18.00 €"));
    const auto notLater = cli(db, {"voucher", "extend", code, "--until", expiry});
    CHECK(notLater.code == 2);
    CHECK(notLater.err == "narcisse-cli: expiry: must be after " + later + ", the current expiry\n");

    const auto shown = cli(db, {"voucher", "show", code});
    INFO(shown.out << shown.err);
    CHECK(shown.code == 0);
    CHECK(shown.out.rfind("Gift voucher " + code + "\n" + line("value", "30.00 €") + line("balance", "18.00 €") +
                              line("expires", later) + line("status", "valid") + line("buyer", "Anna") +
                              line("recipient", "Marc") + line("message", "Joyeux anniversaire") +
                              line("receipts", "#1, #3") + "History\n",
                          0) == 0);
    CHECK(contains(shown.out, "  sold    30.00 €  paid CASH\n"));
    CHECK(contains(shown.out, "  redeem  12.00 €  paid on " + booking + "\n"));
    CHECK(contains(shown.out, "  extend           until " + later));

    const auto tooMuch = cli(db, {"voucher", "redeem", code, "--amount", "19", "--booking", phoneBookingForTomorrow(db, 2)});
    CHECK(tooMuch.code == 3);
    CHECK(tooMuch.err == "narcisse-cli: refused: the voucher " + code + " cannot pay 19.00 €: only 18.00 € left\n");

    const auto malformed = cli(db, {"voucher", "show", "SN-GIFT-0000000"});
    CHECK(malformed.code == 2);
    CHECK(malformed.err.rfind("narcisse-cli: voucher: ", 0) == 0);
    const std::string stranger = GiftCode::fromNumber(4242).str();
    const auto unknown = cli(db, {"voucher", "show", stranger});
    CHECK(unknown.code == 3);
    CHECK(unknown.err == "narcisse-cli: refused: there is no voucher " + stranger + "\n");
    const auto neither = cli(db, {"voucher", "sell", "--paid", "cash"});
    CHECK(neither.code == 2);
    CHECK(contains(neither.err, "give --amount or --ride"));
    const auto badRide = cli(db, {"voucher", "sell", "--ride", "2X"});
    CHECK(badRide.code == 2);
    CHECK(badRide.err.rfind("narcisse-cli: --ride: must be a party like \"2A1C\"", 0) == 0);
}

TEST_CASE("cash rules: no cash while the drawer is closed, amounts positive, never more out than it holds",
          "[cli][desk]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    seedDesk(db, false);
    const std::string tomorrow = isoDate(nextDay(today())) + " 10:00";
    const std::string before = readFile(db);

    const auto closed = cli(db, {"sell", "--departure", tomorrow, "--adults", "2", "--pay", "cash"});
    CHECK(closed.code == 3);
    CHECK(closed.err.find("drawer of DESK-1 is closed") != std::string::npos);
    const auto noDrawer = cli(db, {"cash", "in", "--amount", "5", "--reason", "coins"});
    CHECK(noDrawer.code == 3);
    CHECK(readFile(db) == before);

    REQUIRE(cli(db, {"cash", "open", "--counted", "50x4"}).code == 0);   // 200.00 €
    const auto negative = cli(db, {"cash", "in", "--amount", "-5", "--reason", "coins"});
    CHECK(negative.code == 2);
    CHECK(negative.err.rfind("narcisse-cli: --amount: ", 0) == 0);
    const auto tooMuch = cli(db, {"cash", "out", "--amount", "5000", "--reason", "bank", "--deposit"});
    CHECK(tooMuch.code == 2);
    CHECK(tooMuch.err.rfind("narcisse-cli: amount: 5000.00 € is more than the drawer holds: 200.00 € expected", 0) == 0);
    const auto depositIn = cli(db, {"cash", "in", "--amount", "50", "--reason", "bank", "--deposit"});
    CHECK(depositIn.code == 2);
    CHECK(depositIn.err.rfind("narcisse-cli: --deposit: ", 0) == 0);   // a deposit only goes out
    const auto out = cli(db, {"cash", "out", "--amount", "200", "--reason", "bank", "--deposit"});
    INFO(out.err);
    CHECK(out.code == 0);
    CHECK(cli(db, {"cash", "out", "--amount", "0.01", "--reason", "stamps"}).code == 2);   // the drawer is empty
}

TEST_CASE("the cash drawer and the daily closing: a difference needs a comment", "[cli][desk]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    seedDesk(db, false);
    const std::string day = isoDate(today());

    const auto badCount = cli(db, {"cash", "open", "--counted", "30x2"});
    CHECK(badCount.code == 2);
    CHECK(badCount.err.rfind("narcisse-cli: --counted: ", 0) == 0);

    const auto opened = cli(db, {"cash", "open", "--counted", "50x2"});
    INFO(opened.err);
    REQUIRE(opened.code == 0);
    CHECK(opened.out == "Opened the drawer of DESK-1 with a float of 100.00 €\n" + line("counted", "50x2"));
    const auto twice = cli(db, {"cash", "open", "--counted", "50x2"});
    CHECK(twice.code == 3);
    CHECK(twice.err.rfind("narcisse-cli: refused: the cash drawer of DESK-1 is already open, since ", 0) == 0);

    // Cash: +24 tonight, +24 tomorrow's sale, −24 its cancellation, +30 a voucher, +10 in, −20 to the bank.
    sellForTonight(db);                                                  // receipt #1
    const std::string cancelled = sellForTomorrow(db, "10:00", 2, "cash");   // #2
    REQUIRE(cli(db, {"cancel", cancelled, "--refund", "cash", "--reason", "rain"}).code == 0);   // #3
    REQUIRE(cli(db, {"voucher", "sell", "--amount", "30"}).code == 0);  // #4
    sellForTomorrow(db, "10:20", 1, "card");                             // #5: 12.00 € by card
    const auto in = cli(db, {"cash", "in", "--amount", "10", "--reason", "change from the bank"});
    CHECK(in.code == 0);
    CHECK(in.out == "Paid in 10.00 €: change from the bank\n");
    const auto out = cli(db, {"cash", "out", "--amount", "20", "--reason", "to the bank", "--deposit"});
    CHECK(out.code == 0);
    CHECK(out.out == "Paid out 20.00 €: to the bank (bank deposit)\n");
    const auto zeroOut = cli(db, {"cash", "out", "--amount", "0", "--reason", "nothing"});
    CHECK(zeroOut.code == 2);
    CHECK(zeroOut.err == "narcisse-cli: --amount: must be more than 0.00 €\n");

    // Expected 100 + 24 + 24 − 24 + 30 + 10 − 20 = 144.00 €; counted 140.00 €. Without a comment the
    // closing is refused as a missing value (exit code 2, ValidationError("comment")): the operator
    // has to say why, nothing was closed.
    const auto noComment = cli(db, {"close-day", "--date", day, "--counted", "50x2,20x2"});
    CHECK(noComment.code == 2);
    CHECK(noComment.out.empty());
    CHECK(noComment.err.rfind("narcisse-cli: comment: ", 0) == 0);
    const auto badCounted = cli(db, {"close-day", "--date", day, "--counted", "30x2", "--comment", "x"});
    CHECK(badCounted.code == 2);
    CHECK(badCounted.err.rfind("narcisse-cli: --counted: ", 0) == 0);

    const auto closed = cli(db, {"close-day", "--date", day, "--counted", "50x2,20x2", "--comment", "4 € missing",
                                 "--as", "claire", "--output", dir.file("z.pdf")});
    INFO(closed.err);
    REQUIRE(closed.code == 0);
    const std::size_t c = 15;
    CHECK(closed.out.rfind("Daily closing #1: " + day + "\n" + line("desk", "DESK-1", c) +
                               line("operator", "Claire Muller", c) + line("receipts", "#1 to #5 (5)", c) +
                               "By payment method\n",
                           0) == 0);
    CHECK(contains(closed.out, line("  CASH", "54.00 € (4)", c)));
    CHECK(contains(closed.out, line("  CARD", "12.00 € (1)", c)));
    CHECK(contains(closed.out, line("cancellations", "24.00 € (1)", c) + line("refunds", "24.00 € (1)", c) +
                                   line("float", "100.00 €", c) + line("cash in", "10.00 €", c) +
                                   line("cash out", "20.00 €", c) + line("expected", "144.00 €", c) +
                                   line("counted", "140.00 € (50x2,20x2)", c) + line("difference", "-4.00 €", c) +
                                   line("comment", "4 € missing", c)));
    CHECK(contains(closed.out, "Z report written to " + dir.file("z.pdf") + "\n"));
    CHECK(isPdf(dir.file("z.pdf")));

    const auto again = cli(db, {"close-day", "--date", day, "--counted", "50x2,20x2", "--comment", "x"});
    CHECK(again.code == 3);
    CHECK(again.err.rfind("narcisse-cli: refused: ", 0) == 0);
    const auto future = cli(db, {"close-day", "--date", isoDate(nextDay(today())), "--counted", "50x2"});
    CHECK(future.code == 3);
    const auto month = cli(db, {"close-month", "--month", day.substr(0, 7)});
    CHECK(month.code == 3);
    CHECK(contains(month.err, "has not ended"));
    const auto badMonth = cli(db, {"close-month", "--month", "2026-13"});
    CHECK(badMonth.code == 2);
    CHECK(badMonth.err == "narcisse-cli: --month: must be YYYY-MM, got \"2026-13\"\n");

    const auto receipt = cli(db, {"receipt", "2", "--reprint", "--output", dir.file("r.pdf")});
    INFO(receipt.out << receipt.err);
    CHECK(receipt.code == 0);
    CHECK(contains(receipt.out, "Receipt #2 (SALE) DUPLICATA 1\n"));
    CHECK(contains(receipt.out, line("reference", cancelled)));
    CHECK(contains(receipt.out, line("paid", "CASH 24.00 €")));
    CHECK(isPdf(dir.file("r.pdf")));
    const auto original = cli(db, {"receipt", "3"});
    CHECK(original.code == 0);
    CHECK(contains(original.out, "Receipt #3 (CANCELLATION)\n"));
    CHECK(cli(db, {"receipt", "99"}).code == 3);
}

TEST_CASE("verify: sound chains, then a receipt altered in the file is named", "[cli][desk]") {
    TempDir dir;
    const auto db = dir.file("narcisse.db");
    seedDesk(db);
    const std::string ref = sellForTomorrow(db, "10:00", 2, "cash");

    const auto sound = cli(db, {"verify"});
    INFO(sound.err);
    CHECK(sound.code == 0);
    CHECK(sound.out.rfind("chain    records  state\n" + chainLine("receipt", 1, "sound") +
                              chainLine("payment", 1, "sound") + chainLine("refund", 0, "sound") +
                              chainLine("closing", 0, "sound"),
                          0) == 0);
    CHECK(contains(sound.out, "event"));
    CHECK(!contains(sound.out, "BROKEN"));

    {
        // What someone with the file and sqlite3 could do: lift the seal and change the ticket's total.
        SQLite::Database file(db, SQLite::OPEN_READWRITE);
        file.exec("DROP TRIGGER chain_records_no_update");
        const int changed = file.exec("UPDATE chain_records SET content = replace(content, '24.00', '42.00') "
                                      "WHERE chain = 'receipt' AND seq = 1");
        REQUIRE(changed == 1);
    }
    const auto broken = cli(db, {"verify"});
    INFO(broken.out);
    CHECK(broken.code == 4);
    CHECK(broken.err == "narcisse-cli: integrity broken: receipt #1 (" + ref + "): hash does not match its content\n");
    CHECK(broken.out == "chain    records  state\n"
                        "receipt           BROKEN at #1\n"
                        "payment           not checked\n"
                        "refund            not checked\n"
                        "closing           not checked\n"
                        "event             not checked\n");
}

TEST_CASE("board and verify on the shared PostgreSQL database", "[cli][desk][pg]") {
    const std::string db = narcisse::test::freshPgDatabase();
    seedDesk(db);
    const std::string tonight = sellForTonight(db);
    const auto boarded = cli(db, {"board", tonight});
    INFO(boarded.err);
    CHECK(boarded.code == 0);
    CHECK(boarded.out == "Boarded: " + tonight + " · 2A · 23:40 Lauch\n");
    const auto again = cli(db, {"board", tonight});
    CHECK(again.code == 3);
    CHECK(again.err.rfind("narcisse-cli: refused: Already boarded: " + tonight, 0) == 0);
    const auto sound = cli(db, {"verify"});
    INFO(sound.err);
    CHECK(sound.code == 0);
    CHECK(sound.out.rfind("chain    records  state\n" + chainLine("receipt", 1, "sound") +
                              chainLine("payment", 1, "sound"),
                          0) == 0);
}
