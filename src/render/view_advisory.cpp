// View model: advisory rows, the advisory list and the home page.
// The single advisory page is in view_advisory_page.cpp.
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "model/site.h"
#include "render/csaf.h"
#include "render/mustache.h"
#include "render/view_model.h"

namespace herald::view {

using nlohmann::json;
using namespace detail;

// One rule for the file name, owned by the CSAF renderer.
std::string CsafPath(const Advisory& advisory) { return CsafDocumentPath(advisory); }

namespace {

bool HasScore(const Advisory& a) {
  for (const Vulnerability& v : a.vulnerabilities) {
    if (v.cvss_v3 || v.cvss_v4) return true;
  }
  return false;
}

/// Slugs in first-seen order of [[affected]], then vulnerability devices.
std::vector<std::string> AffectedSlugs(const Advisory& a) {
  std::vector<std::string> slugs;
  auto add = [&](const std::string& s) {
    if (!s.empty() && std::find(slugs.begin(), slugs.end(), s) == slugs.end()) slugs.push_back(s);
  };
  for (const Affected& af : a.affected) add(af.device.value);
  for (const Vulnerability& v : a.vulnerabilities) {
    for (const LocatedString& d : v.devices) add(d.value);
  }
  std::sort(slugs.begin(), slugs.end());
  return slugs;
}

std::string Join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

constexpr Severity3 kSeverityOrder[] = {Severity3::kCritical, Severity3::kHigh, Severity3::kMedium,
                                        Severity3::kLow, Severity3::kNone};

}  // namespace

json detail::AdvisorySummary(const Site& site, const Advisory& a) {
  json j;
  j["id"] = a.id;
  Put(j, "title", a.title);
  j["url"] = AdvisoryPath(a.id);
  j["csaf_url"] = CsafPath(a);
  j["category"] = CategoryLabel(a.category);
  j["category_name"] = CategoryName(a.category);
  j["is_notice"] = a.category != AdvisoryCategory::kSecurityAdvisory;  // lists show the category
  if (HasScore(a)) {
    json sev = SeverityJson(a.severity);
    sev["score"] = Score(a.max_score);
    j["severity"] = std::move(sev);
  }
  j["date"] = DateJson(a.published);
  if (a.updated > a.published) j["updated"] = DateJson(a.updated);
  j["year"] = std::to_string(YearOf(a.published));
  Put(j, "summary", a.summary);
  j["actively_exploited"] = a.actively_exploited;
  j["withdrawn"] = a.withdrawn.has_value();
  j["superseded"] = !a.superseded_by.value.empty();
  j["draft"] = a.status == AdvisoryStatus::kDraft || !a.published_out;

  json devices = json::array();
  std::vector<std::string> slugs = AffectedSlugs(a);
  for (const std::string& slug : slugs) devices.push_back(DeviceRef(site, slug));
  j["devices"] = std::move(devices);
  json not_affected = json::array();
  std::vector<std::string> all_slugs = slugs;
  for (const NotAffected& n : a.not_affected) {
    not_affected.push_back(DeviceRef(site, n.device.value));
    all_slugs.push_back(n.device.value);
  }
  j["not_affected_devices"] = std::move(not_affected);
  std::sort(all_slugs.begin(), all_slugs.end());
  all_slugs.erase(std::unique(all_slugs.begin(), all_slugs.end()), all_slugs.end());
  j["device_slugs"] = Join(all_slugs, " ");  // for data-* attributes of the filter script

  json cves = json::array();
  for (const Vulnerability& v : a.vulnerabilities) {
    if (!v.cve.empty()) {
      json& cve = cves.emplace_back();
      cve["id"] = v.cve;
      cve["url"] = "https://www.cve.org/CVERecord?id=" + v.cve;
    }
  }
  j["cves"] = std::move(cves);
  return j;
}

json Home(const Shared& shared) {
  const Site& site = shared.site();
  json v = shared.Common("/", site.config.site.title);
  json h;
  Put(h, "description", site.config.site.description);

  constexpr size_t kLatest = 10;
  json latest = json::array();
  for (size_t i = 0; i < site.advisories.size() && i < kLatest; ++i) {
    latest.push_back(MustacheLink(shared.AdvisorySummary(site.advisories[i])));
  }
  h["advisories"] = std::move(latest);
  h["advisory_count"] = std::to_string(site.advisories.size());
  h["more_advisories"] = site.advisories.size() > kLatest;

  json devices = json::array();
  for (const Device& d : site.devices) {
    devices.push_back(DeviceSummary(site, d));
  }
  h["devices"] = std::move(devices);

  json contacts = json::array();
  for (const std::string& c : site.config.disclosure.contact) contacts.push_back(ContactLink(c));
  json report;
  if (!contacts.empty()) report["first_contact"] = contacts.front();
  report["contacts"] = std::move(contacts);
  report["policy_url"] = site.config.disclosure.policy_url.empty()
                             ? "/security/"
                             : site.config.disclosure.policy_url;
  Put(report, "openpgp_key_url", site.config.disclosure.openpgp_key_url);
  h["report"] = std::move(report);
  h["subscribe"] = shared.Subscribe();
  v["home"] = std::move(h);
  AddListFlags(v);
  return v;
}

json AdvisoryList(const Shared& shared) {
  const Site& site = shared.site();
  json v = shared.Common("/advisories/", "Security advisories");
  json l;
  json all = json::array();
  json years = json::array();
  std::set<std::string> device_slugs;
  std::set<Severity3> severities;
  for (const Advisory& a : site.advisories) {  // newest first
    const json& row = shared.AdvisorySummary(a);
    const std::string& year = row.at("year").get_ref<const std::string&>();
    if (years.empty() || years.back()["year"] != year) {
      years.push_back({{"year", year}, {"anchor", "y" + year}, {"advisories", json::array()}});
    }
    years.back()["advisories"].push_back(MustacheLink(row));
    all.push_back(MustacheLink(row));
    for (const Affected& af : a.affected) device_slugs.insert(af.device.value);
    for (const NotAffected& n : a.not_affected) device_slugs.insert(n.device.value);
    if (HasScore(a)) severities.insert(a.severity);
  }
  for (json& y : years) {
    y["count"] = Count(static_cast<long>(y["advisories"].size()), "advisory", "advisories");
  }
  l["advisories"] = std::move(all);
  l["count"] = std::to_string(site.advisories.size());

  json filters;
  json fdevices = json::array();
  for (const Device& d : site.devices) {  // by slug
    if (!device_slugs.count(d.slug)) continue;
    json dj = DeviceRef(site, d.slug);
    dj["advisories_url"] = DevicePath(d.slug) + "#advisories";
    fdevices.push_back(std::move(dj));
  }
  filters["devices"] = std::move(fdevices);
  json fsev = json::array();
  for (Severity3 s : kSeverityOrder) {
    if (severities.count(s)) fsev.push_back(SeverityJson(s));
  }
  filters["severities"] = std::move(fsev);
  json fyears = json::array();
  for (const json& y : years) fyears.push_back({{"year", y["year"]}, {"anchor", y["anchor"]}});
  filters["years"] = std::move(fyears);
  l["years"] = std::move(years);
  l["filters"] = std::move(filters);
  l["subscribe"] = shared.Subscribe();
  v["advisory_list"] = std::move(l);
  AddListFlags(v);
  return v;
}

}  // namespace herald::view
