// What the desk commands (board, cancel, refund, voucher, cash, close-*, verify, receipt) share: the
// operator named by --as, money and cash-count values checked while parsing, and the printing of a
// labelled line as the sell command does it.
#pragma once

#include "cli/arguments.h"
#include "cli/context.h"
#include "domain/store.h"

#include <optional>
#include <string>

namespace narcisse::cli {

// --as LOGIN: the employee at the desk. Permissions are checked for their role and receipts and the
// journal name them; without it the operator is "cli" (the database's owner, no permission checked).
void addOperatorOption(CLI::App* cmd, std::string& login);

// The employee of that login, or nothing for "cli" when `login` is empty. ValidationError("--as", …)
// for an unknown login, PermissionDenied for a deactivated employee.
std::optional<domain::Uuid> resolveOperator(domain::Store& store, const std::string& login);

CLI::Validator moneyValidator();        // "12", "12.50", "12,5" (Money::parse)
CLI::Validator cashCountValidator();    // "50x2,20x5,0.50x3" (CashCount::parse)
CLI::Validator referenceValidator();    // a booking's public reference, as typed

// The business's time zone (setting time_zone).
domain::BusinessZone businessZone(domain::Store& store);


// "label      value\n": the label padded to `column` (11: where the sell command's values start).
std::string labelled(const std::string& label, const std::string& value, std::size_t column = 11);

// "10 %", "5.5 %", "0 %".
std::string vatRate(int basisPoints);

}  // namespace narcisse::cli
