// View model: the chrome every page carries (Common) and Shared, which builds
// it, and the advisory rows many pages list, once per render.
#include <mutex>
#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/mustache.h"
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

/// Which nav item the page is under (kNav.size() when none) and whether it
/// is that item's own page: all Nav() depends on, as no nav path is a
/// prefix of another.
struct NavState {
  size_t current = std::size(kNav);
  bool current_page = false;
};

NavState StateOf(const std::string& page_path) {
  for (size_t i = 0; i < std::size(kNav); ++i) {
    if (page_path.rfind(kNav[i].path, 0) == 0) return {i, page_path == kNav[i].path};
  }
  return {};
}

json Nav(NavState state) {
  json nav = json::array();
  for (size_t i = 0; i < std::size(kNav); ++i) {
    bool current = i == state.current;
    nav.push_back({{"label", kNav[i].label}, {"url", kNav[i].path}, {"current", current},
                   {"current_page", current && state.current_page}});
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

json PageObject(const Site& site, json feeds, const std::string& page_path,
                const std::string& title) {
  const std::string& site_title = site.config.site.title;
  json pg;
  Put(pg, "title", title.empty() ? site_title : title);
  pg["head_title"] =
      title.empty() || title == site_title ? site_title : title + " \u2014 " + site_title;
  pg["path"] = page_path;
  pg["canonical_url"] = site.AbsoluteUrl(page_path);
  pg["feeds"] = std::move(feeds);
  return pg;
}

/// Lazy<T>::Get builds the value on first use, once whichever thread asks.
template <typename T>
class Lazy {
 public:
  template <typename Make>
  const T& Get(Make make) {
    std::call_once(once_, [&] { value_ = make(); });
    return value_;
  }

 private:
  std::once_flag once_;
  T value_;
};

}  // namespace

json Common(const Site& site, const std::string& page_path, const std::string& title) {
  json chrome = SiteChrome(site);
  chrome["nav"] = Nav(StateOf(page_path));
  return {{"site", std::move(chrome)},
          {"page", PageObject(site, PageFeeds(site), page_path, title)}};
}

struct Shared::Parts {
  explicit Parts(size_t advisories) : summaries(advisories), affected_by(advisories) {}
  // Common()'s "site" for each NavState: [current * 2 + current_page], the
  // last for pages under no nav item.
  std::vector<json> chromes;
  json feeds;  // Common()'s "page.feeds"
  json subscribe;
  std::vector<Lazy<json>> summaries;                   // by advisory index
  std::vector<Lazy<std::vector<json>>> affected_by;  // by advisory index, then [[affected]] entry
};

Shared::Shared(const Site& site)
    : site_(site), parts_(std::make_unique<Parts>(site.advisories.size())) {
  for (size_t i = 0; i <= std::size(kNav); ++i) {
    for (bool current_page : {false, true}) {
      if (i == std::size(kNav) && current_page) break;
      json chrome = SiteChrome(site);
      chrome["nav"] = Nav({i, current_page});
      AddListFlags(chrome);
      parts_->chromes.push_back(std::move(chrome));
    }
  }
  parts_->feeds = PageFeeds(site);
  AddListFlags(parts_->feeds);
  parts_->subscribe = detail::Subscribe(site);
  AddListFlags(parts_->subscribe);
}

Shared::~Shared() = default;

json Shared::Common(const std::string& page_path, const std::string& title) const {
  NavState state = StateOf(page_path);
  const json& chrome = parts_->chromes[state.current * 2 + state.current_page];
  return {{"site", MustacheLink(chrome)},
          {"page", PageObject(site_, MustacheLink(parts_->feeds), page_path, title)}};
}

json Shared::Subscribe() const { return MustacheLink(parts_->subscribe); }

const json& Shared::AdvisorySummary(const Advisory& advisory) const {
  return parts_->summaries[&advisory - site_.advisories.data()].Get([&] {
    json row = detail::AdvisorySummary(site_, advisory);
    AddListFlags(row);
    return row;
  });
}

const json& Shared::AffectedByRow(const Advisory& advisory, size_t i) const {
  const std::vector<json>& rows = parts_->affected_by[&advisory - site_.advisories.data()].Get([&] {
    std::vector<json> out;
    for (const Affected& af : advisory.affected) out.push_back(detail::AffectedByRow(advisory, af));
    return out;
  });
  return rows[i];
}

}  // namespace herald::view
