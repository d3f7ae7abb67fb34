// Tests for lint/date_rules.cpp: dates in the future, dates out of order,
// and support that ended while the page still reads as supported.
#include <doctest/doctest.h>

#include "lint_site.h"

namespace herald::testing {
namespace {

TEST_CASE("future-date: advisory dates later than now") {
  auto files = BaseFiles();
  files[kAdvisoryPath] =
      Replace(kAdvisory, "published = 2026-02-01T10:00:00Z",
              "published = 2026-02-01T10:00:00Z\nupdated = 2026-11-01T00:00:01Z");
  CHECK(Findings(files, "future-date") ==
        "advisories/2026/TEST-SA-2026-0001.md:7:11: error: 'updated' is 2026-11-01T00:00:01Z, "
        "which is in the future (the check runs at 2026-11-01T00:00:00Z); dates record what has "
        "happened [future-date]\n");
  // Exactly now is not the future.
  CHECK(Findings(files, "future-date", kNow + 1) == "");
}

TEST_CASE("future-date: revisions, withdrawals, firmware releases and support reviews") {
  auto files = BaseFiles();
  files[kAdvisoryPath] =
      Replace(kAdvisory, "+++\nDetails.",
              "[[revisions]]\ndate = 2026-12-24\nsummary = \"Later.\"\n\n"
              "[withdrawn]\ndate = 2026-12-25\nreason = \"Mistake.\"\n+++\nDetails.");
  files[kDevicePath] =
      Replace(Replace(kDevice, "released = 2026-02-01", "released = 2027-02-01"),
              "automatic_updates = true",
              "automatic_updates = true\nlast_reviewed = 2026-12-01\n"
              "history = [{ date = 2026-12-02, end_of_security_support = 2030-12-31 }]");
  CHECK(Findings(files, "future-date") ==
        "advisories/2026/TEST-SA-2026-0001.md:28:8: error: 'revisions[2].date' is "
        "2026-12-24T00:00:00Z, which is in the future (the check runs at 2026-11-01T00:00:00Z); "
        "dates record what has happened [future-date]\n"
        "advisories/2026/TEST-SA-2026-0001.md:32:8: error: 'withdrawn.date' is "
        "2026-12-25T00:00:00Z, which is in the future (the check runs at 2026-11-01T00:00:00Z); "
        "dates record what has happened [future-date]\n"
        "content/devices/gw-1/index.md:26:17: error: 'support.last_reviewed' is "
        "2026-12-01T00:00:00Z, which is in the future (the check runs at 2026-11-01T00:00:00Z); "
        "dates record what has happened [future-date]\n"
        "content/devices/gw-1/index.md:27:21: error: 'support.history[1].date' is "
        "2026-12-02T00:00:00Z, which is in the future (the check runs at 2026-11-01T00:00:00Z); "
        "dates record what has happened [future-date]\n"
        "content/devices/gw-1/index.md:35:12: error: the release date of firmware 1.0.1 is "
        "2027-02-01T00:00:00Z, which is in the future (the check runs at 2026-11-01T00:00:00Z); "
        "dates record what has happened [future-date]\n");
}

TEST_CASE("date-order: 'updated' before 'published' or before the last revision") {
  auto files = BaseFiles();
  files[kAdvisoryPath] =
      Replace(kAdvisory, "published = 2026-02-01T10:00:00Z",
              "published = 2026-02-01T10:00:00Z\nupdated = 2026-02-01T09:59:59Z");
  CHECK(Findings(files, "date-order") ==
        "advisories/2026/TEST-SA-2026-0001.md:7:11: error: 'updated' (2026-02-01T09:59:59Z) is "
        "before 'published' (2026-02-01T10:00:00Z); an advisory cannot change before it is "
        "published [date-order]\n");
  files[kAdvisoryPath] = Replace(
      Replace(kAdvisory, "published = 2026-02-01T10:00:00Z",
              "published = 2026-02-01T10:00:00Z\nupdated = \"2026-02-02\""),
      "+++\nDetails.", "[[revisions]]\ndate = 2026-03-01\nsummary = \"Fix out.\"\n+++\nDetails.");
  CHECK(Findings(files, "date-order") ==
        "advisories/2026/TEST-SA-2026-0001.md:7:11: error: 'updated' (2026-02-02T00:00:00Z) is "
        "before the last revision (2026-03-01T00:00:00Z); set it to that date or later, or leave "
        "it out (it defaults to the last revision) [date-order]\n");
}

TEST_CASE("date-order: a withdrawal before publication") {
  auto files = BaseFiles();
  files[kAdvisoryPath] =
      Replace(kAdvisory, "+++\nDetails.",
              "[withdrawn]\ndate = 2026-01-31\nreason = \"Mistake.\"\n+++\nDetails.");
  CHECK(Findings(files, "date-order") ==
        "advisories/2026/TEST-SA-2026-0001.md:28:8: error: 'withdrawn.date' (2026-01-31T00:00:00Z) "
        "is before 'published' (2026-02-01T10:00:00Z) [date-order]\n");
}

TEST_CASE("support-ended: support over, terms last reviewed while it lasted") {
  auto files = BaseFiles();
  std::string ended = Replace(kDevice, "end_of_security_support = 2030-12-31",
                              "end_of_security_support = 2026-06-30");
  files[kDevicePath] = Replace(ended, "automatic_updates = true",
                               "automatic_updates = true\nlast_reviewed = 2026-06-30");
  CHECK(Findings(files, "support-ended") ==
        "content/devices/gw-1/index.md:23:27: error: security support ended on 2026-06-30, but its "
        "support terms were last reviewed on 2026-06-30, while the device was still supported; "
        "make sure 'support.summary' and the page say that support has ended, then update "
        "'support.last_reviewed' [support-ended]\n");
  // Reviewed after the end: fine. Still the last day of support: fine.
  files[kDevicePath] = Replace(ended, "automatic_updates = true",
                               "automatic_updates = true\nlast_reviewed = 2026-07-01");
  CHECK(Findings(files, "support-ended") == "");
  files[kDevicePath] = Replace(ended, "automatic_updates = true",
                               "automatic_updates = true\nlast_reviewed = 2026-01-01");
  CHECK(Findings(files, "support-ended", 1782863999) == "");  // 2026-06-30T23:59:59Z
}

TEST_CASE("support-ended: without last_reviewed, the file's last change counts") {
  auto files = BaseFiles();
  files[kDevicePath] = Replace(kDevice, "end_of_security_support = 2030-12-31",
                               "end_of_security_support = 2026-06-30");
  // The in-memory tree dates every file at kNow: changed after the end, so fine.
  CHECK(Findings(files, "support-ended") == "");
  SourceOptions options;
  options.source_date_epoch = kNow;
  Diagnostics diags;
  // Files dated 2026-05-01 in a tree checked on kNow.
  auto loaded = LoadSiteFromTree(OpenMemoryTree(files, 1777593600), nullptr, options, diags);
  REQUIRE(loaded);
  CheckLoadedSite(*loaded, kNow, diags);
  std::string out;
  for (const Diagnostic& d : diags.Sorted()) {
    if (d.check == "support-ended") out += FormatDiagnostic(d) + "\n";
  }
  CHECK(out ==
        "content/devices/gw-1/index.md:23:27: error: security support ended on 2026-06-30, but "
        "content/devices/gw-1/index.md was last changed on 2026-05-01, while the device was still "
        "supported; make sure 'support.summary' and the page say that support has ended, then set "
        "'support.last_reviewed' [support-ended]\n");
}

}  // namespace
}  // namespace herald::testing
