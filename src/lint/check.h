// Check: what `herald check` runs — the build's load and render, without
// writing, then every lint rule; with --since, only what a change
// introduced; with --against, the publishing invariants too.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "build/load_site.h"
#include "lint/release.h"

namespace herald {

struct CheckOptions {
  SourceOptions source;
  Timestamp now = 0;  // for dates in the future; SOURCE_DATE_EPOCH or the wall clock
  std::string since;  // a Git ref: report only findings the change since it introduced
  /// A previous build's output folder or a Git ref: check the publishing
  /// invariants against what it published (lint/release.h).
  std::string against;
};

struct CheckReport {
  std::vector<Diagnostic> findings;  // sorted
  size_t hidden = 0;                 // findings --since left out
};

/// Renders `loaded` in memory when the load had no errors (as a build
/// would, so template and CSAF errors show), then lints it; against
/// `previous` too when given.
void CheckLoadedSite(const LoadedSite& loaded, Timestamp now, Diagnostics& diags,
                     const Release* previous = nullptr);

/// The whole check of a site folder or commit.
CheckReport CheckSite(const CheckOptions& options);

/// The pull-request view: findings in `changed` files, findings without a
/// file, and findings elsewhere that `before` (the base's findings) did not
/// have — a deleted device shows on the advisories that still name it.
std::vector<Diagnostic> KeepIntroduced(const std::vector<Diagnostic>& current,
                                       const std::vector<Diagnostic>& before,
                                       const std::set<std::string>& changed, size_t* hidden);

}  // namespace herald
