// Sign-in for embedded mode: employees with bcrypt password hashes.
#pragma once

#include "domain/store.h"

#include <string>

namespace narcisse::app {

// Throws ValidationError("password", …) for an unknown login or a wrong password (one message for
// both), ConflictError for an inactive employee. Records the sign-in in the audit log and the event journal.
domain::Employee signIn(domain::Store& store, const std::string& login, const std::string& password);

// Records the end of a session (audit and the technical event journal): the main window calls it
// when it closes.
void signOut(domain::Store& store, const domain::Clock& clock, const domain::Employee& employee);

// The demo database shows its credentials on the sign-in dialog.
struct DemoCredentials {
    std::string login;
    std::string password;
};
std::optional<DemoCredentials> demoCredentials(domain::Store& store);

}  // namespace narcisse::app
