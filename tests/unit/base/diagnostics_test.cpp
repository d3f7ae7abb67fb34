// Tests for base/diagnostics: the sink, its order and the printed form.
#include "base/diagnostics.h"

#include <doctest/doctest.h>

#include <thread>
#include <vector>

namespace herald {
namespace {

std::vector<std::string> Formatted(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.Sorted()) out.push_back(FormatDiagnostic(d));
  return out;
}

TEST_CASE("FormatDiagnostic prints path:line:col: severity: message [check]") {
  Diagnostic d{Severity::kError, {"advisories/2026/X.md", 7, 10}, "bad value", ""};
  CHECK(FormatDiagnostic(d) == "advisories/2026/X.md:7:10: error: bad value");

  d.check = "cve-syntax";
  CHECK(FormatDiagnostic(d) == "advisories/2026/X.md:7:10: error: bad value [cve-syntax]");

  d.check.clear();
  d.severity = Severity::kWarning;
  CHECK(FormatDiagnostic(d) == "advisories/2026/X.md:7:10: warning: bad value");
  d.severity = Severity::kNote;
  CHECK(FormatDiagnostic(d) == "advisories/2026/X.md:7:10: note: bad value");
}

TEST_CASE("FormatDiagnostic leaves out unknown positions") {
  SUBCASE("line without column") {
    Diagnostic d{Severity::kError, {"site.toml", 3, 0}, "m", ""};
    CHECK(FormatDiagnostic(d) == "site.toml:3: error: m");
  }
  SUBCASE("no line: the column is not printed either") {
    Diagnostic d{Severity::kError, {"site.toml", 0, 5}, "m", ""};
    CHECK(FormatDiagnostic(d) == "site.toml: error: m");
  }
  SUBCASE("no path: the program name stands in") {
    Diagnostic d{Severity::kError, {}, "cannot write public/", ""};
    CHECK(FormatDiagnostic(d) == "herald: error: cannot write public/");
    d.severity = Severity::kWarning;
    d.check = "io";
    CHECK(FormatDiagnostic(d) == "herald: warning: cannot write public/ [io]");
  }
}

TEST_CASE("Diagnostics counts errors and warnings") {
  Diagnostics diags;
  CHECK_FALSE(diags.HasErrors());
  CHECK(diags.ErrorCount() == 0);
  CHECK(diags.WarningCount() == 0);

  diags.Warning({"a.md", 1, 1}, "w1");
  CHECK_FALSE(diags.HasErrors());
  CHECK(diags.WarningCount() == 1);

  diags.Error({"a.md", 2, 1}, "e1");
  diags.Error({"b.md", 2, 1}, "e2", "check-name");
  diags.Add({Severity::kNote, {"c.md", 1, 1}, "n1", ""});
  CHECK(diags.HasErrors());
  CHECK(diags.ErrorCount() == 2);
  CHECK(diags.WarningCount() == 1);
  CHECK(diags.Sorted().size() == 4);
  CHECK(diags.Sorted()[2].check == "check-name");
}

TEST_CASE("Sorted orders by path, then line, column and message") {
  Diagnostics diags;
  diags.Error({"b.md", 1, 1}, "b first");
  diags.Error({"a.md", 10, 1}, "a line 10");
  diags.Error({"a.md", 2, 9}, "a 2:9");
  diags.Error({"a.md", 2, 3}, "z message at 2:3");
  diags.Error({"a.md", 2, 3}, "a message at 2:3");
  diags.Error({"", 0, 0}, "no file");
  diags.Warning({"a.md", 1, 0}, "a line 1");
  CHECK(Formatted(diags) == std::vector<std::string>{
                                "herald: error: no file",
                                "a.md:1: warning: a line 1",
                                "a.md:2:3: error: a message at 2:3",
                                "a.md:2:3: error: z message at 2:3",
                                "a.md:2:9: error: a 2:9",
                                "a.md:10:1: error: a line 10",  // numeric, not text order
                                "b.md:1:1: error: b first",
                            });
}

TEST_CASE("Sorted drops exact duplicates") {
  Diagnostics diags;
  diags.Error({"a.md", 3, 4}, "same");
  diags.Error({"b.md", 1, 1}, "other");
  diags.Error({"a.md", 3, 4}, "same");
  diags.Error({"a.md", 3, 4}, "same");
  CHECK(Formatted(diags) ==
        std::vector<std::string>{"a.md:3:4: error: same", "b.md:1:1: error: other"});

  SUBCASE("a different severity at the same place is kept") {
    diags.Warning({"a.md", 3, 4}, "same");
    CHECK(diags.Sorted().size() == 3);
  }
  SUBCASE("the same message elsewhere is kept") {
    diags.Error({"a.md", 3, 5}, "same");
    CHECK(diags.Sorted().size() == 3);
  }
}

// Duplicates are dropped even when a diagnostic of another severity sits at
// the same position.
TEST_CASE("Sorted drops duplicates even when another severity sits between them") {
  Diagnostics diags;
  diags.Error({"a.md", 1, 1}, "m");
  diags.Warning({"a.md", 1, 1}, "m");
  diags.Error({"a.md", 1, 1}, "m");
  auto sorted = diags.Sorted();
  CHECK(sorted.size() == 2);
}

// The summary line ("herald check: N errors") counts what is printed: the
// de-duplicated list.
TEST_CASE("ErrorCount agrees with the de-duplicated list") {
  Diagnostics diags;
  diags.Error({"a.md", 1, 1}, "m");
  diags.Error({"a.md", 1, 1}, "m");
  CHECK(diags.Sorted().size() == 1);
  CHECK(diags.ErrorCount() == 1);
}

TEST_CASE("Diagnostics accepts reports from several threads") {
  Diagnostics diags;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&diags, t] {
      for (int i = 0; i < 100; ++i) {
        diags.Error({"f" + std::to_string(t) + ".md", i + 1, 1}, "m");
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(diags.ErrorCount() == 400);
  CHECK(diags.Sorted().size() == 400);
}

}  // namespace
}  // namespace herald
