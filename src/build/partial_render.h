// PartialRender: renders the outputs a RenderPlan names and nothing else,
// for `herald serve`. Each output is made by the same function a full
// render uses for it (render_site.cpp), from the patched site, so a file is
// either re-rendered exactly or kept byte for byte.
//
// Threading: one render at a time; the outputs render on all cores.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "build/dependencies.h"
#include "build/layered_map.h"
#include "build/load_site.h"
#include "render/html_pages.h"
#include "render/output.h"

namespace herald {

class CsafWriter;
class TemplateSet;
struct Theme;

/// The site's HTML pages (PlannedPages), by output path.
struct PagePlan {
  explicit PagePlan(const Site& site);
  std::vector<HtmlPageJob> planned;  // PlanHtmlPages, as the sitemap reads it
  std::vector<HtmlPageJob> jobs;     // each path once
  std::map<std::string, size_t> by_path;
};

class PartialRender {
 public:
  /// `pages` and `csaf`: the patched site's. `previous`: the output the
  /// plan updates; `copied`: its paths that are copies of static files or
  /// theme assets.
  PartialRender(const LoadedSite& loaded, const Theme& theme, const TemplateSet& templates,
                const PagePlan& pages, CsafWriter& csaf, const SharedOutput& previous,
                const std::set<std::string>& copied);

  /// The plan's `first` pages and its CSAF documents (the checks that can
  /// fail a build run there): what `herald serve` shows before the rest.
  Output RenderFirst(const RenderPlan& plan, Diagnostics& diags);
  /// Everything else of the plan, and the static files and theme assets at
  /// `copies` (re-resolved: a static file, else an asset, else nothing,
  /// unless the build writes the path itself). `first` is RenderFirst's
  /// result. Returns the new and changed files; `*removed` gets the paths
  /// that no longer exist, `*copied` the output's copied paths afterwards.
  Output RenderRest(const RenderPlan& plan, const Output& first, const std::set<std::string>& copies,
                    Diagnostics& diags, std::set<std::string>* removed, std::set<std::string>* copied);
  /// HTML pages rendered by the calls so far.
  size_t pages_rendered() const { return pages_rendered_; }

 private:
  const LoadedSite& loaded_;
  const Theme& theme_;
  const TemplateSet& templates_;
  const PagePlan& pages_;
  CsafWriter& csaf_;
  const SharedOutput& previous_;
  const std::set<std::string>& copied_;
  size_t pages_rendered_ = 0;
};

}  // namespace herald
