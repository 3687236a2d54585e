// voucher sell|redeem|show|extend: gift vouchers from the terminal, through the desk's use cases. An
// expired or used voucher is refused with the reason (exit code 3); a malformed code is exit code 2.
#include "app/settings.h"
#include "app/vouchers.h"
#include "cli/desk_arguments.h"
#include "domain/errors.h"
#include "domain/public_ref.h"
#include "reports/voucher_pdf.h"

#include <cctype>
#include <iostream>

namespace narcisse::cli {

namespace {

// "2A1C", "2a 1c 1b": a count then A (adults), C (children) or B (babies), each at most once.
domain::Party parseRide(std::string_view text) {
    const auto bad = [&] {
        return domain::ValidationError("--ride", "must be a party like \"2A1C\" (adults A, children C, babies B), got \"" +
                                                     std::string(text) + "\"");
    };
    domain::Party party;
    bool seen[3] = {false, false, false};
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ') {
            ++i;
            continue;
        }
        int n = 0;
        const std::size_t start = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && i - start < 3)
            n = n * 10 + (text[i++] - '0');
        if (i == start || i == text.size()) throw bad();
        const char kind = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i++])));
        const int slot = kind == 'A' ? 0 : kind == 'C' ? 1 : kind == 'B' ? 2 : -1;
        if (slot < 0 || seen[slot]) throw bad();
        seen[slot] = true;
        (slot == 0 ? party.adults : slot == 1 ? party.children : party.babies) = n;
    }
    if (!seen[0] && !seen[1] && !seen[2]) throw bad();
    return party;
}

std::string dateTime(const domain::BusinessZone& zone, domain::Instant t) {
    return domain::isoDate(zone.localDate(t)) + " " + zone.format(t);
}

struct VoucherArguments {
    std::string code;
    std::string amount;
    std::string ride;
    std::string buyer;
    std::string recipient;
    std::string message;
    std::string expires;
    std::string paid = "cash";
    std::string booking;
    std::string until;
    std::string output;
    std::string as;
};

int sell(domain::Store& store, const VoucherArguments& a) {
    const domain::SystemClock clock;
    app::VoucherSaleRequest request;
    if (!a.ride.empty()) {
        request.kind = domain::VoucherKind::Ride;
        request.party = parseRide(a.ride);
    } else {
        request.kind = domain::VoucherKind::Amount;
        request.value = domain::Money::parse(a.amount, "--amount");
    }
    request.buyerName = a.buyer;
    request.recipientName = a.recipient;
    request.message = a.message;
    if (!a.expires.empty()) request.expiresOn = domain::parseDate(a.expires, "--expires");
    request.paidWith = a.paid == "card" ? domain::PaymentMethod::Card : domain::PaymentMethod::Cash;
    request.employeeId = resolveOperator(store, a.as);
    const auto sold = app::sellVoucher(store, clock, request);
    const auto& v = sold.voucher;
    std::cout << "Sold gift voucher " << v.code.str() << "\n";
    if (v.kind == domain::VoucherKind::Ride) std::cout << labelled("ride", v.party.summary());
    std::cout << labelled("value", v.value.display())
              << labelled("expires", domain::isoDate(v.expiresOn))
              << labelled("paid", std::string(domain::toString(request.paidWith)) + " " + sold.receipt.total.display());
    if (sold.change.cents() != 0) std::cout << labelled("change", sold.change.display());
    std::cout << labelled("receipt", "#" + std::to_string(sold.receipt.number));
    if (!a.output.empty()) {
        // After the commit: the voucher is sold whatever the disk does; `voucher show` finds it again.
        const auto h = app::businessHeader(store);
        reports::writeVoucherPdf({v, h.name, h.address, h.idLine, h.timeZone}, a.output);
        std::cout << "Voucher written to " << a.output << "\n";
    }
    return kExitOk;
}

void printCard(domain::Store& store, const app::VoucherCard& card) {
    const auto zone = businessZone(store);
    const auto& v = card.voucher;
    std::cout << "Gift voucher " << v.code.str() << "\n";
    if (v.kind == domain::VoucherKind::Ride) std::cout << labelled("ride", v.party.summary());
    std::cout << labelled("value", v.value.display()) << labelled("balance", card.status.balance.display())
              << labelled("expires", domain::isoDate(card.status.expiresOn))
              << labelled("status", card.refusal.empty() ? "valid" : "refused: " + card.refusal);
    if (!v.buyerName.empty()) std::cout << labelled("buyer", v.buyerName);
    if (!v.recipientName.empty()) std::cout << labelled("recipient", v.recipientName);
    if (!v.message.empty()) std::cout << labelled("message", v.message);
    std::string receipts;
    for (auto n : card.receipts) receipts += (receipts.empty() ? "#" : ", #") + std::to_string(n);
    if (!receipts.empty()) std::cout << labelled("receipts", receipts);
    std::cout << "History\n";
    TextTable table({"when", "what", "amount", "note"}, {false, false, true});
    table.add({dateTime(zone, v.soldAt), "sold", v.value.display(), v.paidWith ? "paid " + std::string(domain::toString(*v.paidWith)) : "refund credit"});
    for (const auto& m : card.movements) {
        std::string what(domain::toString(m.kind));
        for (auto& c : what) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string note = m.note;
        if (m.newExpiry) note = "until " + domain::isoDate(*m.newExpiry) + (note.empty() ? "" : ": " + note);
        table.add({dateTime(zone, m.at), what, m.kind == domain::VoucherMovementKind::Extend ? "" : m.amount.display(),
                   note});
    }
    std::cout << table.str();
}

int show(domain::Store& store, const VoucherArguments& a) {
    const domain::SystemClock clock;
    printCard(store, app::loadVoucher(store, clock, a.code));
    return kExitOk;
}

int redeem(domain::Store& store, const VoucherArguments& a) {
    const domain::SystemClock clock;
    const auto amount = domain::Money::parse(a.amount, "--amount");
    const auto booking = domain::PublicRef::parse(a.booking);
    const auto card = app::redeemVoucher(store, clock, a.code, amount, booking, resolveOperator(store, a.as));
    std::cout << "Redeemed " << amount.display() << " of " << card.voucher.code.str() << " on " << booking.str() << "\n"
              << labelled("balance", card.status.balance.display());
    return kExitOk;
}

int extend(domain::Store& store, const VoucherArguments& a) {
    const domain::SystemClock clock;
    const auto until = domain::parseDate(a.until, "--until");
    const auto card = app::extendVoucher(store, clock, a.code, until, resolveOperator(store, a.as));
    std::cout << "Extended " << card.voucher.code.str() << " until " << domain::isoDate(card.status.expiresOn) << "\n"
              << labelled("balance", card.status.balance.display());
    return kExitOk;
}

using Run = int (*)(domain::Store&, const VoucherArguments&);
void runs(CLI::App* cmd, Context& ctx, std::shared_ptr<VoucherArguments> a, Run run) {
    cmd->callback([&ctx, a, run] {
        ctx.run = [&ctx, a, run] {
            auto store = ctx.openStore();
            return run(*store, *a);
        };
    });
}

void addCode(CLI::App* cmd, VoucherArguments& a) {
    cmd->add_option("code", a.code, "The voucher's code, e.g. SN-GIFT-7K3M9QPX (required)")->required()->option_text("CODE");
}

void addVoucherCommands(CLI::App& app, Context& ctx) {
    auto* voucher = app.add_subcommand("voucher", "Gift vouchers: sell, redeem, show, extend");
    voucher->require_subcommand(1);
    voucher->footer("\nA voucher is worth an amount, or a ride for a party priced from today's price list. Expired or\n"
                    "used vouchers are refused with the reason (exit code 3).");

    auto a = std::make_shared<VoucherArguments>();
    auto* sellCmd = voucher->add_subcommand("sell", "Sell a gift voucher for an amount or a ride");
    auto* amount = sellCmd->add_option("--amount", a->amount, "Its value")->check(moneyValidator())->option_text("EUROS");
    auto* ride = sellCmd->add_option("--ride", a->ride, "The party it is for, e.g. \"2A1C\"")->option_text("PARTY");
    amount->excludes(ride);
    sellCmd->add_option("--buyer", a->buyer, "Who buys it")->option_text("NAME");
    sellCmd->add_option("--recipient", a->recipient, "Who it is for")->option_text("NAME");
    sellCmd->add_option("--message", a->message, "Printed on the voucher")->option_text("TEXT");
    sellCmd->add_option("--expires", a->expires, "Last day it can be used")->check(dateValidator())->option_text(
        "YYYY-MM-DD (default: in one year)");
    sellCmd->add_option("--paid", a->paid, "How the buyer pays")->check(CLI::IsMember({"cash", "card"}))->option_text(
        "cash|card (default: cash)");
    sellCmd->add_option("--output", a->output, "Also write the voucher to give as a PDF, replaced when it exists")
        ->option_text("FILE.pdf");
    addOperatorOption(sellCmd, a->as);
    sellCmd->callback([&ctx, a, sellCmd] {
        if (sellCmd->count("--amount") == 0 && sellCmd->count("--ride") == 0)
            throw CLI::ValidationError("--amount", "give --amount or --ride");
        ctx.run = [&ctx, a] {
            auto store = ctx.openStore();
            return sell(*store, *a);
        };
    });

    auto* redeemCmd = voucher->add_subcommand("redeem", "Take an amount off a voucher for a booking");
    addCode(redeemCmd, *a);
    redeemCmd->add_option("--amount", a->amount, "How much (required)")->required()->check(moneyValidator())->option_text("EUROS");
    redeemCmd->add_option("--booking", a->booking, "The booking it pays (required)")
        ->required()
        ->check(referenceValidator())
        ->option_text("REF");
    addOperatorOption(redeemCmd, a->as);
    runs(redeemCmd, ctx, a, redeem);

    auto* showCmd = voucher->add_subcommand("show", "A voucher's balance, expiry, status and history");
    addCode(showCmd, *a);
    runs(showCmd, ctx, a, show);

    auto* extendCmd = voucher->add_subcommand("extend", "Move a voucher's expiry later");
    addCode(extendCmd, *a);
    extendCmd->add_option("--until", a->until, "The new last day (required)")->required()->check(dateValidator())->option_text(
        "YYYY-MM-DD");
    addOperatorOption(extendCmd, a->as);
    runs(extendCmd, ctx, a, extend);
}

}  // namespace

static const CommandRegistration kVouchers{addVoucherCommands};

}  // namespace narcisse::cli
