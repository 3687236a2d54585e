// The month's revenue for the accountant: what the month made first (its figures by payment method
// and VAT rate, refunds, vouchers, fees), then the detail day by day and the journal's balances
// that the same figures come from.
#include "reports/accounting_pdfs.h"
#include "reports/accounting_pdfs_layout.h"
#include "reports/desk_format.h"

namespace narcisse::reports {

namespace {

using domain::Money;
using namespace accounting;

domain::LocalDate lastDay(int year, unsigned month) {
    return domain::LocalDate{date::year_month_day_last{date::year{year}, date::month_day_last{date::month{month}}}};
}

class MonthlyWriter {
public:
    MonthlyWriter(PdfDocument& pdf, const MonthlyRevenue& r) : m_w(pdf), m_r(r) {}

    void write(const std::string& title) {
        m_w.begin(m_r.header, title);
        summary();
        methodTable(m_w, "Encaissements par moyen de paiement", m_r.byMethod);
        vatTable(m_w, "Ventes par taux de TVA", m_r.byVat);
        vouchersAndFees();
        days();
        accounts();
    }

private:
    void summary() {
        int passengers = 0;
        Money sales = Money::zero();
        for (const auto& d : m_r.days) {
            passengers += d.passengers;
            sales += d.sales;
        }
        m_w.section("Synth\xC3\xA8se");
        m_w.pair("Passagers", "", Weight::Regular, grouped(passengers));
        m_w.pair("Ventes TTC", euros(sales));
        m_w.pair("Remboursements", euros(m_r.refunds), Weight::Regular, grouped(m_r.refundCount));
        m_w.pair("Chiffre d'affaires net TTC", euros(m_r.total), Weight::Bold);
    }

    void vouchersAndFees() {
        m_w.section("Bons cadeaux et frais", ReportWriter::kRow * 4);
        m_w.pair("Bons cadeaux vendus", euros(m_r.vouchersSold));
        m_w.pair("Bons cadeaux utilis\xC3\xA9s", euros(m_r.vouchersRedeemed));
        m_w.pair("Encours des bons au " + frenchDate(lastDay(m_r.year, m_r.month)), euros(m_r.vouchersOutstanding));
        m_w.pair("Frais des prestataires de paiement", m_r.providerFees ? euros(*m_r.providerFees) : "non connus");
    }

    void days() {
        const double l = m_w.left();
        m_w.beginTable("Ventes par jour", {{"Date", l, Align::Left, 0},
                                           {"Passagers", l + 170, Align::Right, 0},
                                           {"Ventes TTC", l + 280, Align::Right, 0},
                                           {"Remboursements", l + 400, Align::Right, 0},
                                           {"Net TTC", m_w.right(), Align::Right, 0}});
        int passengers = 0;
        Money sales = Money::zero(), refunds = Money::zero(), net = Money::zero();
        bool zebra = false;
        for (const auto& d : m_r.days) {
            m_w.row({frenchDate(d.date), grouped(d.passengers), euros(d.sales), euros(d.refunds), euros(d.net)},
                    Weight::Regular, zebra ? std::optional<Colour>(ReportWriter::kZebra) : std::nullopt);
            zebra = !zebra;
            passengers += d.passengers;
            sales += d.sales;
            refunds += d.refunds;
            net += d.net;
        }
        if (m_r.days.empty()) m_w.row({"Aucune vente ce mois-ci"});
        m_w.row({"Total", grouped(passengers), euros(sales), euros(refunds), euros(net)}, Weight::Bold);
        m_w.endTable();
    }

    void accounts() {
        const double l = m_w.left(), r = m_w.right();
        const double debitX = r - 190, creditX = r - 95;
        m_w.beginTable("Soldes des comptes du mois",
                       {{"Compte", l, Align::Left, 0},
                        {"Libell\xC3\xA9", l + 58, Align::Left, debitX - 75 - (l + 58)},
                        {"D\xC3\xA9" "bit", debitX, Align::Right, 0},
                        {"Cr\xC3\xA9" "dit", creditX, Align::Right, 0},
                        {"Solde (D \xE2\x88\x92 C)", r, Align::Right, 0}},
                       ReportWriter::kRow * 3);
        Money debit = Money::zero(), credit = Money::zero();
        for (const auto& a : m_r.accounts) {
            m_w.row({a.account, a.label, euros(a.debit), euros(a.credit), euros(a.balance())});
            debit += a.debit;
            credit += a.credit;
        }
        if (m_r.accounts.empty()) m_w.row({"", "Aucune \xC3\xA9" "criture"});
        m_w.row({"Total", "", euros(debit), euros(credit), euros(debit - credit)}, Weight::Bold);
        m_w.endTable();
    }

    ReportWriter m_w;
    const MonthlyRevenue& m_r;
};

}  // namespace

void writeMonthlyRevenuePdf(const MonthlyRevenue& report, const std::filesystem::path& file) {
    const std::string title = "Chiffre d'affaires \xE2\x80\x94 " + monthName(report.year, report.month);
    PdfDocument pdf(pdfOptions(report.header, title));
    MonthlyWriter(pdf, report).write(title);
    pdf.save(file.string());
}

}  // namespace narcisse::reports
