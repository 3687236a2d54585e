// Business settings stored in the database (settings table), with their defaults in one place.
#pragma once

#include "domain/availability.h"
#include "domain/store.h"

namespace narcisse::app {

namespace setting_keys {
inline constexpr const char* kTimeZone = "time_zone";
inline constexpr const char* kBabiesTakeSeat = "babies_take_seat";
inline constexpr const char* kPendingExpiryMinutes = "pending_expiry_minutes";
inline constexpr const char* kDemo = "demo";                 // "1" on a demo database
inline constexpr const char* kBusinessName = "business_name";
}  // namespace setting_keys

domain::BusinessSettings loadBusinessSettings(domain::StoreReader& reader);

}  // namespace narcisse::app
