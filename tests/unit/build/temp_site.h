// Helpers of the IncrementalBuild tests: a copy of the example site in a
// temporary folder, and the comparison with a fresh build of its files.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "build/incremental.h"
#include "build/pipeline.h"

namespace herald {
namespace testing {

namespace fs = std::filesystem;

struct TempSite {
  fs::path root;
  SourceOptions options;
  TempSite() {
    char tmpl[] = "/tmp/herald-incremental-XXXXXX";
    root = ::mkdtemp(tmpl);
    for (const char* part : {"site.toml", "content", "advisories"}) {
      fs::copy(fs::path(HERALD_SOURCE_DIR) / part, root / part, fs::copy_options::recursive);
    }
    options.site_dir = root.string();
    options.source_date_epoch = 1798761600;  // 2027-01-01: outside Git, file times would move it
    options.generator_version = "test";
  }
  ~TempSite() { fs::remove_all(root); }

  std::string Read(const std::string& rel) const {
    std::ifstream in(root / rel, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void Write(const std::string& rel, const std::string& text) const {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  }
  void Replace(const std::string& rel, const std::string& from, const std::string& to) const {
    std::string text = Read(rel);
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    Write(rel, text.replace(at, from.size(), to));
  }
};

// What `herald build` renders from the same files.
inline Output FreshBuild(const SourceOptions& options) {
  Diagnostics diags;
  auto loaded = LoadSite(options, diags);
  REQUIRE(loaded);
  Output out;
  REQUIRE(RenderSite(*loaded, &out, diags));
  return out;
}

inline void CheckSameAsFresh(const IncrementalBuild& build, const SourceOptions& options) {
  Output fresh = FreshBuild(options);
  auto kept = build.output();
  std::vector<std::string> differ;
  for (const auto& [path, bytes] : fresh) {
    const auto* have = kept->Find(path);
    if (!have || **have != bytes) differ.push_back(path);
  }
  kept->ForEach([&](const std::string& path, const auto&) {
    if (!fresh.count(path)) differ.push_back(path + " (not in a fresh build)");
  });
  CHECK(differ.empty());
  for (size_t i = 0; i < differ.size() && i < 10; ++i) MESSAGE("differs: " << differ[i]);
}

inline RebuildStats Step(IncrementalBuild& build, const std::vector<std::string>& touched,
                  bool expect_errors = false) {
  for (const auto& path : touched) build.Invalidate(path);
  Diagnostics diags;
  RebuildStats stats = build.Rebuild(diags);
  for (const auto& d : diags.Sorted()) {
    if (d.severity == Severity::kError && !expect_errors) MESSAGE(FormatDiagnostic(d));
  }
  return stats;
}

inline bool Has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace testing
}  // namespace herald
