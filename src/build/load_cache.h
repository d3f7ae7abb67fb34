// LoadCache: what `herald serve` keeps between two loads of the same site, so
// a load after an edit re-reads and re-parses only the files that changed.
//
// LoadSite() with a cache is the same load as without one: every file is
// still classified and the model is assembled afresh; only the parse of an
// unchanged file is taken from the cache, with the diagnostics it produced.
// A parse is reused when all of these hold (ninja's rule, plus the watcher):
//   - nobody called Invalidate() on the file or a folder holding it since;
//   - its size, inode and modification time (nanoseconds) are unchanged;
//   - it was parsed with the same inputs (kind, default TLP, Markdown options).
// The Git snapshot (commit, history) is kept until InvalidateGit().
//
// Threading: Find() may be called from several threads at once while no
// other member runs; everything else is single-threaded.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/advisory.h"
#include "model/content.h"
#include "model/device.h"
#include "source/source_tree.h"

namespace herald {

/// What parsing one source file produced.
struct ParsedFile {
  std::optional<Advisory> advisory;
  std::optional<Device> device;
  std::optional<Guide> guide;
  std::optional<Page> page;
  std::vector<Diagnostic> diagnostics;
  /// SHA-256 of the file up to its Markdown body: two parses with the same
  /// one differ in the body alone (herald serve renders less for those).
  std::string front_matter;
};

/// Identity of a file on disk, taken before it is read.
struct FileStamp {
  bool exists = false;
  uint64_t size = 0, inode = 0;
  int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

class LoadCache {
 public:
  explicit LoadCache(std::string site_dir);

  /// A file or a folder (every file under it) changed; "" means everything.
  void Invalidate(const std::string& path);
  /// HEAD, a branch or the history changed: reopen the repository next load.
  void InvalidateGit();

  /// The cached parse of `path` (relative to the site) when still valid for
  /// `inputs`; otherwise null, with `*stamp` set for Store().
  const ParsedFile* Find(const std::string& path, const std::string& inputs, FileStamp* stamp) const;
  void Store(const std::string& path, const std::string& inputs, const FileStamp& stamp,
             ParsedFile parsed);
  /// Drops entries of files that the last load did not see (deleted, renamed).
  void KeepOnly(const std::set<std::string>& paths);
  /// Paths of the files it holds parses of.
  std::vector<std::string> Paths() const;
  bool Has(const std::string& path) const { return entries_.count(path) > 0; }
  /// The parse held for `path`, however old; null when there is none.
  const ParsedFile* Peek(const std::string& path) const;

  /// The Git snapshot of the site, opened by LoadSite(); null until then.
  GitSnapshot* git() { return git_valid_ ? &git_ : nullptr; }
  GitOpen git_open() const { return git_open_; }
  void SetGit(GitOpen opened, GitSnapshot snapshot);

  /// Files parsed (not taken from the cache) by the last load.
  size_t parsed() const { return parsed_; }
  void set_parsed(size_t n) { parsed_ = n; }

 private:
  struct Entry {
    std::string inputs;
    FileStamp stamp;
    ParsedFile parsed;
  };
  FileStamp Stat(const std::string& path) const;

  std::string site_dir_;
  std::map<std::string, Entry> entries_;
  GitSnapshot git_;
  GitOpen git_open_ = GitOpen::kNotARepository;
  bool git_valid_ = false;
  size_t parsed_ = 0;
};

}  // namespace herald
