// board, cancel and refund: the booking card's actions from the terminal, through the same use cases
// and single transactions as the desk. A refusal (already boarded, wrong departure, cancelled, unpaid,
// unknown) exits with code 3 and says why.
#include "app/boarding.h"
#include "app/cancellation.h"
#include "cli/desk_arguments.h"
#include "domain/errors.h"
#include "domain/public_ref.h"

#include <algorithm>
#include <cctype>
#include <iostream>

namespace narcisse::cli {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// "CASH 24.00 € done"; an online payment's refund has no desk method: "24.00 € owed".
std::string describeRefund(const domain::Refund& r) {
    return (r.method ? std::string(domain::toString(*r.method)) + " " : std::string()) + r.amount.display() + " " +
           lower(domain::toString(r.status));
}

void printMoneyBack(const app::CancelResult& result) {
    for (const auto& r : result.refunds) std::cout << labelled("refund", describeRefund(r));
    if (result.creditVoucher)
        std::cout << labelled("voucher", result.creditVoucher->code.str() + " credited " +
                                             result.creditVoucher->value.display());
    if (result.receipt) std::cout << labelled("receipt", "#" + std::to_string(result.receipt->number));
}

CLI::Validator refundChoiceCheck() { return CLI::IsMember({"original", "cash", "card", "voucher", "owed"}); }

app::RefundChoice refundChoice(const std::string& text, const std::string& option) {
    const auto choice = app::parseRefundChoice(text);
    if (!choice) throw domain::ValidationError(option, "must be original, cash, card, voucher or owed");
    return *choice;
}

// ---- board
struct BoardArguments {
    std::string ref;
    std::string departure;   // HH:MM today
    std::string as;
};

int board(domain::Store& store, const BoardArguments& a) {
    const domain::SystemClock clock;
    const auto employee = resolveOperator(store, a.as);
    std::optional<domain::Instant> departure;
    if (!a.departure.empty()) {
        const auto zone = businessZone(store);
        departure = zone.at(zone.localDate(clock.now()), domain::parseWallTime(a.departure, "--departure"));
    }
    const auto result = app::boardByScan(store, clock, a.ref, departure, employee);
    if (result.outcome == app::ScanOutcome::Boarded) {
        std::cout << result.message << "\n";
        return kExitOk;
    }
    std::string message = result.message;
    if (result.outcome == app::ScanOutcome::Unpaid && message.find(result.due.display()) == std::string::npos)
        message += " (" + result.due.display() + " to collect)";
    std::cerr << "narcisse-cli: refused: " << message << "\n";
    return kExitRefused;
}

// ---- cancel, refund
struct CancelArguments {
    std::string ref;
    std::string refund = "original";
    std::string reason;
    std::string amount;
    std::string as;
};

int cancel(domain::Store& store, const CancelArguments& a) {
    const domain::SystemClock clock;
    app::CancelRequest request;
    request.ref = domain::PublicRef::parse(a.ref);
    request.refund = refundChoice(a.refund, "--refund");
    request.reason = a.reason;
    request.employeeId = resolveOperator(store, a.as);
    const auto result = app::cancelBooking(store, clock, request);
    std::cout << "Cancelled " << result.booking.ref.str() << " (" << result.booking.party.summary() << ")\n";
    if (result.refunds.empty()) std::cout << labelled("refund", "none: nothing was paid");
    printMoneyBack(result);
    return kExitOk;
}

int refund(domain::Store& store, const CancelArguments& a) {
    const domain::SystemClock clock;
    app::RefundRequest request;
    request.ref = domain::PublicRef::parse(a.ref);
    request.amount = domain::Money::parse(a.amount, "--amount");
    request.method = refundChoice(a.refund, "--method");
    request.reason = a.reason;
    request.employeeId = resolveOperator(store, a.as);
    const auto result = app::refundBooking(store, clock, request);
    std::cout << "Refunded " << result.booking.ref.str() << " (" << result.booking.party.summary() << ")\n";
    printMoneyBack(result);
    return kExitOk;
}

void addDeskCommands(CLI::App& app, Context& ctx) {
    auto b = std::make_shared<BoardArguments>();
    auto* boardCmd = app.add_subcommand("board", "Board a passenger: the reference a scanner read or a person typed");
    boardCmd->footer("\nBoards a paid booking of one of today's departures (CONFIRMED → EMBARQUED). Refused with exit\n"
                     "code 3 and the reason: already boarded (when, by whom), wrong departure (the one it is for),\n"
                     "cancelled, unpaid (the amount to collect) or unknown reference.");
    boardCmd->add_option("ref", b->ref, "The booking's reference (the ticket's QR code holds it) (required)")
        ->required()
        ->option_text("REF");
    boardCmd
        ->add_option("--departure", b->departure, "Today's departure being boarded; another one is refused")
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                try {
                    domain::parseWallTime(text, "departure");
                    return {};
                } catch (const domain::ValidationError& e) {
                    return e.message();
                }
            },
            "HH:MM"))
        ->option_text("HH:MM");
    addOperatorOption(boardCmd, b->as);
    boardCmd->callback([&ctx, b] {
        ctx.run = [&ctx, b] {
            auto store = ctx.openStore();
            return board(*store, *b);
        };
    });

    auto c = std::make_shared<CancelArguments>();
    auto* cancelCmd = app.add_subcommand("cancel", "Cancel a booking and give back what was paid");
    cancelCmd->footer("\nEverything paid goes back by the method it was paid with (cash out of the drawer, card on\n"
                      "the terminal, voucher as credit, online payments owed) unless --refund picks one. Nothing\n"
                      "is deleted: refunds and a cancellation receipt are counter-entries. Refused (exit code 3)\n"
                      "for a booking that cannot be cancelled or an operator without the permission.");
    cancelCmd->add_option("ref", c->ref, "The booking's reference (required)")
        ->required()
        ->check(referenceValidator())
        ->option_text("REF");
    cancelCmd->add_option("--refund", c->refund, "How the money goes back")
        ->check(refundChoiceCheck())
        ->option_text("original|cash|card|voucher|owed (default: original)");
    cancelCmd->add_option("--reason", c->reason, "Why (required)")->required()->option_text("TEXT");
    addOperatorOption(cancelCmd, c->as);
    cancelCmd->callback([&ctx, c] {
        ctx.run = [&ctx, c] {
            auto store = ctx.openStore();
            return cancel(*store, *c);
        };
    });

    auto r = std::make_shared<CancelArguments>();
    auto* refundCmd = app.add_subcommand("refund", "Give back part (or all) of what a booking paid, without cancelling");
    refundCmd->footer("\nThe booking stays as it is. Refused (exit code 2) above what is left to refund.");
    refundCmd->add_option("ref", r->ref, "The booking's reference (required)")
        ->required()
        ->check(referenceValidator())
        ->option_text("REF");
    refundCmd->add_option("--amount", r->amount, "How much (required)")->required()->check(moneyValidator())->option_text("EUROS");
    refundCmd->add_option("--method", r->refund, "How the money goes back")
        ->check(refundChoiceCheck())
        ->option_text("original|cash|card|voucher|owed (default: the largest payment's)");
    refundCmd->add_option("--reason", r->reason, "Why (required)")->required()->option_text("TEXT");
    addOperatorOption(refundCmd, r->as);
    refundCmd->callback([&ctx, r] {
        ctx.run = [&ctx, r] {
            auto store = ctx.openStore();
            return refund(*store, *r);
        };
    });
}

}  // namespace

static const CommandRegistration kDesk{addDeskCommands};

}  // namespace narcisse::cli
