// The cash drawer and the closings: open a session with a counted float, pay in or out with a
// reason, the daily closing (Z) with its count and hash, monthly and annual closings built from the
// daily ones.
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

// Throws ConflictError when the desk's session is already open, PermissionDenied. A drawer opened
// after today's Z belongs to tomorrow's register period (deskDrawer's registerDay says so).
domain::CashSession openCashSession(domain::Store& store, const domain::Clock& clock, const domain::CashCount& count,
                                    std::optional<domain::Uuid> employeeId);

enum class CashDirection { In, Out };

// Cash paid into or taken out of the open drawer. `amount` is what moves (more than 0.00 €); the
// direction says which way, and a bank deposit always goes out. Throws ConflictError when the drawer
// is closed, ValidationError("amount", …) for an amount not above zero or, going out, above what the
// drawer holds; ("reason", …), PermissionDenied without ManageCash.
domain::CashMovement recordCashMovement(domain::Store& store, const domain::Clock& clock, CashDirection direction,
                                        domain::Money amount, const std::string& reason, bool bankDeposit,
                                        std::optional<domain::Uuid> employeeId);

// The desk's drawer as the Desk view shows it, with the next step of the day.
struct DeskDrawer {
    enum class State {
        Closed,      // no session: open the drawer (count the float)
        Open,        // a session is open: sell, then close the day
        DayClosed,   // today's Z is done and no session is open
    };
    State state = State::Closed;
    std::optional<domain::CashSession> session;
    domain::Money expectedCash;              // what the drawer should hold now (open only)
    std::optional<std::int64_t> dayClosing;  // today's Z number, once done
    domain::LocalDate registerDay;           // the day whose Z the open session's cash goes to
};
DeskDrawer deskDrawer(domain::Store& store, const domain::Clock& clock);

// Inside a use case's write transaction that takes or gives back cash: the desk's open session,
// locked until the transaction ends (a second writer of the drawer waits, then sees this one's
// cash). ConflictError saying how to open it when the drawer is closed; `forWhat` ends the sentence
// ("before taking cash").
domain::CashSession lockOpenDrawer(domain::StoreWriter& w, const std::string& forWhat);
// What an open session's drawer should hold now: its float, the cash of every receipt since it
// opened and its movements. Read it after lockOpenDrawer when cash is to go out.
domain::Money cashHeld(domain::StoreReader& r, const domain::CashSession& session);

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
