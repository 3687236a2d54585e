// The ticket desk: the next departures, the live price, a sale paid by cash, card, voucher or a split
// between them (or a phone booking left PENDING), the receipt and its reprints.
#pragma once

#include "app/sales.h"
#include "domain/store.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

// One way the customer pays part (or all) of a sale.
struct Tender {
    domain::PaymentMethod method = domain::PaymentMethod::Cash;   // CASH, CARD or VOUCHER at the desk
    domain::Money amount;                   // what this method pays of the total
    domain::Money given;                    // CASH: what the customer hands over (≥ amount); zero: exact
    std::string voucherCode;                // VOUCHER: the code as typed or scanned
};

struct DeskSaleRequest {
    SaleRequest sale;                       // departure, party, customer, channel (payment ignored)
    // Empty: a phone booking, PENDING until the expiry setting releases its seats. Otherwise the
    // tenders must add up to the price exactly.
    std::vector<Tender> tenders;
};

struct DeskSaleResult {
    SaleResult sale;
    std::optional<domain::Receipt> receipt;   // none for a phone booking
    domain::Money change;                     // cash to give back
};

// One transaction: booking CONFIRMED, payments recorded and sealed, vouchers debited, receipt
// numbered — or nothing. Throws as sellRide, plus ValidationError("payment", …) when the tenders do
// not add up, ("cash given", …) when less than the cash part, ("voucher", …) for a voucher that cannot
// pay (unknown, expired, used, balance too low), ("cash", …) over the legal cash limit (1,000 €),
// PermissionDenied when the operator may not sell.
DeskSaleResult sellAtDesk(domain::Store& store, const domain::Clock& clock, const DeskSaleRequest& request);

// Every price list, by valid from: the sale form prices its party as the counts change.
std::vector<domain::PriceList> priceLists(domain::Store& store);
// Employee id (text) → name: the journal, the drawer and the closings name who did what.
std::map<std::string, std::string> employeeNames(domain::Store& store);

// The price of a party on a date from the price list in force (the sale form's live total).
domain::Quote priceOf(domain::Store& store, domain::LocalDate date, const domain::Party& party);

// What the desk shows: the departures of `date` (today when empty) that have not left — today the
// next `limit`, another day all of them — each with seats free on its emptiest boat and in all,
// closures named; the first with room is the preselected one. A past date has none.
struct DeskDeparture {
    domain::Minutes time{0};
    domain::Instant start;
    int seatsFree = 0;                      // on all boats
    int largestParty = 0;                   // free seats on the emptiest boat
    int capacity = 0;
    std::optional<std::string> closedReason;
};
struct DeskDay {
    domain::LocalDate date;
    std::vector<DeskDeparture> departures;  // by time, from now
    std::optional<std::size_t> preselected; // the next departure with a seat free
};
DeskDay deskDepartures(domain::Store& store, const domain::Clock& clock, std::optional<domain::LocalDate> date = {},
                       int limit = 12);

// Takes payment for a booking that is PENDING or not fully paid (a phone booking at the desk, a
// passenger boarding unpaid): confirms it, records and seals the payments, issues a receipt.
// Throws ConflictError when nothing is due or the booking cannot be paid (cancelled, expired, …).
DeskSaleResult collectPayment(domain::Store& store, const domain::Clock& clock, const domain::PublicRef& ref,
                              const std::vector<Tender>& tenders, std::optional<domain::Uuid> employeeId);

// What is still due on a booking: total less what was paid and not refunded (zero or more).
domain::Money amountDue(domain::StoreReader& r, const domain::Booking& booking);

// A receipt as issued, and the number of reprints: 0 for the original; a reprint records itself
// (journal, count) and returns its count, printed as "DUPLICATA n".
struct ReceiptCopy {
    domain::Receipt receipt;
    int reprint = 0;
    std::string businessName;
    std::string businessAddress;
    std::string businessId;                 // "SIRET … · TVA …"
};
ReceiptCopy receiptCopy(domain::Store& store, std::int64_t number);
ReceiptCopy reprintReceipt(domain::Store& store, const domain::Clock& clock, std::int64_t number,
                           std::optional<domain::Uuid> employeeId);
// The receipts issued for a booking or a voucher (its public reference or code), by number.
std::vector<domain::Receipt> receiptsOf(domain::Store& store, const std::string& reference);

}  // namespace narcisse::app
