// Tests for the CSAF 2.0 provider (src/render/csaf.h) on a hand-built Site.
// Conformance with the official validator is tested by tests/conformance/.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "base/digest.h"
#include "render/csaf.h"

namespace herald {
namespace {

using nlohmann::json;

Timestamp At(const char* rfc3339) { return ParseRfc3339(rfc3339).value(); }

LocatedString Loc(const std::string& value, int line = 0) {
  return {value, {"advisories/2026/EX-SA-2026-0001.md", line, 1}};
}

Device MakeDevice(const std::string& slug, const std::string& name,
                  std::vector<std::string> versions) {
  Device d;
  d.slug = slug;
  d.identity.name = name;
  d.identity.cpe = "cpe:2.3:o:example:" + slug + "_firmware:*:*:*:*:*:*:*:*";
  d.identity.purl = "pkg:generic/example/" + slug + "-firmware";
  d.identity.models = {name + " EU"};
  for (const auto& v : versions) {
    Firmware f;
    f.version = v;
    d.firmware.push_back(f);
  }
  return d;
}

Advisory MakeAdvisory() {
  Advisory a;
  a.id = "EX-SA-2026-0001";
  a.title = "Buffer overflow in the gateways";
  a.summary = "A crafted packet crashes the gateways.";
  a.published = At("2026-02-01T10:00:00Z");
  a.updated = At("2026-02-03T08:00:00Z");
  a.where = {"advisories/2026/EX-SA-2026-0001.md", 1, 1};
  a.body.plain = "Details\n\nThe parser trusts a length field.";

  Vulnerability v;
  v.cve = "CVE-2026-0001";
  v.cwe = "CWE-787";
  v.title = "Out-of-bounds write in the packet parser";
  v.cvss_v3 = CvssScore{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5, Severity3::kHigh, {}};
  v.cvss_v4 = CvssScore{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N", 8.7,
                        Severity3::kHigh, {}};
  v.actively_exploited = true;
  v.where = {"advisories/2026/EX-SA-2026-0001.md", 9, 1};
  a.vulnerabilities.push_back(v);

  a.affected.push_back({Loc("gw-1"), Loc(">= 1.0.0, < 1.0.1"), Loc("1.0.1")});  // closed range
  a.affected.push_back({Loc("gw-2"), Loc("< 2.0.0"), Loc("2.0.0")});            // open range
  a.not_affected.push_back({Loc("gw-3"), "vulnerable_code_not_present"});

  Remediation r;
  r.category = "vendor_fix";
  r.details.plain = "Update the firmware.";
  r.url = "/downloads/";
  a.remediations.push_back(r);
  Remediation only_gw2;
  only_gw2.category = "mitigation";
  only_gw2.details.plain = "Block UDP 5000.";
  only_gw2.devices = {Loc("gw-2")};
  a.remediations.push_back(only_gw2);

  a.references.push_back({"/privacy/", "Privacy notice"});
  a.acknowledgments.push_back({{"Jane Researcher"}, "Example Labs"});
  a.revisions.push_back({At("2026-02-01T10:00:00Z"), "Initial publication.", {}});
  a.revisions.push_back({At("2026-02-03T08:00:00Z"), "Fixed versions corrected.", {}});
  a.severity = Severity3::kHigh;
  a.max_score = 8.7;
  a.actively_exploited = true;
  return a;
}

Site MakeSite() {
  Site site;
  site.config.site.base_url = "https://psirt.example.com";
  site.config.site.language = "en";
  site.config.manufacturer.trade_name = "Example";
  site.config.publisher.name = "Example PSIRT";
  site.config.publisher.namespace_ = "https://example.com";
  site.config.publisher.contact_details = "psirt@example.com";
  site.config.csaf.legal_notice.plain = "Provided as is.";
  site.build.build_time = At("2026-11-01T00:00:00Z");
  site.build.generator_version = "9.9.9";
  site.devices.push_back(MakeDevice("gw-1", "Example Gateway 1", {"1.1.0", "1.0.1", "1.0.0", "0.9.0"}));
  site.devices.back().firmware[1].sbom_url = "/sbom/gw-1/1.0.1.json";
  site.devices.push_back(MakeDevice("gw-2", "Example Gateway 2", {"2.0.0", "1.5.0"}));
  site.devices.push_back(MakeDevice("gw-3", "Example Gateway 3", {"3.0.0"}));
  for (size_t i = 0; i < site.devices.size(); ++i) site.device_by_slug[site.devices[i].slug] = i;
  site.advisories.push_back(MakeAdvisory());
  site.advisory_by_id["EX-SA-2026-0001"] = 0;
  return site;
}

json Render(const Site& site, const Advisory& a, Diagnostics& diags) {
  return json::parse(RenderCsafDocument(site, a, diags));
}

// The branch of `tree` for product_name `name`.
json Versions(const json& doc, const std::string& name) {
  for (const auto& b : doc["product_tree"]["branches"][0]["branches"]) {
    if (b["name"] == name) return b["branches"];
  }
  return json();
}

TEST_CASE("CSAF file names follow CSAF 2.0 section 5.1") {
  CHECK(CsafFileName("ACME-SA-2026-0007") == "acme-sa-2026-0007.json");
  CHECK(CsafFileName("Example Company - 2020-YH4711") == "example_company_-_2020-yh4711.json");
  CHECK(CsafFileName("RHSA-2019:1862") == "rhsa-2019_1862.json");
  CHECK(CsafFileName("a+b..c") == "a+b_c.json");
  Advisory a = MakeAdvisory();
  CHECK(CsafDocumentPath(a) == "/.well-known/csaf/white/2026/ex-sa-2026-0001.json");
}

TEST_CASE("the document part: profile, TLP, publisher, notes, references, tracking") {
  Site site = MakeSite();
  Diagnostics diags;
  json doc = Render(site, site.advisories[0], diags);
  CHECK(diags.Sorted().empty());
  const json& d = doc["document"];
  CHECK(d["category"] == "csaf_security_advisory");
  CHECK(d["csaf_version"] == "2.0");
  CHECK(d["lang"] == "en");
  CHECK(d["title"] == "Buffer overflow in the gateways");
  CHECK(d["distribution"] == json::parse(R"({"tlp":{"label":"WHITE","url":"https://www.first.org/tlp/"}})"));
  CHECK(d["publisher"] == json::parse(R"({"category":"vendor","contact_details":"psirt@example.com",
      "name":"Example PSIRT","namespace":"https://example.com"})"));
  CHECK(d["aggregate_severity"] == json::parse(R"({"text":"High"})"));
  CHECK(d["acknowledgments"] == json::parse(R"([{"names":["Jane Researcher"],"organization":"Example Labs"}])"));
  CHECK(d["notes"] == json::parse(R"([
      {"category":"summary","text":"A crafted packet crashes the gateways.","title":"Summary"},
      {"category":"details","text":"Details\n\nThe parser trusts a length field.","title":"Details"},
      {"category":"legal_disclaimer","text":"Provided as is.","title":"Terms of use"}])"));
  CHECK(d["references"][0] == json::parse(R"({"category":"self","summary":"Canonical URL of this CSAF document",
      "url":"https://psirt.example.com/.well-known/csaf/white/2026/ex-sa-2026-0001.json"})"));
  CHECK(d["references"][1]["url"] == "https://psirt.example.com/advisories/EX-SA-2026-0001/");
  CHECK(d["references"][2] == json::parse(R"({"category":"external","summary":"Privacy notice",
      "url":"https://psirt.example.com/privacy/"})"));
  CHECK(d["references"].size() == 6);  // + the three device pages
  CHECK(d["references"][5]["url"] == "https://psirt.example.com/devices/gw-3/");
  CHECK(d["tracking"] == json::parse(R"({
      "current_release_date":"2026-02-03T08:00:00Z",
      "generator":{"engine":{"name":"herald","version":"9.9.9"}},
      "id":"EX-SA-2026-0001",
      "initial_release_date":"2026-02-01T10:00:00Z",
      "revision_history":[
        {"date":"2026-02-01T10:00:00Z","number":"1","summary":"Initial publication."},
        {"date":"2026-02-03T08:00:00Z","number":"2","summary":"Fixed versions corrected."}],
      "status":"final","version":"2"})"));
}

TEST_CASE("product tree: listed releases for closed ranges, vers for open ones, stable ids") {
  Site site = MakeSite();
  Diagnostics diags;
  json doc = Render(site, site.advisories[0], diags);
  const json& vendor = doc["product_tree"]["branches"][0];
  CHECK(vendor["category"] == "vendor");
  CHECK(vendor["name"] == "Example");
  CHECK(vendor["branches"].size() == 3);
  CHECK(vendor["branches"][0]["category"] == "product_name");

  json gw1 = Versions(doc, "Example Gateway 1");
  REQUIRE(gw1.size() == 2);  // 1.0.0 (affected, the only release in range) and 1.0.1 (fixed)
  CHECK(gw1[0] == json::parse(R"({"category":"product_version","name":"1.0.0","product":{
      "name":"Example Gateway 1 firmware 1.0.0","product_id":"gw-1:1.0.0",
      "product_identification_helper":{
        "cpe":"cpe:2.3:o:example:gw-1_firmware:1.0.0:*:*:*:*:*:*:*",
        "model_numbers":["Example Gateway 1 EU"],
        "purl":"pkg:generic/example/gw-1-firmware@1.0.0"}}})"));
  CHECK(gw1[1]["product"]["product_id"] == "gw-1:1.0.1");
  CHECK(gw1[1]["product"]["product_identification_helper"]["sbom_urls"] ==
        json::parse(R"(["https://psirt.example.com/sbom/gw-1/1.0.1.json"])"));

  json gw2 = Versions(doc, "Example Gateway 2");
  REQUIRE(gw2.size() == 3);  // 1.5.0 and 2.0.0, then the open range itself
  CHECK(gw2[0]["product"]["product_id"] == "gw-2:1.5.0");
  CHECK(gw2[1]["product"]["product_id"] == "gw-2:2.0.0");
  CHECK(gw2[2] == json::parse(R"({"category":"product_version_range","name":"vers:generic/<2.0.0",
      "product":{"name":"Example Gateway 2 firmware < 2.0.0","product_id":"gw-2:vers:generic/<2.0.0",
      "product_identification_helper":{"cpe":"cpe:2.3:o:example:gw-2_firmware:*:*:*:*:*:*:*:*",
        "model_numbers":["Example Gateway 2 EU"],"purl":"pkg:generic/example/gw-2-firmware"}}})"));

  json gw3 = Versions(doc, "Example Gateway 3");
  REQUIRE(gw3.size() == 1);
  CHECK(gw3[0]["name"] == "vers:generic/*");
  CHECK(gw3[0]["product"]["product_id"] == "gw-3:vers:generic/*");
}

TEST_CASE("vulnerability: status, flags, remediations, threats, scores, CWE, CVSS 4.0 note") {
  Site site = MakeSite();
  Diagnostics diags;
  json v = Render(site, site.advisories[0], diags)["vulnerabilities"][0];
  CHECK(v["cve"] == "CVE-2026-0001");
  CHECK_FALSE(v.contains("ids"));
  CHECK(v["title"] == "Out-of-bounds write in the packet parser");
  CHECK(v["cwe"] == json::parse(R"({"id":"CWE-787","name":"Out-of-bounds Write"})"));
  CHECK(v["product_status"] == json::parse(R"({
      "fixed":["gw-1:1.0.1","gw-2:2.0.0"],
      "known_affected":["gw-1:1.0.0","gw-2:1.5.0","gw-2:vers:generic/<2.0.0"],
      "known_not_affected":["gw-3:vers:generic/*"]})"));
  CHECK(v["flags"] == json::parse(R"([{"label":"vulnerable_code_not_present","product_ids":["gw-3:vers:generic/*"]}])"));
  CHECK(v["remediations"] == json::parse(R"([
      {"category":"vendor_fix","details":"Update the firmware.",
       "product_ids":["gw-1:1.0.0","gw-2:1.5.0","gw-2:vers:generic/<2.0.0"],
       "url":"https://psirt.example.com/downloads/"},
      {"category":"mitigation","details":"Block UDP 5000.",
       "product_ids":["gw-2:1.5.0","gw-2:vers:generic/<2.0.0"]}])"));
  CHECK(v["scores"] == json::parse(R"([{"cvss_v3":{
      "attackComplexity":"LOW","attackVector":"NETWORK","availabilityImpact":"HIGH",
      "baseScore":7.5,"baseSeverity":"HIGH","confidentialityImpact":"NONE","integrityImpact":"NONE",
      "privilegesRequired":"NONE","scope":"UNCHANGED","userInteraction":"NONE",
      "vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H","version":"3.1"},
      "products":["gw-1:1.0.0","gw-2:1.5.0","gw-2:vers:generic/<2.0.0"]}])"));
  CHECK(v["notes"] == json::parse(R"j([
      {"category":"description","text":"Out-of-bounds write in the packet parser","title":"Vulnerability description"},
      {"category":"other","text":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N (base score 8.7, High)","title":"CVSS v4.0"}])j"));
  REQUIRE(v["threats"].size() == 2);
  CHECK(v["threats"][0] == json::parse(R"({"category":"impact",
      "details":"The vulnerable code is not present in this product.","product_ids":["gw-3:vers:generic/*"]})"));
  CHECK(v["threats"][1]["category"] == "exploit_status");
  CHECK(v["threats"][1]["product_ids"] == v["product_status"]["known_affected"]);
}

TEST_CASE("profiles: VEX ids without CVE, informational and incident notices without vulnerabilities") {
  Site site = MakeSite();
  Diagnostics diags;
  Advisory vex = MakeAdvisory();
  vex.category = AdvisoryCategory::kVex;
  vex.vulnerabilities[0].cve.clear();
  json doc = Render(site, vex, diags);
  CHECK(doc["document"]["category"] == "csaf_vex");
  CHECK(doc["vulnerabilities"][0]["ids"] ==
        json::parse(R"([{"system_name":"Example PSIRT","text":"EX-SA-2026-0001#1"}])"));

  Advisory info = MakeAdvisory();
  info.category = AdvisoryCategory::kInformational;
  info.vulnerabilities.clear();
  info.affected = {{Loc("gw-1"), Loc(""), Loc("")}};
  info.not_affected.clear();
  info.remediations.resize(1);
  info.max_score = 0;
  doc = Render(site, info, diags);
  CHECK(doc["document"]["category"] == "csaf_informational_advisory");
  CHECK_FALSE(doc.contains("vulnerabilities"));
  CHECK_FALSE(doc["document"].contains("aggregate_severity"));
  CHECK(Versions(doc, "Example Gateway 1")[0]["name"] == "vers:generic/*");
  CHECK(doc["document"]["notes"][2] == json::parse(R"({"category":"general",
      "text":"Example Gateway 1.","title":"Products concerned"})"));
  CHECK(doc["document"]["notes"][3] == json::parse(R"({"category":"general",
      "text":"- Vendor fix: Update the firmware. https://psirt.example.com/downloads/","title":"Recommended actions"})"));

  Advisory incident = info;
  incident.category = AdvisoryCategory::kIncident;
  doc = Render(site, incident, diags);
  CHECK(doc["document"]["category"] == "csaf_security_incident_response");
  CHECK_FALSE(doc.contains("product_tree"));  // nothing could reference its products
  CHECK(diags.Sorted().empty());
}

TEST_CASE("a CWE id outside the catalogue is an error at the vulnerability") {
  Site site = MakeSite();
  site.advisories[0].vulnerabilities[0].cwe = "CWE-99999";
  Diagnostics diags;
  json v = Render(site, site.advisories[0], diags)["vulnerabilities"][0];
  CHECK_FALSE(v.contains("cwe"));
  REQUIRE(diags.Sorted().size() == 1);
  CHECK(FormatDiagnostic(diags.Sorted()[0]) ==
        "advisories/2026/EX-SA-2026-0001.md:9:1: error: 'cwe' is CWE-99999, which is not in the "
        "CWE 4.17 catalogue herald ships (data/README.md)");
}

TEST_CASE("documents are sorted, indented JSON with a trailing newline, identical every time") {
  Site site = MakeSite();
  Diagnostics diags;
  std::string text = RenderCsafDocument(site, site.advisories[0], diags);
  CHECK(text.rfind("{\n  \"document\": {\n    \"acknowledgments\": [\n", 0) == 0);
  CHECK(text.back() == '\n');
  CHECK(text.find("\"product_tree\"") < text.find("\"vulnerabilities\""));
  CHECK(RenderCsafDocument(site, site.advisories[0], diags) == text);
}

TEST_CASE("the provider directory lists exactly the documents written") {
  Site site = MakeSite();
  Advisory older = MakeAdvisory();
  older.id = "EX-SA-2025-0009";
  older.published = At("2025-12-30T09:00:00Z");
  older.updated = older.published;
  older.revisions = {{older.published, "Initial publication.", {}}};
  site.advisories.push_back(older);
  Advisory amber = MakeAdvisory();
  amber.id = "EX-SA-2026-0002";
  amber.tlp = "AMBER";
  site.advisories.push_back(amber);

  Output out;
  Diagnostics diags;
  RenderCsaf(site, &out, diags);
  CHECK(diags.Sorted().empty());
  const std::string white = ".well-known/csaf/white/";
  const std::string doc = white + "2026/ex-sa-2026-0001.json";
  REQUIRE(out.count(doc));
  CHECK_FALSE(out.count(white + "2026/ex-sa-2026-0002.json"));  // AMBER is never published
  CHECK(out[doc + ".sha256"] == Sha256Hex(out[doc]) + "  ex-sa-2026-0001.json\n");
  CHECK(out[doc + ".sha512"] == Sha512Hex(out[doc]) + "  ex-sa-2026-0001.json\n");
  CHECK(out[white + "index.txt"] == "2025/ex-sa-2025-0009.json\n2026/ex-sa-2026-0001.json\n");
  CHECK(out[white + "changes.csv"] ==
        "\"2026/ex-sa-2026-0001.json\",\"2026-02-03T08:00:00Z\"\n"
        "\"2025/ex-sa-2025-0009.json\",\"2025-12-30T09:00:00Z\"\n");

  json meta = json::parse(out[".well-known/csaf/provider-metadata.json"]);
  CHECK(meta == json::parse(R"({
      "canonical_url":"https://psirt.example.com/.well-known/csaf/provider-metadata.json",
      "distributions":[{"directory_url":"https://psirt.example.com/.well-known/csaf/white/",
        "rolie":{"feeds":[{"summary":"All TLP:WHITE advisories of Example PSIRT.","tlp_label":"WHITE",
          "url":"https://psirt.example.com/.well-known/csaf/white/csaf-feed-tlp-white.json"}],
          "services":["https://psirt.example.com/.well-known/csaf/service.json"]}}],
      "last_updated":"2026-11-01T00:00:00Z",
      "list_on_CSAF_aggregators":true,
      "metadata_version":"2.0",
      "mirror_on_CSAF_aggregators":true,
      "publisher":{"category":"vendor","contact_details":"psirt@example.com","name":"Example PSIRT",
        "namespace":"https://example.com"},
      "role":"csaf_provider"})"));

  json feed = json::parse(out[white + "csaf-feed-tlp-white.json"])["feed"];
  CHECK(feed["category"] == json::parse(
      R"([{"scheme":"urn:ietf:params:rolie:category:information-type","term":"csaf"}])"));
  CHECK(feed["updated"] == "2026-02-03T08:00:00Z");
  REQUIRE(feed["entry"].size() == 2);
  const std::string url = "https://psirt.example.com/" + doc;
  CHECK(feed["entry"][0] == json::parse(R"({
      "content":{"src":")" + url + R"(","type":"application/json"},
      "format":{"schema":"https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json","version":"2.0"},
      "id":"EX-SA-2026-0001",
      "link":[{"href":")" + url + R"(","rel":"self"},{"href":")" + url + R"(.sha256","rel":"hash"},
              {"href":")" + url + R"(.sha512","rel":"hash"}],
      "published":"2026-02-01T10:00:00Z",
      "summary":{"content":"A crafted packet crashes the gateways."},
      "title":"Buffer overflow in the gateways",
      "updated":"2026-02-03T08:00:00Z"})"));
  CHECK(out.count(".well-known/csaf/service.json"));

  for (const char* folder : {".well-known/csaf/", ".well-known/csaf/white/",
                             ".well-known/csaf/white/2025/", ".well-known/csaf/white/2026/"}) {
    CHECK(out.count(std::string(folder) + "index.html"));
  }
  const std::string& listing = out[white + "2026/index.html"];
  CHECK(listing.find("<li><a href=\"../\">../</a></li>\n"
                     "<li><a href=\"ex-sa-2026-0001.json\">ex-sa-2026-0001.json</a></li>\n"
                     "<li><a href=\"ex-sa-2026-0001.json.sha256\">ex-sa-2026-0001.json.sha256</a></li>\n") !=
        std::string::npos);
  CHECK(out[white + "index.html"].find("<li><a href=\"2025/\">2025/</a></li>\n<li><a href=\"2026/\">") !=
        std::string::npos);
}

}  // namespace
}  // namespace herald
