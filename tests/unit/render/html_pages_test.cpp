// Tests for render/html_pages.cpp and view_shared.cpp: the data of a page is
// the same whether its shared parts were built for it alone or once for the
// whole render, on one thread or several, and each page finds its entity.
#include "render/html_pages.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <thread>

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

TEST_CASE("the shared chrome equals the one built for a single page") {
  Site site = MakeSiteWithGuides();
  view::Shared shared(site);
  for (const char* path : {"/", "/advisories/", "/advisories/X/", "/devices/gw-1/", "/security/",
                           "/support/", "/404.html", "/policy/"}) {
    CHECK(shared.Common(path, "T") == view::Common(site, path, "T"));
    CHECK(shared.Common(path, "") == view::Common(site, path, ""));
  }
  CHECK(shared.Subscribe() == view::detail::Subscribe(site));
  json first = shared.Common("/x/", "X");
  first["site"]["title"] = "changed";  // a page's copy, not the shared original
  CHECK(shared.Common("/x/", "X") == view::Common(site, "/x/", "X"));
}

TEST_CASE("every page's data is the same from one HtmlPageViews as page by page") {
  Site site = MakeSiteWithGuides();
  std::vector<HtmlPageJob> jobs = PlanHtmlPages(site);
  HtmlPageViews views(site);
  std::vector<json> once;
  for (const HtmlPageJob& job : jobs) once.push_back(views.Data(job));
  for (size_t i = 0; i < jobs.size(); ++i) {
    CHECK_MESSAGE(once[i] == HtmlPageData(site, jobs[i]), jobs[i].path);
    CHECK_MESSAGE(views.Data(jobs[i]) == once[i], jobs[i].path);
  }

  // Several threads building the data of every page at once.
  HtmlPageViews fresh(site);
  std::vector<std::vector<json>> got(4, std::vector<json>(jobs.size()));
  std::vector<std::thread> threads;
  for (size_t w = 0; w < got.size(); ++w) {
    threads.emplace_back([&, w] {
      for (size_t i = 0; i < jobs.size(); ++i) got[w][i] = fresh.Data(jobs[i]);
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
