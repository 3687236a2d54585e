#include "cli/desk_arguments.h"

#include "app/settings.h"
#include "app/staff.h"
#include "domain/cash.h"
#include "domain/errors.h"
#include "domain/public_ref.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <signal.h>

namespace narcisse::cli {

namespace {
// A CLI11 check from a domain parser: its ValidationError's message, which CLI11 prefixes with the
// option's name.
template <typename Parse>
CLI::Validator checkWith(Parse parse, std::string description) {
    return CLI::Validator(
        [parse](std::string& text) -> std::string {
            try {
                parse(text);
                return {};
            } catch (const domain::ValidationError& e) {
                return e.message();
            } catch (const std::exception& e) {
                return e.what();
            }
        },
        std::move(description));
}
}  // namespace

void addOperatorOption(CLI::App* cmd, std::string& login) {
    cmd->add_option("--as", login, "The employee at the desk: their permissions apply and receipts name them")
        ->option_text("LOGIN (default: cli)");
}

std::optional<domain::Uuid> resolveOperator(domain::Store& store, const std::string& login) {
    if (login.empty()) return std::nullopt;
    const auto staff = app::loadStaff(store, domain::SystemClock().now());
    const auto row = std::find_if(staff.rows.begin(), staff.rows.end(),
                                  [&](const app::StaffRow& r) { return r.employee.login == login; });
    if (row == staff.rows.end()) throw domain::ValidationError("--as", "no employee has the login \"" + login + "\"");
    if (!row->employee.active)
        throw domain::PermissionDenied(row->employee.name + " (" + login + ") is deactivated and can no longer act");
    return row->employee.id;
}

CLI::Validator moneyValidator() {
    return checkWith([](const std::string& text) { domain::Money::parse(text, "amount"); }, "EUROS");
}

CLI::Validator cashCountValidator() {
    return checkWith([](const std::string& text) { domain::CashCount::parse(text, "count"); }, "\"50x2,20x5,…\"");
}

CLI::Validator referenceValidator() {
    return checkWith([](const std::string& text) { domain::PublicRef::parse(text); }, "SN-XXXXXXXX");
}

domain::BusinessZone businessZone(domain::Store& store) {
    std::string name;
    store.read([&](domain::StoreReader& r) { name = app::loadBusinessSettings(r).timeZone; });
    return domain::BusinessZone(name);
}

std::string labelled(const std::string& label, const std::string& value, std::size_t column) {
    const std::size_t pad = label.size() < column ? column - label.size() : 1;
    return label + std::string(pad, ' ') + value + "\n";
}

std::string vatRate(int basisPoints) {
    std::string out = std::to_string(basisPoints / 100);
    if (basisPoints % 100 != 0) {
        out += "." + std::to_string(basisPoints % 100 / 10);
        if (basisPoints % 10 != 0) out += std::to_string(basisPoints % 10);
    }
    return out + " %";
}

YearMonth parseMonth(std::string_view text, const std::string& field) {
    YearMonth ym;
    const char* begin = text.data();
    const bool shaped = text.size() == 7 && text[4] == '-' &&
                        std::from_chars(begin, begin + 4, ym.year).ptr == begin + 4 &&
                        std::from_chars(begin + 5, begin + 7, ym.month).ptr == begin + 7;
    if (!shaped || ym.year < 2000 || ym.year > 2999 || ym.month < 1 || ym.month > 12)
        throw domain::ValidationError(field, "\"" + std::string(text) + "\" is not a month (YYYY-MM)");
    return ym;
}

CLI::Validator monthValidator() {
    return checkWith([](const std::string& text) { parseMonth(text, "month"); }, "YYYY-MM");
}

void addDateRangeOptions(CLI::App* cmd, DateRangeArguments& range) {
    cmd->add_option("--from", range.from, "First day (required)")->required()->check(dateValidator())->option_text("YYYY-MM-DD");
    cmd->add_option("--to", range.to, "Last day, included (required)")
        ->required()
        ->check(dateValidator())
        ->option_text("YYYY-MM-DD");
}

DateRange readDateRange(const DateRangeArguments& range) {
    const DateRange r{domain::parseDate(range.from, "--from"), domain::parseDate(range.to, "--to")};
    if (r.to < r.from) throw domain::ValidationError("--to", "must not be before --from (" + range.from + ")");
    return r;
}

namespace {
std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);   // safe to set from a signal handler

extern "C" void onInterrupt(int) { interrupted.store(true); }

struct sigaction installed(int signal) {
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;   // a second Ctrl-C ends the program at once
    struct sigaction previous {};
    sigaction(signal, &action, &previous);
    return previous;
}

struct sigaction previousInt {};
struct sigaction previousTerm {};
}  // namespace

InterruptibleExport::InterruptibleExport() {
    interrupted.store(false);
    previousInt = installed(SIGINT);
    previousTerm = installed(SIGTERM);
}

InterruptibleExport::~InterruptibleExport() {
    sigaction(SIGINT, &previousInt, nullptr);
    sigaction(SIGTERM, &previousTerm, nullptr);
}

bool InterruptibleExport::keepGoing() { return !interrupted.load(); }

}  // namespace narcisse::cli
