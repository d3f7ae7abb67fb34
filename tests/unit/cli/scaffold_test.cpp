// Tests for cli/scaffold: a new site builds and checks with exactly its
// placeholders; the archetypes load without errors; the next free id.
#include "cli/scaffold.h"

#include <doctest/doctest.h>

#include "../lint/lint_site.h"
#include "build/pipeline.h"

namespace herald::cli {
namespace {

constexpr Timestamp kToday = 1793491200;  // 2026-11-01

std::map<std::string, std::string> SiteFiles() {
  std::map<std::string, std::string> files;
  for (const ScaffoldFile& f : NewSiteFiles(kToday)) files[f.path] = f.text;
  return files;
}

TEST_CASE("a new site renders without errors; herald check lists only its placeholders") {
  auto files = SiteFiles();
  CHECK(files.count(".github/workflows/herald.yml") == 1);
  CHECK(files[".github/workflows/herald.yml"].find(
            "herald check --format github\n          --since origin/${{ github.base_ref }}") !=
        std::string::npos);
  CHECK(files.count("advisories/2026/EXAMPLE-SA-2026-0001.md") == 1);

  SourceOptions options;
  options.source_date_epoch = kToday;
  Diagnostics diags;
  auto loaded = LoadSiteFromTree(OpenMemoryTree(files, kToday), nullptr, options, diags);
  REQUIRE(loaded);
  Output output;
  CHECK(RenderSite(*loaded, &output, diags));
  CHECK(output.count(".well-known/csaf/white/2026/example-sa-2026-0001.json") == 1);
  CHECK(output.count("devices/example-sensor/index.html") == 1);

  std::string found = testing::Findings(files, "*", kToday);
  CHECK(found ==
        "content/pages/security-practices.md:5:1: warning: placeholder left to fill in: describe "
        "how you develop securely: threat modelling, code review, testing, how you choose and "
        "watch suppliers and third-party components, and who oversees product security; replace "
        "it and delete the TODO marker [placeholder]\n"
        "content/pages/support-policy.md:5:1: warning: placeholder left to fill in: say in plain "
        "words how long your devices receive security updates, how that period is set, announced "
        "and extended, and what happens when it ends; replace it and delete the TODO marker "
        "[placeholder]\n"
        "site.toml:4:3: warning: placeholder left to fill in: replace the example device "
        "(content/devices/example-sensor/) and notice (advisories/2026/) with your own; replace "
        "it and delete the TODO marker [placeholder]\n"
        "site.toml:6:3: warning: placeholder left to fill in: your site's name and the https:// "
        "address it will be served from; replace it and delete the TODO marker [placeholder]\n"
        "site.toml:13:3: warning: placeholder left to fill in: your organisation's registered "
        "name, postal address and general email address; replace it and delete the TODO marker "
        "[placeholder]\n"
        "site.toml:25:3: warning: placeholder left to fill in: who publishes the CSAF "
        "advisories, and your organisation's https:// origin; replace it and delete the TODO "
        "marker [placeholder]\n"
        "site.toml:31:3: warning: placeholder left to fill in: where to report a vulnerability "
        "(mailto:, https:, tel:), in order of preference; replace it and delete the TODO marker "
        "[placeholder]\n");
}

TEST_CASE("the archetypes load without errors; only their placeholders are reported") {
  auto files = testing::BaseFiles();
  files["advisories/2026/TEST-SA-2026-0002.md"] = AdvisoryArchetype("TEST-SA-2026-0002", "gw-1");
  files["advisories/2026/TEST-SA-2026-0003.md"] = AdvisoryArchetype("TEST-SA-2026-0003", "");
  files["content/devices/gw-2/index.md"] = DeviceArchetype("gw-2");
  files["content/devices/gw-2/guides/secure-setup.md"] = GuideArchetype("secure-setup");
  files["content/devices/gw-2/guides/mounting.md"] = GuideArchetype("other");
  std::string found = testing::Findings(files, "*");
  CHECK(found.find(": error: ") == std::string::npos);
  size_t warnings = 0, placeholders = 0;
  for (size_t at = found.find(": warning: "); at != std::string::npos;
       at = found.find(": warning: ", at + 1)) {
    ++warnings;
  }
  for (size_t at = found.find("[placeholder]"); at != std::string::npos;
       at = found.find("[placeholder]", at + 1)) {
    ++placeholders;
  }
  CHECK(warnings == placeholders);
  CHECK(placeholders == 6 + 4 + 5 + 2 + 2);
  CHECK(AdvisoryArchetype("X-1", "gw-1").find("status = \"draft\"") != std::string::npos);
}

TEST_CASE("NextAdvisoryId continues the newest id's numbering in the given year") {
  CHECK(NextAdvisoryId({"ACME-SA-2026-0007", "ACME-SA-2026-0002", "ACME-SA-2025-0011"}, 2026) ==
        "ACME-SA-2026-0008");
  CHECK(NextAdvisoryId({"ACME-SA-2026-0007"}, 2027) == "ACME-SA-2027-0001");
  CHECK(NextAdvisoryId({"ACME-SA-2026-0007"}, 2025) == "ACME-SA-2025-0001");
  CHECK(NextAdvisoryId({"ACME-SA-2025-0099", "ACME-SA-2026-9999"}, 2026) == "ACME-SA-2026-10000");
  CHECK(NextAdvisoryId({"OLD-2024-1", "ACME-SA-2026-003"}, 2026) == "ACME-SA-2026-004");
  CHECK(NextAdvisoryId({"NOTICE-7", "README"}, 2026) == std::nullopt);
  CHECK(NextAdvisoryId({}, 2026) == std::nullopt);
}

}  // namespace
}  // namespace herald::cli
