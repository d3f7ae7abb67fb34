// RenderSite: every output of a loaded site, rendered on all cores.
//
// The independent outputs (HTML pages, feeds, CSAF documents, the small
// machine-readable files) form one list of tasks that ParallelFor runs, each
// handing its files to the sink as soon as they are made; what needs them all
// (the CSAF directory listings, the sitemap) follows, then the static files
// and theme assets wherever the build wrote nothing of its own. Every file's
// bytes depend on the model alone, never on which thread made them or when,
// so the output is the same on one thread or many.
#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <set>

#include <nlohmann/json.hpp>

#include "base/parallel.h"
#include "build/pipeline.h"
#include "render/csaf.h"
#include "render/discovery.h"
#include "render/feeds.h"
#include "render/html_pages.h"
#include "render/security_txt.h"
#include "render/support_terms.h"
#include "render/templates.h"
#include "render/theme.h"

namespace herald {
namespace {

// Passes files on and remembers their paths (the sitemap and the CSAF
// listings name what the build wrote).
class PathRecorder final : public OutputSink {
 public:
  explicit PathRecorder(OutputSink& next) : next_(next) {}
  void Put(const std::string& path, std::string bytes) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      paths_.push_back(path);
    }
    next_.Put(path, std::move(bytes));
  }
  /// Sorted, without duplicates; call when no Put runs.
  std::vector<std::string> Paths() {
    std::sort(paths_.begin(), paths_.end());
    paths_.erase(std::unique(paths_.begin(), paths_.end()), paths_.end());
    return paths_;
  }

 private:
  OutputSink& next_;
  std::mutex mutex_;
  std::vector<std::string> paths_;
};

bool IsSiteWidePage(const HtmlPageJob& job) {
  return job.template_ == "coverage" || job.template_ == "home" ||
         job.template_ == "advisory-list" || job.template_ == "device-list";
}

}  // namespace

std::vector<HtmlPageJob> PlannedPages(const Site& site) {
  std::vector<HtmlPageJob> jobs = PlanHtmlPages(site);
  std::set<std::string> seen;
  std::vector<HtmlPageJob> unique;
  for (auto it = jobs.rbegin(); it != jobs.rend(); ++it) {
    if (seen.insert(it->path).second) unique.push_back(std::move(*it));
  }
  std::reverse(unique.begin(), unique.end());
  return unique;
}

bool RenderSite(const LoadedSite& loaded, Output* out, Diagnostics& diags) {
  OutputCollector sink(out);
  return RenderSite(loaded, sink, diags);
}

bool RenderSite(const LoadedSite& loaded, OutputSink& out, Diagnostics& diags) {
  Theme theme = LoadTheme(*loaded.tree, loaded.site.config.build.theme, diags);
  TemplateSet templates;
  if (!templates.Compile(theme, diags)) return false;
  return RenderSite(loaded, theme, templates, out, diags);
}

bool RenderSite(const LoadedSite& loaded, const Theme& theme, const TemplateSet& templates,
                OutputSink& out, Diagnostics& diags, std::set<std::string>* copied) {
  const Site& site = loaded.site;
  const std::vector<HtmlPageJob> pages = PlannedPages(site);
  auto views = std::make_unique<const HtmlPageViews>(site);
  CsafWriter csaf(site, diags);
  PathRecorder sink(out);

  // Largest first, so no long task is left for one core at the end: the
  // pages that summarise the whole site, the search index and the small
  // site-wide files, the feeds (per-device feeds carry every advisory
  // body), then pages and CSAF documents.
  std::vector<std::function<void()>> tasks;
  // The parts pages share (every advisory's rows) go with the last page, so
  // the CSAF documents after the pages reuse their memory.
  std::atomic<size_t> pages_left = pages.size();
  auto page = [&](size_t i) {
    return [&, i] {
      const HtmlPageJob& job = pages[i];
      sink.Put(job.path, RenderHtmlPage(templates, job, views->Data(job), diags));
      if (--pages_left == 0) views.reset();
    };
  };
  for (size_t i = 0; i < pages.size(); ++i) {
    if (IsSiteWidePage(pages[i])) tasks.push_back(page(i));
  }
  tasks.push_back([&] {
    sink.Put("robots.txt", RobotsTxt(site));
    sink.Put("search-index.json", SearchIndexJson(site));  // every advisory: not a task to end on
  });
  tasks.push_back([&] {
    sink.Put("support-terms.json", SupportTermsJson(site));
    sink.Put("support-terms.ics", SupportTermsIcs(site));
  });
  tasks.push_back([&] {
    if (auto text = SecurityTxt(site, diags)) sink.Put(".well-known/security.txt", std::move(*text));
  });
  for (size_t i = 0; i < FeedCount(site); ++i) tasks.push_back([&, i] { RenderFeed(site, i, sink); });
  for (size_t i = 0; i < pages.size(); ++i) {
    if (!IsSiteWidePage(pages[i])) tasks.push_back(page(i));
  }
  if (csaf.parallel()) {
    for (size_t i = 0; i < csaf.size(); ++i) {
      tasks.push_back([&, i] { csaf.RenderDocument(i, sink, diags); });
    }
  } else {
    tasks.push_back([&] {
      for (size_t i = 0; i < csaf.size(); ++i) csaf.RenderDocument(i, sink, diags);
    });
  }
  ParallelFor(tasks.size(), [&](size_t i) { tasks[i](); });

  // Static files override theme assets; whatever the build writes overrides both.
  std::map<std::string, std::string> copies;  // output path → path in the site ("": an asset)
  for (const auto& path : loaded.tree->List("static")) {
    copies[path.substr(sizeof("static/") - 1)] = path;
  }
  for (const auto& [path, bytes] : theme.assets) copies.emplace(path, "");
  copies.erase("sitemap.xml");
  std::vector<std::string> generated = sink.Paths();
  for (const auto& [path, source] : copies) {
    if (std::binary_search(generated.begin(), generated.end(), path)) continue;
    if (source.empty()) {
      sink.Put(path, theme.assets.at(path));
    } else if (auto bytes = loaded.tree->Read(source)) {
      sink.Put(path, std::move(*bytes));
    } else {
      continue;
    }
    if (copied) copied->insert(path);
  }
  // The CSAF directory replaces static files of the same name (its listings
  // show the others), as the sitemap does. Both read the paths written so
  // far and run side by side: the sitemap leaves out .well-known/, which is
  // where every file of the directory goes.
  Output directory;
  std::string sitemap;
  const std::vector<std::string> written = sink.Paths();
  ParallelFor(2, [&](size_t i) {
    if (i == 0) {
      OutputCollector directory_sink(&directory);
      csaf.RenderDirectory(written, directory_sink);
    } else {
      sitemap = Sitemap(site, PlanHtmlPages(site), written);
    }
  });
  for (auto& [path, bytes] : directory) {
    if (copied) copied->erase(path);
    sink.Put(path, std::move(bytes));
  }
  sink.Put("sitemap.xml", std::move(sitemap));
  return !diags.HasErrors();
}

}  // namespace herald
