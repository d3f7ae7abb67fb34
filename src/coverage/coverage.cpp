// Evaluates the publication baseline against the model (see coverage.h).
//
// The model is turned into JSON keyed like content-model.md (`device.KEY`,
// `site.TABLE.KEY`, `advisory.KEY`), so a baseline path is a plain lookup.
// Dates are {"$date": seconds}; "tba" stays the string "tba"; Markdown text
// is its source. Items naming `device.firmware.*` or `advisory.*` run once per
// firmware entry or per advisory of the device.
#include "coverage/coverage.h"

#include <algorithm>
#include <memory>
#include <cctype>
#include <limits>
#include <nlohmann/json.hpp>
#include <ostream>
#include <regex>
#include <sstream>

#include "model/versions.h"

namespace herald {

using nlohmann::json;

struct CoverageContext {
  Timestamp now = 0;
  // Shared, not copied: a context is copied for every item and entry.
  std::shared_ptr<const json> site;    // {"site": {...}, "manufacturer": {...}, ...}
  std::shared_ptr<const json> device;  // null for the site-wide report
  const json* firmware = nullptr;  // the entry under evaluation
  const json* advisory = nullptr;  // the advisory under evaluation
  std::string device_status;       // on_sale, supported, unsupported, end_of_life
  std::string language = "en";
  std::vector<std::string> guides;        // guide names of the device
  std::vector<std::string> guide_topics;  // topics of the device's guides
  std::vector<std::string> page_roles;
  std::vector<std::string> covers;        // ids claimed by the device's guides and the pages
  bool whole_lists = false;               // count(): ignore the entry under evaluation
};

namespace {

constexpr Timestamp kForever = std::numeric_limits<Timestamp>::max();
constexpr Timestamp kDay = 86400;

// ---------- model → JSON ----------

json Date(Timestamp t) { return json{{"$date", t}}; }
json Date(const std::optional<Timestamp>& t) { return t ? Date(*t) : json(); }
json Date(const DateOrTba& d) { return d.tba ? json("tba") : Date(d.date); }
json Str(const std::string& s) { return s.empty() ? json() : json(s); }
json Str(const Text& t) { return t.source.empty() ? json() : json(t.source); }
json Int(const std::optional<int>& i) { return i ? json(*i) : json(); }
json List(const std::vector<std::string>& v) { return v.empty() ? json() : json(v); }
json List(const std::vector<LocatedString>& v) {
  if (v.empty()) return json();
  json a = json::array();
  for (const auto& s : v) a.push_back(s.value);
  return a;
}

json Cap(const Capability& c) { return json{{"$capability", true}, {"supported", c.supported}, {"guide", c.guide}}; }

json Certs(const std::vector<Certification>& certs) {
  if (certs.empty()) return json();
  json a = json::array();
  for (const auto& c : certs) {
    a.push_back({{"name", Str(c.name)}, {"issuer", Str(c.issuer)}, {"scope", Str(c.scope)},
                 {"date", Date(c.date)}, {"url", Str(c.url)}});
  }
  return a;
}

json SiteJson(const Site& site) {
  const SiteConfig& c = site.config;
  json j;
  j["site"] = {{"title", Str(c.site.title)}, {"base_url", Str(c.site.base_url)},
               {"language", Str(c.site.language)}, {"description", Str(c.site.description)}};
  j["manufacturer"] = {{"legal_name", Str(c.manufacturer.legal_name)},
                       {"trade_name", Str(c.manufacturer.trade_name)},
                       {"postal_address", Str(c.manufacturer.postal_address)},
                       {"email", Str(c.manufacturer.email)},
                       {"website", Str(c.manufacturer.website)}};
  j["publisher"] = {{"name", Str(c.publisher.name)}, {"namespace", Str(c.publisher.namespace_)},
                    {"category", Str(c.publisher.category)},
                    {"contact_details", Str(c.publisher.contact_details)},
                    {"issuing_authority", Str(c.publisher.issuing_authority)}};
  const auto& d = c.disclosure;
  j["disclosure"] = {{"contact", List(d.contact)},
                     {"policy_url", Str(d.policy_url.empty() ? std::string("/security/") : d.policy_url)},
                     {"scope", Str(d.scope)},
                     {"report_guidance", Str(d.report_guidance)},
                     {"process", Str(d.process)},
                     {"acknowledge_days", Int(d.acknowledge_days)},
                     {"status_update_days", Int(d.status_update_days)},
                     {"triage_days", Int(d.triage_days)},
                     {"fix_days", Int(d.fix_days)},
                     {"openpgp_key_url", Str(d.openpgp_key_url)},
                     {"preferred_languages", List(d.preferred_languages)},
                     {"bug_bounty_url", Str(d.bug_bounty_url)},
                     {"safe_harbour", Str(d.safe_harbour)},
                     {"acknowledgments_url", Str(d.acknowledgments_url)}};
  j["security_txt"] = {{"expires_days", c.security_txt.expires_days},
                       {"expires", Date(site.build.build_time + c.security_txt.expires_days * kDay)},
                       {"canonical", List(c.security_txt.canonical)},
                       {"hiring_url", Str(c.security_txt.hiring_url)},
                       {"signed", c.security_txt.signed_}};
  const auto& s = c.support;
  json channels;
  for (const auto& ch : s.channels) {
    channels.push_back({{"address", Str(ch.address)}, {"label", Str(ch.label)},
                        {"hours", Str(ch.hours)}, {"automated", ch.automated}});
  }
  j["support"] = {{"channels", channels},
                  {"security_contact", Str(s.security_contact)},
                  {"compliance", Str(s.compliance)},
                  {"compliance_answer_days", Int(s.compliance_answer_days)},
                  {"security_help_url", Str(s.security_help_url)},
                  {"portal_url", Str(s.portal_url)},
                  {"doc_request_url", Str(s.doc_request_url)},
                  {"bug_report_url", Str(s.bug_report_url)},
                  {"archive_notice", Str(s.archive_notice)}};
  j["practices"] = {{"certifications", Certs(c.practices.certifications)}};
  j["notifications"] = {{"policy", Str(c.notifications.policy)},
                        {"subscribe_url", Str(c.notifications.subscribe_url)}};
  j["csaf"] = {{"role", Str(c.csaf.role)}, {"default_tlp", Str(c.csaf.default_tlp)},
               {"signing_key", Str(c.csaf.signing_key)}, {"public_key_url", Str(c.csaf.public_key_url)},
               {"legal_notice", Str(c.csaf.legal_notice)}};
  j["feeds"] = {{"limit", c.feeds.limit}};
  j["build"] = {{"output_dir", Str(c.build.output_dir)}, {"theme", Str(c.build.theme)}};
  return j;
}

json DeviceJson(const Device& d) {
  json j;
  j["markets"] = List(d.markets);
  j["identity"] = {{"name", Str(d.identity.name)}, {"type", Str(d.identity.type)},
                   {"models", List(d.identity.models)},
                   {"hardware_versions", List(d.identity.hardware_versions)},
                   {"cpe", Str(d.identity.cpe)}, {"purl", Str(d.identity.purl)},
                   {"marking", Str(d.identity.marking)},
                   {"components", List(d.identity.components)}};
  j["lifecycle"] = {{"expected_lifespan", Str(d.lifecycle.expected_lifespan)},
                    {"costs", Str(d.lifecycle.costs)},
                    {"retain_until", Date(d.lifecycle.retain_until)}};
  const auto& u = d.intended_use;
  j["intended_use"] = {{"purpose", Str(u.purpose)}, {"customers", Str(u.customers)},
                       {"use_cases", Str(u.use_cases)}, {"physical", Str(u.physical)},
                       {"consumer", u.consumer}, {"for_integration", u.for_integration}};
  j["network"] = {{"requirements", Str(d.network.requirements)},
                  {"interfaces", Str(d.network.interfaces)},
                  {"unauthenticated_functions", Str(d.network.unauthenticated_functions)},
                  {"services", List(d.network.services)}};
  const auto& da = d.data;
  j["data"] = {{"handled", Str(da.handled)}, {"inputs_outputs", Str(da.inputs_outputs)},
               {"personal_data", Str(da.personal_data)}, {"telemetry", Str(da.telemetry)},
               {"sensors", List(da.sensors)}, {"retention", Str(da.retention)},
               {"third_parties", Str(da.third_parties)}, {"cloud_access", Str(da.cloud_access)}};
  const auto& se = d.security;
  j["security"] = {{"platform", Str(se.platform)}, {"environment", Str(se.environment)},
                   {"properties", Str(se.properties)},
                   {"component_protection", Str(se.component_protection)}, {"risks", Str(se.risks)}};
  const auto& c = d.capabilities;
  j["capabilities"] = {{"identification", Cap(c.identification)},
                       {"configuration", Cap(c.configuration)},
                       {"data_protection", Cap(c.data_protection)},
                       {"interface_access", Cap(c.interface_access)},
                       {"software_update", Cap(c.software_update)},
                       {"state_awareness", Cap(c.state_awareness)}};
  const auto& s = d.support;
  json history;
  for (const auto& h : s.history) {
    history.push_back({{"date", h.date ? Date(h.date) : json()},
                       {"end_of_security_support", Date(h.end_of_security_support)},
                       {"note", Str(h.note)}});
  }
  j["support"] = {{"general_availability", Date(s.general_availability)},
                  {"end_of_sales", Date(s.end_of_sales)},
                  {"end_of_life", Date(s.end_of_life)},
                  {"end_of_security_support", Date(s.end_of_security_support)},
                  {"basis", Str(s.basis)},
                  {"source", Str(s.source.empty() ? std::string("page:support-policy") : s.source)},
                  {"summary", Str(s.summary)},
                  {"update_frequency", Str(s.update_frequency)},
                  {"update_mechanism", Str(s.update_mechanism)},
                  {"automatic_updates", s.automatic_updates},
                  {"no_update_reason", Str(s.no_update_reason)},
                  {"short_period_reason", Str(s.short_period_reason)},
                  {"last_reviewed", Date(s.last_reviewed)},
                  {"history", history}};
  json tm;
  if (d.compliance.trust_mark) {
    const auto& t = *d.compliance.trust_mark;
    tm = {{"registry_url", Str(t.registry_url)}, {"id", Str(t.id)}, {"date", Date(t.date)},
          {"administrator", Str(t.administrator)}, {"lab", Str(t.lab)}};
  }
  j["compliance"] = {{"laws", List(d.compliance.laws)},
                     {"certifications", Certs(d.compliance.certifications)},
                     {"eu_declaration_url", Str(d.compliance.eu_declaration_url)},
                     {"psti_statement_url", Str(d.compliance.psti_statement_url)},
                     {"trust_mark", tm}};
  j["sbom"] = {{"maintained", d.sbom.maintained}, {"hbom_maintained", d.sbom.hbom_maintained},
               {"format", Str(d.sbom.format)}, {"public", d.sbom.public_}, {"url", Str(d.sbom.url)}};
  j["maintenance"] = {{"performed_by", Str(d.maintenance.performed_by)},
                      {"confidentiality", Str(d.maintenance.confidentiality)}};
  j["status"] = DeviceStatusName(d.status);
  json fw = json::array();
  for (const auto& f : d.firmware) {
    fw.push_back({{"version", Str(f.version)}, {"released", Date(f.released)},
                  {"notes", Str(f.notes)}, {"is_security", f.is_security},
                  {"security_notes", Str(f.security_notes)}, {"criticality", Str(f.criticality)},
                  {"install_within_days", Int(f.install_within_days)},
                  {"download_url", Str(f.download_url)}, {"free_of_charge", f.free_of_charge},
                  {"available_until", Date(f.available_until)},
                  {"advisories", List(f.advisories)}, {"sbom_url", Str(f.sbom_url)}});
  }
  j["firmware"] = fw;
  return j;
}

json AdvisoryJson(const Site& site, const Advisory& a, const Device& d) {
  json j;
  j["id"] = a.id;
  j["title"] = Str(a.title);
  j["category"] = CategoryName(a.category);
  j["status"] = StatusName(a.status);
  j["published"] = Date(a.published);
  j["tlp"] = Str(a.tlp);
  j["summary"] = Str(a.summary);
  j["body"] = Str(a.body);
  json vulns;
  for (const auto& v : a.vulnerabilities) {
    json cv3 = v.cvss_v3 ? json(v.cvss_v3->vector) : json();
    json cv4 = v.cvss_v4 ? json(v.cvss_v4->vector) : json();
    vulns.push_back({{"cve", Str(v.cve)}, {"cwe", Str(v.cwe)}, {"title", Str(v.title)},
                     {"cvss_v3", cv3}, {"cvss_v4", cv4}, {"devices", List(v.devices)},
                     {"actively_exploited", v.actively_exploited}});
  }
  j["vulnerabilities"] = vulns;
  json affected, fix_date;
  for (const auto& af : a.affected) {
    affected.push_back({{"device", Str(af.device.value)}, {"versions", Str(af.versions.value)},
                        {"fixed", Str(af.fixed.value)}});
    if (af.device.value == d.slug && !af.fixed.value.empty()) {
      for (const auto& f : d.firmware) {
        if (f.version == af.fixed.value) fix_date = Date(f.released);
      }
    }
  }
  j["affected"] = affected;
  j["fix_date"] = fix_date;
  json not_affected;
  for (const auto& n : a.not_affected) {
    not_affected.push_back({{"device", Str(n.device.value)}, {"justification", Str(n.justification)}});
  }
  j["not_affected"] = not_affected;
  json rem;
  for (const auto& r : a.remediations) {
    rem.push_back({{"category", Str(r.category)}, {"details", Str(r.details)}, {"url", Str(r.url)},
                   {"devices", List(r.devices)}});
  }
  j["remediations"] = rem;
  json refs;
  for (const auto& r : a.references) refs.push_back({{"url", Str(r.url)}, {"summary", Str(r.summary)}});
  j["references"] = refs;
  json acks;
  for (const auto& k : a.acknowledgments) {
    acks.push_back({{"names", List(k.names)}, {"organization", Str(k.organization)}});
  }
  j["acknowledgments"] = acks;
  json revs;
  for (const auto& r : a.revisions) revs.push_back({{"date", Date(r.date)}, {"summary", Str(r.summary)}});
  j["revisions"] = revs;
  j["withdrawn"] = a.withdrawn ? json{{"date", Date(a.withdrawn->date)}, {"reason", Str(a.withdrawn->reason)}}
                               : json();
  j["superseded_by"] = Str(a.superseded_by.value);
  j["severity"] = a.severity == Severity3::kNone ? json() : json(SeverityName(a.severity));
  (void)site;
  return j;
}

// ---------- values ----------

bool IsDate(const json& v) { return v.is_object() && v.contains("$date"); }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

/// "none" or "none: reason" (any case).
bool IsNoneAnswer(const json& v) {
  if (v.is_string()) {
    std::string s = Lower(Trim(v.get<std::string>()));
    return s == "none" || s.rfind("none:", 0) == 0;
  }
  if (v.is_array() && v.size() == 1) return IsNoneAnswer(v[0]);
  return false;
}

/// Set and non-empty; "tba" does not count.
bool IsPresent(const json& v) {
  if (v.is_null()) return false;
  if (v.is_string()) {
    std::string s = Trim(v.get<std::string>());
    return !s.empty() && Lower(s) != "tba";
  }
  if (v.is_array()) {
    if (v.empty()) return false;
    for (const auto& e : v) {
      if (!IsPresent(e)) return false;
    }
    return true;
  }
  if (v.is_object() && !IsDate(v) && !v.contains("$capability")) {
    for (const auto& [k, e] : v.items()) {
      if (IsPresent(e)) return true;
    }
    return false;
  }
  return true;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

// Collects the values at keys[from..] below `node`, descending through arrays
// of tables (site.support.channels.automated → one value per channel).
void Collect(const json& node, const std::vector<std::string>& keys, size_t from, std::vector<json>* out) {
  if (from == keys.size()) {
    out->push_back(node);
    return;
  }
  if (node.is_array()) {
    for (const auto& e : node) Collect(e, keys, from, out);
    return;
  }
  if (!node.is_object()) {
    out->push_back(json());
    return;
  }
  auto it = node.find(keys[from]);
  if (it == node.end()) {
    out->push_back(json());
    return;
  }
  Collect(*it, keys, from + 1, out);
}

/// The values a path names: one for plain keys, one per entry below a list of tables.
std::vector<json> Resolve(const CoverageContext& ctx, const std::string& path) {
  std::vector<std::string> keys = Split(path, '.');
  std::vector<json> out;
  if (keys.empty()) return out;
  if (keys[0] == "site") {
    Collect(*ctx.site, keys, 1, &out);
  } else if (keys[0] == "device") {
    if (!ctx.device || ctx.device->is_null()) return {json()};
    if (keys.size() > 1 && keys[1] == "firmware" && ctx.firmware && !ctx.whole_lists) {
      Collect(*ctx.firmware, keys, 2, &out);
    } else {
      Collect(*ctx.device, keys, 1, &out);
    }
  } else if (keys[0] == "advisory") {
    if (!ctx.advisory) return {json()};
    Collect(*ctx.advisory, keys, 1, &out);
  } else {
    out.push_back(json());
  }
  return out;
}

// ---------- conditions ----------

json Literal(std::string s) {
  s = Trim(s);
  if (s == "true") return true;
  if (s == "false") return false;
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) {
    return s.substr(1, s.size() - 2);
  }
  if (!s.empty() && (std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-')) {
    try {
      return std::stoll(s);
    } catch (...) {
    }
  }
  return s;
}

bool Equals(const json& value, const json& lit) {
  if (value.is_null()) return false;
  if (lit.is_string() && lit.get<std::string>() == "none") return IsNoneAnswer(value);
  if (value.is_string() && lit.is_string()) return Lower(value.get<std::string>()) == Lower(lit.get<std::string>());
  return value == lit;
}

bool Atom(const CoverageContext& ctx, std::string a) {
  a = Trim(a);
  if (a.rfind("count(", 0) == 0) {
    size_t close = a.find(')');
    std::string path = a.substr(6, close - 6);
    std::string rest = Trim(a.substr(close + 1));
    CoverageContext whole = ctx;
    whole.whole_lists = true;
    long long n = 0;
    for (const json& v : Resolve(whole, Trim(path))) n += IsPresent(v) ? 1 : 0;
    std::istringstream in(rest);
    std::string op;
    long long k = 0;
    in >> op >> k;
    if (op == ">") return n > k;
    if (op == ">=") return n >= k;
    if (op == "<") return n < k;
    if (op == "==") return n == k;
    return false;
  }
  bool any = false;
  if (a.rfind("any ", 0) == 0) {
    any = true;
    a = Trim(a.substr(4));
  }
  size_t sp = a.find(' ');
  std::string path = a.substr(0, sp);
  std::string rest = sp == std::string::npos ? "" : Trim(a.substr(sp + 1));
  std::vector<json> values = Resolve(ctx, path);
  auto each = [&](auto pred) {
    if (any) return std::any_of(values.begin(), values.end(), pred);
    if (values.size() == 1) return pred(values[0]);
    // A list of tables (advisory.vulnerabilities.actively_exploited): some entry matches.
    return std::any_of(values.begin(), values.end(), pred);
  };
  if (rest == "is set") return each([](const json& v) { return IsPresent(v) || IsNoneAnswer(v); });
  if (rest.rfind("== ", 0) == 0) {
    json lit = Literal(rest.substr(3));
    return each([&](const json& v) { return Equals(v, lit); });
  }
  if (rest.rfind("!= ", 0) == 0) {
    json lit = Literal(rest.substr(3));
    return each([&](const json& v) { return v.is_null() || !Equals(v, lit); });
  }
  if (rest.rfind("has ", 0) == 0) {
    json lit = Literal(rest.substr(4));
    return each([&](const json& v) {
      if (!v.is_array()) return Equals(v, lit);
      return std::any_of(v.begin(), v.end(), [&](const json& e) { return Equals(e, lit); });
    });
  }
  if (rest.rfind("in [", 0) == 0) {
    std::string list = rest.substr(4, rest.rfind(']') - 4);
    std::vector<json> lits;
    for (const std::string& part : Split(list, ',')) lits.push_back(Literal(part));
    return each([&](const json& v) {
      return std::any_of(lits.begin(), lits.end(), [&](const json& l) { return Equals(v, l); });
    });
  }
  return false;
}

std::vector<std::string> SplitWord(const std::string& s, const std::string& word) {
  std::vector<std::string> out;
  size_t pos = 0;
  std::string sep = " " + word + " ";
  while (true) {
    size_t next = s.find(sep, pos);
    if (next == std::string::npos) {
      out.push_back(s.substr(pos));
      return out;
    }
    out.push_back(s.substr(pos, next - pos));
    pos = next + sep.size();
  }
}

// ---------- dates and durations ----------

struct Civil {
  int y;
  unsigned m, d;
};

Civil CivilFromDays(std::int64_t z) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), m, d};
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

/// Adds "365d" or "5y" (calendar years; 29 February becomes 28 February).
Timestamp AddDuration(Timestamp t, const std::string& dur, int sign = 1) {
  if (t == kForever) return t;
  std::string d = Trim(dur);
  if (d.empty()) return t;
  long long n = std::stoll(d.substr(0, d.size() - 1));
  char unit = d.back();
  if (unit == 'd') return t + sign * n * kDay;
  std::int64_t days = FloorDiv(t, kDay);
  Timestamp rest = t - days * kDay;
  Civil c = CivilFromDays(days);
  int y = c.y + static_cast<int>(sign * n);
  unsigned day = c.d;
  while (day > 28 && !IsValidCivilDate(y, static_cast<int>(c.m), static_cast<int>(day))) --day;
  return DaysFromCivil(y, c.m, day) * kDay + rest;
}

/// A date value: seconds, kForever for "tba", nothing when unset.
std::optional<Timestamp> DateOf(const json& v) {
  if (IsDate(v)) return v["$date"].get<Timestamp>();
  if (v.is_string() && Lower(v.get<std::string>()) == "tba") return kForever;
  return std::nullopt;
}

/// "max(a + 10y, b)", "PATH + 10y", "PATH" or a date literal.
std::optional<Timestamp> DateExpr(const CoverageContext& ctx, std::string e) {
  e = Trim(e);
  if (e.rfind("max(", 0) == 0 && e.back() == ')') {
    std::optional<Timestamp> best;
    for (const std::string& part : Split(e.substr(4, e.size() - 5), ',')) {
      auto v = DateExpr(ctx, part);
      if (!v) return std::nullopt;
      best = best ? std::max(*best, *v) : *v;
    }
    return best;
  }
  std::string dur;
  size_t plus = e.find('+');
  if (plus != std::string::npos) {
    dur = Trim(e.substr(plus + 1));
    e = Trim(e.substr(0, plus));
  }
  std::optional<Timestamp> base;
  if (auto lit = ParseRfc3339(e)) {
    base = *lit;
  } else {
    std::vector<json> values = Resolve(ctx, e);
    if (values.size() != 1) return std::nullopt;
    base = DateOf(values[0]);
  }
  if (!base) return std::nullopt;
  return AddDuration(*base, dur);
}

// ---------- checks ----------

struct Verdict {
  CoverageStatus status = CoverageStatus::kCovered;
  std::string reason;
};

Verdict Missing(std::string why) { return {CoverageStatus::kMissing, std::move(why)}; }
Verdict NotApplicable(std::string why) { return {CoverageStatus::kNotApplicable, std::move(why)}; }

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool IsSiteOutput(const std::string& name) {
  return name != "device-page" && name != "device-feed";
}

/// One path's `present` check.
std::optional<std::string> PresentProblem(const CoverageContext& ctx, const std::string& path) {
  if (path.rfind("guide:", 0) == 0) {
    std::string topic = path.substr(6);
    if (Contains(ctx.guide_topics, topic) || Contains(ctx.guides, topic)) return std::nullopt;
    return "no guide '" + topic + "' (content/devices/SLUG/guides/" + topic + ".md)";
  }
  if (path.rfind("page:", 0) == 0) {
    std::string role = path.substr(5);
    if (Contains(ctx.page_roles, role)) return std::nullopt;
    return "no page with role '" + role + "' in content/pages/";
  }
  if (path.rfind("output:", 0) == 0) return std::nullopt;  // always written
  std::vector<json> values = Resolve(ctx, path);
  for (const json& v : values) {
    if (v.is_object() && v.contains("$capability")) {
      if (!v["supported"].get<bool>()) continue;
      std::string guide = v["guide"].get<std::string>();
      if (!guide.empty() && !Contains(ctx.guides, guide)) return path + ": guide '" + guide + "' is missing";
      continue;
    }
    if (IsNoneAnswer(v)) continue;
    if (!IsPresent(v)) {
      if (v.is_string() && Lower(Trim(v.get<std::string>())) == "tba") return path + " is \"tba\"";
      return path + " is not set";
    }
  }
  if (values.empty()) return path + " is not set";
  return std::nullopt;
}

std::optional<std::string> AllPresent(const CoverageContext& ctx, const BaselineItem& item) {
  for (const std::string& p : item.satisfied_by) {
    if (auto problem = PresentProblem(ctx, p)) return problem;
  }
  return std::nullopt;
}

bool ValidUri(const std::string& value, bool key) {
  static const std::regex kHttps(R"(^https://[^\s/?#]+\.[^\s/?#]+(/\S*)?$)", std::regex::icase);
  static const std::regex kMailto(R"(^mailto:[^\s@]+@[^\s@]+\.[^\s@]+$)", std::regex::icase);
  static const std::regex kTel(R"(^tel:\+?[0-9][0-9().\- ]*[0-9]$)", std::regex::icase);
  static const std::regex kFpr(R"(^openpgp4fpr:[0-9a-f]{40}$)", std::regex::icase);
  static const std::regex kDns(R"(^dns:\S+$)", std::regex::icase);
  if (!value.empty() && value[0] == '/' && (value.size() == 1 || value[1] != '/')) return true;  // site path
  if (std::regex_match(value, kHttps) || std::regex_match(value, kMailto) || std::regex_match(value, kTel)) {
    return true;
  }
  return key && (std::regex_match(value, kFpr) || std::regex_match(value, kDns));
}

bool ValidLanguageTag(const std::string& tag) {
  static const std::regex kTag(R"(^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8}|-[0-9][A-Za-z0-9]{3})*$)");
  return std::regex_match(tag, kTag);
}

bool DeviceSupported(const CoverageContext& ctx) {
  return ctx.device_status.empty() || ctx.device_status == "on_sale" || ctx.device_status == "supported";
}

std::string DateText(Timestamp t) { return t == kForever ? "tba" : FormatIsoDate(t); }

bool TakesParam(const std::string& check) {
  return check == "present" || check == "present_if" || check == "max_future" || check == "max_age" ||
         check == "min_period" || check == "retained" || check == "lang" || check == "link";
}

/// `first`: this is the item's first check (only it requires the values on its own).
Verdict RunCheck(const CoverageContext& ctx, const BaselineItem& item, const std::string& check, bool gets_param,
                 bool first) {
  const std::string param = gets_param ? item.param : std::string();
  if (check == "present" || check == "present_if") {
    if (auto p = AllPresent(ctx, item)) return Missing(*p);
    if (!param.empty() && !EvaluateCondition(ctx, param)) return Missing("condition not met: " + param);
    return {};
  }
  if (check == "manual") {
    if (auto p = AllPresent(ctx, item)) return Missing(*p);
    return {CoverageStatus::kReview, "needs human review"};
  }
  if (check == "link") {
    if (auto p = AllPresent(ctx, item)) return Missing(*p);
    return {};  // herald renders these values in the named output whenever they are set
  }
  if (check == "uri") {
    for (const std::string& path : item.satisfied_by) {
      if (auto p = PresentProblem(ctx, path)) return Missing(*p);
      bool key = path.find("key") != std::string::npos;
      for (const json& v : Resolve(ctx, path)) {
        std::vector<json> list = v.is_array() ? std::vector<json>(v.begin(), v.end()) : std::vector<json>{v};
        for (const json& e : list) {
          if (!e.is_string() || !ValidUri(e.get<std::string>(), key)) {
            return Missing(path + ": '" + (e.is_string() ? e.get<std::string>() : e.dump()) +
                           "' is not a mailto:, tel: or https: URI");
          }
        }
      }
    }
    return {};
  }
  if (check == "lang") {
    std::string want = param.empty() ? ctx.language : param;
    for (const std::string& path : item.satisfied_by) {
      if (auto p = PresentProblem(ctx, path)) {
        if (first) return Missing(*p);
        continue;  // after retained: an unset date takes its default
      }
      if (path.find("languages") != std::string::npos) {
        for (const json& v : Resolve(ctx, path)) {
          for (const json& e : v) {
            if (!e.is_string() || !ValidLanguageTag(e.get<std::string>())) {
              return Missing(path + ": '" + (e.is_string() ? e.get<std::string>() : e.dump()) +
                             "' is not a BCP 47 language tag");
            }
          }
        }
      }
    }
    std::string have = Lower(ctx.language), need = Lower(want);
    if (have != need && have.rfind(need + "-", 0) != 0) {
      return Missing("published in '" + ctx.language + "', not in '" + want + "'");
    }
    return {};
  }
  // Date checks look at the first path.
  const std::string& path = item.satisfied_by.front();
  std::vector<json> values = Resolve(ctx, path);
  if (check == "not_shortened") {
    const json& history = values.empty() ? json() : values[0];
    Timestamp last = 0;
    int n = 0;
    if (history.is_array()) {
      for (const json& h : history) {
        ++n;
        if (!IsDate(h["date"])) return Missing(path + ": entry " + std::to_string(n) + " has no date");
        auto end = DateOf(h["end_of_security_support"]);
        if (!end) return Missing(path + ": entry " + std::to_string(n) + " has no end_of_security_support");
        if (*end < last) {
          return Missing(path + ": entry " + std::to_string(n) + " moves the end earlier, to " + DateText(*end));
        }
        last = *end;
      }
    }
    auto current = DateOf(Resolve(ctx, "device.support.end_of_security_support").front());
    if (current && *current < last) {
      return Missing("end_of_security_support " + DateText(*current) + " is earlier than the announced " +
                     DateText(last));
    }
    return {};
  }
  if (check == "min_period") {
    auto ga = DateOf(Resolve(ctx, "device.support.general_availability").front());
    auto end = DateOf(values.empty() ? json() : values[0]);
    std::vector<json> reason = Resolve(ctx, "device.support.short_period_reason");
    bool justified = !reason.empty() && IsPresent(reason[0]);
    if (!ga || *ga == kForever) return NotApplicable("general_availability is not known yet");
    if (!end || *end == kForever) return Missing(path + " is \"tba\"");
    if (end && *end >= AddDuration(*ga, param)) return {};
    if (justified) return {CoverageStatus::kReview, "shorter than " + param + "; short_period_reason given"};
    return Missing("support from " + DateText(*ga) + " to " + DateText(*end) + " is shorter than " + param);
  }
  if (check == "retained") {
    auto minimum = DateExpr(ctx, param);
    if (!minimum) return Missing("cannot compute " + param);
    const json& v = values.empty() ? json() : values[0];
    auto written = DateOf(v);
    if (!written) return {};  // the default is the minimum
    if (*written < *minimum) {
      return Missing(path + " " + DateText(*written) + " is earlier than the minimum " + DateText(*minimum));
    }
    return {};
  }
  const json& v = values.empty() ? json() : values[0];
  auto date = DateOf(v);
  if (check == "month_precision") {
    if (!date) return Missing(path + " is not set");
    if (*date == kForever) return Missing(path + " is \"tba\"");
    return {};
  }
  if (check == "future_date") {
    if (path.rfind("device.", 0) == 0 && !DeviceSupported(ctx)) {
      return NotApplicable("device status is " + ctx.device_status);
    }
    if (!date) return Missing(path + " is not set");
    if (*date == kForever) return Missing(path + " is \"tba\"");
    if (*date <= ctx.now) return Missing(path + " " + DateText(*date) + " is not in the future");
    return {};
  }
  if (check == "max_future") {
    if (!date || *date == kForever) return Missing(path + " is not a date");
    if (*date > AddDuration(ctx.now, param)) return Missing(path + " is more than " + param + " ahead");
    return {};
  }
  if (check == "max_age") {
    if (!date || *date == kForever) return Missing(path + " is not set");
    if (*date < AddDuration(ctx.now, param, -1)) return Missing(path + " " + DateText(*date) + " is older than " + param);
    return {};
  }
  return Missing("unknown check '" + check + "'");
}

/// `text` without its count(...) terms, which look at whole lists.
std::string WithoutCounts(std::string text) {
  for (size_t at = text.find("count("); at != std::string::npos; at = text.find("count(")) {
    size_t close = text.find(')', at);
    text.erase(at, close == std::string::npos ? std::string::npos : close - at + 1);
  }
  return text;
}

bool NamesPrefix(const BaselineItem& item, const std::string& prefix) {
  auto has = [&](const std::string& s) { return WithoutCounts(s).find(prefix) != std::string::npos; };
  if (has(item.when) || has(item.param)) return true;
  return std::any_of(item.satisfied_by.begin(), item.satisfied_by.end(), has);
}

Verdict EvaluateOnce(const CoverageContext& ctx, const BaselineItem& item) {
  bool conditional = std::find(item.checks.begin(), item.checks.end(), "present_if") != item.checks.end();
  if (conditional && !item.when.empty() && !EvaluateCondition(ctx, item.when)) {
    return NotApplicable("only when " + item.when);
  }
  Verdict out;
  bool param_taken = false;
  for (size_t i = 0; i < item.checks.size(); ++i) {
    bool gets_param = !param_taken && TakesParam(item.checks[i]);
    param_taken = param_taken || gets_param;
    Verdict v = RunCheck(ctx, item, item.checks[i], gets_param, i == 0);
    if (v.status == CoverageStatus::kMissing || v.status == CoverageStatus::kNotApplicable) return v;
    if (v.status == CoverageStatus::kReview) out = v;
  }
  return out;
}

std::string Describe(const json& entry, const char* key) {
  return entry.contains(key) && entry[key].is_string() ? entry[key].get<std::string>() : "?";
}

Verdict EvaluateItem(const CoverageContext& ctx, const BaselineItem& item,
                     const std::vector<json>& advisories) {
  bool per_firmware = ctx.device && !ctx.device->is_null() && NamesPrefix(item, "device.firmware.");
  bool per_advisory = NamesPrefix(item, "advisory.");
  Verdict result;
  if (per_firmware || per_advisory) {
    // Pointers, so the advisories are not copied for every item.
    std::vector<const json*> entries;
    if (per_advisory) {
      for (const json& a : advisories) entries.push_back(&a);
    } else if (ctx.device->contains("firmware")) {
      for (const json& f : (*ctx.device)["firmware"]) entries.push_back(&f);
    }
    if (entries.empty()) {
      return NotApplicable(per_advisory ? "no advisory for this device yet" : "no firmware release yet");
    }
    // Vulnerability duties look at advisories about vulnerabilities, not at
    // incident or informational notices, which carry none.
    bool vulnerability_item = per_advisory && std::any_of(item.satisfied_by.begin(), item.satisfied_by.end(),
                                                          [](const std::string& p) {
                                                            return p == "advisory.vulnerabilities" ||
                                                                   p == "advisory.severity";
                                                          });
    int applicable = 0;
    for (const json* entry : entries) {
      const json& e = *entry;
      if (vulnerability_item && e.value("category", "") != "security_advisory") continue;
      CoverageContext one = ctx;
      if (per_advisory) {
        one.advisory = &e;
      } else {
        one.firmware = &e;
      }
      Verdict v = EvaluateOnce(one, item);
      std::string name = per_advisory ? Describe(e, "id") : "firmware " + Describe(e, "version");
      if (v.status == CoverageStatus::kNotApplicable) continue;
      ++applicable;
      if (v.status == CoverageStatus::kMissing) return Missing(name + ": " + v.reason);
      if (v.status == CoverageStatus::kReview) result = v;
    }
    if (applicable == 0) {
      if (vulnerability_item && item.when.empty()) return NotApplicable("no vulnerability advisory for this device yet");
      return NotApplicable(item.when.empty() ? std::string("nothing to check yet") : "only when " + item.when);
    }
    return result;
  }
  return EvaluateOnce(ctx, item);
}

bool SiteLevel(const BaselineItem& item) {
  for (const std::string& p : item.satisfied_by) {
    if (p.rfind("site.", 0) == 0 || p.rfind("page:", 0) == 0) continue;
    if (p.rfind("output:", 0) == 0 && IsSiteOutput(p.substr(7))) continue;
    return false;
  }
  return item.when.find("device.") == std::string::npos && item.param.find("device.") == std::string::npos;
}

void Tally(CoverageReport* r) {
  for (const ItemResult& x : r->results) {
    switch (x.status) {
      case CoverageStatus::kCovered: ++r->covered; break;
      case CoverageStatus::kReview: ++r->review; break;
      case CoverageStatus::kMissing: ++r->missing; break;
      case CoverageStatus::kNotApplicable: ++r->not_applicable; break;
    }
  }
}

CoverageContext BaseContext(const Site& site) {
  CoverageContext ctx;
  ctx.now = site.build.build_time;
  ctx.site = std::make_shared<const json>(SiteJson(site));
  ctx.language = site.config.site.language.empty() ? "en" : site.config.site.language;
  for (const Page& p : site.pages) {
    ctx.page_roles.push_back(p.role);
    ctx.covers.insert(ctx.covers.end(), p.covers.begin(), p.covers.end());
  }
  return ctx;
}

ItemResult Apply(const CoverageContext& ctx, const BaselineItem& item, const std::vector<json>& advisories) {
  Verdict v = EvaluateItem(ctx, item, advisories);
  if (v.status == CoverageStatus::kMissing && Contains(ctx.covers, item.id)) {
    v = {CoverageStatus::kReview, "claimed by a guide or page (covers); " + v.reason};
  }
  return {&item, v.status, v.reason};
}

}  // namespace

const char* CoverageStatusName(CoverageStatus s) {
  switch (s) {
    case CoverageStatus::kCovered: return "covered";
    case CoverageStatus::kReview: return "review";
    case CoverageStatus::kMissing: return "missing";
    case CoverageStatus::kNotApplicable: return "not_applicable";
  }
  return "missing";
}

int CoverageReport::Percent() const {
  int applicable = covered + review + missing;
  if (applicable == 0) return 100;
  return (covered + review) * 100 / applicable;
}

bool EvaluateCondition(const CoverageContext& ctx, const std::string& condition) {
  for (const std::string& alternative : SplitWord(condition, "or")) {
    bool all = true;
    for (const std::string& atom : SplitWord(alternative, "and")) {
      if (!Atom(ctx, atom)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

CoverageReport EvaluateDevice(const Site& site, const Device& device, const Baseline& baseline) {
  CoverageContext ctx = BaseContext(site);
  ctx.device = std::make_shared<const json>(DeviceJson(device));
  ctx.device_status = DeviceStatusName(device.status);
  auto g = site.guides_by_device.find(device.slug);
  if (g != site.guides_by_device.end()) {
    for (size_t i : g->second) {
      const Guide& guide = site.guides[i];
      ctx.guides.push_back(guide.name);
      ctx.guide_topics.push_back(guide.topic);
      ctx.covers.insert(ctx.covers.end(), guide.covers.begin(), guide.covers.end());
    }
  }
  std::vector<json> advisories;
  auto a = site.advisories_by_device.find(device.slug);
  if (a != site.advisories_by_device.end()) {
    for (size_t i : a->second) {
      const Advisory& adv = site.advisories[i];
      bool affected = std::any_of(adv.affected.begin(), adv.affected.end(),
                                  [&](const Affected& af) { return af.device.value == device.slug; });
      if (affected && adv.published_out) advisories.push_back(AdvisoryJson(site, adv, device));
    }
  }
  CoverageReport report;
  report.device = device.slug;
  for (const BaselineItem& item : baseline.items) {
    auto scope = baseline.scopes.find(item.scope);
    if (item.scope != "all" && scope != baseline.scopes.end() && !EvaluateCondition(ctx, scope->second)) {
      continue;  // out of scope: not reported for this device
    }
    report.results.push_back(Apply(ctx, item, advisories));
  }
  Tally(&report);
  return report;
}

CoverageReport EvaluateSite(const Site& site, const Baseline& baseline) {
  CoverageContext ctx = BaseContext(site);
  CoverageReport report;
  for (const BaselineItem& item : baseline.items) {
    if (!SiteLevel(item)) continue;
    auto scope = baseline.scopes.find(item.scope);
    if (item.scope != "all" && scope != baseline.scopes.end()) {
      bool any = false;
      for (const Device& d : site.devices) {
        CoverageContext dc = ctx;
        dc.device = std::make_shared<const json>(DeviceJson(d));
        any = any || EvaluateCondition(dc, scope->second);
      }
      if (!any) {
        report.results.push_back({&item, CoverageStatus::kNotApplicable, "no device in scope '" + item.scope + "'"});
        continue;
      }
    }
    report.results.push_back(Apply(ctx, item, {}));
  }
  Tally(&report);
  return report;
}

std::vector<CoverageReport> EvaluateAll(const Site& site, const Baseline& baseline) {
  std::vector<CoverageReport> out;
  out.push_back(EvaluateSite(site, baseline));
  for (const Device& d : site.devices) out.push_back(EvaluateDevice(site, d, baseline));
  return out;
}

}  // namespace herald
