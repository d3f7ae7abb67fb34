// SiteCoverage: the reports a build shares equal what EvaluateSite and
// EvaluateDevice return, each is evaluated once per Site and kept with it,
// and a copied Site does not inherit them.
#include "coverage/coverage.h"

#include <doctest/doctest.h>

#include "base/parallel.h"
#include "build/load_site.h"

namespace herald {
namespace {

const Site& ExampleSite() {
  static const LoadedSite kLoaded = [] {
    SourceOptions options;
    options.site_dir = HERALD_SOURCE_DIR;
    options.source_date_epoch = 1793491200;  // 2026-11-01T00:00:00Z
    Diagnostics diags;
    auto loaded = LoadSite(options, diags);
    REQUIRE(loaded);
    REQUIRE(!diags.HasErrors());
    return std::move(*loaded);
  }();
  return kLoaded.site;
}

/// Every result as "ID status: reason" lines.
std::string Lines(const CoverageReport& r) {
  std::string out = r.device + "\n";
  for (const ItemResult& x : r.results) {
    out += x.item->id + " " + CoverageStatusName(x.status) + ": " + x.reason + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("coverage set: the shared reports equal the direct evaluation") {
  const Site& site = ExampleSite();
  REQUIRE(site.devices.size() >= 2);
  std::vector<const CoverageReport*> all = SiteCoverage(site).All();
  REQUIRE(all.size() == site.devices.size() + 1);
  CHECK(Lines(*all[0]) == Lines(EvaluateSite(site, BuiltinBaseline())));
  for (size_t i = 0; i < site.devices.size(); ++i) {
    CAPTURE(site.devices[i].slug);
    CHECK(Lines(*all[i + 1]) == Lines(EvaluateDevice(site, site.devices[i], BuiltinBaseline())));
    CHECK(all[i + 1]->missing == EvaluateDevice(site, site.devices[i], BuiltinBaseline()).missing);
  }
}

TEST_CASE("coverage set: one evaluation per Site, from any thread") {
  const Site& site = ExampleSite();
  std::vector<const CoverageReport*> seen(site.devices.size() * 4);
  // Page jobs ask concurrently and in any order; all get the same report.
  ParallelFor(seen.size(), [&](size_t i) {
    seen[i] = &SiteCoverage(site).DeviceReport(seen.size() / 4 - 1 - i % site.devices.size());
  });
  for (size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i] == &SiteCoverage(site).DeviceReport(seen.size() / 4 - 1 - i % site.devices.size()));
  }
  CHECK(&SiteCoverage(site).SiteReport() == SiteCoverage(site).All()[0]);
}

TEST_CASE("coverage set: a copied Site starts without the reports") {
  Site copy = ExampleSite();
  REQUIRE(copy.FindDevice("cam-100"));
  size_t index = copy.device_by_slug.at("cam-100");
  int before = SiteCoverage(ExampleSite()).DeviceReport(index).missing;
  REQUIRE(before > 0);
  copy.devices[index].identity.name.clear();  // more missing items, on the copy only
  int after = SiteCoverage(copy).DeviceReport(index).missing;
  CHECK(after > before);
  CHECK(after == EvaluateDevice(copy, copy.devices[index], BuiltinBaseline()).missing);
  CHECK(SiteCoverage(ExampleSite()).DeviceReport(index).missing == before);
}

}  // namespace herald
