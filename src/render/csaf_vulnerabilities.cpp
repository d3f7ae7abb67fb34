// CSAF vulnerabilities: one per [[vulnerabilities]] entry, with product
// status, VEX flags, remediations, threats, CVSS 3.x scores and the CWE name
// from the shipped catalogue. CSAF 2.0 has no place for CVSS 4.0 (only
// cvss_v2 and cvss_v3), so a CVSS 4.0 vector goes into a vulnerability note.
#include <map>

#include "model/cwe.h"
#include "render/csaf_internal.h"

namespace herald::csaf {
namespace {

// CVSS 3.x base metric values: vector abbreviation → value → CSAF (JSON
// schema) value name.
using MetricValues = std::map<std::string, std::map<std::string, std::string>>;

const MetricValues& Cvss3BaseMetrics() {
  static const MetricValues kMetrics = {
      {"AV", {{"N", "NETWORK"}, {"A", "ADJACENT_NETWORK"}, {"L", "LOCAL"}, {"P", "PHYSICAL"}}},
      {"AC", {{"L", "LOW"}, {"H", "HIGH"}}},
      {"PR", {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
      {"UI", {{"N", "NONE"}, {"R", "REQUIRED"}}},
      {"S", {{"U", "UNCHANGED"}, {"C", "CHANGED"}}},
      {"C", {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
      {"I", {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
      {"A", {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
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

// not_affected product ids by VEX flag label, for flags and impact statements.
using ByLabel = std::map<std::string, std::set<std::string>>;

ByLabel ByJustification(const Products& products) {
  ByLabel by_label;
  for (const auto& [slug, ids] : products.not_affected) {
    by_label[products.justification.at(slug)].insert(ids.begin(), ids.end());
  }
  return by_label;
}

// A remediation and the known affected products it applies to.
struct ProductRemediation {
  const Remediation* remediation;
  std::set<std::string> ids;
};

std::vector<ProductRemediation> Remediations(const Advisory& a, const Products& products,
                                             const std::set<std::string>& known_affected) {
  std::vector<ProductRemediation> list;
  for (const auto& r : a.remediations) {
    std::set<std::string> ids;
    for (const auto& id : Union(products.affected, Slugs(r.devices, a))) {
      if (known_affected.count(id)) ids.insert(id);
    }
    if (ids.empty()) continue;  // CSAF needs a product for every remediation
    list.push_back({&r, std::move(ids)});
  }
  return list;
}

void Remediations(JsonWriter& w, const Site& site, const std::vector<ProductRemediation>& list) {
  w.BeginArray();
  for (const auto& [r, ids] : list) {
    w.BeginObject();
    w.Field("category", r->category);
    w.Field("details", r->details.plain.empty() ? r->category : r->details.plain);
    w.Key("product_ids");
    w.StringArray(ids);
    if (!r->url.empty()) w.Field("url", site.AbsoluteUrl(r->url));
    w.EndObject();
  }
  w.EndArray();
}

void Threat(JsonWriter& w, const char* category, const std::string& details,
            const std::set<std::string>& ids) {
  w.BeginObject();
  w.Field("category", category);
  w.Field("details", details);
  w.Key("product_ids");
  w.StringArray(ids);
  w.EndObject();
}

void Flags(JsonWriter& w, const ByLabel& by_label) {
  w.BeginArray();
  for (const auto& [label, ids] : by_label) {
    w.BeginObject();
    w.Field("label", label);
    w.Key("product_ids");
    w.StringArray(ids);
    w.EndObject();
  }
  w.EndArray();
}

void Cvss3(JsonWriter& w, const CvssScore& s) {
  std::map<std::string, std::string> metrics;  // "AV" → "N"
  size_t pos = s.vector.find('/');
  while (pos != std::string::npos) {
    size_t next = s.vector.find('/', pos + 1);
    std::string part = s.vector.substr(pos + 1, next == std::string::npos ? next : next - pos - 1);
    size_t colon = part.find(':');
    if (colon != std::string::npos) metrics[part.substr(0, colon)] = part.substr(colon + 1);
    pos = next;
  }
  // The metric `key` of the vector as `property`, if the vector has a valid value.
  auto metric = [&](const char* property, const std::string& key) {
    auto it = metrics.find(key);
    if (it == metrics.end()) return;
    const auto& values = Cvss3BaseMetrics().at(key);
    auto value = values.find(it->second);
    if (value != values.end()) w.Field(property, value->second);
  };
  w.BeginObject();
  metric("attackComplexity", "AC");
  metric("attackVector", "AV");
  metric("availabilityImpact", "A");
  w.Key("baseScore");
  w.Number(s.base_score);
  w.Field("baseSeverity", Upper(SeverityName(s.severity)));
  metric("confidentialityImpact", "C");
  metric("integrityImpact", "I");
  metric("privilegesRequired", "PR");
  metric("scope", "S");
  metric("userInteraction", "UI");
  w.Field("vectorString", s.vector);
  w.Field("version", s.vector.substr(5, 3));
  w.EndObject();
}

void Notes(JsonWriter& w, const Vulnerability& v) {
  w.BeginArray();
  if (!v.title.empty()) {
    w.BeginObject();
    w.Field("category", "description");
    w.Field("text", v.title);
    w.Field("title", "Vulnerability description");
    w.EndObject();
  }
  if (v.cvss_v4) {
    char score[16];
    std::snprintf(score, sizeof score, "%.1f", v.cvss_v4->base_score);
    w.BeginObject();
    w.Field("category", "other");
    w.Field("text", v.cvss_v4->vector + " (base score " + score + ", " +
                        SeverityLabel(v.cvss_v4->severity) + ")");
    w.Field("title", "CVSS v4.0");
    w.EndObject();
  }
  w.EndArray();
}

// The catalogue entry of the vulnerability's CWE; reports one that is
// deprecated or missing.
const CweEntry* Cwe(const Vulnerability& v, Diagnostics& diags) {
  if (v.cwe.empty()) return nullptr;
  const CweEntry* cwe = FindCwe(v.cwe);
  if (!cwe) {
    diags.Error(v.where, "'cwe' is " + v.cwe + ", which is not in the CWE " +
                             CweCatalogueVersion() + " catalogue herald ships (data/README.md)");
  } else if (cwe->status == "Deprecated") {
    diags.Warning(v.where, v.cwe + " (" + cwe->name + ") is deprecated in the CWE " +
                               CweCatalogueVersion() + " catalogue; name a current weakness");
  }
  return cwe;
}

// Vulnerability `i` of the advisory.
void OneVulnerability(JsonWriter& w, const Site& site, const Advisory& a, size_t i,
                      const Products& products, const ByLabel& by_label, Diagnostics& diags) {
  const Vulnerability& v = a.vulnerabilities[i];
  std::set<std::string> devices = Slugs(v.devices, a);
  std::set<std::string> known_affected = Union(products.affected, devices);
  std::set<std::string> fixed = Union(products.fixed, devices);
  std::set<std::string> not_affected;
  for (const auto& [slug, ids] : products.not_affected) not_affected.insert(ids.begin(), ids.end());
  std::vector<ProductRemediation> remediations = Remediations(a, products, known_affected);
  bool exploited = v.actively_exploited && !known_affected.empty();

  w.BeginObject();
  if (!v.cve.empty()) w.Field("cve", v.cve);
  if (const CweEntry* cwe = Cwe(v, diags)) {
    w.Key("cwe");
    w.BeginObject();
    w.Field("id", cwe->id);
    w.Field("name", cwe->name);
    w.EndObject();
  }
  if (!by_label.empty()) {
    w.Key("flags");
    Flags(w, by_label);
  }
  if (v.cve.empty()) {
    // VEX needs an id for every vulnerability; without a CVE, herald's own.
    w.Key("ids");
    w.BeginArray();
    w.BeginObject();
    w.Field("system_name", site.config.publisher.name);
    w.Field("text", a.id + "#" + std::to_string(i + 1));
    w.EndObject();
    w.EndArray();
  }
  if (!v.title.empty() || v.cvss_v4) {
    w.Key("notes");
    Notes(w, v);
  }
  if (!known_affected.empty() || !fixed.empty() || !not_affected.empty()) {
    w.Key("product_status");
    w.BeginObject();
    if (!fixed.empty()) {
      w.Key("fixed");
      w.StringArray(fixed);
    }
    if (!known_affected.empty()) {
      w.Key("known_affected");
      w.StringArray(known_affected);
    }
    if (!not_affected.empty()) {
      w.Key("known_not_affected");
      w.StringArray(not_affected);
    }
    w.EndObject();
  }
  if (!remediations.empty()) {
    w.Key("remediations");
    Remediations(w, site, remediations);
  }
  if (v.cvss_v3 && !known_affected.empty()) {
    w.Key("scores");
    w.BeginArray();
    w.BeginObject();
    w.Key("cvss_v3");
    Cvss3(w, *v.cvss_v3);
    w.Key("products");
    w.StringArray(known_affected);
    w.EndObject();
    w.EndArray();
  }
  if (!by_label.empty() || exploited) {
    w.Key("threats");
    w.BeginArray();
    for (const auto& [label, ids] : by_label) Threat(w, "impact", JustificationText(label), ids);
    if (exploited) {
      Threat(w, "exploit_status",
             "Actively exploited: attacks using this vulnerability have been seen in the wild. "
             "Apply the remediations without delay.",
             known_affected);
    }
    w.EndArray();
  }
  if (!v.title.empty()) w.Field("title", v.title);
  w.EndObject();
}

}  // namespace

void Vulnerabilities(JsonWriter& w, const Site& site, const Advisory& a, const Products& products,
                     Diagnostics& diags) {
  ByLabel by_label = ByJustification(products);
  w.BeginArray();
  for (size_t i = 0; i < a.vulnerabilities.size(); ++i) {
    OneVulnerability(w, site, a, i, products, by_label, diags);
  }
  w.EndArray();
}

}  // namespace herald::csaf
