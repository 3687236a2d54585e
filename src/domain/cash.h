// The cash drawer: counts by denomination, the session between opening and the daily closing, and
// cash paid in or out with a reason.
#pragma once

#include "domain/money.h"
#include "domain/time.h"
#include "domain/uuid.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narcisse::domain {

// Euro notes and coins, largest first, in cents: 50000 … 1.
const std::vector<std::int64_t>& denominations();

// Quantity per denomination (cents → quantity). Quantities are 0–100,000.
struct CashCount {
    std::map<std::int64_t, int, std::greater<>> quantities;

    Money total() const;
    // "50x2,20x5,0.50x3" (value in euros, "x", quantity; also "50 x 2", "0,5x3", ";" or "," between).
    // Throws ValidationError(field, …) naming the item: unknown denomination, bad quantity, twice.
    static CashCount parse(std::string_view text, const std::string& field);
    std::string str() const;           // "50x2,20x5,0.50x3" (largest first, zero quantities left out)
    bool operator==(const CashCount&) const = default;
};

// One drawer session on a desk: opened with a counted float, closed by the daily closing.
struct CashSession {
    Uuid id;
    std::string desk;                       // "DESK-1" (setting desk_id)
    Instant openedAt;
    std::optional<Uuid> openedBy;
    Money openingFloat;
    CashCount openingCount;
    std::optional<Instant> closedAt;        // set by the closing
    std::optional<std::int64_t> closingNumber;
};

// Cash put into (+) or taken out of (−) the drawer outside a sale: change brought in, a deposit to
// the bank, petty expenses. The reason is required.
struct CashMovement {
    Uuid id;
    Uuid sessionId;
    Instant at;
    Money amount;                           // + in, − out; never zero
    std::string reason;
    bool bankDeposit = false;               // out to the bank (the accountant books it 530 → 58 → 512)
    std::optional<Uuid> employeeId;

    void validate() const;                  // amount non-zero and within ±10,000 €, reason 1–200 chars
};

// What the drawer should hold: float + cash takings − cash refunds + paid in − paid out.
Money expectedCash(Money openingFloat, Money cashTakings, Money cashRefunds, const std::vector<CashMovement>& movements);

}  // namespace narcisse::domain
