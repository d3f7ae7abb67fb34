// Tests for SHA-256/512 (src/base/digest.h), with the FIPS 180-2 "abc" and
// empty-message test vectors.
#include <doctest/doctest.h>

#include "base/digest.h"

namespace herald {
namespace {

TEST_CASE("SHA-256 and SHA-512 match the published test vectors") {
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha512Hex("abc") ==
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
}

}  // namespace
}  // namespace herald
