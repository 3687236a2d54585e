// boats and maintenance: the fleet from the terminal with the same use cases as the fleet panel.
// A boat leaves service through the closure flow: without --move-passengers, taking out of service a
// boat that carries bookings is refused and lists them, as `close` does.
#include "app/fleet.h"
#include "app/notifications.h"
#include "app/settings.h"
#include "cli/arguments.h"
#include "cli/context.h"
#include "domain/errors.h"

#include <algorithm>
#include <cctype>
#include <iostream>

namespace narcisse::cli {

namespace {

std::string upper(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return c == '-' ? '_' : static_cast<char>(std::toupper(c));
    });
    return s;
}

domain::BoatStatus statusOf(const std::string& text) {
    const auto s = domain::parseBoatStatus(upper(text));
    if (!s) throw domain::ValidationError("--status", "must be in-service or maintenance (retire a boat with boats retire)");
    return *s;
}

domain::MaintenanceKind kindOf(const std::string& text) {
    const auto k = domain::parseMaintenanceKind(upper(text));
    if (!k) throw domain::ValidationError("--kind", "must be inspection, maintenance, repair or incident");
    return *k;
}

domain::Priority priorityOf(const std::string& text) {
    const auto p = domain::parsePriority(upper(text));
    if (!p) throw domain::ValidationError("--priority", "must be low, normal or high");
    return *p;
}

std::string lowerText(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return c == '_' ? '-' : static_cast<char>(std::tolower(c));
    });
    return out;
}

std::string dateOrEmpty(const std::optional<domain::LocalDate>& d) { return d ? domain::isoDate(*d) : ""; }

domain::BusinessZone zoneOf(domain::Store& store) {
    std::string name;
    store.read([&](domain::StoreReader& r) { name = r.setting(app::setting_keys::kTimeZone).value_or("Europe/Paris"); });
    return domain::BusinessZone(name);
}

struct BoatArguments {
    std::string boat;   // edit, retire, out-of-service: which one
    std::optional<std::string> name;
    std::optional<int> capacity;
    std::optional<std::string> colour;
    std::optional<std::string> status;
    std::optional<std::string> registration;
    std::optional<std::string> notes;

    // Options given replace the boat's values; the others stay.
    app::BoatForm applyTo(app::BoatForm f) const {
        if (name) f.name = *name;
        if (capacity) f.capacity = *capacity;
        if (colour) f.colour = *colour;
        if (status) f.status = statusOf(*status);
        if (registration) f.registration = *registration;
        if (notes) f.notes = *notes;
        return f;
    }
};

struct OutOfServiceArguments {
    std::string boat;
    std::string from;
    std::string to;
    std::string reason;
    bool movePassengers = false;
    bool notify = false;
};

struct MaintenanceArguments {
    std::string boat;
    std::string kind;
    std::string title;
    std::string description;
    std::string priority;
    std::string planned;
    int every = 0;
    bool open = false;
    bool done = false;
    std::string id;     // done: which record
    std::string date;   // done: when
    std::string cost;
    std::string by;
};

int listBoats(domain::Store& store) {
    const domain::SystemClock clock;
    const auto today = zoneOf(store).localDate(clock.now());
    TextTable table({"boat", "seats", "colour", "status", "registration", "last maintenance", "next due"},
                    {false, true});
    for (const auto& f : app::loadFleet(store, today)) {
        std::string next = dateOrEmpty(f.maintenance.nextDue);
        if (f.maintenance.nextDue) next += " " + f.maintenance.nextTitle + (f.overdue ? " (OVERDUE)" : "");
        table.add({f.boat.name, std::to_string(f.boat.capacity), f.boat.colour, lowerText(domain::toString(f.boat.status)),
                   f.boat.registration, dateOrEmpty(f.maintenance.lastDone), next});
    }
    std::cout << table.str();
    return kExitOk;
}

int addBoat(domain::Store& store, const BoatArguments& a) {
    const domain::SystemClock clock;
    const auto boat = app::addBoat(store, clock, a.applyTo(app::BoatForm{}), std::nullopt);
    std::cout << "Added " << boat.name << " (" << boat.capacity << " seats)\n";
    return kExitOk;
}

int editBoat(domain::Store& store, const BoatArguments& a) {
    const domain::SystemClock clock;
    const auto before = app::findBoat(store, a.boat);
    const app::BoatForm current{before.name, before.capacity, before.colour, before.status, before.registration, before.notes};
    const auto boat = app::editBoat(store, clock, before.id, a.applyTo(current), std::nullopt);
    std::cout << "Saved " << boat.name << " (" << boat.capacity << " seats, " << lowerText(domain::toString(boat.status))
              << ")\n";
    return kExitOk;
}

int retireBoat(domain::Store& store, const std::string& boat) {
    const domain::SystemClock clock;
    const auto retired = app::retireBoat(store, clock, boat, std::nullopt);
    std::cout << "Retired " << retired.name << "\n";
    return kExitOk;
}

void sendMessages(domain::Store& store) {
    auto configured = app::configuredMailer(store);
    if (!configured.mailer) {
        std::cout << "Messages stay queued: " << configured.note << ".\n";
        return;
    }
    const domain::SystemClock clock;
    const auto report = app::sendPendingNotifications(store, *configured.mailer, clock);
    std::cout << "Messages: " << report.sent << " sent, " << report.failed << " failed.\n";
}

int outOfService(domain::Store& store, const OutOfServiceArguments& a) {
    const domain::SystemClock clock;
    const auto from = domain::parseDate(a.from, "--from");
    std::optional<domain::LocalDate> to;
    if (!a.to.empty()) to = domain::parseDate(a.to, "--to");
    const auto scope = app::outOfServiceScope(store, a.boat, from, to, std::nullopt);
    const auto preview = app::previewClosure(store, scope, a.reason, clock.now());
    const auto zone = zoneOf(store);
    auto when = [&](domain::Instant t) { return domain::isoDate(zone.localDate(t)) + " " + domain::hhmm(zone.localMinutes(t)); };

    if (!preview.affected.empty() && !a.movePassengers) {
        TextTable table({"booking", "departure", "party", "customer", "nearest departures with room"});
        for (const auto& x : preview.affected) {
            std::string proposals;
            for (const auto& p : x.proposals)
                proposals += (proposals.empty() ? "" : ", ") + when(p.departure.start) + " " + p.boatName;
            table.add({x.booking.ref.str(), when(x.booking.departureStart), x.booking.party.summary(),
                       x.booking.customerName, proposals.empty() ? "none" : proposals});
        }
        std::cout << "Taking " << *scope.boatName << " out of service would strand " << preview.affected.size()
                  << (preview.affected.size() == 1 ? " booking" : " bookings") << ":\n"
                  << table.str();
        std::cerr << "narcisse-cli: refused: the boat carries bookings; nothing was changed. Add --move-passengers to "
                     "move each booking to its first proposal (those without one are cancelled, their payments owed back).\n";
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
            request.decisions.push_back({x.booking.id, app::BookingDecision::Kind::Move, x.proposals.front().departure.start,
                                         x.proposals.front().boatId});
    }
    const auto result = app::applyClosure(store, clock, request);
    std::cout << "Out of service: " << result.summary << "\n";
    // After the commit: the boat is off sale whatever the mail server does.
    if (a.notify && result.notified > 0) sendMessages(store);
    return kExitOk;
}

int addMaintenance(domain::Store& store, const MaintenanceArguments& a) {
    app::MaintenanceRequest r;
    r.boat = a.boat;
    if (!a.kind.empty()) r.kind = kindOf(a.kind);
    r.title = a.title;
    r.description = a.description;
    if (!a.priority.empty()) r.priority = priorityOf(a.priority);
    r.plannedOn = domain::parseDate(a.planned, "--planned");
    r.recurEveryDays = a.every;
    const domain::SystemClock clock;
    const auto record = app::addMaintenance(store, clock, r, std::nullopt);
    std::cout << "Planned " << record.id.str() << ": " << record.title << " on " << a.boat << ", "
              << domain::isoDate(*record.plannedOn) << "\n";
    return kExitOk;
}

int listMaintenance(domain::Store& store, const MaintenanceArguments& a) {
    if (a.open && a.done) throw domain::ValidationError("--open", "give --open or --done, not both");
    app::MaintenanceFilter f;
    if (!a.boat.empty()) f.boat = a.boat;
    if (!a.kind.empty()) f.kind = kindOf(a.kind);
    if (!a.priority.empty()) f.priority = priorityOf(a.priority);
    if (a.open) f.done = false;
    if (a.done) f.done = true;
    TextTable table({"id", "boat", "kind", "title", "priority", "planned", "done", "by", "cost", "every"});
    for (const auto& l : app::listMaintenance(store, f)) {
        const auto& m = l.record;
        table.add({m.id.str(), l.boatName, lowerText(domain::toString(m.kind)), m.title,
                   lowerText(domain::toString(m.priority)), dateOrEmpty(m.plannedOn), dateOrEmpty(m.doneOn), m.doneBy,
                   m.cost ? m.cost->display() : "", m.recurEveryDays > 0 ? std::to_string(m.recurEveryDays) + " days" : ""});
    }
    std::cout << table.str();
    return kExitOk;
}

int markDone(domain::Store& store, const MaintenanceArguments& a) {
    const auto id = domain::Uuid::parse(a.id);
    if (!id) throw domain::ValidationError("id", "is not a maintenance record id (see maintenance list)");
    const domain::SystemClock clock;
    app::DoneRequest r{*id, a.date.empty() ? zoneOf(store).localDate(clock.now()) : domain::parseDate(a.date, "--date"),
                       std::nullopt, a.by};
    if (!a.cost.empty()) r.cost = domain::Money::parse(a.cost, "--cost");
    const auto record = app::markMaintenanceDone(store, clock, r, std::nullopt);
    std::cout << "Done: " << record.title << " on " << domain::isoDate(*record.doneOn) << "\n";
    return kExitOk;
}

void addBoatOptions(CLI::App* cmd, BoatArguments& a) {
    cmd->add_option("--capacity", a.capacity, "Seats, 1 to 50")->option_text("N");
    cmd->add_option("--colour", a.colour, "Its colour on the planning")->option_text("#RRGGBB");
    cmd->add_option("--registration", a.registration, "The number painted on the hull")->option_text("TEXT");
    cmd->add_option("--notes", a.notes, "Anything the desk should know")->option_text("TEXT");
}

template <typename Args, typename Fn>
void runWith(CLI::App* cmd, Context& ctx, std::shared_ptr<Args> a, Fn fn) {
    cmd->callback([&ctx, a, fn] {
        ctx.run = [&ctx, a, fn] {
            auto store = ctx.openStore();
            return fn(*store, *a);
        };
    });
}

void addFleetCommands(CLI::App& app, Context& ctx) {
    auto* boats = app.add_subcommand("boats", "The fleet: list, add, edit, retire, take out of service");
    boats->require_subcommand(1);

    auto none = std::make_shared<BoatArguments>();
    runWith(boats->add_subcommand("list", "Every boat with its maintenance: last done, next due"), ctx, none,
            [](domain::Store& s, const BoatArguments&) { return listBoats(s); });

    auto add = std::make_shared<BoatArguments>();
    auto* addCmd = boats->add_subcommand("add", "Add a boat");
    addCmd->add_option("--name", add->name, "Its name (required)")->required()->option_text("NAME");
    addBoatOptions(addCmd, *add);
    runWith(addCmd, ctx, add, addBoat);

    auto edit = std::make_shared<BoatArguments>();
    auto* editCmd = boats->add_subcommand("edit", "Change a boat: only the options given");
    editCmd->footer("\nRefused (exit code 3) when the capacity would drop below the seats sold on a future departure,\n"
                    "or when --status maintenance would take off sale a boat that carries bookings (use out-of-service).");
    editCmd->add_option("boat", edit->boat, "The boat's name")->required()->option_text("BOAT");
    editCmd->add_option("--name", edit->name, "A new name")->option_text("NAME");
    editCmd->add_option("--status", edit->status, "in-service or maintenance")->option_text("STATUS");
    addBoatOptions(editCmd, *edit);
    runWith(editCmd, ctx, edit, editBoat);

    auto retire = std::make_shared<BoatArguments>();
    auto* retireCmd = boats->add_subcommand("retire", "Retire a boat (kept with its history, off the planning)");
    retireCmd->add_option("boat", retire->boat, "The boat's name")->required()->option_text("BOAT");
    runWith(retireCmd, ctx, retire, [](domain::Store& s, const BoatArguments& a) { return retireBoat(s, a.boat); });

    auto oos = std::make_shared<OutOfServiceArguments>();
    auto* oosCmd = boats->add_subcommand("out-of-service", "Take a boat off sale from a date, for a range or until further notice");
    oosCmd->footer("\nIts seats leave the sale at once. Bookings it carries are listed with the nearest departures that\n"
                   "have room and it is refused (exit code 3) unless --move-passengers moves each to its first proposal;\n"
                   "those with none are cancelled and what they paid is recorded as a refund owed. One transaction.");
    oosCmd->add_option("boat", oos->boat, "The boat's name")->required()->option_text("BOAT");
    oosCmd->add_option("--from", oos->from, "First day out of service (required)")->required()->check(dateValidator())->option_text("YYYY-MM-DD");
    oosCmd->add_option("--to", oos->to, "Last day out of service; the end of the timetable without")->check(dateValidator())->option_text("YYYY-MM-DD");
    oosCmd->add_option("--reason", oos->reason, "Why (required)")->required()->option_text("TEXT");
    oosCmd->add_flag("--move-passengers", oos->movePassengers, "Move each booking to its nearest departure with room");
    oosCmd->add_flag("--notify", oos->notify, "Tell the customers by e-mail");
    runWith(oosCmd, ctx, oos, outOfService);

    auto* maintenance = app.add_subcommand("maintenance", "The boats' maintenance log: add, list, done");
    maintenance->require_subcommand(1);
    auto m = std::make_shared<MaintenanceArguments>();
    auto* mAdd = maintenance->add_subcommand("add", "Plan maintenance work on a boat");
    mAdd->add_option("--boat", m->boat, "The boat (required)")->required()->option_text("BOAT");
    mAdd->add_option("--title", m->title, "What is to be done (required)")->required()->option_text("TEXT");
    mAdd->add_option("--planned", m->planned, "When (required)")->required()->check(dateValidator())->option_text("YYYY-MM-DD");
    mAdd->add_option("--kind", m->kind, "inspection, maintenance (default), repair or incident")->option_text("KIND");
    mAdd->add_option("--priority", m->priority, "low, normal (default) or high")->option_text("PRIORITY");
    mAdd->add_option("--description", m->description, "Details")->option_text("TEXT");
    mAdd->add_option("--every", m->every, "A recurring inspection: due again this many days after it is done")->option_text("DAYS");
    runWith(mAdd, ctx, m, addMaintenance);

    auto l = std::make_shared<MaintenanceArguments>();
    auto* mList = maintenance->add_subcommand("list", "The log, by boat then date");
    mList->add_option("--boat", l->boat, "Only this boat")->option_text("BOAT");
    mList->add_option("--kind", l->kind, "Only this kind")->option_text("KIND");
    mList->add_option("--priority", l->priority, "Only this priority")->option_text("PRIORITY");
    mList->add_flag("--open", l->open, "Only work not done yet");
    mList->add_flag("--done", l->done, "Only work done");
    runWith(mList, ctx, l, listMaintenance);

    auto d = std::make_shared<MaintenanceArguments>();
    auto* mDone = maintenance->add_subcommand("done", "Record planned work as done");
    mDone->add_option("id", d->id, "The record's id (maintenance list)")->required()->option_text("ID");
    mDone->add_option("--date", d->date, "When it was done; today without")->check(dateValidator())->option_text("YYYY-MM-DD");
    mDone->add_option("--cost", d->cost, "What it cost, e.g. 120.50")->option_text("AMOUNT");
    mDone->add_option("--by", d->by, "Who did it (an employee or a yard)")->option_text("NAME");
    runWith(mDone, ctx, d, markDone);
}

}  // namespace

static const CommandRegistration kFleet{addFleetCommands};

}  // namespace narcisse::cli
