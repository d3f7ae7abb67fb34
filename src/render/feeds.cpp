#include "render/feeds.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "base/escape.h"
#include "model/site.h"
#include "render/plain_text.h"
#include "render/view_model.h"

namespace herald {
namespace {

constexpr Timestamp kDay = 86400;

bool HasScore(const Advisory& a) {
  for (const Vulnerability& v : a.vulnerabilities) {
    if (v.cvss_v3 || v.cvss_v4) return true;
  }
  return false;
}

/// "[Critical, actively exploited] ACME-SA-2026-0007: Authentication bypass …".
std::string AdvisoryTitle(const Advisory& a) {
  std::string tags = HasScore(a) ? SeverityLabel(a.severity) : CategoryLabel(a.category);
  if (a.actively_exploited) tags += ", actively exploited";
  if (a.withdrawn) tags += ", withdrawn";
  if (!a.superseded_by.value.empty()) tags += ", superseded by " + a.superseded_by.value;
  return "[" + tags + "] " + a.id + ": " + a.title;
}

FeedEntry AdvisoryEntry(const Site& site, const Advisory& a) {
  FeedEntry e;
  e.url = site.AbsoluteUrl(view::AdvisoryPath(a.id));
  e.id = e.url;  // the id in the path never changes; edits keep the entry
  e.title = CleanLine(AdvisoryTitle(a));
  e.published = a.published;
  e.updated = std::max(a.published, a.updated);
  e.summary = a.summary;
  e.content_html = a.body.html;
  std::set<std::pair<std::string, std::string>> categories;
  for (const Vulnerability& v : a.vulnerabilities) {
    if (!v.cve.empty()) categories.insert({v.cve, "https://www.cve.org/"});
    if (!v.cwe.empty()) categories.insert({v.cwe, "https://cwe.mitre.org/"});
  }
  for (const auto& [term, scheme] : categories) e.categories.push_back({term, scheme});
  return e;
}

/// One support milestone of a device: `days` before its end of security support.
FeedEntry MilestoneEntry(const Site& site, const Device& d, int days) {
  Timestamp end = d.support.end_of_security_support.date;
  std::string end_date = FormatIsoDate(end);
  std::string name = d.identity.name.empty() ? d.slug : d.identity.name;
  std::string maker = site.config.manufacturer.trade_name.empty()
                          ? site.config.manufacturer.legal_name
                          : site.config.manufacturer.trade_name;
  FeedEntry e;
  e.url = site.AbsoluteUrl(view::DevicePath(d.slug) + "#support");
  e.id = site.AbsoluteUrl(view::DevicePath(d.slug)) + "#end-of-security-support-" + end_date + "-" +
         std::to_string(days) + "-days";
  e.id_is_url = false;
  e.published = e.updated = end - days * kDay;
  if (days == 0) {
    e.title = "[Support] " + name + ": last day of security updates (" + end_date + ")";
    e.summary = "Today, " + end_date + ", is the last day " + maker +
                " provides security updates for " + name + ".";
  } else {
    e.title = "[Support] " + name + ": security updates end in " + std::to_string(days) +
              " days (" + end_date + ")";
    e.summary = maker + " provides security updates for " + name + " until " + end_date +
                ", " + std::to_string(days) + " days after this notice.";
  }
  e.title = CleanLine(e.title);
  std::string models;
  for (const std::string& m : d.identity.models) models += (models.empty() ? "" : ", ") + m;
  e.content_html = "<p>" + EscapeHtml(e.summary) + "</p>\n";
  if (!models.empty()) e.content_html += "<p>Models: " + EscapeHtml(models) + ".</p>\n";
  e.content_html +=
      "<p>After that day the device gets no more security fixes, and vulnerabilities found "
      "later stay open. Plan to replace it, or read what its support terms say about use "
      "after the end of support.</p>\n<p><a href=\"" +
      EscapeHtml(e.url) + "\">Support terms of " + EscapeHtml(name) + "</a></p>\n";
  return e;
}

/// A firmware release: customers hear that an update is available (8259B dissemination).
FeedEntry FirmwareEntry(const Site& site, const Device& d, const Firmware& f) {
  std::string name = d.identity.name.empty() ? d.slug : d.identity.name;
  FeedEntry e;
  e.url = site.AbsoluteUrl(view::DevicePath(d.slug) + "#" + view::detail::FirmwareAnchor(f.version));
  e.id = e.url;  // one anchor per version; edits to the notes keep the entry
  e.published = e.updated = f.released;
  std::string tag = "Firmware";
  if (f.is_security) {
    tag = "Security update";
    if (!f.criticality.empty()) {
      std::string c = f.criticality;
      c[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(c[0])));
      tag += ", " + c;
    }
  }
  e.title = CleanLine("[" + tag + "] " + name + ": firmware " + f.version);
  if (f.is_security && !f.security_notes.Empty()) {
    e.summary = f.security_notes.plain;
  } else if (!f.notes.Empty()) {
    e.summary = f.notes.plain;
  } else {
    e.summary = "Firmware " + f.version + " for " + name + " is available.";
  }
  e.content_html = "<p>Firmware " + EscapeHtml(f.version) + " for " + EscapeHtml(name) + " was released on " +
                   FormatIsoDate(f.released) + ".</p>\n";
  if (f.is_security && !f.security_notes.Empty()) e.content_html += f.security_notes.html;
  if (f.install_within_days) {
    e.content_html += "<p>Install within " + std::to_string(*f.install_within_days) + " days.</p>\n";
  }
  if (!f.notes.Empty()) e.content_html += f.notes.html;
  if (!f.advisories.empty()) {
    e.content_html += "<p>Fixes:";
    for (const LocatedString& id : f.advisories) {
      e.content_html += " <a href=\"" + EscapeHtml(site.AbsoluteUrl(view::AdvisoryPath(id.value))) + "\">" +
                        EscapeHtml(id.value) + "</a>";
    }
    e.content_html += "</p>\n";
  }
  if (!f.download_url.empty()) {
    std::string url = f.download_url[0] == '/' ? site.AbsoluteUrl(f.download_url) : f.download_url;
    e.content_html += "<p><a href=\"" + EscapeHtml(url) + "\">Download firmware " + EscapeHtml(f.version) + "</a></p>\n";
  }
  e.content_html += "<p><a href=\"" + EscapeHtml(e.url) + "\">Release notes on the " + EscapeHtml(name) +
                    " page</a></p>\n";
  return e;
}

void SortAndFinish(const Site& site, FeedData* feed, size_t limit) {
  std::sort(feed->entries.begin(), feed->entries.end(), [](const FeedEntry& a, const FeedEntry& b) {
    return std::tie(b.updated, b.published, a.id) < std::tie(a.updated, a.published, b.id);
  });
  if (feed->entries.size() > limit) feed->entries.resize(limit);
  feed->updated = site.build.build_time;
  if (!feed->entries.empty()) {
    feed->updated = feed->entries.front().updated;  // the newest update comes first
  }
}

FeedData Common(const Site& site) {
  FeedData f;
  f.language = site.config.site.language;
  f.author_name = site.config.publisher.name.empty() ? site.config.site.title
                                                     : site.config.publisher.name;
  f.author_url = site.AbsoluteUrl("/");
  f.generator_version = site.build.generator_version;
  return f;
}

}  // namespace

FeedData SiteFeed(const Site& site) {
  FeedData f = Common(site);
  f.title = site.config.site.title + ": security advisories";
  f.description = site.config.site.description.empty()
                      ? "Security advisories of " + site.config.site.title + "."
                      : site.config.site.description;
  f.home_url = site.AbsoluteUrl("/advisories/");
  f.rss_url = site.AbsoluteUrl("/feeds/advisories.rss");
  f.atom_url = site.AbsoluteUrl("/feeds/advisories.atom");
  f.json_url = site.AbsoluteUrl("/feeds/advisories.json");
  // Only the newest `limit` make it: pick them by the feed's order before
  // building any entry (an entry copies the advisory's whole body).
  struct Key {
    Timestamp updated, published;
    std::string id;
    const Advisory* advisory;
  };
  std::vector<Key> keys;
  keys.reserve(site.advisories.size());
  for (const Advisory& a : site.advisories) {
    keys.push_back({std::max(a.published, a.updated), a.published,
                    site.AbsoluteUrl(view::AdvisoryPath(a.id)), &a});
  }
  size_t limit = std::min(keys.size(), static_cast<size_t>(std::max(site.config.feeds.limit, 0)));
  auto newer = [](const Key& a, const Key& b) {  // SortAndFinish's order
    return std::tie(b.updated, b.published, a.id) < std::tie(a.updated, a.published, b.id);
  };
  std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(limit), keys.end(), newer);
  for (size_t i = 0; i < limit; ++i) f.entries.push_back(AdvisoryEntry(site, *keys[i].advisory));
  SortAndFinish(site, &f, limit);
  return f;
}

FeedData DeviceFeed(const Site& site, const Device& device) {
  FeedData f = Common(site);
  std::string name = device.identity.name.empty() ? device.slug : device.identity.name;
  std::string path = view::DevicePath(device.slug);
  f.title = name + ": security advisories, firmware releases and support notices";
  f.description = "Security advisories that name " + name +
                  ", its firmware releases, and notices before its security support ends, from " +
                  site.config.site.title + ".";
  f.home_url = site.AbsoluteUrl(path);
  f.rss_url = site.AbsoluteUrl(path + "feed.rss");
  f.atom_url = site.AbsoluteUrl(path + "feed.atom");
  f.json_url = site.AbsoluteUrl(path + "feed.json");
  if (auto it = site.advisories_by_device.find(device.slug); it != site.advisories_by_device.end()) {
    for (size_t i : it->second) f.entries.push_back(AdvisoryEntry(site, site.advisories[i]));
  }
  for (const Firmware& fw : device.firmware) {
    if (fw.released <= site.build.build_time) f.entries.push_back(FirmwareEntry(site, device, fw));
  }
  if (device.support.end_of_security_support.Known()) {
    for (int days : kSupportMilestoneDays) {
      Timestamp when = device.support.end_of_security_support.date - days * kDay;
      if (when <= site.build.build_time) f.entries.push_back(MilestoneEntry(site, device, days));
    }
  }
  SortAndFinish(site, &f, f.entries.size());  // per-device feeds keep every entry
  return f;
}

size_t FeedCount(const Site& site) { return 1 + site.devices.size(); }

void RenderFeed(const Site& site, size_t i, OutputSink& out) {
  FeedData feed = i == 0 ? SiteFeed(site) : DeviceFeed(site, site.devices[i - 1]);
  std::string base = i == 0 ? "feeds/advisories." : "devices/" + site.devices[i - 1].slug + "/feed.";
  out.Put(base + "rss", WriteRss(feed));
  out.Put(base + "atom", WriteAtom(feed));
  out.Put(base + "json", WriteJsonFeed(feed));
}

void RenderFeeds(const Site& site, Output* out) {
  OutputCollector sink(out);
  for (size_t i = 0; i < FeedCount(site); ++i) RenderFeed(site, i, sink);
}

}  // namespace herald
