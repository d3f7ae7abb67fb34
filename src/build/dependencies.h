// Dependencies: which outputs an edit can change, so `herald serve` renders
// those again and keeps every other file as it was.
//
// The table, from what each renderer reads (render/view_*.cpp, feeds,
// csaf*, discovery, coverage):
//   advisory  its page; home, advisory list, device list; the pages, coverage
//             pages and feeds of every device it names, before and after;
//             pages of advisories it supersedes and of devices whose firmware
//             names it; the site feed; its CSAF document and the CSAF
//             directory; sitemap and search index. When only its Markdown
//             body changed: its page, CSAF document, feeds and coverage.
//   device    its page, coverage page, guides and feed; the pages and CSAF
//             documents of the advisories naming it, and the pages of the
//             other devices they name (rows name them all); home, lists, security
//             and support pages, site coverage; support terms, search index,
//             sitemap
//   guide     its page and its device's other guides, page and coverage
//             pages; site coverage; sitemap
//   page      (same title and role) its page, security and support pages,
//             every coverage page; sitemap
//   template  the pages using it
// Everything else (site.toml, a new device, …) is a full rebuild, decided
// before this table is consulted (build/site_patch.h).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "build/site_patch.h"

namespace herald {

struct RenderPlan {
  std::set<std::string> pages;  // output paths of HTML pages to render
  std::set<std::string> first;  // of those, the edited files' own pages: published first
  std::set<size_t> feeds;       // RenderFeed indices: 0 the site feed, 1 + i device i
  std::set<std::string> csaf;   // ids of advisories whose CSAF document to render
  bool csaf_directory = false, sitemap = false, search_index = false, support_terms = false;
  std::set<std::string> removed;  // outputs the edit deleted
  bool Empty() const {
    return pages.empty() && feeds.empty() && csaf.empty() && !csaf_directory && !sitemap &&
           !search_index && !support_terms && removed.empty();
  }
};

/// The outputs `delta` can change, for the patched `site`.
RenderPlan PlanOutputs(const Site& site, const SiteDelta& delta);

}  // namespace herald
