#include "reports/csv_writer.h"

#include <csv.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace narcisse::reports {

CsvWriter::CsvWriter(std::string path, CsvDialect dialect)
    : m_path(std::move(path)), m_partPath(m_path + ".part"), m_dialect(dialect) {
    m_file = std::fopen(m_partPath.c_str(), "wb");
    if (!m_file) throw std::runtime_error("cannot write " + m_path + ": " + std::strerror(errno));
    std::setvbuf(m_file, nullptr, _IOFBF, 1 << 20);   // large exports: fewer, bigger writes
    if (m_dialect.byteOrderMark) std::fputs("\xEF\xBB\xBF", m_file);
}

CsvWriter::~CsvWriter() {
    if (m_file) std::fclose(m_file);
    if (!m_committed) std::remove(m_partPath.c_str());
}

void CsvWriter::row(const std::vector<std::string>& fields) {
    const char special[] = {'"', '\r', '\n', m_dialect.separator, '\0'};
    bool first = true;
    for (const auto& f : fields) {
        if (!first) std::fputc(m_dialect.separator, m_file);
        first = false;
        // libcsv quotes every field it writes; quote only when needed to keep files readable.
        const bool needsQuotes = f.find_first_of(special) != std::string::npos;
        if (needsQuotes)
            csv_fwrite(m_file, f.data(), f.size());
        else
            std::fwrite(f.data(), 1, f.size(), m_file);
    }
    std::fputs("\r\n", m_file);
}

std::string CsvWriter::amount(const domain::Money& m) const { return m.format(m_dialect.decimalSeparator); }

void CsvWriter::commit() {
    if (std::fflush(m_file) != 0 || std::ferror(m_file))
        throw std::runtime_error("cannot write " + m_path + ": " + std::strerror(errno));
    std::fclose(m_file);
    m_file = nullptr;
    if (std::rename(m_partPath.c_str(), m_path.c_str()) != 0)
        throw std::runtime_error("cannot rename " + m_partPath + " to " + m_path + ": " + std::strerror(errno));
    m_committed = true;
}

}  // namespace narcisse::reports
