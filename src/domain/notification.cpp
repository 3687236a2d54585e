#include "domain/notification.h"

namespace narcisse::domain {

std::string_view toString(NotificationStatus s) {
    switch (s) {
        case NotificationStatus::Pending: return "PENDING";
        case NotificationStatus::Sent: return "SENT";
        case NotificationStatus::Failed: return "FAILED";
    }
    return "PENDING";
}

std::optional<NotificationStatus> parseNotificationStatus(std::string_view s) {
    for (auto v : {NotificationStatus::Pending, NotificationStatus::Sent, NotificationStatus::Failed})
        if (toString(v) == s) return v;
    return std::nullopt;
}

}  // namespace narcisse::domain
