// What every narcisse-cli command shares: the database location, the exit codes a script can rely
// on, and the registration of each command on the CLI11 parser.
#pragma once

#include "app/store_factory.h"
#include "domain/store.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

namespace narcisse::cli {

// Documented in the --help footer; scripts and the end-to-end tests rely on them.
enum ExitCode : int {
    kExitOk = 0,
    kExitProblems = 1,        // `db check` found problems, or an unexpected failure
    kExitBadArguments = 2,    // an argument or a value is wrong; nothing was changed
    kExitRefused = 3,         // the business rules refuse it (full, closed, past, not found)
    kExitUnavailable = 4,     // the database cannot be opened or used
};

struct Context {
    std::string location;        // --db; empty: app::defaultLocation()
    std::function<int()> run;    // the chosen command, set while parsing and run after it

    // Opens the store the user chose, migrated unless told otherwise.
    std::unique_ptr<domain::Store> openStore(app::Migrations migrations = app::Migrations::Apply) const;
};

void addDbCommands(CLI::App& app, Context& ctx);        // db migrate, db check
void addDemoCommand(CLI::App& app, Context& ctx);       // demo-data
void addDayCommands(CLI::App& app, Context& ctx);       // departures, bookings
void addSellCommand(CLI::App& app, Context& ctx);       // sell
void addExportCommands(CLI::App& app, Context& ctx);    // export bookings

// Commands that live in their own file register themselves at start-up, so adding one touches
// no shared file: `static const CommandRegistration kMove{addMoveCommand};` in move_command.cpp.
using AddCommand = void (*)(CLI::App& app, Context& ctx);
struct CommandRegistration {
    explicit CommandRegistration(AddCommand add);
};
void addRegisteredCommands(CLI::App& app, Context& ctx);

}  // namespace narcisse::cli
