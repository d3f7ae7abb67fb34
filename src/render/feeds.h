// Feeds: advisories as RSS 2.0, Atom (RFC 4287) and JSON Feed 1.1, for the
// whole site (feeds/advisories.*) and per device (devices/SLUG/feed.*).
//
// feeds.cpp decides what a feed holds (FeedData: which entries, ids, titles,
// dates, order, limit); rss.cpp, atom.cpp and json_feed.cpp each write one
// format from it and own that format's escaping. Pure functions of the Site:
// dates come from the model and the build time, never from the clock.
#pragma once

#include <string>
#include <vector>

#include "base/dates.h"
#include "render/output.h"

namespace herald {

struct Device;
struct Site;

struct FeedCategory {
  std::string term;    // "CVE-2026-12345", "CWE-287"
  std::string scheme;  // "https://www.cve.org/", "https://cwe.mitre.org/"
};

struct FeedEntry {
  std::string id;       // stable across edits: the advisory's permalink, or a milestone's URL
  bool id_is_url = true;  // the id is also a page one can open (RSS isPermaLink)
  std::string title;    // "[Critical] ACME-SA-2026-0007: Authentication bypass …"
  std::string url;      // absolute
  Timestamp published = 0, updated = 0;
  std::string summary;       // plain text
  std::string content_html;  // HTML
  std::vector<FeedCategory> categories;  // sorted, unique
};

struct FeedData {
  std::string title, description, language;
  std::string home_url;                     // absolute URL of the page the feed follows
  std::string rss_url, atom_url, json_url;  // absolute URLs of the three formats
  std::string author_name, author_url;
  std::string generator_version;
  Timestamp updated = 0;           // newest entry update; the build time when there is none
  std::vector<FeedEntry> entries;  // latest update first
};

/// Site-wide feed: every advisory, capped at [feeds] limit.
FeedData SiteFeed(const Site& site);
/// One device: every advisory naming it (affected or not affected) plus the
/// support milestones 90, 30 and 7 days before the end of security support
/// and on the day, each once its date is no later than the build time.
FeedData DeviceFeed(const Site& site, const Device& device);

/// Days before the end of security support that get a feed entry.
inline constexpr int kSupportMilestoneDays[] = {90, 30, 7, 0};

std::string WriteRss(const FeedData& feed);       // rss.cpp
std::string WriteAtom(const FeedData& feed);      // atom.cpp
std::string WriteJsonFeed(const FeedData& feed);  // json_feed.cpp

/// The feeds of a site: the site-wide one (0), then one per device.
size_t FeedCount(const Site& site);
/// Feed `i` in its three formats: feeds/advisories.{rss,atom,json} or
/// devices/SLUG/feed.{rss,atom,json}. Feeds may render in parallel.
void RenderFeed(const Site& site, size_t i, OutputSink& out);
/// Every feed.
void RenderFeeds(const Site& site, Output* out);

}  // namespace herald
