// The coverage engine: every check kind of data/baseline.toml's [checks] on a
// hand-built model, conditions, scopes, per-entry items, and the shipped
// baseline itself.
#include "coverage/coverage.h"

#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "build/load_site.h"

namespace herald {
namespace {

constexpr Timestamp kNow = 1793491200;  // 2026-11-01T00:00:00Z
constexpr Timestamp kDay = 86400;

Timestamp Day(int y, unsigned m, unsigned d) { return DaysFromCivil(y, m, d) * kDay; }

DateOrTba Known(Timestamp t) { return DateOrTba{false, t}; }

Site MakeSite() {
  Site site;
  site.build.build_time = kNow;
  site.config.site.title = "Test PSIRT";
  site.config.site.base_url = "https://security.test.example";
  site.config.disclosure.contact = {"mailto:psirt@test.example"};
  Device d;
  d.slug = "gw-1";
  d.where.path = "content/devices/gw-1/index.md";
  d.markets = {"eu"};
  d.identity.name = "Gateway";
  d.support.general_availability = Known(Day(2024, 1, 1));
  d.support.end_of_security_support = Known(Day(2030, 12, 31));
  d.support.basis = "guaranteed";
  d.status = DeviceStatus::kOnSale;
  site.devices.push_back(d);
  site.device_by_slug["gw-1"] = 0;
  return site;
}

const std::string kHeader = R"(
[scopes]
all = "every device"
consumer = "device.intended_use.consumer == true"
eu = "device.markets has 'eu'"
ctm = "device.compliance.trust_mark is set"
)";

/// One item; `body` holds its satisfied_by, check, when and param lines.
Baseline One(const std::string& body, const std::string& scope = "all") {
  return ParseBaseline(kHeader + "[[item]]\nid = \"T-1\"\nscope = \"" + scope +
                       "\"\nsummary = \"test\"\n" + body + "\n");
}

/// "status: reason" of the single item for gw-1, or "absent" when out of scope.
std::string Eval(const Site& site, const Baseline& b) {
  CoverageReport r = EvaluateDevice(site, site.devices[0], b);
  if (r.results.empty()) return "absent";
  std::string out = CoverageStatusName(r.results[0].status);
  if (!r.results[0].reason.empty()) out += ": " + r.results[0].reason;
  return out;
}

Text T(const std::string& s) {
  Text t;
  t.source = s;
  return t;
}

}  // namespace

TEST_CASE("coverage: the shipped baseline parses with every check kind known") {
  const Baseline& b = BuiltinBaseline();
  CHECK(b.items.size() == 148);
  CHECK(b.schema_version == "1.0");
  std::set<std::string> ids, kinds;
  for (const BaselineItem& it : b.items) {
    ids.insert(it.id);
    for (const std::string& c : it.checks) kinds.insert(c);
    CHECK_MESSAGE(b.scopes.count(it.scope), it.id);
  }
  CHECK(ids.size() == 148);
  for (const std::string& k : kinds) CHECK_MESSAGE(b.checks.count(k), k);
  CHECK(kinds == std::set<std::string>{"present", "present_if", "future_date", "max_future", "max_age",
                                       "min_period", "not_shortened", "month_precision", "uri", "link",
                                       "retained", "lang", "manual"});
}

TEST_CASE("coverage: present") {
  Site site = MakeSite();
  Device& d = site.devices[0];
  Baseline b = One(R"(satisfied_by = ["device.intended_use.customers", "device.data.sensors"]
check = "present")");
  CHECK(Eval(site, b) == "missing: device.intended_use.customers is not set");
  d.intended_use.customers = T("Home owners");
  CHECK(Eval(site, b) == "missing: device.data.sensors is not set");
  d.data.sensors = {"none"};  // an explicit none answer
  CHECK(Eval(site, b) == "covered");
  d.intended_use.customers = T("none: sold to integrators only");
  CHECK(Eval(site, b) == "covered");
  d.intended_use.customers = T("tba");
  CHECK(Eval(site, b) == "missing: device.intended_use.customers is \"tba\"");

  SUBCASE("dates: tba does not count") {
    Baseline eol = One("satisfied_by = [\"device.support.end_of_life\"]\ncheck = \"present\"");
    CHECK(Eval(site, eol) == "missing: device.support.end_of_life is \"tba\"");
    d.support.end_of_life = Known(Day(2035, 1, 1));
    CHECK(Eval(site, eol) == "covered");
  }
  SUBCASE("capability needs its guide when supported") {
    Baseline cap = One("satisfied_by = [\"device.capabilities.configuration\"]\ncheck = \"present\"");
    d.capabilities.configuration = {false, "configuration", {}};
    CHECK(Eval(site, cap) == "covered");
    d.capabilities.configuration.supported = true;
    CHECK(Eval(site, cap) == "missing: device.capabilities.configuration: guide 'configuration' is missing");
    Guide g;
    g.device = "gw-1";
    g.name = g.topic = "configuration";
    site.guides.push_back(g);
    site.guides_by_device["gw-1"] = {0};
    CHECK(Eval(site, cap) == "covered");
  }
  SUBCASE("guide:, page: and output: paths; covers claims") {
    Baseline gp = One("satisfied_by = [\"guide:secure-setup\", \"page:risk-summary\", \"output:csaf\"]\n"
                      "check = \"present\"");
    CHECK(Eval(site, gp) == "missing: no guide 'secure-setup' (content/devices/SLUG/guides/secure-setup.md)");
    Guide g;
    g.device = "gw-1";
    g.name = g.topic = "secure-setup";
    site.guides.push_back(g);
    site.guides_by_device["gw-1"] = {0};
    CHECK(Eval(site, gp) == "missing: no page with role 'risk-summary' in content/pages/");
    Page p;
    p.name = "about";
    p.role = "other";
    p.covers = {"T-1"};
    site.pages.push_back(p);
    CHECK(Eval(site, gp) ==
          "review: claimed by a guide or page (covers); no page with role 'risk-summary' in content/pages/");
    site.pages[0].role = "risk-summary";
    CHECK(Eval(site, gp) == "covered");
  }
  SUBCASE("param: the values must meet the condition") {
    Baseline sb = One("satisfied_by = [\"device.sbom.format\"]\ncheck = \"present\"\n"
                      "param = \"device.sbom.maintained == true\"");
    d.sbom.format = "spdx";
    CHECK(Eval(site, sb) == "missing: condition not met: device.sbom.maintained == true");
    d.sbom.maintained = true;
    CHECK(Eval(site, sb) == "covered");
  }
  SUBCASE("site paths and lists of tables") {
    Baseline ch = One("satisfied_by = [\"site.support.channels\"]\ncheck = \"present\"\n"
                      "param = \"any site.support.channels.automated == false\"");
    CHECK(Eval(site, ch) == "missing: site.support.channels is not set");
    site.config.support.channels.push_back({"https://bot.test.example", "Bot", "", true});
    CHECK(Eval(site, ch) == "missing: condition not met: any site.support.channels.automated == false");
    site.config.support.channels.push_back({"tel:+441234567890", "Desk", "9-5", false});
    CHECK(Eval(site, ch) == "covered");
  }
}

TEST_CASE("coverage: present_if") {
  Site site = MakeSite();
  Device& d = site.devices[0];
  Baseline b = One(R"(satisfied_by = ["device.support.no_update_reason"]
check = "present_if"
when = "device.capabilities.software_update.supported == false")");
  d.capabilities.software_update.supported = true;
  CHECK(Eval(site, b) == "not_applicable: only when device.capabilities.software_update.supported == false");
  d.capabilities.software_update.supported = false;
  CHECK(Eval(site, b) == "missing: device.support.no_update_reason is not set");
  d.support.no_update_reason = T("ROM only; replaced free of charge until 2030.");
  CHECK(Eval(site, b) == "covered");

  SUBCASE("per firmware entry") {
    Baseline fw = One(R"(satisfied_by = ["device.firmware.security_notes"]
check = "present_if"
when = "device.firmware.is_security == true"
param = "device.firmware.free_of_charge == true")");
    CHECK(Eval(site, fw) == "not_applicable: no firmware release yet");
    Firmware a;
    a.version = "1.0.0";
    a.released = Day(2024, 1, 1);
    d.firmware.push_back(a);
    CHECK(Eval(site, fw) == "not_applicable: only when device.firmware.is_security == true");
    Firmware s;
    s.version = "1.0.1";
    s.released = Day(2026, 2, 1);
    s.is_security = true;
    d.firmware.push_back(s);
    CHECK(Eval(site, fw) == "missing: firmware 1.0.1: device.firmware.security_notes is not set");
    d.firmware[1].security_notes = T("Fixes a crash. Install now.");
    CHECK(Eval(site, fw) == "covered");
    d.firmware[1].free_of_charge = false;
    CHECK(Eval(site, fw) ==
          "missing: firmware 1.0.1: condition not met: device.firmware.free_of_charge == true");
  }
  SUBCASE("count() looks at every entry") {
    Baseline cnt = One(R"(satisfied_by = ["site.support.archive_notice"]
check = "present_if"
when = "count(device.firmware.download_url) > 1")");
    CHECK(Eval(site, cnt).rfind("not_applicable", 0) == 0);
    for (const char* v : {"1.0", "1.1"}) {
      Firmware f;
      f.version = v;
      f.download_url = std::string("https://dl.test.example/") + v;
      d.firmware.push_back(f);
    }
    CHECK(Eval(site, cnt) == "missing: site.support.archive_notice is not set");
  }
  SUBCASE("!= 'none' holds for an unset value") {
    Baseline ca = One(R"(satisfied_by = ["guide:backup-restore"]
check = "present_if"
when = "device.data.cloud_access != 'none'")");
    CHECK(Eval(site, ca).rfind("missing", 0) == 0);
    d.data.cloud_access = T("none: nothing is kept in the cloud");
    CHECK(Eval(site, ca) == "not_applicable: only when device.data.cloud_access != 'none'");
  }
}

TEST_CASE("coverage: scopes leave out-of-scope items unreported") {
  Site site = MakeSite();
  Baseline b = One("satisfied_by = [\"device.compliance.psti_statement_url\"]\ncheck = \"present\"", "consumer");
  CHECK(Eval(site, b) == "absent");
  site.devices[0].intended_use.consumer = true;
  CHECK(Eval(site, b) == "missing: device.compliance.psti_statement_url is not set");
  Baseline eu = One("satisfied_by = [\"device.identity.name\"]\ncheck = \"present\"", "eu");
  CHECK(Eval(site, eu) == "covered");
  site.devices[0].markets = {"us"};
  CHECK(Eval(site, eu) == "absent");
  Baseline ctm = One("satisfied_by = [\"device.identity.name\"]\ncheck = \"present\"", "ctm");
  CHECK(Eval(site, ctm) == "absent");
  site.devices[0].compliance.trust_mark = TrustMark{"https://r.example/1", "1", "A", "L", Day(2026, 1, 1)};
  CHECK(Eval(site, ctm) == "covered");
}

TEST_CASE("coverage: future_date") {
  Site site = MakeSite();
  Device& d = site.devices[0];
  Baseline b = One("satisfied_by = [\"device.support.end_of_security_support\"]\ncheck = \"future_date\"");
  CHECK(Eval(site, b) == "covered");
  d.support.end_of_security_support = Known(Day(2026, 10, 31));
  CHECK(Eval(site, b) == "missing: device.support.end_of_security_support 2026-10-31 is not in the future");
  d.support.end_of_security_support = DateOrTba{};
  CHECK(Eval(site, b) == "missing: device.support.end_of_security_support is \"tba\"");
  d.status = DeviceStatus::kUnsupported;
  CHECK(Eval(site, b) == "not_applicable: device status is unsupported");
}

TEST_CASE("coverage: max_future and max_age") {
  Site site = MakeSite();
  Baseline b = One("satisfied_by = [\"site.security_txt.expires\"]\ncheck = [\"future_date\", \"max_future\"]\n"
                   "param = \"365d\"");
  CHECK(Eval(site, b) == "covered");  // 180 days by default
  site.config.security_txt.expires_days = 366;
  CHECK(Eval(site, b) == "missing: site.security_txt.expires is more than 365d ahead");

  Baseline age = One("satisfied_by = [\"device.support.last_reviewed\"]\ncheck = \"max_age\"\nparam = \"365d\"");
  CHECK(Eval(site, age) == "missing: device.support.last_reviewed is not set");
  site.devices[0].support.last_reviewed = Day(2026, 1, 1);
  CHECK(Eval(site, age) == "covered");
  site.devices[0].support.last_reviewed = Day(2025, 10, 31);
  CHECK(Eval(site, age) == "missing: device.support.last_reviewed 2025-10-31 is older than 365d");
}

TEST_CASE("coverage: min_period") {
  Site site = MakeSite();
  Device& d = site.devices[0];
  Baseline b = One("satisfied_by = [\"device.support.end_of_security_support\"]\ncheck = \"min_period\"\n"
                   "param = \"5y\"");
  CHECK(Eval(site, b) == "covered");
  d.support.end_of_security_support = Known(Day(2028, 12, 31));
  CHECK(Eval(site, b) == "missing: support from 2024-01-01 to 2028-12-31 is shorter than 5y");
  d.support.end_of_security_support = Known(Day(2029, 1, 1));  // exactly five years
  CHECK(Eval(site, b) == "covered");
  d.support.end_of_security_support = Known(Day(2027, 1, 1));
  d.support.short_period_reason = T("Sold for two years only.");
  CHECK(Eval(site, b) == "review: shorter than 5y; short_period_reason given");
  d.support.general_availability = DateOrTba{};
  CHECK(Eval(site, b) == "not_applicable: general_availability is not known yet");
}

TEST_CASE("coverage: not_shortened") {
  Site site = MakeSite();
  Device& d = site.devices[0];
  Baseline b = One("satisfied_by = [\"device.support.history\"]\ncheck = \"not_shortened\"");
  CHECK(Eval(site, b) == "covered");  // nothing announced, nothing shortened
  d.support.history.push_back({Day(2024, 1, 1), Day(2029, 12, 31), {}});
  d.support.history.push_back({Day(2025, 6, 1), Day(2030, 12, 31), {}});
  CHECK(Eval(site, b) == "covered");
  d.support.history.push_back({Day(2026, 6, 1), Day(2029, 6, 30), {}});
  CHECK(Eval(site, b) == "missing: device.support.history: entry 3 moves the end earlier, to 2029-06-30");
  d.support.history.pop_back();
  d.support.end_of_security_support = Known(Day(2030, 6, 30));
  CHECK(Eval(site, b) ==
        "missing: end_of_security_support 2030-06-30 is earlier than the announced 2030-12-31");
  d.support.end_of_security_support = Known(Day(2030, 12, 31));
  d.support.history[0].date = 0;
  CHECK(Eval(site, b) == "missing: device.support.history: entry 1 has no date");
}

TEST_CASE("coverage: month_precision") {
  Site site = MakeSite();
  Baseline b = One("satisfied_by = [\"device.support.end_of_security_support\"]\n"
                   "check = [\"month_precision\", \"future_date\"]");
  CHECK(Eval(site, b) == "covered");
  site.devices[0].support.end_of_security_support = DateOrTba{};
  CHECK(Eval(site, b) == "missing: device.support.end_of_security_support is \"tba\"");
}

TEST_CASE("coverage: uri") {
  Site site = MakeSite();
  Baseline b = One("satisfied_by = [\"site.disclosure.contact\"]\ncheck = \"uri\"");
  CHECK(Eval(site, b) == "covered");
  site.config.disclosure.contact = {"https://test.example/report", "tel:+44 20 7946 0000", "/security/"};
  CHECK(Eval(site, b) == "covered");
  site.config.disclosure.contact.push_back("http://test.example/");
  CHECK(Eval(site, b) == "missing: site.disclosure.contact: 'http://test.example/' is not a mailto:, tel: or "
                         "https: URI");
  site.config.disclosure.contact.clear();
  CHECK(Eval(site, b) == "missing: site.disclosure.contact is not set");

  Baseline key = One("satisfied_by = [\"site.disclosure.openpgp_key_url\"]\ncheck = \"uri\"");
  site.config.disclosure.openpgp_key_url = "openpgp4fpr:5f2de5521c63a801ab59ccb603d49de44b29100f";
  CHECK(Eval(site, key) == "covered");
  site.config.disclosure.openpgp_key_url = "mailto:not-an-address";
  CHECK(Eval(site, key).rfind("missing", 0) == 0);
}

TEST_CASE("coverage: link") {
  Site site = MakeSite();
  Baseline b = One("satisfied_by = [\"site.disclosure.contact\", \"site.disclosure.policy_url\"]\n"
                   "check = \"link\"\nparam = \"output:device-page\"");
  CHECK(Eval(site, b) == "covered");  // policy_url defaults to /security/
  site.config.disclosure.contact.clear();
  CHECK(Eval(site, b) == "missing: site.disclosure.contact is not set");
}

TEST_CASE("coverage: retained") {
  Site site = MakeSite();
  Device& d = site.devices[0];
  Baseline b = One(R"X(satisfied_by = ["device.lifecycle.retain_until"]
check = ["retained", "lang"]
param = "max(device.support.end_of_sales + 10y, device.support.end_of_security_support)")X");
  CHECK(Eval(site, b) == "covered");  // the default is the minimum; end_of_sales "tba" is later than any date
  d.support.end_of_sales = Known(Day(2027, 6, 30));
  d.lifecycle.retain_until = Day(2037, 6, 29);
  CHECK(Eval(site, b) == "missing: device.lifecycle.retain_until 2037-06-29 is earlier than the minimum 2037-06-30");
  d.lifecycle.retain_until = Day(2037, 6, 30);
  CHECK(Eval(site, b) == "covered");

  Baseline fw = One(R"X(satisfied_by = ["device.firmware.available_until"]
check = "retained"
param = "max(device.firmware.released + 10y, device.support.end_of_security_support)")X");
  Firmware f;
  f.version = "1.0.0";
  f.released = Day(2024, 2, 29);
  f.available_until = Day(2034, 2, 27);
  d.firmware.push_back(f);
  CHECK(Eval(site, fw) ==
        "missing: firmware 1.0.0: device.firmware.available_until 2034-02-27 is earlier than the minimum 2034-02-28");
  d.firmware[0].available_until = Day(2034, 2, 28);
  CHECK(Eval(site, fw) == "covered");
}

TEST_CASE("coverage: lang") {
  Site site = MakeSite();
  Baseline b = One("satisfied_by = [\"site.disclosure.preferred_languages\"]\ncheck = \"lang\"");
  CHECK(Eval(site, b) == "missing: site.disclosure.preferred_languages is not set");
  site.config.disclosure.preferred_languages = {"en", "de-AT"};
  CHECK(Eval(site, b) == "covered");
  site.config.disclosure.preferred_languages = {"en", "english"};
  CHECK(Eval(site, b) == "missing: site.disclosure.preferred_languages: 'english' is not a BCP 47 language tag");
  Baseline page = One("satisfied_by = [\"output:security-page\"]\ncheck = [\"lang\", \"manual\"]\nparam = \"en\"");
  CHECK(Eval(site, page) == "review: needs human review");
  site.config.site.language = "de";
  CHECK(Eval(site, page) == "missing: published in 'de', not in 'en'");
}

TEST_CASE("coverage: manual") {
  Site site = MakeSite();
  Baseline b = One("satisfied_by = [\"device.support.summary\"]\ncheck = \"manual\"");
  CHECK(Eval(site, b) == "missing: device.support.summary is not set");
  site.devices[0].support.summary = T("Security updates until the end of 2030.");
  CHECK(Eval(site, b) == "review: needs human review");
}

TEST_CASE("coverage: advisory items run per advisory of the device") {
  Site site = MakeSite();
  Baseline b = One("satisfied_by = [\"advisory.remediations\"]\ncheck = \"present\"");
  CHECK(Eval(site, b) == "not_applicable: no advisory for this device yet");
  Advisory a;
  a.id = "T-SA-1";
  a.affected.push_back({{"gw-1", {}}, {"< 1.0.1", {}}, {"1.0.1", {}}});
  site.advisories.push_back(a);
  site.advisories_by_device["gw-1"] = {0};
  CHECK(Eval(site, b) == "missing: T-SA-1: advisory.remediations is not set");
  Remediation r;
  r.category = "vendor_fix";
  r.details = T("Update to 1.0.1.");
  site.advisories[0].remediations.push_back(r);
  CHECK(Eval(site, b) == "covered");

  SUBCASE("vulnerability duties skip incident and informational notices") {
    Baseline v = One("satisfied_by = [\"advisory.vulnerabilities\", \"advisory.severity\"]\ncheck = \"present\"");
    site.advisories[0].category = AdvisoryCategory::kIncident;
    CHECK(Eval(site, v) == "not_applicable: no vulnerability advisory for this device yet");
    site.advisories[0].category = AdvisoryCategory::kSecurityAdvisory;
    CHECK(Eval(site, v) == "missing: T-SA-1: advisory.vulnerabilities is not set");
  }
  SUBCASE("a when condition over a list of tables holds when some entry matches") {
    Baseline ex = One(R"(satisfied_by = ["advisory.remediations", "output:csaf"]
check = "present_if"
when = "advisory.vulnerabilities.actively_exploited == true")");
    Vulnerability a1, a2;
    a2.actively_exploited = true;
    site.advisories[0].vulnerabilities = {a1};
    CHECK(Eval(site, ex) == "not_applicable: only when advisory.vulnerabilities.actively_exploited == true");
    site.advisories[0].vulnerabilities = {a1, a2};
    CHECK(Eval(site, ex) == "covered");
  }
}

TEST_CASE("coverage: advisory items that read the device run per device") {
  Site site = MakeSite();
  Advisory a;
  a.id = "T-SA-2";
  a.published_out = true;
  a.affected.push_back({{"gw-1", {}}, {"< 1.0.1", {}}, {"1.0.1", {}}});
  site.advisories.push_back(a);
  site.advisories_by_device["gw-1"] = {0};
  Baseline eu = One(R"(satisfied_by = ["advisory.remediations"]
check = "present_if"
when = "device.markets has 'eu'")");
  CHECK(Eval(site, eu) == "missing: T-SA-2: advisory.remediations is not set");
  site.devices[0].markets = {"us"};
  CHECK(Eval(site, eu) == "not_applicable: only when device.markets has 'eu'");

  // fix_date is the release date of the device's own fixed version.
  Baseline fix = One("satisfied_by = [\"advisory.fix_date\"]\ncheck = \"present\"");
  CHECK(Eval(site, fix) == "missing: T-SA-2: advisory.fix_date is not set");
  Firmware f;
  f.version = "1.0.1";
  f.released = Day(2026, 3, 1);
  site.devices[0].firmware.push_back(f);
  CHECK(Eval(site, fix) == "covered");
}

TEST_CASE("coverage: the site report holds the site-level items") {
  Site site = MakeSite();
  CoverageReport r = EvaluateSite(site, BuiltinBaseline());
  CHECK(!r.results.empty());
  for (const ItemResult& x : r.results) {
    for (const std::string& p : x.item->satisfied_by) {
      CHECK_MESSAGE(p.rfind("device.", 0) != 0, x.item->id);
      CHECK_MESSAGE(p.rfind("guide:", 0) != 0, x.item->id);
    }
  }
  CHECK(r.covered + r.review + r.missing + r.not_applicable == static_cast<int>(r.results.size()));
  std::ostringstream out;
  int missing = PrintCoverage(site, "text", false, out);
  CHECK(missing > 0);
  CHECK(out.str().rfind("site: ", 0) == 0);
  CHECK(out.str().find("\ngw-1: ") != std::string::npos);
  std::ostringstream gh;
  PrintCoverage(site, "github", true, gh);
  CHECK(gh.str().find("::error file=content/devices/gw-1/index.md,title=coverage::gw-1: DOC-1") !=
        std::string::npos);
}

}  // namespace herald
