// Tests for lint/check.cpp: the pull-request filter of --since, and that
// every rule in the table has a name, a summary and a distinct name.
#include "lint/check.h"

#include <doctest/doctest.h>

#include <set>

#include "lint/lint.h"

namespace herald {
namespace {

Diagnostic D(const std::string& path, int line, const std::string& message) {
  return {Severity::kError, {path, line, 1}, message, "broken-link"};
}

TEST_CASE("KeepIntroduced keeps changed files, file-less findings and new findings elsewhere") {
  std::vector<Diagnostic> before = {D("advisories/2025/A.md", 3, "old problem"),
                                    D("advisories/2026/B.md", 9, "old problem in B")};
  std::vector<Diagnostic> now = {
      D("advisories/2025/A.md", 3, "old problem"),         // untouched file, already there
      D("advisories/2025/A.md", 7, "device 'x' is gone"),  // untouched file, new: reported
      D("advisories/2026/B.md", 9, "old problem in B"),    // changed file: always reported
      {Severity::kError, {}, "cannot read the site", ""},  // no file: always reported
  };
  size_t hidden = 99;
  auto kept = KeepIntroduced(now, before, {"advisories/2026/B.md"}, &hidden);
  REQUIRE(kept.size() == 3);
  CHECK(kept[0].where.line == 7);
  CHECK(kept[1].where.path == "advisories/2026/B.md");
  CHECK(kept[2].where.path.empty());
  CHECK(hidden == 1);
}

TEST_CASE("KeepIntroduced: a changed message in an untouched file is new") {
  std::vector<Diagnostic> before = {D("a.md", 3, "one")};
  std::vector<Diagnostic> now = {D("a.md", 3, "two")};
  size_t hidden = 0;
  CHECK(KeepIntroduced(now, before, {}, &hidden).size() == 1);
  CHECK(hidden == 0);
}

TEST_CASE("every check has a unique kebab-case name and a summary") {
  std::set<std::string> names;
  for (const LintRule& rule : LintRules()) {
    std::string name = rule.name;
    CAPTURE(name);
    CHECK(names.insert(name).second);
    CHECK(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string::npos);
    CHECK(std::string(rule.summary).size() > 10);
  }
  CHECK(names.size() == 26);
}

}  // namespace
}  // namespace herald
