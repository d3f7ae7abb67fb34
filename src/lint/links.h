// Links: every internal link a site writes, and what they may point at.
//
// Links come from two places: Markdown text (the model keeps each Text's
// links with their lines) and URL fields in front matter and site.toml
// (site paths such as "/devices/hub-200/", found in the raw TOML). Targets
// are the rendered files and their element ids when the build rendered the
// site, else the pages the build would plan and the static files.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "lint/lint.h"

namespace herald {

struct SiteLink {
  std::string url;        // as written
  SourceLocation where;   // where it is written
  std::string page;       // output path of the page the text is shown on ("" when several)
  bool markdown = false;  // from Markdown (else a URL field)
};

/// Every link of the site, in file order.
std::vector<SiteLink> CollectLinks(LintContext& ctx);

/// A URL split into its site path (percent-decoded, "" when external or
/// relative) and fragment.
struct LinkTarget {
  enum class Kind { kInternal, kFragment, kExternal, kRelative };
  Kind kind = Kind::kExternal;
  std::string path;      // "/devices/hub-200/"
  std::string fragment;  // "support"
};
LinkTarget ParseLink(const std::string& url, const std::string& base_url);

/// The output file a site path is served from ("/a/" → "a/index.html"),
/// from `files`; "" when there is none.
std::string OutputFileFor(const std::string& site_path, const std::set<std::string>& files);

/// The values of id="…" attributes in an HTML document.
std::set<std::string> ElementIds(const std::string& html);

}  // namespace herald
