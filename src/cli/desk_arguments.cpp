#include "cli/desk_arguments.h"

#include "app/settings.h"
#include "app/staff.h"
#include "domain/cash.h"
#include "domain/errors.h"
#include "domain/public_ref.h"

#include <algorithm>

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

}  // namespace narcisse::cli
