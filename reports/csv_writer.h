// CSV files for people and spreadsheets: RFC 4180 UTF-8, or the "Excel (France)" dialect
// (semicolons, decimal comma, BOM). Quoting is libcsv's. Written to a temporary name and renamed.
#pragma once

#include "domain/money.h"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace narcisse::reports {

struct CsvDialect {
    char separator = ',';
    char decimalSeparator = '.';
    bool byteOrderMark = false;
    static CsvDialect rfc4180() { return {}; }
    static CsvDialect excelFr() { return {';', ',', true}; }
};

class CsvWriter {
public:
    // Opens "<path>.part"; commit() renames it to `path`. Destroyed without commit(), it removes
    // the partial file. Throws std::runtime_error naming the path when it cannot be written.
    CsvWriter(std::string path, CsvDialect dialect);
    ~CsvWriter();
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    void row(const std::vector<std::string>& fields);   // fields as given, quoted when needed
    std::string amount(const domain::Money& m) const;   // "12.50" or "12,50" per dialect
    void commit();

private:
    std::string m_path;
    std::string m_partPath;
    CsvDialect m_dialect;
    std::FILE* m_file = nullptr;
    bool m_committed = false;
};

}  // namespace narcisse::reports
