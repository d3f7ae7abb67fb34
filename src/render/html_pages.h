// HTML pages: which page is written where, with which template and data.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/site.h"
#include "render/output.h"
#include "render/templates.h"

namespace herald {

struct HtmlPageJob {
  std::string path;      // output path, e.g. "advisories/ACME-SA-2026-0007/index.html"
  std::string template_;  // e.g. "advisory"
  std::string source;    // the source file it comes from ("" for generated pages)
};

/// Every HTML page of the site, in a stable order.
std::vector<HtmlPageJob> PlanHtmlPages(const Site& site);

/// Renders the planned pages into `out`, using all cores.
void RenderHtmlPages(const Site& site, const TemplateSet& templates,
                     const std::vector<HtmlPageJob>& jobs, Output* out, Diagnostics& diags);

}  // namespace herald
