#include "app/settings.h"

#include <charconv>

namespace narcisse::app {

domain::BusinessSettings loadBusinessSettings(domain::StoreReader& reader) {
    domain::BusinessSettings s;
    if (auto tz = reader.setting(setting_keys::kTimeZone)) s.timeZone = *tz;
    if (auto babies = reader.setting(setting_keys::kBabiesTakeSeat)) s.babiesTakeSeat = *babies != "0";
    if (auto expiry = reader.setting(setting_keys::kPendingExpiryMinutes)) {
        int minutes = 0;
        auto [p, ec] = std::from_chars(expiry->data(), expiry->data() + expiry->size(), minutes);
        if (ec == std::errc{} && p == expiry->data() + expiry->size() && minutes > 0) s.pendingExpiryMinutes = minutes;
    }
    return s;
}

}  // namespace narcisse::app
