// Digests: SHA-256 and SHA-512 of bytes, as lower-case hex, for the CSAF
// provider's .sha256/.sha512 files. The only OpenSSL includer.
#pragma once

#include <string>
#include <string_view>

namespace herald {

std::string Sha256Hex(std::string_view bytes);
std::string Sha512Hex(std::string_view bytes);

}  // namespace herald
