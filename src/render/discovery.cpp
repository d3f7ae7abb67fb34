#include "render/discovery.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "model/site.h"
#include "render/json_writer.h"
#include "render/plain_text.h"
#include "render/view_model.h"
#include "render/xml_writer.h"

namespace herald {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// "advisories/X/index.html" → "/advisories/X/"; "a.html" → "/a.html".
std::string SitePath(const std::string& file) {
  std::string path = "/";
  if (file == "index.html") return path;
  return path.append(file, 0, EndsWith(file, "/index.html") ? file.size() - 10 : file.size());
}

/// When each page's content last changed, by output path.
std::map<std::string, Timestamp> LastModified(const Site& site, const std::vector<HtmlPageJob>& pages) {
  std::map<std::string, Timestamp> by_source;
  std::optional<Timestamp> newest_advisory, newest_device;
  for (const Advisory& a : site.advisories) {
    Timestamp t = std::max(a.published, a.updated);
    by_source[a.where.path] = t;
    newest_advisory = std::max(newest_advisory.value_or(t), t);
  }
  for (const Device& d : site.devices) {
    if (!d.updated) continue;
    by_source[d.where.path] = *d.updated;
    newest_device = std::max(newest_device.value_or(*d.updated), *d.updated);
  }
  for (const Guide& g : site.guides) {
    if (g.updated) by_source[g.where.path] = *g.updated;
  }
  for (const Page& p : site.pages) {
    if (p.updated) by_source[p.where.path] = *p.updated;
  }
  std::map<std::string, Timestamp> out;
  for (const HtmlPageJob& job : pages) {
    if (auto it = by_source.find(job.source); !job.source.empty() && it != by_source.end()) {
      out[job.path] = it->second;
    }
  }
  if (newest_advisory) out["index.html"] = out["advisories/index.html"] = *newest_advisory;
  if (newest_device) out["devices/index.html"] = *newest_device;
  return out;
}

}  // namespace

std::string Sitemap(const Site& site, const std::vector<HtmlPageJob>& pages,
                    const std::vector<std::string>& paths) {
  std::map<std::string, Timestamp> lastmod = LastModified(site, pages);
  std::map<std::string, std::string> urls;  // URL → output path, sorted by URL
  for (const std::string& path : paths) {
    // .well-known/ holds machine-readable directories (CSAF), not pages.
    if (EndsWith(path, ".html") && path != "404.html" && path.rfind(".well-known/", 0) != 0) {
      urls[site.AbsoluteUrl(SitePath(path))] = path;
    }
  }
  xml::Document doc;
  xml::Element urlset = doc.Root("urlset");
  urlset.Attr("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
  for (const auto& [url, path] : urls) {
    xml::Element u = urlset.Child("url");
    u.Child("loc", url);
    if (auto it = lastmod.find(path); it != lastmod.end()) u.Child("lastmod", FormatRfc3339(it->second));
  }
  return doc.ToString();
}

std::string RobotsTxt(const Site& site) {
  return "User-agent: *\nAllow: /\n\nSitemap: " + site.AbsoluteUrl("/sitemap.xml") + "\n";
}

std::string SearchIndexJson(const Site& site) {
  auto device_name = [&](const std::string& slug) {
    const Device* d = site.FindDevice(slug);
    return CleanLine(d && !d->identity.name.empty() ? d->identity.name : slug);
  };
  std::string text;
  JsonWriter w(&text, kJsonOrderedCompact);
  w.BeginObject();
  w.Key("advisories");
  w.BeginArray();
  for (const Advisory& a : site.advisories) {
    w.BeginObject();
    w.Field("id", a.id);
    w.Field("title", CleanLine(a.title));
    w.Field("url", view::AdvisoryPath(a.id));
    bool scored = false;
    for (const Vulnerability& v : a.vulnerabilities) scored = scored || v.cvss_v3 || v.cvss_v4;
    w.Field("severity", scored ? SeverityName(a.severity) : "unrated");
    w.Field("category", CategoryName(a.category));
    w.Field("published", FormatIsoDate(a.published));
    w.Field("year", std::to_string(YearOf(a.published)));
    std::set<std::string> cves, cwes, devices;
    for (const Vulnerability& v : a.vulnerabilities) {
      if (!v.cve.empty()) cves.insert(v.cve);
      if (!v.cwe.empty()) cwes.insert(v.cwe);
    }
    for (const Affected& x : a.affected) devices.insert(x.device.value);
    for (const NotAffected& x : a.not_affected) devices.insert(x.device.value);
    w.Key("cves");
    w.StringArray(cves);
    w.Key("cwes");
    w.StringArray(cwes);
    w.Key("devices");
    w.BeginArray();
    for (const std::string& slug : devices) {
      w.BeginObject();
      w.Field("slug", slug);
      w.Field("name", device_name(slug));
      w.EndObject();
    }
    w.EndArray();
    w.Field("summary", CleanLine(a.summary));
    if (a.actively_exploited) {
      w.Key("actively_exploited");
      w.Bool(true);
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("devices");
  w.BeginArray();
  for (const Device& d : site.devices) {
    w.BeginObject();
    w.Field("slug", d.slug);
    w.Field("name", device_name(d.slug));
    if (!d.identity.type.empty()) w.Field("type", CleanLine(d.identity.type));
    w.Key("models");
    w.BeginArray();
    for (const std::string& m : d.identity.models) w.String(CleanLine(m));
    w.EndArray();
    w.Field("url", view::DevicePath(d.slug));
    w.Field("status", DeviceStatusName(d.status));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  text += '\n';
  return text;
}

void RenderDiscovery(const Site& site, const std::vector<HtmlPageJob>& pages, Output* out) {
  std::vector<std::string> paths;
  for (const auto& entry : *out) paths.push_back(entry.first);
  std::string sitemap = Sitemap(site, pages, paths);
  (*out)["sitemap.xml"] = std::move(sitemap);
  (*out)["robots.txt"] = RobotsTxt(site);
  (*out)["search-index.json"] = SearchIndexJson(site);
}

}  // namespace herald
