#include "app/desk.h"

#include "app/cash_drawer.h"
#include "app/fiscal_log.h"
#include "app/settings.h"
#include "domain/errors.h"

#include <algorithm>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

// Cash payments are capped by French law for residents (reference/ACCOUNTING-FR.md).
const Money kCashLimit = Money::euros(1000);

std::string lineLabel(const std::string& quoteLabel) {
    // The receipt is a French document.
    if (quoteLabel == "adult") return "Adulte";
    if (quoteLabel == "child") return "Enfant";
    if (quoteLabel == "baby") return "Bébé";
    return quoteLabel;
}

std::vector<ReceiptLine> receiptLines(const Quote& quote) {
    std::vector<ReceiptLine> lines;
    for (const auto& l : quote.lines)
        lines.push_back({lineLabel(l.label), l.quantity, l.unitPrice, l.total, quote.vatRateBasisPoints, l.vat});
    return lines;
}

std::string boatNameOf(StoreReader& r, const Uuid& boatId) {
    const auto boats = r.boats();
    const auto boat = std::find_if(boats.begin(), boats.end(), [&](const Boat& x) { return x.id == boatId; });
    return boat == boats.end() ? std::string() : boat->name;
}

struct Settled {
    Receipt receipt;
    Money change;
};

// Checks the tenders against what is due, records and seals each payment (debiting vouchers) and
// issues the receipt — inside the caller's write transaction.
Settled settle(StoreWriter& w, Instant now, const BusinessZone& zone, const Operator& op, const Booking& booking,
               const std::string& boatName, std::vector<ReceiptLine> lines, std::vector<Tender> tenders, Money due) {
    if (tenders.size() == 1 && tenders[0].amount == Money::zero()) tenders[0].amount = due;
    Money sum;
    for (const auto& t : tenders) {
        if (t.method != PaymentMethod::Cash && t.method != PaymentMethod::Card && t.method != PaymentMethod::Voucher)
            throw ValidationError("payment", "the desk takes cash, card or a gift voucher, not " +
                                                 std::string(toString(t.method)));
        if (t.amount <= Money::zero())
            throw ValidationError("payment", "each part must be more than 0.00 €, got " + t.amount.display());
        if (t.method == PaymentMethod::Cash) {
            if (t.amount > kCashLimit)
                throw ValidationError("payment", "cash is limited to " + kCashLimit.display() +
                                                     " per sale (French law for residents); the cash part is " +
                                                     t.amount.display());
            if (t.given != Money::zero() && t.given < t.amount)
                throw ValidationError("cash given", t.given.display() + " is less than the cash part " + t.amount.display());
        }
        sum += t.amount;
    }
    if (sum != due)
        throw ValidationError("payment", "the payments add up to " + sum.display() + ", the amount due is " + due.display());

    // Cash goes into an open drawer only; it is locked before any voucher (the order every writer keeps).
    if (std::any_of(tenders.begin(), tenders.end(), [](const Tender& t) { return t.method == PaymentMethod::Cash; }))
        lockOpenDrawer(w, "taking cash");
    const LocalDate today = zone.localDate(now);
    Settled settled;
    std::vector<ReceiptPayment> paid;
    for (const auto& t : tenders) {
        ReceiptPayment rp{t.method, t.amount, Money::zero(), Money::zero(), "", false};
        std::string providerRef;
        if (t.method == PaymentMethod::Cash) {
            rp.given = t.given == Money::zero() ? t.amount : t.given;
            rp.change = rp.given - t.amount;
            settled.change += rp.change;
        } else if (t.method == PaymentMethod::Voucher) {
            const GiftCode code = GiftCode::parse(t.voucherCode);
            auto voucher = w.voucherByCode(code);
            if (!voucher) throw ValidationError("voucher", "there is no voucher " + code.str());
            // Its balance is read under the lock: two sales on one voucher never spend it twice.
            w.lockRow(LockedRow::Voucher, voucher->id);
            voucher = w.voucherById(voucher->id);
            const auto status = voucherStatus(*voucher, w.voucherMovements(voucher->id), today);
            if (const auto refusal = redemptionRefusal(*voucher, status, t.amount))
                throw ValidationError("voucher", code.str() + " cannot pay " + t.amount.display() + ": " + *refusal);
            w.insertVoucherMovement({Uuid::generate(), voucher->id, now, VoucherMovementKind::Redeem, t.amount, booking.id,
                                     std::nullopt, op.id, booking.ref.str()});
            rp.voucherCode = code.str();
            rp.voucherSinglePurpose = voucher->vat == VoucherVat::SinglePurpose;
            providerRef = code.str();
        }
        recordPayment(w, {Uuid::generate(), booking.id, t.method, t.amount, PaymentStatus::Succeeded, providerRef, now});
        paid.push_back(rp);
    }

    Receipt receipt;
    receipt.kind = ReceiptKind::Sale;
    receipt.issuedAt = now;
    receipt.desk = deskId(w);
    receipt.operatorName = op.name;
    receipt.reference = booking.ref.str();
    receipt.departure = isoDate(zone.localDate(booking.departureStart)) + " " +
                        hhmm(zone.localMinutes(booking.departureStart)) + (boatName.empty() ? "" : " · " + boatName);
    receipt.party = booking.party.summary();
    receipt.customer = booking.customerName;
    receipt.lines = std::move(lines);
    for (const auto& l : receipt.lines) receipt.total += l.total;
    receipt.payments = std::move(paid);
    settled.receipt = issueReceipt(w, receipt);
    return settled;
}

std::string methodsText(const std::vector<Tender>& tenders) {
    std::string text;
    for (const auto& t : tenders) text += (text.empty() ? "" : "+") + std::string(toString(t.method));
    return text;
}

}  // namespace

DeskSaleResult sellAtDesk(Store& store, const Clock& clock, const DeskSaleRequest& request) {
    DeskSaleResult result;
    store.write([&](StoreWriter& w) {
        const Instant now = clock.now();
        const Operator op = requireOperator(w, request.sale.employeeId, Action::SellRide);
        SaleRequest sale = request.sale;
        sale.payment.reset();
        if (!sale.employeeId) sale.employeeId = op.id;
        const bool paying = !request.tenders.empty();
        result.sale = placeBooking(w, clock, sale, paying, paying ? "paid " + methodsText(request.tenders) : "pending");
        if (!paying) return;
        // The zone the sale just used (placeBooking read the settings under the lock).
        const BusinessZone zone(loadBusinessSettings(w).timeZone);
        const Settled settled = settle(w, now, zone, op, result.sale.booking, result.sale.boatName,
                                       receiptLines(result.sale.quote), request.tenders, result.sale.quote.total);
        result.receipt = settled.receipt;
        result.change = settled.change;
    });
    return result;
}

std::vector<PriceList> priceLists(Store& store) {
    std::vector<PriceList> lists;
    store.read([&](StoreReader& r) { lists = r.priceLists(); });
    return lists;
}

std::map<std::string, std::string> employeeNames(Store& store) {
    std::map<std::string, std::string> names;
    store.read([&](StoreReader& r) {
        for (const auto& e : r.employees()) names[e.id.str()] = e.name;
    });
    return names;
}

Quote priceOf(Store& store, LocalDate date, const Party& party) {
    Quote quote;
    store.read([&](StoreReader& r) { quote = quoteParty(priceListOn(r.priceLists(), date), party); });
    return quote;
}

DeskDay deskDepartures(Store& store, const Clock& clock, std::optional<LocalDate> date, int limit) {
    if (date && !date->ok()) throw ValidationError("date", "is not a date");
    DeskDay day;
    store.read([&](StoreReader& r) {
        const Instant now = clock.now();
        const BusinessSettings settings = loadBusinessSettings(r);
        const BusinessZone zone(settings.timeZone);
        const LocalDate today = zone.localDate(now);
        day.date = date.value_or(today);
        auto timetable = departuresOn(r.timetableRules(), r.timetableExceptions(day.date, day.date), day.date, zone);
        // Today the next few (the queue in front of the desk); another day the whole day (a phone call).
        const bool wholeDay = day.date != today;
        std::vector<Departure> ahead;
        for (const auto& d : timetable.departures)
            if (d.start > now && (wholeDay || static_cast<int>(ahead.size()) < limit)) ahead.push_back(d);
        if (ahead.empty()) return;
        const auto boats = r.boats();
        const auto blocks = r.blocksOverlapping(ahead.front().start, ahead.back().end);
        const auto bookings = r.bookingsDeparting(ahead.front().start, ahead.back().start + std::chrono::seconds{1});
        for (const auto& d : ahead) {
            const auto a = availability(d, boats, blocks, bookings, now, settings);
            DeskDeparture dd;
            dd.time = d.localStart;
            dd.start = d.start;
            dd.seatsFree = a.seatsFree;
            dd.capacity = a.seatsTotal;
            for (const auto& load : a.boats) dd.largestParty = std::max(dd.largestParty, load.free());
            dd.closedReason = a.closedReason;
            if (!day.preselected && dd.seatsFree > 0 && !dd.closedReason) day.preselected = day.departures.size();
            day.departures.push_back(dd);
        }
    });
    return day;
}

Money amountDue(StoreReader& r, const Booking& booking) {
    // Refunds do not make a booking due again: a partial refund is a goodwill gesture, not a debt.
    Money paid;
    for (const auto& p : r.paymentsOfBooking(booking.id))
        if (p.status == PaymentStatus::Succeeded) paid += p.amount;
    const Money due = booking.total - paid;
    return due > Money::zero() ? due : Money::zero();
}

DeskSaleResult collectPayment(Store& store, const Clock& clock, const PublicRef& ref, const std::vector<Tender>& tenders,
                              std::optional<Uuid> employeeId) {
    DeskSaleResult result;
    store.write([&](StoreWriter& w) {
        const Instant now = clock.now();
        const Operator op = requireOperator(w, employeeId, Action::SellRide);
        auto booking = w.bookingByRef(ref);
        if (!booking) throw NotFound("there is no booking " + ref.str());
        // What is due is read under the booking's lock: two desks never collect it twice.
        w.lockRow(LockedRow::Booking, booking->id);
        booking = w.bookingById(booking->id);
        if (booking->state != BookingState::Pending && booking->state != BookingState::Confirmed &&
            booking->state != BookingState::Embarqued)
            throw ConflictError(ref.str() + " is " + std::string(toString(booking->state)) + ": nothing can be collected");
        if (booking->state == BookingState::Pending && booking->expiresAt && now >= *booking->expiresAt)
            throw ConflictError(ref.str() + " cannot be paid: its delay ran out and its seats were released; sell the ride again");
        const Money due = amountDue(w, *booking);
        if (due == Money::zero()) throw ConflictError(ref.str() + " is paid in full: nothing to collect");

        const BusinessZone zone(loadBusinessSettings(w).timeZone);
        const LocalDate date = zone.localDate(booking->departureStart);
        const Quote quote = quoteParty(priceListOn(w.priceLists(), date), booking->party);
        std::vector<ReceiptLine> lines;
        if (due == booking->total) {
            lines = receiptLines(quote);
            Money sum;
            for (const auto& l : lines) sum += l.total;
            if (sum != due) lines.clear();   // priced otherwise when booked: one line for what is due
        }
        if (lines.empty())
            lines.push_back({"Solde " + ref.str(), 1, due, due, quote.vatRateBasisPoints, due.vatIncluded(quote.vatRateBasisPoints)});

        const Settled settled = settle(w, now, zone, op, *booking, boatNameOf(w, booking->boatId), lines, tenders, due);
        if (booking->state == BookingState::Pending) {
            transition(*booking, BookingState::Confirmed, now);
            w.updateBookingState(booking->id, BookingState::Confirmed);
        }
        w.appendAudit({Uuid::generate(), now, op.id, "booking.collect", "booking", booking->id.str(),
                       ref.str() + " " + due.plain() + " " + due.currency() + " collected " + methodsText(tenders) +
                           ", receipt " + std::to_string(settled.receipt.number)});
        result.sale.booking = *booking;
        result.sale.quote = quote;
        result.receipt = settled.receipt;
        result.change = settled.change;
    });
    return result;
}

namespace {

ReceiptCopy copyOf(StoreReader& r, std::int64_t number) {
    const auto records = r.chainRecords(Chain::Receipt, number, 1);
    if (records.empty() || records.front().seq != number)
        throw NotFound("there is no receipt number " + std::to_string(number));
    ReceiptCopy copy;
    copy.receipt = Receipt::fromRecord(records.front());
    copy.reprint = r.receiptReprints(number);
    const BusinessHeader header = businessHeader(r);
    copy.businessName = header.name;
    copy.businessAddress = header.address;
    copy.businessId = header.idLine;
    return copy;
}

}  // namespace

ReceiptCopy receiptCopy(Store& store, std::int64_t number) {
    ReceiptCopy copy;
    store.read([&](StoreReader& r) { copy = copyOf(r, number); });
    copy.reprint = 0;   // the original as issued; reprints go through reprintReceipt
    return copy;
}

ReceiptCopy reprintReceipt(Store& store, const Clock& clock, std::int64_t number, std::optional<Uuid> employeeId) {
    ReceiptCopy copy;
    store.write([&](StoreWriter& w) {
        const Instant now = clock.now();
        const Operator op = requireOperator(w, employeeId, std::nullopt);
        copyOf(w, number);   // NotFound before anything is recorded
        w.insertReceiptReprint(number, now, op.id);
        copy = copyOf(w, number);
        recordEvent(w, EventKind::Reprint, now, op.id,
                    "receipt " + std::to_string(number) + " reprinted (DUPLICATA " + std::to_string(copy.reprint) + ")");
    });
    return copy;
}

std::vector<Receipt> receiptsOf(Store& store, const std::string& reference) {
    std::vector<Receipt> receipts;
    store.read([&](StoreReader& r) {
        for (const auto& record : r.chainRecordsOfEntity(Chain::Receipt, reference)) {
            receipts.push_back(Receipt::fromRecord(record));
        }
    });
    return receipts;
}

}  // namespace narcisse::app
