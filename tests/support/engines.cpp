#include "support/engines.h"

#include "app/store_factory.h"

#include <random>

namespace narcisse::test {

TempDir::TempDir() {
    std::random_device rd;
    const auto base = std::filesystem::temp_directory_path();
    for (;;) {
        auto candidate = base / ("narcisse-test-" + std::to_string(rd()));
        if (std::filesystem::create_directory(candidate)) {
            m_path = candidate;
            break;
        }
    }
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

SqliteEngine::SqliteEngine() : m_location(m_dir.file("narcisse.db")) {}

std::unique_ptr<domain::Store> SqliteEngine::open() const { return app::openStore(m_location); }

PgEngine::PgEngine() : m_location(freshPgDatabase()) {}

std::unique_ptr<domain::Store> PgEngine::open() const { return app::openStore(m_location); }

}  // namespace narcisse::test
