// The accountant's PDF reports: the monthly revenue report, the VAT summary of a period and the list
// of a month's daily closings with their totals and hashes. A4, the business header, page numbers,
// written through "<file>.part" then renamed. The figures come computed (src/app): these only lay
// them out, so the totals are exactly those of the journal CSV of the same period.
#pragma once

#include "domain/fiscal.h"
#include "domain/journal.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace narcisse::reports {

struct ReportHeader {
    std::string businessName;
    std::string address;
    std::string idLine;                      // "SIRET … · TVA …"
    std::string timeZone = "Europe/Paris";
};

struct RevenueDay {
    domain::LocalDate date;
    int passengers = 0;
    domain::Money sales;                     // TTC, sales and vouchers sold
    domain::Money refunds;                   // TTC given back or owed (positive)
    domain::Money net;                       // sales − refunds
};

struct MonthlyRevenue {
    ReportHeader header;
    int year = 0;
    unsigned month = 0;
    std::vector<RevenueDay> days;            // every day with a movement
    std::vector<domain::MethodTotal> byMethod;   // money in by payment method (net of refunds)
    std::vector<domain::VatTotal> byVat;         // sales by VAT rate (net)
    int refundCount = 0;
    domain::Money refunds;
    domain::Money vouchersSold;
    domain::Money vouchersRedeemed;
    domain::Money vouchersOutstanding;       // balance of every voucher at the end of the month
    std::optional<domain::Money> providerFees;   // when known
    domain::Money total;                     // net TTC of the month
    std::vector<domain::AccountBalance> accounts;   // the month's journal balances
};

struct VatSummary {
    ReportHeader header;
    domain::LocalDate from;
    domain::LocalDate to;
    struct Month {
        int year = 0;
        unsigned month = 0;
        std::vector<domain::VatTotal> byRate;
    };
    std::vector<Month> months;
    std::vector<domain::VatTotal> byRate;    // the whole period
    domain::Money base;
    domain::Money vat;
    domain::Money total;
};

struct ClosingsList {
    ReportHeader header;
    int year = 0;
    unsigned month = 0;
    std::vector<domain::Closing> closings;   // the month's daily closings, by date
    domain::Money periodTotal;               // sum of their period totals
    std::vector<domain::MethodTotal> byMethod;
    std::vector<domain::VatTotal> byVat;
};

// Each throws PdfError or std::runtime_error; a failure leaves no file.
void writeMonthlyRevenuePdf(const MonthlyRevenue& report, const std::filesystem::path& file);
void writeVatSummaryPdf(const VatSummary& report, const std::filesystem::path& file);
void writeClosingsListPdf(const ClosingsList& report, const std::filesystem::path& file);

}  // namespace narcisse::reports
