// The history walk's committed values (source_tree.h CommittedValueReader):
// one entry per commit that changed a wanted file, newest first, read in
// the same walk that dates every file; files the reader does not want, and
// deletions, keep nothing.
#include <doctest/doctest.h>

#include "../scripted_repo.h"
#include "source/source_tree.h"

namespace herald {
namespace {

using testing::ScriptedRepo;

constexpr Timestamp kJan = 1767261600;  // 2026-01-01T10:00:00Z
constexpr Timestamp kFeb = 1769940000;  // 2026-02-01T10:00:00Z
constexpr Timestamp kMar = 1772359200;  // 2026-03-01T10:00:00Z
constexpr Timestamp kApr = 1775037600;  // 2026-04-01T10:00:00Z

/// Wants files under keep/ and keeps their first line; "skip" keeps nothing.
CommittedValueReader FirstLines(int* reads) {
  return {[](const std::string& path) { return path.rfind("keep/", 0) == 0; },
          [reads](const std::string&, std::string_view text) -> std::optional<std::string> {
            ++*reads;
            std::string line(text.substr(0, text.find('\n')));
            if (line == "skip") return std::nullopt;
            return line;
          }};
}

std::string Values(const FileHistory& h) {
  std::string out;
  for (const CommittedValue& c : h.committed) {
    out += c.value + "@" + c.commit.substr(0, 7) + "@" + std::to_string(c.time) + " ";
  }
  return out;
}

}  // namespace

TEST_CASE("history walk: values of every committed version of the wanted files") {
  if (!ScriptedRepo::Available()) {
    MESSAGE("git is not installed; skipped");
    return;
  }
  ScriptedRepo repo;
  repo.Write("keep/a.md", "one\n");
  repo.Write("keep/gone.md", "here\n");
  repo.Write("other.md", "x\n");
  std::string jan = repo.Commit(kJan, "first");
  repo.Write("keep/a.md", "two\n");
  repo.Remove("keep/gone.md");
  std::string feb = repo.Commit(kFeb, "second");
  repo.Write("other.md", "y\n");
  repo.Commit(kMar, "a file nobody wants");
  repo.Write("keep/a.md", "skip\n");
  repo.Commit(kApr, "a version the reader keeps nothing of");
  std::string site = repo.Dir();

  int reads = 0;
  CommittedValueReader reader = FirstLines(&reads);
  GitSnapshot snap;
  std::string error;
  REQUIRE(OpenGitSnapshot(site, "", &snap, &error, &reader) == GitOpen::kOk);
  CHECK(Values(snap.history.at("keep/a.md")) ==
        "two@" + feb.substr(0, 7) + "@" + std::to_string(kFeb) + " one@" + jan.substr(0, 7) + "@" +
            std::to_string(kJan) + " ");
  CHECK(snap.history.at("keep/a.md").last == kApr);  // dated as before
  CHECK(Values(snap.history.at("keep/gone.md")) == "here@" + jan.substr(0, 7) + "@" + std::to_string(kJan) + " ");
  CHECK(snap.history.at("other.md").committed.empty());
  CHECK(reads == 4);  // a.md three times, gone.md once; never the deletion

  SUBCASE("from a ref, only that commit's past") {
    GitSnapshot old;
    REQUIRE(OpenGitSnapshot(site, jan, &old, &error, &reader) == GitOpen::kOk);
    CHECK(Values(old.history.at("keep/a.md")) == "one@" + jan.substr(0, 7) + "@" + std::to_string(kJan) + " ");
  }
  SUBCASE("without a reader, nothing is read") {
    GitSnapshot plain;
    REQUIRE(OpenGitSnapshot(site, "", &plain, &error) == GitOpen::kOk);
    CHECK(plain.history.at("keep/a.md").committed.empty());
  }
}

}  // namespace herald
