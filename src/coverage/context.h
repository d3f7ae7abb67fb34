// What one baseline check looks at: the model as JSON (model_json.h) plus the
// few facts that are not fields (guides, page roles, covers claims). Internal
// to src/coverage/.
//
// A context only points at data owned elsewhere (evaluate.h: SiteFacts,
// DeviceFacts), so the evaluation loop copies it for every
// item × firmware entry or advisory at the cost of a few pointers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/dates.h"
#include "coverage/coverage.h"

namespace herald::coverage {

struct CoverageContext {
  Timestamp now = 0;
  const nlohmann::json* site = nullptr;      // {"site": {...}, "manufacturer": {...}, ...}
  const nlohmann::json* device = nullptr;    // null for the site-wide report
  const nlohmann::json* firmware = nullptr;  // the [[firmware]] entry under evaluation
  const nlohmann::json* advisory = nullptr;  // the advisory under evaluation
  std::string_view device_status;            // on_sale, supported, unsupported, end_of_life
  std::string_view language = "en";
  const std::vector<std::string>* guides = nullptr;        // guide names of the device
  const std::vector<std::string>* guide_topics = nullptr;  // topics of the device's guides
  const std::vector<std::string>* page_roles = nullptr;
  const std::vector<std::string>* covers = nullptr;  // ids claimed by the device's guides and the pages
  bool whole_lists = false;                          // count(): ignore the entry under evaluation
};

/// The outcome of one check on one context.
struct Verdict {
  CoverageStatus status = CoverageStatus::kCovered;
  std::string reason;
  /// A field whose place in the device's file the finding points at
  /// ("device.support.end_of_security_support"); empty: the file itself.
  std::string at;
};

inline Verdict Missing(std::string why) { return {CoverageStatus::kMissing, std::move(why), {}}; }
inline Verdict NotApplicable(std::string why) {
  return {CoverageStatus::kNotApplicable, std::move(why), {}};
}

}  // namespace herald::coverage
