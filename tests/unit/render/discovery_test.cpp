// Tests for render/discovery: sitemap.xml, robots.txt, search-index.json.
#include "render/discovery.h"

#include <doctest/doctest.h>

#include "test_site.h"

namespace herald {
namespace {

TEST_CASE("Sitemap lists every HTML page but 404.html, with lastmod from the sources") {
  Site site = testing::MakeSite();
  std::vector<HtmlPageJob> pages = {
      {"index.html", "home", ""},
      {"advisories/index.html", "advisory-list", ""},
      {"advisories/TEST-SA-2026-0001/index.html", "advisory", "advisories/2026/TEST-SA-2026-0001.md"},
      {"devices/index.html", "device-list", ""},
      {"devices/gw-1/index.html", "device", "content/devices/gw-1/index.md"},
      {"security/index.html", "security", ""},
      {"404.html", "404", ""}};
  std::vector<std::string> paths;
  for (const HtmlPageJob& p : pages) paths.push_back(p.path);
  paths.push_back("files/manual.html");  // a static page: listed, no lastmod
  paths.push_back("feeds/advisories.rss");
  paths.push_back(".well-known/csaf/index.html");  // a CSAF listing: not a page
  CHECK(Sitemap(site, pages, paths) == R"x(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://psirt.example/</loc>
    <lastmod>2026-05-01T10:00:00Z</lastmod>
  </url>
  <url>
    <loc>https://psirt.example/advisories/</loc>
    <lastmod>2026-05-01T10:00:00Z</lastmod>
  </url>
  <url>
    <loc>https://psirt.example/advisories/TEST-SA-2026-0001/</loc>
    <lastmod>2026-05-01T10:00:00Z</lastmod>
  </url>
  <url>
    <loc>https://psirt.example/devices/</loc>
    <lastmod>2026-05-01T01:46:40Z</lastmod>
  </url>
  <url>
    <loc>https://psirt.example/devices/gw-1/</loc>
    <lastmod>2026-05-01T01:46:40Z</lastmod>
  </url>
  <url>
    <loc>https://psirt.example/files/manual.html</loc>
  </url>
  <url>
    <loc>https://psirt.example/security/</loc>
  </url>
</urlset>
)x");
}

TEST_CASE("RobotsTxt points at the sitemap") {
  Site site = testing::MakeSite();
  CHECK(RobotsTxt(site) == "User-agent: *\nAllow: /\n\nSitemap: https://psirt.example/sitemap.xml\n");
}

TEST_CASE("SearchIndexJson holds what the search box searches") {
  Site site = testing::MakeSite();
  CHECK(SearchIndexJson(site) == R"x({"advisories":[{"id":"TEST-SA-2026-0002","title":"<script>alert(1)</script> & \"quotes\" 🔒 שלום","url":"/advisories/TEST-SA-2026-0002/","severity":"unrated","category":"informational","published":"2026-03-01","year":"2026","cves":[],"cwes":[],"devices":[{"slug":"gw-1","name":"Gateway 1"}],"summary":"Tom & Jerry <b></b>"},{"id":"TEST-SA-2026-0001","title":"Authentication bypass","url":"/advisories/TEST-SA-2026-0001/","severity":"critical","category":"security_advisory","published":"2026-01-10","year":"2026","cves":["CVE-2026-1111"],"cwes":["CWE-287"],"devices":[{"slug":"gw-1","name":"Gateway 1"}],"summary":"Anyone can log in.","actively_exploited":true}],"devices":[{"slug":"gw-1","name":"Gateway 1","type":"gateway","models":["GW1","GW1-EU"],"url":"/devices/gw-1/","status":"on_sale"}]}
)x");
}

TEST_CASE("RenderDiscovery adds the three files") {
  Site site = testing::MakeSite();
  Output out;
  out["index.html"] = "<html>";
  RenderDiscovery(site, {{"index.html", "home", ""}}, &out);
  CHECK(out.count("sitemap.xml") == 1);
  CHECK(out.count("robots.txt") == 1);
  CHECK(out.count("search-index.json") == 1);
  CHECK(out["sitemap.xml"].find("<loc>https://psirt.example/</loc>") != std::string::npos);
}

}  // namespace
}  // namespace herald
