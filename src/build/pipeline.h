// Pipeline: load → assemble → render → write, the one build every command runs.
//
// `herald build` calls Build(), which writes each file into the output's
// staging folder as it is rendered; `herald check` renders into memory;
// `herald serve` calls RenderSite() and keeps the Output in memory.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "build/load_site.h"
#include "render/output.h"

namespace herald {

struct BuildOptions {
  SourceOptions source;
  std::string out_dir;  // empty: build.output_dir of site.toml, under the site folder
  /// Called with a short phase description as the build advances.
  std::function<void(const std::string& phase, size_t done, size_t total)> progress;
  /// false when the process ends right after the build: the loaded site is
  /// then left to the exit instead of being freed (≈ 50 ms on one core at
  /// 10,000 advisories, the last serial step of a build).
  bool free_site = true;
};

struct BuildStats {
  size_t files = 0, pages = 0, advisories = 0, devices = 0;
  std::string out_dir;
};

/// Renders every output of a loaded site into `out`, each file as soon as
/// it is made, on all cores (build/render_site.cpp). False on errors.
bool RenderSite(const LoadedSite& loaded, OutputSink& out, Diagnostics& diags);
/// The same, collected in memory.
bool RenderSite(const LoadedSite& loaded, Output* out, Diagnostics& diags);

class TemplateSet;
struct Theme;
struct HtmlPageJob;

/// PlanHtmlPages with each path once (a later job of a path wins): the
/// pages a render writes.
std::vector<HtmlPageJob> PlannedPages(const Site& site);
/// The same with the site's theme already loaded and compiled (`herald serve` keeps them).
/// `*copied`, when given, receives the output paths that are copies of
/// static files or theme assets.
bool RenderSite(const LoadedSite& loaded, const Theme& theme, const TemplateSet& templates,
                OutputSink& out, Diagnostics& diags, std::set<std::string>* copied = nullptr);

/// The whole build. Returns false when there were errors; nothing is written then.
bool Build(const BuildOptions& options, Diagnostics& diags, BuildStats* stats);

/// Refuses output folders that would swallow the sources (the site folder
/// itself, one of its parents, or a folder holding a site.toml or .git).
bool IsSafeOutputDir(const std::string& site_dir, const std::string& out_dir, std::string* why);

}  // namespace herald
