// Sign-in for embedded mode: employees with bcrypt password hashes.
#pragma once

#include "domain/store.h"

#include <string>

namespace narcisse::app {

// Throws ValidationError("password", …) for an unknown login or a wrong password (one message for
// both), ConflictError for an inactive employee. Records the sign-in in the audit log.
domain::Employee signIn(domain::Store& store, const std::string& login, const std::string& password);

// The demo database shows its credentials on the sign-in dialog.
struct DemoCredentials {
    std::string login;
    std::string password;
};
std::optional<DemoCredentials> demoCredentials(domain::Store& store);

}  // namespace narcisse::app
