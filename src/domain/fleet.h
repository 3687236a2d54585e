// Boats, customers and employees: the people and things a booking refers to.
#pragma once

#include "domain/uuid.h"

#include <optional>
#include <string>
#include <string_view>

namespace narcisse::domain {

enum class BoatStatus { InService, Maintenance, Retired };
std::string_view toString(BoatStatus s);                       // IN_SERVICE, MAINTENANCE, RETIRED
std::optional<BoatStatus> parseBoatStatus(std::string_view s);

struct Boat {
    Uuid id;
    std::string name;
    int capacity = 12;
    BoatStatus status = BoatStatus::InService;
    std::string colour = "#2E86AB";   // used on the planning
    int sortOrder = 0;

    void validate() const;            // name required, capacity 1–50, colour #RRGGBB
};

struct Customer {
    Uuid id;
    std::string name;
    std::string email;
    std::string phone;
    std::string language = "fr";
};

}  // namespace narcisse::domain
