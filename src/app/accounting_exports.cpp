// The accountant's files: the FEC import file and the CSV files (journal lines, payments, vouchers).
// Each streams its rows (a season of journal lines never sits in memory as text), reports progress
// every 10,000 rows, writes through "<file>.part" renamed at the end, and is journaled as an export.
// The PDF reports are in accounting_reports.cpp.
#include "app/accounting_exports.h"

#include "app/accounting.h"
#include "app/accounting_internal.h"
#include "app/fiscal_log.h"
#include "app/settings.h"
#include "domain/errors.h"
#include "reports/csv_writer.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace narcisse::app {

using namespace narcisse::domain;
using namespace narcisse::app::accounting_detail;

namespace {

constexpr std::int64_t kProgressEvery = 10000;

// Calls `progress` every kProgressEvery rows; a false answer stops the export (Cancelled), and the
// writer's destructor removes the partial file.
class Ticker {
public:
    Ticker(const ProgressFn& progress, std::int64_t total) : m_progress(progress), m_total(total) {}
    void tick() {
        if (++m_done % kProgressEvery == 0) report();
    }
    void finish() { report(m_done); }
    std::int64_t done() const { return m_done; }

private:
    void report(std::int64_t total) {
        if (m_progress && !m_progress(m_done, total)) throw Cancelled();
    }
    void report() { report(m_total); }
    const ProgressFn& m_progress;
    std::int64_t m_total;
    std::int64_t m_done = 0;
};

void journalExport(Store& store, const std::string& details) {
    store.write([&](StoreWriter& w) { recordEvent(w, EventKind::Export, SystemClock().now(), std::nullopt, details); });
}

std::string rangeText(LocalDate from, LocalDate to) { return isoDate(from) + " → " + isoDate(to); }

std::string digitsOf(std::string_view text) {
    std::string out;
    for (char c : text)
        if (std::isdigit(static_cast<unsigned char>(c))) out += c;
        else if (c != ' ' && c != '.' && c != '-') return {};   // not a number at all
    return out;
}

// ---- FEC

// A plain file written to "<path>.part" and renamed by commit(); removed when destroyed before.
class PartFile {
public:
    explicit PartFile(std::filesystem::path path) : m_path(std::move(path)), m_part(m_path.string() + ".part") {
        m_file = std::fopen(m_part.c_str(), "wb");
        if (!m_file) throw std::runtime_error("cannot write " + m_path.string() + ": " + std::strerror(errno));
    }
    ~PartFile() {
        if (m_file) std::fclose(m_file);
        if (!m_committed) std::remove(m_part.c_str());
    }
    PartFile(const PartFile&) = delete;
    PartFile& operator=(const PartFile&) = delete;

    void write(std::string_view text) {
        if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size())
            throw std::runtime_error("cannot write " + m_path.string() + ": " + std::strerror(errno));
    }
    void commit() {
        const bool failed = std::fflush(m_file) != 0 || std::ferror(m_file);
        std::fclose(m_file);
        m_file = nullptr;
        if (failed) throw std::runtime_error("cannot write " + m_path.string() + ": " + std::strerror(errno));
        if (std::rename(m_part.c_str(), m_path.c_str()) != 0)
            throw std::runtime_error("cannot rename " + m_part + " to " + m_path.string() + ": " + std::strerror(errno));
        m_committed = true;
    }

private:
    std::filesystem::path m_path;
    std::string m_part;
    std::FILE* m_file = nullptr;
    bool m_committed = false;
};

constexpr const char* kFecColumns[] = {"JournalCode", "JournalLib",  "EcritureNum", "EcritureDate", "CompteNum",
                                       "CompteLib",   "CompAuxNum",  "CompAuxLib",  "PieceRef",     "PieceDate",
                                       "EcritureLib", "Debit",       "Credit",      "EcritureLet",  "DateLet",
                                       "ValidDate",   "Montantdevise", "Idevise"};

std::string fecDate(LocalDate d) { return date::format("%Y%m%d", d); }

// The FEC has no quoting: a value holding the separator or a line break would shift the columns, so
// each such character becomes a space (labels come from reasons typed at the desk).
void appendField(std::string& line, std::string_view value, char separator) {
    for (char c : value) line += (c == separator || c == '\r' || c == '\n' || c == '\t') ? ' ' : c;
}

// The SIREN: the setting, else the first 9 digits of the SIRET.
std::string sirenOf(StoreReader& r) {
    if (const auto siren = r.setting(setting_keys::kBusinessSiren)) {
        const std::string digits = digitsOf(*siren);
        if (digits.size() == 9) return digits;
    }
    if (const auto siret = r.setting(setting_keys::kBusinessSiret)) {
        const std::string digits = digitsOf(*siret);
        if (digits.size() >= 9) return digits.substr(0, 9);
    }
    throw ValidationError("siren", "set the business's SIREN (9 digits) in the settings");
}

// ---- CSV

reports::CsvDialect dialectOf(CsvFormat format) {
    return format == CsvFormat::ExcelFr ? reports::CsvDialect::excelFr() : reports::CsvDialect::rfc4180();
}
std::string formatName(CsvFormat format) { return format == CsvFormat::ExcelFr ? "excel-fr" : "csv"; }

// Names typed on the public website: in the file made for Excel, one that starts like a formula is
// kept as text by a leading apostrophe (OWASP "CSV injection"), as exports.cpp does.
std::string spreadsheetText(const std::string& text, CsvFormat format) {
    constexpr std::string_view kFormulaStart = "=+-@\t\r";
    if (format == CsvFormat::ExcelFr && !text.empty() && kFormulaStart.find(text[0]) != std::string_view::npos)
        return "'" + text;
    return text;
}

void checkFile(const std::filesystem::path& file) {
    if (file.empty()) throw ValidationError("output", "a file name is required");
}

}  // namespace

std::filesystem::path exportFec(Store& store, LocalDate from, LocalDate to, FecSeparator separator,
                                const std::filesystem::path& directory, const ProgressFn& progress) {
    checkRange(from, to);
    if (directory.empty()) throw ValidationError("output", "a directory is required");
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec))
        throw ValidationError("output", directory.string() + " is not a directory");
    const char sep = separator == FecSeparator::Tab ? '\t' : '|';

    std::filesystem::path path;
    std::int64_t lines = 0;
    store.read([&](StoreReader& r) {
        const std::string siren = sirenOf(r);
        // Named after the closing date of the fiscal year (the calendar year) the period ends in.
        path = directory / (siren + "FEC" + fecDate(LocalDate{to.year(), date::December, date::day{31}}) + ".txt");
        PartFile file(path);
        std::string line;
        for (const char* column : kFecColumns) {
            if (!line.empty()) line += sep;
            line += column;
        }
        line += "\r\n";
        file.write(line);

        Ticker ticker(progress, 0);
        const JournalSource s = journalSource(r);
        forEachLine(r, s, from, to, [&](const JournalEntry& e, const JournalLine& l) {
            line.clear();
            const std::string date = fecDate(e.date);
            const auto field = [&](std::string_view value) {
                appendField(line, value, sep);
                line += sep;
            };
            field(journalCode(e.journal));
            field(journalLabel(e.journal));
            field(std::to_string(e.number));
            field(date);
            field(l.account);
            field(l.accountLabel);
            field("");                                   // CompAuxNum: no auxiliary accounts
            field("");                                   // CompAuxLib
            field(e.pieceRef);
            field(fecDate(e.pieceDate));
            field(l.label.empty() ? e.label : l.label);
            field(l.debit.format(','));
            field(l.credit.format(','));
            field("");                                   // EcritureLet: no lettering
            field("");                                   // DateLet
            // ValidDate: the entry's date. Entries are generated from records that are final when
            // made (a receipt is never edited), and a frozen month keeps those same dates.
            field(date);
            field("");                                   // Montantdevise: euros only
            line += "\r\n";                              // Idevise (empty), then the end of the line
            file.write(line);
            ticker.tick();
        });
        ticker.finish();
        file.commit();
        lines = ticker.done();
    });
    journalExport(store, "FEC " + rangeText(from, to) + ", " + std::to_string(lines) + " lines: " +
                             path.filename().string());
    return path;
}

std::int64_t exportJournalCsv(Store& store, LocalDate from, LocalDate to, CsvFormat format,
                              const std::filesystem::path& file, const ProgressFn& progress) {
    checkRange(from, to);
    checkFile(file);
    std::int64_t rows = 0;
    store.read([&](StoreReader& r) {
        reports::CsvWriter csv(file.string(), dialectOf(format));
        csv.row({"journal", "number", "date", "piece", "piece date", "label", "account", "account label", "debit",
                 "credit"});
        Ticker ticker(progress, 0);
        const JournalSource s = journalSource(r);
        forEachLine(r, s, from, to, [&](const JournalEntry& e, const JournalLine& l) {
            csv.row({std::string(journalCode(e.journal)), std::to_string(e.number), isoDate(e.date), e.pieceRef,
                     isoDate(e.pieceDate), spreadsheetText(l.label.empty() ? e.label : l.label, format), l.account,
                     l.accountLabel, csv.amount(l.debit), csv.amount(l.credit)});
            ticker.tick();
        });
        ticker.finish();
        csv.commit();
        rows = ticker.done();
    });
    journalExport(store, "journal " + rangeText(from, to) + ", " + std::to_string(rows) + " lines (" +
                             formatName(format) + ")");
    return rows;
}

std::int64_t exportPaymentsCsv(Store& store, LocalDate from, LocalDate to, CsvFormat format,
                               const std::filesystem::path& file, const ProgressFn& progress) {
    checkRange(from, to);
    checkFile(file);
    std::int64_t rows = 0;
    store.read([&](StoreReader& r) {
        const BusinessZone zone(loadBusinessSettings(r).timeZone);
        const auto payments = r.paymentsBetween(zone.startOfDay(from), zone.startOfDay(nextDay(to)));
        std::unordered_map<Uuid, std::string> refs;
        reports::CsvWriter csv(file.string(), dialectOf(format));
        csv.row({"created", "booking", "method", "status", "amount", "provider ref"});
        Ticker ticker(progress, static_cast<std::int64_t>(payments.size()));
        for (const auto& p : payments) {
            auto [ref, inserted] = refs.try_emplace(p.bookingId);
            if (inserted)
                if (const auto b = r.bookingById(p.bookingId)) ref->second = b->ref.str();
            csv.row({zone.format(p.createdAt, "%Y-%m-%d %H:%M:%S"), ref->second, std::string(toString(p.method)),
                     std::string(toString(p.status)), csv.amount(p.amount), p.providerRef});
            ticker.tick();
        }
        ticker.finish();
        csv.commit();
        rows = ticker.done();
    });
    journalExport(store, "payments " + rangeText(from, to) + ", " + std::to_string(rows) + " lines (" +
                             formatName(format) + ")");
    return rows;
}

std::int64_t exportVouchersCsv(Store& store, LocalDate from, LocalDate to, CsvFormat format,
                               const std::filesystem::path& file, const ProgressFn& progress) {
    checkRange(from, to);
    checkFile(file);
    std::int64_t rows = 0;
    store.read([&](StoreReader& r) {
        const BusinessZone zone(loadBusinessSettings(r).timeZone);
        const Instant end = zone.startOfDay(nextDay(to));
        // The vouchers sold in the period, each with what was redeemed and what was left at the end of
        // `to` (movements after it are left out).
        const auto vouchers = r.vouchersSold(zone.startOfDay(from), end);
        reports::CsvWriter csv(file.string(), dialectOf(format));
        csv.row({"code", "kind", "value", "sold", "expires", "buyer", "recipient", "paid with", "VAT", "redeemed",
                 "balance"});
        Ticker ticker(progress, static_cast<std::int64_t>(vouchers.size()));
        for (const auto& v : vouchers) {
            std::vector<VoucherMovement> movements;
            for (auto& m : r.voucherMovements(v.id))
                if (m.at < end) movements.push_back(std::move(m));
            const VoucherStatus status = voucherStatus(v, movements, to);
            const std::string vat = v.vat == VoucherVat::MultiPurpose
                                        ? std::string(toString(v.vat))
                                        : std::string(toString(v.vat)) + " " + std::to_string(v.vatRateBasisPoints / 100) +
                                              (v.vatRateBasisPoints % 100 ? "." + std::to_string(v.vatRateBasisPoints % 100) : "") + " %";
            csv.row({v.code.str(), std::string(toString(v.kind)), csv.amount(v.value), zone.format(v.soldAt, "%Y-%m-%d"),
                     isoDate(status.expiresOn), spreadsheetText(v.buyerName, format),
                     spreadsheetText(v.recipientName, format),
                     v.paidWith ? std::string(toString(*v.paidWith)) : std::string("CREDIT"), vat,
                     csv.amount(status.redeemed), csv.amount(status.balance)});
            ticker.tick();
        }
        ticker.finish();
        csv.commit();
        rows = ticker.done();
    });
    journalExport(store, "vouchers " + rangeText(from, to) + ", " + std::to_string(rows) + " lines (" +
                             formatName(format) + ")");
    return rows;
}

}  // namespace narcisse::app
