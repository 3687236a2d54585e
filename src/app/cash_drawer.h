// The cash drawer and the closings: open a session with a counted float, pay in or out with a
// reason, the daily closing (Z) with its count and hash, monthly and annual closings built from the
// daily ones.
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

// Throws ConflictError when the desk's session is already open, PermissionDenied.
domain::CashSession openCashSession(domain::Store& store, const domain::Clock& clock, const domain::CashCount& count,
                                    std::optional<domain::Uuid> employeeId);

// Throws ConflictError when no session is open, ValidationError naming the field.
domain::CashMovement recordCashMovement(domain::Store& store, const domain::Clock& clock, domain::Money amount,
                                        const std::string& reason, bool bankDeposit,
                                        std::optional<domain::Uuid> employeeId);

// What the closing dialog shows before the count: the day's figures and the cash expected.
struct DrawerStatus {
    std::optional<domain::CashSession> session;
    std::vector<domain::CashMovement> movements;
    domain::Closing preview;                 // computed with an empty count; not stored
    bool alreadyClosed = false;              // the date has its daily closing
};
DrawerStatus drawerStatus(domain::Store& store, const domain::Clock& clock, domain::LocalDate date);

struct CloseDayRequest {
    domain::LocalDate date;
    domain::CashCount counted;
    std::string comment;
    std::optional<domain::Uuid> employeeId;
};

// The daily closing, stored and sealed; closes the desk's open session; refuses a date already
// closed, a future date, a difference without a comment. PermissionDenied without CloseDay.
domain::Closing closeDay(domain::Store& store, const domain::Clock& clock, const CloseDayRequest& request);

// Monthly ("2026-07") and annual closings from the daily (monthly) ones already stored; refused when
// the period has not ended, is already closed, or has no closing to build from.
domain::Closing closeMonth(domain::Store& store, const domain::Clock& clock, int year, unsigned month,
                           std::optional<domain::Uuid> employeeId);
domain::Closing closeYear(domain::Store& store, const domain::Clock& clock, int year,
                          std::optional<domain::Uuid> employeeId);

// Stored closings, newest first (at most `limit`).
std::vector<domain::Closing> closings(domain::Store& store, int limit = 100);
std::optional<domain::Closing> closingOf(domain::Store& store, domain::ClosingPeriod period, domain::LocalDate day);

}  // namespace narcisse::app
