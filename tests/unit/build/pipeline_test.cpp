// Tests for build/pipeline: the output folder guard. (Whole builds are
// covered by the golden and error fixtures.)
#include "build/pipeline.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace herald {
namespace {

namespace fs = std::filesystem;

/// root/site with a site.toml, removed afterwards.
struct Fixture {
  fs::path root, site;
  Fixture() {
    root = fs::temp_directory_path() / ("herald-pipe-" + std::to_string(std::random_device{}()));
    site = root / "work/site";
    fs::create_directories(site / "content");
    std::ofstream(site / "site.toml") << "[site]\n";
  }
  ~Fixture() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
};

std::string ContainsSite(const std::string& out) {
  return "the output folder '" + out +
         "' contains the site itself; choose a folder inside or beside it, such as public/";
}

std::string HoldsSite(const std::string& out) {
  return "the output folder '" + out +
         "' holds a site.toml or .git; herald replaces the whole output folder, so it refuses "
         "to touch it";
}

TEST_CASE("IsSafeOutputDir accepts folders inside or beside the site") {
  Fixture f;
  std::string why;
  for (const fs::path& out : {f.site / "public", f.site / "public/", f.site / "build/www",
                              f.root / "work/out", f.root / "elsewhere/new", f.site / "..public"}) {
    CAPTURE(out);
    CHECK(IsSafeOutputDir(f.site.string(), out.string(), &why));
    CHECK(why.empty());
  }
  SUBCASE("an existing output folder from an earlier build") {
    fs::create_directories(f.site / "public/advisories");
    std::ofstream(f.site / "public/index.html") << "old";
    CHECK(IsSafeOutputDir(f.site.string(), (f.site / "public").string(), &why));
  }
}

TEST_CASE("IsSafeOutputDir refuses the site itself and its parents") {
  Fixture f;
  for (const fs::path& out :
       {f.site, fs::path(f.site.string() + "/"), f.site / ".", f.site / "public/..",
        f.root / "work", f.root, fs::path("/")}) {
    CAPTURE(out);
    std::string why;
    CHECK_FALSE(IsSafeOutputDir(f.site.string(), out.string(), &why));
    CHECK(why == ContainsSite(out.string()));
  }
  SUBCASE("also when the site is named with a trailing slash") {
    std::string why;
    CHECK_FALSE(IsSafeOutputDir(f.site.string() + "/", (f.root / "work").string(), &why));
    CHECK(why == ContainsSite((f.root / "work").string()));
  }
  SUBCASE("also through a symlink") {
    fs::create_directory_symlink(f.site, f.root / "alias");
    std::string why;
    CHECK_FALSE(IsSafeOutputDir(f.site.string(), (f.root / "alias").string(), &why));
    CHECK(why == ContainsSite((f.root / "alias").string()));
  }
}

TEST_CASE("IsSafeOutputDir refuses folders holding a site.toml or .git") {
  Fixture f;
  std::string why;
  SUBCASE("another site") {
    fs::create_directories(f.root / "work/other");
    std::ofstream(f.root / "work/other/site.toml") << "";
    const std::string out = (f.root / "work/other").string();
    CHECK_FALSE(IsSafeOutputDir(f.site.string(), out, &why));
    CHECK(why == HoldsSite(out));
  }
  SUBCASE("a repository (a .git folder or file)") {
    fs::create_directories(f.root / "work/repo/.git");
    fs::create_directories(f.root / "work/worktree");
    std::ofstream(f.root / "work/worktree/.git") << "gitdir: elsewhere\n";
    for (const char* name : {"work/repo", "work/worktree"}) {
      const std::string out = (f.root / name).string();
      CAPTURE(out);
      CHECK_FALSE(IsSafeOutputDir(f.site.string(), out, &why));
      CHECK(why == HoldsSite(out));
    }
  }
  SUBCASE("a site.toml inside the site's own output folder") {
    fs::create_directories(f.site / "public");
    std::ofstream(f.site / "public/site.toml") << "";
    CHECK_FALSE(IsSafeOutputDir(f.site.string(), (f.site / "public").string(), &why));
  }
}

// The parent check compares path parts, not strings: a site folder whose
// name starts with ".." is still inside the output folder.
TEST_CASE("IsSafeOutputDir refuses the parent of a site named '..drafts'") {
  Fixture f;
  fs::create_directories(f.root / "work/..drafts");
  std::string why;
  CHECK_FALSE(IsSafeOutputDir((f.root / "work/..drafts").string(), (f.root / "work").string(),
                              &why));
}

// Publishing replaces the whole output folder, so an output folder that is
// one of the site's source folders (content/, advisories/, themes/ ...)
// would delete those sources; the guard refuses them.
TEST_CASE("IsSafeOutputDir refuses the site's own source folders") {
  Fixture f;
  std::string why;
  CHECK_FALSE(IsSafeOutputDir(f.site.string(), (f.site / "content").string(), &why));
}

}  // namespace
}  // namespace herald
