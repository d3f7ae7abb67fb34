// SiteConfig: site.toml as plain data (content-model.md, "site.toml").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/dates.h"
#include "model/text.h"

namespace herald {

struct Channel {
  std::string address;  // mailto:, tel: or https:
  std::string label;
  std::string hours;
  bool automated = false;
};

struct Certification {
  std::string name, issuer, scope, url;
  std::optional<Timestamp> date;
};

struct SiteConfig {
  SourceLocation where;  // site.toml

  struct {
    std::string title, base_url, language = "en", description;
  } site;
  struct {
    std::string legal_name, trade_name, email, website;
    Text postal_address;
  } manufacturer;
  struct {
    std::string name, namespace_, category = "vendor", contact_details, issuing_authority;
  } publisher;
  struct {
    std::vector<std::string> contact;
    std::string policy_url, openpgp_key_url, bug_bounty_url, acknowledgments_url;
    Text scope, report_guidance, process, safe_harbour;
    std::optional<int> acknowledge_days, status_update_days, triage_days, fix_days;
    std::vector<std::string> preferred_languages;
    /// herald extension: an https: URL the security page's report form posts
    /// to; empty: the form composes an e-mail to the first mailto: contact.
    std::string report_endpoint;
  } disclosure;
  struct {
    int expires_days = 180;
    std::vector<std::string> canonical;
    std::string hiring_url;
    bool signed_ = false;
  } security_txt;
  struct {
    std::vector<Channel> channels;
    std::string security_contact, security_help_url, portal_url, doc_request_url, bug_report_url;
    Text compliance, archive_notice;
    std::optional<int> compliance_answer_days;
  } support;
  struct {
    std::vector<Certification> certifications;
  } practices;
  struct {
    Text policy;
    std::string subscribe_url;
  } notifications;
  struct {
    std::string role = "csaf_provider", default_tlp = "CLEAR", signing_key, public_key_url;
    Text legal_notice;
  } csaf;
  struct {
    int limit = 50;
  } feeds;
  struct {
    std::string output_dir = "public", theme = "default";
    bool raw_html = false;  // herald extension: let Markdown carry raw HTML
  } build;
};

}  // namespace herald
