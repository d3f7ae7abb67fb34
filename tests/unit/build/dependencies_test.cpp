// The dependency table (build/dependencies.h) and the site patch behind it:
// every kind of edit `herald serve` patches in, on a copy of the example
// site, each followed by the comparison with a fresh build of the same files.
// A page the table forgets shows up here as a file that differs.
#include "build/dependencies.h"

#include <doctest/doctest.h>

#include "render/theme.h"
#include "temp_site.h"

namespace herald {
namespace {

using testing::CheckSameAsFresh;
using testing::Has;
using testing::Step;
using testing::TempSite;
namespace fs = std::filesystem;

const char kFirmwareDowngrade[] = "advisories/2026/ACME-SA-2026-0001.md";  // hub-200, cam-100, lock-300
const char kInterim[] = "advisories/2026/ACME-SA-2026-0006.md";             // interim, CLEAR
const char kAmber[] = "advisories/2026/ACME-SA-2026-0005.md";               // TLP:AMBER, not published
const char kHub100[] = "content/devices/hub-100/index.md";
const char kHub200[] = "content/devices/hub-200/index.md";

// One patched edit: not a full rebuild, and the same output as a fresh build.
void Patched(IncrementalBuild& build, const TempSite& site, const std::vector<std::string>& touched) {
  RebuildStats s = Step(build, touched);
  REQUIRE(s.ok);
  CHECK(!s.full);
  CheckSameAsFresh(build, site.options);
}

TEST_CASE("every edit the dependency table covers leaves the output a fresh build gives") {
  TempSite site;
  IncrementalBuild build(site.options);
  REQUIRE(Step(build, {}).ok);

  SUBCASE("advisories: order, devices, publication, supersession, body") {
    site.Replace(kFirmwareDowngrade, "published = 2026-01-20T09:00:00Z", "published = 2024-01-20T09:00:00Z");
    Patched(build, site, {kFirmwareDowngrade});  // moves down the lists, keeps its CSAF path
    site.Replace(kFirmwareDowngrade, "[[remediations]]",
                 "[[not_affected]]\ndevice = \"hub-100\"\njustification = \"vulnerable_code_not_present\"\n\n"
                 "[[remediations]]");
    Patched(build, site, {kFirmwareDowngrade});  // hub-100 gains it
    site.Replace(kInterim, "status = \"interim\"", "status = \"draft\"");
    Patched(build, site, {kInterim});  // gone from every output
    CHECK(!build.output()->Contains("advisories/ACME-SA-2026-0006/index.html"));
    site.Replace(kInterim, "status = \"draft\"", "status = \"interim\"");
    Patched(build, site, {kInterim});
    site.Replace(kAmber, "tlp = \"AMBER\"", "tlp = \"CLEAR\"");
    Patched(build, site, {kAmber});  // published: page, CSAF document, lists
    CHECK(build.output()->Contains("advisories/ACME-SA-2026-0005/index.html"));
    site.Replace("advisories/2026/ACME-SA-2026-0004.md", "tlp = \"CLEAR\"",
                 "tlp = \"CLEAR\"\nsuperseded_by = \"ACME-SA-2026-0005\"");
    Patched(build, site, {"advisories/2026/ACME-SA-2026-0004.md"});
    site.Replace(kAmber, "title = \"", "title = \"Renamed: ");
    Patched(build, site, {kAmber});  // the page of the advisory it supersedes shows its title
    site.Write(kFirmwareDowngrade, site.Read(kFirmwareDowngrade) + "\nA last paragraph.\n");
    RebuildStats body = Step(build, {kFirmwareDowngrade});
    REQUIRE(body.ok);
    CHECK(!Has(body.changed, "advisories/index.html"));  // lists show no bodies
    CheckSameAsFresh(build, site.options);
  }

  SUBCASE("devices, guides and pages") {
    site.Replace(kHub100, "name = \"Acme Hub 100\"", "name = \"Acme Hub 100 Classic\"");
    Patched(build, site, {kHub100});  // advisories, CSAF product names, lists, support terms
    site.Replace(kHub100, "advisories = [\"ACME-SA-2025-0002\"]",
                 "advisories = [\"ACME-SA-2025-0002\", \"ACME-SA-2026-0001\"]");
    Patched(build, site, {kHub100});
    site.Write(kHub200, site.Read(kHub200) + "\nOne more paragraph about the hub.\n");
    Patched(build, site, {kHub200});
    const char guide[] = "content/devices/hub-100/guides/configuration.md";
    site.Replace(guide, "title = \"", "title = \"How to: ");
    Patched(build, site, {guide});  // the device page and the other guides list its title
    site.Write("content/pages/privacy.md", site.Read("content/pages/privacy.md") + "\nUpdated.\n");
    Patched(build, site, {"content/pages/privacy.md"});
    // A new title changes the navigation of every page: a full build.
    site.Replace("content/pages/privacy.md", "title = \"", "title = \"Our ");
    RebuildStats title = Step(build, {"content/pages/privacy.md"});
    REQUIRE(title.ok);
    CHECK(title.full);
    CheckSameAsFresh(build, site.options);
  }

  SUBCASE("an advisory and a device it names, edited together") {
    site.Replace(kHub200, "name = \"Acme Hub 200\"", "name = \"Acme Hub 200 Pro\"");
    site.Replace(kFirmwareDowngrade, "title = \"", "title = \"Updated: ");
    Patched(build, site, {kHub200, kFirmwareDowngrade});
  }

  SUBCASE("errors keep the last good output; what they name still counts after the fix") {
    auto good = build.output();
    std::string text = site.Read(kFirmwareDowngrade);
    site.Replace(kFirmwareDowngrade, "device = \"cam-100\"", "device = \"cam-999\"");
    RebuildStats bad = Step(build, {kFirmwareDowngrade}, true);
    CHECK(!bad.ok);
    CHECK(build.output() == good);
    site.Write(kHub100, site.Read(kHub100) + "\nEdited while the advisory is broken.\n");
    CHECK(!Step(build, {kHub100}, true).ok);  // still broken
    site.Write(kFirmwareDowngrade, text);
    Patched(build, site, {kFirmwareDowngrade});  // both edits arrive
    // Deleting an advisory that another one names is an error, found by a full build.
    fs::remove(site.root / "advisories/2025/ACME-SA-2025-0004.md");
    RebuildStats gone = Step(build, {"advisories/2025/ACME-SA-2025-0004.md"}, true);
    CHECK(!gone.ok);
    CHECK(gone.full);
  }

  SUBCASE("theme assets and static files beside the CSAF directory") {
    const auto& embedded = EmbeddedDefaultTheme();
    REQUIRE(embedded.count("static/assets/style.css"));
    site.Write("themes/default/static/assets/style.css", embedded.at("static/assets/style.css") + "/* x */\n");
    RebuildStats css = Step(build, {"themes/default/static/assets/style.css"});
    REQUIRE(css.ok);
    CHECK(css.changed == std::vector<std::string>{"assets/style.css"});
    CheckSameAsFresh(build, site.options);
    site.Write("static/.well-known/csaf/white/README.txt", "TLP:WHITE documents only.\n");
    Patched(build, site, {"static/.well-known/csaf/white/README.txt"});  // listed in its folder
    site.Write("static/assets/style.css", "body{}\n");
    Patched(build, site, {"static/assets/style.css"});  // a static file wins over the theme's
    fs::remove_all(site.root / "static");
    Patched(build, site, {"static"});
    CHECK(**build.output()->Find("assets/style.css") == embedded.at("static/assets/style.css") + "/* x */\n");
  }
}

}  // namespace
}  // namespace herald
