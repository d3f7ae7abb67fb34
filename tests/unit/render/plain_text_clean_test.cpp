// IsCleanText must say yes exactly when CleanText would change nothing.
#include "render/plain_text.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

namespace herald {
namespace {

TEST_CASE("IsCleanText agrees with CleanText") {
  for (const std::string& s : {std::string(""), std::string("<p>plain</p>\n\tx"), std::string("ä € 𝄞"),
                               std::string("cr\r\n"), std::string("nul\0", 4), std::string("del\x7f"),
                               std::string("\xEF\xBF\xBE"), std::string("\xEF\xBF\xBF"),
                               std::string("\xEF\xBF\xBD ok"), std::string("bad \xC3"),
                               std::string("\xED\xA0\x80"), std::string("\x1b[0m")}) {
    CAPTURE(s);
    CHECK(IsCleanText(s) == (CleanText(s, true) == s));
  }
  std::mt19937 random(42);
  for (int n = 0; n < 5000; ++n) {
    std::string s;
    for (int i = static_cast<int>(random() % 24); i > 0; --i) {
      unsigned b = random() % 256;
      s += static_cast<char>(n % 3 ? (b < 128 ? b : 'a' + b % 26) : b);
    }
    CAPTURE(s);
    CHECK(IsCleanText(s) == (CleanText(s, true) == s));
  }
}

TEST_CASE("IsCleanText sees one unclean byte anywhere in a long run") {
  for (size_t at = 0; at < 40; ++at) {
    for (const std::string& bad : {std::string("\r"), std::string("\x7f"), std::string("\x01"),
                                   std::string("\xEF\xBF\xBF"), std::string("\xC3")}) {
      std::string s(40, 'x');
      s.replace(at, 1, bad);
      CAPTURE(s);
      CHECK_FALSE(IsCleanText(s));
    }
    std::string fine(40, 'x');
    fine.replace(at, 1, "\xC3\xA4");
    CHECK(IsCleanText(fine));
  }
}

}  // namespace
}  // namespace herald
