#include "data/password.h"

#include <crypt.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace narcisse::data {

namespace {
constexpr unsigned long kCost = 11;
}

std::string hashPassword(const std::string& plain) {
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn("$2b$", kCost, nullptr, 0, salt, sizeof salt))
        throw std::runtime_error("cannot create a password salt: bcrypt is not available in libcrypt");
    auto data = std::make_unique<crypt_data>();
    const char* hash = crypt_r(plain.c_str(), salt, data.get());
    if (!hash || hash[0] == '*') throw std::runtime_error("cannot hash the password");
    return hash;
}

bool verifyPassword(const std::string& plain, const std::string& hash) {
    if (hash.rfind("$2b$", 0) != 0) return false;
    auto data = std::make_unique<crypt_data>();
    const char* computed = crypt_r(plain.c_str(), hash.c_str(), data.get());
    if (!computed || computed[0] == '*') return false;
    // Compare every byte so the time does not tell how much matched.
    const std::size_t n = hash.size();
    if (std::strlen(computed) != n) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < n; ++i) diff |= static_cast<unsigned char>(computed[i] ^ hash[i]);
    return diff == 0;
}

}  // namespace narcisse::data
