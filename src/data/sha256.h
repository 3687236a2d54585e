// SHA-256 for the hash chains of the cash-register records (Poco's SHA2Engine).
#pragma once

#include <string>
#include <string_view>

namespace narcisse::data {

std::string sha256Hex(std::string_view bytes);   // 64 lowercase hex digits

}  // namespace narcisse::data
