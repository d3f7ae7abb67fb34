// not_shortened against Git history (baseline PST-6): a device's end of
// security support must never be earlier than a value an earlier commit
// had. A scripted repository, loaded as `herald build` and `herald check`
// load a site.
#include <doctest/doctest.h>

#include <sstream>

#include "build/load_site.h"
#include "coverage/coverage.h"
#include "../scripted_repo.h"

namespace herald {
namespace {

using testing::ScriptedRepo;

constexpr Timestamp kJan = 1767261600;    // 2026-01-01T10:00:00Z
constexpr Timestamp kFeb = 1769940000;    // 2026-02-01T10:00:00Z
constexpr Timestamp kMar = 1772359200;    // 2026-03-01T10:00:00Z
constexpr Timestamp kApr = 1775037600;    // 2026-04-01T10:00:00Z
constexpr Timestamp kNow = 1793491200;    // 2026-11-01T00:00:00Z

const char kSiteToml[] =
    "[site]\ntitle = \"T\"\nbase_url = \"https://security.t.example\"\n"
    "[manufacturer]\nlegal_name = \"T Ltd\"\npostal_address = \"1 Street\"\nemail = \"i@t.example\"\n"
    "[publisher]\nname = \"T PSIRT\"\nnamespace = \"https://t.example\"\n"
    "[disclosure]\ncontact = [\"mailto:psirt@t.example\"]\n";

/// A device sold in the UK (so PST-6 applies) whose support ends at `end`
/// (a TOML value), written on line 16, column 27 of its file.
std::string DeviceFile(const std::string& end) {
  return "+++\nmarkets = [\"uk\"]\n[identity]\nname = \"Gateway\"\nmodels = [\"GW1\"]\n"
         "[intended_use]\npurpose = \"Test.\"\n[capabilities]\n"
         "identification = { supported = false }\nconfiguration = { supported = false }\n"
         "data_protection = { supported = false }\ninterface_access = { supported = false }\n"
         "software_update = { supported = false }\nstate_awareness = { supported = false }\n"
         "[support]\nend_of_security_support = " + end + "\ngeneral_availability = 2024-01-01\n"
         "end_of_sales = \"tba\"\nend_of_life = \"tba\"\nbasis = \"guaranteed\"\nautomatic_updates = false\n"
         "+++\nA gateway.\n";
}

struct Result {
  std::string pst6;    // "status: reason"
  std::string where;   // path:line:col the finding points at, or ""
  std::string text;    // herald check --coverage, text format
};

Result Check(const ScriptedRepo& repo, const std::string& ref = "") {
  SourceOptions options;
  options.site_dir = repo.Dir();
  options.ref = ref;
  options.source_date_epoch = kNow;
  Diagnostics diags;
  auto loaded = LoadSite(options, diags);
  REQUIRE(loaded);
  REQUIRE_FALSE(diags.HasErrors());
  const Device* d = loaded->site.FindDevice("gw-1");
  REQUIRE(d);
  CoverageReport r = EvaluateDevice(loaded->site, *d, BuiltinBaseline());
  Result out;
  for (const ItemResult& x : r.results) {
    if (x.item->id != "PST-6") continue;
    out.pst6 = std::string(CoverageStatusName(x.status)) + (x.reason.empty() ? "" : ": " + x.reason);
    if (!x.where.path.empty()) {
      out.where = x.where.path + ":" + std::to_string(x.where.line) + ":" + std::to_string(x.where.column);
    }
  }
  std::ostringstream text;
  PrintCoverage(loaded->site, "text", false, text);
  out.text = text.str();
  return out;
}

}  // namespace

TEST_CASE("not_shortened: an end earlier than a committed one fails, naming the commit") {
  if (!ScriptedRepo::Available()) {
    MESSAGE("git is not installed; skipped");
    return;
  }
  ScriptedRepo repo;
  repo.Write("site.toml", kSiteToml);
  repo.Write("content/devices/gw-1/index.md", DeviceFile("2031-12-31"));
  std::string first = repo.Commit(kJan, "gw-1 supported until 2031");
  repo.Write("content/devices/gw-1/index.md", DeviceFile("2032-06-30"));
  std::string extended = repo.Commit(kFeb, "gw-1 extended");
  repo.Write("content/pages/about.md", "+++\ntitle = \"About\"\nrole = \"other\"\n+++\nAbout.\n");
  repo.Commit(kMar, "a page; the device is unchanged");

  CHECK(Check(repo).pst6 == "covered");

  SUBCASE("shortened in the working tree") {
    repo.Write("content/devices/gw-1/index.md", DeviceFile("2030-06-30"));
    Result r = Check(repo);
    CHECK(r.pst6 == "missing: end_of_security_support 2030-06-30 is earlier than 2032-06-30, its value in commit " +
                        extended.substr(0, 12) + " of 2026-02-01; a support period is never shortened");
    CHECK(r.where == "content/devices/gw-1/index.md:16:27");
    CHECK(r.text.find("\ncontent/devices/gw-1/index.md:16:27: warning: gw-1: PST-6 (") != std::string::npos);
  }
  SUBCASE("shortened and committed; the commit before it still counts") {
    repo.Write("content/devices/gw-1/index.md", DeviceFile("2032-01-31"));
    repo.Commit(kApr, "gw-1 shortened");
    CHECK(Check(repo).pst6 == "missing: end_of_security_support 2032-01-31 is earlier than 2032-06-30, its value "
                              "in commit " + extended.substr(0, 12) + " of 2026-02-01; a support period is never "
                              "shortened");
    // Building the first commit sees only its own history.
    CHECK(Check(repo, first).pst6 == "covered");
  }
  SUBCASE("of two later ends, the latest is named") {
    repo.Write("content/devices/gw-1/index.md", DeviceFile("2031-12-31"));
    repo.Commit(kApr, "gw-1 back to 2031");
    repo.Write("content/devices/gw-1/index.md", DeviceFile("2030-01-31"));
    CHECK(Check(repo).pst6.find("is earlier than 2032-06-30, its value in commit " + extended.substr(0, 12)) !=
          std::string::npos);
  }
  SUBCASE("an announced date after \"tba\" is no shortening; extending is fine") {
    repo.Write("content/devices/gw-1/index.md", DeviceFile("\"tba\""));
    repo.Commit(kApr, "gw-1 end open again");
    repo.Write("content/devices/gw-1/index.md", DeviceFile("2033-12-31"));
    CHECK(Check(repo).pst6 == "covered");
  }
}

}  // namespace herald
