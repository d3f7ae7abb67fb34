#include "build/dependencies.h"

#include "model/site.h"
#include "render/view_model.h"

namespace herald {
namespace {

// "/devices/hub-200/" → "devices/hub-200/index.html", as PlanHtmlPages writes it.
std::string PageFile(const std::string& site_path) { return site_path.substr(1) + "index.html"; }

class Planner {
 public:
  Planner(const Site& site, RenderPlan* plan) : site_(site), plan_(plan) {}

  void SiteWide() {
    for (const char* page : {"index.html", "advisories/index.html", "devices/index.html",
                             "coverage/index.html"}) {
      plan_->pages.insert(page);
    }
    plan_->sitemap = plan_->search_index = true;
  }
  void Device(const std::string& slug, bool feed, bool page = true) {
    auto it = site_.device_by_slug.find(slug);
    if (it == site_.device_by_slug.end()) return;  // gone, or never there
    if (page) plan_->pages.insert(PageFile(view::DevicePath(slug)));
    plan_->pages.insert(PageFile(view::CoveragePath(slug)));
    if (feed) plan_->feeds.insert(1 + it->second);
  }
  void Advisory(const SiteDelta::AdvisoryChange& change) {
    if (change.body_only) return BodyOf(*change.after);
    SiteWide();
    plan_->feeds.insert(0);
    plan_->csaf_directory = true;
    std::set<std::string> ids;
    for (const auto* shown : {&change.before, &change.after}) {
      if (!*shown) continue;
      ids.insert((*shown)->id);
      for (const std::string& slug : (*shown)->devices) Device(slug, true);
    }
    if (change.after) {
      std::string page = PageFile(view::AdvisoryPath(change.after->id));
      plan_->pages.insert(page);
      plan_->first.insert(page);
      plan_->csaf.insert(change.after->id);
    }
    if (change.before) {
      const ShownAdvisory& b = *change.before;
      if (!change.after || change.after->id != b.id) plan_->removed.insert(PageFile(view::AdvisoryPath(b.id)));
      if (!change.after || change.after->csaf_path != b.csaf_path) {
        for (const char* suffix : {"", ".sha256", ".sha512", ".asc"}) plan_->removed.insert(b.csaf_path + suffix);
      }
    }
    // What shows it by id: superseded advisories, firmware that fixes it.
    for (const auto& a : site_.advisories) {
      if (ids.count(a.superseded_by.value)) plan_->pages.insert(PageFile(view::AdvisoryPath(a.id)));
    }
    for (const auto& d : site_.devices) {
      for (const Firmware& f : d.firmware) {
        for (const auto& ref : f.advisories) {
          if (ids.count(ref.value)) Device(d.slug, true);
        }
      }
    }
  }
  // Only its page, CSAF document (details), feeds (content) and coverage
  // (which may check the body) show an advisory's body.
  void BodyOf(const ShownAdvisory& a) {
    std::string page = PageFile(view::AdvisoryPath(a.id));
    plan_->pages.insert(page);
    plan_->first.insert(page);
    plan_->csaf.insert(a.id);
    plan_->feeds.insert(0);
    for (const std::string& slug : a.devices) Device(slug, true, false);  // its page has no bodies
    plan_->pages.insert("coverage/index.html");
  }
  void EditedDevice(const std::string& slug) {
    SiteWide();
    Device(slug, true);
    plan_->first.insert(PageFile(view::DevicePath(slug)));
    for (const char* page : {"security/index.html", "support/index.html"}) plan_->pages.insert(page);
    if (auto it = site_.guides_by_device.find(slug); it != site_.guides_by_device.end()) {
      for (size_t i : it->second) Guide(site_.guides[i]);
    }
    if (auto it = site_.advisories_by_device.find(slug); it != site_.advisories_by_device.end()) {
      for (size_t i : it->second) {
        const herald::Advisory& a = site_.advisories[i];
        plan_->pages.insert(PageFile(view::AdvisoryPath(a.id)));
        plan_->csaf.insert(a.id);
        // Advisory rows name every device of the advisory: the other
        // devices' pages list this one by name.
        for (const std::string& other : NamedDevices(a)) {
          if (site_.device_by_slug.count(other)) plan_->pages.insert(PageFile(view::DevicePath(other)));
        }
      }
    }
    plan_->support_terms = true;
  }
  void EditedGuide(const std::string& device, const std::string& name) {
    Device(device, false);
    plan_->pages.insert("coverage/index.html");
    plan_->first.insert(PageFile(view::GuidePath(device, name)));
    if (auto it = site_.guides_by_device.find(device); it != site_.guides_by_device.end()) {
      for (size_t i : it->second) Guide(site_.guides[i]);
    }
    plan_->sitemap = true;
  }
  void EditedPage(const std::string& name) {
    std::string page = PageFile("/" + name + "/");
    plan_->pages.insert(page);
    plan_->first.insert(page);
    for (const char* p : {"security/index.html", "support/index.html", "coverage/index.html"}) {
      plan_->pages.insert(p);
    }
    for (const auto& d : site_.devices) plan_->pages.insert(PageFile(view::CoveragePath(d.slug)));
    plan_->sitemap = true;
  }

 private:
  void Guide(const herald::Guide& g) { plan_->pages.insert(PageFile(view::GuidePath(g.device, g.name))); }

  const Site& site_;
  RenderPlan* plan_;
};

}  // namespace

RenderPlan PlanOutputs(const Site& site, const SiteDelta& delta) {
  RenderPlan plan;
  Planner planner(site, &plan);
  for (const auto& change : delta.advisories) planner.Advisory(change);
  for (const auto& slug : delta.devices) planner.EditedDevice(slug);
  for (const auto& [device, name] : delta.guides) planner.EditedGuide(device, name);
  for (const auto& name : delta.pages) planner.EditedPage(name);
  for (const auto& path : plan.first) plan.pages.insert(path);
  for (const auto& path : plan.pages) plan.removed.erase(path);
  return plan;
}

}  // namespace herald
