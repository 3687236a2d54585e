// Opens the configured store: a SQLite file (embedded mode) or a postgresql:// URL (shared mode).
#pragma once

#include "domain/store.h"

#include <memory>
#include <string>

namespace narcisse::app {

// True for "postgresql://…", "postgres://…" and libpq key=value strings ("host=… dbname=…").
bool isServerLocation(const std::string& location);

enum class Migrations { Apply, Leave };

// Opens, checks (a damaged SQLite file or a schema newer than the program throws
// domain::StoreUnavailable and leaves the database untouched) and, unless told to leave them
// (`db migrate` applies and counts them itself), migrates the store.
// An embedded file and its folder are created when missing.
std::unique_ptr<domain::Store> openStore(const std::string& location, Migrations migrations = Migrations::Apply);

// The embedded database of this user: $XDG_DATA_HOME/narcisse/narcisse.db
// (~/.local/share/narcisse/narcisse.db when XDG_DATA_HOME is unset).
std::string defaultDatabasePath();

// The location to use when none is given: $NARCISSE_DATABASE_URL, else defaultDatabasePath().
std::string defaultLocation();

}  // namespace narcisse::app
