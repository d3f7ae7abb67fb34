// Tests for render/feeds.cpp: which entries a feed holds, their ids,
// titles, dates, order and limit. The format writers have their own tests.
#include "render/feeds.h"

#include <doctest/doctest.h>

#include "test_site.h"

namespace herald {
namespace {

std::vector<std::string> Ids(const FeedData& f) {
  std::vector<std::string> ids;
  for (const FeedEntry& e : f.entries) ids.push_back(e.id);
  return ids;
}

TEST_CASE("SiteFeed lists every advisory, latest update first") {
  Site site = testing::MakeSite();
  FeedData f = SiteFeed(site);
  CHECK(f.title == "Test PSIRT: security advisories");
  CHECK(f.home_url == "https://psirt.example/advisories/");
  CHECK(f.rss_url == "https://psirt.example/feeds/advisories.rss");
  // 0001 was published first but revised on 2026-05-01, so it moves up.
  CHECK(Ids(f) == std::vector<std::string>{"https://psirt.example/advisories/TEST-SA-2026-0001/",
                                           "https://psirt.example/advisories/TEST-SA-2026-0002/"});
  CHECK(f.updated == 1777629600);
  const FeedEntry& e = f.entries[0];
  CHECK(e.title == "[Critical, actively exploited] TEST-SA-2026-0001: Authentication bypass");
  CHECK(e.url == e.id);
  CHECK(e.id_is_url);
  CHECK(e.published == 1768039200);
  CHECK(e.updated == 1777629600);
  CHECK(e.summary == "Anyone can log in.");
  CHECK(e.content_html == "<p>Update.</p>\n");
  REQUIRE(e.categories.size() == 2);
  CHECK(e.categories[0].term == "CVE-2026-1111");
  CHECK(e.categories[0].scheme == "https://www.cve.org/");
  CHECK(e.categories[1].term == "CWE-287");
  CHECK(e.categories[1].scheme == "https://cwe.mitre.org/");
  // An unscored notice shows its category; the control character is gone.
  CHECK(f.entries[1].title ==
        "[Informational notice] TEST-SA-2026-0002: <script>alert(1)</script> & \"quotes\" "
        "\xF0\x9F\x94\x92 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
}

TEST_CASE("An advisory's id survives edits") {
  Site site = testing::MakeSite();
  std::string before = SiteFeed(site).entries[0].id;
  site.advisories[1].title = "Renamed";
  site.advisories[1].updated += 86400;
  site.advisories[1].severity = Severity3::kHigh;
  FeedEntry after = SiteFeed(site).entries[0];
  CHECK(after.id == before);
  CHECK(after.title == "[High, actively exploited] TEST-SA-2026-0001: Renamed");
}

TEST_CASE("Withdrawn and superseded advisories say so in the title") {
  Site site = testing::MakeSite();
  site.advisories[1].actively_exploited = false;
  site.advisories[1].withdrawn = Withdrawal{1777629600, "Duplicate."};
  site.advisories[1].superseded_by.value = "TEST-SA-2026-0003";
  CHECK(SiteFeed(site).entries[0].title ==
        "[Critical, withdrawn, superseded by TEST-SA-2026-0003] TEST-SA-2026-0001: "
        "Authentication bypass");
}

TEST_CASE("[feeds] limit caps the site feed, not the device feeds") {
  Site site = testing::MakeSite();
  site.config.feeds.limit = 1;
  site.devices[0].firmware.clear();
  CHECK(Ids(SiteFeed(site)) ==
        std::vector<std::string>{"https://psirt.example/advisories/TEST-SA-2026-0001/"});
  CHECK(DeviceFeed(site, site.devices[0]).entries.size() == 4);
}

TEST_CASE("the site feed's newest entries are the first of the whole feed, ties included") {
  Site site = testing::MakeSite();
  // Many advisories with few distinct dates: order by update, publication, then id.
  Advisory base = site.advisories[0];
  site.advisories.clear();
  for (int i = 0; i < 40; ++i) {
    Advisory a = base;
    a.id = "TEST-SA-2026-" + std::to_string(1000 + (i * 7) % 40);
    a.published = 1777600000 + (i % 3) * 86400;
    a.updated = a.published + (i % 4) * 3600;
    site.advisories.push_back(a);
  }
  site.config.feeds.limit = 1000;
  std::vector<std::string> all = Ids(SiteFeed(site));
  REQUIRE(all.size() == 40);
  for (int limit : {0, 1, 7, 39, 40}) {
    CAPTURE(limit);
    site.config.feeds.limit = limit;
    CHECK(Ids(SiteFeed(site)) == std::vector<std::string>(all.begin(), all.begin() + limit));
  }
}

TEST_CASE("A feed without entries is dated at the build") {
  Site site = testing::MakeSite();
  site.advisories.clear();
  site.advisories_by_device.clear();
  CHECK(SiteFeed(site).entries.empty());
  CHECK(SiteFeed(site).updated == testing::kBuildTime);
}

TEST_CASE("DeviceFeed holds the device's advisories and the milestones reached") {
  Site site = testing::MakeSite();
  site.devices[0].firmware.clear();
  FeedData f = DeviceFeed(site, site.devices[0]);
  CHECK(f.title == "Gateway 1: security advisories, firmware releases and support notices");
  CHECK(f.home_url == "https://psirt.example/devices/gw-1/");
  CHECK(f.atom_url == "https://psirt.example/devices/gw-1/feed.atom");
  // Security support ends 2026-06-30; the build is on 2026-06-01: the 90-
  // and 30-day milestones have passed, the 7-day one and the day have not.
  CHECK(Ids(f) == std::vector<std::string>{
                      "https://psirt.example/devices/gw-1/#end-of-security-support-2026-06-30-30-days",
                      "https://psirt.example/advisories/TEST-SA-2026-0001/",
                      "https://psirt.example/devices/gw-1/#end-of-security-support-2026-06-30-90-days",
                      "https://psirt.example/advisories/TEST-SA-2026-0002/"});
  const FeedEntry& m = f.entries[0];
  CHECK_FALSE(m.id_is_url);
  CHECK(m.url == "https://psirt.example/devices/gw-1/#support");
  CHECK(m.title == "[Support] Gateway 1: security updates end in 30 days (2026-06-30)");
  CHECK(m.published == testing::kEndOfSupport - 30 * 86400);
  CHECK(m.updated == m.published);
  CHECK(m.summary == "Test provides security updates for Gateway 1 until 2026-06-30, 30 days "
                     "after this notice.");
  CHECK(f.updated == m.updated);
}

TEST_CASE("A milestone appears once its day is reached, and the day itself last") {
  Site site = testing::MakeSite();
  site.devices[0].firmware.clear();
  site.build.build_time = testing::kEndOfSupport - 7 * 86400 - 1;
  CHECK(DeviceFeed(site, site.devices[0]).entries.size() == 4);
  site.build.build_time = testing::kEndOfSupport - 7 * 86400;
  CHECK(DeviceFeed(site, site.devices[0]).entries.size() == 5);
  site.build.build_time = testing::kEndOfSupport;
  FeedData f = DeviceFeed(site, site.devices[0]);
  REQUIRE(f.entries.size() == 6);
  CHECK(f.entries[0].title == "[Support] Gateway 1: last day of security updates (2026-06-30)");
  CHECK(f.entries[0].summary ==
        "Today, 2026-06-30, is the last day Test provides security updates for Gateway 1.");
}

TEST_CASE("A device without a known end of security support has no milestones") {
  Site site = testing::MakeSite();
  site.devices[0].firmware.clear();
  site.devices[0].support.end_of_security_support = {};
  CHECK(DeviceFeed(site, site.devices[0]).entries.size() == 2);
}

TEST_CASE("DeviceFeed has an entry per firmware release out by the build") {
  Site site = testing::MakeSite();
  Firmware& fw = site.devices[0].firmware[0];
  fw.is_security = true;
  fw.criticality = "critical";
  fw.install_within_days = 7;
  fw.security_notes.source = fw.security_notes.plain = "Stops remote takeover. Install now.";
  fw.security_notes.html = "<p>Stops remote takeover. Install now.</p>\n";
  fw.download_url = "/downloads/gw1-1.2.0.bin";
  fw.advisories.push_back({"TEST-SA-2026-0001", {}});
  Firmware later;
  later.version = "1.3.0";
  later.released = testing::kBuildTime + 86400;  // not out yet
  site.devices[0].firmware.insert(site.devices[0].firmware.begin(), later);
  FeedData f = DeviceFeed(site, site.devices[0]);
  const FeedEntry* e = nullptr;
  for (const FeedEntry& x : f.entries) {
    if (x.id.find("#fw-") != std::string::npos) {
      CHECK(e == nullptr);  // only the release that is out
      e = &x;
    }
  }
  REQUIRE(e != nullptr);
  CHECK(e->id == "https://psirt.example/devices/gw-1/#fw-1.2.0");
  CHECK(e->url == e->id);
  CHECK(e->id_is_url);
  CHECK(e->title == "[Security update, Critical] Gateway 1: firmware 1.2.0");
  CHECK(e->published == 1777593600);
  CHECK(e->updated == e->published);
  CHECK(e->summary == "Stops remote takeover. Install now.");
  CHECK(e->content_html ==
        "<p>Firmware 1.2.0 for Gateway 1 was released on 2026-05-01.</p>\n"
        "<p>Stops remote takeover. Install now.</p>\n"
        "<p>Install within 7 days.</p>\n"
        "<p>Fixes: <a href=\"https://psirt.example/advisories/TEST-SA-2026-0001/\">TEST-SA-2026-0001</a></p>\n"
        "<p><a href=\"https://psirt.example/downloads/gw1-1.2.0.bin\">Download firmware 1.2.0</a></p>\n"
        "<p><a href=\"https://psirt.example/devices/gw-1/#fw-1.2.0\">Release notes on the Gateway 1 page</a></p>\n");
  site.devices[0].firmware[1].is_security = false;
  site.devices[0].firmware[1].notes.source = site.devices[0].firmware[1].notes.plain = "Faster pairing.";
  f = DeviceFeed(site, site.devices[0]);
  for (const FeedEntry& x : f.entries) {
    if (x.id.find("#fw-") == std::string::npos) continue;
    CHECK(x.title == "[Firmware] Gateway 1: firmware 1.2.0");
    CHECK(x.summary == "Faster pairing.");
  }
}

TEST_CASE("RenderFeeds writes three formats for the site and each device") {
  Site site = testing::MakeSite();
  Output out;
  RenderFeeds(site, &out);
  std::vector<std::string> paths;
  for (const auto& [path, bytes] : out) paths.push_back(path);
  CHECK(paths == std::vector<std::string>{"devices/gw-1/feed.atom", "devices/gw-1/feed.json",
                                          "devices/gw-1/feed.rss", "feeds/advisories.atom",
                                          "feeds/advisories.json", "feeds/advisories.rss"});
  CHECK(out["feeds/advisories.atom"] == WriteAtom(SiteFeed(site)));
}

}  // namespace
}  // namespace herald
