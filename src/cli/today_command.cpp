// `today [--date D]`: the Today dashboard as text, section by section, for a terminal or a script
// that mails it to the manager in the morning.
#include "app/settings.h"
#include "app/today.h"
#include "cli/arguments.h"
#include "cli/context.h"

#include <algorithm>
#include <iostream>

namespace narcisse::cli {

namespace {

// Problems stand out in a terminal without colour: "!!" for a problem, "!" for a warning.
const char* markOf(app::Severity s) {
    switch (s) {
    case app::Severity::Problem: return "!! ";
    case app::Severity::Warning: return "!  ";
    case app::Severity::Info: break;
    }
    return "   ";
}

int printToday(domain::Store& store, const std::string& dateText) {
    const domain::SystemClock clock;
    const domain::Instant now = clock.now();
    domain::LocalDate date;
    if (dateText.empty()) {
        // Today on the business's calendar, not the computer's.
        domain::BusinessSettings settings;
        store.read([&](domain::StoreReader& r) { settings = app::loadBusinessSettings(r); });
        date = domain::BusinessZone(settings.timeZone).localDate(now);
    } else {
        date = domain::parseDate(dateText, "--date");
    }
    const app::TodaySummary today = app::loadToday(store, date, now);
    std::cout << "Today: " << domain::isoDate(date) << " (" << today.timeZone << ")\n";
    for (const auto section : app::allTodaySections()) {
        const auto lines = today.linesOf(section);
        // The day's total is the departures' summary, not one of them.
        const auto counted = std::count_if(lines.begin(), lines.end(),
                                           [](const app::TodayLine* l) { return l->kind != app::TodayKind::DayTotal; });
        std::cout << "\n" << app::sectionTitle(section) << " (" << counted << ")\n";
        if (lines.empty()) std::cout << "   none\n";
        for (const auto* line : lines) std::cout << markOf(line->severity) << line->text << "\n";
    }
    return kExitOk;
}

void addTodayCommand(CLI::App& app, Context& ctx) {
    auto dateText = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("today", "The Today dashboard: what needs attention on a day");
    cmd->footer("\nSections: departures, crew, closures, phone bookings expiring within the hour, money to collect,\n"
                "maintenance due within a week, skipper licences expiring within 30 days, messages that failed.\n"
                "\"!!\" marks a problem, \"!\" a warning.");
    cmd->add_option("--date", *dateText, "The day (default: today on the business's calendar)")
        ->check(dateValidator())
        ->option_text("YYYY-MM-DD");
    cmd->callback([&ctx, dateText] {
        ctx.run = [&ctx, dateText] {
            auto store = ctx.openStore();
            return printToday(*store, *dateText);
        };
    });
}

}  // namespace

static const CommandRegistration kToday{addTodayCommand};

}  // namespace narcisse::cli
