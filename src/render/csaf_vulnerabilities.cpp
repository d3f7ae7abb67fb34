// CSAF vulnerabilities: one per [[vulnerabilities]] entry, with product
// status, VEX flags, remediations, threats, CVSS 3.x scores and the CWE name
// from the shipped catalogue. CSAF 2.0 has no place for CVSS 4.0 (only
// cvss_v2 and cvss_v3), so a CVSS 4.0 vector goes into a vulnerability note.
#include <map>

#include "model/cwe.h"
#include "render/csaf_internal.h"

namespace herald::csaf {
namespace {

// CVSS 3.x base metrics: vector abbreviation → CSAF (JSON schema) property
// and value names.
struct Metric {
  const char* key;
  const char* property;
  std::map<std::string, std::string> values;
};

const std::vector<Metric>& Cvss3BaseMetrics() {
  static const std::vector<Metric> kMetrics = {
      {"AV", "attackVector",
       {{"N", "NETWORK"}, {"A", "ADJACENT_NETWORK"}, {"L", "LOCAL"}, {"P", "PHYSICAL"}}},
      {"AC", "attackComplexity", {{"L", "LOW"}, {"H", "HIGH"}}},
      {"PR", "privilegesRequired", {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
      {"UI", "userInteraction", {{"N", "NONE"}, {"R", "REQUIRED"}}},
      {"S", "scope", {{"U", "UNCHANGED"}, {"C", "CHANGED"}}},
      {"C", "confidentialityImpact", {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
      {"I", "integrityImpact", {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
      {"A", "availabilityImpact", {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
  };
  return kMetrics;
}

std::string Upper(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

// CSAF 2.0 VEX flag labels in words, for impact statements.
std::string JustificationText(const std::string& label) {
  static const std::map<std::string, std::string> kText = {
      {"component_not_present", "The vulnerable component is not present in this product."},
      {"vulnerable_code_not_present", "The vulnerable code is not present in this product."},
      {"vulnerable_code_cannot_be_controlled_by_adversary",
       "The vulnerable code is present, but an attacker cannot control it in this product."},
      {"vulnerable_code_not_in_execute_path",
       "The vulnerable code is present, but this product never executes it."},
      {"inline_mitigations_already_exist",
       "Built-in protections of this product already prevent exploitation."},
  };
  auto it = kText.find(label);
  return it == kText.end() ? "Not affected (" + label + ")." : it->second;
}

std::set<std::string> Union(const std::map<std::string, std::set<std::string>>& by_device,
                            const std::set<std::string>& devices) {
  std::set<std::string> ids;
  for (const auto& slug : devices) {
    auto it = by_device.find(slug);
    if (it != by_device.end()) ids.insert(it->second.begin(), it->second.end());
  }
  return ids;
}

std::set<std::string> AffectedDevices(const Advisory& a) {
  std::set<std::string> slugs;
  for (const auto& x : a.affected) slugs.insert(x.device.value);
  return slugs;
}

std::set<std::string> Slugs(const std::vector<LocatedString>& list, const Advisory& a) {
  if (list.empty()) return AffectedDevices(a);
  std::set<std::string> slugs;
  for (const auto& s : list) slugs.insert(s.value);
  return slugs;
}

json Remediations(const Site& site, const Advisory& a, const Products& products,
                  const std::set<std::string>& known_affected) {
  json list = json::array();
  for (const auto& r : a.remediations) {
    std::set<std::string> ids;
    for (const auto& id : Union(products.affected, Slugs(r.devices, a))) {
      if (known_affected.count(id)) ids.insert(id);
    }
    if (ids.empty()) continue;  // CSAF needs a product for every remediation
    json j = {{"category", r.category}, {"product_ids", IdArray(ids)}};
    j["details"] = r.details.plain.empty() ? r.category : r.details.plain;
    if (!r.url.empty()) j["url"] = site.AbsoluteUrl(r.url);
    list.push_back(j);
  }
  return list;
}

json Threats(const Vulnerability& v, const Products& products,
             const std::set<std::string>& known_affected) {
  json list = json::array();
  std::map<std::string, std::set<std::string>> by_label;
  for (const auto& [slug, ids] : products.not_affected) {
    by_label[products.justification.at(slug)].insert(ids.begin(), ids.end());
  }
  for (const auto& [label, ids] : by_label) {
    list.push_back(
        {{"category", "impact"}, {"details", JustificationText(label)}, {"product_ids", IdArray(ids)}});
  }
  if (v.actively_exploited && !known_affected.empty()) {
    list.push_back({{"category", "exploit_status"},
                    {"details", "Actively exploited: attacks using this vulnerability have been "
                                "seen in the wild. Apply the remediations without delay."},
                    {"product_ids", IdArray(known_affected)}});
  }
  return list;
}

json Flags(const Products& products) {
  std::map<std::string, std::set<std::string>> by_label;
  for (const auto& [slug, ids] : products.not_affected) {
    by_label[products.justification.at(slug)].insert(ids.begin(), ids.end());
  }
  json list = json::array();
  for (const auto& [label, ids] : by_label) {
    list.push_back({{"label", label}, {"product_ids", IdArray(ids)}});
  }
  return list;
}

json Cvss3(const CvssScore& s) {
  json j = {{"baseScore", s.base_score},
            {"baseSeverity", Upper(SeverityName(s.severity))},
            {"vectorString", s.vector},
            {"version", s.vector.substr(5, 3)}};
  std::map<std::string, std::string> metrics;
  size_t pos = s.vector.find('/');
  while (pos != std::string::npos) {
    size_t next = s.vector.find('/', pos + 1);
    std::string part = s.vector.substr(pos + 1, next == std::string::npos ? next : next - pos - 1);
    size_t colon = part.find(':');
    if (colon != std::string::npos) metrics[part.substr(0, colon)] = part.substr(colon + 1);
    pos = next;
  }
  for (const auto& m : Cvss3BaseMetrics()) {
    auto it = metrics.find(m.key);
    if (it == metrics.end()) continue;
    auto value = m.values.find(it->second);
    if (value != m.values.end()) j[m.property] = value->second;
  }
  return j;
}

json Notes(const Vulnerability& v) {
  json notes = json::array();
  if (!v.title.empty()) {
    notes.push_back(
        {{"category", "description"}, {"text", v.title}, {"title", "Vulnerability description"}});
  }
  if (v.cvss_v4) {
    char score[16];
    std::snprintf(score, sizeof score, "%.1f", v.cvss_v4->base_score);
    notes.push_back({{"category", "other"},
                     {"text", v.cvss_v4->vector + " (base score " + score + ", " +
                                  SeverityLabel(v.cvss_v4->severity) + ")"},
                     {"title", "CVSS v4.0"}});
  }
  return notes;
}

}  // namespace

json IdArray(const std::set<std::string>& ids) {
  json list = json::array();
  for (const auto& id : ids) list.push_back(id);
  return list;
}

json Vulnerabilities(const Site& site, const Advisory& a, const Products& products,
                     Diagnostics& diags) {
  json list = json::array();
  for (size_t i = 0; i < a.vulnerabilities.size(); ++i) {
    const Vulnerability& v = a.vulnerabilities[i];
    std::set<std::string> devices = Slugs(v.devices, a);
    std::set<std::string> known_affected = Union(products.affected, devices);
    std::set<std::string> fixed = Union(products.fixed, devices);
    std::set<std::string> not_affected;
    for (const auto& [slug, ids] : products.not_affected) not_affected.insert(ids.begin(), ids.end());

    json j = json::object();
    if (!v.title.empty()) j["title"] = v.title;
    if (!v.cve.empty()) {
      j["cve"] = v.cve;
    } else {
      // VEX needs an id for every vulnerability; without a CVE, herald's own.
      j["ids"] = json::array({{{"system_name", site.config.publisher.name},
                               {"text", a.id + "#" + std::to_string(i + 1)}}});
    }
    if (!v.cwe.empty()) {
      if (const CweEntry* cwe = FindCwe(v.cwe)) {
        j["cwe"] = {{"id", cwe->id}, {"name", cwe->name}};
        if (cwe->status == "Deprecated") {
          diags.Warning(v.where, v.cwe + " (" + cwe->name + ") is deprecated in the CWE " +
                                     CweCatalogueVersion() + " catalogue; name a current weakness");
        }
      } else {
        diags.Error(v.where, "'cwe' is " + v.cwe + ", which is not in the CWE " +
                                 CweCatalogueVersion() + " catalogue herald ships (data/README.md)");
      }
    }
    json notes = Notes(v);
    if (!notes.empty()) j["notes"] = notes;

    json status = json::object();
    if (!known_affected.empty()) status["known_affected"] = IdArray(known_affected);
    if (!fixed.empty()) status["fixed"] = IdArray(fixed);
    if (!not_affected.empty()) status["known_not_affected"] = IdArray(not_affected);
    if (!status.empty()) j["product_status"] = status;

    json flags = Flags(products);
    if (!flags.empty()) j["flags"] = flags;
    json remediations = Remediations(site, a, products, known_affected);
    if (!remediations.empty()) j["remediations"] = remediations;
    json threats = Threats(v, products, known_affected);
    if (!threats.empty()) j["threats"] = threats;
    if (v.cvss_v3 && !known_affected.empty()) {
      j["scores"] = json::array({{{"cvss_v3", Cvss3(*v.cvss_v3)},
                                  {"products", IdArray(known_affected)}}});
    }
    list.push_back(j);
  }
  return list;
}

}  // namespace herald::csaf
