// IncrementalBuild: the build `herald serve` keeps alive between edits.
//
// Each Rebuild() is the build `herald build` runs — LoadSite() then
// RenderSite() — with two caches that only skip work whose result cannot
// differ: LoadCache (unchanged files are not parsed again) and PageReuse
// (pages whose template and data are unchanged are not rendered again).
// Every other output is rendered afresh and compared with the last one, so
// the kept output is always byte-identical to a fresh build of the same
// files. A failed build keeps the last good output.
//
// Threading: Invalidate() and Rebuild() on one thread; output() returns an
// immutable snapshot that other threads may keep reading.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "build/load_cache.h"
#include "build/load_site.h"
#include "build/page_reuse.h"

namespace herald {

struct RebuildStats {
  bool ok = false;
  bool readable = false;             // the site could be read at all (there is a site.toml)
  std::vector<std::string> changed;  // output paths added, modified or removed; sorted
  size_t files_parsed = 0;           // source files parsed, not taken from the cache
  size_t pages_planned = 0, pages_rendered = 0;
  size_t outputs = 0;
  double load_ms = 0, render_ms = 0, total_ms = 0;
  double pages_ms = 0;  // the part of render_ms spent on HTML pages
};

class IncrementalBuild {
 public:
  explicit IncrementalBuild(SourceOptions options);

  /// A file or folder of the site changed (relative path; "" for anything).
  /// Paths under .git/ make the next build reopen the repository.
  void Invalidate(const std::string& path);
  /// Builds the site; diagnostics go to `diags`.
  RebuildStats Rebuild(Diagnostics& diags);
  /// The output of the last successful build (empty before the first).
  std::shared_ptr<const SharedOutput> output() const { return output_; }

 private:
  SourceOptions options_;
  LoadCache load_cache_;
  PageReuse page_reuse_;
  std::shared_ptr<const SharedOutput> output_ = std::make_shared<SharedOutput>();
};

}  // namespace herald
