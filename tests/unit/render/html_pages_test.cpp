// Tests for render/html_pages.cpp and view_shared.cpp: the data of a page is
// the same whether its shared parts were built for it alone or once for the
// whole render, on one thread or several, links followed; it flags every
// list, linked ones too; and each page finds its entity.
#include "render/html_pages.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "render/mustache.h"
#include "render/view_model.h"
#include "test_site.h"

namespace herald {
namespace {

using nlohmann::json;

/// The test site plus two devices' guides of the same name and a page.
Site MakeSiteWithGuides() {
  Site site = testing::MakeSite();
  Device other = site.devices.front();
  other.slug = "gw-2";
  other.identity.name = "Gateway 2";
  site.devices.push_back(other);
  site.device_by_slug["gw-2"] = 1;
  for (const char* device : {"gw-1", "gw-2"}) {
    for (const char* name : {"reset", "setup"}) {
      Guide g;
      g.device = device;
      g.name = name;
      g.title = std::string(name) + " " + device;
      site.guides_by_device[device].push_back(site.guides.size());
      site.guides.push_back(g);
    }
  }
  Page p;
  p.name = "policy";
  p.title = "Support policy";
  p.role = "support-policy";
  site.pages.push_back(p);
  return site;
}

/// `data` as templates see it: links followed, list flags added.
json Seen(const json& data) {
  json out = MustacheUnlinked(data);
  view::detail::AddListFlags(out);
  return out;
}

TEST_CASE("the shared chrome equals the one built for a single page") {
  Site site = MakeSiteWithGuides();
  view::Shared shared(site);
  for (const char* path : {"/", "/advisories/", "/advisories/X/", "/devices/gw-1/", "/devices/",
                           "/security/", "/support/", "/support/x", "/404.html", "/policy/"}) {
    CHECK(Seen(shared.Common(path, "T")) == Seen(view::Common(site, path, "T")));
    CHECK(Seen(shared.Common(path, "")) == Seen(view::Common(site, path, "")));
  }
  CHECK(Seen(shared.Subscribe()) == Seen(view::detail::Subscribe(site)));
  for (const Advisory& a : site.advisories) {
    CHECK(Seen(shared.AdvisorySummary(a)) == Seen(view::detail::AdvisorySummary(site, a)));
    for (size_t i = 0; i < a.affected.size(); ++i) {
      CHECK(shared.AffectedByRow(a, i) == view::detail::AffectedByRow(a, a.affected[i]));
    }
  }
}

TEST_CASE("every page's data is the same from one HtmlPageViews as page by page") {
  Site site = MakeSiteWithGuides();
  std::vector<HtmlPageJob> jobs = PlanHtmlPages(site);
  HtmlPageViews views(site);
  std::vector<json> once;
  for (const HtmlPageJob& job : jobs) once.push_back(MustacheUnlinked(views.Data(job)));
  for (size_t i = 0; i < jobs.size(); ++i) {
    CHECK_MESSAGE(once[i] == HtmlPageData(site, jobs[i]), jobs[i].path);
    CHECK_MESSAGE(MustacheUnlinked(views.Data(jobs[i])) == once[i], jobs[i].path);
    // Every list has its flag, linked ones too, as if AddListFlags had
    // walked the whole data.
    CHECK_MESSAGE(Seen(once[i]) == once[i], jobs[i].path);
  }

  // Several threads building the data of every page at once.
  HtmlPageViews fresh(site);
  std::vector<std::vector<json>> got(4, std::vector<json>(jobs.size()));
  std::vector<std::thread> threads;
  for (size_t w = 0; w < got.size(); ++w) {
    threads.emplace_back([&, w] {
      for (size_t i = 0; i < jobs.size(); ++i) got[w][i] = MustacheUnlinked(fresh.Data(jobs[i]));
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& data : got) CHECK(data == once);
}

TEST_CASE("a guide page shows its own device's guide") {
  Site site = MakeSiteWithGuides();
  HtmlPageViews views(site);
  json data = views.Data({"devices/gw-2/guides/setup/index.html", "guide", ""});
  CHECK(data["guide"]["title"] == "setup gw-2");
  CHECK(data["guide"]["device"]["name"] == "Gateway 2");
  REQUIRE(data["guide"]["other_guides"].size() == 1);
  CHECK(data["guide"]["other_guides"][0]["url"] == "/devices/gw-2/guides/reset/");
  CHECK(views.Data({"devices/gw-1/guides/reset/index.html", "guide", ""})["guide"]["title"] ==
        "reset gw-1");
  CHECK(views.Data({"policy/index.html", "page", ""})["content"]["title"] == "Support policy");
}

}  // namespace
}  // namespace herald
