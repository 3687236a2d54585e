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

BusinessHeader businessHeader(domain::StoreReader& r) {
    BusinessHeader h;
    h.name = r.setting(setting_keys::kBusinessName).value_or("Sweet Narcisse");
    h.address = r.setting(setting_keys::kBusinessAddress).value_or("Colmar");
    const auto siret = r.setting(setting_keys::kBusinessSiret).value_or("");
    const auto vat = r.setting(setting_keys::kBusinessVatNumber).value_or("");
    if (!siret.empty()) h.idLine = "SIRET " + siret;
    if (!vat.empty()) h.idLine += (h.idLine.empty() ? "" : " · ") + std::string("TVA ") + vat;
    h.timeZone = loadBusinessSettings(r).timeZone;
    return h;
}

BusinessHeader businessHeader(domain::Store& store) {
    BusinessHeader h;
    store.read([&](domain::StoreReader& r) { h = businessHeader(r); });
    return h;
}

}  // namespace narcisse::app
