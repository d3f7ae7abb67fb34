#include <algorithm>

#include "load/loaders.h"

namespace herald {
namespace {

std::vector<Certification> ReadCertifications(FieldReader& r, const char* key,
                                              const std::string& prefix) {
  std::vector<Certification> out;
  auto items = r.TableArray(key);
  for (size_t i = 0; i < items.size(); ++i) {
    FieldReader c = r.Sub(*items[i], "certification",
                          prefix + key + "[" + std::to_string(i + 1) + "].");
    Certification cert;
    cert.name = c.String("name", Need::kRequired);
    cert.issuer = c.String("issuer");
    cert.scope = c.String("scope");
    cert.date = c.Date("date");
    cert.url = c.Url("url");
    c.Finish();
    out.push_back(std::move(cert));
  }
  return out;
}

/// [disclosure] report_endpoint: where the report form posts. Readers'
/// browsers send the report there directly, so it must be an absolute https:
/// URL of some host (a static site cannot receive a POST itself).
std::string ReadReportEndpoint(FieldReader& r, const TomlValue& table) {
  std::string url = r.String("report_endpoint");
  if (url.empty()) return url;
  std::string host = url.rfind("https://", 0) == 0 ? url.substr(8, url.find_first_of("/?#", 8) - 8) : "";
  bool blank = url.find_first_of(" \t\r\n") != std::string::npos;
  if (host.empty() || blank || !IsSiteOrHttpsUrl(url)) {
    r.Error(r.WhereOf(*table.Find("report_endpoint")),
            "'disclosure.report_endpoint' is '" + url + "'; expected an absolute https: URL such as " +
                "https://reports.example.com/psirt, where the report form posts");
    return {};
  }
  return url;
}

}  // namespace

std::vector<Certification> ReadCertificationList(FieldReader& r, const char* key,
                                                 const std::string& prefix) {
  return ReadCertifications(r, key, prefix);
}

std::optional<SiteConfig> LoadSiteConfig(std::string_view text, const std::string& path,
                                         LoadContext& ctx) {
  auto doc = ParseToml(text, path, 0, *ctx.diags);
  if (!doc) return std::nullopt;
  SiteConfig c;
  c.where = {path, 1, 1};
  FieldReader root(*doc, path, "site.toml", "", ctx);

  // [build] first: raw_html decides how every other Markdown field renders.
  if (const TomlValue* t = root.Table("build")) {
    FieldReader r = root.Sub(*t, "[build]", "build.");
    std::string out = r.String("output_dir");
    if (!out.empty()) c.build.output_dir = out;
    std::string theme = r.String("theme");
    if (!theme.empty()) {
      if (IsValidSlug(theme)) c.build.theme = theme;
      else r.Error(r.WhereOf(*t->Find("theme")), "'build.theme' is '" + theme +
                       "'; expected a folder name of lower-case letters, digits and '-'");
    }
    c.build.raw_html = r.Bool("raw_html", false);
    r.Finish();
  }
  ctx.markdown.raw_html = c.build.raw_html;

  if (const TomlValue* t = root.Table("site", Need::kRequired)) {
    FieldReader r = root.Sub(*t, "[site]", "site.");
    c.site.title = r.String("title", Need::kRequired);
    c.site.base_url = r.Url("base_url", Need::kRequired);
    if (!c.site.base_url.empty() && c.site.base_url.rfind("https://", 0) != 0) {
      r.Error(r.WhereOf(*t->Find("base_url")), "'site.base_url' must be an absolute https: URL");
    }
    while (!c.site.base_url.empty() && c.site.base_url.back() == '/') c.site.base_url.pop_back();
    std::string lang = r.String("language");
    if (!lang.empty()) c.site.language = lang;
    c.site.description = r.String("description");
    r.Finish();
  }
  if (const TomlValue* t = root.Table("manufacturer", Need::kRequired)) {
    FieldReader r = root.Sub(*t, "[manufacturer]", "manufacturer.");
    c.manufacturer.legal_name = r.String("legal_name", Need::kRequired);
    c.manufacturer.trade_name = r.String("trade_name");
    c.manufacturer.postal_address = r.Markdown("postal_address", Need::kRequired);
    c.manufacturer.email = r.String("email", Need::kRequired);
    c.manufacturer.website = r.Url("website");
    r.Finish();
  }
  if (const TomlValue* t = root.Table("publisher", Need::kRequired)) {
    FieldReader r = root.Sub(*t, "[publisher]", "publisher.");
    c.publisher.name = r.String("name", Need::kRequired);
    c.publisher.namespace_ = r.Url("namespace", Need::kRequired);
    c.publisher.category = r.Enum(
        "category", {"vendor", "coordinator", "discoverer", "translator", "user", "other"},
        Need::kOptional, "vendor");
    c.publisher.contact_details = r.String("contact_details");
    c.publisher.issuing_authority = r.String("issuing_authority");
    r.Finish();
  }
  if (const TomlValue* t = root.Table("disclosure", Need::kRequired)) {
    FieldReader r = root.Sub(*t, "[disclosure]", "disclosure.");
    auto& d = c.disclosure;
    d.contact = r.UrlList("contact", Need::kRequired, true);
    d.policy_url = r.Url("policy_url");
    d.scope = r.Markdown("scope");
    d.report_guidance = r.Markdown("report_guidance");
    d.process = r.Markdown("process");
    d.acknowledge_days = r.Int("acknowledge_days", 1, 365);
    d.status_update_days = r.Int("status_update_days", 1, 365);
    d.triage_days = r.Int("triage_days", 1, 365);
    d.fix_days = r.Int("fix_days", 1, 3650);
    d.openpgp_key_url = r.Url("openpgp_key_url");
    d.preferred_languages = r.StringList("preferred_languages");
    d.bug_bounty_url = r.Url("bug_bounty_url");
    d.safe_harbour = r.Markdown("safe_harbour");
    d.acknowledgments_url = r.Url("acknowledgments_url");
    d.report_endpoint = ReadReportEndpoint(r, *t);
    r.Finish();
  }
  if (const TomlValue* t = root.Table("security_txt")) {
    FieldReader r = root.Sub(*t, "[security_txt]", "security_txt.");
    if (auto days = r.Int("expires_days", 1, 365)) c.security_txt.expires_days = *days;
    c.security_txt.canonical = r.UrlList("canonical");
    c.security_txt.hiring_url = r.Url("hiring_url");
    c.security_txt.signed_ = r.Bool("signed", false);
    r.Finish();
  }
  if (const TomlValue* t = root.Table("support")) {
    FieldReader r = root.Sub(*t, "[support]", "support.");
    auto& s = c.support;
    auto channels = r.TableArray("channels");
    for (size_t i = 0; i < channels.size(); ++i) {
      FieldReader ch = r.Sub(*channels[i], "support channel",
                             "support.channels[" + std::to_string(i + 1) + "].");
      Channel channel;
      channel.address = ch.Url("address", Need::kRequired, true);
      channel.label = ch.String("label");
      channel.hours = ch.String("hours");
      channel.automated = ch.Bool("automated", false);
      ch.Finish();
      s.channels.push_back(std::move(channel));
    }
    s.security_contact = r.Url("security_contact", Need::kOptional, true);
    s.compliance = r.Markdown("compliance");
    s.compliance_answer_days = r.Int("compliance_answer_days", 1, 365);
    s.security_help_url = r.Url("security_help_url");
    s.portal_url = r.Url("portal_url");
    s.doc_request_url = r.Url("doc_request_url");
    s.bug_report_url = r.Url("bug_report_url");
    s.archive_notice = r.Markdown("archive_notice");
    r.Finish();
  }
  if (c.support.archive_notice.Empty()) {
    c.support.archive_notice = RenderMarkdown(
        "Older firmware is kept for reference only. Versions that are no longer supported "
        "receive no security fixes: install the newest release.", ctx.markdown).text;
  }
  if (const TomlValue* t = root.Table("practices")) {
    FieldReader r = root.Sub(*t, "[practices]", "practices.");
    c.practices.certifications = ReadCertifications(r, "certifications", "practices.");
    r.Finish();
  }
  if (const TomlValue* t = root.Table("notifications")) {
    FieldReader r = root.Sub(*t, "[notifications]", "notifications.");
    c.notifications.policy = r.Markdown("policy");
    c.notifications.subscribe_url = r.Url("subscribe_url", Need::kOptional, true);
    r.Finish();
  }
  if (const TomlValue* t = root.Table("csaf")) {
    FieldReader r = root.Sub(*t, "[csaf]", "csaf.");
    c.csaf.role = r.Enum("role", {"csaf_provider", "csaf_trusted_provider", "csaf_publisher"},
                         Need::kOptional, "csaf_provider");
    c.csaf.default_tlp = r.Enum("default_tlp", {"CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"},
                                Need::kOptional, "CLEAR");
    c.csaf.signing_key = r.String("signing_key");
    c.csaf.public_key_url = r.Url("public_key_url");
    c.csaf.legal_notice = r.Markdown("legal_notice");
    if (!c.csaf.signing_key.empty() && c.csaf.public_key_url.empty()) {
      r.Error(r.Where(), "'csaf.public_key_url' is required when 'csaf.signing_key' is set");
    }
    r.Finish();
  }
  if (c.csaf.legal_notice.Empty()) {
    c.csaf.legal_notice = RenderMarkdown(
        "This information is provided \"as is\" without warranty of any kind. The publisher "
        "reserves the right to change or update this document at any time.", ctx.markdown).text;
  }
  if (const TomlValue* t = root.Table("feeds")) {
    FieldReader r = root.Sub(*t, "[feeds]", "feeds.");
    if (auto limit = r.Int("limit", 1, 100000)) c.feeds.limit = *limit;
    r.Finish();
  }
  root.Finish();
  return c;
}

}  // namespace herald
