// Site: the whole validated model, read-only once built.
//
// Everything is sorted the way outputs list it (advisories newest first,
// devices by slug) and indexed by id so renderers never scan.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/advisory.h"
#include "model/content.h"
#include "model/device.h"
#include "model/site_config.h"

namespace herald {

struct BuildInfo {
  Timestamp build_time = 0;  // SOURCE_DATE_EPOCH, else commit time, else newest file time
  std::string commit;        // full hex id; empty outside Git
  std::string generator_version;
  bool drafts = false;
};

/// Derived results kept with a Site for its whole life: its coverage
/// reports, filled on first use (src/coverage/coverage_set.cpp, which
/// defines both).
struct CoverageMemo;
std::shared_ptr<CoverageMemo> NewCoverageMemo();

/// A Site's memo. A moved Site keeps it; a copied one starts empty, since
/// the copy may then be edited.
class CoverageMemoSlot {
 public:
  CoverageMemoSlot() : memo_(NewCoverageMemo()) {}
  CoverageMemoSlot(const CoverageMemoSlot&) : memo_(NewCoverageMemo()) {}
  CoverageMemoSlot(CoverageMemoSlot&&) noexcept = default;
  CoverageMemoSlot& operator=(const CoverageMemoSlot&) {
    memo_ = NewCoverageMemo();
    return *this;
  }
  CoverageMemoSlot& operator=(CoverageMemoSlot&&) noexcept = default;
  CoverageMemo& get() const { return *memo_; }

 private:
  std::shared_ptr<CoverageMemo> memo_;
};

struct Site {
  SiteConfig config;
  BuildInfo build;
  std::vector<Advisory> advisories;  // published ones (plus drafts with --drafts), newest first
  /// Advisories the build skips (drafts, TLP other than CLEAR), in file
  /// order; nothing renders them, `herald check` lints them too.
  std::vector<Advisory> withheld;
  std::vector<Device> devices;       // by slug
  std::vector<Guide> guides;         // by device, then name
  std::vector<Page> pages;           // by name

  std::map<std::string, size_t> advisory_by_id;
  std::map<std::string, size_t> device_by_slug;
  std::map<std::string, std::vector<size_t>> advisories_by_device;  // newest first
  std::map<std::string, std::vector<size_t>> guides_by_device;

  /// The coverage reports (SiteCoverage), evaluated once on first use and
  /// shared by every page and command that shows them. Never edit a Site
  /// after showing its coverage: the reports would not follow.
  CoverageMemoSlot coverage_memo;

  const Advisory* FindAdvisory(const std::string& id) const;
  const Device* FindDevice(const std::string& slug) const;
  /// Absolute URL for a site path ("/advisories/X/").
  std::string AbsoluteUrl(const std::string& site_path) const;
};

}  // namespace herald
