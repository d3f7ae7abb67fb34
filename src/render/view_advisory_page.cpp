// View model: one advisory page, with every front-matter field.
#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/view_model.h"

namespace herald::view {

using nlohmann::json;
using namespace detail;

namespace {

/// "CVSS:3.1/AV:N/..." -> "3.1".
std::string CvssVersion(const std::string& vector) {
  if (vector.rfind("CVSS:", 0) != 0) return "";
  size_t slash = vector.find('/');
  return vector.substr(5, slash == std::string::npos ? std::string::npos : slash - 5);
}

json CvssJson(const CvssScore& c, const char* fallback_version) {
  std::string version = CvssVersion(c.vector);
  json j = SeverityJson(c.severity);
  j["version"] = version.empty() ? fallback_version : version;
  j["vector"] = c.vector;
  j["score"] = Score(c.base_score);
  return j;
}

/// "CWE-287" -> https://cwe.mitre.org/data/definitions/287.html; "" if malformed.
std::string CweUrl(const std::string& cwe) {
  if (cwe.rfind("CWE-", 0) != 0 || cwe.size() == 4) return "";
  for (size_t i = 4; i < cwe.size(); ++i) {
    if (cwe[i] < '0' || cwe[i] > '9') return "";
  }
  return "https://cwe.mitre.org/data/definitions/" + cwe.substr(4) + ".html";
}

/// CSAF 2.0 flag labels (VEX justifications) in plain words.
std::string JustificationText(const std::string& j) {
  if (j == "component_not_present") return "The affected component is not part of this device.";
  if (j == "vulnerable_code_not_present") return "The vulnerable code is not present in this device.";
  if (j == "vulnerable_code_not_in_execute_path") {
    return "The vulnerable code is present but never runs on this device.";
  }
  if (j == "vulnerable_code_cannot_be_controlled_by_adversary") {
    return "The vulnerable code runs, but an attacker cannot reach or control it.";
  }
  if (j == "inline_mitigations_already_exist") {
    return "Protections built into the device already prevent exploitation.";
  }
  return j;
}

std::string RemediationLabel(const std::string& category) {
  if (category == "vendor_fix") return "Update";
  if (category == "mitigation") return "Mitigation";
  if (category == "workaround") return "Workaround";
  if (category == "no_fix_planned") return "No fix planned";
  if (category == "none_available") return "No fix available yet";
  return category;
}

std::string StatusLabel(AdvisoryStatus s) {
  switch (s) {
    case AdvisoryStatus::kDraft: return "Draft";
    case AdvisoryStatus::kInterim: return "Interim";
    case AdvisoryStatus::kFinal: return "Final";
  }
  return "";
}

json DeviceList(const Site& site, const std::vector<LocatedString>& slugs) {
  json out = json::array();
  for (const LocatedString& s : slugs) out.push_back(DeviceRef(site, s.value));
  return out;
}

/// The firmware release named in `fixed`, for its date and anchor.
const Firmware* FindFirmware(const Device* d, const std::string& version) {
  if (!d) return nullptr;
  for (const Firmware& f : d->firmware) {
    if (f.version == version) return &f;
  }
  return nullptr;
}

json Vulnerabilities(const Site& site, const Advisory& a) {
  json out = json::array();
  for (const Vulnerability& v : a.vulnerabilities) {
    json j;
    if (!v.cve.empty()) {
      json& cve = j["cve"];
      cve["id"] = v.cve;
      cve["url"] = "https://www.cve.org/CVERecord?id=" + v.cve;
    }
    if (!v.cwe.empty()) {
      json& cwe = j["cwe"];
      cwe["id"] = v.cwe;
      Put(cwe, "url", CweUrl(v.cwe));
    }
    Put(j, "title", v.title);
    std::string heading = v.cve;
    if (!v.title.empty()) heading += (heading.empty() ? "" : ": ") + v.title;
    j["heading"] = heading.empty() ? "Vulnerability without a CVE id" : heading;
    json scores = json::array();
    if (v.cvss_v4) scores.push_back(CvssJson(*v.cvss_v4, "4.0"));
    if (v.cvss_v3) scores.push_back(CvssJson(*v.cvss_v3, "3.1"));
    j["scores"] = std::move(scores);
    j["devices"] = DeviceList(site, v.devices);
    j["exploited"] = v.actively_exploited;
    out.push_back(std::move(j));
  }
  return out;
}

json AffectedRows(const Site& site, const Advisory& a) {
  json out = json::array();
  for (const Affected& af : a.affected) {
    json j = DeviceRef(site, af.device.value);
    Put(j, "versions", af.versions.value);
    // Flat keys: a nested "fixed" object without "url" would let Mustache
    // resolve {{url}} to the row's device URL.
    Put(j, "fixed_version", af.fixed.value);
    if (const Firmware* fw = FindFirmware(site.FindDevice(af.device.value), af.fixed.value)) {
      j["fixed_url"] = DevicePath(af.device.value) + "#" + FirmwareAnchor(af.fixed.value);
      j["fixed_date"] = DateJson(fw->released);
    }
    out.push_back(std::move(j));
  }
  return out;
}

json Remediations(const Site& site, const Advisory& a) {
  json out = json::array();
  for (const Remediation& r : a.remediations) {
    json j;
    j["category"] = r.category;
    j["category_label"] = RemediationLabel(r.category);
    PutHtml(j, "details_html", r.details);
    Put(j, "url", r.url);
    j["devices"] = DeviceList(site, r.devices);
    out.push_back(std::move(j));
  }
  return out;
}

json Acknowledgments(const Advisory& a) {
  json out = json::array();
  for (const Acknowledgment& ack : a.acknowledgments) {
    std::string names;
    for (size_t i = 0; i < ack.names.size(); ++i) {
      if (i > 0) names += i + 1 == ack.names.size() ? " and " : ", ";
      names += ack.names[i];
    }
    json j;
    Put(j, "names", names);
    Put(j, "organization", ack.organization);
    std::string text = names;
    if (!ack.organization.empty()) {
      text = names.empty() ? ack.organization : names + " (" + ack.organization + ")";
    }
    j["text"] = text;
    out.push_back(std::move(j));
  }
  return out;
}

json Revisions(const Advisory& a) {
  json out = json::array();
  for (size_t i = 0; i < a.revisions.size(); ++i) {
    json& j = out.emplace_back();
    j["number"] = std::to_string(i + 1);
    j["date"] = DateJson(a.revisions[i].date, true);
    Put(j, "summary", a.revisions[i].summary);
  }
  return out;
}

}  // namespace

json AdvisoryPage(const Shared& shared, const Advisory& a) {
  const Site& site = shared.site();
  json v = shared.Common(AdvisoryPath(a.id), a.id + ": " + a.title);
  Put(v["page"], "description", a.summary);
  json j = AdvisorySummary(site, a);  // id, title, urls, category, severity, devices, cves
  j["status"]["name"] = StatusName(a.status);
  j["status"]["label"] = StatusLabel(a.status);
  j["interim"] = a.status == AdvisoryStatus::kInterim;
  j["tlp"] = a.tlp;
  j["published"] = DateJson(a.published, true);
  if (a.updated > a.published) {
    j["updated"] = DateJson(a.updated, true);
  } else {
    j.erase("updated");
  }
  if (a.withdrawn) {
    json w = {{"date", DateJson(a.withdrawn->date, true)}};
    Put(w, "reason", a.withdrawn->reason);
    j["withdrawal"] = std::move(w);
  }
  if (!a.superseded_by.value.empty()) {
    json s = {{"id", a.superseded_by.value}};
    if (const Advisory* other = site.FindAdvisory(a.superseded_by.value)) {
      s["url"] = AdvisoryPath(other->id);
      Put(s, "title", other->title);
    }
    j["superseded_by"] = std::move(s);
  }
  j["vulnerabilities"] = Vulnerabilities(site, a);
  j["affected"] = AffectedRows(site, a);
  json not_affected = json::array();
  for (const NotAffected& n : a.not_affected) {
    json row = DeviceRef(site, n.device.value);
    Put(row, "justification", n.justification);
    Put(row, "justification_text", JustificationText(n.justification));
    not_affected.push_back(std::move(row));
  }
  j["not_affected"] = std::move(not_affected);
  j["remediations"] = Remediations(site, a);
  json refs = json::array();
  for (const Reference& r : a.references) {
    json& row = refs.emplace_back();
    row["url"] = r.url;
    Put(row, "summary", r.summary);
  }
  j["references"] = std::move(refs);
  j["acknowledgments"] = Acknowledgments(a);
  j["revisions"] = Revisions(a);
  PutHtml(j, "body_html", a.body);
  j["toc"] = Toc(a.body);
  // A body with its own headings ("## Details", "## Impact"…) needs no
  // wrapping "Details" heading, whose id would clash with the body's.
  j["body_has_headings"] = !a.body.headings.empty();
  PutHtml(j, "legal_notice_html", site.config.csaf.legal_notice);

  // Per-device feeds of the affected devices, beside the site-wide ones.
  json device_feeds = json::array();
  for (const json& d : j["devices"]) {
    std::string base = d["url"].get<std::string>() + "feed.";
    json& feeds = device_feeds.emplace_back();
    feeds["name"] = d["name"];
    feeds["rss_url"] = base + "rss";
    feeds["atom_url"] = base + "atom";
    feeds["json_url"] = base + "json";
  }
  j["device_feeds"] = std::move(device_feeds);
  j["subscribe"] = shared.Subscribe();
  v["advisory"] = std::move(j);
  AddListFlags(v);
  return v;
}

}  // namespace herald::view
