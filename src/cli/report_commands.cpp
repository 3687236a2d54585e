// report monthly|vat|closings: the accountant's PDF reports from the terminal, through the same use
// cases as the Accounting view; their totals are those of `export journal` for the same period.
#include "app/accounting_exports.h"
#include "cli/desk_arguments.h"
#include "domain/errors.h"

#include <iostream>

namespace narcisse::cli {

namespace {

struct ReportArguments {
    std::string month;
    DateRangeArguments range;
    std::string output;
};

void addOutput(CLI::App* cmd, ReportArguments& a) {
    cmd->add_option("--output", a.output, "The PDF to write, replaced when it exists (required)")
        ->required()
        ->option_text("FILE.pdf");
}

void addMonth(CLI::App* cmd, ReportArguments& a) {
    cmd->add_option("--month", a.month, "The month (required)")->required()->check(monthValidator())->option_text("YYYY-MM");
}

void addReportCommands(CLI::App& app, Context& ctx) {
    auto* report = app.add_subcommand("report", "PDF reports for the accountant: the month's revenue, VAT, closings");
    report->require_subcommand(1);
    report->footer("\nThe totals are those of `export journal` for the same period, to the cent. A report\n"
                   "appears only once complete: a failure leaves no file.");

    auto a = std::make_shared<ReportArguments>();
    auto* monthly = report->add_subcommand(
        "monthly", "The month's revenue: sales by day, by payment method and VAT rate, refunds, vouchers");
    addMonth(monthly, *a);
    addOutput(monthly, *a);
    monthly->callback([&ctx, a] {
        ctx.run = [&ctx, a]() -> int {
            const auto m = parseMonth(a->month, "--month");
            auto store = ctx.openStore();
            InterruptibleExport guard;
            try {
                app::writeMonthlyReport(*store, m.year, m.month, a->output,
                                        [](std::int64_t, std::int64_t) { return InterruptibleExport::keepGoing(); });
            } catch (const app::Cancelled& e) {
                std::cerr << "narcisse-cli: " << e.what() << "\n";
                return kExitInterrupted;
            }
            std::cout << "Monthly report of " << a->month << " written to " << a->output << "\n";
            return kExitOk;
        };
    });

    auto* vat = report->add_subcommand("vat", "The VAT summary of a period: base, VAT and total by rate and month");
    addDateRangeOptions(vat, a->range);
    addOutput(vat, *a);
    vat->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            const auto range = readDateRange(a->range);
            auto store = ctx.openStore();
            app::writeVatReport(*store, range.from, range.to, a->output);
            std::cout << "VAT summary of " << a->range.from << " to " << a->range.to << " written to " << a->output
                      << "\n";
            return kExitOk;
        };
    });

    auto* list = report->add_subcommand("closings", "The month's daily closings with their totals and hashes");
    addMonth(list, *a);
    addOutput(list, *a);
    list->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            const auto m = parseMonth(a->month, "--month");
            auto store = ctx.openStore();
            app::writeClosingsReport(*store, m.year, m.month, a->output);
            std::cout << "Closings of " << a->month << " written to " << a->output << "\n";
            return kExitOk;
        };
    });
}

}  // namespace

static const CommandRegistration kReport{addReportCommands};

}  // namespace narcisse::cli
