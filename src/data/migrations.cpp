#include "data/migrations.h"

#include <cstdlib>

namespace narcisse::data {

int migrationVersion(const Migration& m) { return std::atoi(m.name.c_str()); }

}  // namespace narcisse::data
