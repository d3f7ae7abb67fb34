// Tests for source/git_tree: OpenGitSnapshot on throwaway repositories made
// with the git command line and fixed commit dates.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "source/size_limit.h"
#include "source/source_tree.h"

namespace herald {
namespace {

namespace fs = std::filesystem;

constexpr Timestamp kFirst = 1767261600;   // 2026-01-01T10:00:00Z
constexpr Timestamp kSecond = 1769940000;  // 2026-02-01T10:00:00Z

/// Runs a shell command in `dir`; returns its standard output.
std::string Run(const fs::path& dir, const std::string& command) {
  std::string full = "cd '" + dir.string() + "' && " + command + " 2>/dev/null";
  std::string out;
  if (FILE* pipe = popen(full.c_str(), "r")) {
    char buf[256];
    while (size_t n = fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    int status = pclose(pipe);
    REQUIRE_MESSAGE(status == 0, command);
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

void Write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

void Commit(const fs::path& repo, Timestamp when, const std::string& message) {
  const std::string date = "@" + std::to_string(when) + " +0000";
  Run(repo, "git add -A && GIT_AUTHOR_DATE='" + date + "' GIT_COMMITTER_DATE='" + date +
                "' git -c user.name=Test -c user.email=test@example.com -c commit.gpgsign=false "
                "commit -q -m '" + message + "'");
}

/// A repository with two commits a month apart:
///   1st: site.toml, content/a.md, content/b.md
///   2nd: content/a.md changed, content/c.md and a symlink added
struct Repo {
  fs::path root;
  std::string first_id, second_id;
  Repo() {
    root = fs::temp_directory_path() / ("herald-git-" + std::to_string(std::random_device{}()));
    fs::create_directories(root / "site");
    Run(root / "site", "git init -q");
    Write(root / "site/site.toml", "[site]\n");
    Write(root / "site/content/a.md", "a, first version\n");
    Write(root / "site/content/b.md", "b\n");
    Commit(root / "site", kFirst, "first");
    Write(root / "site/content/a.md", "a, second version\n");
    Write(root / "site/content/c.md", "c\n");
    fs::create_symlink("../site.toml", root / "site/content/link.md");
    Commit(root / "site", kSecond, "second");
    first_id = Run(root / "site", "git rev-parse HEAD~1");
    second_id = Run(root / "site", "git rev-parse HEAD");
  }
  ~Repo() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string Site() const { return (root / "site").string(); }
};

bool HaveGit() { return std::system("git --version >/dev/null 2>&1") == 0; }

using Paths = std::vector<std::string>;

TEST_CASE("OpenGitSnapshot on a working tree: commit, time and history per file") {
  if (!HaveGit()) return;
  Repo repo;
  GitSnapshot snap;
  std::string error;
  REQUIRE(OpenGitSnapshot(repo.Site(), "", &snap, &error) == GitOpen::kOk);
  CHECK(error.empty());
  CHECK(snap.commit == repo.second_id);
  CHECK(snap.commit.size() == 40);
  CHECK(snap.commit_time == kSecond);
  CHECK(snap.tree == nullptr);  // the working tree is read from disk
  REQUIRE(snap.history.count("content/a.md"));
  CHECK(snap.history["content/a.md"].first == kFirst);
  CHECK(snap.history["content/a.md"].last == kSecond);
  CHECK(snap.history["content/b.md"].first == kFirst);
  CHECK(snap.history["content/b.md"].last == kFirst);
  CHECK(snap.history["content/c.md"].first == kSecond);
  CHECK(snap.history["content/c.md"].last == kSecond);
  CHECK(snap.history["site.toml"].first == kFirst);
  CHECK(snap.history["site.toml"].last == kFirst);
}

TEST_CASE("OpenGitSnapshot with a ref builds that commit's tree") {
  if (!HaveGit()) return;
  Repo repo;
  GitSnapshot snap;
  std::string error;
  REQUIRE(OpenGitSnapshot(repo.Site(), "HEAD~1", &snap, &error) == GitOpen::kOk);
  CHECK(snap.commit == repo.first_id);
  CHECK(snap.commit_time == kFirst);
  REQUIRE(snap.tree != nullptr);
  CHECK(snap.tree->List("") == Paths{"content/a.md", "content/b.md", "site.toml"});
  CHECK(snap.tree->List("content") == Paths{"content/a.md", "content/b.md"});
  CHECK(snap.tree->List("cont").empty());
  CHECK(snap.tree->Read("content/a.md") == "a, first version\n");
  CHECK_FALSE(snap.tree->Read("content/c.md").has_value());
  CHECK_FALSE(snap.tree->ModifiedTime("content/a.md").has_value());
  // History is walked from the built commit: later commits do not count.
  CHECK(snap.history["content/a.md"].last == kFirst);
  CHECK(snap.history.count("content/c.md") == 0);

  SUBCASE("a ref naming the newest commit; symlinks never become content") {
    GitSnapshot head;
    REQUIRE(OpenGitSnapshot(repo.Site(), repo.second_id, &head, &error) == GitOpen::kOk);
    REQUIRE(head.tree != nullptr);
    CHECK(head.tree->List("content") == Paths{"content/a.md", "content/b.md", "content/c.md"});
    CHECK(head.tree->Read("content/a.md") == "a, second version\n");
    CHECK_FALSE(head.tree->Read("content/link.md").has_value());
  }
}

// Looking a blob up inflates all of it, so the commit tree checks the size
// in the object header first; packed (delta) objects too, after git gc.
TEST_CASE("a commit's tree refuses blobs over the size limit without inflating them") {
  if (!HaveGit()) return;
  Repo repo;
  Write(repo.root / "site/content/huge.md", std::string(kMaxTextFileBytes + 1, 'x'));
  Write(repo.root / "site/static/big.bin", std::string(kMaxTextFileBytes + 1, 'x'));
  Commit(repo.root / "site", kSecond + 1, "big files");
  for (bool packed : {false, true}) {
    CAPTURE(packed);
    if (packed) Run(repo.root / "site", "git gc -q");
    GitSnapshot snap;
    std::string error;
    REQUIRE(OpenGitSnapshot(repo.Site(), "HEAD", &snap, &error) == GitOpen::kOk);
    REQUIRE(snap.tree != nullptr);
    CHECK(snap.tree->Size("content/huge.md") == kMaxTextFileBytes + 1);
    CHECK_FALSE(snap.tree->Read("content/huge.md").has_value());
    CHECK(snap.tree->Read("static/big.bin")->size() == kMaxTextFileBytes + 1);
    CHECK(snap.tree->Size("content/b.md") == 2);
    CHECK_FALSE(snap.tree->Size("content/missing.md").has_value());
  }
}

TEST_CASE("OpenGitSnapshot on a bare clone") {
  if (!HaveGit()) return;
  Repo repo;
  Run(repo.root, "git clone -q --bare site site.git");
  const std::string bare = (repo.root / "site.git").string();
  GitSnapshot snap;
  std::string error;
  REQUIRE(OpenGitSnapshot(bare, "HEAD~1", &snap, &error) == GitOpen::kOk);
  CHECK(snap.commit == repo.first_id);
  REQUIRE(snap.tree != nullptr);
  CHECK(snap.tree->List("") == Paths{"content/a.md", "content/b.md", "site.toml"});
  CHECK(snap.history["content/b.md"].first == kFirst);

  SUBCASE("without a ref a bare repository builds HEAD") {
    GitSnapshot head;
    REQUIRE(OpenGitSnapshot(bare, "", &head, &error) == GitOpen::kOk);
    CHECK(head.commit == repo.second_id);
    REQUIRE(head.tree != nullptr);
    CHECK(head.tree->Read("content/c.md") == "c\n");
    CHECK(head.history["content/a.md"].last == kSecond);
  }
}

TEST_CASE("OpenGitSnapshot errors") {
  if (!HaveGit()) return;
  Repo repo;
  GitSnapshot snap;
  std::string error;
  SUBCASE("a ref that does not resolve") {
    CHECK(OpenGitSnapshot(repo.Site(), "no-such-branch", &snap, &error) == GitOpen::kError);
    CHECK(error.rfind("cannot resolve --ref 'no-such-branch': ", 0) == 0);
    CHECK(error.size() > std::string("cannot resolve --ref 'no-such-branch': ").size());
  }
  SUBCASE("a ref that is not a commit") {
    std::string blob = Run(repo.root / "site", "git rev-parse HEAD:site.toml");
    CHECK(OpenGitSnapshot(repo.Site(), blob, &snap, &error) == GitOpen::kError);
    CHECK(error.rfind("'" + blob + "' does not name a commit: ", 0) == 0);
  }
  SUBCASE("a plain folder") {
    fs::create_directories(repo.root / "plain");
    const std::string plain = (repo.root / "plain").string();
    CHECK(OpenGitSnapshot(plain, "", &snap, &error) == GitOpen::kNotARepository);
    CHECK(OpenGitSnapshot(plain, "HEAD", &snap, &error) == GitOpen::kError);
    CHECK(error == "'" + plain + "' is not a Git repository, so --ref cannot be used");
  }
  SUBCASE("a folder inside a repository: parents are not searched") {
    CHECK(OpenGitSnapshot((repo.root / "site/content").string(), "", &snap, &error) ==
          GitOpen::kNotARepository);
  }
  SUBCASE("a repository without commits builds from files") {
    fs::create_directories(repo.root / "empty");
    Run(repo.root / "empty", "git init -q");
    CHECK(OpenGitSnapshot((repo.root / "empty").string(), "", &snap, &error) ==
          GitOpen::kNotARepository);
  }
}

}  // namespace
}  // namespace herald
