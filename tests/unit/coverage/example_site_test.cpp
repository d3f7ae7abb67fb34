// The example site's coverage: hub-200 documents everything the baseline asks
// (100%), cam-100 deliberately leaves the customer guides out, and its report
// is asserted item by item.
#include <doctest/doctest.h>

#include "build/load_site.h"
#include "coverage/coverage.h"

namespace herald {
namespace {

constexpr Timestamp kNow = 1793491200;  // 2026-11-01T00:00:00Z

const Site& ExampleSite() {
  static const LoadedSite kLoaded = [] {
    SourceOptions options;
    options.site_dir = HERALD_SOURCE_DIR;
    options.source_date_epoch = kNow;
    Diagnostics diags;
    auto loaded = LoadSite(options, diags);
    REQUIRE(loaded);
    REQUIRE_MESSAGE(!diags.HasErrors(), "the example site has build errors");
    return std::move(*loaded);
  }();
  return kLoaded.site;
}

/// "ID status: reason" for every item that is not plainly covered.
std::string Open(const CoverageReport& r) {
  std::string out;
  for (const ItemResult& x : r.results) {
    if (x.status == CoverageStatus::kCovered) continue;
    out += x.item->id + " " + CoverageStatusName(x.status) + ": " + x.reason + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("coverage: example hub-200 is fully covered") {
  const Site& site = ExampleSite();
  CoverageReport r = EvaluateDevice(site, *site.FindDevice("hub-200"), BuiltinBaseline());
  CHECK(r.results.size() == 148);  // sold to consumers in the EU, UK and US, with a Cyber Trust Mark
  CHECK(r.missing == 0);
  CHECK(r.Percent() == 100);
  CHECK(Open(r) ==
        "DIS-5 review: needs human review\n"
        "DIS-9 review: needs human review\n"
        "DIS-11 review: needs human review\n"
        "SPA-3 review: needs human review\n"
        "SPA-7 review: needs human review\n"
        "SPA-11 review: needs human review\n"
        "ETS-4 not_applicable: only when device.capabilities.software_update.supported == false\n"
        "PST-4 review: needs human review\n"
        "PST-7 review: needs human review\n"
        "CRA-19 not_applicable: only when device.intended_use.for_integration == true\n"
        "CRA-24 review: needs human review\n"
        "CRA-28 review: needs human review\n"
        "STX-8 not_applicable: only when site.security_txt.signed == true\n"
        "STX-10 review: needs human review\n");
}

TEST_CASE("coverage: example cam-100 has the deliberate gaps, item by item") {
  const Site& site = ExampleSite();
  CoverageReport r = EvaluateDevice(site, *site.FindDevice("cam-100"), BuiltinBaseline());
  CHECK(r.missing == 21);
  std::string missing;
  for (const ItemResult& x : r.results) {
    if (x.status == CoverageStatus::kMissing) missing += x.item->id + ": " + x.reason + "\n";
  }
  CHECK(missing ==
        "DOC-15: no guide 'maintenance' (content/devices/SLUG/guides/maintenance.md)\n"
        "EDU-5: no guide 'reprovision-dispose' (content/devices/SLUG/guides/reprovision-dispose.md)\n"
        "EDU-6: no guide 'shared-responsibilities' (content/devices/SLUG/guides/shared-responsibilities.md)\n"
        "EDU-7: no guide 'assumptions' (content/devices/SLUG/guides/assumptions.md)\n"
        "EDU-8: no guide 'backup-restore' (content/devices/SLUG/guides/backup-restore.md)\n"
        "EDU-9: no guide 'vulnerability-management' (content/devices/SLUG/guides/vulnerability-management.md)\n"
        "CAP-3.2: no guide 'data-deletion' (content/devices/SLUG/guides/data-deletion.md)\n"
        "SPA-6: no guide 'data-deletion' (content/devices/SLUG/guides/data-deletion.md)\n"
        "SPA-9: no guide 'unsupported-use' (content/devices/SLUG/guides/unsupported-use.md)\n"
        "SPA-10: no guide 'verify-setup' (content/devices/SLUG/guides/verify-setup.md)\n"
        "SPA-12: no guide 'vulnerability-management' (content/devices/SLUG/guides/vulnerability-management.md)\n"
        "CNS-5: no guide 'secure-setup' (content/devices/SLUG/guides/secure-setup.md)\n"
        "CNS-6: no guide 'data-deletion' (content/devices/SLUG/guides/data-deletion.md)\n"
        "CNS-7: no guide 'shared-responsibilities' (content/devices/SLUG/guides/shared-responsibilities.md)\n"
        "ETS-7: no guide 'data-deletion' (content/devices/SLUG/guides/data-deletion.md)\n"
        "ETS-8: no guide 'secure-setup' (content/devices/SLUG/guides/secure-setup.md)\n"
        "ETS-9: no guide 'verify-setup' (content/devices/SLUG/guides/verify-setup.md)\n"
        "CRA-14: no guide 'secure-setup' (content/devices/SLUG/guides/secure-setup.md)\n"
        "CRA-15: no guide 'change-impact' (content/devices/SLUG/guides/change-impact.md)\n"
        "CRA-17: no guide 'reprovision-dispose' (content/devices/SLUG/guides/reprovision-dispose.md)\n"
        "CRA-18: no guide 'disable-automatic-updates' (content/devices/SLUG/guides/disable-automatic-updates.md)\n");
  std::string na;
  for (const ItemResult& x : r.results) {
    if (x.status == CoverageStatus::kNotApplicable) na += x.item->id + ": " + x.reason + "\n";
  }
  CHECK(na ==
        "ETS-4: only when device.capabilities.software_update.supported == false\n"
        "CRA-19: only when device.intended_use.for_integration == true\n"
        "CRA-29: only when advisory.vulnerabilities.actively_exploited == true\n"
        "STX-8: only when site.security_txt.signed == true\n");
}

TEST_CASE("coverage: example site-wide items are all met") {
  CoverageReport r = EvaluateSite(ExampleSite(), BuiltinBaseline());
  CHECK(r.missing == 0);
  CHECK(Open(r) ==
        "DIS-9 review: needs human review\n"
        "PST-4 review: needs human review\n"
        "STX-8 not_applicable: only when site.security_txt.signed == true\n"
        "STX-10 review: needs human review\n");
}

}  // namespace herald
