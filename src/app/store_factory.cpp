#include "app/store_factory.h"

#include "data/pg_store.h"
#include "data/sqlite_store.h"
#include "domain/errors.h"

#include <cstdlib>
#include <filesystem>

namespace narcisse::app {

bool isServerLocation(const std::string& location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0 ||
           location.find("dbname=") != std::string::npos || location.find("host=") != std::string::npos;
}

std::unique_ptr<domain::Store> openStore(const std::string& location, Migrations migrations) {
    std::unique_ptr<domain::Store> store;
    if (isServerLocation(location)) {
        store = std::make_unique<data::PgStore>(location);
    } else {
        const std::filesystem::path path(location);
        if (path.has_parent_path()) {
            std::error_code ec;
            std::filesystem::create_directories(path.parent_path(), ec);
            if (ec)
                throw domain::StoreUnavailable("cannot create the folder " + path.parent_path().string() + ": " +
                                               ec.message());
        }
        store = std::make_unique<data::SqliteStore>(location);
    }
    if (migrations == Migrations::Apply) store->migrate();
    return store;
}

std::string defaultDatabasePath() {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".local" / "share";
    else
        base = std::filesystem::current_path();
    return (base / "narcisse" / "narcisse.db").string();
}

std::string defaultLocation() {
    if (const char* url = std::getenv("NARCISSE_DATABASE_URL"); url && *url) return url;
    return defaultDatabasePath();
}

}  // namespace narcisse::app
