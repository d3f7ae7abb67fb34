// View model: shared helpers and the simple pages (guides, content pages,
// 404). The chrome every page carries is in view_shared.cpp.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/mustache.h"
#include "render/view_model.h"

namespace herald::view {

using nlohmann::json;

namespace detail {

void AddListFlags(json& j) {
  if (j.is_array()) {
    for (json& item : j) AddListFlags(item);
    return;
  }
  if (!j.is_object()) return;
  // Every page's data passes through here: walk the map directly, and
  // collect flags only for objects that hold lists.
  json::object_t& object = *j.get_ptr<json::object_t*>();
  size_t lists = 0;
  for (auto& [key, value] : object) {
    if (value.is_structured()) AddListFlags(value);
    if (MustacheTarget(value).is_array()) ++lists;
  }
  if (lists == 0) return;
  std::vector<std::pair<std::string, bool>> flags;
  flags.reserve(lists);
  for (const auto& [key, value] : object) {
    const json& list = MustacheTarget(value);
    if (list.is_array()) flags.emplace_back("has_" + key, !list.empty());
  }
  for (auto& [key, flag] : flags) object[std::move(key)] = flag;
}

void Put(json& o, const char* key, const std::string& value) {
  if (!value.empty()) o[key] = value;
}

void PutHtml(json& o, const char* key, const Text& text) {
  if (!text.Empty() && !text.html.empty()) o[key] = text.html;
}

void PutObject(json& o, const char* key, json value) {
  if (value.is_null() || (value.is_object() && value.empty())) return;
  o[key] = std::move(value);
}

// The helpers below run for many rows of every page: they set keys one by
// one, which costs half of nlohmann's {{"key", value}} lists (those build
// each pair as an array first and copy what it holds).

json DateJson(Timestamp t, bool with_time) {
  json j;
  if (with_time) {
    j["text"] = FormatIsoDateTime(t);
    j["datetime"] = FormatRfc3339(t);
  } else {
    std::string day = FormatIsoDate(t);
    j["text"] = day;
    j["datetime"] = std::move(day);
  }
  return j;
}

json DateOrTbaJson(const DateOrTba& d) {
  if (!d.Known()) return {{"text", "To be announced"}, {"tba", true}};
  json j = DateJson(d.date);
  j["tba"] = false;
  return j;
}

std::string LongDate(Timestamp t) {
  static const char* const kMonths[] = {"January", "February", "March",     "April",
                                        "May",     "June",     "July",      "August",
                                        "September", "October", "November", "December"};
  std::string iso = FormatIsoDate(t);  // YYYY-MM-DD
  int month = std::stoi(iso.substr(5, 2));
  int day = std::stoi(iso.substr(8, 2));
  return std::to_string(day) + " " + kMonths[month - 1] + " " + iso.substr(0, 4);
}

json Toc(const Text& text) {
  json toc = json::array();
  if (text.headings.size() < 3) return toc;
  for (const Heading& h : text.headings) {
    if (h.level > 3 || h.id.empty()) continue;
    json& entry = toc.emplace_back();
    entry["id"] = h.id;
    entry["text"] = h.text;
    entry["level"] = std::to_string(h.level);
    entry["sub"] = h.level > 2;
  }
  return toc;
}

json SeverityJson(Severity3 s) {
  json j;
  j["name"] = SeverityName(s);
  j["label"] = SeverityLabel(s);
  return j;
}

json DeviceRef(const Site& site, const std::string& slug) {
  const Device* d = site.FindDevice(slug);
  // Always linked: herald check reports references to unknown devices.
  json j;
  j["slug"] = slug;
  j["name"] = d && !d->identity.name.empty() ? d->identity.name : slug;
  j["url"] = DevicePath(slug);
  return j;
}

json ContactLink(const std::string& address) {
  auto starts = [&](const char* p) { return address.rfind(p, 0) == 0; };
  if (starts("mailto:")) return {{"url", address}, {"label", address.substr(7)}, {"kind", "Email"}};
  if (starts("tel:")) return {{"url", address}, {"label", address.substr(4)}, {"kind", "Phone"}};
  return {{"url", address}, {"label", address}, {"kind", "Web"}};
}

std::string ManufacturerName(const Site& site) {
  const auto& m = site.config.manufacturer;
  return m.trade_name.empty() ? m.legal_name : m.trade_name;
}

json Subscribe(const Site& site) {
  json j;
  j["feeds"] = json::array({
      {{"label", "RSS"}, {"url", "/feeds/advisories.rss"}},
      {{"label", "Atom"}, {"url", "/feeds/advisories.atom"}},
      {{"label", "JSON Feed"}, {"url", "/feeds/advisories.json"}},
  });
  Put(j, "subscribe_url", site.config.notifications.subscribe_url);
  PutHtml(j, "policy_html", site.config.notifications.policy);
  j["csaf_provider_url"] = "/.well-known/csaf/provider-metadata.json";
  return j;
}

std::string Score(double score) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", score);
  return text;
}

std::string FirmwareAnchor(const std::string& version) {
  std::string anchor = "fw-" + version;
  for (char& ch : anchor) {
    if (ch == ' ' || ch == '\t' || ch == '#') ch = '-';
  }
  return anchor;
}

json CertificationJson(const Certification& c) {
  json j;
  Put(j, "name", c.name);
  Put(j, "issuer", c.issuer);
  Put(j, "scope", c.scope);
  if (c.date) j["date"] = DateJson(*c.date);
  Put(j, "url", c.url);
  return j;
}

std::string Count(long n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

}  // namespace detail

using namespace detail;

std::string AdvisoryPath(const std::string& id) { return "/advisories/" + id + "/"; }
std::string DevicePath(const std::string& slug) { return "/devices/" + slug + "/"; }
std::string GuidePath(const std::string& device, const std::string& name) {
  return DevicePath(device) + "guides/" + name + "/";
}

json GuidePage(const Shared& shared, const Guide& guide) {
  const Site& site = shared.site();
  json v = shared.Common(GuidePath(guide.device, guide.name), guide.title);
  json g;
  Put(g, "title", guide.title);
  Put(g, "topic", guide.topic);
  Put(g, "topic_summary", GuideTopicSummary(guide.topic));
  PutHtml(g, "body_html", guide.body);
  g["toc"] = Toc(guide.body);
  g["device"] = DeviceRef(site, guide.device);
  g["device"]["guides_url"] = DevicePath(guide.device) + "#guides";
  if (guide.updated) g["updated"] = DateJson(*guide.updated);

  json others = json::array();
  auto it = site.guides_by_device.find(guide.device);
  if (it != site.guides_by_device.end()) {
    for (size_t i : it->second) {
      const Guide& o = site.guides[i];
      if (o.name == guide.name) continue;
      others.push_back({{"title", o.title}, {"url", GuidePath(o.device, o.name)}});
    }
  }
  g["other_guides"] = std::move(others);
  v["guide"] = std::move(g);
  AddListFlags(v);
  return v;
}

json ContentPage(const Shared& shared, const Page& page) {
  json v = shared.Common("/" + page.name + "/", page.title);
  json p;
  Put(p, "title", page.title);
  Put(p, "role", page.role);
  PutHtml(p, "body_html", page.body);
  p["toc"] = Toc(page.body);
  if (page.updated) p["updated"] = DateJson(*page.updated);
  v["content"] = std::move(p);
  AddListFlags(v);
  return v;
}

json NotFound(const Shared& shared) {
  json v = shared.Common("/404.html", "Page not found");
  v["page"].erase("canonical_url");  // served for any missing path
  json n;
  n["links"] = json::array({
      {{"label", "Home"}, {"url", "/"}},
      {{"label", "All advisories"}, {"url", "/advisories/"}},
      {{"label", "Devices and support periods"}, {"url", "/devices/"}},
      {{"label", "Report a vulnerability"}, {"url", "/security/"}},
  });
  v["not_found"] = std::move(n);
  AddListFlags(v);
  return v;
}

}  // namespace herald::view
