// `day-sheet`: the PDF each boatman takes on board, for one date.
#include "app/day_sheet.h"
#include "cli/arguments.h"
#include "cli/context.h"

#include <iostream>

namespace narcisse::cli {

namespace {

struct DaySheetArguments {
    std::string date;
    std::string output;
};

void addDaySheetCommand(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<DaySheetArguments>();
    auto* command = app.add_subcommand("day-sheet", "The day sheet PDF: one page per boat for its boatman");
    command->footer("\nOne page per boat that sails with bookings: its boatman, and for each departure the\n"
                    "bookings that hold seats (reference, name, party, language, paid or to collect, notes)\n"
                    "with a box to tick at boarding, and the totals. The file appears only once complete.");
    command->add_option("--date", a->date, "The day (required)")
        ->required()
        ->check(dateValidator())
        ->option_text("YYYY-MM-DD");
    command->add_option("--output", a->output, "The PDF file to write, replaced when it exists (required)")
        ->required()
        ->option_text("FILE.pdf");
    command->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            const auto date = domain::parseDate(a->date, "--date");
            auto store = ctx.openStore();
            const auto result = app::writeDaySheet(*store, date, a->output, domain::SystemClock().now());
            if (result.boats == 0) {
                std::cout << "No bookings on " << a->date << ": one page saying so written to " << a->output << "\n";
            } else {
                std::cout << "Day sheet of " << a->date << ": " << result.boats << (result.boats == 1 ? " boat, " : " boats, ")
                          << result.bookings << (result.bookings == 1 ? " booking, " : " bookings, ")
                          << result.passengers << (result.passengers == 1 ? " passenger" : " passengers") << " on "
                          << result.pages << (result.pages == 1 ? " page" : " pages") << " written to " << a->output
                          << "\n";
            }
            return kExitOk;
        };
    });
}

}  // namespace

static const CommandRegistration kDaySheet{addDaySheetCommand};

}  // namespace narcisse::cli
