#include "app/vouchers.h"

#include "app/cash_drawer.h"
#include "app/desk.h"
#include "app/fiscal_log.h"
#include "app/settings.h"
#include "domain/errors.h"

#include <algorithm>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

// The legal limit of a cash payment by a French-resident individual (reference/ACCOUNTING-FR.md).
constexpr std::int64_t kCashLimitCents = 100000;

LocalDate todayIn(StoreReader& r, const Clock& clock) {
    return BusinessZone(loadBusinessSettings(r).timeZone).localDate(clock.now());
}

VoucherVat voucherVatSetting(StoreReader& r) {
    const std::string text = r.setting(setting_keys::kVoucherVat).value_or("SINGLE");
    const auto vat = parseVoucherVat(text);
    if (!vat)
        throw ValidationError(setting_keys::kVoucherVat, "is \"" + text + "\": it must be SINGLE or MULTI");
    return *vat;
}

Voucher findVoucher(StoreReader& r, const GiftCode& code) {
    auto v = r.voucherByCode(code);
    if (!v) throw NotFound("there is no voucher " + code.str());
    return *v;
}

// The receipts that name the voucher: its sale (sealed under its code) and the sales it paid (sealed
// under the booking's reference, with the code in a VOUCHER tender). Movements are few: a voucher
// pays a handful of bookings at most.
std::vector<std::int64_t> receiptsOfVoucher(StoreReader& r, const Voucher& v,
                                            const std::vector<VoucherMovement>& movements) {
    std::vector<std::int64_t> numbers;
    for (const auto& rec : r.chainRecordsOfEntity(Chain::Receipt, v.code.str())) numbers.push_back(rec.seq);
    std::vector<Uuid> bookings;
    for (const auto& m : movements)
        if (m.bookingId && std::find(bookings.begin(), bookings.end(), *m.bookingId) == bookings.end())
            bookings.push_back(*m.bookingId);
    for (const auto& id : bookings) {
        const auto booking = r.bookingById(id);
        if (!booking) continue;
        for (const auto& rec : r.chainRecordsOfEntity(Chain::Receipt, booking->ref.str())) {
            const Receipt receipt = Receipt::fromRecord(rec);
            if (std::any_of(receipt.payments.begin(), receipt.payments.end(),
                            [&](const ReceiptPayment& p) { return p.voucherCode == v.code.str(); }))
                numbers.push_back(rec.seq);
        }
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    return numbers;
}

// The receipt is a French document (as the desk's sale receipts, desk.cpp).
std::string lineLabel(const std::string& quoteLabel) {
    if (quoteLabel == "adult") return "Adulte";
    if (quoteLabel == "child") return "Enfant";
    if (quoteLabel == "baby") return "Bébé";
    return quoteLabel;
}

VoucherCard cardOf(StoreReader& r, const Voucher& v, LocalDate today) {
    VoucherCard card;
    card.voucher = v;
    card.movements = r.voucherMovements(v.id);
    card.status = voucherStatus(v, card.movements, today);
    card.receipts = receiptsOfVoucher(r, v, card.movements);
    card.refusal = redemptionRefusal(v, card.status, Money::cents(1)).value_or("");
    return card;
}

}  // namespace

VoucherSaleResult sellVoucher(Store& store, const Clock& clock, const VoucherSaleRequest& request) {
    if (request.paidWith != PaymentMethod::Cash && request.paidWith != PaymentMethod::Card)
        throw ValidationError("payment", "a gift voucher is paid by cash or card, not " +
                                             std::string(toString(request.paidWith)));
    if (request.kind == VoucherKind::Ride) request.party.validate();
    VoucherSaleResult result;
    store.write([&](StoreWriter& w) {
        const Operator op = requireOperator(w, request.employeeId, Action::SellRide);
        const Instant now = clock.now();
        const LocalDate today = todayIn(w, clock);
        const auto lists = w.priceLists();
        const PriceList& list = priceListOn(lists, today);

        Voucher v;
        v.id = Uuid::generate();
        v.code = GiftCode::random();
        v.kind = request.kind;
        if (request.kind == VoucherKind::Ride) {
            v.party = request.party;
            v.value = quoteParty(list, request.party).total;
        } else {
            v.value = request.value;
        }
        v.buyerName = request.buyerName;
        v.recipientName = request.recipientName;
        v.message = request.message;
        v.expiresOn = request.expiresOn.value_or(defaultVoucherExpiry(today));
        v.soldAt = now;
        v.paidWith = request.paidWith;
        v.vat = voucherVatSetting(w);
        v.vatRateBasisPoints = list.vatRateBasisPoints;
        v.employeeId = op.id;
        v.validate(today);

        Money given = Money::zero();
        Money change = Money::zero();
        if (request.paidWith == PaymentMethod::Cash) {
            if (v.value.cents() > kCashLimitCents)
                throw ValidationError("payment", "cash is limited to 1,000.00 € for one payment; " +
                                                     v.value.display() + " must be paid by card");
            given = request.cashGiven.cents() == 0 ? v.value : request.cashGiven;
            if (given < v.value)
                throw ValidationError("cash given", given.display() + " is less than the " + v.value.display() +
                                                        " to pay");
            change = given - v.value;
            lockOpenDrawer(w, "taking cash");
        }

        // A code is 35 random bits: a clash is rare, and a fresh one resolves it.
        for (int attempt = 0;; ++attempt) {
            try {
                w.insertVoucher(v);
                break;
            } catch (const ConflictError&) {
                if (attempt == 3) throw;
                v.code = GiftCode::random();
            }
        }

        const bool single = v.vat == VoucherVat::SinglePurpose;
        Receipt receipt;
        receipt.kind = ReceiptKind::VoucherSale;
        receipt.issuedAt = now;
        receipt.desk = deskId(w);
        receipt.operatorName = op.name;
        receipt.reference = v.code.str();
        if (v.kind == VoucherKind::Ride) receipt.party = v.party.summary();
        receipt.customer = v.buyerName;
        ReceiptLine line;
        line.label = "Bon cadeau " + v.code.str();
        line.quantity = 1;
        line.unitPrice = v.value;
        line.total = v.value;
        // Single-purpose: its VAT is due now; multi-purpose: outside the scope of VAT until redeemed.
        line.vatRateBasisPoints = single ? v.vatRateBasisPoints : 0;
        line.vat = single ? v.value.vatIncluded(v.vatRateBasisPoints) : Money::zero();
        receipt.lines.push_back(line);
        ReceiptPayment payment;
        payment.method = request.paidWith;
        payment.amount = v.value;
        payment.given = given;
        payment.change = change;
        receipt.payments.push_back(payment);
        receipt.total = v.value;
        result.receipt = issueReceipt(w, receipt);

        w.appendAudit({Uuid::generate(), now, op.id, "voucher.sell", "voucher", v.id.str(),
                       v.code.str() + " " + std::string(toString(v.kind)) +
                           (v.kind == VoucherKind::Ride ? " " + v.party.summary() : "") + ", " + v.value.plain() +
                           " " + v.value.currency() + " paid " + std::string(toString(request.paidWith)) + ", VAT " +
                           std::string(toString(v.vat)) + ", expires " + isoDate(v.expiresOn)});
        result.voucher = v;
        result.change = change;
    });
    return result;
}

VoucherCard loadVoucher(Store& store, const Clock& clock, const std::string& code) {
    const GiftCode parsed = GiftCode::parse(code);
    VoucherCard card;
    store.read([&](StoreReader& r) { card = cardOf(r, findVoucher(r, parsed), todayIn(r, clock)); });
    return card;
}

VoucherCard redeemVoucher(Store& store, const Clock& clock, const std::string& code, Money amount,
                          const PublicRef& bookingRef, std::optional<Uuid> employeeId) {
    const GiftCode parsed = GiftCode::parse(code);
    if (amount.cents() <= 0) throw ValidationError("amount", "must be more than 0.00 €");
    VoucherCard card;
    store.write([&](StoreWriter& w) {
        const Operator op = requireOperator(w, employeeId, Action::SellRide);
        const Instant now = clock.now();
        const BusinessZone zone(loadBusinessSettings(w).timeZone);
        const LocalDate today = zone.localDate(now);

        // The booking, then the voucher, locked and read again: what is due and what is left on the
        // voucher cannot change until this lands (the order every writer keeps: booking first).
        const Voucher found = findVoucher(w, parsed);
        auto booking = w.bookingByRef(bookingRef);
        if (!booking) throw NotFound("there is no booking " + bookingRef.str());
        w.lockRow(LockedRow::Booking, booking->id);
        w.lockRow(LockedRow::Voucher, found.id);
        booking = w.bookingById(booking->id);
        const Voucher v = findVoucher(w, parsed);
        const VoucherStatus status = voucherStatus(v, w.voucherMovements(v.id), today);
        if (const auto refusal = redemptionRefusal(v, status, amount))
            throw ConflictError("the voucher " + v.code.str() + " cannot pay " + amount.display() + ": " + *refusal);

        Booking b = *booking;
        if (b.state != BookingState::Pending && b.state != BookingState::Confirmed &&
            b.state != BookingState::Embarqued)
            throw ConflictError("the booking " + b.ref.str() + " is " + std::string(toString(b.state)) +
                                ": it cannot be paid");
        const Money due = amountDue(w, b);
        if (due.cents() == 0) throw ConflictError("nothing is due on " + b.ref.str());
        if (amount > due)
            throw ValidationError("amount", amount.display() + " is more than the " + due.display() + " due on " +
                                                b.ref.str());
        if (b.state == BookingState::Pending)
            if (const auto refusal = transitionRefusal(b, BookingState::Confirmed, now))
                throw ConflictError(b.ref.str() + " cannot be paid: " + *refusal);
        const bool completes = amount == due;
        if (completes && b.state == BookingState::Pending) {
            transition(b, BookingState::Confirmed, now);
            w.updateBookingState(b.id, b.state);
        }

        // The voucher's code is the payment's instrument reference, so the payment names it.
        recordPayment(w, {Uuid::generate(), b.id, PaymentMethod::Voucher, amount, PaymentStatus::Succeeded,
                          v.code.str(), now});
        w.insertVoucherMovement({Uuid::generate(), v.id, now, VoucherMovementKind::Redeem, amount, b.id, std::nullopt,
                                 op.id, "paid on " + b.ref.str()});

        // The receipt shows what was taken now: the booking's price lines when this payment is its
        // whole price; otherwise one line for the amount, the balance ("Solde", as collectPayment) or
        // a part ("Acompte"), so no sale is counted twice in the closing.
        const auto lists = w.priceLists();
        const LocalDate departureDay = zone.localDate(b.departureStart);
        const PriceList& list = priceListOn(lists, departureDay);
        Receipt receipt;
        receipt.kind = ReceiptKind::Sale;
        receipt.issuedAt = now;
        receipt.desk = deskId(w);
        receipt.operatorName = op.name;
        receipt.reference = b.ref.str();
        const auto boats = w.boats();
        const auto boat = std::find_if(boats.begin(), boats.end(), [&](const Boat& x) { return x.id == b.boatId; });
        receipt.departure = zone.format(b.departureStart, "%Y-%m-%d %H:%M") +
                            (boat != boats.end() ? " · " + boat->name : std::string());
        receipt.party = b.party.summary();
        receipt.customer = b.customerName;
        if (amount == b.total) {
            const Quote quote = quoteParty(list, b.party);
            if (quote.total == amount)   // else priced otherwise when booked: one line for the amount
                for (const auto& l : quote.lines)
                    receipt.lines.push_back(
                        {lineLabel(l.label), l.quantity, l.unitPrice, l.total, quote.vatRateBasisPoints, l.vat});
        }
        if (receipt.lines.empty())
            receipt.lines.push_back({(completes ? "Solde " : "Acompte ") + b.ref.str(), 1, amount, amount,
                                     list.vatRateBasisPoints, amount.vatIncluded(list.vatRateBasisPoints)});
        receipt.total = amount;
        ReceiptPayment paid;
        paid.method = PaymentMethod::Voucher;
        paid.amount = amount;
        paid.given = Money::zero();
        paid.change = Money::zero();
        paid.voucherCode = v.code.str();
        paid.voucherSinglePurpose = v.vat == VoucherVat::SinglePurpose;
        receipt.payments.push_back(paid);
        issueReceipt(w, receipt);

        w.appendAudit({Uuid::generate(), now, op.id, "voucher.redeem", "voucher", v.id.str(),
                       v.code.str() + " " + amount.plain() + " " + amount.currency() + " on " + b.ref.str()});
        card = cardOf(w, v, today);
    });
    return card;
}

VoucherCard extendVoucher(Store& store, const Clock& clock, const std::string& code, LocalDate newExpiry,
                          std::optional<Uuid> employeeId) {
    const GiftCode parsed = GiftCode::parse(code);
    if (!newExpiry.ok()) throw ValidationError("expiry", "is not a date");
    VoucherCard card;
    store.write([&](StoreWriter& w) {
        const Operator op = requireOperator(w, employeeId, Action::ExtendVoucher);
        const Instant now = clock.now();
        const LocalDate today = todayIn(w, clock);
        w.lockRow(LockedRow::Voucher, findVoucher(w, parsed).id);   // two extensions land one after the other
        const Voucher v = findVoucher(w, parsed);
        const VoucherStatus status = voucherStatus(v, w.voucherMovements(v.id), today);
        if (newExpiry <= status.expiresOn)
            throw ValidationError("expiry", "must be after " + isoDate(status.expiresOn) + ", the current expiry");
        const std::string what = v.code.str() + " expiry " + isoDate(status.expiresOn) + " → " + isoDate(newExpiry);
        w.insertVoucherMovement({Uuid::generate(), v.id, now, VoucherMovementKind::Extend, Money::zero(),
                                 std::nullopt, newExpiry, op.id, "expiry was " + isoDate(status.expiresOn)});
        recordEvent(w, EventKind::VoucherExtended, now, op.id, what);
        w.appendAudit({Uuid::generate(), now, op.id, "voucher.extend", "voucher", v.id.str(), what});
        card = cardOf(w, v, today);
    });
    return card;
}

}  // namespace narcisse::app
