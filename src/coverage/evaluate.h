// The evaluation loop, internal to src/coverage/ (evaluate.cpp, plan.cpp):
// which items a report holds (scopes, site-level items), and on which
// contexts each item runs (once, or once per firmware entry or advisory of
// the device). The public entry points are in coverage.h.
//
// Most advisory items read nothing of the device (advisory.*, site.*,
// output:), so their verdict on an advisory is the same for every device it
// lists: those are evaluated once per advisory (AdvisoryVerdicts) and looked
// up by each device.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "coverage/context.h"
#include "coverage/model_json.h"

namespace herald::coverage {

/// Site-wide facts every report of a site shares; owns its data, so it
/// outlives moves of the Site.
struct SiteFacts {
  Timestamp now = 0;
  nlohmann::json site;  // model_json.h SiteJson
  std::string language;
  std::vector<std::string> page_roles;
  std::vector<std::string> covers;  // ids the pages claim
};

/// What the loop needs to know of an item, worked out once per baseline.
struct ItemPlan {
  bool names_firmware = false;  // runs per [[firmware]] entry of a device
  bool names_advisory = false;  // runs per advisory of the device
  bool vulnerability = false;   // per advisory, only those about vulnerabilities
  bool conditional = false;     // present_if: `when` decides whether it applies
  bool site_level = false;      // in the site-wide report
  /// Per advisory and blind to the device: index into AdvisoryVerdicts::verdicts; else -1.
  int shared = -1;
};

/// A baseline worked out for the loop.
struct Plan {
  std::vector<ItemPlan> items;
  AdvisoryKeys advisory_keys;  // what AdvisoryJson builds
  size_t shared_items = 0;     // items with ItemPlan::shared set
  bool per_device_advisories = false;  // some advisory item reads the device too
};

/// One advisory's verdicts on the plan's shared items.
struct AdvisoryVerdicts {
  std::string id;
  bool security = false;          // category security_advisory
  std::vector<Verdict> verdicts;  // by ItemPlan::shared
};

Plan MakePlan(const Baseline& baseline);
SiteFacts MakeSiteFacts(const Site& site);
AdvisoryVerdicts EvaluateAdvisory(const SiteFacts& facts, const Baseline& baseline, const Plan& plan,
                                  const Advisory& advisory);

/// The verdicts of site.advisories[index], evaluated once for every device
/// that lists the advisory.
using AdvisorySource = std::function<const AdvisoryVerdicts&(size_t index)>;

/// `shared`: where to take advisory verdicts from; null evaluates them for
/// this device.
CoverageReport EvaluateDeviceWith(const Site& site, const SiteFacts& facts, const Baseline& baseline,
                                  const Plan& plan, const Device& device, const AdvisorySource* shared);
/// `in_some_device[i]`: whether some device report holds item i, i.e. some
/// device is in its scope; null works that out from the devices' fields.
CoverageReport EvaluateSiteWith(const Site& site, const SiteFacts& facts, const Baseline& baseline,
                                const Plan& plan, const std::vector<bool>* in_some_device);

}  // namespace herald::coverage
