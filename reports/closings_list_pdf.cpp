// A month's daily closings as an auditor checks them: one row per Z with its receipts and totals,
// its full hash underneath (to compare with the chain), then the month's totals.
#include "reports/accounting_pdfs.h"
#include "reports/accounting_pdfs_layout.h"
#include "reports/desk_format.h"

#include <cstdio>
#include <string>
#include <vector>

namespace narcisse::reports {

namespace {

using domain::Money;
using domain::PaymentMethod;
using namespace accounting;

constexpr double kBody = 8.5;
constexpr double kHashLine = 10;

std::string sixDigits(std::int64_t n) {
    char text[24];
    std::snprintf(text, sizeof text, "%06lld", static_cast<long long>(n));
    return text;
}

// The table's four method columns: cash, card, voucher, online (Stripe and PayPal together).
int methodColumn(PaymentMethod m) {
    switch (m) {
    case PaymentMethod::Cash: return 0;
    case PaymentMethod::Card: return 1;
    case PaymentMethod::Voucher: return 2;
    case PaymentMethod::Stripe:
    case PaymentMethod::PayPal: return 3;
    }
    return 3;
}

struct Sums {
    Money period = Money::zero();
    Money methods[4] = {Money::zero(), Money::zero(), Money::zero(), Money::zero()};
    Money difference = Money::zero();
};

class ClosingsWriter {
public:
    ClosingsWriter(PdfDocument& pdf, const ClosingsList& r) : m_w(pdf, kBody), m_r(r) {}

    void write(const std::string& title) {
        m_w.begin(m_r.header, title);
        m_w.gap(10);
        m_w.note(m_w.left(), "Montants TTC en euros. \xC3\x89" "cart : esp\xC3\xA8" "ces compt\xC3\xA9" "es "
                             "\xE2\x88\x92 esp\xC3\xA8" "ces attendues.", 8.5, 4);
        table();
        methodTable(m_w, "Encaissements du mois par moyen de paiement", m_r.byMethod);
        vatTable(m_w, "TVA du mois par taux", m_r.byVat);
    }

private:
    void table() {
        const double l = m_w.left(), r = m_w.right();
        // Amounts of a few thousand euros each, in bold on the total row: 60 points apart keeps them
        // apart on paper and in a text extraction; the difference and vouchers need less.
        m_w.beginTable("Cl\xC3\xB4tures", {{"N\xC2\xB0", l, Align::Left, 0},
                                         {"Date", l + 46, Align::Left, 0},
                                         {"Tickets", l + 110, Align::Left, 0},
                                         {"Total p\xC3\xA9riode", l + 250, Align::Right, 0},
                                         {"Esp\xC3\xA8" "ces", l + 310, Align::Right, 0},
                                         {"Carte", l + 370, Align::Right, 0},
                                         {"Bon", l + 425, Align::Right, 0},
                                         {"En ligne", l + 480, Align::Right, 0},
                                         {"\xC3\x89" "cart", r, Align::Right, 0}},
                       ReportWriter::kRow + kHashLine);
        Sums sums;
        bool zebra = false;
        for (const auto& c : m_r.closings) {
            Money methods[4] = {Money::zero(), Money::zero(), Money::zero(), Money::zero()};
            for (const auto& m : c.byMethod) methods[methodColumn(m.method)] += m.amount;
            // A comment is the explanation of a difference: wrapped whole, never cut.
            const std::vector<std::string> comment =
                c.comment.empty() ? std::vector<std::string>{}
                                  : m_w.pdf().wrap("Commentaire : " + c.comment, r - (l + 46), 7);
            const double extra = kHashLine * static_cast<double>(1 + comment.size());
            // The row with its hash (and comment) on one page, shaded together.
            m_w.need(ReportWriter::kRow + extra);
            if (zebra)
                m_w.pdf().fillRect(l - 4, m_w.y() - 10, m_w.pdf().contentWidth() + 8, ReportWriter::kRow + extra,
                                   ReportWriter::kZebra);
            zebra = !zebra;
            const std::string tickets =
                c.receiptCount == 0 ? "aucun" : sixDigits(c.firstReceipt) + "\xE2\x80\x93" + sixDigits(c.lastReceipt);
            m_w.row({sixDigits(c.number), frenchDate(c.from), tickets, amount(c.periodTotal), amount(methods[0]),
                     amount(methods[1]), amount(methods[2]), amount(methods[3]), signedAmount(c.difference)});
            m_w.note(l + 46, "Hash " + c.hash, 7, kHashLine);
            for (const auto& line : comment) m_w.note(l + 46, line, 7, kHashLine);
            for (int i = 0; i < 4; ++i) sums.methods[i] += methods[i];
            sums.difference += c.difference;
        }
        if (m_r.closings.empty()) m_w.row({"", "Aucune cl\xC3\xB4ture ce mois-ci"});
        m_w.gap(2);
        m_w.row({"Total", "", plural(static_cast<int>(m_r.closings.size())), amount(m_r.periodTotal),
                 amount(sums.methods[0]), amount(sums.methods[1]), amount(sums.methods[2]), amount(sums.methods[3]),
                 signedAmount(sums.difference)},
                Weight::Bold);
        m_w.endTable();
    }

    static std::string plural(int n) { return std::to_string(n) + (n == 1 ? " cl\xC3\xB4ture" : " cl\xC3\xB4tures"); }

    ReportWriter m_w;
    const ClosingsList& m_r;
};

}  // namespace

void writeClosingsListPdf(const ClosingsList& report, const std::filesystem::path& file) {
    const std::string title =
        "Cl\xC3\xB4tures journali\xC3\xA8res \xE2\x80\x94 " + monthName(report.year, report.month);
    PdfDocument pdf(pdfOptions(report.header, title));
    ClosingsWriter(pdf, report).write(title);
    pdf.save(file.string());
}

}  // namespace narcisse::reports
