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
#include <memory>
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

/// An optional value kept on the heap and copied whole (C++26's
/// std::indirect, nullable). Inline, a Device (7 KiB) made every parse of
/// every file 8 KiB: 100 MB to allocate, touch and move for 12,000 files.
template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::optional<T> value) : ptr_(value ? std::make_unique<T>(std::move(*value)) : nullptr) {}
  Boxed(const Boxed& other) : ptr_(other ? std::make_unique<T>(*other) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(Boxed other) noexcept {
    ptr_ = std::move(other.ptr_);
    return *this;
  }
  explicit operator bool() const { return ptr_ != nullptr; }
  T& operator*() { return *ptr_; }
  const T& operator*() const { return *ptr_; }
  T* operator->() { return ptr_.get(); }
  const T* operator->() const { return ptr_.get(); }

 private:
  std::unique_ptr<T> ptr_;
};

/// What parsing one source file produced.
struct ParsedFile {
  Boxed<Advisory> advisory;
  Boxed<Device> device;
  Boxed<Guide> guide;
  Boxed<Page> page;
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
