// A small hand-built Site for the renderer tests: one device whose security
// support ends 29 days after the build, two advisories (one critical and
// revised, one unscored notice whose title and summary hold markup, quotes,
// an emoji, RTL text and a control character).
#pragma once

#include "model/site.h"
#include "render/feeds.h"

namespace herald::testing {

constexpr Timestamp kBuildTime = 1780308000;   // 2026-06-01T10:00:00Z
constexpr Timestamp kEndOfSupport = 1782777600;  // 2026-06-30

inline Site MakeSite() {
  Site site;
  site.config.where.path = "site.toml";
  site.config.site.title = "Test PSIRT";
  site.config.site.base_url = "https://psirt.example";
  site.config.site.description = "Advisories of Test Devices.";
  site.config.manufacturer.legal_name = "Test Devices Ltd";
  site.config.manufacturer.trade_name = "Test";
  site.config.publisher.name = "Test PSIRT";
  site.config.disclosure.contact = {"mailto:psirt@test.example", "https://test.example/report"};
  site.config.disclosure.openpgp_key_url = "https://test.example/psirt.asc";
  site.config.disclosure.acknowledgments_url = "/thanks/";
  site.config.disclosure.preferred_languages = {"en", "de"};
  site.config.security_txt.expires_days = 30;
  site.build.build_time = kBuildTime;
  site.build.generator_version = "0.1.0";

  Device d;
  d.slug = "gw-1";
  d.where.path = "content/devices/gw-1/index.md";
  d.identity.name = "Gateway 1";
  d.identity.type = "gateway";
  d.identity.models = {"GW1", "GW1-EU"};
  d.support.general_availability = {false, 1704067200};     // 2024-01-01
  d.support.end_of_security_support = {false, kEndOfSupport};
  d.support.basis = "guaranteed";
  d.support.update_mechanism.source = d.support.update_mechanism.plain = "Signed OTA, over HTTPS.";
  d.support.automatic_updates = true;
  d.support.history.push_back({});
  Firmware fw;
  fw.version = "1.2.0";
  fw.released = 1777593600;  // 2026-05-01
  d.firmware.push_back(fw);
  d.updated = 1777600000;
  d.status = DeviceStatus::kOnSale;
  site.devices.push_back(d);

  Advisory a;
  a.id = "TEST-SA-2026-0001";
  a.where.path = "advisories/2026/TEST-SA-2026-0001.md";
  a.title = "Authentication bypass";
  a.summary = "Anyone can log in.";
  a.published = 1768039200;  // 2026-01-10T10:00:00Z
  a.updated = 1777629600;    // 2026-05-01T10:00:00Z
  a.severity = Severity3::kCritical;
  a.max_score = 9.8;
  a.actively_exploited = true;
  Vulnerability v;
  v.cve = "CVE-2026-1111";
  v.cwe = "CWE-287";
  v.cvss_v3 = CvssScore{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, Severity3::kCritical, {}};
  a.vulnerabilities.push_back(v);
  a.affected.push_back({{"gw-1", {}}, {"< 1.2.0", {}}, {"1.2.0", {}}});
  a.body.source = "Update.";
  a.body.html = "<p>Update.</p>\n";
  site.advisories.push_back(a);

  Advisory n;
  n.id = "TEST-SA-2026-0002";
  n.where.path = "advisories/2026/TEST-SA-2026-0002.md";
  n.category = AdvisoryCategory::kInformational;
  n.title = "<script>alert(1)</script> & \"quotes\" \xF0\x9F\x94\x92 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\x01";
  n.summary = "Tom & Jerry <b>\x07</b>";
  n.published = 1772359200;  // 2026-03-01T10:00:00Z
  n.updated = n.published;
  n.not_affected.push_back({{"gw-1", {}}, "vulnerable_code_not_present"});
  n.body.source = "x";
  n.body.html = "<p>&lt;script&gt; &amp; \xF0\x9F\x94\x92</p>\n";
  site.advisories.insert(site.advisories.begin(), n);  // newest first

  site.advisory_by_id = {{n.id, 0}, {a.id, 1}};
  site.device_by_slug = {{"gw-1", 0}};
  site.advisories_by_device["gw-1"] = {0, 1};
  return site;
}

}  // namespace herald::testing

namespace herald::testing {

/// A feed with two entries, for the format writers' tests: one with
/// categories and hostile text, one whose id is not a URL.
inline FeedData MakeFeed() {
  FeedData f;
  f.title = "Test PSIRT: security advisories";
  f.description = "Advisories & notices.";
  f.language = "en";
  f.home_url = "https://psirt.example/advisories/";
  f.rss_url = "https://psirt.example/feeds/advisories.rss";
  f.atom_url = "https://psirt.example/feeds/advisories.atom";
  f.json_url = "https://psirt.example/feeds/advisories.json";
  f.author_name = "Test PSIRT";
  f.author_url = "https://psirt.example/";
  f.generator_version = "0.1.0";
  f.updated = 1777629600;  // 2026-05-01T10:00:00Z
  FeedEntry a;
  a.id = a.url = "https://psirt.example/advisories/T-1/";
  a.title = "[High] T-1: <script> & \"x\" \xF0\x9F\x94\x92\x01";
  a.published = 1768039200;  // 2026-01-10T10:00:00Z
  a.updated = 1777629600;
  a.summary = "A & B";
  a.content_html = "<p>x &amp; y</p>\n";
  a.categories = {{"CVE-2026-1111", "https://www.cve.org/"}, {"CWE-79", "https://cwe.mitre.org/"}};
  FeedEntry m;
  m.id = "https://psirt.example/devices/gw-1/#end-of-security-support-2026-06-30-0-days";
  m.id_is_url = false;
  m.url = "https://psirt.example/devices/gw-1/#support";
  m.title = "[Support] Gateway 1: last day of security updates (2026-06-30)";
  m.published = m.updated = 1782777600;  // 2026-06-30
  f.entries = {a, m};
  return f;
}

}  // namespace herald::testing
