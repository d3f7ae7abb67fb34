// HTML pages: which page is written where, with which template and data.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "base/diagnostics.h"
#include "model/site.h"
#include "render/output.h"
#include "render/templates.h"

namespace herald {

namespace view {
class Shared;
}

struct HtmlPageJob {
  std::string path;      // output path, e.g. "advisories/ACME-SA-2026-0007/index.html"
  std::string template_;  // e.g. "advisory"
  std::string source;    // the source file it comes from ("" for generated pages)
};

/// Every HTML page of the site, in a stable order.
std::vector<HtmlPageJob> PlanHtmlPages(const Site& site);

/// The template data of planned pages: what RenderHtmlPages renders them
/// from. A page's bytes are a function of its data and template alone,
/// which is what lets `herald serve` skip pages whose data did not change.
/// The parts many pages show alike (the chrome, advisory rows) are built
/// once per HtmlPageViews and linked into each page's data (render/
/// mustache.h), so make one per render, ask it for every page, and render
/// each page's data while it lives.
/// Thread-safe.
class HtmlPageViews {
 public:
  explicit HtmlPageViews(const Site& site);
  ~HtmlPageViews();
  nlohmann::json Data(const HtmlPageJob& job) const;

 private:
  std::unique_ptr<view::Shared> shared_;
};

/// HtmlPageViews(site).Data(job) with its links replaced by what they link
/// to: the data of a single page.
nlohmann::json HtmlPageData(const Site& site, const HtmlPageJob& job);
/// One page from its data: what RenderHtmlPages does for each job.
std::string RenderHtmlPage(const TemplateSet& templates, const HtmlPageJob& job,
                           const nlohmann::json& data, Diagnostics& diags);

/// Renders the planned pages into `out`, using all cores.
void RenderHtmlPages(const Site& site, const TemplateSet& templates,
                     const std::vector<HtmlPageJob>& jobs, Output* out, Diagnostics& diags);

}  // namespace herald
