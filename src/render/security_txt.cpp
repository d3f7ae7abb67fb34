#include "render/security_txt.h"

#include "model/site.h"
#include "render/plain_text.h"

namespace herald {
namespace {

constexpr Timestamp kDay = 86400;

/// One field value: one line of clean text; site paths made absolute.
std::string Value(const Site& site, const std::string& value) {
  std::string v = CleanLine(value);
  return !v.empty() && v.front() == '/' ? site.AbsoluteUrl(v) : v;
}

}  // namespace

std::optional<std::string> SecurityTxt(const Site& site, Diagnostics& diags) {
  const SiteConfig& c = site.config;
  SourceLocation where{c.where.path.empty() ? "site.toml" : c.where.path, 0, 0};
  std::string out;
  auto field = [&](const char* name, const std::string& value) {
    std::string v = Value(site, value);
    if (!v.empty()) out += std::string(name) + ": " + v + "\n";
  };
  for (const std::string& contact : c.disclosure.contact) field("Contact", contact);
  if (out.empty()) {
    diags.Error(where,
                "security.txt needs at least one Contact (RFC 9116 section 2.5.3); add "
                "'contact = [\"mailto:security@example.com\"]' to [disclosure]");
    return std::nullopt;
  }
  int days = c.security_txt.expires_days;
  if (days < 1 || days > 365) {
    diags.Error(where, "'security_txt.expires_days' must be between 1 and 365 (RFC 9116 advises "
                       "less than a year); it is " + std::to_string(days));
    return std::nullopt;
  }
  field("Expires", FormatRfc3339(site.build.build_time + days * kDay));
  field("Encryption", c.disclosure.openpgp_key_url);
  field("Acknowledgments", c.disclosure.acknowledgments_url);
  std::string languages;
  for (const std::string& lang : c.disclosure.preferred_languages) {
    languages += (languages.empty() ? "" : ", ") + lang;
  }
  field("Preferred-Languages", languages);
  if (c.security_txt.canonical.empty()) {
    field("Canonical", "/.well-known/security.txt");
  } else {
    for (const std::string& url : c.security_txt.canonical) field("Canonical", url);
  }
  field("Policy", c.disclosure.policy_url.empty() ? "/security/" : c.disclosure.policy_url);
  field("Hiring", c.security_txt.hiring_url);
  field("CSAF", "/.well-known/csaf/provider-metadata.json");
  return out;
}

bool RenderSecurityTxt(const Site& site, Output* out, Diagnostics& diags) {
  std::optional<std::string> text = SecurityTxt(site, diags);
  if (!text) return false;
  (*out)[".well-known/security.txt"] = std::move(*text);
  return true;
}

}  // namespace herald
