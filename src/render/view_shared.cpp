// View model: the chrome every page carries (Common) and Shared, which builds
// it once per render.
#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/view_model.h"

namespace herald::view {

using nlohmann::json;
using namespace detail;

namespace {

struct NavItem {
  const char* label;
  const char* path;
};

constexpr NavItem kNav[] = {
    {"Advisories", "/advisories/"},
    {"Devices", "/devices/"},
    {"Report a vulnerability", "/security/"},
    {"Support", "/support/"},
};

json FeedLink(const char* type, const std::string& title, const std::string& url) {
  return {{"type", type}, {"title", title}, {"url", url}};
}

/// Common()'s "site" object except "nav", the one part that depends on the page.
json SiteChrome(const Site& site) {
  const SiteConfig& c = site.config;
  json s;
  Put(s, "title", c.site.title);
  Put(s, "description", c.site.description);
  s["lang"] = c.site.language.empty() ? "en" : c.site.language;
  s["stylesheet"] = "/assets/style.css";
  s["home_url"] = "/";

  json m;
  Put(m, "name", ManufacturerName(site));
  Put(m, "legal_name", c.manufacturer.legal_name);
  PutHtml(m, "address_html", c.manufacturer.postal_address);
  if (!c.manufacturer.email.empty()) m["email"] = ContactLink("mailto:" + c.manufacturer.email);
  Put(m, "website", c.manufacturer.website);
  PutObject(s, "manufacturer", std::move(m));

  json b;
  if (!site.build.commit.empty()) {
    b["commit"] = site.build.commit;
    b["commit_short"] = site.build.commit.substr(0, 12);
  }
  if (site.build.build_time != 0) b["date"] = DateJson(site.build.build_time, true);
  Put(b, "generator_version", site.build.generator_version);
  b["generator"] = "herald";
  s["build"] = std::move(b);

  json pages = json::array();
  for (const Page& p : site.pages) {
    pages.push_back({{"title", p.title}, {"url", "/" + p.name + "/"}, {"role", p.role}});
  }
  s["pages"] = std::move(pages);
  s["security_txt_url"] = "/.well-known/security.txt";
  s["csaf_provider_url"] = "/.well-known/csaf/provider-metadata.json";
  s["support_terms_url"] = "/support-terms.json";
  return s;
}

json Nav(const std::string& page_path) {
  json nav = json::array();
  for (const NavItem& item : kNav) {
    std::string p = item.path;
    bool current_page = page_path == p;
    bool current = page_path.rfind(p, 0) == 0;
    nav.push_back({{"label", item.label}, {"url", p}, {"current", current},
                   {"current_page", current_page}});
  }
  return nav;
}

/// The site-wide feeds every page links in its head.
json PageFeeds(const Site& site) {
  const std::string& title = site.config.site.title;
  return json::array({
      FeedLink("application/rss+xml", title + ": advisories (RSS)", "/feeds/advisories.rss"),
      FeedLink("application/atom+xml", title + ": advisories (Atom)", "/feeds/advisories.atom"),
      FeedLink("application/feed+json", title + ": advisories (JSON Feed)",
               "/feeds/advisories.json"),
  });
}

json CommonFrom(const Site& site, json chrome, json feeds, const std::string& page_path,
                const std::string& title) {
  const std::string& site_title = site.config.site.title;
  chrome["nav"] = Nav(page_path);
  json pg;
  Put(pg, "title", title.empty() ? site_title : title);
  pg["head_title"] =
      title.empty() || title == site_title ? site_title : title + " \u2014 " + site_title;
  pg["path"] = page_path;
  pg["canonical_url"] = site.AbsoluteUrl(page_path);
  pg["feeds"] = std::move(feeds);
  return {{"site", std::move(chrome)}, {"page", std::move(pg)}};
}

}  // namespace

json Common(const Site& site, const std::string& page_path, const std::string& title) {
  return CommonFrom(site, SiteChrome(site), PageFeeds(site), page_path, title);
}

struct Shared::Parts {
  json chrome;  // Common()'s "site" without "nav"
  json feeds;   // Common()'s "page.feeds"
  json subscribe;
};

Shared::Shared(const Site& site) : site_(site), parts_(std::make_unique<Parts>()) {
  parts_->chrome = SiteChrome(site);
  parts_->feeds = PageFeeds(site);
  parts_->subscribe = detail::Subscribe(site);
}

Shared::~Shared() = default;

json Shared::Common(const std::string& page_path, const std::string& title) const {
  return CommonFrom(site_, parts_->chrome, parts_->feeds, page_path, title);
}

json Shared::Subscribe() const { return parts_->subscribe; }

}  // namespace herald::view
