#include "domain/fleet.h"

#include "domain/errors.h"

#include <cctype>

namespace narcisse::domain {

std::string_view toString(BoatStatus s) {
    switch (s) {
        case BoatStatus::InService: return "IN_SERVICE";
        case BoatStatus::Maintenance: return "MAINTENANCE";
        case BoatStatus::Retired: return "RETIRED";
    }
    return "IN_SERVICE";
}

std::optional<BoatStatus> parseBoatStatus(std::string_view s) {
    if (s == "IN_SERVICE") return BoatStatus::InService;
    if (s == "MAINTENANCE") return BoatStatus::Maintenance;
    if (s == "RETIRED") return BoatStatus::Retired;
    return std::nullopt;
}

void Boat::validate() const {
    if (name.find_first_not_of(' ') == std::string::npos) throw ValidationError("name", "a boat needs a name");
    if (capacity < 1 || capacity > 50) throw ValidationError("capacity", "must be between 1 and 50 seats");
    bool colourOk = colour.size() == 7 && colour[0] == '#';
    for (std::size_t i = 1; colourOk && i < colour.size(); ++i)
        colourOk = std::isxdigit(static_cast<unsigned char>(colour[i])) != 0;
    if (!colourOk) throw ValidationError("colour", "must be #RRGGBB");
}

}  // namespace narcisse::domain
