// The model as JSON keyed like content-model.md (`site.TABLE.KEY`,
// `device.KEY`, `advisory.KEY`), so a baseline path is a plain lookup.
// Dates are {"$date": seconds}; "tba" stays the string "tba"; Markdown text
// is its source; an unset value is null. Internal to src/coverage/.
#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "coverage/baseline.h"
#include "model/site.h"

namespace herald::coverage {

/// site.toml: {"site": {...}, "manufacturer": {...}, "disclosure": {...}, ...}.
nlohmann::json SiteJson(const Site& site);
/// A device's front matter and [[firmware]] entries, plus its derived "status".
nlohmann::json DeviceJson(const Device& device);
/// The top-level advisory keys a baseline reads (its paths, conditions and
/// params), so AdvisoryJson builds only those. Always "id" and "category".
struct AdvisoryKeys {
  bool all = false;  // something reads the whole advisory
  std::set<std::string> keys;
  /// Whether the JSON depends on the device it is built for ("fix_date").
  bool PerDevice() const { return all || keys.count("fix_date") > 0; }
};
AdvisoryKeys ReadAdvisoryKeys(const Baseline& baseline);
/// The same for one item.
AdvisoryKeys ReadAdvisoryKeys(const BaselineItem& item);

/// An advisory's `keys`, as `device` sees it: "fix_date" is the release date
/// of the device's fixed version (null without a device). A key left out
/// resolves as null, exactly like a key that is unset.
nlohmann::json AdvisoryJson(const Advisory& advisory, const Device* device, const AdvisoryKeys& keys);

}  // namespace herald::coverage
