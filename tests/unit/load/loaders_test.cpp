// Tests for load/loaders.h: complete documents load every field; checks give exact messages.
#include "load/loaders.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <optional>
#include <string>

namespace herald {
namespace {

struct Ctx {
  Diagnostics diags;
  LoadContext ctx{&diags, {}};
  std::string Messages() const {
    std::string out;
    for (const auto& d : diags.Sorted()) out += FormatDiagnostic(d) + "\n";
    return out;
  }
};

/// `text` with the first `from` replaced by `to` (which must be there).
std::string Edit(std::string text, const std::string& from, const std::string& to) {
  REQUIRE_MESSAGE(text.find(from) != std::string::npos, from);
  return text.replace(text.find(from), from.size(), to);
}

/// Fields joined with '|', so one CHECK shows every value when it fails.
std::string J(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "|") + part;
  return out;
}
std::string N(std::optional<int> v) { return v ? std::to_string(*v) : "-"; }
std::string B(bool b) { return b ? "y" : "n"; }
std::string D(std::optional<Timestamp> t) { return t ? FormatIsoDate(*t) : "-"; }

const std::string kSite =
    "[site]\ntitle = \"Acme PSIRT\"\nbase_url = \"https://security.a.example/\"\n"
    "language = \"de\"\ndescription = \"Advisories.\"\n[manufacturer]\nlegal_name = \"Acme GmbH\"\n"
    "trade_name = \"Acme\"\npostal_address = \"Street 1\\n80000 City\"\n"
    "email = \"info@a.example\"\nwebsite = \"https://a.example\"\n[publisher]\n"
    "name = \"Acme PSIRT\"\nnamespace = \"https://a.example\"\ncategory = \"coordinator\"\n"
    "contact_details = \"psirt@a.example\"\nissuing_authority = \"Acme PSIRT.\"\n[disclosure]\n"
    "contact = [\"mailto:psirt@a.example\", \"https://a.example/r\", \"tel:+49-1\"]\n"
    "policy_url = \"/security/\"\nscope = \"<b>Everything</b>\"\nreport_guidance = \"Details.\"\n"
    "process = \"1. Ack\"\nacknowledge_days = 3\nstatus_update_days = 14\ntriage_days = 10\n"
    "fix_days = 90\nopenpgp_key_url = \"https://a.example/key.asc\"\n"
    "preferred_languages = [\"en\", \"de\"]\nbug_bounty_url = \"https://a.example/b\"\n"
    "safe_harbour = \"Safe.\"\nacknowledgments_url = \"/thanks/\"\n[security_txt]\n"
    "expires_days = 90\ncanonical = [\"https://a.example/st\"]\nhiring_url = "
    "\"https://a.example/jobs\"\nsigned = true\n[support]\nsecurity_contact = "
    "\"mailto:psirt@a.example\"\ncompliance = \"Ask.\"\ncompliance_answer_days = 20\n"
    "security_help_url = \"/support/security/\"\nportal_url = \"https://a.example/p\"\n"
    "doc_request_url = \"https://a.example/d\"\nbug_report_url = \"https://a.example/bugs\"\n"
    "archive_notice = \"Old firmware.\"\nchannels = [{ address = \"tel:+49-2\", label = "
    "\"Hotline\", hours = \"Mon-Fri\", automated = false }, { address = "
    "\"https://a.example/chat\", automated = true }]\n[practices]\ncertifications = [{ name = "
    "\"ISO/IEC 27001\", issuer = \"TUV\", scope = \"PSIRT\", date = 2025-06-01, url = "
    "\"https://a.example/iso.pdf\" }]\n[notifications]\npolicy = \"We email you.\"\n"
    "subscribe_url = \"mailto:news@a.example\"\n[csaf]\nrole = \"csaf_trusted_provider\"\n"
    "default_tlp = \"GREEN\"\nsigning_key = \"keys/psirt.asc\"\npublic_key_url = "
    "\"https://a.example/key.asc\"\nlegal_notice = \"As is.\"\n[feeds]\nlimit = 20\n[build]\n"
    "output_dir = \"out\"\ntheme = \"acme-dark\"\nraw_html = true\n";

TEST_CASE("LoadSiteConfig reads every field") {
  Ctx c;
  SiteConfig cfg = LoadSiteConfig(kSite, "site.toml", c.ctx).value();
  CHECK(c.Messages() == "");
  const auto& site = cfg.site;  // base_url loses its trailing '/'
  CHECK(J({cfg.where.path, site.title, site.base_url, site.language, site.description}) ==
        "site.toml|Acme PSIRT|https://security.a.example|de|Advisories.");
  const auto& m = cfg.manufacturer;
  CHECK(J({m.legal_name, m.trade_name, m.postal_address.source, m.email, m.website}) ==
        "Acme GmbH|Acme|Street 1\n80000 City|info@a.example|https://a.example");
  const auto& pub = cfg.publisher;
  CHECK(J({pub.name, pub.namespace_, pub.category, pub.contact_details, pub.issuing_authority}) ==
        "Acme PSIRT|https://a.example|coordinator|psirt@a.example|Acme PSIRT.");
  const auto& d = cfg.disclosure;
  CHECK(J({d.contact[0], d.contact[1], d.contact[2], d.policy_url, d.report_guidance.source,
           d.process.source, N(d.acknowledge_days), N(d.status_update_days), N(d.triage_days),
           N(d.fix_days), d.openpgp_key_url, d.preferred_languages[1], d.bug_bounty_url,
           d.safe_harbour.source, d.acknowledgments_url}) ==
        "mailto:psirt@a.example|https://a.example/r|tel:+49-1|/security/|Details.|1. Ack|"
        "3|14|10|90|https://a.example/key.asc|de|https://a.example/b|Safe.|/thanks/");
  CHECK(d.scope.html == "<p><b>Everything</b></p>\n");  // [build] raw_html is read first
  const auto& st = cfg.security_txt;
  CHECK(J({N(st.expires_days), st.canonical.at(0), st.hiring_url, B(st.signed_)}) ==
        "90|https://a.example/st|https://a.example/jobs|y");
  const auto& s = cfg.support;
  const auto& ch = s.channels;
  CHECK(J({ch.at(0).address, ch[0].label, ch[0].hours, B(ch[0].automated), ch.at(1).address,
           B(ch[1].automated), std::to_string(ch.size())}) ==
        "tel:+49-2|Hotline|Mon-Fri|n|https://a.example/chat|y|2");
  CHECK(J({s.security_contact, s.compliance.source, N(s.compliance_answer_days),
           s.security_help_url, s.portal_url, s.doc_request_url, s.bug_report_url,
           s.archive_notice.source}) ==
        "mailto:psirt@a.example|Ask.|20|/support/security/|https://a.example/p|"
        "https://a.example/d|https://a.example/bugs|Old firmware.");
  const auto& cert = cfg.practices.certifications.at(0);
  CHECK(J({cert.name, cert.issuer, cert.scope, D(cert.date), cert.url}) ==
        "ISO/IEC 27001|TUV|PSIRT|2025-06-01|https://a.example/iso.pdf");
  const auto& csaf = cfg.csaf;
  CHECK(J({cfg.notifications.policy.source, cfg.notifications.subscribe_url, csaf.role,
           csaf.default_tlp, csaf.signing_key, csaf.public_key_url, csaf.legal_notice.source}) ==
        "We email you.|mailto:news@a.example|csaf_trusted_provider|GREEN|keys/psirt.asc|"
        "https://a.example/key.asc|As is.");
  // The context follows raw_html, so later Markdown of this site renders raw HTML too.
  CHECK(J({N(cfg.feeds.limit), cfg.build.output_dir, cfg.build.theme, B(cfg.build.raw_html),
           B(c.ctx.markdown.raw_html)}) == "20|out|acme-dark|y|y");
}

TEST_CASE("LoadSiteConfig defaults and errors") {
  Ctx c;
  SUBCASE("missing tables; everything else has a default") {
    auto cfg = LoadSiteConfig("", "site.toml", c.ctx);
    REQUIRE(cfg.has_value());
    CHECK(c.Messages() == "site.toml:1:1: error: missing required key 'disclosure' in site.toml\n"
                          "site.toml:1:1: error: missing required key 'manufacturer' in site.toml\n"
                          "site.toml:1:1: error: missing required key 'publisher' in site.toml\n"
                          "site.toml:1:1: error: missing required key 'site' in site.toml\n");
    CHECK(J({cfg->site.language, cfg->publisher.category, cfg->csaf.role, cfg->csaf.default_tlp,
             cfg->build.output_dir, cfg->build.theme, N(cfg->feeds.limit),
             N(cfg->security_txt.expires_days)}) ==
          "en|vendor|csaf_provider|CLEAR|public|default|50|180");
    CHECK_FALSE((cfg->support.archive_notice.Empty() || cfg->csaf.legal_notice.Empty()));
  }
  SUBCASE("bad values, reported where they are written") {
    std::string text = Edit(kSite, "\"https://security.a.example/\"", "\"/x\"");
    text = Edit(text, "description =", "colour = \"red\"\ndescription =");  // now line 5
    text = Edit(text, "public_key_url = \"https://a.example/key.asc\"\n", "");
    text = Edit(text, "limit = 20", "limit = 0");
    text = Edit(text, "\"acme-dark\"", "\"Acme Dark\"");
    CHECK(LoadSiteConfig(text, "site.toml", c.ctx).has_value());
    CHECK(c.Messages() ==
          "site.toml:3:12: error: 'site.base_url' must be an absolute https: URL\n"
          "site.toml:5:1: error: unknown key 'site.colour' in [site]; expected one of: base_url, "
          "description, language, title\n"
          "site.toml:54:1: error: 'csaf.public_key_url' is required when 'csaf.signing_key' is "
          "set\n"
          "site.toml:60:9: error: 'feeds.limit' is 0; expected an integer from 1 to 100000\n"
          "site.toml:63:9: error: 'build.theme' is 'Acme Dark'; expected a folder name of "
          "lower-case letters, digits and '-'\n");
  }
}

const char kAdvPath[] = "advisories/2026/ACME-SA-2026-0007.md";
const std::string kAdvisory =
    "+++\nid = \"ACME-SA-2026-0007\"\ntitle = \"Authentication bypass\"\ncategory = \"vex\"\n"
    "status = \"final\"\npublished = 2026-03-14T09:00:00Z\nupdated = 2026-03-20T09:00:00Z\n"
    "tlp = \"CLEAR\"\nsummary = \"One paragraph.\"\nsuperseded_by = \"ACME-SA-2026-0008\"\n"
    "withdrawn = { date = 2026-04-01, reason = \"Duplicate.\" }\n[[vulnerabilities]]\n"
    "cve = \"CVE-2026-12345\"\ncwe = \"CWE-287\"\ntitle = \"Improper authentication\"\n"
    "cvss_v3 = \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"\ncvss_v4 = "
    "\"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N\"\ndevices = [\"hub-200\"]\n"
    "actively_exploited = true\n[[affected]]\ndevice = \"hub-200\"\n"
    "versions = \">= 2.0.0, < 2.4.1\"\nfixed = \"2.4.1\"\n[[not_affected]]\ndevice = \"hub-100\"\n"
    "justification = \"component_not_present\"\n[[remediations]]\ncategory = \"vendor_fix\"\n"
    "details = \"Update to **2.4.1**.\"\nurl = \"https://example.com/dl\"\n"
    "devices = [\"hub-200\"]\n[[references]]\nurl = \"https://www.cve.org/\"\n"
    "summary = \"CVE record\"\n[[acknowledgments]]\nnames = [\"Jane\"]\n"
    "organization = \"Example Labs\"\n[[revisions]]\ndate = 2026-03-14T09:00:00Z\n"
    "summary = \"Initial publication.\"\n[[revisions]]\ndate = 2026-03-20T09:00:00Z\n"
    "summary = \"Added CVSS v4.\"\n+++\n## Timeline\n\nBody.\n";

TEST_CASE("LoadAdvisory reads every field") {
  Ctx c;
  Advisory a = LoadAdvisory(kAdvisory, kAdvPath, "ACME-SA-2026-0007", "CLEAR", c.ctx).value();
  CHECK(c.Messages() == "");
  CHECK(J({a.id, a.title, CategoryName(a.category), StatusName(a.status),
           FormatRfc3339(a.published), FormatRfc3339(a.updated), a.tlp, a.summary,
           a.superseded_by.value, std::to_string(a.superseded_by.where.line)}) ==
        "ACME-SA-2026-0007|Authentication bypass|vex|final|2026-03-14T09:00:00Z|"
        "2026-03-20T09:00:00Z|CLEAR|One paragraph.|ACME-SA-2026-0008|10");
  CHECK(J({D(a.withdrawn.value().date), a.withdrawn->reason}) == "2026-04-01|Duplicate.");
  const Vulnerability& v = a.vulnerabilities.at(0);
  REQUIRE((v.cvss_v3 && v.cvss_v4 && v.devices.size() == 1));
  CHECK(J({v.cve, v.cwe, v.title, v.cvss_v3->vector, SeverityName(v.cvss_v3->severity),
           SeverityName(v.cvss_v4->severity), v.devices[0].value, std::to_string(v.where.line)}) ==
        "CVE-2026-12345|CWE-287|Improper authentication|"
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H|critical|critical|hub-200|12");
  CHECK((v.cvss_v3->base_score == 9.8 && v.cvss_v4->base_score == 9.3 && v.actively_exploited));
  const Affected& x = a.affected.at(0);
  CHECK(J({x.device.value, std::to_string(x.device.where.line), x.versions.value, x.fixed.value,
           a.not_affected.at(0).device.value, a.not_affected[0].justification}) ==
        "hub-200|21|>= 2.0.0, < 2.4.1|2.4.1|hub-100|component_not_present");
  const Remediation& r = a.remediations.at(0);
  CHECK(J({r.category, r.details.html, r.url, r.devices.at(0).value}) ==
        "vendor_fix|<p>Update to <strong>2.4.1</strong>.</p>\n|https://example.com/dl|hub-200");
  const Acknowledgment& ack = a.acknowledgments.at(0);
  CHECK(J({a.references.at(0).url, a.references[0].summary, ack.names.at(0), ack.organization}) ==
        "https://www.cve.org/|CVE record|Jane|Example Labs");
  CHECK(J({FormatRfc3339(a.revisions.at(1).date), a.revisions[1].summary,
           std::to_string(a.revisions[1].where.line)}) == "2026-03-20T09:00:00Z|Added CVSS v4.|41");
  CHECK(a.body.html == "<h2 id=\"timeline\">Timeline</h2>\n<p>Body.</p>\n");
}

TEST_CASE("LoadAdvisory: the id") {
  Ctx c, c2;  // the id must match the file name, and be upper-case groups
  LoadAdvisory(kAdvisory, "a/ACME-SA-2026-0008.md", "ACME-SA-2026-0008", "CLEAR", c.ctx);
  CHECK(c.Messages() == "a/ACME-SA-2026-0008.md:2:6: error: 'id' is 'ACME-SA-2026-0007' but the "
                        "file is named 'ACME-SA-2026-0008.md'; rename the file to "
                        "'ACME-SA-2026-0007.md' or fix the id\n");
  LoadAdvisory(Edit(kAdvisory, "\"ACME-SA-2026-0007\"", "\"acme-sa/1\""), "a/x.md", "acme-sa/1",
               "CLEAR", c2.ctx);
  CHECK(c2.Messages() == "a/x.md:2:6: error: 'id' is 'acme-sa/1'; expected upper-case letters "
                         "and digits in dash-separated groups, such as ACME-SA-2026-0007\n");
  CHECK((IsValidAdvisoryId("ACME-SA-2026-0007") && IsValidAdvisoryId("A-1")));
  for (std::string bad : {"ACME", "acme-sa-1", "ACME--1", "ACME-1-", "../A-1", "1A-1"})
    CHECK_FALSE_MESSAGE(IsValidAdvisoryId(bad), bad);
  CHECK_FALSE(IsValidAdvisoryId("A-" + std::string(63, '1')));  // longer than 64
  CHECK(IsValidSlug("hub-200"));
  for (std::string bad : {"Hub-200", "hub--200", "-hub", "hub-", "", "hub_200", "a/b"})
    CHECK_FALSE_MESSAGE(IsValidSlug(bad), bad);
}

TEST_CASE("LoadAdvisory: field checks point at the value") {
  Ctx c;
  std::string text = Edit(kAdvisory, "\"CVE-2026-12345\"", "\"CVE-26-1\"");
  text = Edit(text, "\"CWE-287\"", "\"CWE-0287\"");
  text = Edit(text, "/AC:L/PR:N/UI:N/S:U/", "/AC:X/PR:N/UI:N/S:U/");
  text = Edit(text, "names = [\"Jane\"]\norganization = \"Example Labs\"\n", "\n\n");
  text = Edit(text, "fixed = \"2.4.1\"", "notes = \"2.4.1\"");
  text = Edit(text, "status = \"final\"", "tlp2 = \"x\"");
  text = Edit(text, "tlp = \"CLEAR\"", "");
  auto a = LoadAdvisory(text, kAdvPath, "ACME-SA-2026-0007", "AMBER", c.ctx);
  REQUIRE(a.has_value());
  CHECK(a->status == AdvisoryStatus::kDraft);  // no status: never published by accident
  CHECK(a->tlp == "AMBER");                     // the site's default_tlp
  const std::string p = kAdvPath;
  CHECK(c.Messages() ==
        p + ":2:1: error: missing required key 'status' in advisory front matter\n" +
        p + ":5:1: error: unknown key 'tlp2' in advisory front matter; did you mean 'tlp'?\n" +
        p + ":13:7: error: 'vulnerabilities[1].cve' is 'CVE-26-1'; expected a CVE id such as CVE-2026-12345 [cve-syntax]\n" +
        p + ":14:7: error: 'vulnerabilities[1].cwe' is 'CWE-0287'; expected a CWE id such as CWE-287 [cwe-unknown]\n" +
        p + ":16:29: error: invalid 'vulnerabilities[1].cvss_v3': unknown value 'X' for metric "
            "'AC' (expected L or H) [cvss-vector]\n" +
        p + ":23:1: error: unknown key 'affected[1].notes' in [[affected]]; expected one of: "
            "device, fixed, versions\n" +
        p + ":35:1: error: an acknowledgment needs 'names' or 'organization' (or both)\n");
}

const std::string kDevice =
    "+++\nmarkets = [\"EU\", \"UK\"]\nidentity = { name = \"Hub 200\", type = \"Hub\", models = "
    "[\"H200-EU\"], hardware_versions = [\"A\"], cpe = \"cpe:2.3:h:acme:hub\", purl = "
    "\"pkg:generic/acme/hub\", marking = \"Label.\", components = [\"Linux\"] }\n"
    "lifecycle = { expected_lifespan = \"10 years\", costs = \"None.\", retain_until = 2036-01-01 "
    "}\nintended_use = { purpose = \"Control.\", customers = \"Homes.\", use_cases = "
    "\"Automation.\", physical = \"Indoors.\", consumer = true, for_integration = true }\n"
    "network = { requirements = \"Wi-Fi.\", interfaces = \"Zigbee.\", unauthenticated_functions = "
    "\"None.\", services = [\"https/443\"] }\ndata = { handled = \"Settings.\", inputs_outputs = "
    "\"IO.\", personal_data = \"Names.\", telemetry = \"None.\", sensors = [\"temp\"], retention = "
    "\"30 days.\", third_parties = \"-\", cloud_access = \"App.\" }\n"
    "security = { platform = \"Boot.\", environment = \"Home.\", properties = \"Enc.\", "
    "component_protection = \"Signed.\", risks = \"Theft.\" }\nsbom = { maintained = true, "
    "hbom_maintained = true, format = \"cyclonedx\", public = true, url = "
    "\"https://a.example/sbom.json\" }\nmaintenance = { performed_by = \"Customer.\", "
    "confidentiality = \"NDA.\" }\n[capabilities]\nidentification = { supported = true }\n"
    "configuration = { supported = true, guide = \"setup\" }\ndata_protection = { supported = "
    "false }\ninterface_access = { supported = true }\nsoftware_update = { supported = true }\n"
    "state_awareness = { supported = false }\n[support]\ngeneral_availability = 2024-01-15\n"
    "end_of_sales = \"tba\"\nend_of_life = \"2034-12-31\"\nend_of_security_support = 2031-12-31\n"
    "basis = \"guaranteed\"\nsource = \"https://a.example/terms\"\nsummary = \"5y.\"\n"
    "update_frequency = \"Monthly.\"\nupdate_mechanism = \"OTA.\"\nautomatic_updates = true\n"
    "no_update_reason = \"n/a\"\nshort_period_reason = \"n/a\"\nlast_reviewed = 2026-01-10\n"
    "history = [{ date = 2024-01-15, end_of_security_support = 2029-12-31 }, { date = 2025-06-01, "
    "end_of_security_support = 2031-12-31, note = \"Extended.\" }]\n[compliance]\n"
    "laws = [\"EU CRA\"]\neu_declaration_url = \"https://a.example/doc\"\n"
    "psti_statement_url = \"https://a.example/psti\"\ncertifications = [{ name = \"EN 303 645\", "
    "issuer = \"Lab\" }]\ntrust_mark = { registry_url = \"https://reg.example/1\", id = \"TM-1\", "
    "date = 2025-01-01, administrator = \"Admin\", lab = \"Lab\" }\n[[firmware]]\n"
    "version = \"2.4.1\"\nreleased = 2026-03-14\nnotes = \"Fixes.\"\nis_security = true\n"
    "security_notes = \"Fixes CVE.\"\ncriticality = \"critical\"\ninstall_within_days = 7\n"
    "download_url = \"https://a.example/fw\"\nfree_of_charge = false\n"
    "available_until = 2030-01-01\nadvisories = [\"ACME-SA-2026-0007\"]\n"
    "sbom_url = \"https://a.example/fw.json\"\n[[firmware]]\nversion = \"2.4.0\"\n"
    "released = 2026-01-10\n+++\nDevice body.\n";

TEST_CASE("LoadDevice reads every field") {
  Ctx c;
  Device d = LoadDevice(kDevice, "content/devices/hub-200/index.md", "hub-200", c.ctx).value();
  CHECK(c.Messages() == "");
  const auto& id = d.identity;
  CHECK(J({d.slug, d.markets.at(1), id.name, id.type, id.models.at(0),
           id.hardware_versions.at(0), id.cpe, id.purl, id.marking.source,
           id.components.at(0)}) ==
        "hub-200|UK|Hub 200|Hub|H200-EU|A|cpe:2.3:h:acme:hub|pkg:generic/acme/hub|Label.|Linux");
  CHECK(J({d.lifecycle.expected_lifespan, d.lifecycle.costs.source,
           D(d.lifecycle.retain_until)}) == "10 years|None.|2036-01-01");
  const auto& u = d.intended_use;
  CHECK(J({u.purpose.source, u.customers.source, u.use_cases.source, u.physical.source,
           B(u.consumer), B(u.for_integration)}) == "Control.|Homes.|Automation.|Indoors.|y|y");
  const auto& n = d.network;
  CHECK(J({n.requirements.source, n.interfaces.source, n.unauthenticated_functions.source,
           n.services.at(0)}) == "Wi-Fi.|Zigbee.|None.|https/443");
  const auto& x = d.data;
  CHECK(J({x.handled.source, x.inputs_outputs.source, x.personal_data.source,
           x.telemetry.source, x.sensors.at(0), x.retention.source, x.third_parties.source,
           x.cloud_access.source}) == "Settings.|IO.|Names.|None.|temp|30 days.|-|App.");
  const auto& sec = d.security;
  CHECK(J({sec.platform.source, sec.environment.source, sec.properties.source,
           sec.component_protection.source, sec.risks.source}) ==
        "Boot.|Home.|Enc.|Signed.|Theft.");
  CHECK(J({d.sbom.format, d.sbom.url, B(d.sbom.maintained), B(d.sbom.hbom_maintained),
           B(d.sbom.public_), d.maintenance.performed_by.source,
           d.maintenance.confidentiality.source}) ==
        "cyclonedx|https://a.example/sbom.json|y|y|y|Customer.|NDA.");
  const auto& k = d.capabilities;  // supported, then the guide (defaulting to the topic)
  CHECK(J({B(k.identification.supported) + k.identification.guide,
           B(k.configuration.supported) + k.configuration.guide,
           B(k.data_protection.supported) + k.data_protection.guide,
           B(k.interface_access.supported) + k.interface_access.guide,
           B(k.software_update.supported) + k.software_update.guide,
           B(k.state_awareness.supported) + k.state_awareness.guide}) ==
        "ydevice-identifiers|ysetup|ndata-protection|yaccess-control|ysoftware-update|"
        "nsecurity-state");
  CHECK(d.capabilities.configuration.where.line == 13);
  const auto& s = d.support;
  CHECK(J({D(s.general_availability.date), s.end_of_sales.tba ? "tba" : "known",
           D(s.end_of_life.date), D(s.end_of_security_support.date), s.basis, s.source,
           s.summary.source, s.update_frequency.source, s.update_mechanism.source,
           s.no_update_reason.source, s.short_period_reason.source, D(s.last_reviewed)}) ==
        "2024-01-15|tba|2034-12-31|2031-12-31|guaranteed|https://a.example/terms|5y.|"
        "Monthly.|OTA.|n/a|n/a|2026-01-10");
  const SupportExtension& ext = s.history.at(1);
  CHECK(J({B(s.automatic_updates), D(ext.date), D(ext.end_of_security_support), ext.note.source}) ==
        "y|2025-06-01|2031-12-31|Extended.");
  const auto& co = d.compliance;
  const auto& tm = co.trust_mark.value();
  CHECK(J({co.laws.at(0), co.eu_declaration_url, co.psti_statement_url,
           co.certifications.at(0).name, tm.registry_url, tm.id, D(tm.date), tm.administrator,
           tm.lab}) == "EU CRA|https://a.example/doc|https://a.example/psti|EN 303 645|"
                       "https://reg.example/1|TM-1|2025-01-01|Admin|Lab");
  const Firmware& fw = d.firmware.at(0);
  CHECK(J({fw.version, D(fw.released), fw.notes.source, fw.security_notes.source, fw.criticality,
           N(fw.install_within_days), fw.download_url, D(fw.available_until),
           fw.advisories.at(0).value, std::to_string(fw.advisories[0].where.line), fw.sbom_url,
           std::to_string(fw.where.line)}) ==
        "2.4.1|2026-03-14|Fixes.|Fixes CVE.|critical|7|https://a.example/fw|2030-01-01|"
        "ACME-SA-2026-0007|50|https://a.example/fw.json|39");
  CHECK(J({B(fw.is_security), B(fw.free_of_charge), B(d.firmware.at(1).free_of_charge),
           d.body.source}) == "y|n|y|Device body.\n");
}

TEST_CASE("LoadDevice: checks and unknown keys in nested tables") {
  Ctx c;
  std::string text = Edit(kDevice, "security_notes = \"Fixes CVE.\"", "");
  text = Edit(text, "2031-12-31, note", "2028-12-31, note");
  text = Edit(text, "consumer = true", "consumer = true, colour = 1");
  text = Edit(text, "identification = { supported = true }", "identification = { }");
  text = Edit(text, "basis = \"guaranteed\"", "basis = \"always\"");
  LoadDevice(text, "d.md", "hub-200", c.ctx);
  CHECK(c.Messages() ==
        "d.md:5:129: error: unknown key 'intended_use.colour' in [intended_use]; expected one "
        "of: consumer, customers, for_integration, physical, purpose, use_cases\n"
        "d.md:12:18: error: missing required key 'capabilities.identification.supported' in "
        "capability 'identification'\n"
        "d.md:23:9: error: 'support.basis' is 'always'; expected one of 'guaranteed', "
        "'best_effort'\n"
        "d.md:32:73: error: support.history moves the end of security support earlier; "
        "announced ends may only be extended\n"
        "d.md:39:1: error: firmware 2.4.1 has is_security = true but no 'security_notes': say "
        "which risks it removes, what users must do and how urgently\n");
}

TEST_CASE("LoadGuide and LoadPage") {
  Ctx c;
  const std::string guide =
      "+++\ntitle = \"Updating\"\ntopic = \"software-update\"\ncovers = [\"upd\"]\n+++\n# Steps\n";
  Guide g = LoadGuide(guide, "content/devices/hub-200/guides/software-update.md", "hub-200",
                      "software-update", c.ctx).value();
  CHECK(J({g.device, g.name, g.title, g.topic, g.covers.at(0), g.body.headings.at(0).id}) ==
        "hub-200|software-update|Updating|software-update|upd|steps");
  std::string other = Edit(guide, "\"software-update\"", "\"other\"");
  CHECK(LoadGuide(other, "g/faq.md", "hub-200", "faq", c.ctx));  // any name: no message below
  LoadGuide(guide, "g/update.md", "hub-200", "update", c.ctx);
  LoadGuide(Edit(guide, "\"software-update\"", "\"updates\""), "g/u.md", "hub-200", "u", c.ctx);
  std::string topics;
  for (const auto& t : GuideTopics()) topics += (topics.empty() ? "" : ", ") + t;
  CHECK(c.Messages() ==
        "g/u.md:3:9: error: 'topic' is 'updates'; expected one of: " + topics + "\n" +
        "g/update.md:3:9: error: guide topic 'software-update' must be in a file named "
        "'software-update.md' (this one is 'update.md'); use topic = \"other\" for a guide with "
        "a free name\n");
  Ctx pc;
  const std::string page =
      "+++\ntitle = \"Privacy\"\nrole = \"privacy\"\ncovers = [\"a\"]\n+++\nX\n";
  Page p = LoadPage(page, "content/pages/privacy.md", "privacy", pc.ctx).value();
  CHECK(J({p.name, p.title, p.role, p.covers.at(0), p.body.source}) ==
        "privacy|Privacy|privacy|a|X\n");
  auto bad = LoadPage(Edit(page, "\"privacy\"", "\"blog\""), "p.md", "p", pc.ctx);
  CHECK((bad && bad->role == "other"));
  CHECK(pc.Messages() ==
        "p.md:3:8: error: 'role' is 'blog'; expected one of 'security-practices', "
        "'certifications', 'risk-summary', 'support-policy', 'privacy', 'other'\n");
}

}  // namespace
}  // namespace herald
