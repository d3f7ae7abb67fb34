// Tests for lint/release: reading a build's CSAF back (from memory and from
// a folder), what counts as an advisory's substance, and where two
// substances differ.
#include "lint/release.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "lint/check.h"
#include "lint_site.h"
#include "render/csaf.h"

namespace herald {
namespace {

using testing::BaseFiles;
using testing::kAdvisory;
using testing::kAdvisoryPath;
using testing::kNow;
using testing::Replace;

Output Render(std::map<std::string, std::string> files) {
  SourceOptions options;
  options.source_date_epoch = kNow;
  Diagnostics diags;
  auto loaded = LoadSiteFromTree(OpenMemoryTree(std::move(files), kNow), nullptr, options, diags);
  REQUIRE(loaded);
  Output out;
  RenderCsaf(loaded->site, &out, diags);
  REQUIRE_FALSE(diags.HasErrors());
  return out;
}

Release Read(const Output& output) {
  Release release;
  std::string error;
  REQUIRE(ReadRelease(output, &release, &error));
  CHECK(error.empty());
  return release;
}

TEST_CASE("ReadRelease reads every document index.txt lists") {
  Release r = Read(Render(BaseFiles()));
  REQUIRE(r.advisories.size() == 1);
  const ReleasedAdvisory& a = r.advisories.at("TEST-SA-2026-0001");
  CHECK(a.id == "TEST-SA-2026-0001");
  CHECK(a.title == "Buffer overflow in the test gateway");
  CHECK(a.path == ".well-known/csaf/white/2026/test-sa-2026-0001.json");
  CHECK(a.initial_release_date == "2026-02-01T10:00:00Z");
  CHECK(a.current_release_date == "2026-02-01T10:00:00Z");
  CHECK(a.version == 1);
  CHECK(a.substance.find("\"tracking\"") == std::string::npos);
  CHECK(a.substance.find("\"publisher\"") == std::string::npos);
  CHECK(a.substance.find("Out-of-bounds write in the packet parser") != std::string::npos);
}

TEST_CASE("the substance leaves out what site.toml and new revisions change") {
  auto files = BaseFiles();
  const std::string before = Read(Render(files)).advisories.begin()->second.substance;
  SUBCASE("publisher, legal notice and base URL are not the advisory's content") {
    files["site.toml"] = std::string(testing::kSiteToml) +
                         "\n[csaf]\nlegal_notice = \"New terms.\"\n";
    files["site.toml"] =
        Replace(files["site.toml"], "name = \"Test PSIRT\"", "name = \"Test CERT\"");
    files["site.toml"] = Replace(files["site.toml"], "https://security.test.example",
                                 "https://psirt.test.example");
    CHECK(Read(Render(files)).advisories.begin()->second.substance == before);
  }
  SUBCASE("a new revision changes tracking only") {
    files[kAdvisoryPath] = std::string(kAdvisory).replace(
        std::string(kAdvisory).find("+++\nDetails."), 0,
        "\n[[revisions]]\ndate = 2026-03-01T10:00:00Z\nsummary = \"Typo fixed.\"\n");
    Release r = Read(Render(files));
    CHECK(r.advisories.begin()->second.version == 2);
    CHECK(r.advisories.begin()->second.current_release_date == "2026-03-01T10:00:00Z");
    CHECK(r.advisories.begin()->second.substance == before);
  }
  SUBCASE("the text of the advisory is") {
    files[kAdvisoryPath] = Replace(kAdvisory, "Update to 1.0.1.", "Update to 1.0.1 now.");
    std::string after = Read(Render(files)).advisories.begin()->second.substance;
    CHECK(FirstDifference(before, after) == "/vulnerabilities/0/remediations/0/details");
  }
}

TEST_CASE("ReadRelease refuses what is not a herald build's output") {
  Release r;
  std::string error;
  SUBCASE("no index.txt") {
    CHECK_FALSE(ReadRelease(Output{{"index.html", "<p>"}}, &r, &error));
    CHECK(error == "there is no .well-known/csaf/white/index.txt; expected the output of a "
                   "herald build");
  }
  SUBCASE("a listed document is missing") {
    Output out{{".well-known/csaf/white/index.txt", "2026/a-1.json\n"}};
    CHECK_FALSE(ReadRelease(out, &r, &error));
    CHECK(error == ".well-known/csaf/white/index.txt lists 2026/a-1.json, but there is no "
                   ".well-known/csaf/white/2026/a-1.json");
  }
  SUBCASE("a document that is not CSAF") {
    Output out{{".well-known/csaf/white/index.txt", "2026/a-1.json\r\n\n"},
               {".well-known/csaf/white/2026/a-1.json", "{\"document\": {}"}};
    CHECK_FALSE(ReadRelease(out, &r, &error));
    CHECK(error == ".well-known/csaf/white/2026/a-1.json is not a CSAF document with "
                   "document.tracking.id");
  }
}

TEST_CASE("FirstDifference names the first changed place as a JSON pointer") {
  CHECK(FirstDifference(R"({"a":1,"b":[1,2]})", R"({"a":1,"b":[1,3]})") == "/b/1");
  CHECK(FirstDifference(R"({"a":1})", R"({"a":1,"c":true})") == "/c");
  CHECK(FirstDifference("not json", "{}") == "/");
}

TEST_CASE("LoadRelease reads an output folder, or explains why it cannot") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() /
                 ("herald-release-" + std::to_string(std::random_device{}()));
  for (const auto& [path, bytes] : Render(BaseFiles())) {
    fs::create_directories((dir / path).parent_path());
    std::ofstream(dir / path, std::ios::binary) << bytes;
  }
  SourceOptions options;
  Release r;
  std::string error;
  CHECK(LoadRelease(dir.string(), options, &r, &error));
  CHECK(r.origin == dir.string());
  CHECK(r.advisories.count("TEST-SA-2026-0001") == 1);

  fs::remove(dir / ".well-known/csaf/white/index.txt");
  CHECK_FALSE(LoadRelease(dir.string(), options, &r, &error));
  CHECK(error == "--against '" + dir.string() + "': there is no .well-known/csaf/white/index.txt; "
                 "expected the output of a herald build");
  options.site_dir = dir.string();  // not a Git repository
  CHECK_FALSE(LoadRelease("v1.0", options, &r, &error));
  CHECK(error == "--against 'v1.0' is not a folder; as a Git ref of the site: '" + dir.string() +
                     "' is not a Git repository, so it is not a Git ref");
  std::error_code ec;
  fs::remove_all(dir, ec);
}

TEST_CASE("without --against the publishing invariants report nothing") {
  auto files = BaseFiles();
  files.erase(kAdvisoryPath);
  std::string found = testing::Findings(files, "*");
  CHECK(found.find("advisory-removed") == std::string::npos);
}

}  // namespace
}  // namespace herald
