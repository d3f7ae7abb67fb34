// A throwaway Git repository driven by the git command line, with fixed
// commit dates, for tests of what herald reads from history.
#pragma once

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "base/dates.h"

namespace herald::testing {

class ScriptedRepo {
 public:
  /// A new repository in a throwaway folder, or in `folder` inside it, so
  /// that tests can put clones and plain folders beside it (Beside).
  explicit ScriptedRepo(const std::string& folder = "") {
    outer_ = std::filesystem::temp_directory_path() / ("herald-repo-" + std::to_string(std::random_device{}()));
    root_ = folder.empty() ? outer_ : outer_ / folder;
    std::filesystem::create_directories(root_);
    Run("git init -q");
  }
  ~ScriptedRepo() {
    std::error_code ec;
    std::filesystem::remove_all(outer_, ec);
  }
  ScriptedRepo(const ScriptedRepo&) = delete;
  ScriptedRepo& operator=(const ScriptedRepo&) = delete;

  static bool Available() { return std::system("git --version >/dev/null 2>&1") == 0; }

  std::string Dir() const { return root_.string(); }
  /// A path in the throwaway folder, beside the repository (made with a folder).
  std::string Beside(const std::string& name) const { return (outer_ / name).string(); }

  void Write(const std::string& path, const std::string& text) const {
    std::filesystem::create_directories((root_ / path).parent_path());
    std::ofstream(root_ / path, std::ios::binary) << text;
  }
  void Remove(const std::string& path) const { std::filesystem::remove(root_ / path); }

  /// Commits everything at `when`; returns the commit's hex id.
  std::string Commit(Timestamp when, const std::string& message) const {
    const std::string date = "@" + std::to_string(when) + " +0000";
    Run("git add -A && GIT_AUTHOR_DATE='" + date + "' GIT_COMMITTER_DATE='" + date +
        "' git -c user.name=Test -c user.email=test@example.com -c commit.gpgsign=false commit -q -m '" +
        message + "'");
    return Run("git rev-parse HEAD");
  }

  /// Runs a shell command in the repository; returns its standard output.
  std::string Run(const std::string& command) const {
    std::string full = "cd '" + root_.string() + "' && " + command + " 2>/dev/null";
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

 private:
  std::filesystem::path outer_;  // the throwaway folder
  std::filesystem::path root_;   // the repository: outer_ or a folder in it
};

}  // namespace herald::testing
