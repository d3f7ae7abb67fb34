// Link rules: internal links must resolve; Markdown links must not be relative.
#include <map>

#include "build/load_site.h"
#include "lint/links.h"
#include "render/html_pages.h"

namespace herald {
namespace {

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

// What a build would write, and the ids of its pages, known only after render.
class Targets {
 public:
  explicit Targets(LintContext& ctx) : ctx_(ctx) {
    if (const Output* out = ctx.output()) {
      for (const auto& [path, bytes] : *out) files_.insert(path);
      return;
    }
    for (const HtmlPageJob& job : PlanHtmlPages(ctx.site())) files_.insert(job.path);
    for (const std::string& path : ctx.tree().List("static")) files_.insert(path.substr(7));
    for (const std::string& path : ctx.tree().List("")) sources_.insert(path);
  }

  bool Rendered() const { return ctx_.output() != nullptr; }
  std::string File(const std::string& site_path) const { return OutputFileFor(site_path, files_); }

  const std::set<std::string>& Ids(const std::string& file) {
    auto it = ids_.find(file);
    if (it != ids_.end()) return it->second;
    std::set<std::string> ids;
    if (ctx_.output()) {
      auto page = ctx_.output()->find(file);
      if (page != ctx_.output()->end()) ids = ElementIds(page->second);
    }
    return ids_.emplace(file, std::move(ids)).first->second;
  }

  // Why `site_path` is missing, or "" when the cause is a source file that
  // failed to load (reported already) or a file only a render would show.
  std::string WhyMissing(const std::string& site_path) {
    const Site& site = ctx_.site();
    std::vector<std::string> s = Segments(site_path);
    bool dir = site_path.back() == '/';
    if (s.size() == 2 && s[0] == "advisories") {
      for (const Advisory& a : site.withheld) {
        if (a.id == s[1]) {
          return "advisory " + a.id +
                 " is not published (draft or TLP other than CLEAR); the "
                 "link would show a missing page and reveal its id";
        }
      }
      if (SourceExists("advisories/", "/" + s[1] + ".md")) return "";
      return "there is no advisory " + s[1];
    }
    if (s.size() == 2 && s[0] == "devices") {
      if (SourceExists("content/devices/" + s[1] + "/index.md", "")) return "";
      return "there is no device '" + s[1] + "'";
    }
    if (s.size() == 4 && s[0] == "devices" && s[2] == "guides") {
      if (SourceExists("content/devices/" + s[1] + "/guides/" + s[3] + ".md", "")) return "";
      if (!site.FindDevice(s[1])) return "there is no device '" + s[1] + "'";
      return "device '" + s[1] + "' has no guide '" + s[3] + "'";
    }
    if (s.size() == 1 && SourceExists("content/pages/" + s[0] + ".md", "")) return "";
    if (!Rendered() && !dir && s.size() > 0 && s.back().find('.') != std::string::npos) {
      return "";  // feeds, CSAF and theme files are only known after a render
    }
    return "the site has no page or file " + site_path;
  }

 private:
  // True when a source file exists that did not load (outside a render only
  // the file list is at hand, and the loader reported that file's errors).
  bool SourceExists(const std::string& prefix, const std::string& suffix) const {
    if (Rendered()) return false;
    for (auto it = sources_.lower_bound(prefix); it != sources_.end(); ++it) {
      if (it->compare(0, prefix.size(), prefix) != 0) break;
      if (it->size() >= suffix.size() &&
          it->compare(it->size() - suffix.size(), suffix.size(), suffix) == 0) {
        return true;
      }
    }
    return false;
  }

  LintContext& ctx_;
  std::set<std::string> files_, sources_;
  std::map<std::string, std::set<std::string>> ids_;
};

}  // namespace

void CheckInternalLinks(LintContext& ctx) {
  Targets targets(ctx);
  const std::string& base = ctx.site().config.site.base_url;
  for (const SiteLink& link : CollectLinks(ctx)) {
    LinkTarget t = ParseLink(link.url, base);
    std::string file, shown;
    if (t.kind == LinkTarget::Kind::kFragment) {
      if (link.page.empty() || !targets.Rendered()) continue;
      file = link.page;
      if (!ctx.output()->count(file)) continue;  // the text's own page is not published
      shown = "this page";
    } else if (t.kind == LinkTarget::Kind::kInternal) {
      file = targets.File(t.path);
      if (file.empty()) {
        std::string why = targets.WhyMissing(t.path);
        if (!why.empty()) ctx.Error(link.where, "link '" + link.url + "' does not resolve: " + why);
        continue;
      }
      shown = t.path;
    } else {
      continue;
    }
    if (t.fragment.empty() || !targets.Rendered()) continue;
    if (file.size() < 5 || file.compare(file.size() - 5, 5, ".html") != 0) continue;
    if (targets.Ids(file).count(t.fragment)) continue;
    ctx.Error(link.where, "link '" + link.url + "' does not resolve: " + shown +
                              " has no "
                              "element with id '" +
                              t.fragment +
                              "'; expected a heading's id or a "
                              "section id of that page");
  }
}

void CheckRelativeLinks(LintContext& ctx) {
  for (const SiteLink& link : CollectLinks(ctx)) {
    if (!link.markdown) continue;
    if (ParseLink(link.url, "").kind != LinkTarget::Kind::kRelative) continue;
    ctx.Warning(link.where,
                "link '" + link.url +
                    "' is relative; text is shown on several "
                    "pages (lists, feeds, CSAF), so write a site path starting with '/', "
                    "such as /devices/, or an absolute https: URL");
  }
}

}  // namespace herald
