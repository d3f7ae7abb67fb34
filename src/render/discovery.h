// Discovery files: sitemap.xml (sitemaps.org 0.9), robots.txt and
// search-index.json, the data the theme's search script reads.
#pragma once

#include <string>
#include <vector>

#include "render/html_pages.h"
#include "render/output.h"

namespace herald {

struct Site;

/// Every HTML file among `paths` (the build's output paths) but 404.html and
/// .well-known/, by URL; lastmod from the page's source (Git history) where
/// `pages` names one, from the newest advisory or device for the lists.
std::string Sitemap(const Site& site, const std::vector<HtmlPageJob>& pages,
                    const std::vector<std::string>& paths);
std::string RobotsTxt(const Site& site);
/// {"advisories": [...], "devices": [...]}: what the search box searches.
std::string SearchIndexJson(const Site& site);

/// Writes sitemap.xml, robots.txt and search-index.json. Call after the HTML
/// pages are in `out`.
void RenderDiscovery(const Site& site, const std::vector<HtmlPageJob>& pages, Output* out);

}  // namespace herald
