// Pipeline: load → assemble → render → write, the one build every command runs.
//
// `herald build` calls Build(); `herald check` stops after LoadSite();
// `herald serve` calls RenderSite() and keeps the Output in memory.
#pragma once

#include <functional>
#include <string>

#include "base/diagnostics.h"
#include "build/load_site.h"
#include "render/output.h"

namespace herald {

struct BuildOptions {
  SourceOptions source;
  std::string out_dir;  // empty: build.output_dir of site.toml, under the site folder
  /// Called with a short phase description as the build advances.
  std::function<void(const std::string& phase, size_t done, size_t total)> progress;
};

struct BuildStats {
  size_t files = 0, pages = 0, advisories = 0, devices = 0;
  std::string out_dir;
};

/// Renders every output of a loaded site into `out`.
bool RenderSite(const LoadedSite& loaded, Output* out, Diagnostics& diags);

class PageReuse;
/// The same render, copying the HTML pages that `reuse` shows unchanged
/// since its last successful render (build/page_reuse.h; `herald serve`).
bool RenderSite(const LoadedSite& loaded, PageReuse* reuse, Output* out, Diagnostics& diags);

/// The whole build. Returns false when there were errors; nothing is written then.
bool Build(const BuildOptions& options, Diagnostics& diags, BuildStats* stats);

/// Refuses output folders that would swallow the sources (the site folder
/// itself, one of its parents, or a folder holding a site.toml or .git).
bool IsSafeOutputDir(const std::string& site_dir, const std::string& out_dir, std::string* why);

}  // namespace herald
