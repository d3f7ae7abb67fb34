// One coverage evaluation per build, shared (coverage.h SiteCoverage).
//
// The pages render on all cores: each device's coverage page asks for its
// report, and the site-wide page for every report. A once-flag per report
// makes whichever job asks first evaluate it while any other waits, so each
// device (and each advisory's shared verdicts, evaluate.h) is evaluated
// exactly once per Site whatever the scheduling, and the output does not
// depend on it.
#include <mutex>

#include "base/parallel.h"
#include "coverage/evaluate.h"

namespace herald {

namespace {

template <typename T>
struct Slot {
  std::once_flag once;
  T value;
};

}  // namespace

struct CoverageMemo {
  std::once_flag once;  // sets up what follows
  // What every report shares; owns its data, so the memo survives a move of the Site.
  coverage::SiteFacts facts;
  coverage::Plan plan;
  Slot<CoverageReport> site;
  std::unique_ptr<Slot<CoverageReport>[]> devices;  // one per device, in site order
  std::unique_ptr<Slot<coverage::AdvisoryVerdicts>[]> advisories;  // one per site.advisories entry
};

std::shared_ptr<CoverageMemo> NewCoverageMemo() { return std::make_shared<CoverageMemo>(); }

SiteCoverage::SiteCoverage(const Site& site) : site_(site), memo_(site.coverage_memo.get()) {
  std::call_once(memo_.once, [&] {
    memo_.facts = coverage::MakeSiteFacts(site);
    memo_.plan = coverage::MakePlan(BuiltinBaseline());
    memo_.devices = std::make_unique<Slot<CoverageReport>[]>(site.devices.size());
    memo_.advisories = std::make_unique<Slot<coverage::AdvisoryVerdicts>[]>(site.advisories.size());
  });
}

const CoverageReport& SiteCoverage::SiteReport() const {
  std::call_once(memo_.site.once, [&] {
    // Some device is in an item's scope exactly when its report holds the item.
    const Baseline& baseline = BuiltinBaseline();
    std::vector<bool> in_some_device(baseline.items.size(), false);
    for (size_t d = 0; d < site_.devices.size(); ++d) {
      for (const ItemResult& x : DeviceReport(d).results) {
        in_some_device[static_cast<size_t>(x.item - baseline.items.data())] = true;
      }
    }
    memo_.site.value = coverage::EvaluateSiteWith(site_, memo_.facts, baseline, memo_.plan, &in_some_device);
  });
  return memo_.site.value;
}

const CoverageReport& SiteCoverage::DeviceReport(size_t index) const {
  Slot<CoverageReport>& slot = memo_.devices[index];
  std::call_once(slot.once, [&] {
    coverage::AdvisorySource shared = [&](size_t i) -> const coverage::AdvisoryVerdicts& {
      Slot<coverage::AdvisoryVerdicts>& a = memo_.advisories[i];
      std::call_once(a.once, [&] {
        a.value = coverage::EvaluateAdvisory(memo_.facts, BuiltinBaseline(), memo_.plan, site_.advisories[i]);
      });
      return a.value;
    };
    slot.value = coverage::EvaluateDeviceWith(site_, memo_.facts, BuiltinBaseline(), memo_.plan,
                                              site_.devices[index], &shared);
  });
  return slot.value;
}

std::vector<const CoverageReport*> SiteCoverage::All() const {
  ParallelFor(site_.devices.size(), [&](size_t i) { DeviceReport(i); });
  std::vector<const CoverageReport*> out;
  out.push_back(&SiteReport());
  for (size_t i = 0; i < site_.devices.size(); ++i) out.push_back(&DeviceReport(i));
  return out;
}

// A slot evaluated in `from` moves to `to` as evaluated; asking a slot's
// once_flag is the only way to learn whether it ran (`from` is discarded).
template <typename T>
void Carry(Slot<T>& from, Slot<T>& to) {
  bool evaluated = true;
  std::call_once(from.once, [&] { evaluated = false; });
  if (!evaluated) return;
  to.value = std::move(from.value);
  std::call_once(to.once, [] {});
}

void KeepCoverageExcept(Site& site, const std::set<size_t>& devices, const std::set<size_t>& advisories) {
  CoverageMemo& old = site.coverage_memo.get();
  CoverageMemoSlot fresh;
  if (old.devices) {  // set up: something was evaluated
    CoverageMemo& memo = fresh.get();
    std::call_once(memo.once, [&] {
      memo.facts = std::move(old.facts);
      memo.plan = std::move(old.plan);
      memo.devices = std::make_unique<Slot<CoverageReport>[]>(site.devices.size());
      memo.advisories = std::make_unique<Slot<coverage::AdvisoryVerdicts>[]>(site.advisories.size());
    });
    for (size_t i = 0; i < site.devices.size(); ++i) {
      if (!devices.count(i)) Carry(old.devices[i], memo.devices[i]);
    }
    for (size_t i = 0; i < site.advisories.size(); ++i) {
      if (!advisories.count(i)) Carry(old.advisories[i], memo.advisories[i]);
    }
  }
  site.coverage_memo = std::move(fresh);
}

}  // namespace herald
