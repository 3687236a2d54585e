// The accountant's exports, each a use case shared by the GUI and the CLI: the FEC import file, CSV
// files (journal lines, payments, vouchers) and PDF reports (monthly revenue, VAT summary, the
// month's closings). Every file is written to a temporary name and renamed: an export that fails
// or is cancelled leaves no partial file.
#pragma once

#include "app/exports.h"
#include "domain/errors.h"
#include "domain/store.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace narcisse::app {

// Long exports report here (every 10,000 rows, and once at the end with done == total) and stop when
// it returns false (then throw Cancelled). total is 0 while not known: the journal is streamed.
using ProgressFn = std::function<bool(std::int64_t done, std::int64_t total)>;
class Cancelled : public domain::Error {
public:
    Cancelled() : domain::Error("the export was cancelled; no file was written") {}
};

enum class FecSeparator { Tab, Pipe };

// The FEC of [from, to] in `directory`, named "<SIREN>FEC<AAAAMMJJ>.txt" (SIREN: setting
// business_siren, else the first 9 digits of business_siret; the date: 31 December of `to`'s
// fiscal year). Refused (ValidationError "siren") without a SIREN. Records an Export event.
std::filesystem::path exportFec(domain::Store& store, domain::LocalDate from, domain::LocalDate to, FecSeparator separator,
                                const std::filesystem::path& directory, const ProgressFn& progress = {});

// CSV files (RFC 4180 UTF-8 or the excel-fr dialect); each returns the number of data rows.
std::int64_t exportJournalCsv(domain::Store& store, domain::LocalDate from, domain::LocalDate to, CsvFormat format,
                              const std::filesystem::path& file, const ProgressFn& progress = {});
std::int64_t exportPaymentsCsv(domain::Store& store, domain::LocalDate from, domain::LocalDate to, CsvFormat format,
                               const std::filesystem::path& file, const ProgressFn& progress = {});
std::int64_t exportVouchersCsv(domain::Store& store, domain::LocalDate from, domain::LocalDate to, CsvFormat format,
                               const std::filesystem::path& file, const ProgressFn& progress = {});

// PDF reports, their totals those of the journal CSV of the same period to the cent.
void writeMonthlyReport(domain::Store& store, int year, unsigned month, const std::filesystem::path& file,
                        const ProgressFn& progress = {});
void writeVatReport(domain::Store& store, domain::LocalDate from, domain::LocalDate to, const std::filesystem::path& file);
void writeClosingsReport(domain::Store& store, int year, unsigned month, const std::filesystem::path& file);

}  // namespace narcisse::app
