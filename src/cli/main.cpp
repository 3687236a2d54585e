// narcisse-cli: the back-office from a terminal or a script — the same use cases as the window,
// with exit codes a script can test (see the --help footer).
#include "app/store_factory.h"
#include "cli/context.h"
#include "domain/errors.h"

#include <iostream>
#include <vector>

namespace narcisse::cli {

std::unique_ptr<domain::Store> Context::openStore(app::Migrations migrations) const {
    return app::openStore(location.empty() ? app::defaultLocation() : location, migrations);
}

namespace {

std::vector<AddCommand>& registeredCommands() {
    static std::vector<AddCommand> commands;   // built before main() by the registrations
    return commands;
}

}  // namespace

CommandRegistration::CommandRegistration(AddCommand add) { registeredCommands().push_back(add); }

void addRegisteredCommands(CLI::App& app, Context& ctx) {
    for (AddCommand add : registeredCommands()) add(app, ctx);
}

namespace {

constexpr const char* kFooter = R"(
The database is the embedded file of this user unless --db or $NARCISSE_DATABASE_URL names another
one (a SQLite file, or a postgresql://… URL for the shared database).

Exit codes: 0 done; 1 problems found (db check) or unexpected failure; 2 a wrong argument (nothing
was changed); 3 refused by the business rules (departure full, closed, past or unknown);
4 the database cannot be opened, or `verify` found a broken record (it names the first one).

Examples:
  narcisse-cli departures --date 2026-07-14
  narcisse-cli sell --departure "2026-07-14 15:20" --adults 2 --children 1 --pay card
  narcisse-cli export bookings --from 2026-07-01 --to 2026-07-31 --format excel-fr --output july.csv)";

int run(int argc, char** argv) {
    CLI::App app{"Sweet Narcisse back-office: departures, bookings, desk sales and exports from the command line.",
                 "narcisse-cli"};
    Context ctx;
    app.add_option("--db", ctx.location,
                   "The database: a SQLite file, or a postgresql://… URL for the shared database")
        ->option_text("PATH|URL");
    app.require_subcommand(1);
    app.fallthrough();   // --db is also understood after the command
    addDbCommands(app, ctx);
    addDemoCommand(app, ctx);
    addDayCommands(app, ctx);
    addSellCommand(app, ctx);
    addExportCommands(app, ctx);
    addRegisteredCommands(app, ctx);
    app.footer(kFooter);   // after the commands, so that their own help stays short

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
        // CLI11 reports a missing required option before an unknown one; the unknown one is the
        // real mistake (a typo of the required option, usually), so name it first.
        const auto unknown = app.remaining(true);
        std::string message = e.what();
        if (!unknown.empty()) {
            message.clear();
            for (const auto& u : unknown) message += (message.empty() ? "" : " ") + u;
            message += unknown.size() == 1 ? ": unknown argument" : ": unknown arguments";
        }
        std::cerr << "narcisse-cli: " << message
                  << "\nRun \"narcisse-cli --help\" (or \"narcisse-cli COMMAND --help\") for what it accepts.\n";
        return kExitBadArguments;
    }
    if (!ctx.run) return kExitBadArguments;   // a command group without its command (CLI11 reports it)

    // The use cases throw typed errors; each kind has its exit code and a sentence for the user.
    try {
        return ctx.run();
    } catch (const domain::ValidationError& e) {
        std::cerr << "narcisse-cli: " << e.what() << "\n";
        return kExitBadArguments;
    } catch (const domain::ConflictError& e) {   // CapacityError included
        std::cerr << "narcisse-cli: refused: " << e.what() << "\n";
        return kExitRefused;
    } catch (const domain::NotFound& e) {
        std::cerr << "narcisse-cli: refused: " << e.what() << "\n";
        return kExitRefused;
    } catch (const domain::PermissionDenied& e) {
        std::cerr << "narcisse-cli: refused: " << e.what() << "\n";
        return kExitRefused;
    } catch (const domain::StoreUnavailable& e) {
        std::cerr << "narcisse-cli: the database is unavailable: " << e.what() << "\n";
        return kExitUnavailable;
    } catch (const std::exception& e) {
        std::cerr << "narcisse-cli: error: " << e.what() << "\n";
        return kExitProblems;
    }
}

}  // namespace
}  // namespace narcisse::cli

int main(int argc, char** argv) { return narcisse::cli::run(argc, argv); }
