// Messages to customers (a closure moved or cancelled their ride) and the port that sends them.
// Messages are written in the same transaction as their cause and sent after it (an outbox):
// a slow or broken mail server never holds a booking change back, and every send is logged.
#pragma once

#include "domain/time.h"
#include "domain/uuid.h"

#include <optional>
#include <string>
#include <string_view>

namespace narcisse::domain {

enum class NotificationStatus { Pending, Sent, Failed };
std::string_view toString(NotificationStatus s);          // PENDING, SENT, FAILED
std::optional<NotificationStatus> parseNotificationStatus(std::string_view s);

struct Notification {
    Uuid id;
    std::optional<Uuid> bookingId;
    std::string recipient;            // e-mail address
    std::string language = "fr";
    std::string kind;                 // "closure.moved", "closure.cancelled"
    std::string subject;
    std::string body;
    NotificationStatus status = NotificationStatus::Pending;
    std::string error;                // the last failure, for the log and a retry
    int attempts = 0;
    Instant createdAt;
    std::optional<Instant> sentAt;
};

struct MailMessage {
    std::string to;
    std::string subject;
    std::string body;                 // plain text, UTF-8
};

// Sends one message or throws (domain::Error with a sentence naming the server's answer).
class Mailer {
public:
    virtual ~Mailer() = default;
    virtual void send(const MailMessage& message) = 0;
};

}  // namespace narcisse::domain
