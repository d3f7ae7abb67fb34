// What the evaluation loop needs to know of each baseline item (evaluate.h
// Plan), worked out once per baseline rather than per device and item.
#include <algorithm>

#include "coverage/checks.h"
#include "coverage/evaluate.h"

namespace herald::coverage {

namespace {

/// `text` without its count(...) terms, which look at whole lists.
std::string WithoutCounts(std::string text) {
  for (size_t at = text.find("count("); at != std::string::npos; at = text.find("count(")) {
    size_t close = text.find(')', at);
    text.erase(at, close == std::string::npos ? std::string::npos : close - at + 1);
  }
  return text;
}

bool NamesPrefix(const BaselineItem& item, const std::string& prefix) {
  auto has = [&](const std::string& s) { return WithoutCounts(s).find(prefix) != std::string::npos; };
  if (has(item.when) || has(item.param)) return true;
  return std::any_of(item.satisfied_by.begin(), item.satisfied_by.end(), has);
}

bool SiteLevel(const BaselineItem& item) {
  for (const std::string& p : item.satisfied_by) {
    if (p.rfind("site.", 0) == 0 || p.rfind("page:", 0) == 0) continue;
    if (p.rfind("output:", 0) == 0 && IsSiteOutput(p.substr(7))) continue;
    return false;
  }
  return item.when.find("device.") == std::string::npos && item.param.find("device.") == std::string::npos;
}

/// Whether an advisory item's verdict on an advisory is the same for every
/// device: it reads no device field or guide, and no device-relative
/// advisory key.
bool BlindToDevice(const BaselineItem& item) {
  auto names_device = [](const std::string& s) {
    return s.find("device.") != std::string::npos || s.rfind("guide:", 0) == 0;
  };
  if (names_device(item.when) || names_device(item.param)) return false;
  if (std::any_of(item.satisfied_by.begin(), item.satisfied_by.end(), names_device)) return false;
  // These two read device.support dates whatever their path.
  for (const std::string& c : item.checks) {
    if (c == "not_shortened" || c == "min_period") return false;
  }
  return !ReadAdvisoryKeys(item).PerDevice();
}

}  // namespace

Plan MakePlan(const Baseline& baseline) {
  Plan plan;
  plan.advisory_keys = ReadAdvisoryKeys(baseline);
  plan.items.reserve(baseline.items.size());
  for (const BaselineItem& item : baseline.items) {
    ItemPlan p;
    p.names_firmware = NamesPrefix(item, "device.firmware.");
    p.names_advisory = NamesPrefix(item, "advisory.");
    p.vulnerability = p.names_advisory &&
                      std::any_of(item.satisfied_by.begin(), item.satisfied_by.end(), [](const std::string& s) {
                        return s == "advisory.vulnerabilities" || s == "advisory.severity";
                      });
    p.conditional = std::find(item.checks.begin(), item.checks.end(), "present_if") != item.checks.end();
    p.site_level = SiteLevel(item);
    if (p.names_advisory && BlindToDevice(item)) {
      p.shared = static_cast<int>(plan.shared_items++);
    } else if (p.names_advisory) {
      plan.per_device_advisories = true;
    }
    plan.items.push_back(p);
  }
  return plan;
}

}  // namespace herald::coverage
