// Assemble: loaded files → the validated, indexed Site.
//
// Cross-file rules live here (duplicate ids, references to devices, guides
// and advisories, version ranges, revision order), as do the derived values
// (severity, device status, dates from Git) and the publication filter
// (drafts and non-CLEAR advisories never reach the outputs).
#pragma once

#include <map>
#include <set>
#include <vector>

#include "base/diagnostics.h"
#include "model/site.h"
#include "source/source_tree.h"

namespace herald {

struct LoadedFiles {
  SiteConfig config;
  std::vector<Advisory> advisories;
  std::vector<Device> devices;
  std::vector<Guide> guides;
  std::vector<Page> pages;
  // Ids and slugs of every file found, loaded or not, so a file that failed
  // to parse does not also make every reference to it an error.
  std::set<std::string> device_files, advisory_files;
};

struct DateSources {
  const std::map<std::string, FileHistory>* history = nullptr;  // Git, may be null
  const SourceTree* tree = nullptr;  // for file times outside Git
  /// File times are clamped to this, so builds outside Git stay reproducible
  /// (reproducible-builds.org: clamp to SOURCE_DATE_EPOCH).
  Timestamp clamp = 0;
  /// File times already read, by path (may be null); other files are asked of `tree`.
  const std::map<std::string, Timestamp>* file_times = nullptr;
};

Site AssembleSite(LoadedFiles files, const BuildInfo& build, const DateSources& dates,
                  Diagnostics& diags);

/// Derived device status at `now` from its support dates.
DeviceStatus DeriveDeviceStatus(const Device& device, Timestamp now);

}  // namespace herald
