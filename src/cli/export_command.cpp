// Files for the accountant: bookings of a date range as CSV (RFC 4180, or Excel in French), the FEC
// import file, and the journal lines, payments and vouchers of a period as CSV.
#include "app/accounting_exports.h"
#include "app/exports.h"
#include "cli/arguments.h"
#include "cli/context.h"
#include "cli/desk_arguments.h"
#include "domain/errors.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace narcisse::cli {

namespace {
struct ExportArguments {
    std::string from;
    std::string to;
    std::string format = "csv";
    std::string output;
};

struct AccountingExportArguments {
    DateRangeArguments range;
    std::string separator = "tab";
    std::string format = "csv";
    std::string output;
};

constexpr const char* kFormatHelp =
    "csv: RFC 4180, UTF-8, commas; excel-fr: what Excel in French opens\n"
    "directly (semicolons, decimal commas, UTF-8 byte order mark)";

app::CsvFormat csvFormat(const std::string& name) {
    return name == "excel-fr" ? app::CsvFormat::ExcelFr : app::CsvFormat::Rfc4180;
}

std::string plural(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Data lines of a finished file: its lines less the header.
std::int64_t dataLines(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::int64_t lines = 0;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) lines += std::count(buffer, buffer + in.gcount(), '\n');
    return lines > 0 ? lines - 1 : 0;
}

// A long export under Ctrl-C: the use case stops at its next progress report and leaves no file.
template <typename Export>
int interruptible(Export&& exportFile) {
    InterruptibleExport guard;
    try {
        exportFile([](std::int64_t, std::int64_t) { return InterruptibleExport::keepGoing(); });
    } catch (const app::Cancelled& e) {
        std::cerr << "narcisse-cli: " << e.what() << "\n";
        return kExitInterrupted;
    }
    return kExitOk;
}

// export fec: the accountant's import file. A missing SIREN is not a wrong argument (nothing on the
// command line can fix it) but a setting the business rules need: exit code 3, the setting named.
void addFecCommand(CLI::App* group, Context& ctx) {
    auto a = std::make_shared<AccountingExportArguments>();
    auto* fec = group->add_subcommand("fec", "The FEC file of a period, for the accountant's software");
    fec->footer("\nThe 18 columns of the Fichier des Écritures Comptables, one line per journal line, entries\n"
                "balanced and numbered per journal; dates AAAAMMJJ, decimal commas, UTF-8, CR LF. The file is\n"
                "named <SIREN>FEC<AAAAMMJJ>.txt (the closing date of the fiscal year) from the settings'\n"
                "SIREN (business_siren, else the first 9 digits of business_siret): refused without one\n"
                "(exit code 3). Ctrl-C stops it and leaves no file (exit code 130).");
    addDateRangeOptions(fec, a->range);
    fec->add_option("--separator", a->separator, "Between columns")
        ->check(CLI::IsMember({"tab", "pipe"}))
        ->option_text("tab|pipe (default: tab)");
    fec->add_option("--output", a->output, "The folder to write it in (required)")->required()->option_text("DIR");
    fec->callback([&ctx, a] {
        ctx.run = [&ctx, a]() -> int {
            const auto range = readDateRange(a->range);
            if (!std::filesystem::is_directory(a->output))
                throw domain::ValidationError("--output", "\"" + a->output + "\" is not a folder");
            auto store = ctx.openStore();
            std::filesystem::path written;
            try {
                const int code = interruptible([&](const app::ProgressFn& progress) {
                    written = app::exportFec(*store, range.from, range.to,
                                             a->separator == "pipe" ? app::FecSeparator::Pipe : app::FecSeparator::Tab,
                                             a->output, progress);
                });
                if (code != kExitOk) return code;
            } catch (const domain::ValidationError& e) {
                if (e.field() != "siren") throw;
                throw domain::ConflictError("the FEC file is named after the business's SIREN: " + e.message() +
                                            " (business_siren, or business_siret)");
            }
            std::cout << plural(dataLines(written), "line", "lines") << " written to " << written.string() << "\n";
            return kExitOk;
        };
    });
}

// export journal|payments|vouchers: the same options, one use case each.
using CsvExport = std::int64_t (*)(domain::Store&, domain::LocalDate, domain::LocalDate, app::CsvFormat,
                                   const std::filesystem::path&, const app::ProgressFn&);
void addCsvCommand(CLI::App* group, Context& ctx, const char* name, const char* description, const char* footer,
                   CsvExport exportCsv, const char* one, const char* many) {
    auto a = std::make_shared<AccountingExportArguments>();
    auto* cmd = group->add_subcommand(name, description);
    cmd->footer(footer);
    addDateRangeOptions(cmd, a->range);
    cmd->add_option("--format", a->format, kFormatHelp)
        ->check(CLI::IsMember({"csv", "excel-fr"}))
        ->option_text("csv|excel-fr (default: csv)");
    cmd->add_option("--output", a->output, "The file to write, replaced when it exists (required)")
        ->required()
        ->option_text("FILE");
    cmd->callback([&ctx, a, exportCsv, one, many] {
        ctx.run = [&ctx, a, exportCsv, one, many]() -> int {
            const auto range = readDateRange(a->range);
            auto store = ctx.openStore();
            std::int64_t rows = 0;
            const int code = interruptible([&](const app::ProgressFn& progress) {
                rows = exportCsv(*store, range.from, range.to, csvFormat(a->format), a->output, progress);
            });
            if (code != kExitOk) return code;
            std::cout << plural(rows, one, many) << " written to " << a->output << "\n";
            return kExitOk;
        };
    });
}

void addAccountingExports(CLI::App* group, Context& ctx) {
    addFecCommand(group, ctx);
    addCsvCommand(group, ctx, "journal", "The journal lines of a period, as a CSV file",
                  "\nOne row per journal line, entries by date, journal and number (closed months as frozen,\n"
                  "open months as generated now). The file appears only once complete; Ctrl-C leaves nothing.",
                  app::exportJournalCsv, "journal line", "journal lines");
    addCsvCommand(group, ctx, "payments", "The payments recorded in a period, as a CSV file",
                  "\nOne row per payment recorded between the two days, in order: created, booking, method,\n"
                  "status, amount, provider ref. The file appears only once complete; Ctrl-C leaves nothing.",
                  app::exportPaymentsCsv, "payment", "payments");
    addCsvCommand(group, ctx, "vouchers", "The gift vouchers sold in a period, as a CSV file",
                  "\nOne row per voucher sold between the two days, with what was redeemed and what was left\n"
                  "at the end of the last day. The file appears only once complete; Ctrl-C leaves nothing.",
                  app::exportVouchersCsv, "voucher", "vouchers");
}
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
    addAccountingExports(group, ctx);
}

}  // namespace narcisse::cli
