// Tests for source/directory_tree: the disk tree (on a temp dir) and the
// in-memory tree.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include <sys/stat.h>

#include "source/size_limit.h"
#include "source/source_tree.h"

namespace herald {
namespace {

namespace fs = std::filesystem;

/// A fresh folder under the system temp dir, removed with everything in it.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("herald-dirtree-" + std::to_string(std::random_device{}()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void Write(const std::string& rel, const std::string& text) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << text;
  }
};

using Paths = std::vector<std::string>;

TEST_CASE("DirectoryTree lists regular files, sorted, with '/'-separated relative paths") {
  TempDir dir;
  fs::path site = dir.path / "site";
  dir.Write("site/site.toml", "[site]\n");
  dir.Write("site/content/pages/b.md", "b");
  dir.Write("site/content/pages/a.md", "a");
  dir.Write("site/content/devices/hub-200/index.md", "hub");
  dir.Write("site/advisories/2026/X-1.md", "x");
  fs::create_directories(site / "content/empty");
  auto tree = OpenDirectoryTree(site.string());

  CHECK(tree->List("") == Paths{"advisories/2026/X-1.md", "content/devices/hub-200/index.md",
                                "content/pages/a.md", "content/pages/b.md", "site.toml"});
  CHECK(tree->List("content") == Paths{"content/devices/hub-200/index.md", "content/pages/a.md",
                                       "content/pages/b.md"});
  CHECK(tree->List("content/pages") == Paths{"content/pages/a.md", "content/pages/b.md"});
  CHECK(tree->List("content/empty").empty());
  CHECK(tree->List("missing").empty());
  CHECK(tree->List("site.toml").empty());  // a file, not a folder
}

TEST_CASE("DirectoryTree reads files byte for byte") {
  TempDir dir;
  std::string binary("a\0b\r\n\xff", 6);
  dir.Write("bin.dat", binary);
  dir.Write("sub/text.md", "+++\ntitle = \"x\"\n+++\n");
  auto tree = OpenDirectoryTree(dir.path.string());
  CHECK(tree->Read("bin.dat") == binary);
  CHECK(tree->Read("sub/text.md") == "+++\ntitle = \"x\"\n+++\n");
  CHECK_FALSE(tree->Read("missing.md").has_value());
  CHECK_FALSE(tree->Read("sub").has_value());  // a folder
  CHECK_FALSE(tree->Size("sub").has_value());
}

TEST_CASE("DirectoryTree reports file modification times") {
  TempDir dir;
  dir.Write("a.md", "a");
  const auto when = std::chrono::sys_seconds{std::chrono::seconds{1773478800}};
  fs::last_write_time(dir.path / "a.md", std::chrono::file_clock::from_sys(when));
  auto tree = OpenDirectoryTree(dir.path.string());
  CHECK(tree->ModifiedTime("a.md") == 1773478800);
  CHECK_FALSE(tree->ModifiedTime("missing.md").has_value());
}

TEST_CASE("DirectoryTree does not follow symlinks") {
  TempDir dir;
  dir.Write("outside/secret.txt", "secret");
  dir.Write("outside/deep/more.txt", "more");
  dir.Write("site/content/real.md", "real");
  fs::path site = dir.path / "site";
  fs::create_symlink(dir.path / "outside/secret.txt", site / "content/linked.md");
  fs::create_directory_symlink(dir.path / "outside", site / "content/linkdir");
  fs::create_directory_symlink(dir.path / "outside", site / "static");
  auto tree = OpenDirectoryTree(site.string());

  CHECK(tree->List("") == Paths{"content/real.md"});
  CHECK(tree->List("content") == Paths{"content/real.md"});
  CHECK(tree->List("static").empty());                // the folder itself is a link
  CHECK(tree->List("content/linkdir/deep").empty());  // a folder inside a link
  CHECK_FALSE(tree->Read("content/linked.md").has_value());
  CHECK_FALSE(tree->Size("content/linked.md").has_value());
  CHECK_FALSE(tree->Size("content/linkdir/secret.txt").has_value());
  CHECK(tree->Read("content/real.md") == "real");
}

// source_tree.h: "Symlinks are not followed, so nothing outside the site is
// read." That holds for every component of the path, and for "..".
TEST_CASE("DirectoryTree::Read never reads outside the site") {
  TempDir dir;
  dir.Write("outside/secret.txt", "secret");
  dir.Write("site/site.toml", "");
  fs::create_directory_symlink(dir.path / "outside", dir.path / "site/linkdir");
  auto tree = OpenDirectoryTree((dir.path / "site").string());
  CHECK_FALSE(tree->Read("linkdir/secret.txt").has_value());
  CHECK_FALSE(tree->Read("../outside/secret.txt").has_value());
  CHECK_FALSE(tree->Read((dir.path / "outside/secret.txt").string()).has_value());
  // Only plain names, even where the path would stay inside.
  CHECK(tree->Read("site.toml") == "");
  for (const char* path : {"./site.toml", "linkdir/../site.toml", "", "."}) {
    CHECK_FALSE(tree->Read(path).has_value());
  }
}

TEST_CASE("DirectoryTree lists a relative site folder, and one given with a trailing slash") {
  TempDir dir;
  dir.Write("site/content/pages/a.md", "a");
  dir.Write("site/content/devices/x/index.md", "x");
  for (const std::string& root : {(dir.path / "site").string() + "/",
                                  (dir.path / "site" / "." / "content" / "..").string()}) {
    CAPTURE(root);
    auto tree = OpenDirectoryTree(root);
    CHECK(tree->List("content") == Paths{"content/devices/x/index.md", "content/pages/a.md"});
    CHECK(tree->List("content/devices") == Paths{"content/devices/x/index.md"});
  }
}

// A 200 MB file is refused from its size alone: the file is sparse, so a
// read of it would take 200 MB of memory that this test never sees used.
TEST_CASE("DirectoryTree refuses files over the size limit without reading them") {
  TempDir dir;
  dir.Write("content/pages/huge.md", "");
  dir.Write("content/pages/fits.md", "");
  dir.Write("static/video.mp4", "");
  fs::resize_file(dir.path / "content/pages/huge.md", 200u << 20);
  fs::resize_file(dir.path / "content/pages/fits.md", kMaxTextFileBytes);
  fs::resize_file(dir.path / "static/video.mp4", kMaxTextFileBytes + 1);
  auto tree = OpenDirectoryTree(dir.path.string());
  CHECK(tree->Size("content/pages/huge.md") == uint64_t{200} << 20);
  CHECK_FALSE(tree->Read("content/pages/huge.md").has_value());
  auto fits = tree->Read("content/pages/fits.md");
  REQUIRE(fits.has_value());
  CHECK(fits->size() == kMaxTextFileBytes);
  CHECK(tree->Read("static/video.mp4")->size() == kMaxTextFileBytes + 1);  // static: 64 MiB
  CHECK_FALSE(tree->Size("missing.md").has_value());
}

TEST_CASE("DirectoryTree reads no FIFO or other special file") {
  TempDir dir;
  REQUIRE(mkfifo((dir.path / "site.toml").c_str(), 0600) == 0);
  auto tree = OpenDirectoryTree(dir.path.string());
  CHECK_FALSE(tree->Read("site.toml").has_value());  // would block forever
  CHECK_FALSE(tree->Size("site.toml").has_value());
  CHECK(tree->List("").empty());
}

TEST_CASE("the memory tree") {
  auto tree = OpenMemoryTree({{"site.toml", "[site]"},
                              {"content/pages/a.md", "A"},
                              {"content/devices/x/index.md", "X"},
                              {"contentious.md", "no"}},
                             1773478800);
  CHECK(tree->List("") == Paths{"content/devices/x/index.md", "content/pages/a.md",
                                "contentious.md", "site.toml"});
  CHECK(tree->List("content") == Paths{"content/devices/x/index.md", "content/pages/a.md"});
  CHECK(tree->List("content/pages") == Paths{"content/pages/a.md"});
  CHECK(tree->List("nothing").empty());
  CHECK(tree->Read("content/pages/a.md") == "A");
  CHECK_FALSE(tree->Read("content/pages").has_value());
  CHECK_FALSE(tree->Read("missing").has_value());
  CHECK(tree->ModifiedTime("site.toml") == 1773478800);
  CHECK(OpenMemoryTree({})->List("").empty());
  CHECK(OpenMemoryTree({})->ModifiedTime("x") == 0);
  CHECK(tree->Size("content/pages/a.md") == 1);
  CHECK_FALSE(tree->Size("missing").has_value());
}

TEST_CASE("the memory tree applies the size limit too") {
  auto tree = OpenMemoryTree({{"content/pages/big.md", std::string(kMaxTextFileBytes + 1, 'x')},
                              {"static/big.bin", std::string(kMaxTextFileBytes + 1, 'x')}});
  CHECK_FALSE(tree->Read("content/pages/big.md").has_value());
  CHECK(tree->Size("content/pages/big.md") == kMaxTextFileBytes + 1);
  CHECK(tree->Read("static/big.bin").has_value());
}

}  // namespace
}  // namespace herald
