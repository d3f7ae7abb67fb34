// Tests for render/plain_text: UTF-8 repair and control-character removal.
#include "render/plain_text.h"

#include <doctest/doctest.h>

namespace herald {
namespace {

TEST_CASE("ValidUtf8 keeps valid text and replaces malformed sequences") {
  CHECK(ValidUtf8("Gr\xC3\xBC\xC3\x9F" "e \xF0\x9F\x94\x92 \xD7\xA9") == "Gr\xC3\xBC\xC3\x9F" "e \xF0\x9F\x94\x92 \xD7\xA9");
  CHECK(ValidUtf8("a\xFFz") == "a\xEF\xBF\xBDz");                 // never valid
  CHECK(ValidUtf8("a\x80z") == "a\xEF\xBF\xBDz");                 // stray continuation
  CHECK(ValidUtf8("a\xC0\xAFz") == "a\xEF\xBF\xBD\xEF\xBF\xBDz");  // overlong '/'
  CHECK(ValidUtf8("a\xED\xA0\x80z") ==                            // encoded surrogate
        "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz");
  CHECK(ValidUtf8("a\xE2\x82") == "a\xEF\xBF\xBD\xEF\xBF\xBD");    // cut short
  CHECK(ValidUtf8("\xF4\x90\x80\x80").find("\xF4") == std::string::npos);  // above U+10FFFF
}

TEST_CASE("CleanText drops what XML 1.0 forbids and normalises line ends") {
  CHECK(CleanText(std::string("a\x01" "b\x07" "c\x1F" "d\x7F" "e", 9), true) == "abcde");
  CHECK(CleanText(std::string("nul\0byte", 8), true) == "nulbyte");
  CHECK(CleanText("tab\tkept", true) == "tab\tkept");
  CHECK(CleanText("one\r\ntwo\rthree\nfour", true) == "one\ntwo\nthree\nfour");
  CHECK(CleanText("one\r\ntwo", false) == "one two");
  CHECK(CleanText("x\xEF\xBF\xBEy\xEF\xBF\xBFz", true) == "xyz");  // U+FFFE, U+FFFF
  CHECK(CleanText("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xF0\x9F\x94\x92", true) ==
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xF0\x9F\x94\x92");  // RTL and emoji stay
}

TEST_CASE("CleanLine makes one trimmed line") {
  CHECK(CleanLine("  Hub\n200 \t firmware\x01  ") == "Hub 200 firmware");
  CHECK(CleanLine("") == "");
  CHECK(CleanLine("\r\n") == "");
}

}  // namespace
}  // namespace herald
