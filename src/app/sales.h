// Selling a ride: one transaction that checks the departure, picks the boat, prices the party and
// records the booking, its payment and the audit entry — or changes nothing.
#pragma once

#include "domain/store.h"

#include <optional>
#include <string>

namespace narcisse::app {

struct SaleRequest {
    domain::LocalDate date;                 // local date of the departure
    domain::Minutes time{0};                // local wall time of the departure
    domain::Party party;
    std::optional<domain::PaymentMethod> payment;   // empty: a PENDING (phone) booking
    domain::Channel channel = domain::Channel::Desk;
    std::string language = "fr";
    std::optional<domain::Customer> customer;
    std::optional<std::string> boatName;    // empty: the best-fitting boat
    std::optional<domain::Uuid> employeeId;
};

struct SaleResult {
    domain::Booking booking;
    std::string boatName;
    domain::Quote quote;
};

// Throws ValidationError (bad party), ConflictError (no such departure, past, closed, boat unknown
// or out of service) or CapacityError (full) with a sentence for the user.
// With a payment, the sale is a desk sale paid in full by that method (see desk.h: sealed payment,
// receipt); without, a PENDING booking.
SaleResult sellRide(domain::Store& store, const domain::Clock& clock, const SaleRequest& request);

// Inside a write transaction: checks the departure under its lock, picks the boat, prices the party
// and inserts the booking (CONFIRMED or PENDING with its expiry) and its audit entry ("…, paid CASH").
// Payments are the caller's. Throws as sellRide.
SaleResult placeBooking(domain::StoreWriter& w, const domain::Clock& clock, const SaleRequest& request, bool confirmed,
                        const std::string& paymentNote);

}  // namespace narcisse::app
