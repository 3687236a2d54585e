// close, reopen and notifications: a closure from the terminal with the same preview, single
// transaction and outbox as the window. Nothing is cancelled by surprise: without
// --move-passengers a closure that strands passengers is refused and lists them.
#include "app/closures.h"
#include "app/notifications.h"
#include "app/settings.h"
#include "cli/arguments.h"
#include "cli/context.h"
#include "domain/errors.h"

#include <iostream>

namespace narcisse::cli {

namespace {

struct ScopeArguments {
    std::string date;
    std::string from;
    std::string to;
    std::string boat;

    app::ClosureScope scope() const {
        app::ClosureScope s;
        s.date = domain::parseDate(date, "--date");
        if (!from.empty()) s.from = domain::parseWallTime(from, "--from");
        if (!to.empty()) s.to = domain::parseWallTime(to, "--to");
        if (s.from.has_value() != s.to.has_value())
            throw domain::ValidationError(s.from ? "--to" : "--from", "give both --from and --to, or neither");
        if (!boat.empty()) s.boatName = boat;
        return s;
    }
};

struct CloseArguments : ScopeArguments {
    std::string reason;
    bool movePassengers = false;
    bool notify = false;
};

void addScopeOptions(CLI::App* cmd, ScopeArguments& a) {
    cmd->add_option("--date", a.date, "The day (required)")->required()->check(dateValidator())->option_text("YYYY-MM-DD");
    cmd->add_option("--from", a.from, "Start of the closed time range (with --to); the whole day without")
        ->option_text("HH:MM");
    cmd->add_option("--to", a.to, "End of the closed time range (with --from)")->option_text("HH:MM");
    cmd->add_option("--boat", a.boat, "Only this boat; every boat without")->option_text("NAME");
}

std::string departureText(domain::Instant t, domain::LocalDate day, const domain::BusinessZone& zone) {
    const auto date = zone.localDate(t);
    return (date == day ? "" : domain::isoDate(date) + " ") + domain::hhmm(zone.localMinutes(t));
}

void sendMessages(domain::Store& store) {
    auto configured = app::configuredMailer(store);
    if (!configured.mailer) {
        std::cout << "Messages stay queued: " << configured.note << ".\n";
        return;
    }
    if (!configured.note.empty()) std::cout << "Note: " << configured.note << ".\n";
    const domain::SystemClock clock;
    const auto report = app::sendPendingNotifications(store, *configured.mailer, clock);
    std::cout << "Messages: " << report.sent << " sent, " << report.failed << " failed.\n";
    for (const auto& e : report.errors) std::cout << "  " << e << "\n";
}

int close(domain::Store& store, const CloseArguments& a) {
    const auto scope = a.scope();
    const domain::SystemClock clock;
    const auto preview = app::previewClosure(store, scope, a.reason, clock.now());
    std::string zoneName;
    store.read([&](domain::StoreReader& r) { zoneName = r.setting(app::setting_keys::kTimeZone).value_or("Europe/Paris"); });
    const domain::BusinessZone zone(zoneName);

    if (!preview.affected.empty() && !a.movePassengers) {
        TextTable table({"booking", "departure", "boat", "party", "customer", "nearest departures with room"});
        for (const auto& x : preview.affected) {
            std::string proposals;
            for (const auto& p : x.proposals)
                proposals += (proposals.empty() ? "" : ", ") + departureText(p.departure.start, scope.date, zone) + " " +
                             p.boatName;
            table.add({x.booking.ref.str(), departureText(x.booking.departureStart, scope.date, zone), x.boatName,
                       x.booking.party.summary(), x.booking.customerName, proposals.empty() ? "none" : proposals});
        }
        std::cout << "Closing " << scope.describe() << " would strand " << preview.affected.size()
                  << (preview.affected.size() == 1 ? " booking" : " bookings") << ":\n"
                  << table.str();
        std::cerr << "narcisse-cli: refused: the closure strands passengers; nothing was changed. Add "
                     "--move-passengers to move each booking to its first proposal (those without one are cancelled, "
                     "their payments owed back).\n";
        return kExitRefused;
    }

    app::ClosureRequest request;
    request.scope = scope;
    request.reason = a.reason;
    request.notify = a.notify;
    for (const auto& x : preview.affected) {
        if (x.proposals.empty())
            request.decisions.push_back({x.booking.id, app::BookingDecision::Kind::Cancel, {}, {}});
        else
            request.decisions.push_back({x.booking.id, app::BookingDecision::Kind::Move,
                                         x.proposals.front().departure.start, x.proposals.front().boatId});
    }
    const auto result = app::applyClosure(store, clock, request);
    std::cout << "Closed " << scope.describe() << ": " << a.reason << "\n";
    if (!result.outcomes.empty()) {
        TextTable table({"booking", "departure", "customer", "now", "message"});
        for (const auto& o : result.outcomes) {
            const std::string now = o.movedTo ? "moved to " + departureText(o.movedTo->start, scope.date, zone) +
                                                    " on " + o.movedTo->boatName
                                              : "cancelled" + (o.refundOwed.cents() > 0
                                                                   ? ", refund owed " + o.refundOwed.display()
                                                                   : std::string());
            table.add({o.ref.str(), departureText(o.from, scope.date, zone), o.customerName, now,
                       o.notifiedTo ? "to " + *o.notifiedTo : ""});
        }
        std::cout << table.str();
    }
    std::cout << result.moved << " moved, " << result.cancelled << " cancelled";
    if (result.refundOwed.cents() > 0) std::cout << " (refund owed " << result.refundOwed.display() << ")";
    std::cout << ", " << result.notified << " notified\n";
    // After the commit: the closure stands whatever the mail server does.
    if (a.notify && result.notified > 0) sendMessages(store);
    return kExitOk;
}

int reopen(domain::Store& store, const ScopeArguments& a) {
    const auto scope = a.scope();
    const auto found = app::findClosures(store, scope);
    if (found.empty()) throw domain::NotFound("there is no closure on " + scope.describe());
    const domain::SystemClock clock;
    for (const auto& block : found) std::cout << app::reopenClosure(store, clock, block.id, std::nullopt)
                                                 << "\n";
    std::cout << "Bookings moved or cancelled by " << (found.size() == 1 ? "this closure" : "these closures")
              << " stay as they are.\n";
    return kExitOk;
}

int notifications(domain::Store& store, const std::string& retry) {
    if (!retry.empty()) {
        const auto id = domain::Uuid::parse(retry);
        if (!id) throw domain::ValidationError("--retry", "is not a notification id (see the log)");
        const auto n = app::retryNotification(store, *id);
        std::cout << "Sending again to " << n.recipient << ".\n";
        sendMessages(store);
    }
    std::string zoneName;
    store.read([&](domain::StoreReader& r) { zoneName = r.setting(app::setting_keys::kTimeZone).value_or("Europe/Paris"); });
    const domain::BusinessZone zone(zoneName);
    TextTable table({"id", "created", "recipient", "kind", "status", "tries", "error"});
    for (const auto& n : app::notificationLog(store))
        table.add({n.id.str(), domain::isoDate(zone.localDate(n.createdAt)) + " " + zone.format(n.createdAt),
                   n.recipient, n.kind, std::string(domain::toString(n.status)), std::to_string(n.attempts), n.error});
    std::cout << table.str();
    return kExitOk;
}

void addClosureCommands(CLI::App& app, Context& ctx) {
    auto c = std::make_shared<CloseArguments>();
    auto* close = app.add_subcommand("close", "Close a day, a time range or a boat and take care of its passengers");
    close->footer("\nA ride on the water at any moment of the closure does not sail. Bookings it strands are listed\n"
                  "with the nearest departures that have room (same day first) and the closure is refused\n"
                  "(exit code 3) unless --move-passengers moves each to its first proposal; those with none\n"
                  "are cancelled and what they paid is recorded as a refund owed. All of it is one transaction.\n"
                  "--notify queues a message to each customer with an e-mail address, in their language,\n"
                  "and sends it through the mail server of the settings (smtp_host, smtp_port, smtp_from,\n"
                  "smtp_user; the password in the OS keyring) once the closure is recorded.");
    addScopeOptions(close, *c);
    close->add_option("--reason", c->reason, "Why the boats do not sail (required)")->required()->option_text("TEXT");
    close->add_flag("--move-passengers", c->movePassengers, "Move each stranded booking to its nearest departure with room");
    close->add_flag("--notify", c->notify, "Tell the customers by e-mail");
    close->callback([&ctx, c] {
        ctx.run = [&ctx, c] {
            auto store = ctx.openStore();
            return cli::close(*store, *c);
        };
    });

    auto r = std::make_shared<ScopeArguments>();
    auto* reopen = app.add_subcommand("reopen", "Remove the closures of a day (or of a time range, or a boat)");
    reopen->footer("\nWith --from and --to, only the closure of exactly that range. Moved and cancelled bookings\n"
                   "stay as they are. Exit code 3 when there is no such closure.");
    addScopeOptions(reopen, *r);
    reopen->callback([&ctx, r] {
        ctx.run = [&ctx, r] {
            auto store = ctx.openStore();
            return cli::reopen(*store, *r);
        };
    });

    auto retry = std::make_shared<std::string>();
    auto* log = app.add_subcommand("notifications", "The messages sent to customers, newest first");
    log->add_option("--retry", *retry, "Send a FAILED message again")->option_text("ID");
    log->callback([&ctx, retry] {
        ctx.run = [&ctx, retry] {
            auto store = ctx.openStore();
            return notifications(*store, *retry);
        };
    });
}

const CommandRegistration kClosures{addClosureCommands};

}  // namespace

}  // namespace narcisse::cli
