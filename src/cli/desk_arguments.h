// What the desk commands (board, cancel, refund, voucher, cash, close-*, verify, receipt) share: the
// operator named by --as, money and cash-count values checked while parsing, and the printing of a
// labelled line as the sell command does it.
#pragma once

#include "cli/arguments.h"
#include "cli/context.h"
#include "domain/store.h"

#include <optional>
#include <string>
#include <string_view>

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

// --- The accountant's commands (export fec/journal/…, report, journal, accounts)

struct YearMonth {
    int year = 0;
    unsigned month = 0;
};
// "2026-07"; ValidationError(field, "\"2026-13\" is not a month (YYYY-MM)") otherwise.
YearMonth parseMonth(std::string_view text, const std::string& field);
CLI::Validator monthValidator();        // YYYY-MM

// --from and --to, both required, checked while parsing; readDateRange() also refuses --to before --from.
struct DateRangeArguments {
    std::string from;
    std::string to;
};
void addDateRangeOptions(CLI::App* cmd, DateRangeArguments& range);
struct DateRange {
    domain::LocalDate from;
    domain::LocalDate to;
};
DateRange readDateRange(const DateRangeArguments& range);

// Ctrl-C (or SIGTERM) during a long export: the use case's progress callback returns false, the
// export throws app::Cancelled and leaves no file. The handlers are restored when this ends.
class InterruptibleExport {
public:
    InterruptibleExport();
    ~InterruptibleExport();
    InterruptibleExport(const InterruptibleExport&) = delete;
    InterruptibleExport& operator=(const InterruptibleExport&) = delete;
    // For the use case's ProgressFn: false once interrupted.
    static bool keepGoing();
};
constexpr int kExitInterrupted = 130;   // 128 + SIGINT, as a shell reports it

}  // namespace narcisse::cli
