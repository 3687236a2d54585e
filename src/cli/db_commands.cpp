// Commands that look after the database itself: migrate, check, and fill an empty one with the
// demo season.
#include "app/demo_data.h"
#include "cli/context.h"

#include <chrono>
#include <cstdio>
#include <iostream>

namespace narcisse::cli {

void addDbCommands(CLI::App& app, Context& ctx) {
    auto* db = app.add_subcommand("db", "Bring the database up to date, or check it for damage");
    db->require_subcommand(1);

    db->add_subcommand("migrate", "Bring the database's structure up to date with this program")->callback([&ctx] {
        ctx.run = [&ctx] {
            auto store = ctx.openStore(app::Migrations::Leave);
            const int applied = store->migrate();
            std::cout << "applied " << applied << " migration" << (applied == 1 ? "" : "s") << "; schema version "
                      << store->schemaVersion() << " (this program knows up to " << store->latestSchemaVersion()
                      << ")\n";
            return kExitOk;
        };
    });

    db->add_subcommand("check", "Check the database for damage; prints \"ok\" or each problem (exit code 1)")
        ->callback([&ctx] {
            ctx.run = [&ctx] {
                const auto problems = ctx.openStore(app::Migrations::Leave)->check();
                if (problems.empty()) {
                    std::cout << "ok\n";
                    return kExitOk;
                }
                for (const auto& p : problems) std::cout << p << "\n";
                return kExitProblems;
            };
        });
}

namespace {
struct DemoArguments {
    int season = 0;
    std::uint64_t seed = 1;
    int bookings = 30000;
};
}  // namespace

void addDemoCommand(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<DemoArguments>();
    args->season = app::defaultDemoSeason(
        domain::LocalDate{date::floor<date::days>(std::chrono::system_clock::now())});
    auto* cmd = app.add_subcommand("demo-data", "Fill an empty database with a demo season to try the program");
    cmd->footer("\nCreates 8 boats, 12 employees (all with the password \"" + std::string(app::kDemoPassword) +
                "\"; the manager signs in as \"" + app::kDemoManagerLogin +
                "\"),\nthe timetable from 1 April to 31 October, the prices, a few closures, and the bookings "
                "with\ntheir payments. Refused when the database already has boats. The same --season and "
                "--seed\nalways give the same season.");
    cmd->add_option("--season", args->season, "The year of the season, April to October")
        ->option_text("YEAR (default: this season, or the next one after October)")
        ->check(CLI::Range(2000, 2100));
    cmd->add_option("--seed", args->seed, "The same seed always gives the same season")
        ->option_text("N (default: 1)");
    cmd->add_option("--bookings", args->bookings, "About how many bookings to create")
        ->option_text("N (default: 30000)")
        ->check(CLI::Range(0, 1'000'000));
    cmd->callback([&ctx, args] {
        ctx.run = [&ctx, args] {
            auto store = ctx.openStore();
            const domain::SystemClock clock;
            const auto started = std::chrono::steady_clock::now();
            const auto s = app::generateDemoData(*store, {args->season, args->seed, args->bookings}, clock);
            const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
            char seconds[32];
            std::snprintf(seconds, sizeof seconds, "%.1f", took.count());
            std::cout << "Demo season " << args->season << " (seed " << args->seed << ") written to "
                      << store->describe() << " in " << seconds << " s:\n"
                      << "  " << s.boats << " boats, " << s.employees << " employees, " << s.bookings << " bookings, "
                      << s.payments << " payments, " << s.closures << " closures\n"
                      << "Sign in as " << app::kDemoManagerLogin << " (manager) with the password "
                      << app::kDemoPassword << ".\n";
            return kExitOk;
        };
    });
}

}  // namespace narcisse::cli
