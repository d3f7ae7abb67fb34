// IncrementalBuild on a copy of the example site in a temporary folder: after
// every edit of a scripted series the kept output must equal a fresh build
// of the same files byte for byte, and only what the edit touches is parsed
// and rendered again.
#include "build/incremental.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>

#include "render/theme.h"
#include "temp_site.h"

namespace herald {
namespace {

using testing::CheckSameAsFresh;
using testing::Has;
using testing::Step;
using testing::TempSite;
namespace fs = std::filesystem;

const char kAdvisory[] = "advisories/2025/ACME-SA-2025-0003.md";

TEST_CASE("a scripted series of edits: after each, the output equals a fresh build") {
  TempSite site;
  IncrementalBuild build(site.options);
  RebuildStats first = Step(build, {});
  REQUIRE(first.ok);
  CHECK(first.pages_rendered == first.pages_planned);
  CheckSameAsFresh(build, site.options);
  const size_t pages = first.pages_planned;

  SUBCASE("content, template, site.toml, add, delete, rename, static") {
    // An advisory's body: that file is parsed again; its page, the lists and
    // its devices' pages are rendered again, nothing else.
    site.Write(kAdvisory, site.Read(kAdvisory) + "\nOne more paragraph.\n");
    RebuildStats s = Step(build, {kAdvisory});
    REQUIRE(s.ok);
    CHECK(!s.full);
    CHECK(s.files_parsed == 1);
    CHECK(s.pages_rendered >= 1);
    CHECK(s.pages_rendered <= 12);
    CHECK(Has(s.changed, "advisories/ACME-SA-2025-0003/index.html"));
    CHECK(!Has(s.changed, "advisories/ACME-SA-2026-0001/index.html"));
    CheckSameAsFresh(build, site.options);

    // Its title: the lists, home and device pages that show it follow.
    site.Replace(kAdvisory, "title = \"", "title = \"Renamed: ");
    s = Step(build, {kAdvisory});
    REQUIRE(s.ok);
    CHECK(Has(s.changed, "advisories/index.html"));
    CHECK(s.pages_rendered < pages);
    CheckSameAsFresh(build, site.options);

    // A page template of the site's theme: only the pages using it.
    const auto& embedded = EmbeddedDefaultTheme();
    REQUIRE(embedded.count("templates/advisory.mustache"));
    site.Write("themes/default/templates/advisory.mustache",
               embedded.at("templates/advisory.mustache") + "<!-- site override -->\n");
    s = Step(build, {"themes/default/templates/advisory.mustache"});
    REQUIRE(s.ok);
    CHECK(s.files_parsed == 0);
    size_t advisory_pages = 0;
    for (const auto& path : build.output()->Keys()) {
      advisory_pages += path.rfind("advisories/ACME-", 0) == 0 && path.find("/index.html") != std::string::npos;
    }
    CHECK(s.pages_rendered == advisory_pages);
    CheckSameAsFresh(build, site.options);

    // A partial every page includes: every page.
    REQUIRE(embedded.count("templates/partials/footer.mustache"));
    site.Write("themes/default/templates/partials/footer.mustache",
               embedded.at("templates/partials/footer.mustache") + "<!-- footer -->\n");
    s = Step(build, {"themes/default/templates/partials/footer.mustache"});
    REQUIRE(s.ok);
    CHECK(s.pages_rendered == pages);
    CheckSameAsFresh(build, site.options);

    // site.toml: everything.
    site.Replace("site.toml", "title = \"Acme PSIRT\"", "title = \"Acme Product Security\"");
    s = Step(build, {"site.toml"});
    REQUIRE(s.ok);
    CHECK(s.pages_rendered == pages);
    CheckSameAsFresh(build, site.options);

    // A new advisory.
    std::string copy = site.Read("advisories/2026/ACME-SA-2026-0001.md");
    size_t id = copy.find("ACME-SA-2026-0001");
    copy.replace(id, 17, "ACME-SA-2026-0099");
    site.Write("advisories/2026/ACME-SA-2026-0099.md", copy);
    s = Step(build, {"advisories/2026/ACME-SA-2026-0099.md"});
    REQUIRE(s.ok);
    CHECK(s.pages_planned == pages + 1);
    CHECK(Has(s.changed, "advisories/ACME-SA-2026-0099/index.html"));
    CheckSameAsFresh(build, site.options);

    // Renamed (file and id together).
    std::string moved = site.Read("advisories/2026/ACME-SA-2026-0099.md");
    moved.replace(moved.find("ACME-SA-2026-0099"), 17, "ACME-SA-2026-0098");
    fs::remove(site.root / "advisories/2026/ACME-SA-2026-0099.md");
    site.Write("advisories/2026/ACME-SA-2026-0098.md", moved);
    s = Step(build, {"advisories/2026/ACME-SA-2026-0099.md", "advisories/2026/ACME-SA-2026-0098.md"});
    REQUIRE(s.ok);
    CHECK(Has(s.changed, "advisories/ACME-SA-2026-0099/index.html"));  // removed
    CHECK(!build.output()->Contains("advisories/ACME-SA-2026-0099/index.html"));
    CheckSameAsFresh(build, site.options);

    // Deleted.
    fs::remove(site.root / "advisories/2026/ACME-SA-2026-0098.md");
    s = Step(build, {"advisories/2026/ACME-SA-2026-0098.md"});
    REQUIRE(s.ok);
    CHECK(s.pages_planned == pages);
    CheckSameAsFresh(build, site.options);

    // A whole device folder renamed: its guides move with it.
    fs::rename(site.root / "content/devices/lock-300", site.root / "content/devices/lock-301");
    s = Step(build, {"content/devices/lock-300", "content/devices/lock-301"}, true);
    CHECK(!s.ok);  // advisories still name lock-300
    fs::rename(site.root / "content/devices/lock-301", site.root / "content/devices/lock-300");
    s = Step(build, {"content/devices/lock-300", "content/devices/lock-301"});
    REQUIRE(s.ok);
    CheckSameAsFresh(build, site.options);

    // Static files come and go.
    site.Write("static/img/logo.svg", "<svg/>");
    s = Step(build, {"static/img/logo.svg"});
    REQUIRE(s.ok);
    CHECK(s.changed == std::vector<std::string>{"img/logo.svg"});
    fs::remove_all(site.root / "static");
    s = Step(build, {"static"});
    REQUIRE(s.ok);
    CHECK(s.changed == std::vector<std::string>{"img/logo.svg"});
    CheckSameAsFresh(build, site.options);
  }

  SUBCASE("a broken file keeps the last good output until it is fixed") {
    auto good = build.output();
    std::string text = site.Read(kAdvisory);
    site.Replace(kAdvisory, "published = 2025-08-26T09:00:00Z", "published = 2025-13-26");
    Diagnostics diags;
    build.Invalidate(kAdvisory);
    RebuildStats s = build.Rebuild(diags);
    CHECK(!s.ok);
    CHECK(s.readable);
    CHECK(build.output() == good);
    bool located = false;
    for (const auto& d : diags.Sorted()) {
      located |= d.severity == Severity::kError && d.where.path == kAdvisory && d.where.line > 1 &&
                 d.where.column > 0;
    }
    CHECK(located);
    site.Write(kAdvisory, text);
    s = Step(build, {kAdvisory});
    REQUIRE(s.ok);
    CHECK(s.changed.empty());  // back to the same bytes
    CheckSameAsFresh(build, site.options);
  }

  SUBCASE("an edit the watcher missed is still seen by its size and time") {
    site.Write(kAdvisory, site.Read(kAdvisory) + "\nUnannounced edit.\n");
    RebuildStats s = Step(build, {});
    REQUIRE(s.ok);
    CHECK(s.files_parsed == 1);
    CHECK(Has(s.changed, "advisories/ACME-SA-2025-0003/index.html"));
    CheckSameAsFresh(build, site.options);
  }

  SUBCASE("a site.toml option that changes parsing parses every file again") {
    site.Replace("site.toml", "raw_html = false", "raw_html = true");
    RebuildStats s = Step(build, {"site.toml"});
    REQUIRE(s.ok);
    CHECK(s.files_parsed == first.files_parsed);
    CheckSameAsFresh(build, site.options);
  }

  SUBCASE("nothing changed: nothing parsed, nothing rendered, nothing announced") {
    RebuildStats s = Step(build, {});
    REQUIRE(s.ok);
    CHECK(s.files_parsed == 0);
    CHECK(s.pages_rendered == 0);
    CHECK(s.changed.empty());
  }
}

// An advisory of the scale test: small, so 2,000 of them build in seconds.
std::string SyntheticAdvisory(int n) {
  char id[32];
  std::snprintf(id, sizeof id, "GEN-SA-%d-%04d", 2010 + n % 15, n);
  std::string date = std::to_string(2010 + n % 15) + "-0" + std::to_string(1 + n % 9) + "-1" +
                     std::to_string(n % 10) + "T09:00:00Z";
  return std::string("+++\nid = \"") + id + "\"\ntitle = \"Synthetic advisory " + std::to_string(n) +
         "\"\ncategory = \"security_advisory\"\nstatus = \"final\"\npublished = " + date +
         "\ntlp = \"CLEAR\"\nsummary = \"Number " + std::to_string(n) + ".\"\n\n"
         "[[vulnerabilities]]\ncwe = \"CWE-287\"\ntitle = \"Improper authentication\"\n"
         "cvss_v3 = \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"\n\n"
         "[[affected]]\ndevice = \"hub-200\"\nversions = \">= 2.0.0, < 2.4.1\"\nfixed = \"2.4.1\"\n\n"
         "[[remediations]]\ncategory = \"vendor_fix\"\ndetails = \"Update to 2.4.1.\"\n\n"
         "[[revisions]]\ndate = " + date + "\nsummary = \"Initial publication.\"\n+++\nDetails.\n";
}

TEST_CASE("in a site of 2,000 advisories, an edit of one re-renders a handful of pages") {
  TempSite site;
  for (int n = 0; n < 2000; ++n) {
    std::string text = SyntheticAdvisory(n);
    std::string id = text.substr(text.find("GEN-SA-"), 16);
    site.Write("advisories/" + id.substr(7, 4) + "/" + id + ".md", text);
  }
  IncrementalBuild build(site.options);
  RebuildStats first = Step(build, {});
  REQUIRE(first.ok);
  CHECK(first.pages_planned > 2000);

  const std::string file = "advisories/2011/GEN-SA-2011-0001.md";
  site.Replace(file, "Details.", "Details, revised.");
  RebuildStats body = Step(build, {file});
  REQUIRE(body.ok);
  MESSAGE("body edit: " << body.files_parsed << " file parsed, " << body.pages_rendered << " of "
          << body.pages_planned << " pages rendered, " << body.changed.size() << " files changed in "
          << body.total_ms << " ms (load " << body.load_ms << ", render " << body.render_ms << ")");
  CHECK(!body.full);
  CHECK(body.files_parsed == 1);
  // Its page, home, the two lists, hub-200's page and coverage, the site coverage.
  CHECK(body.pages_rendered >= 1);
  CHECK(body.pages_rendered <= 10);
  CHECK(Has(body.changed, "advisories/GEN-SA-2011-0001/index.html"));
  CHECK(Has(body.changed, ".well-known/csaf/white/2011/gen-sa-2011-0001.json"));
  CHECK(Has(body.changed, "devices/hub-200/feed.atom"));
  CHECK(!Has(body.changed, "advisories/GEN-SA-2011-0002/index.html"));

  site.Replace(file, "title = \"Synthetic", "title = \"Retitled synthetic");
  RebuildStats title = Step(build, {file});
  REQUIRE(title.ok);
  MESSAGE("title edit: " << title.pages_rendered << " of " << title.pages_planned
          << " pages rendered in " << title.total_ms << " ms");
  CHECK(title.pages_rendered <= 10);  // its page, the lists, home, hub-200's page
  CHECK(Has(title.changed, "advisories/index.html"));
  CHECK(Has(title.changed, "devices/hub-200/index.html"));
  // Equality with a fresh build is the series above; a fresh build of 2,000
  // advisories here would double the time of this test.
}

TEST_CASE("a site that cannot be read is reported as such") {
  SourceOptions options;
  options.site_dir = "/nonexistent/herald-site";
  IncrementalBuild build(options);
  Diagnostics diags;
  RebuildStats s = build.Rebuild(diags);
  CHECK(!s.ok);
  CHECK(!s.readable);
  CHECK(build.output()->empty());
}

}  // namespace
}  // namespace herald
