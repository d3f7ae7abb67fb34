#include "build/partial_render.h"

#include <algorithm>
#include <functional>
#include <map>

#include <nlohmann/json.hpp>

#include "base/parallel.h"
#include "build/pipeline.h"
#include "render/csaf.h"
#include "render/discovery.h"
#include "render/feeds.h"
#include "render/html_pages.h"
#include "render/support_terms.h"
#include "render/templates.h"
#include "render/theme.h"

namespace herald {
namespace {

// The planned pages among `paths`, in path order.
std::vector<const HtmlPageJob*> JobsFor(const PagePlan& plan, const std::set<std::string>& paths) {
  std::vector<const HtmlPageJob*> jobs;
  for (const std::string& path : paths) {
    if (auto it = plan.by_path.find(path); it != plan.by_path.end()) jobs.push_back(&plan.jobs[it->second]);
  }
  return jobs;
}

}  // namespace

PagePlan::PagePlan(const Site& site) : planned(PlanHtmlPages(site)), jobs(PlannedPages(site)) {
  for (size_t i = 0; i < jobs.size(); ++i) by_path[jobs[i].path] = i;
}

PartialRender::PartialRender(const LoadedSite& loaded, const Theme& theme, const TemplateSet& templates,
                             const PagePlan& pages, CsafWriter& csaf, const SharedOutput& previous,
                             const std::set<std::string>& copied)
    : loaded_(loaded), theme_(theme), templates_(templates), pages_(pages), csaf_(csaf),
      previous_(previous), copied_(copied) {}

Output PartialRender::RenderFirst(const RenderPlan& plan, Diagnostics& diags) {
  const Site& site = loaded_.site;
  Output out;
  OutputCollector sink(&out);
  std::vector<const HtmlPageJob*> jobs = JobsFor(pages_, plan.first);
  std::vector<std::function<void()>> tasks;
  HtmlPageViews views(site);
  for (const HtmlPageJob* job : jobs) {
    tasks.push_back([&, job] { sink.Put(job->path, RenderHtmlPage(templates_, *job, views.Data(*job), diags)); });
  }
  for (const std::string& id : plan.csaf) {
    if (auto i = csaf_.Find(id)) tasks.push_back([&, i] { csaf_.RenderDocument(*i, sink, diags); });
  }
  if (csaf_.parallel()) {
    ParallelFor(tasks.size(), [&](size_t i) { tasks[i](); });
  } else {
    for (auto& task : tasks) task();
  }
  pages_rendered_ += jobs.size();
  return out;
}

Output PartialRender::RenderRest(const RenderPlan& plan, const Output& first,
                                 const std::set<std::string>& copies, Diagnostics& diags,
                                 std::set<std::string>* removed, std::set<std::string>* copied) {
  const Site& site = loaded_.site;
  Output out;
  OutputCollector sink(&out);
  std::set<std::string> rest;
  for (const auto& path : plan.pages) {
    if (!first.count(path)) rest.insert(path);
  }
  std::vector<const HtmlPageJob*> jobs = JobsFor(pages_, rest);
  HtmlPageViews views(site);
  std::vector<std::function<void()>> tasks;
  for (const HtmlPageJob* job : jobs) {
    tasks.push_back([&, job] { sink.Put(job->path, RenderHtmlPage(templates_, *job, views.Data(*job), diags)); });
  }
  for (size_t i : plan.feeds) {
    if (i < FeedCount(site)) tasks.push_back([&, i] { RenderFeed(site, i, sink); });
  }
  if (plan.search_index) tasks.push_back([&] { sink.Put("search-index.json", SearchIndexJson(site)); });
  if (plan.support_terms) {
    tasks.push_back([&] {
      sink.Put("support-terms.json", SupportTermsJson(site));
      sink.Put("support-terms.ics", SupportTermsIcs(site));
    });
  }
  ParallelFor(tasks.size(), [&](size_t i) { tasks[i](); });
  pages_rendered_ += jobs.size();

  // Generated outputs the edit removed (and, when the CSAF directory is
  // rendered again, its old listings: it writes the ones still needed).
  auto rendered = [&](const std::string& path) { return first.count(path) || out.count(path); };
  auto was_generated = [&](const std::string& path) { return previous_.Contains(path) && !copied_.count(path); };
  std::set<std::string> gone;
  for (const std::string& path : plan.removed) {
    if (was_generated(path) && !rendered(path)) gone.insert(path);
  }
  if (plan.csaf_directory) {
    previous_.ForEach([&](const std::string& path, const auto&) {
      bool listing = path.rfind(".well-known/csaf/", 0) == 0 && path.size() >= 10 &&
                     path.compare(path.size() - 10, 10, "index.html") == 0;
      if (listing && was_generated(path) && !rendered(path)) gone.insert(path);
    });
  }
  auto generated = [&](const std::string& path) {
    return rendered(path) || (was_generated(path) && !gone.count(path));
  };
  // Static files and assets at the paths that changed, or that a removed
  // output uncovered; whatever the build writes itself wins.
  *copied = copied_;
  for (const Output* made : {&first, static_cast<const Output*>(&out)}) {
    for (const auto& [path, bytes] : *made) copied->erase(path);
  }
  std::set<std::string> vanished;  // paths with nothing left to write
  std::set<std::string> resolve = copies;
  resolve.insert(gone.begin(), gone.end());
  for (const std::string& path : resolve) {
    if (generated(path)) continue;
    copied->erase(path);
    std::optional<std::string> bytes = loaded_.tree->Read("static/" + path);
    if (!bytes) {
      if (auto asset = theme_.assets.find(path); asset != theme_.assets.end()) bytes = asset->second;
    }
    if (bytes) {
      out[path] = std::move(*bytes);
      copied->insert(path);
    } else {
      vanished.insert(path);
    }
  }

  if (plan.csaf_directory || plan.sitemap) {
    // Every path after the edit, sorted: the old ones, less what vanished,
    // merged with what was rendered (both already in order).
    std::vector<std::string> made;  // few: what this render wrote
    for (const Output* m : {&first, static_cast<const Output*>(&out)}) {
      for (const auto& [path, bytes] : *m) made.push_back(path);
    }
    std::sort(made.begin(), made.end());
    std::vector<std::string> all;
    all.reserve(previous_.size() + made.size());
    auto next = made.begin();
    previous_.ForEach([&](const std::string& path, const auto&) {
      for (; next != made.end() && *next < path; ++next) all.push_back(*next);
      if (!vanished.count(path) && !rendered(path)) all.push_back(path);
    });
    all.insert(all.end(), next, made.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());

    if (plan.csaf_directory) {
      Output directory;
      OutputCollector directory_sink(&directory);
      csaf_.RenderDirectory(all, directory_sink);
      for (auto& [path, bytes] : directory) {
        copied->erase(path);
        vanished.erase(path);
        if (!std::binary_search(all.begin(), all.end(), path)) {
          all.insert(std::upper_bound(all.begin(), all.end(), path), path);
        }
        out[path] = std::move(bytes);
      }
      all.erase(std::remove_if(all.begin(), all.end(), [&](const std::string& p) { return vanished.count(p) > 0; }),
                all.end());
    }
    if (plan.sitemap) out["sitemap.xml"] = Sitemap(site, pages_.planned, all);
  }
  for (const std::string& path : vanished) {
    if (previous_.Contains(path)) removed->insert(path);
  }
  return out;
}

}  // namespace herald
