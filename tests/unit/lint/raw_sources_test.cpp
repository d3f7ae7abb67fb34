// Tests for lint/raw_sources.cpp: positions from the files as written.
#include "lint/raw_sources.h"

#include <doctest/doctest.h>

namespace herald {
namespace {

TEST_CASE("RawSources reads front matter, lines and array items, CRLF included") {
  auto tree = OpenMemoryTree({
      {"a.md",
       "+++\r\nid = \"A\"\r\n[[revisions]]\r\ndate = 2026-01-01\r\n[[revisions]]\r\n"
       "date = 2026-02-01\r\n+++\r\nBody [x](/y/)\r\n"},
      {"site.toml", "[site]\ntitle = \"T\"\n"},
      {"broken.md", "+++\nid = \n+++\n"},
  });
  RawSources raw(*tree);
  REQUIRE(raw.Toml("a.md") != nullptr);
  CHECK(raw.Line("a.md", 8) == "Body [x](/y/)");
  CHECK(raw.Line("a.md", 99) == "");
  const TomlValue* second = raw.TableItem("a.md", "revisions", 1);
  REQUIRE(second != nullptr);
  SourceLocation at = RawSources::ValueAt("a.md", second, "date", {"a.md", 1, 1});
  CHECK(at.line == 6);
  CHECK(at.column == 8);
  CHECK(raw.TableItem("a.md", "revisions", 2) == nullptr);
  CHECK(RawSources::ValueAt("a.md", second, "nope", {"a.md", 5, 1}).line == 5);
  SourceLocation link = raw.Find("a.md", 7, 1, "/y/");
  CHECK(link.line == 8);
  CHECK(link.column == 10);
  CHECK(raw.Find("a.md", 7, 1, "/zzz/").column == 1);
  CHECK(raw.Toml("site.toml")->Find("site") != nullptr);
  CHECK(raw.Toml("broken.md") == nullptr);
  CHECK(raw.Toml("missing.md") == nullptr);
}

}  // namespace
}  // namespace herald
