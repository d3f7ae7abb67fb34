// Random byte strings for comparing herald's text writers with the libraries
// they stand in for: with `any_bytes`, every byte value (invalid UTF-8
// included); otherwise ASCII only.
#pragma once

#include <random>
#include <string>

namespace herald::testing {

inline std::string RandomText(std::mt19937& random, int max_length, bool any_bytes) {
  std::uniform_int_distribution<int> byte(0, 255), length(0, max_length);
  std::string s;
  for (int i = length(random); i > 0; --i) {
    int b = byte(random);
    s += static_cast<char>(b < 128 || any_bytes ? b : 'a' + b % 26);
  }
  return s;
}

}  // namespace herald::testing
