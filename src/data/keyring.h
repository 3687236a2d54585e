// Secrets (the SMTP password, later the payment providers' keys) in the OS keyring through
// libsecret, never in a settings file or the database (DESIGN.md §5, §8).
#pragma once

#include "domain/errors.h"

#include <optional>
#include <string>
#include <string_view>

namespace narcisse::data {

// No keyring service can be reached (no session bus: CI, a headless server, a bare SSH login).
// Callers decide what to do without the secret; the sentence says why it is missing.
class KeyringUnavailable : public domain::Error {
public:
    using domain::Error::Error;
};

// Items of the schema "eu.sweet-narcisse.backoffice", keyed by a service ("smtp") and an account
// ("user@host").
class Keyring {
public:
    // The secret, or nothing when none is stored. Throws KeyringUnavailable.
    static std::optional<std::string> lookup(std::string_view service, std::string_view account);
    // Stores (or replaces) the secret; `label` is what the user's keyring manager shows.
    static void store(std::string_view service, std::string_view account, std::string_view label,
                      std::string_view secret);
    // Nothing when the keyring can be reached, else the reason it cannot.
    static std::optional<std::string> unavailableReason();
};

}  // namespace narcisse::data
