// The model as JSON for the coverage checks (model_json.h).
#include "coverage/model_json.h"

#include <cctype>

namespace herald::coverage {

using nlohmann::json;

namespace {

constexpr Timestamp kDay = 86400;

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

}  // namespace

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
  json committed;
  for (const auto& c : s.committed_ends) {
    committed.push_back({{"commit", c.commit}, {"date", Date(c.committed)},
                         {"end_of_security_support", Date(c.end)}});
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
                  {"history", history},
                  {"committed", committed}};
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

namespace {

/// Adds the advisory keys `text` names to `out`.
void ScanAdvisoryKeys(const std::string& text, AdvisoryKeys* out) {
  auto part_of_name = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':';
  };
  for (size_t at = text.find("advisory"); at != std::string::npos; at = text.find("advisory", at + 1)) {
    if (at > 0 && part_of_name(text[at - 1])) continue;  // output:advisory-feeds, not a path
    size_t key = at + 8;
    if (key >= text.size() || text[key] != '.') {
      out->all = true;  // the whole advisory, or something that only looks like a path: keep everything
      continue;
    }
    size_t end = ++key;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) ++end;
    out->keys.insert(text.substr(key, end - key));
  }
}

void ScanItem(const BaselineItem& item, AdvisoryKeys* out) {
  for (const std::string& p : item.satisfied_by) ScanAdvisoryKeys(p, out);
  ScanAdvisoryKeys(item.when, out);
  ScanAdvisoryKeys(item.param, out);
}

}  // namespace

AdvisoryKeys ReadAdvisoryKeys(const Baseline& baseline) {
  AdvisoryKeys out;
  out.keys = {"id", "category"};  // the loop names entries and tells vulnerability advisories apart
  for (const BaselineItem& item : baseline.items) ScanItem(item, &out);
  for (const auto& [name, condition] : baseline.scopes) ScanAdvisoryKeys(condition, &out);
  return out;
}

AdvisoryKeys ReadAdvisoryKeys(const BaselineItem& item) {
  AdvisoryKeys out;
  ScanItem(item, &out);
  return out;
}

json AdvisoryJson(const Advisory& a, const Device* d, const AdvisoryKeys& keys) {
  json j = json::object();
  auto want = [&](const char* key) { return keys.all || keys.keys.count(key) > 0; };
  if (want("id")) j["id"] = a.id;
  if (want("title")) j["title"] = Str(a.title);
  if (want("category")) j["category"] = CategoryName(a.category);
  if (want("status")) j["status"] = StatusName(a.status);
  if (want("published")) j["published"] = Date(a.published);
  if (want("tlp")) j["tlp"] = Str(a.tlp);
  if (want("summary")) j["summary"] = Str(a.summary);
  if (want("body")) j["body"] = Str(a.body);
  if (want("vulnerabilities")) {
    json vulns;
    for (const auto& v : a.vulnerabilities) {
      json cv3 = v.cvss_v3 ? json(v.cvss_v3->vector) : json();
      json cv4 = v.cvss_v4 ? json(v.cvss_v4->vector) : json();
      vulns.push_back({{"cve", Str(v.cve)}, {"cwe", Str(v.cwe)}, {"title", Str(v.title)},
                       {"cvss_v3", cv3}, {"cvss_v4", cv4}, {"devices", List(v.devices)},
                       {"actively_exploited", v.actively_exploited}});
    }
    j["vulnerabilities"] = vulns;
  }
  if (want("affected")) {
    json affected;
    for (const auto& af : a.affected) {
      affected.push_back({{"device", Str(af.device.value)}, {"versions", Str(af.versions.value)},
                          {"fixed", Str(af.fixed.value)}});
    }
    j["affected"] = affected;
  }
  if (want("fix_date")) {
    json fix_date;
    for (const auto& af : a.affected) {
      if (d && af.device.value == d->slug && !af.fixed.value.empty()) {
        for (const auto& f : d->firmware) {
          if (f.version == af.fixed.value) fix_date = Date(f.released);
        }
      }
    }
    j["fix_date"] = fix_date;
  }
  if (want("not_affected")) {
    json not_affected;
    for (const auto& n : a.not_affected) {
      not_affected.push_back({{"device", Str(n.device.value)}, {"justification", Str(n.justification)}});
    }
    j["not_affected"] = not_affected;
  }
  if (want("remediations")) {
    json rem;
    for (const auto& r : a.remediations) {
      rem.push_back({{"category", Str(r.category)}, {"details", Str(r.details)}, {"url", Str(r.url)},
                     {"devices", List(r.devices)}});
    }
    j["remediations"] = rem;
  }
  if (want("references")) {
    json refs;
    for (const auto& r : a.references) refs.push_back({{"url", Str(r.url)}, {"summary", Str(r.summary)}});
    j["references"] = refs;
  }
  if (want("acknowledgments")) {
    json acks;
    for (const auto& k : a.acknowledgments) {
      acks.push_back({{"names", List(k.names)}, {"organization", Str(k.organization)}});
    }
    j["acknowledgments"] = acks;
  }
  if (want("revisions")) {
    json revs;
    for (const auto& r : a.revisions) revs.push_back({{"date", Date(r.date)}, {"summary", Str(r.summary)}});
    j["revisions"] = revs;
  }
  if (want("withdrawn")) {
    j["withdrawn"] = a.withdrawn ? json{{"date", Date(a.withdrawn->date)}, {"reason", Str(a.withdrawn->reason)}}
                                 : json();
  }
  if (want("superseded_by")) j["superseded_by"] = Str(a.superseded_by.value);
  if (want("severity")) j["severity"] = a.severity == Severity3::kNone ? json() : json(SeverityName(a.severity));
  return j;
}

}  // namespace herald::coverage
