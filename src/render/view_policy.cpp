// View model: the generated /security/ (from [disclosure]) and /support/
// (from [support]) pages.
#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/view_model.h"

namespace herald::view {

using nlohmann::json;
using namespace detail;

namespace {

void PutDays(json& list, const char* promise, const std::optional<int>& days) {
  if (days) list.push_back({{"promise", promise}, {"days", Count(*days, "day", "days")}});
}

json ContactLinks(const std::vector<std::string>& addresses) {
  json out = json::array();
  for (const std::string& a : addresses) out.push_back(ContactLink(a));
  return out;
}

}  // namespace

json SecurityPage(const Site& site) {
  json v = Common(site, "/security/", "Report a vulnerability");
  const auto& d = site.config.disclosure;
  json j;
  j["manufacturer"] = ManufacturerName(site);
  json contacts = ContactLinks(d.contact);
  if (!contacts.empty()) j["first_contact"] = contacts.front();
  j["contacts"] = contacts;
  if (d.policy_url != "/security/") Put(j, "policy_url", d.policy_url);  // not a link to itself
  PutHtml(j, "scope_html", d.scope);
  PutHtml(j, "report_guidance_html", d.report_guidance);
  PutHtml(j, "process_html", d.process);
  json timelines = json::array();
  PutDays(timelines, "We acknowledge your report within", d.acknowledge_days);
  PutDays(timelines, "We decide how to handle it (triage) within", d.triage_days);
  PutDays(timelines, "While we work on it, we update you at least every", d.status_update_days);
  PutDays(timelines, "We aim to provide a fix or mitigation within", d.fix_days);
  j["timelines"] = timelines;
  Put(j, "openpgp_key_url", d.openpgp_key_url);
  std::string languages;
  for (const std::string& l : d.preferred_languages) {
    languages += (languages.empty() ? "" : ", ") + l;
  }
  Put(j, "preferred_languages", languages);

  // The report form posts to [disclosure] report_endpoint when one is set;
  // otherwise assets/report.js composes an e-mail to the first mailto:
  // contact. The plain instructions beside it stay for readers without it.
  std::string address;
  for (const std::string& c : d.contact) {
    if (c.rfind("mailto:", 0) == 0) {
      address = c.substr(7);
      break;
    }
  }
  if (!address.empty() || !d.report_endpoint.empty()) {
    json form;
    Put(form, "address", address);
    form["subject"] = "Vulnerability report";
    json devices = json::array();
    for (const Device& dev : site.devices) {
      devices.push_back({{"slug", dev.slug}, {"name", dev.identity.name.empty() ? dev.slug : dev.identity.name}});
    }
    form["devices"] = devices;
    if (!d.report_endpoint.empty()) {
      form["endpoint"] = d.report_endpoint;
      size_t host = d.report_endpoint.find("://") + 3;
      form["endpoint_host"] = d.report_endpoint.substr(host, d.report_endpoint.find_first_of("/?#", host) - host);
    }
    j["report_form"] = form;
  }
  Put(j, "bug_bounty_url", d.bug_bounty_url);
  PutHtml(j, "safe_harbour_html", d.safe_harbour);
  Put(j, "acknowledgments_url", d.acknowledgments_url);

  json certs = json::array();
  for (const Certification& c : site.config.practices.certifications) {
    certs.push_back(CertificationJson(c));
  }
  j["certifications"] = certs;
  json practice_pages = json::array();
  for (const Page& p : site.pages) {
    if (p.role == "security-practices" || p.role == "certifications" ||
        p.role == "risk-summary") {
      practice_pages.push_back({{"title", p.title}, {"url", "/" + p.name + "/"}});
    }
  }
  j["practice_pages"] = practice_pages;
  j["subscribe"] = Subscribe(site);
  j["security_txt_url"] = "/.well-known/security.txt";
  j["csaf_provider_url"] = "/.well-known/csaf/provider-metadata.json";
  Put(j, "csaf_public_key_url", site.config.csaf.public_key_url);
  v["security"] = j;
  AddListFlags(v);
  return v;
}

json SupportPage(const Site& site) {
  json v = Common(site, "/support/", "Support");
  const auto& s = site.config.support;
  json j;
  json channels = json::array();
  for (const Channel& c : s.channels) {
    json ch = ContactLink(c.address);  // url, label (the address as shown), kind
    ch["address"] = ch["label"];
    Put(ch, "label", c.label);
    Put(ch, "hours", c.hours);
    ch["automated"] = c.automated;
    channels.push_back(ch);
  }
  j["channels"] = channels;
  if (!s.security_contact.empty()) j["security_contact"] = ContactLink(s.security_contact);
  PutHtml(j, "compliance_html", s.compliance);
  if (s.compliance_answer_days) {
    j["compliance_answer_days"] = Count(*s.compliance_answer_days, "day", "days");
  }
  json links = json::array();
  auto link = [&](const std::string& url, const char* label, const char* what) {
    if (!url.empty()) links.push_back({{"url", url}, {"label", label}, {"what", what}});
  };
  link(s.security_help_url, "Secure configuration help",
       "Help with setting up a device with the minimum secure configuration.");
  link(s.portal_url, "Security support portal", "Ask security questions and raise concerns online.");
  link(s.doc_request_url, "Request documentation",
       "Ask for missing components or documentation, or give feedback on it.");
  link(s.bug_report_url, "Report a bug", "Report ordinary, non-security bugs.");
  j["links"] = links;
  j["report_url"] = "/security/";
  j["devices_url"] = "/devices/";
  j["support_terms_json_url"] = "/support-terms.json";
  j["support_terms_ics_url"] = "/support-terms.ics";
  for (const Page& p : site.pages) {
    if (p.role == "support-policy") j["policy"] = {{"title", p.title}, {"url", "/" + p.name + "/"}};
  }
  v["support"] = j;
  AddListFlags(v);
  return v;
}

}  // namespace herald::view
