#include "app/notifications.h"

#include "app/settings.h"
#include "data/keyring.h"
#include "data/smtp_mailer.h"
#include "domain/errors.h"

#include <algorithm>
#include <charconv>

namespace narcisse::app {

using namespace narcisse::domain;

namespace {

// The log shows at most this many; a retry looks for its notification among them.
constexpr int kLogDepth = 100000;

}  // namespace

ConfiguredMailer configuredMailer(Store& store) {
    data::SmtpSettings settings;
    store.read([&](StoreReader& r) {
        settings.host = r.setting(setting_keys::kSmtpHost).value_or("");
        settings.from = r.setting(setting_keys::kSmtpFrom).value_or("");
        settings.user = r.setting(setting_keys::kSmtpUser).value_or("");
        settings.fromName = r.setting(setting_keys::kBusinessName).value_or(settings.fromName);
        if (auto port = r.setting(setting_keys::kSmtpPort)) {
            unsigned value = 0;
            auto [p, ec] = std::from_chars(port->data(), port->data() + port->size(), value);
            if (ec != std::errc{} || p != port->data() + port->size() || value == 0 || value > 65535)
                throw ValidationError("smtp_port", "must be a port number (1–65535), not \"" + *port + "\"");
            settings.port = static_cast<std::uint16_t>(value);
        }
    });
    ConfiguredMailer out;
    if (settings.host.empty()) {
        out.note = "no mail server is set up (setting smtp_host)";
        return out;
    }
    if (!settings.user.empty()) {
        const std::string account = settings.user + "@" + settings.host;
        try {
            settings.password = data::Keyring::lookup(kSmtpKeyringService, account);
            if (!settings.password) out.note = "no password for " + account + " in the OS keyring: sending without AUTH";
        } catch (const data::KeyringUnavailable& e) {
            out.note = std::string(e.what()) + ": sending without AUTH";
        }
    }
    out.mailer = std::make_unique<data::SmtpMailer>(std::move(settings));
    return out;
}

SendReport sendPendingNotifications(Store& store, Mailer& mailer, const Clock& clock) {
    std::vector<Notification> pending;
    store.read([&](StoreReader& r) { pending = r.notificationsToSend(); });
    SendReport report;
    for (auto& n : pending) {
        ++n.attempts;
        try {
            mailer.send({n.recipient, n.subject, n.body});
            n.status = NotificationStatus::Sent;
            n.error.clear();
            n.sentAt = clock.now();
            ++report.sent;
        } catch (const std::exception& e) {
            // Recorded, not thrown: the log shows it and the user retries when the cause is fixed.
            n.status = NotificationStatus::Failed;
            n.error = e.what();
            ++report.failed;
            report.errors.push_back(n.recipient + ": " + n.error);
        }
        store.write([&](StoreWriter& w) { w.updateNotification(n); });
    }
    return report;
}

Notification retryNotification(Store& store, const Uuid& id) {
    Notification found;
    store.write([&](StoreWriter& w) {
        const auto all = w.latestNotifications(kLogDepth);
        const auto it = std::find_if(all.begin(), all.end(), [&](const Notification& n) { return n.id == id; });
        if (it == all.end()) throw NotFound("no notification with id " + id.str());
        if (it->status != NotificationStatus::Failed)
            throw ConflictError("the message to " + it->recipient + " is " + std::string(toString(it->status)) +
                                ": only a FAILED one is sent again");
        found = *it;
        found.status = NotificationStatus::Pending;   // the error stays until the next attempt
        w.updateNotification(found);
    });
    return found;
}

std::vector<Notification> notificationLog(Store& store, int limit) {
    std::vector<Notification> out;
    store.read([&](StoreReader& r) { out = r.latestNotifications(limit); });
    return out;
}

}  // namespace narcisse::app
