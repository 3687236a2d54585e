// The schema migrations each engine carries in the binary (generated from schema/<engine>/*.sql).
#pragma once

#include <string>
#include <vector>

namespace narcisse::data {

struct Migration {
    std::string name;   // "001_init.sql": its number is its version
    std::string sql;
};

const std::vector<Migration>& sqliteMigrations();
const std::vector<Migration>& postgresMigrations();

// The version of a migration: the number its file name starts with.
int migrationVersion(const Migration& m);

}  // namespace narcisse::data
