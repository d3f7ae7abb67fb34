// IncrementalBuild: the build `herald serve` keeps alive between edits.
//
// The first Rebuild() is the build `herald build` runs: LoadSite() and
// RenderSite(). So is any after an edit of site.toml or the Git state, a new
// or deleted device, guide or page, or a failed build (LoadCache still spares
// parsing the files that did not change). Every other edit is patched in:
// the edited files are parsed again and assembled into the kept Site
// (build/site_patch.h), and only the outputs the dependency table names are
// rendered again (build/dependencies.h, build/partial_render.h); an edited
// template re-renders the pages using it, a static file is copied. Either
// way the kept output is byte-identical to a fresh build of the same files
// (tests/unit/build/incremental_test.cpp checks it after every kind of
// edit). A failed build keeps the last good output.
//
// Threading: Invalidate() and Rebuild() on one thread; output() returns an
// immutable snapshot that other threads may keep reading.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "build/layered_map.h"
#include "build/load_cache.h"
#include "build/load_site.h"

namespace herald {

class CsafWriter;
class TemplateSet;
struct PagePlan;
struct Theme;

struct RebuildStats {
  bool ok = false;
  bool readable = false;             // the site could be read at all (there is a site.toml)
  bool full = false;                 // loaded and rendered everything
  std::vector<std::string> changed;  // output paths added, modified or removed; sorted
  size_t files_parsed = 0;           // source files parsed, not taken from the cache
  size_t pages_planned = 0, pages_rendered = 0;
  size_t outputs = 0;
  double load_ms = 0, render_ms = 0, total_ms = 0;
  double first_ms = 0;  // until the edited files' own pages were ready (0: no early output)
};

class IncrementalBuild {
 public:
  explicit IncrementalBuild(SourceOptions options);
  ~IncrementalBuild();

  /// A file or folder of the site changed (relative path; "" for anything).
  /// Paths under .git/ make the next build reopen the repository.
  void Invalidate(const std::string& path);

  /// Receives, during a Rebuild, an output that already holds the edited
  /// files' own pages, with the paths that changed so far; the rest follows
  /// in the output Rebuild leaves.
  using Early = std::function<void(std::shared_ptr<const SharedOutput> output,
                                   const std::vector<std::string>& changed)>;
  /// Builds what changed since the last successful build; diagnostics go to
  /// `diags`. Without invalidations, finds changed content files by their
  /// size and time.
  RebuildStats Rebuild(Diagnostics& diags, const Early& early = {});

  /// The output of the last successful build (empty before the first).
  std::shared_ptr<const SharedOutput> output() const { return output_; }

 private:
  RebuildStats Full(Diagnostics& diags);
  /// Content, theme and static edits; false when they need a full build.
  bool Patch(const std::set<std::string>& paths, Diagnostics& diags, const Early& early,
             RebuildStats* stats);
  /// Content files whose size or time changed, and deleted ones.
  std::set<std::string> Sweep();
  /// A new output: the last with `changes` applied; fills stats->changed.
  void Commit(std::map<std::string, std::optional<std::string>> changes, RebuildStats* stats);

  SourceOptions options_;
  LoadCache load_cache_;
  std::optional<LoadedSite> site_;  // the last good build's, patched by edits since
  std::unique_ptr<Theme> theme_;
  std::unique_ptr<TemplateSet> templates_;
  std::unique_ptr<PagePlan> pages_;  // site_'s pages; kept while its advisories keep their places
  std::unique_ptr<CsafWriter> csaf_;  // likewise
  std::map<std::string, std::string> front_matter_;  // site_'s files: ParsedFile::front_matter
  std::set<std::string> copied_;    // output paths that are static files or theme assets
  std::set<std::string> pending_;   // paths changed since the last good build
  bool needs_full_ = true;
  std::shared_ptr<const SharedOutput> output_ = std::make_shared<SharedOutput>();
};

}  // namespace herald
