// Moving a booking from the terminal: the same use case, checks and single transaction as a drag
// and drop on the planning.
#include "app/moves.h"
#include "cli/arguments.h"
#include "cli/context.h"
#include "domain/public_ref.h"

#include <iostream>

namespace narcisse::cli {

namespace {

struct MoveArguments {
    std::string ref;
    std::string departure;
    std::string boat;
};

// A reference a person could type ("sn-abcd efg h" too); the check character catches typos.
CLI::Validator referenceValidator() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            try {
                domain::PublicRef::parse(text);
                return {};
            } catch (const std::exception& e) {
                return e.what();
            }
        },
        "SN-XXXXXXXX");
}

int move(domain::Store& store, const MoveArguments& a) {
    const auto when = parseDeparture(a.departure, "--departure");
    app::MoveRequest request;
    request.ref = domain::PublicRef::parse(a.ref);
    request.date = when.date;
    request.time = when.time;
    if (!a.boat.empty()) request.boatName = a.boat;

    const domain::SystemClock clock;
    const auto moved = app::moveBooking(store, clock, request);
    std::cout << "Moved " << moved.after.ref.str() << " (" << moved.after.party.summary() << ")\n"
              << "from  " << moved.fromText << "\n"
              << "to    " << moved.toText << "\n";
    return kExitOk;
}

void addMoveCommand(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<MoveArguments>();
    auto* cmd = app.add_subcommand("move", "Move a booking to another departure and/or boat");
    cmd->footer("\nThe party goes on the boat it fits best at that departure (the one with the fewest seats left\n"
                "that still seats everyone) unless --boat names one. The move and its audit entry are recorded\n"
                "together, or not at all. Refused (exit code 3, with the reason) when the target is full, closed,\n"
                "has already left or does not exist, or when the booking's state does not allow a move.");
    cmd->add_option("ref", a->ref, "The booking's reference, e.g. SN-7K3M9QPX (required)")
        ->required()
        ->check(referenceValidator())
        ->option_text("REF");
    cmd->add_option("--departure", a->departure, "Day and time of the target departure, e.g. \"2026-07-14 15:20\" (required)")
        ->required()
        ->check(departureValidator())
        ->option_text("\"YYYY-MM-DD HH:MM\"");
    cmd->add_option("--boat", a->boat, "Put the party on this boat instead of the best-fitting one")->option_text("NAME");
    cmd->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            auto store = ctx.openStore();
            return move(*store, *a);
        };
    });
}

}  // namespace

static const CommandRegistration kMove{addMoveCommand};

}  // namespace narcisse::cli
