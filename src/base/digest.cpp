#include "base/digest.h"

#include <openssl/evp.h>

namespace herald {
namespace {

std::string DigestHex(const EVP_MD* md, std::string_view bytes) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), out, &size, md, nullptr) != 1) return "";
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[out[i] >> 4];
    hex += kHex[out[i] & 0xf];
  }
  return hex;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) { return DigestHex(EVP_sha256(), bytes); }
std::string Sha512Hex(std::string_view bytes) { return DigestHex(EVP_sha512(), bytes); }

}  // namespace herald
