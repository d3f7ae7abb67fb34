// Tests for load/front_matter: splitting "+++ TOML +++ Markdown".
#include "load/front_matter.h"

#include <doctest/doctest.h>

#include <string>

namespace herald {
namespace {

constexpr char kMissingOpen[] =
    "a.md:1:1: error: missing front matter: the file must start with a '+++' line, then TOML, "
    "then a closing '+++' line";
constexpr char kNotClosed[] =
    "a.md:1:1: error: front matter is not closed: expected a '+++' line after the TOML";

std::string OnlyMessage(const Diagnostics& diags) {
  auto sorted = diags.Sorted();
  REQUIRE(sorted.size() == 1);
  return FormatDiagnostic(sorted[0]);
}

TEST_CASE("SplitFrontMatter splits TOML and body and counts lines") {
  Diagnostics diags;
  std::string text = "+++\ntitle = \"T\"\nrole = \"other\"\n+++\n# Body\n\nText\n";
  auto fm = SplitFrontMatter(text, "a.md", diags);
  REQUIRE(fm.has_value());
  CHECK(diags.Sorted().empty());
  CHECK(fm->toml == "title = \"T\"\nrole = \"other\"\n");
  CHECK(fm->toml_line_offset == 1);  // the TOML starts on line 2
  CHECK(fm->body == "# Body\n\nText\n");
  CHECK(fm->body_line_offset == 4);  // the body starts on line 5
  // The views point into the caller's text.
  CHECK(fm->toml.data() == text.data() + 4);
}

TEST_CASE("SplitFrontMatter edge cases that succeed") {
  Diagnostics diags;
  SUBCASE("empty front matter and empty body") {
    auto fm = SplitFrontMatter("+++\n+++\n", "a.md", diags);
    REQUIRE(fm.has_value());
    CHECK(fm->toml.empty());
    CHECK(fm->body.empty());
    CHECK(fm->body_line_offset == 2);
  }
  SUBCASE("closing fence at the end of the file without a newline") {
    auto fm = SplitFrontMatter("+++\na = 1\n+++", "a.md", diags);
    REQUIRE(fm.has_value());
    CHECK(fm->toml == "a = 1\n");
    CHECK(fm->body.empty());
    CHECK(fm->body_line_offset == 3);
  }
  SUBCASE("fences may carry trailing spaces and tabs") {
    auto fm = SplitFrontMatter("+++ \t\na = 1\n+++  \nbody", "a.md", diags);
    REQUIRE(fm.has_value());
    CHECK(fm->toml == "a = 1\n");
    CHECK(fm->body == "body");
  }
  SUBCASE("a UTF-8 byte order mark is skipped") {
    auto fm = SplitFrontMatter("\xEF\xBB\xBF+++\na = 1\n+++\nbody\n", "a.md", diags);
    REQUIRE(fm.has_value());
    CHECK(fm->toml == "a = 1\n");
    CHECK(fm->toml_line_offset == 1);
    CHECK(fm->body == "body\n");
    CHECK(fm->body_line_offset == 3);
  }
  SUBCASE("CRLF line ends") {
    auto fm = SplitFrontMatter("+++\r\na = 1\r\nb = 2\r\n+++\r\nbody\r\nmore\r\n", "a.md", diags);
    REQUIRE(fm.has_value());
    CHECK(fm->toml == "a = 1\r\nb = 2\r\n");
    CHECK(fm->body == "body\r\nmore\r\n");
    CHECK(fm->body_line_offset == 4);
  }
  SUBCASE("only the first closing fence ends the front matter") {
    auto fm = SplitFrontMatter("+++\na = 1\n+++\nx\n+++\ny\n", "a.md", diags);
    REQUIRE(fm.has_value());
    CHECK(fm->toml == "a = 1\n");
    CHECK(fm->body == "x\n+++\ny\n");
  }
  SUBCASE("a '+++' inside a TOML line is not a fence") {
    auto fm = SplitFrontMatter("+++\na = \"+++\"\n+++\n", "a.md", diags);
    REQUIRE(fm.has_value());
    CHECK(fm->toml == "a = \"+++\"\n");
  }
  CHECK(diags.Sorted().empty());
}

TEST_CASE("SplitFrontMatter reports a missing opening fence") {
  const char* texts[] = {
      "",                          // empty file
      "title = \"T\"\n",           // no fences at all
      "---\ntitle = \"T\"\n---\n",  // YAML-style fences
      "++++\na = 1\n++++\n",       // four pluses
      " +++\na = 1\n+++\n",        // indented fence
      "\n+++\na = 1\n+++\n",       // blank line first
      "+++",                       // a lone fence without a newline
  };
  for (const char* text : texts) {
    CAPTURE(text);
    Diagnostics diags;
    CHECK_FALSE(SplitFrontMatter(text, "a.md", diags).has_value());
    CHECK(OnlyMessage(diags) == kMissingOpen);
  }
}

TEST_CASE("SplitFrontMatter reports a missing closing fence") {
  const char* texts[] = {
      "+++\n",
      "+++\ntitle = \"T\"\n",
      "+++\ntitle = \"T\"\n# Body without a fence\n",
      "+++\ntitle = \"T\"\n++++\n",
      "+++\r\ntitle = \"T\"\r\n",
  };
  for (const char* text : texts) {
    CAPTURE(text);
    Diagnostics diags;
    CHECK_FALSE(SplitFrontMatter(text, "a.md", diags).has_value());
    CHECK(OnlyMessage(diags) == kNotClosed);
  }
}

}  // namespace
}  // namespace herald
