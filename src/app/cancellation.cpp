#include "app/cancellation.h"

#include "app/cash_drawer.h"
#include "app/fiscal_log.h"
#include "app/settings.h"
#include "domain/errors.h"

#include <algorithm>
#include <map>

namespace narcisse::app {

using namespace narcisse::domain;

std::optional<RefundChoice> parseRefundChoice(std::string_view s) {
    if (s == "original") return RefundChoice::Original;
    if (s == "cash") return RefundChoice::Cash;
    if (s == "card") return RefundChoice::Card;
    if (s == "voucher") return RefundChoice::Voucher;
    if (s == "owed") return RefundChoice::Owed;
    return std::nullopt;
}

namespace {

void requireReason(const std::string& reason) {
    if (reason.find_first_not_of(" \t") == std::string::npos)
        throw ValidationError("reason", "is required: say why (it is printed on the cancellation ticket)");
    if (reason.size() > 200) throw ValidationError("reason", "must be at most 200 characters");
}

// What each succeeded payment still holds once its earlier refunds are taken off, largest first.
std::vector<std::pair<Payment, Money>> refundable(StoreReader& r, const Booking& b) {
    std::map<std::string, Money> refunded;
    for (const auto& x : r.refundsOfBooking(b.id)) refunded[x.paymentId.str()] += x.amount;
    std::vector<std::pair<Payment, Money>> left;
    for (const auto& p : r.paymentsOfBooking(b.id)) {
        if (p.status != PaymentStatus::Succeeded) continue;
        const Money rest = p.amount - refunded[p.id.str()];
        if (rest > Money::zero()) left.emplace_back(p, rest);
    }
    std::stable_sort(left.begin(), left.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return left;
}

// How a payment goes back: the operator's choice, or its own method (online payments: owed).
RefundChoice methodOf(const Payment& payment, RefundChoice choice) {
    if (choice != RefundChoice::Original) return choice;
    switch (payment.method) {
        case PaymentMethod::Cash: return RefundChoice::Cash;
        case PaymentMethod::Card: return RefundChoice::Card;
        case PaymentMethod::Voucher: return RefundChoice::Voucher;
        case PaymentMethod::Stripe:
        case PaymentMethod::PayPal: return RefundChoice::Owed;
    }
    return RefundChoice::Owed;
}

// Refunds `amount` out of `payments` (in order), each by the chosen method, and issues the ticket
// of `kind` for the money that went back at the desk.
void refund(StoreWriter& w, Instant now, const Operator& op, const Booking& booking,
            const std::vector<std::pair<Payment, Money>>& payments, Money amount, RefundChoice choice,
            const std::string& reason, ReceiptKind kind, CancelResult& result) {
    const BusinessSettings settings = loadBusinessSettings(w);
    const BusinessZone zone(settings.timeZone);
    const LocalDate today = zone.localDate(now);
    // The cash that leaves the drawer, known before anything is written: the drawer is locked
    // first (always in that order, after the booking) and must be open and hold it.
    Money cashOut;
    {
        Money left = amount;
        for (const auto& [payment, rest] : payments) {
            if (left <= Money::zero()) break;
            const Money part = std::min(rest, left);
            left -= part;
            if (methodOf(payment, choice) == RefundChoice::Cash) cashOut += part;
        }
    }
    if (cashOut > Money::zero()) {
        const Money held = cashHeld(w, lockOpenDrawer(w, "giving cash back"));
        if (cashOut > held)
            throw ValidationError("refund", "the drawer holds " + held.display() + ", less than the " +
                                                cashOut.display() + " to give back in cash: refund by card or as a voucher");
    }
    std::vector<ReceiptPayment> back;
    Money backAtDesk;
    Money toCredit;   // refunded as a new voucher
    for (const auto& [payment, rest] : payments) {
        if (amount <= Money::zero()) break;
        const Money part = std::min(rest, amount);
        amount -= part;
        Refund x{Uuid::generate(), payment.id, booking.id, part, RefundStatus::Done, reason, now, std::nullopt, op.id};
        const RefundChoice how = methodOf(payment, choice);
        ReceiptPayment rp{PaymentMethod::Cash, -part, Money::zero(), Money::zero(), "", false};
        switch (how) {
            case RefundChoice::Cash: x.method = PaymentMethod::Cash; break;
            case RefundChoice::Card: x.method = PaymentMethod::Card; break;
            case RefundChoice::Owed:
                x.status = RefundStatus::Owed;   // the provider's refund is done with the payment providers
                break;
            case RefundChoice::Voucher:
                x.method = PaymentMethod::Voucher;
                rp.method = PaymentMethod::Voucher;
                if (payment.method == PaymentMethod::Voucher) {
                    const auto voucher = w.voucherByCode(GiftCode::parse(payment.providerRef));
                    if (!voucher) throw NotFound("the voucher " + payment.providerRef + " that paid " + booking.ref.str() + " is gone");
                    w.lockRow(LockedRow::Voucher, voucher->id);
                    w.insertVoucherMovement({Uuid::generate(), voucher->id, now, VoucherMovementKind::Credit, part, booking.id,
                                             std::nullopt, op.id, reason});
                    rp.voucherCode = voucher->code.str();
                    rp.voucherSinglePurpose = voucher->vat == VoucherVat::SinglePurpose;
                } else {
                    toCredit += part;
                }
                break;
            case RefundChoice::Original: break;
        }
        if (x.method) rp.method = *x.method;
        recordRefund(w, x);
        result.refunds.push_back(x);
        if (x.status == RefundStatus::Done && rp.voucherCode.empty() && how == RefundChoice::Voucher) continue;   // below
        if (x.status == RefundStatus::Done) {
            back.push_back(rp);
            backAtDesk += part;
        }
    }
    if (amount > Money::zero()) throw ValidationError("amount", "is more than what is left to refund");

    if (toCredit > Money::zero()) {
        Voucher credit;
        credit.id = Uuid::generate();
        credit.code = GiftCode::random();
        credit.kind = VoucherKind::Amount;
        credit.value = toCredit;
        credit.buyerName = "Avoir " + booking.ref.str();
        credit.recipientName = booking.customerName;
        credit.message = reason;
        credit.soldAt = now;
        credit.expiresOn = defaultVoucherExpiry(today);
        const auto vatSetting = w.setting(setting_keys::kVoucherVat).value_or("SINGLE");
        credit.vat = parseVoucherVat(vatSetting).value_or(VoucherVat::SinglePurpose);
        credit.vatRateBasisPoints = priceListOn(w.priceLists(), zone.localDate(booking.departureStart)).vatRateBasisPoints;
        credit.employeeId = op.id;
        for (int attempt = 0;; ++attempt) {
            try {
                w.insertVoucher(credit);
                break;
            } catch (const ConflictError&) {
                if (attempt == 3) throw;
                credit.code = GiftCode::random();
            }
        }
        back.push_back({PaymentMethod::Voucher, -toCredit, Money::zero(), Money::zero(), credit.code.str(),
                        credit.vat == VoucherVat::SinglePurpose});
        backAtDesk += toCredit;
        result.creditVoucher = credit;
    }
    if (backAtDesk == Money::zero()) return;

    const int rate = priceListOn(w.priceLists(), zone.localDate(booking.departureStart)).vatRateBasisPoints;
    const auto boats = w.boats();
    const auto boat = std::find_if(boats.begin(), boats.end(), [&](const Boat& b) { return b.id == booking.boatId; });
    Receipt receipt;
    receipt.kind = kind;
    receipt.issuedAt = now;
    receipt.desk = deskId(w);
    receipt.operatorName = op.name;
    receipt.reference = booking.ref.str();
    receipt.departure = isoDate(zone.localDate(booking.departureStart)) + " " + hhmm(zone.localMinutes(booking.departureStart)) +
                        (boat == boats.end() ? std::string() : " · " + boat->name);
    receipt.party = booking.party.summary();
    receipt.customer = booking.customerName;
    const std::string label = (kind == ReceiptKind::Cancellation ? "Annulation " : "Remboursement ") + booking.ref.str();
    receipt.lines.push_back({label, 1, -backAtDesk, -backAtDesk, rate, (-backAtDesk).vatIncluded(rate)});
    receipt.total = -backAtDesk;
    receipt.payments = back;
    result.receipt = issueReceipt(w, receipt);
}

// The booking, locked until the transaction ends and read again under the lock: a second
// cancellation or refund of it waits, then sees what this one refunded.
std::optional<Booking> lockedBooking(StoreWriter& w, const PublicRef& ref) {
    const auto found = w.bookingByRef(ref);
    if (!found) throw NotFound("there is no booking " + ref.str());
    w.lockRow(LockedRow::Booking, found->id);
    return w.bookingById(found->id);
}

std::string refundsText(const std::vector<Refund>& refunds) {
    std::string text;
    for (const auto& x : refunds)
        text += (text.empty() ? "" : ", ") + std::string(x.method ? toString(*x.method) : "OWED") + " " + x.amount.plain() +
                (x.status == RefundStatus::Owed ? " owed" : "");
    return text;
}

}  // namespace

CancelResult cancelBooking(Store& store, const Clock& clock, const CancelRequest& request) {
    requireReason(request.reason);
    CancelResult result;
    store.write([&](StoreWriter& w) {
        const Instant now = clock.now();
        const Operator op = requireOperator(w, request.employeeId, Action::CancelBooking);
        auto booking = lockedBooking(w, request.ref);
        if (const auto why = transitionRefusal(*booking, BookingState::Cancelled, now))
            throw ConflictError(request.ref.str() + ": " + *why);
        if (now >= booking->departureStart)
            throw ConflictError(request.ref.str() + ": its departure has left; mark it no-show, or refund it");
        const auto payments = refundable(w, *booking);
        Money paid;
        for (const auto& p : payments) paid += p.second;
        if (paid > Money::zero()) requireOperator(w, request.employeeId, Action::RefundPayment);

        transition(*booking, BookingState::Cancelled, now);
        w.updateBookingState(booking->id, BookingState::Cancelled);
        if (paid > Money::zero())
            refund(w, now, op, *booking, payments, paid, request.refund, request.reason, ReceiptKind::Cancellation, result);
        w.appendAudit({Uuid::generate(), now, op.id, "booking.cancel", "booking", booking->id.str(),
                       request.reason + (result.refunds.empty() ? "" : "; refunded " + refundsText(result.refunds))});
        recordEvent(w, EventKind::Cancellation, now, op.id,
                    request.ref.str() + " cancelled: " + request.reason +
                        (result.receipt ? ", ticket " + std::to_string(result.receipt->number) : ""));
        result.booking = *booking;
    });
    return result;
}

CancelResult refundBooking(Store& store, const Clock& clock, const RefundRequest& request) {
    requireReason(request.reason);
    if (request.amount <= Money::zero()) throw ValidationError("amount", "must be more than 0.00 €");
    CancelResult result;
    store.write([&](StoreWriter& w) {
        const Instant now = clock.now();
        const Operator op = requireOperator(w, request.employeeId, Action::RefundPayment);
        const auto booking = lockedBooking(w, request.ref);
        const auto payments = refundable(w, *booking);
        Money left;
        for (const auto& p : payments) left += p.second;
        if (request.amount > left)
            throw ValidationError("amount", request.amount.display() + " is more than the " + left.display() +
                                                " left to refund on " + request.ref.str());
        refund(w, now, op, *booking, payments, request.amount, request.method, request.reason, ReceiptKind::Refund, result);
        w.appendAudit({Uuid::generate(), now, op.id, "booking.refund", "booking", booking->id.str(),
                       request.reason + "; refunded " + refundsText(result.refunds)});
        result.booking = *booking;
    });
    return result;
}

}  // namespace narcisse::app
