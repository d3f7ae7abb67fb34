// The evaluation loop (evaluate.h; the item plan is in plan.cpp) and the
// public EvaluateDevice / EvaluateSite (coverage.h).
#include "coverage/evaluate.h"

#include <algorithm>
#include <map>

#include "coverage/checks.h"
#include "coverage/conditions.h"
#include "coverage/model_json.h"
#include "coverage/values.h"

namespace herald::coverage {

namespace {

Verdict EvaluateOnce(const CoverageContext& ctx, const BaselineItem& item, const ItemPlan& plan) {
  if (plan.conditional && !item.when.empty() && !EvaluateCondition(ctx, item.when)) {
    return NotApplicable("only when " + item.when);
  }
  Verdict out;
  bool param_taken = false;
  for (size_t i = 0; i < item.checks.size(); ++i) {
    bool gets_param = !param_taken && TakesParam(item.checks[i]);
    param_taken = param_taken || gets_param;
    Verdict v = RunCheck(ctx, item, item.checks[i], gets_param, i == 0);
    if (v.status == CoverageStatus::kMissing || v.status == CoverageStatus::kNotApplicable) return v;
    if (v.status == CoverageStatus::kReview) out = std::move(v);
  }
  return out;
}

std::string Describe(const json& entry, const char* key) {
  auto it = entry.find(key);
  return it != entry.end() && it->is_string() ? it->get<std::string>() : "?";
}

bool IsSecurityAdvisory(const json& advisory) {
  auto it = advisory.find("category");
  return it != advisory.end() && it->is_string() && it->get_ref<const std::string&>() == "security_advisory";
}

/// One device's facts: its JSON, advisories, guides and covers.
struct DeviceFacts {
  const Device* model = nullptr;
  json device;
  std::string status;
  std::vector<std::string> guides, guide_topics;
  std::vector<std::string> covers;  // the pages' and the device's guides'
  /// The published advisories listing the device in [[affected]], newest first.
  std::vector<const AdvisoryVerdicts*> verdicts;  // on the shared items
  std::vector<AdvisoryVerdicts> own_verdicts;     // when there is no AdvisorySource
  std::vector<json> advisories;                   // for the other advisory items only
};

/// Folds an item's verdicts on the entries it runs on (firmware releases or
/// advisories, in order) into one: the first missing entry decides, entries
/// it does not apply to are left out.
class EntryFold {
 public:
  /// False once the item is decided (an entry is missing).
  bool Add(const std::string& name, const Verdict& v) {
    if (v.status == CoverageStatus::kNotApplicable) return true;
    ++applicable_;
    if (v.status == CoverageStatus::kMissing) {
      result_ = Missing(name + ": " + v.reason);
      return false;
    }
    if (v.status == CoverageStatus::kReview) result_ = v;
    return true;
  }
  Verdict Result(const BaselineItem& item, const ItemPlan& plan) && {
    if (applicable_ > 0 || result_.status == CoverageStatus::kMissing) return std::move(result_);
    if (plan.vulnerability && item.when.empty()) return NotApplicable("no vulnerability advisory for this device yet");
    return NotApplicable(item.when.empty() ? std::string("nothing to check yet") : "only when " + item.when);
  }

 private:
  Verdict result_;
  int applicable_ = 0;
};

Verdict EvaluateItem(const CoverageContext& ctx, const BaselineItem& item, const ItemPlan& plan,
                     const DeviceFacts* device) {
  bool per_firmware = ctx.device && !ctx.device->is_null() && plan.names_firmware;
  bool per_advisory = plan.names_advisory;
  if (!per_firmware && !per_advisory) return EvaluateOnce(ctx, item, plan);
  EntryFold fold;
  if (per_advisory && device && plan.shared >= 0) {
    if (device->verdicts.empty()) return NotApplicable("no advisory for this device yet");
    for (const AdvisoryVerdicts* a : device->verdicts) {
      // Vulnerability duties look at advisories about vulnerabilities, not at
      // incident or informational notices, which carry none.
      if (plan.vulnerability && !a->security) continue;
      if (!fold.Add(a->id, a->verdicts[plan.shared])) break;
    }
    return std::move(fold).Result(item, plan);
  }
  std::vector<const json*> entries;
  if (per_advisory) {
    if (device) {
      for (const json& a : device->advisories) entries.push_back(&a);
    }
  } else if (auto fw = ctx.device->find("firmware"); fw != ctx.device->end()) {
    for (const json& f : *fw) entries.push_back(&f);
  }
  if (entries.empty()) {
    return NotApplicable(per_advisory ? "no advisory for this device yet" : "no firmware release yet");
  }
  CoverageContext one = ctx;
  for (const json* entry : entries) {
    if (plan.vulnerability && !IsSecurityAdvisory(*entry)) continue;
    (per_advisory ? one.advisory : one.firmware) = entry;
    Verdict v = EvaluateOnce(one, item, plan);
    if (v.status == CoverageStatus::kMissing) {
      fold.Add(per_advisory ? Describe(*entry, "id") : "firmware " + Describe(*entry, "version"), v);
      break;
    }
    fold.Add({}, v);
  }
  return std::move(fold).Result(item, plan);
}

/// Where a device field is written, for the fields checks point at.
SourceLocation Locate(const DeviceFacts* device, const std::string& field) {
  if (device && device->model && field == "device.support.end_of_security_support") {
    return device->model->support.end_of_security_support_where;
  }
  return {};
}

ItemResult Apply(const CoverageContext& ctx, const BaselineItem& item, const ItemPlan& plan,
                 const DeviceFacts* device) {
  Verdict v = EvaluateItem(ctx, item, plan, device);
  if (v.status == CoverageStatus::kMissing && Contains(ctx.covers, item.id)) {
    v = {CoverageStatus::kReview, "claimed by a guide or page (covers); " + v.reason, v.at};
  }
  return {&item, v.status, std::move(v.reason), Locate(device, v.at)};
}

void Tally(CoverageReport* r) {
  for (const ItemResult& x : r->results) {
    switch (x.status) {
      case CoverageStatus::kCovered: ++r->covered; break;
      case CoverageStatus::kReview: ++r->review; break;
      case CoverageStatus::kMissing: ++r->missing; break;
      case CoverageStatus::kNotApplicable: ++r->not_applicable; break;
    }
  }
}

CoverageContext SiteContext(const SiteFacts& facts) {
  CoverageContext ctx;
  ctx.now = facts.now;
  ctx.site = &facts.site;
  ctx.language = facts.language;
  ctx.page_roles = &facts.page_roles;
  ctx.covers = &facts.covers;
  return ctx;
}

DeviceFacts MakeDeviceFacts(const Site& site, const SiteFacts& facts, const Baseline& baseline, const Plan& plan,
                            const Device& device, const AdvisorySource* shared) {
  DeviceFacts df;
  df.model = &device;
  df.device = DeviceJson(device);
  df.status = DeviceStatusName(device.status);
  df.covers = facts.covers;
  auto g = site.guides_by_device.find(device.slug);
  if (g != site.guides_by_device.end()) {
    for (size_t i : g->second) {
      const Guide& guide = site.guides[i];
      df.guides.push_back(guide.name);
      df.guide_topics.push_back(guide.topic);
      df.covers.insert(df.covers.end(), guide.covers.begin(), guide.covers.end());
    }
  }
  std::vector<size_t> listed;
  auto a = site.advisories_by_device.find(device.slug);
  if (a != site.advisories_by_device.end()) {
    for (size_t i : a->second) {
      const Advisory& adv = site.advisories[i];
      bool affected = std::any_of(adv.affected.begin(), adv.affected.end(),
                                  [&](const Affected& af) { return af.device.value == device.slug; });
      if (affected && adv.published_out) listed.push_back(i);
    }
  }
  if (!shared) {
    df.own_verdicts.reserve(listed.size());  // no reallocation: `verdicts` points into it
    for (size_t i : listed) df.own_verdicts.push_back(EvaluateAdvisory(facts, baseline, plan, site.advisories[i]));
  }
  for (size_t n = 0; n < listed.size(); ++n) {
    df.verdicts.push_back(shared ? &(*shared)(listed[n]) : &df.own_verdicts[n]);
  }
  if (plan.per_device_advisories) {
    for (size_t i : listed) df.advisories.push_back(AdvisoryJson(site.advisories[i], &device, plan.advisory_keys));
  }
  return df;
}

}  // namespace

SiteFacts MakeSiteFacts(const Site& site) {
  SiteFacts facts;
  facts.now = site.build.build_time;
  facts.site = SiteJson(site);
  facts.language = site.config.site.language.empty() ? "en" : site.config.site.language;
  for (const Page& p : site.pages) {
    facts.page_roles.push_back(p.role);
    facts.covers.insert(facts.covers.end(), p.covers.begin(), p.covers.end());
  }
  return facts;
}

AdvisoryVerdicts EvaluateAdvisory(const SiteFacts& facts, const Baseline& baseline, const Plan& plan,
                                  const Advisory& advisory) {
  AdvisoryVerdicts out;
  out.id = advisory.id;
  out.security = advisory.category == AdvisoryCategory::kSecurityAdvisory;
  out.verdicts.resize(plan.shared_items);
  if (plan.shared_items == 0) return out;
  json entry = AdvisoryJson(advisory, nullptr, plan.advisory_keys);
  CoverageContext ctx = SiteContext(facts);
  ctx.advisory = &entry;
  for (size_t i = 0; i < baseline.items.size(); ++i) {
    const ItemPlan& p = plan.items[i];
    if (p.shared < 0 || (p.vulnerability && !out.security)) continue;  // never looked at
    out.verdicts[p.shared] = EvaluateOnce(ctx, baseline.items[i], p);
  }
  return out;
}

CoverageReport EvaluateDeviceWith(const Site& site, const SiteFacts& facts, const Baseline& baseline,
                                  const Plan& plan, const Device& device, const AdvisorySource* shared) {
  DeviceFacts df = MakeDeviceFacts(site, facts, baseline, plan, device, shared);
  CoverageContext ctx = SiteContext(facts);
  ctx.device = &df.device;
  ctx.device_status = df.status;
  ctx.guides = &df.guides;
  ctx.guide_topics = &df.guide_topics;
  ctx.covers = &df.covers;
  CoverageReport report;
  report.device = device.slug;
  for (size_t i = 0; i < baseline.items.size(); ++i) {
    const BaselineItem& item = baseline.items[i];
    auto scope = baseline.scopes.find(item.scope);
    if (item.scope != "all" && scope != baseline.scopes.end() && !EvaluateCondition(ctx, scope->second)) {
      continue;  // out of scope: not reported for this device
    }
    report.results.push_back(Apply(ctx, item, plan.items[i], &df));
  }
  Tally(&report);
  return report;
}

CoverageReport EvaluateSiteWith(const Site& site, const SiteFacts& facts, const Baseline& baseline,
                                const Plan& plan, const std::vector<bool>* in_some_device) {
  CoverageContext ctx = SiteContext(facts);
  // A scoped site-level item applies when some device is in its scope; the
  // scope conditions only read device fields, so the devices' JSON will do.
  std::vector<json> devices;
  std::map<std::string, bool> any_in_scope;
  auto in_scope = [&](size_t item, const std::string& name, const std::string& condition) {
    if (in_some_device) return (*in_some_device)[item];
    auto known = any_in_scope.find(name);
    if (known != any_in_scope.end()) return known->second;
    if (devices.empty()) {
      for (const Device& d : site.devices) devices.push_back(DeviceJson(d));
    }
    bool any = false;
    for (const json& d : devices) {
      CoverageContext dc = ctx;
      dc.device = &d;
      any = any || EvaluateCondition(dc, condition);
    }
    return any_in_scope[name] = any;
  };
  CoverageReport report;
  for (size_t i = 0; i < baseline.items.size(); ++i) {
    const BaselineItem& item = baseline.items[i];
    if (!plan.items[i].site_level) continue;
    auto scope = baseline.scopes.find(item.scope);
    if (item.scope != "all" && scope != baseline.scopes.end() && !in_scope(i, item.scope, scope->second)) {
      report.results.push_back(
          {&item, CoverageStatus::kNotApplicable, "no device in scope '" + item.scope + "'", {}});
      continue;
    }
    report.results.push_back(Apply(ctx, item, plan.items[i], nullptr));
  }
  Tally(&report);
  return report;
}

}  // namespace herald::coverage

namespace herald {

const char* CoverageStatusName(CoverageStatus s) {
  switch (s) {
    case CoverageStatus::kCovered: return "covered";
    case CoverageStatus::kReview: return "review";
    case CoverageStatus::kMissing: return "missing";
    case CoverageStatus::kNotApplicable: return "not_applicable";
  }
  return "missing";
}

int CoverageReport::Percent() const {
  int applicable = covered + review + missing;
  if (applicable == 0) return 100;
  return (covered + review) * 100 / applicable;
}

CoverageReport EvaluateDevice(const Site& site, const Device& device, const Baseline& baseline) {
  return coverage::EvaluateDeviceWith(site, coverage::MakeSiteFacts(site), baseline, coverage::MakePlan(baseline),
                                      device, nullptr);
}

CoverageReport EvaluateSite(const Site& site, const Baseline& baseline) {
  return coverage::EvaluateSiteWith(site, coverage::MakeSiteFacts(site), baseline, coverage::MakePlan(baseline),
                                    nullptr);
}

}  // namespace herald
