// Version rules: affected ranges against the firmware a device page lists.
#include <algorithm>

#include "lint/lint.h"
#include "model/versions.h"

namespace herald {

void CheckUnlistedVersions(LintContext& ctx) {
  for (const Advisory* a : ctx.AllAdvisories()) {
    for (const Affected& x : a->affected) {
      const Device* d = ctx.site().FindDevice(x.device.value);
      if (!d || x.versions.value.empty()) continue;
      std::string error;
      auto range = ParseVersionRange(x.versions.value, &error);
      if (!range) continue;  // the build reports ranges that do not parse
      size_t search = 0;
      for (const VersionConstraint& c : range->constraints) {
        size_t offset = x.versions.value.find(c.version, search);
        if (offset != std::string::npos) search = offset + c.version.size();
        bool listed = std::any_of(d->firmware.begin(), d->firmware.end(), [&](const Firmware& f) {
          return CompareVersions(f.version, c.version) == 0;
        });
        if (listed) continue;
        SourceLocation at = x.versions.where;
        if (offset != std::string::npos && at.column > 0) at.column += 1 + static_cast<int>(offset);
        std::string list;
        for (auto it = d->firmware.rbegin(); it != d->firmware.rend(); ++it) {
          list += (list.empty() ? "" : ", ") + it->version;
        }
        ctx.Error(at, "version " + c.version +
                          " in the affected range is not a [[firmware]] "
                          "release of device '" +
                          d->slug + "' (" + d->where.path +
                          (list.empty() ? " lists none" : " lists " + list) +
                          "); correct the range or add the release to the device page");
      }
    }
  }
}

void CheckFixedInRange(LintContext& ctx) {
  for (const Advisory* a : ctx.AllAdvisories()) {
    for (const Affected& x : a->affected) {
      if (x.versions.value.empty() || x.fixed.value.empty()) continue;
      std::string error;
      auto range = ParseVersionRange(x.versions.value, &error);
      if (!range || !range->Contains(x.fixed.value)) continue;
      ctx.Error(x.fixed.where, "fixed version " + x.fixed.value +
                                   " is inside the affected range '" + x.versions.value +
                                   "'; the range must end before the fix, "
                                   "such as '< " +
                                   x.fixed.value + "'");
    }
  }
}

}  // namespace herald
