// The inotify watcher on a real folder: the ways editors and git change
// files, bursts, folders appearing and moving, and what it must ignore.
#include "preview/watcher.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace herald::preview {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

struct TempSite {
  fs::path root;
  TempSite() {
    char tmpl[] = "/tmp/herald-watcher-XXXXXX";
    root = ::mkdtemp(tmpl);
    for (const char* dir : {"advisories/2026", "content/pages", "themes/default/templates",
                            "static", ".git/refs/heads", "public"}) {
      fs::create_directories(root / dir);
    }
    Write("site.toml", "x");
    Write("advisories/2026/A.md", "a");
    Write(".git/HEAD", "ref: refs/heads/main\n");
  }
  ~TempSite() { fs::remove_all(root); }
  void Write(const std::string& rel, const std::string& text) { std::ofstream(root / rel) << text; }
};

std::set<std::string> Next(Watcher& w, milliseconds timeout = milliseconds(3000)) {
  ChangeBatch batch;
  auto result = w.Wait(&batch, -1, timeout);
  if (result != Watcher::Result::kChanges) return {"<" + std::to_string(static_cast<int>(result)) + ">"};
  if (batch.overflow) batch.paths.insert("<overflow>");
  return batch.paths;
}

const std::set<std::string> kTimeout = {"<2>"};

TEST_CASE("edits, saves by rename, deletions and bursts are reported as one batch each") {
  TempSite site;
  Watcher w(site.root.string());
  std::string error;
  REQUIRE(w.Start(&error));

  site.Write("advisories/2026/A.md", "changed");
  CHECK(Next(w) == std::set<std::string>{"advisories/2026/A.md"});

  site.Write("site.toml", "y");
  CHECK(Next(w) == std::set<std::string>{"site.toml"});

  // An editor's atomic save: write a temporary file, rename it over.
  site.Write("content/pages/.about.md.swp", "tmp");
  fs::rename(site.root / "content/pages/.about.md.swp", site.root / "content/pages/about.md");
  CHECK(Next(w) == std::set<std::string>{"content/pages/.about.md.swp", "content/pages/about.md"});

  fs::remove(site.root / "content/pages/about.md");
  CHECK(Next(w) == std::set<std::string>{"content/pages/about.md"});

  // A burst (git checkout, search and replace) is one batch; a loaded
  // machine may pause the writer past the quiet time, so allow a split.
  for (int i = 0; i < 30; ++i) site.Write("advisories/2026/B" + std::to_string(i % 5) + ".md", "b");
  std::set<std::string> burst;
  int batches = 0;
  for (auto batch = Next(w); batch != kTimeout; batch = Next(w, milliseconds(300))) {
    burst.insert(batch.begin(), batch.end());
    ++batches;
  }
  CHECK(burst.size() == 5);
  CHECK(burst.count("advisories/2026/B4.md"));
  CHECK(batches >= 1);
  CHECK(batches <= 3);
}

TEST_CASE("new and moved folders are watched; files outside the inputs are not reported") {
  TempSite site;
  Watcher w(site.root.string());
  std::string error;
  REQUIRE(w.Start(&error));

  fs::create_directories(site.root / "content/devices/hub-200/guides");
  auto created = Next(w);
  CHECK(created.count("content/devices"));
  site.Write("content/devices/hub-200/guides/setup.md", "g");
  CHECK(Next(w) == std::set<std::string>{"content/devices/hub-200/guides/setup.md"});

  fs::rename(site.root / "content/devices/hub-200", site.root / "content/devices/hub-300");
  auto moved = Next(w);
  CHECK(moved.count("content/devices/hub-200"));
  CHECK(moved.count("content/devices/hub-300"));
  site.Write("content/devices/hub-300/guides/setup.md", "h");
  CHECK(Next(w) == std::set<std::string>{"content/devices/hub-300/guides/setup.md"});

  // A folder created at the top after the start (static/ here, renamed away and back).
  fs::rename(site.root / "static", site.root / "static-old");
  Next(w);
  fs::create_directories(site.root / "static/img");
  Next(w);
  site.Write("static/img/logo.svg", "<svg/>");
  CHECK(Next(w) == std::set<std::string>{"static/img/logo.svg"});

  // Not build inputs: the output folder, other top-level files, Git internals.
  site.Write("public/index.html", "x");
  site.Write("README.md", "x");
  site.Write(".git/index", "x");
  site.Write(".git/refs/heads/main.lock", "x");
  CHECK(Next(w, milliseconds(300)) == kTimeout);

  // A commit moves the branch: the build time and dates change.
  fs::rename(site.root / ".git/refs/heads/main.lock", site.root / ".git/refs/heads/main");
  CHECK(Next(w) == std::set<std::string>{".git/refs/heads/main"});
  site.Write(".git/HEAD", "ref: refs/heads/other\n");
  CHECK(Next(w) == std::set<std::string>{".git/HEAD"});
}

TEST_CASE("a site folder reached through a symlink is watched") {
  TempSite site;
  fs::path link = site.root.string() + "-link";
  fs::create_directory_symlink(site.root, link);
  Watcher w(link.string());
  std::string error;
  REQUIRE(w.Start(&error));
  site.Write("advisories/2026/A.md", "through the link");
  CHECK(Next(w) == std::set<std::string>{"advisories/2026/A.md"});
  fs::remove(link);
}

TEST_CASE("Wait returns when the interrupt descriptor becomes readable") {
  TempSite site;
  Watcher w(site.root.string());
  std::string error;
  REQUIRE(w.Start(&error));
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  CHECK(::write(fds[1], "x", 1) == 1);
  ChangeBatch batch;
  auto start = std::chrono::steady_clock::now();
  CHECK(w.Wait(&batch, fds[0], std::chrono::hours(1)) == Watcher::Result::kInterrupted);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  ::close(fds[0]);
  ::close(fds[1]);
}

TEST_CASE("a missing site folder leaves nothing to watch, and no crash") {
  Watcher w("/nonexistent/herald-site");
  std::string error;
  // The site folder itself is gone: nothing to watch, no crash.
  CHECK(w.Start(&error));
  ChangeBatch batch;
  CHECK(w.Wait(&batch, -1, milliseconds(50)) == Watcher::Result::kTimeout);
}

}  // namespace
}  // namespace herald::preview
