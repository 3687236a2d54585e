// employees list|add|edit|deactivate|password|day-off: the staff records from the terminal, through
// the same use cases, checks and single transactions as the staff screen. The command line acts as
// the database's owner: no employee is signed in, so no permission is checked.
#include "app/staff.h"
#include "cli/arguments.h"
#include "cli/context.h"
#include "domain/errors.h"

#include <iostream>

namespace narcisse::cli {

namespace {

struct EmployeeArguments {
    std::string employee;   // edit, deactivate, password: the login or id
    std::string login;
    std::string name;
    std::string role;
    std::string email;
    std::string phone;
    std::string password;
    bool noSignIn = false;
    bool signIn = false;
    std::string licence;
    std::string licenceExpiry;
    std::string notes;
    bool all = false;
    // day-off
    std::string from;
    std::string to;
    std::string reason;
    std::string dayOffId;
};

CLI::Validator roleValidator() {
    return CLI::IsMember({"admin", "manager", "accountant", "staff"});
}

std::optional<domain::LocalDate> expiry(const std::string& text) {
    if (text == "none") return std::nullopt;
    return domain::parseDate(text, "licence expiry");
}

const char* yesNo(bool b) { return b ? "yes" : "no"; }

int runList(domain::Store& store, const EmployeeArguments& a) {
    const auto staff = app::loadStaff(store, domain::SystemClock().now());
    TextTable table({"login", "name", "role", "active", "sign-in", "licence", "expires", ""});
    for (const auto& row : staff.rows) {
        const auto& e = row.employee;
        if (!a.all && !e.active) continue;
        const char* note = row.licence == app::LicenceState::Expired       ? "expired"
                           : row.licence == app::LicenceState::ExpiresSoon ? "expires soon"
                                                                           : "";
        table.add({e.login, e.name, std::string(domain::toString(e.role)), yesNo(e.active),
                   yesNo(e.canSignIn && !e.passwordHash.empty()), e.licenceNumber,
                   e.licenceExpiry ? domain::isoDate(*e.licenceExpiry) : "", note});
    }
    std::cout << table.str();
    return kExitOk;
}

int runAdd(domain::Store& store, const EmployeeArguments& a) {
    app::NewEmployee n;
    n.login = a.login;
    n.name = a.name;
    n.role = *domain::parseRole(a.role.empty() ? "staff" : a.role);
    n.email = a.email;
    n.phone = a.phone;
    n.canSignIn = !a.noSignIn;
    n.password = a.password;
    n.licenceNumber = a.licence;
    if (!a.licenceExpiry.empty()) n.licenceExpiry = expiry(a.licenceExpiry);
    n.notes = a.notes;
    const auto e = app::addEmployee(store, domain::SystemClock(), n, std::nullopt);
    std::cout << "Added " << e.name << " (" << e.login << "), " << domain::toString(e.role) << "\n";
    return kExitOk;
}

int runEdit(domain::Store& store, const EmployeeArguments& a, const CLI::App& cmd) {
    app::EmployeeEdit edit;
    auto given = [&cmd](const char* option) { return cmd.count(option) > 0; };
    if (given("--login")) edit.login = a.login;
    if (given("--name")) edit.name = a.name;
    if (given("--role")) edit.role = domain::parseRole(a.role);
    if (given("--email")) edit.email = a.email;
    if (given("--phone")) edit.phone = a.phone;
    if (given("--licence")) edit.licenceNumber = a.licence;
    if (given("--licence-expiry")) edit.licenceExpiry = expiry(a.licenceExpiry);
    if (given("--notes")) edit.notes = a.notes;
    if (a.signIn) edit.canSignIn = true;
    if (a.noSignIn) edit.canSignIn = false;
    const auto e = app::editEmployee(store, domain::SystemClock(), a.employee, edit, std::nullopt);
    std::cout << "Saved " << e.name << " (" << e.login << "), " << domain::toString(e.role) << "\n";
    return kExitOk;
}

void addFieldOptions(CLI::App* cmd, EmployeeArguments& a) {
    cmd->add_option("--login", a.login, "The sign-in name, unique, without spaces")->option_text("LOGIN");
    cmd->add_option("--name", a.name, "Full name")->option_text("NAME");
    cmd->add_option("--role", a.role, "admin, manager, accountant or staff (boatmen)")
        ->check(roleValidator())
        ->option_text("ROLE");
    cmd->add_option("--email", a.email, "E-mail address")->option_text("ADDRESS");
    cmd->add_option("--phone", a.phone, "Phone number")->option_text("NUMBER");
    cmd->add_option("--licence", a.licence, "Skipper licence number")->option_text("NUMBER");
    cmd->add_option("--licence-expiry", a.licenceExpiry, "Skipper licence expiry (\"none\" clears it)")
        ->check(dateValidator() | CLI::IsMember({"none"}))
        ->option_text("YYYY-MM-DD");
    cmd->add_option("--notes", a.notes, "Notes")->option_text("TEXT");
}

void addDayOffCommands(CLI::App* employees, Context& ctx) {
    auto* dayOff = employees->add_subcommand("day-off", "Days off and absences");
    dayOff->require_subcommand(1);

    auto a = std::make_shared<EmployeeArguments>();
    auto* add = dayOff->add_subcommand("add", "Record days off (both dates included)");
    add->add_option("employee", a->employee, "Login or id (required)")->required()->option_text("LOGIN");
    add->add_option("--from", a->from, "First day off (required)")->required()->check(dateValidator())->option_text("YYYY-MM-DD");
    add->add_option("--to", a->to, "Last day off; the first day without")->check(dateValidator())->option_text("YYYY-MM-DD");
    add->add_option("--reason", a->reason, "Why (holidays, sick leave…)")->option_text("TEXT");
    add->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            auto store = ctx.openStore();
            const auto from = domain::parseDate(a->from, "from");
            const app::DayOffRequest request{a->employee, from, a->to.empty() ? from : domain::parseDate(a->to, "to"),
                                             a->reason};
            const auto off = app::addDayOff(*store, domain::SystemClock(), request, std::nullopt);
            std::cout << "Day off " << off.id.str() << ": " << a->employee << " off " << domain::isoDate(off.from)
                      << " → " << domain::isoDate(off.to) << "\n";
            return int(kExitOk);
        };
    });

    auto* list = dayOff->add_subcommand("list", "Days off overlapping a range of dates");
    list->add_option("employee", a->employee, "Only this employee (login or id)")->option_text("LOGIN");
    list->add_option("--from", a->from, "First day (required)")->required()->check(dateValidator())->option_text("YYYY-MM-DD");
    list->add_option("--to", a->to, "Last day; the first day without")->check(dateValidator())->option_text("YYYY-MM-DD");
    list->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            auto store = ctx.openStore();
            const auto from = domain::parseDate(a->from, "from");
            const auto to = a->to.empty() ? from : domain::parseDate(a->to, "to");
            TextTable table({"id", "employee", "from", "to", "reason"});
            for (const auto& row : app::listDaysOff(*store, a->employee, from, to))
                table.add({row.dayOff.id.str(), row.employeeName, domain::isoDate(row.dayOff.from),
                           domain::isoDate(row.dayOff.to), row.dayOff.reason});
            std::cout << table.str();
            return int(kExitOk);
        };
    });

    auto* remove = dayOff->add_subcommand("remove", "Remove a day off");
    remove->add_option("id", a->dayOffId, "The day off's id, as listed (required)")->required()->option_text("ID");
    remove->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            const auto id = domain::Uuid::parse(a->dayOffId);
            if (!id) throw domain::ValidationError("id", "\"" + a->dayOffId + "\" is not a day off's id");
            auto store = ctx.openStore();
            app::removeDayOff(*store, domain::SystemClock(), *id, std::nullopt);
            std::cout << "Removed day off " << id->str() << "\n";
            return int(kExitOk);
        };
    });
}

void addEmployeeCommands(CLI::App& app, Context& ctx) {
    auto* employees = app.add_subcommand("employees", "Employees: accounts, roles, licences, days off");
    employees->require_subcommand(1);
    employees->footer("\nEmployees are never deleted: deactivate them. A bad value exits with code 2 naming the field\n"
                      "(empty name, login taken, licence expiry in the past); a refusal with code 3.");

    auto a = std::make_shared<EmployeeArguments>();
    auto* list = employees->add_subcommand("list", "Every active employee, by name");
    list->add_flag("--all", a->all, "Include deactivated employees");
    list->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            auto store = ctx.openStore();
            return runList(*store, *a);
        };
    });

    auto* add = employees->add_subcommand("add", "Add an employee");
    addFieldOptions(add, *a);
    add->get_option("--login")->required();
    add->get_option("--name")->required();
    add->add_option("--password", a->password, "Initial password, 8 characters or more (required unless --no-sign-in)")
        ->option_text("TEXT");
    add->add_flag("--no-sign-in", a->noSignIn, "No account: a boatman who never signs in");
    add->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            auto store = ctx.openStore();
            return runAdd(*store, *a);
        };
    });

    auto* edit = employees->add_subcommand("edit", "Change an employee; options not given stay as they are");
    edit->add_option("employee", a->employee, "Login or id (required)")->required()->option_text("LOGIN");
    addFieldOptions(edit, *a);
    auto* on = edit->add_flag("--sign-in", a->signIn, "Allow signing in (needs a password: employees password)");
    edit->add_flag("--no-sign-in", a->noSignIn, "Forbid signing in; removes the password")->excludes(on);
    edit->callback([&ctx, a, edit] {
        ctx.run = [&ctx, a, edit] {
            auto store = ctx.openStore();
            return runEdit(*store, *a, *edit);
        };
    });

    auto* deactivate = employees->add_subcommand("deactivate", "Deactivate an employee: they can no longer sign in");
    deactivate->add_option("employee", a->employee, "Login or id (required)")->required()->option_text("LOGIN");
    deactivate->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            auto store = ctx.openStore();
            const auto e = app::deactivateEmployee(*store, domain::SystemClock(), a->employee, std::nullopt);
            std::cout << "Deactivated " << e.name << " (" << e.login << ")\n";
            return int(kExitOk);
        };
    });

    auto* password = employees->add_subcommand("password", "Set a new password (bcrypt) and allow signing in");
    password->add_option("employee", a->employee, "Login or id (required)")->required()->option_text("LOGIN");
    password->add_option("--password", a->password, "The new password, 8 characters or more (required)")
        ->required()
        ->option_text("TEXT");
    password->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            auto store = ctx.openStore();
            app::resetPassword(*store, domain::SystemClock(), a->employee, a->password, std::nullopt);
            std::cout << "Password of " << a->employee << " reset\n";
            return int(kExitOk);
        };
    });

    addDayOffCommands(employees, ctx);
}

}  // namespace

static const CommandRegistration kEmployees{addEmployeeCommands};

}  // namespace narcisse::cli
