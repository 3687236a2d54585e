// verify: walks the hash chains (receipts, payments, refunds, closings, the event journal) as the
// desk's "Verify integrity" does. Exit code 4 naming the first broken record when one was altered,
// removed or added outside the program.
#include "app/integrity.h"
#include "cli/desk_arguments.h"

#include <iostream>

namespace narcisse::cli {

namespace {

int verify(domain::Store& store, const std::string& as) {
    const domain::SystemClock clock;
    const auto report = app::verifyIntegrity(store, clock, resolveOperator(store, as));
    // The walk stops at the first broken record: its chain shows where, the chains after it were not
    // walked.
    TextTable table({"chain", "records", "state"}, {false, true});
    for (const auto& c : report.chains) {
        const bool broken = report.firstProblem && report.firstProblem->chain == c.chain;
        table.add({std::string(domain::toString(c.chain)), broken ? "" : std::to_string(c.records),
                   broken ? "BROKEN at #" + std::to_string(report.firstProblem->seq) : "sound"});
    }
    for (std::size_t i = report.chains.size(); i < domain::allChains().size(); ++i)
        table.add({std::string(domain::toString(domain::allChains()[i])), "", "not checked"});
    std::cout << table.str();
    if (report.ok()) return kExitOk;
    std::cerr << "narcisse-cli: integrity broken: " << report.firstProblem->describe() << "\n";
    return kExitUnavailable;
}

void addVerifyCommand(CLI::App& app, Context& ctx) {
    auto as = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("verify", "Verify the integrity of receipts, payments, refunds, closings and the journal");
    cmd->footer("\nEach chain's numbering, hashes and sealed rows are checked; the outcome is recorded in the\n"
                "technical event journal. Exit code 4 naming the first broken record when one does not check.");
    addOperatorOption(cmd, *as);
    cmd->callback([&ctx, as] {
        ctx.run = [&ctx, as] {
            auto store = ctx.openStore();
            return verify(*store, *as);
        };
    });
}

}  // namespace

static const CommandRegistration kVerify{addVerifyCommand};

}  // namespace narcisse::cli
