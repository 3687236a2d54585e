// Files for the accountant: bookings of a date range as CSV (RFC 4180, or Excel in French).
#include "app/exports.h"
#include "cli/arguments.h"
#include "cli/context.h"
#include "domain/errors.h"

#include <iostream>

namespace narcisse::cli {

namespace {
struct ExportArguments {
    std::string from;
    std::string to;
    std::string format = "csv";
    std::string output;
};
}  // namespace

void addExportCommands(CLI::App& app, Context& ctx) {
    auto* group = app.add_subcommand("export", "Write files for the accountant or a spreadsheet");
    group->require_subcommand(1);

    auto a = std::make_shared<ExportArguments>();
    auto* bookings = group->add_subcommand("bookings", "Bookings departing between two days, as a CSV file");
    bookings->footer("\nOne row per booking, every state, in departure order. Columns: reference, date, time,\n"
                     "boat, state, channel, language, adults, children, babies, customer, total.\n"
                     "The file appears only once complete: an interrupted export leaves nothing behind.");
    bookings->add_option("--from", a->from, "First day (required)")
        ->required()
        ->check(dateValidator())
        ->option_text("YYYY-MM-DD");
    bookings->add_option("--to", a->to, "Last day, included (required)")
        ->required()
        ->check(dateValidator())
        ->option_text("YYYY-MM-DD");
    bookings
        ->add_option("--format", a->format,
                     "csv: RFC 4180, UTF-8, commas; excel-fr: what Excel in French opens\n"
                     "directly (semicolons, decimal commas, UTF-8 byte order mark)")
        ->check(CLI::IsMember({"csv", "excel-fr"}))
        ->option_text("csv|excel-fr (default: csv)");
    bookings->add_option("--output", a->output, "The file to write, replaced when it exists (required)")
        ->required()
        ->option_text("FILE");
    bookings->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            const auto from = domain::parseDate(a->from, "--from");
            const auto to = domain::parseDate(a->to, "--to");
            if (to < from) throw domain::ValidationError("--to", "must not be before --from (" + a->from + ")");
            auto store = ctx.openStore();
            const int rows = app::exportBookings(
                *store, from, to, a->format == "excel-fr" ? app::CsvFormat::ExcelFr : app::CsvFormat::Rfc4180,
                a->output);
            std::cout << rows << " booking" << (rows == 1 ? "" : "s") << " written to " << a->output << "\n";
            return kExitOk;
        };
    });
}

}  // namespace narcisse::cli
