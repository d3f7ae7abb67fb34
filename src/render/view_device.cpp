// View model: the device list and the device page (support block, firmware,
// advisories, guides, feeds). The documentation sections are built in
// view_device_sections.cpp.
#include <cctype>
#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/mustache.h"
#include "render/view_model.h"

namespace herald::view {

using nlohmann::json;
using namespace detail;

namespace {

bool Ended(DeviceStatus s) {
  return s == DeviceStatus::kUnsupported || s == DeviceStatus::kEndOfLife;
}

const Guide* FindGuide(const Site& site, const std::string& slug, const std::string& name) {
  auto it = site.guides_by_device.find(slug);
  if (it == site.guides_by_device.end()) return nullptr;
  for (size_t i : it->second) {
    if (site.guides[i].name == name) return &site.guides[i];
  }
  return nullptr;
}

/// The plain-language support statement used when support.summary is empty.
std::string SupportSentence(const Site& site, const Device& d) {
  const auto& s = d.support;
  const std::string maker = ManufacturerName(site);
  const std::string name = "the " + d.identity.name;
  const bool eoss_known = s.end_of_security_support.Known();
  const std::string eoss = eoss_known ? LongDate(s.end_of_security_support.date) : "";
  std::string out;
  switch (d.status) {
    case DeviceStatus::kOnSale:
    case DeviceStatus::kSupported:
      if (eoss_known && s.basis == "guaranteed") {
        out = maker + " guarantees security updates for " + name + " until at least " + eoss + ".";
      } else if (eoss_known) {
        out = maker + " provides security updates for " + name +
              " on a best-effort basis, currently planned until " + eoss + ".";
      } else {
        out = maker + " provides security updates for " + name +
              ". The end date of security support has not been announced yet.";
      }
      out += s.automatic_updates ? " Security updates install automatically by default."
                                 : " Security updates do not install automatically: install "
                                   "them when they are published.";
      return out;
    case DeviceStatus::kUnsupported:
      out = "Security support for " + name + " has ended";
      if (eoss_known) out += " (" + eoss + ")";
      return out + ". It no longer receives security updates, even for known vulnerabilities.";
    case DeviceStatus::kEndOfLife:
      out = name + " has reached end of life";
      if (s.end_of_life.Known()) out += " (" + LongDate(s.end_of_life.date) + ")";
      out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
      return out + ". It no longer receives security updates or service.";
  }
  return out;
}

std::string SupportSource(const Site& site, const Device& d) {
  if (!d.support.source.empty()) return d.support.source;
  for (const Page& p : site.pages) {
    if (p.role == "support-policy") return "/" + p.name + "/";
  }
  return "";
}

json SupportBlock(const Site& site, const Device& d) {
  const auto& s = d.support;
  json j;
  j["status"] = DeviceStatusJson(d.status);
  j["end_of_security_support"] = DateOrTbaJson(s.end_of_security_support);
  j["general_availability"] = DateOrTbaJson(s.general_availability);
  j["end_of_sales"] = DateOrTbaJson(s.end_of_sales);
  j["end_of_life"] = DateOrTbaJson(s.end_of_life);
  if (!s.basis.empty()) {
    j["basis"] = {{"name", s.basis},
                  {"label", s.basis == "guaranteed" ? "Guaranteed (a commitment)"
                                                    : "Best effort (not guaranteed)"}};
  }
  Put(j, "source_url", SupportSource(site, d));
  if (!s.summary.Empty()) {
    PutHtml(j, "summary_html", s.summary);
  } else {
    j["summary"] = SupportSentence(site, d);
  }
  PutHtml(j, "update_frequency_html", s.update_frequency);
  PutHtml(j, "update_mechanism_html", s.update_mechanism);
  j["automatic_updates"] = s.automatic_updates ? "Yes, by default" : "No";
  PutHtml(j, "no_update_reason_html", s.no_update_reason);
  PutHtml(j, "short_period_reason_html", s.short_period_reason);
  if (s.last_reviewed) j["last_reviewed"] = DateJson(*s.last_reviewed);
  json history = json::array();
  for (const SupportExtension& e : s.history) {  // oldest first, as written
    json h = {{"announced", DateJson(e.date)}, {"new_end", DateJson(e.end_of_security_support)}};
    PutHtml(h, "note_html", e.note);
    history.push_back(std::move(h));
  }
  j["history"] = std::move(history);
  j["ended"] = Ended(d.status);
  if (const Guide* g = FindGuide(site, d.slug, "unsupported-use")) {
    j["unsupported_guide"] = {{"title", g->title}, {"url", GuidePath(d.slug, g->name)}};
  }
  return j;
}

json Guides(const Site& site, const Device& d) {
  json out = json::array();
  auto it = site.guides_by_device.find(d.slug);
  if (it == site.guides_by_device.end()) return out;
  for (size_t i : it->second) {
    const Guide& g = site.guides[i];
    json j = {{"title", g.title}, {"url", GuidePath(d.slug, g.name)}};
    Put(j, "topic", g.topic);
    Put(j, "topic_summary", GuideTopicSummary(g.topic));
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

json detail::DeviceStatusJson(DeviceStatus s) {
  const char* label = "";
  switch (s) {
    case DeviceStatus::kOnSale: label = "On sale, security updates provided"; break;
    case DeviceStatus::kSupported: label = "No longer sold, security updates provided"; break;
    case DeviceStatus::kUnsupported: label = "Security support ended"; break;
    case DeviceStatus::kEndOfLife: label = "End of life"; break;
  }
  return {{"name", DeviceStatusName(s)}, {"label", label}, {"ended", Ended(s)}};
}

json detail::DeviceSummary(const Site& site, const Device& d) {
  json j = DeviceRef(site, d.slug);
  Put(j, "type", d.identity.type);
  json models = json::array();
  for (const std::string& m : d.identity.models) models.push_back(m);
  j["models"] = std::move(models);
  j["status"] = DeviceStatusJson(d.status);
  j["end_of_security_support"] = DateOrTbaJson(d.support.end_of_security_support);
  if (!d.firmware.empty()) {
    const Firmware& f = d.firmware.front();  // newest first
    j["latest_firmware"] = {{"version", f.version},
                            {"url", DevicePath(d.slug) + "#" + FirmwareAnchor(f.version)},
                            {"date", DateJson(f.released)}};
  }
  auto it = site.advisories_by_device.find(d.slug);
  size_t n = it == site.advisories_by_device.end() ? 0 : it->second.size();
  j["advisory_count"] = std::to_string(n);
  j["advisories_url"] = DevicePath(d.slug) + "#advisories";
  return j;
}

json DeviceList(const Shared& shared) {
  const Site& site = shared.site();
  json v = shared.Common("/devices/", "Devices and support periods");
  json l;
  json devices = json::array();
  for (const Device& d : site.devices) devices.push_back(DeviceSummary(site, d));
  l["devices"] = std::move(devices);
  l["support_terms_json_url"] = "/support-terms.json";
  l["support_terms_ics_url"] = "/support-terms.ics";
  for (const Page& p : site.pages) {
    if (p.role == "support-policy") l["policy"] = {{"title", p.title}, {"url", "/" + p.name + "/"}};
  }
  v["device_list"] = std::move(l);
  AddListFlags(v);
  return v;
}

json DevicePage(const Shared& shared, const Device& d) {
  const Site& site = shared.site();
  const std::string path = DevicePath(d.slug);
  json v = shared.Common(path, d.identity.name);
  const std::string& name = d.identity.name;
  json device_feeds = json::array({
      {{"type", "application/rss+xml"}, {"title", name + ": security updates (RSS)"},
       {"url", path + "feed.rss"}},
      {{"type", "application/atom+xml"}, {"title", name + ": security updates (Atom)"},
       {"url", path + "feed.atom"}},
      {{"type", "application/feed+json"}, {"title", name + ": security updates (JSON Feed)"},
       {"url", path + "feed.json"}},
  });
  for (const json& f : MustacheTarget(v["page"]["feeds"])) device_feeds.push_back(MustacheLink(f));
  v["page"]["feeds"] = std::move(device_feeds);

  json j = DeviceSections(site, d);  // identity, intended_use, network, data, ...
  j["slug"] = d.slug;
  j["name"] = name;
  j["url"] = path;
  Put(j, "type", d.identity.type);
  j["status"] = DeviceStatusJson(d.status);
  j["support"] = SupportBlock(site, d);
  j["firmware"] = FirmwareReleases(shared, d);

  json advisories = json::array();
  json csaf = json::array();
  auto it = site.advisories_by_device.find(d.slug);
  if (it != site.advisories_by_device.end()) {
    for (size_t i : it->second) {  // newest first
      const Advisory& a = site.advisories[i];
      json& document = csaf.emplace_back();
      document["id"] = a.id;
      document["url"] = CsafPath(a);
      advisories.push_back(MustacheLink(shared.AdvisorySummary(a)));
    }
  }
  j["advisories"] = std::move(advisories);
  j["csaf_documents"] = std::move(csaf);
  j["guides"] = Guides(site, d);
  j["feeds"] = {{"rss_url", path + "feed.rss"},
                {"atom_url", path + "feed.atom"},
                {"json_url", path + "feed.json"}};
  j["csaf_provider_url"] = "/.well-known/csaf/provider-metadata.json";
  j["coverage_url"] = CoveragePath(d.slug);
  j["support_terms_json_url"] = "/support-terms.json";
  j["support_terms_ics_url"] = "/support-terms.ics";
  PutHtml(j, "body_html", d.body);
  j["toc"] = Toc(d.body);
  if (d.updated) j["updated"] = DateJson(*d.updated);

  // On-page navigation over the sections present, in page order.
  static const std::pair<const char*, const char*> kSections[] = {
      {"support", "Security support"},   {"identity", "Identification"},
      {"intended-use", "Intended use"},  {"risks", "Risks and misuse"},
      {"network", "Network"},            {"data", "Data and personal data"},
      {"security", "Security design"},   {"capabilities", "Security capabilities"},
      {"maintenance", "Maintenance"},    {"compliance", "Compliance"},
      {"sbom", "Software bill of materials"}, {"lifecycle", "Lifecycle"},
      {"documentation", "Documentation"}, {"firmware", "Firmware"},
      {"advisories", "Advisories"},      {"guides", "Guides"},
      {"feeds", "Feeds and machine-readable data"},
  };
  auto present = [&](const std::string& anchor) {
    if (anchor == "support" || anchor == "capabilities" || anchor == "firmware" ||
        anchor == "advisories" || anchor == "feeds") {
      return true;
    }
    if (anchor == "documentation") return j.contains("body_html");
    if (anchor == "guides") return !j["guides"].empty();
    std::string key = anchor == "intended-use" ? "intended_use" : anchor;
    return j.contains(key);
  };
  json sections = json::array();
  for (const auto& [anchor, title] : kSections) {
    if (present(anchor)) sections.push_back({{"anchor", anchor}, {"title", title}});
  }
  j["sections"] = std::move(sections);
  v["device"] = std::move(j);
  AddListFlags(v);
  return v;
}

}  // namespace herald::view
