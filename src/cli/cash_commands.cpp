// cash open|in|out and close-day|close-month|close-year: the drawer and the closings (Z) from the
// terminal, through the same use cases as the desk. A count that differs from what is expected needs
// a --comment saying why (exit code 2 without it: nothing is closed).
#include "app/settings.h"
#include "app/cash_drawer.h"
#include "cli/desk_arguments.h"
#include "domain/errors.h"
#include "reports/closing_pdf.h"

#include <charconv>
#include <iostream>

namespace narcisse::cli {

namespace {

constexpr std::size_t kColumn = 15;   // "cancellations  "

std::string line(const std::string& label, const std::string& value) { return labelled(label, value, kColumn); }

// The Z as the desk prints it: what was sold, how it was paid, the drawer, the running totals.
void printClosing(const domain::Closing& z) {
    const std::string period = z.period == domain::ClosingPeriod::Day     ? "Daily"
                               : z.period == domain::ClosingPeriod::Month ? "Monthly"
                                                                          : "Annual";
    std::cout << period << " closing #" << z.number << ": " << domain::isoDate(z.from);
    if (z.to != z.from) std::cout << " → " << domain::isoDate(z.to);
    std::cout << "\n" << line("desk", z.desk) << line("operator", z.operatorName);
    std::cout << line("receipts", z.receiptCount == 0 ? "none"
                                                      : "#" + std::to_string(z.firstReceipt) + " to #" +
                                                            std::to_string(z.lastReceipt) + " (" +
                                                            std::to_string(z.receiptCount) + ")");
    std::cout << "By payment method\n";
    if (z.byMethod.empty()) std::cout << "  none\n";
    for (const auto& m : z.byMethod)
        std::cout << line("  " + std::string(domain::toString(m.method)), m.amount.display() + " (" +
                                                                            std::to_string(m.count) + ")");
    std::cout << "By VAT rate\n";
    if (z.byVat.empty()) std::cout << "  none\n";
    for (const auto& v : z.byVat)
        std::cout << line("  " + vatRate(v.rateBasisPoints), v.total.display() + " (excl. " + v.base.display() +
                                                                 ", VAT " + v.vat.display() + ")");
    std::cout << line("cancellations", z.cancellations.display() + " (" + std::to_string(z.cancellationCount) + ")")
              << line("refunds", z.refunds.display() + " (" + std::to_string(z.refundCount) + ")");
    if (z.period == domain::ClosingPeriod::Day) {
        std::cout << line("float", z.openingFloat.display()) << line("cash in", z.cashIn.display())
                  << line("cash out", z.cashOut.display()) << line("expected", z.expectedCash.display())
                  << line("counted", z.countedCash.display() + (z.counted ? " (" + z.counted->str() + ")" : ""))
                  << line("difference", z.difference.display());
        if (!z.comment.empty()) std::cout << line("comment", z.comment);
    }
    std::cout << line("period total", z.periodTotal.display()) << line("fiscal year", z.fiscalYearTotal.display())
              << line("grand total", z.grandTotal.display()) << line("hash", z.hash);
}

struct CashArguments {
    std::string counted;
    std::string amount;
    std::string reason;
    bool deposit = false;
    std::string date;
    std::string comment;
    std::string month;
    int year = 0;
    std::string output;
    std::string as;
};

// The Z on screen, and as the PDF to file when --output names one (after the commit: the closing
// stands whatever the disk does).
int report(domain::Store& store, const domain::Closing& z, const CashArguments& a) {
    printClosing(z);
    if (!a.output.empty()) {
        const auto h = app::businessHeader(store);
        reports::writeClosingPdf({z, h.address, h.idLine, h.timeZone}, a.output);
        std::cout << "Z report written to " << a.output << "\n";
    }
    return kExitOk;
}

int open(domain::Store& store, const CashArguments& a) {
    const domain::SystemClock clock;
    const auto count = domain::CashCount::parse(a.counted, "--counted");
    const auto session = app::openCashSession(store, clock, count, resolveOperator(store, a.as));
    std::cout << "Opened the drawer of " << session.desk << " with a float of " << session.openingFloat.display() << "\n"
              << labelled("counted", session.openingCount.str());
    const auto drawer = app::deskDrawer(store, clock);
    if (drawer.dayClosing && drawer.session && drawer.session->id == session.id)
        std::cout << "Today's Z #" << *drawer.dayClosing << " is done: this drawer's cash goes to the Z of "
                  << domain::isoDate(drawer.registerDay) << "\n";
    return kExitOk;
}

int move(domain::Store& store, const CashArguments& a, bool in) {
    const domain::SystemClock clock;
    const auto amount = domain::Money::parse(a.amount, "--amount");
    if (amount.cents() <= 0) throw domain::ValidationError("--amount", "must be more than 0.00 €");
    const auto m = app::recordCashMovement(store, clock, in ? app::CashDirection::In : app::CashDirection::Out, amount,
                                           a.reason, a.deposit, resolveOperator(store, a.as));
    std::cout << (in ? "Paid in " : "Paid out ") << amount.display() << ": " << m.reason
              << (m.bankDeposit ? " (bank deposit)" : "") << "\n";
    return kExitOk;
}

int closeDay(domain::Store& store, const CashArguments& a) {
    const domain::SystemClock clock;
    app::CloseDayRequest request;
    request.date = domain::parseDate(a.date, "--date");
    request.counted = domain::CashCount::parse(a.counted, "--counted");
    request.comment = a.comment;
    request.employeeId = resolveOperator(store, a.as);
    return report(store, app::closeDay(store, clock, request), a);
}

int closeMonth(domain::Store& store, const CashArguments& a) {
    const auto bad = [&] { return domain::ValidationError("--month", "must be YYYY-MM, got \"" + a.month + "\""); };
    if (a.month.size() != 7 || a.month[4] != '-') throw bad();
    int year = 0;
    unsigned month = 0;
    const char* text = a.month.data();
    if (std::from_chars(text, text + 4, year).ptr != text + 4 || std::from_chars(text + 5, text + 7, month).ptr != text + 7 ||
        month < 1 || month > 12)
        throw bad();
    const domain::SystemClock clock;
    return report(store, app::closeMonth(store, clock, year, month, resolveOperator(store, a.as)), a);
}

int closeYear(domain::Store& store, const CashArguments& a) {
    const domain::SystemClock clock;
    return report(store, app::closeYear(store, clock, a.year, resolveOperator(store, a.as)), a);
}

using Run = int (*)(domain::Store&, const CashArguments&);
void runs(CLI::App* cmd, Context& ctx, std::shared_ptr<CashArguments> a, Run run) {
    cmd->callback([&ctx, a, run] {
        ctx.run = [&ctx, a, run] {
            auto store = ctx.openStore();
            return run(*store, *a);
        };
    });
}

void addCounted(CLI::App* cmd, CashArguments& a, const char* what) {
    cmd->add_option("--counted", a.counted, what)->required()->check(cashCountValidator())->option_text("\"50x2,20x5,…\"");
}

void addOutput(CLI::App* cmd, CashArguments& a) {
    cmd->add_option("--output", a.output, "Also write the Z report as a PDF, replaced when it exists")->option_text("FILE.pdf");
}

void addCashCommands(CLI::App& app, Context& ctx) {
    auto* cash = app.add_subcommand("cash", "The cash drawer: open it with a float, pay cash in or out");
    cash->require_subcommand(1);
    auto a = std::make_shared<CashArguments>();

    auto* openCmd = cash->add_subcommand("open", "Open the desk's cash session with the float counted");
    addCounted(openCmd, *a, "The float by denomination: euros x quantity, e.g. \"50x2,20x5,0.50x4\" (required)");
    addOperatorOption(openCmd, a->as);
    runs(openCmd, ctx, a, open);

    for (const bool in : {true, false}) {
        auto* cmd = cash->add_subcommand(in ? "in" : "out", in ? "Cash put into the drawer (change brought in…)"
                                                               : "Cash taken out of the drawer (a bank deposit, an expense…)");
        cmd->add_option("--amount", a->amount, "How much (required)")->required()->check(moneyValidator())->option_text("EUROS");
        cmd->add_option("--reason", a->reason, "Why (required)")->required()->option_text("TEXT");
        if (!in) cmd->add_flag("--deposit", a->deposit, "Taken to the bank");
        addOperatorOption(cmd, a->as);
        cmd->callback([&ctx, a, in] {
            ctx.run = [&ctx, a, in] {
                auto store = ctx.openStore();
                return move(*store, *a, in);
            };
        });
    }

    auto* day = app.add_subcommand("close-day", "The daily closing (Z): count the drawer, seal the day's figures");
    day->footer("\nRefused (exit code 3) for a date already closed or in the future. A count that differs from\n"
                "the cash expected needs --comment (exit code 2 without it: nothing is closed).");
    day->add_option("--date", a->date, "The day (required)")->required()->check(dateValidator())->option_text("YYYY-MM-DD");
    addCounted(day, *a, "The drawer by denomination: euros x quantity, e.g. \"50x2,20x5,0.50x4\" (required)");
    day->add_option("--comment", a->comment, "Why the count differs from what is expected")->option_text("TEXT");
    addOutput(day, *a);
    addOperatorOption(day, a->as);
    runs(day, ctx, a, closeDay);

    auto* month = app.add_subcommand("close-month", "The monthly closing, from the month's daily closings");
    month->add_option("--month", a->month, "The month (required)")->required()->option_text("YYYY-MM");
    addOutput(month, *a);
    addOperatorOption(month, a->as);
    runs(month, ctx, a, closeMonth);

    auto* year = app.add_subcommand("close-year", "The annual closing, from the year's monthly closings");
    year->add_option("--year", a->year, "The year (required)")->required()->check(CLI::Range(2000, 2999))->option_text("YYYY");
    addOutput(year, *a);
    addOperatorOption(year, a->as);
    runs(year, ctx, a, closeYear);
}

}  // namespace

static const CommandRegistration kCash{addCashCommands};

}  // namespace narcisse::cli
