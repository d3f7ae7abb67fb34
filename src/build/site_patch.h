// SitePatch: edited content files applied to an assembled Site in place, as
// a fresh load would have assembled them (`herald serve`'s fast rebuilds).
//
// Each edited file is parsed again, then assembled together with the
// entities its cross-file rules read (the devices an advisory names, the
// advisories naming a device, a device's guides) by AssembleSite itself, so
// the derived values and the errors are the ones a full load gives. The
// result replaces the old entity. Edits that could change what other files'
// rules report — a deleted or renamed advisory that something still names,
// a duplicate id, a new or deleted device, guide or page, a page's new
// title — are left to a full load (kNeedsFullLoad); so is everything when
// the patch finds errors, after which the Site is untouched.
//
// Threading: single-threaded; the Site must not be read meanwhile.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "build/load_site.h"

namespace herald {

class LoadCache;

/// One published advisory as the outputs show it: what the dependency
/// table needs from before and after an edit.
struct ShownAdvisory {
  std::string id;
  std::set<std::string> devices;  // every device it names
  std::string csaf_path;          // output path of its CSAF document
};

/// What a patch changed, for the dependency table (build/dependencies.h).
struct SiteDelta {
  struct AdvisoryChange {
    std::optional<ShownAdvisory> before, after;  // empty: not published then
    bool body_only = false;  // published before and after, front matter unchanged
  };
  std::vector<AdvisoryChange> advisories;
  bool structure = false;  // the published advisories' list changed: order, ids, devices
  std::set<std::string> devices;  // slugs of edited devices
  std::set<std::pair<std::string, std::string>> guides;  // (device, name) of edited guides
  std::set<std::string> pages;    // names of edited pages
  bool Empty() const { return advisories.empty() && devices.empty() && guides.empty() && pages.empty(); }
};

enum class PatchResult { kApplied, kErrors, kNeedsFullLoad };

/// Parses `paths` (content files, existing or deleted; SourceKind not
/// kIgnored) again, storing the parses in `cache`, and applies them to
/// `loaded`. `git`: the snapshot the site was loaded from, or null outside
/// Git. `front_matter`: ParsedFile::front_matter of the site's files, by
/// path, kept up to date. Diagnostics of the edited files (and any errors
/// they cause) go to `diags`. `*parsed` counts the files parsed.
PatchResult PatchSite(LoadedSite& loaded, const GitSnapshot* git, const std::vector<std::string>& paths,
                      LoadCache& cache, std::map<std::string, std::string>* front_matter,
                      Diagnostics& diags, SiteDelta* delta, size_t* parsed);

/// The devices an advisory names anywhere (affected, not affected,
/// vulnerabilities, remediations).
std::set<std::string> NamedDevices(const Advisory& advisory);

}  // namespace herald
