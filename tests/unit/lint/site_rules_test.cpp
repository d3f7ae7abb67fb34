// Tests for lint/site_rules.cpp: placeholders, and security.txt's Expires.
#include <doctest/doctest.h>

#include "lint_site.h"

namespace herald {
namespace {

using testing::BaseFiles;
using testing::Findings;
using testing::kNow;

constexpr Timestamp kDay = 86400;

TEST_CASE("placeholder: a TODO word in site.toml or any content file, with what it asks for") {
  auto files = BaseFiles();
  files["site.toml"] += "# TODO: the address of your PSIRT\n";
  files["content/pages/policy.md"] =
      "+++\ntitle = \"TODO: a title\"\nrole = \"other\"\n+++\nSee the table.\n\n"
      "- [ ] TODO\n- TODOS and todo and MY_TODO are words of their own.\n";
  CHECK(Findings(files, "placeholder") ==
        "content/pages/policy.md:2:10: warning: placeholder left to fill in: a title; replace it "
        "and delete the TODO marker [placeholder]\n"
        "content/pages/policy.md:7:7: warning: placeholder left to fill in; replace it and delete "
        "the TODO marker [placeholder]\n"
        "site.toml:16:3: warning: placeholder left to fill in: the address of your PSIRT; replace "
        "it and delete the TODO marker [placeholder]\n");
  CHECK(Findings(BaseFiles(), "placeholder").empty());
}

// The build time is SOURCE_DATE_EPOCH (or the commit time); the check's
// "now" may be later, when an old commit is built today.
std::string Expiry(int expires_days, Timestamp build_time, Timestamp now) {
  auto files = BaseFiles();
  files["site.toml"] += "\n[security_txt]\nexpires_days = " + std::to_string(expires_days) + "\n";
  SourceOptions options;
  options.source_date_epoch = build_time;
  Diagnostics diags;
  auto loaded = LoadSiteFromTree(OpenMemoryTree(std::move(files), build_time), nullptr, options,
                                 diags);
  REQUIRE(loaded);
  CheckLoadedSite(*loaded, now, diags);
  std::string out;
  for (const Diagnostic& d : diags.Sorted()) {
    if (d.check == "security-txt-expires") out += FormatDiagnostic(d) + "\n";
  }
  return out;
}

TEST_CASE("security-txt-expires: within 30 days of the check a warning, lapsed an error") {
  CHECK(Expiry(180, kNow, kNow).empty());
  CHECK(Expiry(30, kNow, kNow).empty());  // exactly 30 days: fine
  CHECK(Expiry(29, kNow, kNow) ==
        "site.toml:18:16: warning: security.txt would expire on 2026-11-30T00:00:00Z, within 30 "
        "days of the check (2026-11-01T00:00:00Z); Expires is the build time, "
        "2026-11-01T00:00:00Z (SOURCE_DATE_EPOCH, else the commit time), plus "
        "security_txt.expires_days = 29: publish a fresh build before then, or raise "
        "expires_days [security-txt-expires]\n");
  // An old commit built today.
  CHECK(Expiry(180, kNow - 200 * kDay, kNow) ==
        "site.toml:18:16: error: security.txt would be published already expired (Expires: "
        "2026-10-12T00:00:00Z, the check runs at 2026-11-01T00:00:00Z), and RFC 9116 clients "
        "ignore an expired file; Expires is the build time, 2026-04-15T00:00:00Z "
        "(SOURCE_DATE_EPOCH, else the commit time), plus security_txt.expires_days = 180: build "
        "from a newer commit, or set SOURCE_DATE_EPOCH to the time of publication "
        "[security-txt-expires]\n");
}

}  // namespace
}  // namespace herald
