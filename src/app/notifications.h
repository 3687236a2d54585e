// The customers' messages after their transaction (an outbox): send each PENDING one, record SENT
// or FAILED with the server's answer, let the user retry; and the mail server the settings name.
#pragma once

#include "domain/notification.h"
#include "domain/store.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

namespace setting_keys {
inline constexpr const char* kSmtpHost = "smtp_host";   // empty or missing: no mail server
inline constexpr const char* kSmtpPort = "smtp_port";   // default 587
inline constexpr const char* kSmtpFrom = "smtp_from";   // the sender address
inline constexpr const char* kSmtpUser = "smtp_user";   // its password is in the OS keyring
}  // namespace setting_keys

// The keyring item holding the SMTP password: service "smtp", account "user@host".
inline constexpr const char* kSmtpKeyringService = "smtp";

struct ConfiguredMailer {
    std::unique_ptr<domain::Mailer> mailer;   // empty when no mail server is set up
    std::string note;                         // why not, or why without AUTH; empty when all is well
};

// The SmtpMailer the settings describe, its password looked up in the keyring. Without a reachable
// keyring (CI, headless) or a stored password it sends without AUTH, and `note` says so.
ConfiguredMailer configuredMailer(domain::Store& store);

struct SendReport {
    int sent = 0;
    int failed = 0;
    std::vector<std::string> errors;          // "x@y: <the server's answer>", one per failure
};

// Sends every PENDING notification, oldest first, each recorded SENT (with sentAt) or FAILED (with
// the error) in its own small transaction, so one bad address never holds the others back.
SendReport sendPendingNotifications(domain::Store& store, domain::Mailer& mailer, const domain::Clock& clock);

// Puts a FAILED notification back to PENDING for the next send. NotFound for an unknown id,
// ConflictError when it is not FAILED.
domain::Notification retryNotification(domain::Store& store, const domain::Uuid& id);

// The newest notifications first, for the log.
std::vector<domain::Notification> notificationLog(domain::Store& store, int limit = 200);

}  // namespace narcisse::app
