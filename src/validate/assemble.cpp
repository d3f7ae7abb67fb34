#include "validate/assemble.h"

#include <algorithm>
#include <set>

#include "load/committed_support.h"
#include "model/versions.h"

namespace herald {
namespace {

std::optional<FileHistory> DatesOf(const DateSources& src, const std::string& path) {
  if (src.history) {
    auto it = src.history->find(path);
    if (it != src.history->end()) return it->second;
  }
  std::optional<Timestamp> t;
  if (src.file_times) {
    auto it = src.file_times->find(path);
    if (it != src.file_times->end()) t = it->second;
  }
  if (!t && src.tree) t = src.tree->ModifiedTime(path);
  if (!t) return std::nullopt;
  Timestamp clamped = src.clamp > 0 ? std::min(*t, src.clamp) : *t;
  return FileHistory{clamped, clamped, {}};
}

void DeriveAdvisory(Advisory& a, const DateSources& dates, Diagnostics& diags) {
  auto history = DatesOf(dates, a.where.path);
  if (a.published == 0) {
    if (!a.revisions.empty()) a.published = a.revisions.front().date;
    else if (history) a.published = history->first;
  }
  if (a.updated == 0) {
    if (!a.revisions.empty()) a.updated = a.revisions.back().date;
    else if (history) a.updated = history->last;
  }
  if (a.updated < a.published) a.updated = a.published;
  for (size_t i = 1; i < a.revisions.size(); ++i) {
    if (a.revisions[i].date <= a.revisions[i - 1].date) {
      diags.Error(a.revisions[i].where,
                  "revision " + std::to_string(i + 1) + " (" + FormatRfc3339(a.revisions[i].date) +
                      ") is not later than revision " + std::to_string(i) + " (" +
                      FormatRfc3339(a.revisions[i - 1].date) +
                      "); revisions are listed oldest first with strictly increasing dates "
                      "(give two revisions on one day a time of day)",
                  "revision-order");
    }
  }
  for (const auto& v : a.vulnerabilities) {
    for (const auto* s : {&v.cvss_v3, &v.cvss_v4}) {
      if (*s && (*s)->base_score > a.max_score) a.max_score = (*s)->base_score;
      if (*s && (*s)->severity > a.severity) a.severity = (*s)->severity;
    }
    a.actively_exploited = a.actively_exploited || v.actively_exploited;
  }
  if (a.actively_exploited && a.remediations.empty()) {
    diags.Error(a.where, "advisory " + a.id + " marks a vulnerability as actively exploited but "
                         "has no [[remediations]]; say what customers must do");
  }
  a.published_out = a.tlp == "CLEAR" && a.status != AdvisoryStatus::kDraft;
}

void CheckAdvisoryDevices(const Advisory& a, const std::map<std::string, const Device*>& devices,
                          const std::set<std::string>& device_files, Diagnostics& diags) {
  auto known = [&](const LocatedString& ref, const char* what) {
    if (ref.value.empty() || devices.count(ref.value) || device_files.count(ref.value)) return;
    std::string list;
    for (const auto& [slug, d] : devices) list += (list.empty() ? "" : ", ") + slug;
    diags.Error(ref.where, std::string(what) + " names device '" + ref.value +
                               "', which does not exist; expected a folder of content/devices/ (" +
                               list + ")");
  };
  std::set<std::string> mentioned;
  for (const auto& x : a.affected) {
    known(x.device, "[[affected]]");
    mentioned.insert(x.device.value);
    const Device* d = devices.count(x.device.value) ? devices.at(x.device.value) : nullptr;
    if (!x.versions.value.empty()) {
      std::string error;
      if (!ParseVersionRange(x.versions.value, &error)) {
        diags.Error(x.versions.where, "'versions' is not a version range: " + error,
                    "version-range");
      }
    }
    if (d && !x.fixed.value.empty()) {
      bool listed = std::any_of(d->firmware.begin(), d->firmware.end(),
                                [&](const Firmware& f) { return f.version == x.fixed.value; });
      if (!listed) {
        diags.Error(x.fixed.where, "fixed version '" + x.fixed.value + "' is not a [[firmware]] "
                                   "release of device '" + d->slug + "'; add the release to " +
                                   d->where.path + " or correct the version",
                    "version-unlisted");
      }
    }
  }
  for (const auto& x : a.not_affected) {
    known(x.device, "[[not_affected]]");
    mentioned.insert(x.device.value);
  }
  for (const auto& v : a.vulnerabilities) {
    for (const auto& ref : v.devices) {
      known(ref, "[[vulnerabilities]] devices");
      if (devices.count(ref.value) && !mentioned.count(ref.value)) {
        diags.Error(ref.where, "vulnerability names device '" + ref.value +
                                   "', which is not in the advisory's [[affected]] or "
                                   "[[not_affected]]",
                    "device-mention");
      }
    }
  }
  for (const auto& r : a.remediations) {
    for (const auto& ref : r.devices) {
      known(ref, "[[remediations]] devices");
      if (devices.count(ref.value) && !mentioned.count(ref.value)) {
        diags.Error(ref.where, "remediation names device '" + ref.value +
                                   "', which the advisory does not mention in [[affected]] or "
                                   "[[not_affected]]",
                    "device-mention");
      }
    }
  }
}

void CheckDevice(const Device& d, const std::set<std::string>& guides,
                 const std::map<std::string, const Advisory*>& all_advisories,
                 const std::set<std::string>& advisory_files, Diagnostics& diags) {
  for (const Capability* c : {&d.capabilities.identification, &d.capabilities.configuration,
                              &d.capabilities.data_protection, &d.capabilities.interface_access,
                              &d.capabilities.software_update, &d.capabilities.state_awareness}) {
    if (c->supported && !guides.count(d.slug + "/" + c->guide)) {
      diags.Error(c->where, "capability is supported but its guide '" + c->guide +
                                "' does not exist; add content/devices/" + d.slug + "/guides/" +
                                c->guide + ".md or name an existing guide with 'guide'");
    }
  }
  std::set<std::string> versions;
  for (const auto& fw : d.firmware) {
    if (!versions.insert(fw.version).second) {
      diags.Error(fw.where, "firmware version '" + fw.version + "' is listed twice");
    }
    for (const auto& ref : fw.advisories) {
      auto it = all_advisories.find(ref.value);
      if (it == all_advisories.end()) {
        if (advisory_files.count(ref.value)) continue;  // its own errors are reported
        diags.Error(ref.where, "firmware " + fw.version + " names advisory '" + ref.value +
                                   "', which does not exist");
      } else if (!it->second->published_out) {
        diags.Error(ref.where, "firmware " + fw.version + " names advisory '" + ref.value +
                                   "', which is not published (draft or TLP other than CLEAR); "
                                   "naming it here would leak it");
      }
    }
  }
}

template <typename T, typename Key>
void SortBy(std::vector<T>& v, Key key) {
  std::stable_sort(v.begin(), v.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
}

}  // namespace

DeviceStatus DeriveDeviceStatus(const Device& d, Timestamp now) {
  const auto& s = d.support;
  if (s.end_of_life.Known() && now > s.end_of_life.date + 86399) return DeviceStatus::kEndOfLife;
  if (s.end_of_security_support.Known() && now > s.end_of_security_support.date + 86399) {
    return DeviceStatus::kUnsupported;
  }
  if (!s.end_of_sales.Known() || now <= s.end_of_sales.date + 86399) return DeviceStatus::kOnSale;
  return DeviceStatus::kSupported;
}

Site AssembleSite(LoadedFiles files, const BuildInfo& build, const DateSources& dates,
                  Diagnostics& diags) {
  Site site;
  site.config = std::move(files.config);
  site.build = build;

  SortBy(files.devices, [](const Device& d) { return d.slug; });
  std::map<std::string, const Device*> devices;
  for (auto& d : files.devices) {
    d.status = DeriveDeviceStatus(d, build.build_time);
    if (auto h = DatesOf(dates, d.where.path)) {
      d.updated = h->last;
      for (const CommittedValue& c : h->committed) {
        if (auto end = ParseCommittedSupportEnd(c.value)) d.support.committed_ends.push_back({c.commit, c.time, *end});
      }
    }
    std::stable_sort(d.firmware.begin(), d.firmware.end(), [](const Firmware& a, const Firmware& b) {
      return CompareVersions(a.version, b.version) > 0;
    });
    devices[d.slug] = &d;
  }

  std::map<std::string, const Advisory*> all_advisories;
  for (auto& a : files.advisories) {
    DeriveAdvisory(a, dates, diags);
    auto [it, inserted] = all_advisories.emplace(a.id, &a);
    if (!inserted) {
      diags.Error(a.where, "duplicate advisory id '" + a.id + "'; it is also used by " +
                               it->second->where.path);
    }
    CheckAdvisoryDevices(a, devices, files.device_files, diags);
  }
  for (const auto& a : files.advisories) {
    const LocatedString& s = a.superseded_by;
    if (!s.value.empty() && !all_advisories.count(s.value)) {
      if (!files.advisory_files.count(s.value)) {
        diags.Error(s.where, "'superseded_by' names advisory '" + s.value + "', which does not exist");
      }
    }
  }

  std::set<std::string> guide_keys;
  for (auto& g : files.guides) {
    if (auto h = DatesOf(dates, g.where.path)) g.updated = h->last;
    guide_keys.insert(g.device + "/" + g.name);
    if (!devices.count(g.device) && !files.device_files.count(g.device)) {
      diags.Error(g.where, "guide is in content/devices/" + g.device +
                               "/guides/ but there is no device '" + g.device +
                               "' (content/devices/" + g.device + "/index.md is missing)");
    }
  }
  for (const auto& d : files.devices) CheckDevice(d, guide_keys, all_advisories, files.advisory_files, diags);

  std::map<std::string, std::string> roles;
  for (auto& p : files.pages) {
    if (auto h = DatesOf(dates, p.where.path)) p.updated = h->last;
    if (p.role == "other") continue;
    auto [it, inserted] = roles.emplace(p.role, p.where.path);
    if (!inserted) {
      diags.Error(p.where, "role '" + p.role + "' is already taken by " + it->second +
                               "; only role \"other\" may be used by several pages");
    }
  }

  // Publication filter, then the orders every output uses.
  site.advisories.reserve(files.advisories.size());
  for (auto& a : files.advisories) {
    bool keep = a.published_out || (build.drafts && a.tlp == "CLEAR");
    if (keep) site.advisories.push_back(std::move(a));
    else site.withheld.push_back(std::move(a));
  }
  std::stable_sort(site.advisories.begin(), site.advisories.end(),
                   [](const Advisory& a, const Advisory& b) {
                     if (a.published != b.published) return a.published > b.published;
                     return a.id > b.id;
                   });
  site.devices = std::move(files.devices);
  site.guides = std::move(files.guides);
  SortBy(site.guides, [](const Guide& g) { return std::make_pair(g.device, g.name); });
  site.pages = std::move(files.pages);
  SortBy(site.pages, [](const Page& p) { return p.name; });

  for (size_t i = 0; i < site.advisories.size(); ++i) {
    const Advisory& a = site.advisories[i];
    site.advisory_by_id[a.id] = i;
    std::set<std::string> named;
    for (const auto& x : a.affected) named.insert(x.device.value);
    for (const auto& x : a.not_affected) named.insert(x.device.value);
    for (const auto& slug : named) site.advisories_by_device[slug].push_back(i);
  }
  for (size_t i = 0; i < site.devices.size(); ++i) site.device_by_slug[site.devices[i].slug] = i;
  for (size_t i = 0; i < site.guides.size(); ++i) {
    site.guides_by_device[site.guides[i].device].push_back(i);
  }
  return site;
}

}  // namespace herald
