#include "render/html_pages.h"

#include <nlohmann/json.hpp>

#include "base/parallel.h"
#include "render/mustache.h"
#include "render/view_model.h"

namespace herald {
namespace {

nlohmann::json DataFor(const view::Shared& shared, const HtmlPageJob& job) {
  const Site& site = shared.site();
  const std::string& t = job.template_;
  // The path encodes which entity a page shows: advisories/ID/, devices/SLUG/…
  auto segment = [&](size_t n) {
    size_t start = 0;
    for (size_t i = 0; i < n; ++i) start = job.path.find('/', start) + 1;
    return job.path.substr(start, job.path.find('/', start) - start);
  };
  if (t == "home") return view::Home(shared);
  if (t == "advisory-list") return view::AdvisoryList(shared);
  if (t == "advisory") return view::AdvisoryPage(shared, *site.FindAdvisory(segment(1)));
  if (t == "device-list") return view::DeviceList(shared);
  if (t == "device") return view::DevicePage(shared, *site.FindDevice(segment(1)));
  if (t == "device-coverage") return view::DeviceCoveragePage(shared, *site.FindDevice(segment(1)));
  if (t == "coverage") return view::SiteCoveragePage(shared);
  if (t == "guide") {
    auto it = site.guides_by_device.find(segment(1));
    if (it != site.guides_by_device.end()) {
      std::string name = segment(3);
      for (size_t i : it->second) {
        if (site.guides[i].name == name) return view::GuidePage(shared, site.guides[i]);
      }
    }
  }
  if (t == "page") {
    std::string name = segment(0);
    for (const Page& p : site.pages) {
      if (p.name == name) return view::ContentPage(shared, p);
    }
  }
  if (t == "security") return view::SecurityPage(site);
  if (t == "support") return view::SupportPage(site);
  return view::NotFound(shared);
}

}  // namespace

HtmlPageViews::HtmlPageViews(const Site& site) : shared_(std::make_unique<view::Shared>(site)) {}
HtmlPageViews::~HtmlPageViews() = default;

nlohmann::json HtmlPageViews::Data(const HtmlPageJob& job) const { return DataFor(*shared_, job); }

nlohmann::json HtmlPageData(const Site& site, const HtmlPageJob& job) {
  return MustacheUnlinked(HtmlPageViews(site).Data(job));
}

std::vector<HtmlPageJob> PlanHtmlPages(const Site& site) {
  std::vector<HtmlPageJob> jobs;
  jobs.push_back({"index.html", "home", ""});
  jobs.push_back({"advisories/index.html", "advisory-list", ""});
  for (const Advisory& a : site.advisories) {
    jobs.push_back({"advisories/" + a.id + "/index.html", "advisory", a.where.path});
  }
  jobs.push_back({"devices/index.html", "device-list", ""});
  for (const Device& d : site.devices) {
    jobs.push_back({"devices/" + d.slug + "/index.html", "device", d.where.path});
    jobs.push_back({"devices/" + d.slug + "/coverage/index.html", "device-coverage", ""});
  }
  for (const Guide& g : site.guides) {
    jobs.push_back({"devices/" + g.device + "/guides/" + g.name + "/index.html", "guide",
                    g.where.path});
  }
  for (const Page& p : site.pages) jobs.push_back({p.name + "/index.html", "page", p.where.path});
  jobs.push_back({"security/index.html", "security", ""});
  jobs.push_back({"support/index.html", "support", ""});
  jobs.push_back({"coverage/index.html", "coverage", ""});
  jobs.push_back({"404.html", "404", ""});
  return jobs;
}

std::string RenderHtmlPage(const TemplateSet& templates, const HtmlPageJob& job,
                           const nlohmann::json& data, Diagnostics& diags) {
  return templates.Render(job.template_, data, diags);
}

void RenderHtmlPages(const Site& site, const TemplateSet& templates,
                     const std::vector<HtmlPageJob>& jobs, Output* out, Diagnostics& diags) {
  HtmlPageViews views(site);
  std::vector<std::string> results(jobs.size());
  ParallelFor(jobs.size(), [&](size_t i) {
    results[i] = RenderHtmlPage(templates, jobs[i], views.Data(jobs[i]), diags);
  });
  for (size_t i = 0; i < jobs.size(); ++i) (*out)[jobs[i].path] = std::move(results[i]);
}

}  // namespace herald
