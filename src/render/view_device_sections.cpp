// View model: the documentation sections of a device page and its firmware
// releases. Each section is left out when none of its fields is set.
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "model/site.h"
#include "model/versions.h"
#include "render/mustache.h"
#include "render/view_model.h"

namespace herald::view {

using nlohmann::json;
using namespace detail;

namespace {

json Strings(const std::vector<std::string>& items) {
  json out = json::array();
  for (const std::string& s : items) out.push_back(s == "none" ? "None" : s);
  return out;
}

std::string Upper(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

const char* YesNo(bool b) { return b ? "Yes" : "No"; }

/// Adds the list under `key` only when it has items, so an absent section stays absent.
void PutList(json& o, const char* key, const std::vector<std::string>& items) {
  if (!items.empty()) o[key] = Strings(items);
}

json Identity(const Device& d) {
  const auto& id = d.identity;
  json j;
  Put(j, "name", id.name);
  Put(j, "type", id.type);
  PutList(j, "models", id.models);
  PutList(j, "hardware_versions", id.hardware_versions);
  PutList(j, "components", id.components);
  Put(j, "cpe", id.cpe);
  Put(j, "purl", id.purl);
  PutHtml(j, "marking_html", id.marking);
  json markets = json::array();
  for (const std::string& m : d.markets) markets.push_back(Upper(m));
  if (!markets.empty()) j["markets"] = std::move(markets);
  return j;
}

json IntendedUse(const Device& d) {
  const auto& u = d.intended_use;
  json j;
  PutHtml(j, "purpose_html", u.purpose);
  PutHtml(j, "customers_html", u.customers);
  PutHtml(j, "use_cases_html", u.use_cases);
  PutHtml(j, "physical_html", u.physical);
  if (j.empty()) return j;
  j["consumer"] = YesNo(u.consumer);
  j["for_integration"] = YesNo(u.for_integration);
  return j;
}

json Network(const Device& d) {
  const auto& n = d.network;
  json j;
  PutHtml(j, "requirements_html", n.requirements);
  PutHtml(j, "interfaces_html", n.interfaces);
  PutHtml(j, "unauthenticated_functions_html", n.unauthenticated_functions);
  PutList(j, "services", n.services);
  return j;
}

json Data(const Device& d) {
  const auto& x = d.data;
  json j;
  PutHtml(j, "handled_html", x.handled);
  PutHtml(j, "inputs_outputs_html", x.inputs_outputs);
  PutHtml(j, "personal_data_html", x.personal_data);
  PutHtml(j, "telemetry_html", x.telemetry);
  PutList(j, "sensors", x.sensors);
  PutHtml(j, "retention_html", x.retention);
  PutHtml(j, "third_parties_html", x.third_parties);
  PutHtml(j, "cloud_access_html", x.cloud_access);
  return j;
}

json Security(const Device& d) {
  const auto& s = d.security;
  json j;
  PutHtml(j, "platform_html", s.platform);
  PutHtml(j, "environment_html", s.environment);
  PutHtml(j, "properties_html", s.properties);
  PutHtml(j, "component_protection_html", s.component_protection);
  return j;
}

json Capabilities(const Site& site, const Device& d) {
  struct Row {
    const char* key;
    const char* default_guide;
    const char* title;
    const char* meaning;
    const Capability& cap;
  };
  const auto& c = d.capabilities;
  const Row rows[] = {
      {"identification", "device-identifiers", "Device identification",
       "The device can be identified logically and physically.", c.identification},
      {"configuration", "configuration", "Device configuration",
       "Authorised users can change its software configuration; others cannot.", c.configuration},
      {"data_protection", "data-protection", "Data protection",
       "Stored and transmitted data are protected from unauthorised access and change.",
       c.data_protection},
      {"interface_access", "access-control", "Logical access to interfaces",
       "Access to local and network interfaces is limited to authorised users and services.",
       c.interface_access},
      {"software_update", "software-update", "Software update",
       "Its software can be updated securely by authorised parties.", c.software_update},
      {"state_awareness", "security-state", "Cybersecurity state awareness",
       "It can report its security state (events, logs) to authorised users.", c.state_awareness},
  };
  json out = json::array();
  for (const Row& r : rows) {
    json j = {{"key", r.key}, {"title", r.title}, {"meaning", r.meaning},
              {"supported", r.cap.supported}, {"supported_label", YesNo(r.cap.supported)}};
    const std::string guide = r.cap.guide.empty() ? r.default_guide : r.cap.guide;
    auto it = site.guides_by_device.find(d.slug);
    if (it != site.guides_by_device.end()) {
      for (size_t i : it->second) {
        if (site.guides[i].name != guide) continue;
        j["guide"] = {{"title", site.guides[i].title}, {"url", GuidePath(d.slug, guide)}};
      }
    }
    out.push_back(std::move(j));
  }
  return out;
}

json Compliance(const Device& d) {
  const auto& c = d.compliance;
  json j;
  PutList(j, "laws", c.laws);
  if (!c.certifications.empty()) {
    json certs = json::array();
    for (const Certification& cert : c.certifications) certs.push_back(CertificationJson(cert));
    j["certifications"] = std::move(certs);
  }
  Put(j, "eu_declaration_url", c.eu_declaration_url);
  Put(j, "psti_statement_url", c.psti_statement_url);
  if (c.trust_mark) {
    const TrustMark& t = *c.trust_mark;
    json tm = {{"date", DateJson(t.date)}};
    Put(tm, "registry_url", t.registry_url);
    Put(tm, "id", t.id);
    Put(tm, "administrator", t.administrator);
    Put(tm, "lab", t.lab);
    j["trust_mark"] = std::move(tm);
  }
  return j;
}

json Sbom(const Device& d) {
  const auto& s = d.sbom;
  if (!s.maintained && !s.hbom_maintained && !s.public_ && s.format.empty() && s.url.empty()) {
    return json::object();
  }
  json j;
  j["maintained"] = YesNo(s.maintained);
  j["hbom_maintained"] = YesNo(s.hbom_maintained);
  j["public"] = s.public_ ? "Yes" : "No, available on request";
  if (s.format == "spdx") j["format"] = "SPDX";
  else if (s.format == "cyclonedx") j["format"] = "CycloneDX";
  else Put(j, "format", s.format);
  Put(j, "url", s.url);
  return j;
}

json Lifecycle(const Device& d) {
  json j;
  Put(j, "expected_lifespan", d.lifecycle.expected_lifespan);
  PutHtml(j, "costs_html", d.lifecycle.costs);
  if (d.lifecycle.retain_until) j["retain_until"] = DateJson(*d.lifecycle.retain_until);
  return j;
}

json Maintenance(const Device& d) {
  json j;
  PutHtml(j, "performed_by_html", d.maintenance.performed_by);
  PutHtml(j, "confidentiality_html", d.maintenance.confidentiality);
  return j;
}

}  // namespace

json detail::DeviceSections(const Site& site, const Device& d) {
  json j = json::object();
  PutObject(j, "identity", Identity(d));
  PutObject(j, "intended_use", IntendedUse(d));
  if (!d.security.risks.Empty()) j["risks"] = {{"risks_html", d.security.risks.html}};
  PutObject(j, "network", Network(d));
  PutObject(j, "data", Data(d));
  PutObject(j, "security", Security(d));
  j["capabilities"] = Capabilities(site, d);
  PutObject(j, "maintenance", Maintenance(d));
  PutObject(j, "compliance", Compliance(d));
  PutObject(j, "sbom", Sbom(d));
  PutObject(j, "lifecycle", Lifecycle(d));
  return j;
}

json detail::AffectedByRow(const Advisory& a, const Affected& af) {
  return {{"id", a.id}, {"url", AdvisoryPath(a.id)}, {"title", a.title},
          {"severity", SeverityJson(a.severity)}, {"scored", a.severity != Severity3::kNone},
          {"score", a.severity != Severity3::kNone ? Score(a.max_score) : std::string()},
          {"fix", af.fixed.value.empty() ? std::string("No fixed release yet")
                                         : "Fixed in " + af.fixed.value}};
}

json detail::FirmwareReleases(const Shared& shared, const Device& d) {
  const Site& site = shared.site();
  static const char* const kCriticality[][2] = {
      {"critical", "Critical"}, {"high", "High"}, {"medium", "Medium"}, {"low", "Low"}};
  // Which releases each affected range holds, decided once per distinct
  // range rather than once per release and advisory: a device's advisories
  // often share ranges, and comparing versions is not cheap.
  std::map<std::string_view, std::optional<std::vector<bool>>> releases_in;
  auto releases = [&](const std::string& text) -> const std::optional<std::vector<bool>>& {
    auto [it, fresh] = releases_in.try_emplace(text);
    std::string error;
    if (fresh) {
      if (auto range = ParseVersionRange(text, &error)) {
        it->second.emplace();
        for (const Firmware& f : d.firmware) it->second->push_back(range->Contains(f.version));
      }
    }
    return it->second;
  };
  // Per advisory (newest first), its [[affected]] rows for this device, each
  // with the row a release in its range shows.
  struct Candidate {
    const std::vector<bool>* releases;
    const json* row;
  };
  std::vector<std::vector<Candidate>> ranges;
  if (auto it = site.advisories_by_device.find(d.slug); it != site.advisories_by_device.end()) {
    for (size_t k : it->second) {
      const Advisory& a = site.advisories[k];
      std::vector<Candidate> candidates;
      for (size_t i = 0; i < a.affected.size(); ++i) {
        const Affected& af = a.affected[i];
        if (af.device.value != d.slug || af.versions.value.empty()) continue;
        if (const auto& in = releases(af.versions.value)) {
          candidates.push_back({&*in, &shared.AffectedByRow(a, i)});
        }
      }
      if (!candidates.empty()) ranges.push_back(std::move(candidates));
    }
  }
  json out = json::array();
  for (size_t i = 0; i < d.firmware.size(); ++i) {  // newest first
    const Firmware& f = d.firmware[i];
    json j = {{"version", f.version}, {"anchor", FirmwareAnchor(f.version)},
              {"released", DateJson(f.released)}, {"security", f.is_security},
              {"latest", i == 0}, {"superseded", i != 0}};
    for (const auto& c : kCriticality) {
      if (f.criticality == c[0]) j["criticality"] = {{"name", c[0]}, {"label", c[1]}};
    }
    PutHtml(j, "notes_html", f.notes);
    PutHtml(j, "security_notes_html", f.security_notes);
    if (f.install_within_days) j["install_within"] = Count(*f.install_within_days, "day", "days");
    Put(j, "download_url", f.download_url);
    Put(j, "sbom_url", f.sbom_url);
    j["paid"] = !f.free_of_charge;
    if (f.available_until) j["available_until"] = DateJson(*f.available_until);
    json fixes = json::array();
    for (const LocatedString& id : f.advisories) {
      json a = {{"id", id.value}};
      if (const Advisory* adv = site.FindAdvisory(id.value)) {
        a["url"] = AdvisoryPath(adv->id);
        Put(a, "title", adv->title);
      }
      fixes.push_back(std::move(a));
    }
    j["fixes"] = std::move(fixes);

    // Which advisories affect this version, and is it still supported?
    json affected_by = json::array();
    for (const auto& candidates : ranges) {
      for (const Candidate& c : candidates) {
        if (!(*c.releases)[i]) continue;
        affected_by.push_back(MustacheLink(*c.row));
        break;
      }
    }
    j["affected_by"] = std::move(affected_by);
    const bool device_supported = d.status == DeviceStatus::kOnSale || d.status == DeviceStatus::kSupported;
    std::string support_text;
    if (!device_supported) {
      support_text = "Not supported: security updates for this device have ended.";
    } else if (i == 0) {
      support_text = d.support.end_of_security_support.Known()
                         ? "Supported: the current release, with security updates until " +
                               LongDate(d.support.end_of_security_support.date) + "."
                         : "Supported: the current release.";
    } else {
      support_text = "Superseded by " + d.firmware.front().version +
                     ": security fixes come in the latest release only; update to it.";
    }
    j["version_support"] = {{"supported", device_supported && i == 0}, {"text", support_text}};

    if (i != 0 && !f.download_url.empty()) {
      const Text& notice = site.config.support.archive_notice;
      j["archive_notice_html"] =
          notice.Empty() ? "<p>This is not the latest firmware. Older releases contain "
                           "vulnerabilities fixed in later ones; install the latest release "
                           "unless you need this one to recover a device.</p>"
                         : notice.html;
    }
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace herald::view
