// FindInvalidUtf8 against nlohmann-json's own UTF-8 check, at every offset the
// eight-byte fast path can start from.
#include "base/utf8.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>

namespace herald {
namespace {

bool LibraryAccepts(const std::string& s) {
  if (s.find('\0') != std::string::npos) return false;  // valid UTF-8, but never text for herald
  try {
    (void)nlohmann::json(s).dump();
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

TEST_CASE("FindInvalidUtf8 agrees with nlohmann-json and points at the first bad byte") {
  const std::string pieces[] = {"a",        "plain ascii text", "\n\t",     std::string("\0", 1),
                                "\xC3\xA4", "\xE2\x82\xAC",     "\xF0\x9D\x84\x9E", "\xC3",
                                "\xC0\xAF", "\xED\xA0\x80",     "\xF4\x90\x80\x80", "\xFF",
                                "\x80",     "\xE2\x82",         "\x7F"};
  std::mt19937 random(7);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (int k = static_cast<int>(random() % 8); k > 0; --k) s += pieces[random() % std::size(pieces)];
    CAPTURE(s);
    size_t bad = FindInvalidUtf8(s);
    CHECK((bad == std::string::npos) == LibraryAccepts(s));
    if (bad != std::string::npos) {
      CHECK(LibraryAccepts(s.substr(0, bad)));
      CHECK(bad < s.size());
    }
  }
}

TEST_CASE("FindInvalidUtf8 finds a bad byte at any position in long ASCII runs") {
  for (size_t at = 0; at < 40; ++at) {
    for (char bad : {'\0', '\xFF', '\x80'}) {
      std::string s(40, 'x');
      s[at] = bad;
      CHECK(FindInvalidUtf8(s) == at);
    }
  }
  CHECK(FindInvalidUtf8(std::string(41, 'x')) == std::string::npos);
}

}  // namespace
}  // namespace herald
