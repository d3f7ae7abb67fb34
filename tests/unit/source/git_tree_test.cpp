// Tests for source/git_tree: OpenGitSnapshot on throwaway repositories made
// with the git command line and fixed commit dates.
#include <doctest/doctest.h>

#include <filesystem>

#include "../scripted_repo.h"
#include "source/size_limit.h"
#include "source/source_tree.h"

namespace herald {
namespace {

namespace fs = std::filesystem;

constexpr Timestamp kFirst = 1767261600;   // 2026-01-01T10:00:00Z
constexpr Timestamp kSecond = 1769940000;  // 2026-02-01T10:00:00Z

/// A repository with two commits a month apart:
///   1st: site.toml, content/a.md, content/b.md
///   2nd: content/a.md changed, content/c.md and a symlink added
struct Repo {
  testing::ScriptedRepo git{"site"};
  std::string first_id, second_id;
  Repo() {
    git.Write("site.toml", "[site]\n");
    git.Write("content/a.md", "a, first version\n");
    git.Write("content/b.md", "b\n");
    first_id = git.Commit(kFirst, "first");
    git.Write("content/a.md", "a, second version\n");
    git.Write("content/c.md", "c\n");
    fs::create_symlink("../site.toml", fs::path(git.Dir()) / "content/link.md");
    second_id = git.Commit(kSecond, "second");
  }
  std::string Site() const { return git.Dir(); }
};

bool HaveGit() { return testing::ScriptedRepo::Available(); }

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
  repo.git.Write("content/huge.md", std::string(kMaxTextFileBytes + 1, 'x'));
  repo.git.Write("static/big.bin", std::string(kMaxTextFileBytes + 1, 'x'));
  repo.git.Commit(kSecond + 1, "big files");
  for (bool packed : {false, true}) {
    CAPTURE(packed);
    if (packed) repo.git.Run("git gc -q");
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
  const std::string bare = repo.git.Beside("site.git");
  repo.git.Run("git clone -q --bare . '" + bare + "'");
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
    std::string blob = repo.git.Run("git rev-parse HEAD:site.toml");
    CHECK(OpenGitSnapshot(repo.Site(), blob, &snap, &error) == GitOpen::kError);
    CHECK(error.rfind("'" + blob + "' does not name a commit: ", 0) == 0);
  }
  SUBCASE("a plain folder") {
    const std::string plain = repo.git.Beside("plain");
    fs::create_directories(plain);
    CHECK(OpenGitSnapshot(plain, "", &snap, &error) == GitOpen::kNotARepository);
    CHECK(OpenGitSnapshot(plain, "HEAD", &snap, &error) == GitOpen::kError);
    CHECK(error == "'" + plain + "' is not a Git repository, so --ref cannot be used");
  }
  SUBCASE("a folder inside a repository: parents are not searched") {
    CHECK(OpenGitSnapshot((fs::path(repo.Site()) / "content").string(), "", &snap, &error) ==
          GitOpen::kNotARepository);
  }
  SUBCASE("a repository without commits builds from files") {
    const std::string empty = repo.git.Beside("empty");
    repo.git.Run("git init -q '" + empty + "'");
    CHECK(OpenGitSnapshot(empty, "", &snap, &error) ==
          GitOpen::kNotARepository);
  }
}

}  // namespace
}  // namespace herald
