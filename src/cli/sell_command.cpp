// A desk sale from the terminal: the same use case, checks and single transaction as the window.
#include "app/sales.h"
#include "cli/arguments.h"
#include "cli/context.h"

#include <iostream>

namespace narcisse::cli {

namespace {
struct SellArguments {
    std::string departure;
    int adults = 0;
    int children = 0;
    int babies = 0;
    std::string pay;
    std::string boat;
    std::string name;
    std::string language = "fr";
};

int sell(domain::Store& store, const SellArguments& a) {
    const auto when = parseDeparture(a.departure, "--departure");
    app::SaleRequest request;
    request.date = when.date;
    request.time = when.time;
    request.party = {a.adults, a.children, a.babies};
    request.payment = a.pay == "cash" ? domain::PaymentMethod::Cash : domain::PaymentMethod::Card;
    request.channel = domain::Channel::Desk;
    request.language = a.language;
    if (!a.name.empty()) {
        domain::Customer customer;
        customer.id = domain::Uuid::generate();
        customer.name = a.name;
        customer.language = a.language;
        request.customer = customer;
    }
    if (!a.boat.empty()) request.boatName = a.boat;

    const domain::SystemClock clock;
    const auto sale = app::sellRide(store, clock, request);
    const auto& q = sale.quote;
    std::cout << "Sold " << sale.booking.ref.str() << "\n"
              << "departure  " << domain::isoDate(when.date) << " " << domain::hhmm(when.time) << "\n"
              << "boat       " << sale.boatName << "\n"
              << "party      " << describeParty(a.adults, a.children, a.babies) << "\n"
              << "price      " << q.total.display() << " (VAT " << q.vatRateBasisPoints / 100 << " % included: "
              << q.vat.display() << "), paid by " << a.pay << "\n";
    return kExitOk;
}
}  // namespace

void addSellCommand(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<SellArguments>();
    auto* cmd = app.add_subcommand("sell", "Sell a ride at the desk and print the ticket reference");
    cmd->footer("\nThe party goes on the boat it fits best (the one with the fewest seats left that still\n"
                "seats everyone) unless --boat names one. The sale and its payment are recorded together,\n"
                "or not at all. Refused (exit code 3) when the departure is full, closed, has already left\n"
                "or does not exist.");
    cmd->add_option("--departure", a->departure, "Day and time of the departure, e.g. \"2026-07-14 15:20\" (required)")
        ->required()
        ->check(departureValidator())
        ->option_text("\"YYYY-MM-DD HH:MM\"");
    cmd->add_option("--adults", a->adults, "Number of adults (required)")
        ->required()
        ->check(countValidator(50))
        ->option_text("N");
    cmd->add_option("--children", a->children, "Number of children")
        ->check(countValidator(50))
        ->option_text("N (default: 0)");
    cmd->add_option("--babies", a->babies, "Number of babies (they take a seat unless the settings say otherwise)")
        ->check(countValidator(50))
        ->option_text("N (default: 0)");
    cmd->add_option("--pay", a->pay, "How the customer pays at the desk (required)")
        ->required()
        ->check(CLI::IsMember({"cash", "card"}))
        ->option_text("cash|card");
    cmd->add_option("--boat", a->boat, "Put the party on this boat instead of the best-fitting one")
        ->option_text("NAME");
    cmd->add_option("--name", a->name, "The customer's name, printed on the booking")->option_text("CUSTOMER");
    cmd->add_option("--language", a->language, "Language of the ride's commentary")
        ->check(CLI::IsMember({"fr", "de", "en", "es", "it"}))
        ->option_text("fr|de|en|es|it (default: fr)");
    cmd->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            auto store = ctx.openStore();
            return sell(*store, *a);
        };
    });
}

}  // namespace narcisse::cli
