// domain::Mailer over SMTP with Poco::Net: STARTTLS whenever the server offers it, AUTH LOGIN when
// a password is known, UTF-8 subject (RFC 2047) and quoted-printable body from Poco's MailMessage.
#pragma once

#include "domain/errors.h"
#include "domain/notification.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace narcisse::data {

// The mail server could not be reached or refused the message; what() names the server and its
// answer ("… refused the message: Recipient rejected: 550 5.1.1 <x@y>: no such user").
class MailError : public domain::Error {
public:
    using domain::Error::Error;
};

struct SmtpSettings {
    std::string host;                      // empty: no mail server set up
    std::uint16_t port = 587;
    std::string from;                      // the envelope sender and From address
    std::string fromName = "Sweet Narcisse";
    std::string user;                      // empty: no AUTH
    std::optional<std::string> password;   // from the keyring; empty: no AUTH
    std::chrono::seconds timeout{20};
    // A PEM file of certificates trusted in addition to the system's authorities (a private mail
    // server's own CA, or a test's); empty: the system's alone. Verification always stays on.
    std::string caFile;
};

class SmtpMailer final : public domain::Mailer {
public:
    explicit SmtpMailer(SmtpSettings settings);
    // One connection per message: sends are rare (closures) and a long-lived session would time out.
    void send(const domain::MailMessage& message) override;
    const SmtpSettings& settings() const { return m_settings; }

private:
    SmtpSettings m_settings;
};

}  // namespace narcisse::data
