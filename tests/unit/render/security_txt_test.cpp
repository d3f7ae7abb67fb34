// Tests for render/security_txt: RFC 9116 fields, order and refusals.
#include "render/security_txt.h"

#include <doctest/doctest.h>

#include "test_site.h"

namespace herald {
namespace {

TEST_CASE("SecurityTxt writes every field in order, site paths made absolute") {
  Site site = testing::MakeSite();
  site.config.security_txt.hiring_url = "https://test.example/jobs";
  Diagnostics diags;
  auto text = SecurityTxt(site, diags);
  REQUIRE(text);
  CHECK(*text ==
        "Contact: mailto:psirt@test.example\n"
        "Contact: https://test.example/report\n"
        "Expires: 2026-07-01T10:00:00Z\n"  // build time + 30 days
        "Encryption: https://test.example/psirt.asc\n"
        "Acknowledgments: https://psirt.example/thanks/\n"
        "Preferred-Languages: en, de\n"
        "Canonical: https://psirt.example/.well-known/security.txt\n"
        "Policy: https://psirt.example/security/\n"
        "Hiring: https://test.example/jobs\n"
        "CSAF: https://psirt.example/.well-known/csaf/provider-metadata.json\n");
  CHECK_FALSE(diags.HasErrors());
}

TEST_CASE("SecurityTxt leaves out optional fields and uses the configured canonical URLs") {
  Site site = testing::MakeSite();
  site.config.disclosure.openpgp_key_url.clear();
  site.config.disclosure.acknowledgments_url.clear();
  site.config.disclosure.preferred_languages.clear();
  site.config.disclosure.policy_url = "https://test.example/policy";
  site.config.security_txt.canonical = {"https://a.example/.well-known/security.txt",
                                        "https://b.example/.well-known/security.txt"};
  site.config.disclosure.contact = {"mailto:psirt@test.example\nExpires: never"};  // no injection
  Diagnostics diags;
  CHECK(SecurityTxt(site, diags).value_or("") ==
        "Contact: mailto:psirt@test.example Expires: never\n"
        "Expires: 2026-07-01T10:00:00Z\n"
        "Canonical: https://a.example/.well-known/security.txt\n"
        "Canonical: https://b.example/.well-known/security.txt\n"
        "Policy: https://test.example/policy\n"
        "CSAF: https://psirt.example/.well-known/csaf/provider-metadata.json\n");
}

TEST_CASE("SecurityTxt refuses a site without a Contact") {
  Site site = testing::MakeSite();
  site.config.disclosure.contact.clear();
  Diagnostics diags;
  Output out;
  CHECK_FALSE(RenderSecurityTxt(site, &out, diags));
  CHECK(out.empty());
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(FormatDiagnostic(diags.Sorted()[0]) ==
        "site.toml: error: security.txt needs at least one Contact (RFC 9116 section 2.5.3); "
        "add 'contact = [\"mailto:security@example.com\"]' to [disclosure]");
}

TEST_CASE("SecurityTxt refuses an Expires more than a year ahead") {
  Site site = testing::MakeSite();
  site.config.security_txt.expires_days = 366;
  Diagnostics diags;
  CHECK_FALSE(SecurityTxt(site, diags));
  CHECK(diags.ErrorCount() == 1);
  site.config.security_txt.expires_days = 365;
  Diagnostics ok;
  CHECK(SecurityTxt(site, ok).value_or("").find("Expires: 2027-06-01T10:00:00Z\n") !=
        std::string::npos);
}

}  // namespace
}  // namespace herald
