// Tests for lint/report.cpp: the three output formats of `herald check`.
#include "lint/report.h"

#include <doctest/doctest.h>

namespace herald {
namespace {

std::vector<Diagnostic> Sample() {
  return {
      {Severity::kError, {"advisories/2026/A.md", 6, 13}, "'published' is late", "future-date"},
      {Severity::kWarning, {"site.toml", 3, 1}, "50% done, a: b\nnext line", "cve-duplicate"},
      {Severity::kError, {}, "no site.toml in 'x'", ""},
  };
}

TEST_CASE("ParseReportFormat knows text, github and json") {
  ReportFormat f = ReportFormat::kText;
  CHECK(ParseReportFormat("github", &f));
  CHECK(f == ReportFormat::kGithub);
  CHECK(ParseReportFormat("json", &f));
  CHECK(f == ReportFormat::kJson);
  CHECK(ParseReportFormat("text", &f));
  CHECK(f == ReportFormat::kText);
  CHECK_FALSE(ParseReportFormat("sarif", &f));
}

TEST_CASE("text: one finding per line, then the summary") {
  CHECK(FormatReport(Sample(), 0, ReportFormat::kText) ==
        "advisories/2026/A.md:6:13: error: 'published' is late [future-date]\n"
        "site.toml:3:1: warning: 50% done, a: b\nnext line [cve-duplicate]\n"
        "herald: error: no site.toml in 'x'\n"
        "herald check: 2 errors, 1 warning\n");
  CHECK(FormatReport({}, 0, ReportFormat::kText) == "herald check: 0 errors, 0 warnings\n");
  CHECK(FormatReport({}, 3, ReportFormat::kText) ==
        "herald check: 0 errors, 0 warnings; 3 in unchanged files not shown\n");
}

TEST_CASE("github: workflow commands with escaped properties and data") {
  CHECK(FormatReport(Sample(), 1, ReportFormat::kGithub) ==
        "::error file=advisories/2026/A.md,line=6,col=13,title=future-date::'published' is late\n"
        "::warning file=site.toml,line=3,col=1,title=cve-duplicate::50%25 done, a: b%0Anext line\n"
        "::error title=herald::no site.toml in 'x'\n"
        "herald check: 2 errors, 1 warning; 1 in unchanged files not shown\n");
  std::vector<Diagnostic> odd = {{Severity::kError, {"a,b:c.md", 1, 0}, "m", "x"}};
  CHECK(FormatReport(odd, 0, ReportFormat::kGithub) ==
        "::error file=a%2Cb%3Ac.md,line=1,title=x::m\nherald check: 1 error, 0 warnings\n");
}

TEST_CASE("json: counts and findings with every field, in order") {
  CHECK(FormatReport({Sample()[0]}, 2, ReportFormat::kJson) ==
        "{\n"
        "  \"errors\": 1,\n"
        "  \"warnings\": 0,\n"
        "  \"hidden\": 2,\n"
        "  \"findings\": [\n"
        "    {\n"
        "      \"path\": \"advisories/2026/A.md\",\n"
        "      \"line\": 6,\n"
        "      \"column\": 13,\n"
        "      \"severity\": \"error\",\n"
        "      \"check\": \"future-date\",\n"
        "      \"message\": \"'published' is late\"\n"
        "    }\n"
        "  ]\n"
        "}\n");
  CHECK(FormatReport({}, 0, ReportFormat::kJson) ==
        "{\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"hidden\": 0,\n  \"findings\": []\n}\n");
}

TEST_CASE("json: invalid UTF-8 in a message does not throw") {
  std::vector<Diagnostic> bad = {{Severity::kError, {"caf\xE9.md", 1, 1}, "bad \xFF byte", ""}};
  std::string out = FormatReport(bad, 0, ReportFormat::kJson);
  CHECK(out.find("\"path\": \"caf\xEF\xBF\xBD.md\"") != std::string::npos);
  CHECK(out.find("bad \xEF\xBF\xBD byte") != std::string::npos);
}

}  // namespace
}  // namespace herald
