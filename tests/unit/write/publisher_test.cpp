// Tests for write/publisher: atomic publishing into a temp dir, and the
// output path check.
#include "write/publisher.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace herald {
namespace {

namespace fs = std::filesystem;

/// A fresh folder under the system temp dir, removed with everything in it.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("herald-pub-" + std::to_string(std::random_device{}()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

/// Every regular file under `root` as relative path → contents.
Output ReadBack(const fs::path& root) {
  Output out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    out[fs::relative(entry.path(), root).generic_string()] = ss.str();
  }
  return out;
}

/// Names directly in `dir`, sorted.
std::vector<std::string> Names(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) out.push_back(entry.path().filename());
  std::sort(out.begin(), out.end());
  return out;
}

std::string Messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.Sorted()) out += FormatDiagnostic(d) + "\n";
  return out;
}

const Output kFirst = {{"index.html", "<h1>one</h1>"},
                       {"advisories/X-1/index.html", "x1"},
                       {"old/only-in-first.txt", "stale"},
                       {".well-known/security.txt", "Contact: mailto:p@example.com\n"}};
const Output kSecond = {{"index.html", "<h1>two</h1>"},
                        {"advisories/X-1/index.html", "x1 v2"},
                        {"feeds/advisories.json", std::string("{\"a\":\0}", 8)}};

TEST_CASE("PublishToDirectory writes every file") {
  TempDir tmp;
  Diagnostics diags;
  const fs::path out = tmp.path / "public";
  REQUIRE(PublishToDirectory(kFirst, out.string(), diags));
  CHECK(Messages(diags) == "");
  CHECK(ReadBack(out) == kFirst);
  CHECK(Names(tmp.path) == std::vector<std::string>{"public"});  // no staging folder left

  SUBCASE("into folders that do not exist yet, with a trailing slash") {
    const fs::path deep = tmp.path / "a/b/site";
    REQUIRE(PublishToDirectory(kSecond, deep.string() + "/", diags));
    CHECK(ReadBack(deep) == kSecond);
    CHECK(Names(tmp.path / "a/b") == std::vector<std::string>{"site"});
  }
  SUBCASE("an empty output is an empty folder") {
    REQUIRE(PublishToDirectory({}, out.string(), diags));
    CHECK(fs::is_directory(out));
    CHECK(fs::is_empty(out));
  }
}

TEST_CASE("PublishToDirectory replaces the previous build, stale files included") {
  TempDir tmp;
  Diagnostics diags;
  const fs::path out = tmp.path / "public";
  REQUIRE(PublishToDirectory(kFirst, out.string(), diags));
  // Something a user left in the output folder goes too: the folder is herald's.
  std::ofstream(out / "manual.txt") << "x";
  REQUIRE(PublishToDirectory(kSecond, out.string(), diags));
  CHECK(Messages(diags) == "");
  CHECK(ReadBack(out) == kSecond);
  CHECK_FALSE(fs::exists(out / "old"));
  CHECK(Names(tmp.path) == std::vector<std::string>{"public"});  // no .old or .tmp folder left
}

TEST_CASE("a failing publish leaves the previous output as it was") {
  TempDir tmp;
  Diagnostics diags;
  const fs::path out = tmp.path / "public";
  REQUIRE(PublishToDirectory(kFirst, out.string(), diags));

  SUBCASE("an unsafe path is refused before anything is written") {
    Output bad = kSecond;
    bad["../escaped.txt"] = "x";
    CHECK_FALSE(PublishToDirectory(bad, out.string(), diags));
    CHECK(Messages(diags) == "herald: error: refusing to write unsafe output path "
                             "'../escaped.txt'\n");
    CHECK_FALSE(fs::exists(tmp.path / "escaped.txt"));
  }
  SUBCASE("a file that cannot be written") {
    Output bad = kSecond;
    bad["feeds"] = "a file where a folder must be";
    CHECK_FALSE(PublishToDirectory(bad, out.string(), diags));
    CHECK(diags.ErrorCount() == 1);
    CHECK(Messages(diags).rfind("herald: error: cannot write ", 0) == 0);
  }
  CHECK(ReadBack(out) == kFirst);
  CHECK(Names(tmp.path) == std::vector<std::string>{"public"});
}

TEST_CASE("StagedDirectory writes files as they come and swaps them in at the end") {
  TempDir tmp;
  Diagnostics diags;
  const fs::path out = tmp.path / "public";
  REQUIRE(PublishToDirectory(kFirst, out.string(), diags));

  SUBCASE("files are on disk before the commit, the output only after it") {
    StagedDirectory staged(out.string());
    REQUIRE(staged.Open(diags));
    staged.Put("a/b/c.txt", "deep");
    staged.Put("index.html", "<h1>three</h1>");
    staged.Put("index.html", "<h1>three, again</h1>");  // the later one wins
    std::vector<std::string> names = Names(tmp.path);
    REQUIRE(names.size() == 2);  // public and the staging folder
    CHECK(ReadBack(tmp.path / (names[0] == "public" ? names[1] : names[0])).at("a/b/c.txt") == "deep");
    CHECK(ReadBack(out) == kFirst);
    CHECK(staged.paths() == std::set<std::string>{"a/b/c.txt", "index.html"});
    REQUIRE(staged.Commit(diags));
    CHECK(ReadBack(out) == Output{{"a/b/c.txt", "deep"}, {"index.html", "<h1>three, again</h1>"}});
  }
  SUBCASE("dropped without a commit, it leaves nothing behind") {
    {
      StagedDirectory staged(out.string());
      REQUIRE(staged.Open(diags));
      staged.Put("x.txt", "x");
    }
    CHECK(ReadBack(out) == kFirst);
  }
  SUBCASE("a failed file fails the commit, with the first problem") {
    StagedDirectory staged(out.string());
    REQUIRE(staged.Open(diags));
    staged.Put("../escape.txt", "x");
    staged.Put("fine.txt", "y");
    CHECK_FALSE(staged.Commit(diags));
    CHECK(Messages(diags) == "herald: error: refusing to write unsafe output path '../escape.txt'\n");
    CHECK(ReadBack(out) == kFirst);
  }
  CHECK(Names(tmp.path) == std::vector<std::string>{"public"});
}

TEST_CASE("IsSafeOutputPath") {
  for (const char* ok : {"index.html", "advisories/X-1/index.html", ".well-known/security.txt",
                         "a.b/c..d/e", "feeds/advisories.rss", "..hidden", "x"}) {
    CAPTURE(ok);
    CHECK(IsSafeOutputPath(ok));
  }
  for (const char* bad :
       {"", "/etc/passwd", "..", "../x", "a/../b", "a/..", ".", "./a", "a/./b", "a//b", "a/",
        "/", "a\\b", "..\\x", "C:/x", "a:b", "a\nb", "a\tb", "a\x7f"}) {
    CAPTURE(bad);
    CHECK_FALSE(IsSafeOutputPath(bad));
  }
}

}  // namespace
}  // namespace herald
