// bcrypt ($2b$) password hashes through libcrypt, for embedded-mode sign-in (DESIGN.md §8).
#pragma once

#include <string>

namespace narcisse::data {

// A new "$2b$" hash with a fresh random salt. Deliberately slow (cost 11).
std::string hashPassword(const std::string& plain);
// Constant-time comparison through crypt itself; false for an empty or malformed hash.
bool verifyPassword(const std::string& plain, const std::string& hash);

}  // namespace narcisse::data
