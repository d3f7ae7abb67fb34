// Tests for lint/advisory_rules.cpp: CVE and CWE ids, TLP, year folders,
// revisions of final advisories, and the devices an advisory names.
#include <doctest/doctest.h>

#include "lint_site.h"

namespace herald::testing {
namespace {

constexpr char kSecond[] = "advisories/2026/TEST-SA-2026-0002.md";

std::string Second(const std::string& from = "", const std::string& to = "") {
  std::string text = Replace(kAdvisory, "TEST-SA-2026-0001", "TEST-SA-2026-0002");
  return from.empty() ? text : Replace(text, from, to);
}

TEST_CASE("cve-duplicate: a CVE in two advisories is a warning on both, naming the other") {
  auto files = BaseFiles();
  files[kSecond] = Second();
  CHECK(Findings(files, "cve-duplicate") ==
        "advisories/2026/TEST-SA-2026-0001.md:10:7: warning: CVE-2026-0001 is also named by "
        "TEST-SA-2026-0002 (advisories/2026/TEST-SA-2026-0002.md:10:7); a CVE belongs in one "
        "advisory: add a revision to one of them, or mark the older one superseded_by the newer "
        "[cve-duplicate]\n"
        "advisories/2026/TEST-SA-2026-0002.md:10:7: warning: CVE-2026-0001 is also named by "
        "TEST-SA-2026-0001 (advisories/2026/TEST-SA-2026-0001.md:10:7); a CVE belongs in one "
        "advisory: add a revision to one of them, or mark the older one superseded_by the newer "
        "[cve-duplicate]\n");
}

TEST_CASE("cve-duplicate: superseded and withdrawn advisories may repeat a CVE") {
  auto files = BaseFiles();
  files[kAdvisoryPath] = Replace(kAdvisory, "summary = \"A crafted",
                                 "superseded_by = \"TEST-SA-2026-0002\"\nsummary = \"A crafted");
  files[kSecond] = Second();
  CHECK(Findings(files, "cve-duplicate") == "");
  files[kAdvisoryPath] = std::string(kAdvisory);
  files[kSecond] = Second("+++\nDetails.",
                          "[withdrawn]\ndate = 2026-03-01\nreason = \"Duplicate.\"\n"
                          "+++\nDetails.");
  CHECK(Findings(files, "cve-duplicate") == "");
}

TEST_CASE("cve-duplicate: a CVE twice in one advisory is an error (CSAF allows it once)") {
  auto files = BaseFiles();
  files[kAdvisoryPath] =
      Replace(kAdvisory, "[[affected]]",
              "[[vulnerabilities]]\ncve = \"CVE-2026-0001\"\ntitle = \"Again\"\n\n"
              "[[affected]]");
  CHECK(Findings(files, "cve-duplicate") ==
        "advisories/2026/TEST-SA-2026-0001.md:16:7: error: CVE-2026-0001 is named by "
        "vulnerabilities 1 and 2 of this advisory; CSAF allows a CVE once per document: merge "
        "them into one [[vulnerabilities]] entry [cve-duplicate]\n");
}

TEST_CASE("cwe-unknown: ids outside the catalogue, in advisories the build does not render") {
  auto files = BaseFiles();
  files[kSecond] = Second("status = \"final\"", "status = \"draft\"");
  files[kSecond] = Replace(files[kSecond], "CWE-787", "CWE-99999");
  files[kSecond] = Replace(files[kSecond], "CVE-2026-0001", "CVE-2026-0002");
  CHECK(Findings(files, "cwe-unknown") ==
        "advisories/2026/TEST-SA-2026-0002.md:11:7: error: 'cwe' is CWE-99999, which is not in "
        "the CWE 4.17 catalogue herald ships (data/README.md); expected a weakness id from "
        "https://cwe.mitre.org, such as CWE-787 [cwe-unknown]\n");
  files[kSecond] = Replace(files[kSecond], "CWE-99999", "CWE-71");
  CHECK(Findings(files, "cwe-unknown") ==
        "advisories/2026/TEST-SA-2026-0002.md:11:7: warning: CWE-71 (DEPRECATED: Apple "
        "'.DS_Store') is deprecated in the CWE 4.17 catalogue; name a current weakness "
        "[cwe-unknown]\n");
}

TEST_CASE("cwe-unknown: a published advisory is left to the build's CSAF writer") {
  auto files = BaseFiles();
  files[kAdvisoryPath] = Replace(kAdvisory, "CWE-787", "CWE-99999");
  CHECK(Findings(files, "cwe-unknown") == "");
  CHECK(Findings(files, "") ==
        "advisories/2026/TEST-SA-2026-0001.md:9:1: error: 'cwe' is CWE-99999, which is not in "
        "the CWE 4.17 catalogue herald ships (data/README.md)\n");
}

TEST_CASE("tlp-not-clear: a withheld TLP:AMBER advisory warns; a CLEAR draft does not") {
  auto files = BaseFiles();
  files[kSecond] = Second("status = \"final\"", "status = \"interim\"\ntlp = \"AMBER\"");
  files[kSecond] = Replace(files[kSecond], "CVE-2026-0001", "CVE-2026-0002");
  CHECK(Findings(files, "tlp-not-clear") ==
        "advisories/2026/TEST-SA-2026-0002.md:6:7: warning: TLP is AMBER, so builds skip this "
        "advisory; TLP:AMBER information must not reach a site repository by mistake: set "
        "tlp = \"CLEAR\" once it may be published, or keep the file out of this branch "
        "[tlp-not-clear]\n");
  files[kSecond] = Second("status = \"final\"", "status = \"draft\"");
  CHECK(Findings(files, "tlp-not-clear") == "");
}

TEST_CASE("tlp-not-clear: a TLP from csaf.default_tlp points at the advisory's id") {
  auto files = BaseFiles();
  files["site.toml"] = std::string(kSiteToml) + "\n[csaf]\ndefault_tlp = \"GREEN\"\n";
  CHECK(Findings(files, "tlp-not-clear") ==
        "advisories/2026/TEST-SA-2026-0001.md:2:6: warning: TLP is GREEN, so builds skip this "
        "advisory; TLP:GREEN information must not reach a site repository by mistake: set "
        "tlp = \"CLEAR\" once it may be published, or keep the file out of this branch "
        "[tlp-not-clear]\n");
}

TEST_CASE("advisory-year: the folder is the year of publication") {
  auto files = BaseFiles();
  files.erase(kAdvisoryPath);
  files["advisories/2025/TEST-SA-2026-0001.md"] = kAdvisory;
  CHECK(Findings(files, "advisory-year") ==
        "advisories/2025/TEST-SA-2026-0001.md:6:13: error: advisory published on 2026-02-01 is "
        "in advisories/2025/; move it to advisories/2026/ (the folder is the year of "
        "publication) [advisory-year]\n");
}

TEST_CASE("final-without-revision: final needs a revision, interim does not") {
  auto files = BaseFiles();
  std::string bare = Replace(kAdvisory,
                             "[[revisions]]\ndate = 2026-02-01T10:00:00Z\n"
                             "summary = \"Initial publication.\"\n",
                             "");
  files[kAdvisoryPath] = bare;
  CHECK(Findings(files, "final-without-revision") ==
        "advisories/2026/TEST-SA-2026-0001.md:5:10: error: a final advisory needs at least one "
        "[[revisions]] entry (date and summary of the initial release); CSAF documents carry the "
        "revision history [final-without-revision]\n");
  files[kAdvisoryPath] = Replace(bare, "status = \"final\"", "status = \"interim\"");
  CHECK(Findings(files, "final-without-revision") == "");
}

TEST_CASE("device-mention: affected and not affected at once; remediations for unaffected") {
  auto files = BaseFiles();
  files["content/devices/gw-2/index.md"] = Replace(kDevice, "Test Gateway 1", "Test Gateway 2");
  files[kAdvisoryPath] = Replace(
      kAdvisory, "[[remediations]]\ncategory = \"vendor_fix\"\ndetails = \"Update to 1.0.1.\"",
      "[[not_affected]]\ndevice = \"gw-1\"\njustification = \"vulnerable_code_not_present\"\n\n"
      "[[not_affected]]\ndevice = \"gw-2\"\njustification = \"vulnerable_code_not_present\"\n\n"
      "[[remediations]]\ncategory = \"workaround\"\ndetails = \"Block the port.\"\n"
      "devices = [\"gw-1\", \"gw-2\"]");
  CHECK(Findings(files, "device-mention") ==
        "advisories/2026/TEST-SA-2026-0001.md:21:10: error: device 'gw-1' is in both [[affected]] "
        "(line 16) and [[not_affected]]; a device is either affected or not: remove one entry "
        "[device-mention]\n"
        "advisories/2026/TEST-SA-2026-0001.md:31:20: warning: remediation names device 'gw-2', "
        "which [[not_affected]] lists as not affected; remediations are for affected devices "
        "[device-mention]\n");
}

TEST_CASE("the base site is clean") { CHECK(Findings(BaseFiles(), "*") == ""); }

}  // namespace
}  // namespace herald::testing
