// Tests for validate/assemble: cross-file rules, derived values, the
// publication filter and the indexes, on hand-built LoadedFiles.
#include "validate/assemble.h"

#include <doctest/doctest.h>

#include <string>

namespace herald {
namespace {

constexpr Timestamp kDay = 86400;
const Timestamp kMar14 = *ParseRfc3339("2026-03-14T09:00:00Z");

Device MakeDevice(const std::string& slug, std::vector<std::string> versions = {}) {
  Device d;
  d.slug = slug;
  d.where = {"content/devices/" + slug + "/index.md", 1, 1};
  for (size_t i = 0; i < versions.size(); ++i) {
    Firmware fw;
    fw.version = versions[i];
    fw.where = {d.where.path, 40 + static_cast<int>(i) * 5, 1};
    d.firmware.push_back(fw);
  }
  return d;
}

Advisory MakeAdvisory(const std::string& id, Timestamp published, const std::string& device = "") {
  Advisory a;
  a.id = id;
  a.title = id;
  a.published = published;
  a.where = {"advisories/2026/" + id + ".md", 1, 1};
  if (!device.empty()) a.affected.push_back({{device, {a.where.path, 20, 10}}, {}, {}});
  return a;
}

Guide MakeGuide(const std::string& device, const std::string& name) {
  Guide g;
  g.device = device;
  g.name = name;
  g.where = {"content/devices/" + device + "/guides/" + name + ".md", 1, 1};
  return g;
}

CvssScore Score(double base, Severity3 severity) { return {"", base, severity, {}}; }

struct Run {
  Site site;
  std::string messages;  // every diagnostic, formatted, one per line
  const std::string& Messages() const { return messages; }
};

Run Assemble(LoadedFiles files, BuildInfo build = {}, DateSources dates = {}) {
  Diagnostics diags;
  if (build.build_time == 0) build.build_time = kMar14;
  Run run{AssembleSite(std::move(files), build, dates, diags), ""};
  for (const auto& d : diags.Sorted()) run.messages += FormatDiagnostic(d) + "\n";
  return run;
}

LoadedFiles Basic() {
  LoadedFiles f;
  f.devices.push_back(MakeDevice("hub-200", {"2.4.0", "2.4.1"}));
  f.devices.push_back(MakeDevice("hub-100", {"1.0"}));
  return f;
}

TEST_CASE("a consistent site assembles without diagnostics") {
  LoadedFiles f = Basic();
  Advisory a = MakeAdvisory("ACME-SA-2026-0001", kMar14, "hub-200");
  a.affected[0].versions = {">= 2.0.0, < 2.4.1", {a.where.path, 21, 12}};
  a.affected[0].fixed = {"2.4.1", {a.where.path, 22, 9}};
  f.advisories.push_back(a);
  Run run = Assemble(std::move(f));
  CHECK(run.Messages() == "");
  REQUIRE((run.site.advisories.size() == 1 && run.site.devices.size() == 2));
  CHECK(run.site.devices[0].slug == "hub-100");  // sorted by slug
  CHECK(run.site.FindDevice("hub-200") == &run.site.devices[1]);
  // Firmware is sorted newest first.
  CHECK(run.site.devices[1].firmware[0].version == "2.4.1");
  CHECK(run.site.FindAdvisory("ACME-SA-2026-0001") == &run.site.advisories[0]);
  CHECK(run.site.FindAdvisory("nope") == nullptr);
}

TEST_CASE("an unknown device reference is reported where it is written") {
  LoadedFiles f = Basic();
  f.advisories.push_back(MakeAdvisory("ACME-SA-2026-0001", kMar14, "hub-300"));
  Run run = Assemble(std::move(f));
  CHECK(run.Messages() ==
        "advisories/2026/ACME-SA-2026-0001.md:20:10: error: [[affected]] names device 'hub-300', "
        "which does not exist; expected a folder of content/devices/ (hub-100, hub-200)\n");
}

TEST_CASE("references to files that failed to load are not reported again") {
  LoadedFiles f = Basic();
  f.advisories.push_back(MakeAdvisory("ACME-SA-2026-0001", kMar14, "hub-300"));
  f.devices[0].firmware[0].advisories = {{"ACME-SA-2026-0008", {"x", 1, 1}}};
  f.device_files = {"hub-100", "hub-200", "hub-300"};
  f.advisory_files = {"ACME-SA-2026-0001", "ACME-SA-2026-0008"};
  CHECK(Assemble(std::move(f)).Messages() == "");
}

TEST_CASE("devices named by vulnerabilities, remediations and not_affected") {
  LoadedFiles f = Basic();
  Advisory a = MakeAdvisory("ACME-SA-2026-0001", kMar14, "hub-200");
  const std::string p = a.where.path;
  a.not_affected.push_back({{"hub-9", {p, 25, 10}}, "component_not_present"});
  a.vulnerabilities.resize(1);
  a.vulnerabilities[0].devices = {{"hub-100", {p, 12, 12}}};
  a.remediations.resize(1);
  a.remediations[0].devices = {{"hub-100", {p, 30, 12}}, {"nope", {p, 30, 23}}};
  f.advisories.push_back(a);
  Run run = Assemble(std::move(f));
  const std::string list = "; expected a folder of content/devices/ (hub-100, hub-200)\n";
  CHECK(run.Messages() ==
        p + ":12:12: error: vulnerability names device 'hub-100', which is not in the advisory's "
            "[[affected]] or [[not_affected]] [device-mention]\n" +
        p + ":25:10: error: [[not_affected]] names device 'hub-9', which does not exist" + list +
        p + ":30:12: error: remediation names device 'hub-100', which the advisory does not "
            "mention in [[affected]] or [[not_affected]] [device-mention]\n" +
        p + ":30:23: error: [[remediations]] devices names device 'nope', which does not exist" +
        list);
}

TEST_CASE("a duplicate advisory id names the other file") {
  LoadedFiles f = Basic();
  f.advisories.push_back(MakeAdvisory("ACME-SA-2026-0001", kMar14));
  Advisory dup = MakeAdvisory("ACME-SA-2026-0001", kMar14);
  dup.where.path = "advisories/2025/ACME-SA-2026-0001.md";
  f.advisories.push_back(dup);
  Run run = Assemble(std::move(f));
  CHECK(run.Messages() ==
        "advisories/2025/ACME-SA-2026-0001.md:1:1: error: duplicate advisory id "
        "'ACME-SA-2026-0001'; it is also used by advisories/2026/ACME-SA-2026-0001.md\n");
}

TEST_CASE("revisions must have strictly increasing dates") {
  LoadedFiles f = Basic();
  Advisory a = MakeAdvisory("ACME-SA-2026-0001", 0);
  a.revisions = {{kMar14, "Initial.", {a.where.path, 30, 1}},
                 {kMar14, "Same time.", {a.where.path, 34, 1}},
                 {kMar14 + kDay, "Later.", {a.where.path, 38, 1}},
                 {kMar14, "Earlier.", {a.where.path, 42, 1}}};
  f.advisories.push_back(a);
  Run run = Assemble(std::move(f));
  const std::string tail =
      "; revisions are listed oldest first with strictly increasing dates (give two revisions "
      "on one day a time of day) [revision-order]\n";
  CHECK(run.Messages() ==
        "advisories/2026/ACME-SA-2026-0001.md:34:1: error: revision 2 (2026-03-14T09:00:00Z) is "
        "not later than revision 1 (2026-03-14T09:00:00Z)" + tail +
        "advisories/2026/ACME-SA-2026-0001.md:42:1: error: revision 4 (2026-03-14T09:00:00Z) is "
        "not later than revision 3 (2026-03-15T09:00:00Z)" + tail);
  // published and updated come from the first and last revision.
  CHECK(run.site.advisories[0].published == kMar14);
  CHECK(run.site.advisories[0].updated == kMar14);
}

TEST_CASE("version ranges and fixed versions are checked against the device") {
  LoadedFiles f = Basic();
  Advisory a = MakeAdvisory("ACME-SA-2026-0001", kMar14, "hub-200");
  a.affected[0].versions = {"latest", {a.where.path, 21, 12}};
  a.affected[0].fixed = {"2.4.2", {a.where.path, 22, 9}};
  f.advisories.push_back(a);
  Run run = Assemble(std::move(f));
  CHECK(run.Messages() ==
        "advisories/2026/ACME-SA-2026-0001.md:21:12: error: 'versions' is not a version range: "
        "'latest' is not a version; expected constraints such as '>= 2.0.0, < 2.4.1' "
        "[version-range]\n"
        "advisories/2026/ACME-SA-2026-0001.md:22:9: error: fixed version '2.4.2' is not a "
        "[[firmware]] release of device 'hub-200'; add the release to "
        "content/devices/hub-200/index.md or correct the version [version-unlisted]\n");
}

TEST_CASE("firmware may not name an unpublished advisory") {
  LoadedFiles f = Basic();
  Advisory draft = MakeAdvisory("ACME-SA-2026-0002", kMar14);
  draft.status = AdvisoryStatus::kDraft;
  Advisory amber = MakeAdvisory("ACME-SA-2026-0003", kMar14);
  amber.tlp = "AMBER";
  f.advisories = {MakeAdvisory("ACME-SA-2026-0001", kMar14), draft, amber};
  Firmware& fw = f.devices[0].firmware[1];  // hub-200 2.4.1
  const std::string p = f.devices[0].where.path;
  fw.advisories = {{"ACME-SA-2026-0001", {p, 50, 16}},
                   {"ACME-SA-2026-0002", {p, 50, 37}},
                   {"ACME-SA-2026-0003", {p, 50, 58}},
                   {"ACME-SA-2026-0009", {p, 50, 79}}};
  BuildInfo build;
  build.drafts = true;  // --drafts shows drafts locally but must not excuse a leak
  Run run = Assemble(std::move(f), build);
  const std::string leak =
      "', which is not published (draft or TLP other than CLEAR); naming it here would leak it\n";
  CHECK(run.Messages() == p + ":50:37: error: firmware 2.4.1 names advisory 'ACME-SA-2026-0002" +
                              leak + p + ":50:58: error: firmware 2.4.1 names advisory "
                              "'ACME-SA-2026-0003" + leak + p + ":50:79: error: firmware 2.4.1 "
                              "names advisory 'ACME-SA-2026-0009', which does not exist\n");
}

TEST_CASE("a supported capability needs its guide") {
  LoadedFiles f = Basic();
  Device& d = f.devices[0];  // hub-200
  d.capabilities.software_update = {true, "software-update", {d.where.path, 60, 1}};
  d.capabilities.configuration = {true, "configuration", {d.where.path, 57, 1}};
  d.capabilities.identification = {false, "device-identifiers", {d.where.path, 54, 1}};
  f.guides.push_back(MakeGuide("hub-200", "configuration"));
  Run run = Assemble(std::move(f));
  CHECK(run.Messages() ==
        "content/devices/hub-200/index.md:60:1: error: capability is supported but its guide "
        "'software-update' does not exist; add content/devices/hub-200/guides/software-update.md "
        "or name an existing guide with 'guide'\n");
  CHECK(run.site.guides_by_device["hub-200"] == std::vector<size_t>{0});
}

TEST_CASE("other device and guide rules") {
  LoadedFiles f = Basic();
  f.devices[1].firmware.push_back(f.devices[1].firmware[0]);  // hub-100 1.0 twice
  f.devices[1].firmware[1].where.line = 99;
  f.guides.push_back(MakeGuide("hub-999", "other"));
  Run run = Assemble(std::move(f));
  CHECK(run.Messages() ==
        "content/devices/hub-100/index.md:99:1: error: firmware version '1.0' is listed twice\n"
        "content/devices/hub-999/guides/other.md:1:1: error: guide is in "
        "content/devices/hub-999/guides/ but there is no device 'hub-999' "
        "(content/devices/hub-999/index.md is missing)\n");
}

TEST_CASE("each page role except other is used once") {
  LoadedFiles f = Basic();
  auto page = [](const std::string& name, const std::string& role) {
    Page p{name, "", role, {}, {}, {"content/pages/" + name + ".md", 1, 1}, {}};
    return p;
  };
  f.pages = {page("privacy", "privacy"), page("a", "other"), page("b", "other"),
             page("data", "privacy")};
  Run run = Assemble(std::move(f));
  CHECK(run.Messages() ==
        "content/pages/data.md:1:1: error: role 'privacy' is already taken by "
        "content/pages/privacy.md; only role \"other\" may be used by several pages\n");
  REQUIRE(run.site.pages.size() == 4);
  CHECK((run.site.pages[0].name == "a" && run.site.pages[3].name == "privacy"));  // by name
}

TEST_CASE("advisory-level rules: superseded_by and actively exploited") {
  LoadedFiles f = Basic();
  Advisory a = MakeAdvisory("ACME-SA-2026-0001", kMar14);
  a.superseded_by = {"ACME-SA-2026-0099", {a.where.path, 9, 17}};
  a.vulnerabilities.resize(1);
  a.vulnerabilities[0].actively_exploited = true;
  f.advisories.push_back(a);
  Run run = Assemble(std::move(f));
  CHECK(run.Messages() ==
        "advisories/2026/ACME-SA-2026-0001.md:1:1: error: advisory ACME-SA-2026-0001 marks a "
        "vulnerability as actively exploited but has no [[remediations]]; say what customers "
        "must do\n"
        "advisories/2026/ACME-SA-2026-0001.md:9:17: error: 'superseded_by' names advisory "
        "'ACME-SA-2026-0099', which does not exist\n");
  CHECK(run.site.advisories[0].actively_exploited);
}

TEST_CASE("the publication filter: drafts and non-CLEAR advisories") {
  auto files = [] {
    LoadedFiles f = Basic();
    Advisory draft = MakeAdvisory("ACME-SA-2026-0002", kMar14);
    draft.status = AdvisoryStatus::kDraft;
    Advisory amber = MakeAdvisory("ACME-SA-2026-0003", kMar14);
    amber.tlp = "AMBER";
    Advisory amber_draft = MakeAdvisory("ACME-SA-2026-0004", kMar14);
    amber_draft.tlp = "AMBER";
    amber_draft.status = AdvisoryStatus::kDraft;
    Advisory red = MakeAdvisory("ACME-SA-2026-0005", kMar14);
    red.tlp = "RED";
    Advisory interim = MakeAdvisory("ACME-SA-2026-0006", kMar14);
    interim.status = AdvisoryStatus::kInterim;
    f.advisories = {MakeAdvisory("ACME-SA-2026-0001", kMar14), draft, amber, amber_draft, red,
                    interim};
    return f;
  };
  auto ids = [](const Site& site) {
    std::string out;
    for (const auto& a : site.advisories) out += a.id.substr(13) + (a.published_out ? " " : "* ");
    return out;
  };
  Run normal = Assemble(files());
  CHECK(normal.Messages() == "");
  CHECK(ids(normal.site) == "0006 0001 ");
  BuildInfo build;
  build.drafts = true;
  Run drafts = Assemble(files(), build);
  CHECK(ids(drafts.site) == "0006 0002* 0001 ");  // AMBER and RED never, even as drafts
}

TEST_CASE("advisories are sorted newest first and indexed by device") {
  LoadedFiles f = Basic();
  f.advisories = {MakeAdvisory("ACME-SA-2026-0001", kMar14 - 10 * kDay, "hub-200"),
                  MakeAdvisory("ACME-SA-2026-0003", kMar14, "hub-100"),
                  MakeAdvisory("ACME-SA-2026-0002", kMar14, "hub-200"),
                  MakeAdvisory("ACME-SA-2026-0004", kMar14 - kDay)};
  f.advisories[1].not_affected.push_back({{"hub-200", {"x", 1, 1}}, ""});
  f.advisories[1].affected.push_back(f.advisories[1].affected[0]);  // named twice, indexed once
  Run run = Assemble(std::move(f));
  CHECK(run.Messages() == "");
  REQUIRE(run.site.advisories.size() == 4);
  // Same date: the higher id first.
  std::string order;
  for (const auto& a : run.site.advisories) order += a.id.substr(13) + " ";
  CHECK(order == "0003 0002 0004 0001 ");
  CHECK(run.site.advisory_by_id.at("ACME-SA-2026-0001") == 3);
  CHECK(run.site.advisories_by_device.at("hub-200") == std::vector<size_t>{0, 1, 3});
  CHECK(run.site.advisories_by_device.at("hub-100") == std::vector<size_t>{0});
  CHECK(run.site.advisories_by_device.size() == 2);
}

TEST_CASE("severity is the highest over CVSS v3 and v4") {
  Vulnerability mixed, critical, unscored, low;
  mixed.cvss_v3 = Score(6.5, Severity3::kMedium);
  mixed.cvss_v4 = Score(8.7, Severity3::kHigh);
  critical.cvss_v3 = Score(9.8, Severity3::kCritical);
  low.cvss_v4 = Score(2.1, Severity3::kLow);
  low.cvss_v3 = Score(0.0, Severity3::kNone);
  LoadedFiles f = Basic();
  f.advisories = {MakeAdvisory("ACME-SA-2026-0001", kMar14),
                  MakeAdvisory("ACME-SA-2026-0002", kMar14 - kDay),
                  MakeAdvisory("ACME-SA-2026-0003", kMar14 - 2 * kDay)};
  f.advisories[0].vulnerabilities = {mixed, critical, unscored};
  f.advisories[1].vulnerabilities = {unscored};
  f.advisories[2].vulnerabilities = {low};
  Run run = Assemble(std::move(f));
  const auto& out = run.site.advisories;
  CHECK((out[0].severity == Severity3::kCritical && out[0].max_score == doctest::Approx(9.8)));
  CHECK((out[1].severity == Severity3::kNone && out[1].max_score == 0));
  CHECK((out[2].severity == Severity3::kLow && out[2].max_score == doctest::Approx(2.1)));
}

TEST_CASE("dates come from Git history, else the tree, and updated is never before published") {
  std::map<std::string, FileHistory> history = {
      {"advisories/2026/ACME-SA-2026-0001.md", {kMar14 - kDay, kMar14 + kDay}},
      {"content/devices/hub-200/index.md", {kMar14 - 9 * kDay, kMar14 - 2 * kDay}}};
  auto tree = OpenMemoryTree({}, kMar14 - 5 * kDay);
  LoadedFiles f = Basic();
  f.advisories = {MakeAdvisory("ACME-SA-2026-0001", 0), MakeAdvisory("ACME-SA-2026-0002", 0),
                  MakeAdvisory("ACME-SA-2026-0003", kMar14 + 3 * kDay)};
  f.advisories[2].where.path = f.advisories[0].where.path;  // history ends before published
  Run run = Assemble(std::move(f), {}, {&history, tree.get()});
  const Advisory* a1 = run.site.FindAdvisory("ACME-SA-2026-0001");
  const Advisory* a2 = run.site.FindAdvisory("ACME-SA-2026-0002");
  const Advisory* a3 = run.site.FindAdvisory("ACME-SA-2026-0003");
  REQUIRE((a1 && a2 && a3));
  CHECK((a1->published == kMar14 - kDay && a1->updated == kMar14 + kDay));
  // Not in history: the file time.
  CHECK((a2->published == kMar14 - 5 * kDay && a2->updated == kMar14 - 5 * kDay));
  CHECK(a3->updated == a3->published);
  CHECK(run.site.FindDevice("hub-200")->updated == kMar14 - 2 * kDay);
  CHECK(run.site.FindDevice("hub-100")->updated == kMar14 - 5 * kDay);

  SUBCASE("file times outside Git are clamped") {
    auto late = OpenMemoryTree({}, kMar14 + 7 * kDay);
    LoadedFiles g = Basic();
    g.advisories = {MakeAdvisory("ACME-SA-2026-0001", 0)};
    Run clamped = Assemble(std::move(g), {}, {nullptr, late.get(), kMar14});
    CHECK(clamped.site.advisories[0].published == kMar14);
    CHECK(clamped.site.devices[0].updated == kMar14);
  }
  SUBCASE("file times already read are used, others asked of the tree, all clamped") {
    LoadedFiles g = Basic();
    g.advisories = {MakeAdvisory("ACME-SA-2026-0001", 0)};
    std::map<std::string, Timestamp> times = {{g.advisories[0].where.path, kMar14 - 7 * kDay},
                                              {"content/devices/hub-200/index.md", kMar14 + kDay}};
    Run read = Assemble(std::move(g), {}, {nullptr, tree.get(), kMar14, &times});
    CHECK(read.site.advisories[0].published == kMar14 - 7 * kDay);
    CHECK(read.site.FindDevice("hub-200")->updated == kMar14);
    CHECK(read.site.FindDevice("hub-100")->updated == kMar14 - 5 * kDay);
  }
}

TEST_CASE("DeriveDeviceStatus") {
  const Timestamp d0 = *ParseRfc3339("2026-01-01");
  auto device = [](DateOrTba eos, DateOrTba esupport, DateOrTba eol) {
    Device d;
    d.support.end_of_sales = eos;
    d.support.end_of_security_support = esupport;
    d.support.end_of_life = eol;
    return d;
  };
  const DateOrTba tba, on{false, d0}, passed{false, d0 - 30 * kDay};
  // Every date tba: on sale.
  CHECK(DeriveDeviceStatus(device(tba, tba, tba), d0) == DeviceStatus::kOnSale);
  // End of sales: on sale through that whole day, supported after.
  CHECK(DeriveDeviceStatus(device(on, tba, tba), d0 - 1) == DeviceStatus::kOnSale);
  CHECK(DeriveDeviceStatus(device(on, tba, tba), d0 + kDay - 1) == DeviceStatus::kOnSale);
  CHECK(DeriveDeviceStatus(device(on, tba, tba), d0 + kDay) == DeviceStatus::kSupported);
  // End of security support passed: unsupported.
  CHECK(DeriveDeviceStatus(device(passed, on, tba), d0 + kDay - 1) == DeviceStatus::kSupported);
  CHECK(DeriveDeviceStatus(device(passed, on, tba), d0 + kDay) == DeviceStatus::kUnsupported);
  // End of life passed: end of life, whatever else.
  const DateOrTba future{false, d0 + 100 * kDay};
  CHECK(DeriveDeviceStatus(device(tba, future, on), d0) == DeviceStatus::kOnSale);
  CHECK(DeriveDeviceStatus(device(tba, future, on), d0 + kDay) == DeviceStatus::kEndOfLife);

  SUBCASE("the derived status lands on the assembled device") {
    LoadedFiles f;
    f.devices.push_back(device(passed, {false, d0 - kDay}, tba));
    f.devices[0].slug = "old";
    BuildInfo build;
    build.build_time = d0;
    CHECK(Assemble(std::move(f), build).site.devices[0].status == DeviceStatus::kUnsupported);
  }
}

}  // namespace
}  // namespace herald
