// receipt NUMBER [--reprint]: a receipt as issued, or a reprint that says DUPLICATA with its count
// (the reprint is recorded in the journal). Printed as text, and as the PDF of the desk with --output.
#include "app/desk.h"
#include "cli/desk_arguments.h"
#include "reports/receipt_pdf.h"

#include <iostream>

namespace narcisse::cli {

namespace {

struct ReceiptArguments {
    std::int64_t number = 0;
    bool reprint = false;
    std::string output;
    std::string as;
};

void printReceipt(const app::ReceiptCopy& copy, const domain::BusinessZone& zone) {
    const auto& r = copy.receipt;
    std::cout << copy.businessName << "\n";
    if (!copy.businessAddress.empty()) std::cout << copy.businessAddress << "\n";
    if (!copy.businessId.empty()) std::cout << copy.businessId << "\n";
    std::cout << "Receipt #" << r.number << " (" << domain::toString(r.kind) << ")";
    if (copy.reprint > 0) std::cout << " DUPLICATA " << copy.reprint;
    std::cout << "\n"
              << labelled("issued", domain::isoDate(zone.localDate(r.issuedAt)) + " " + zone.format(r.issuedAt))
              << labelled("desk", r.desk) << labelled("operator", r.operatorName) << labelled("reference", r.reference);
    if (!r.departure.empty()) std::cout << labelled("departure", r.departure);
    if (!r.party.empty()) std::cout << labelled("party", r.party);
    if (!r.customer.empty()) std::cout << labelled("customer", r.customer);
    TextTable lines({"item", "qty", "unit", "total", "VAT"}, {false, true, true, true, true});
    for (const auto& l : r.lines)
        lines.add({l.label, std::to_string(l.quantity), l.unitPrice.display(), l.total.display(),
                   l.vatRateBasisPoints == 0 ? "" : vatRate(l.vatRateBasisPoints)});
    std::cout << lines.str() << labelled("total", r.total.display());
    for (const auto& p : r.payments) {
        std::string paid = std::string(domain::toString(p.method)) + " " + p.amount.display();
        if (!p.voucherCode.empty()) paid += " " + p.voucherCode;
        if (p.change.cents() != 0) paid += " (given " + p.given.display() + ", change " + p.change.display() + ")";
        std::cout << labelled("paid", paid);
    }
    for (const auto& v : r.vat)
        std::cout << labelled("VAT " + vatRate(v.rateBasisPoints),
                              v.vat.display() + " on " + v.base.display() + " (total " + v.total.display() + ")");
    std::cout << labelled("hash", r.hash);
}

int receipt(domain::Store& store, const ReceiptArguments& a) {
    const domain::SystemClock clock;
    const auto copy = a.reprint ? app::reprintReceipt(store, clock, a.number, resolveOperator(store, a.as))
                                : app::receiptCopy(store, a.number);
    const auto zone = businessZone(store);
    printReceipt(copy, zone);
    if (!a.output.empty()) {
        reports::writeReceiptPdf({copy.receipt, copy.reprint, copy.businessName, copy.businessAddress, copy.businessId,
                                  std::string(zone.name())},
                                 a.output);
        std::cout << "Receipt written to " << a.output << "\n";
    }
    return kExitOk;
}

void addReceiptCommand(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<ReceiptArguments>();
    auto* cmd = app.add_subcommand("receipt", "A receipt by its number; --reprint for a DUPLICATA");
    cmd->footer("\nWithout --reprint, the receipt as it was issued (nothing is recorded). With it, a reprint is\n"
                "recorded in the journal and the copy says DUPLICATA with its count. Exit code 3 for a number\n"
                "that was never issued.");
    cmd->add_option("number", a->number, "The receipt's number (required)")
        ->required()
        ->check(CLI::PositiveNumber)
        ->option_text("NUMBER");
    cmd->add_flag("--reprint", a->reprint, "Print a duplicate (recorded, numbered)");
    cmd->add_option("--output", a->output, "Also write the receipt as a PDF (80 mm roll), replaced when it exists")
        ->option_text("FILE.pdf");
    addOperatorOption(cmd, a->as);
    cmd->callback([&ctx, a] {
        ctx.run = [&ctx, a] {
            auto store = ctx.openStore();
            return receipt(*store, *a);
        };
    });
}

}  // namespace

static const CommandRegistration kReceipt{addReceiptCommand};

}  // namespace narcisse::cli
