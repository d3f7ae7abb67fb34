// Watcher: tells `herald serve` which files of a site changed (Linux inotify).
//
// Watches site.toml, advisories/, content/, themes/ and static/ (every
// folder below them, including ones created later) and, in a Git working
// tree, .git/HEAD, .git/packed-refs and .git/refs/ (a commit changes the
// build time and dates). Editors save in many ways — write in place, write
// a temporary file and rename it, delete and recreate — so every kind of
// event counts, and a burst of events becomes one batch: Wait() returns once
// no event came for `quiet` (or `max_batch` after the first one). When the
// last event finished a file (closed after writing, or renamed into place),
// the save is complete and `settled` is quiet enough: a preview then starts
// within milliseconds of the save, and a later event just makes another batch.
// Symlinks are not followed, as the build does not follow them.
//
// Threading: one thread calls Wait(); nothing else is shared.
#pragma once

#include <chrono>
#include <map>
#include <set>
#include <string>

namespace herald::preview {

struct ChangeBatch {
  std::set<std::string> paths;  // relative to the site: files, or folders that moved
  bool overflow = false;        // the kernel dropped events: anything may have changed
};

class Watcher {
 public:
  explicit Watcher(std::string site_dir);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Starts watching; false with `*error` when inotify is unavailable or out
  /// of watches.
  bool Start(std::string* error);

  enum class Result { kChanges, kInterrupted, kTimeout };
  /// Waits for changes up to `timeout`; returns early with kInterrupted when
  /// `interrupt_fd` (if >= 0) becomes readable.
  Result Wait(ChangeBatch* out, int interrupt_fd, std::chrono::milliseconds timeout,
              std::chrono::milliseconds quiet = std::chrono::milliseconds(40),
              std::chrono::milliseconds max_batch = std::chrono::milliseconds(1000),
              std::chrono::milliseconds settled = std::chrono::milliseconds(3));

 private:
  bool WatchTree(const std::string& rel, bool recursive);
  void Unwatch(const std::string& rel);
  bool Relevant(const std::string& rel) const;
  /// Reads what is pending; false when nothing was.
  bool Drain(ChangeBatch* out);

  std::string root_;
  int fd_ = -1;
  std::map<int, std::string> dirs_;  // watch descriptor → folder relative to the site ("" = root)
  std::string error_;
  bool settled_ = false;  // the last event read finished writing a file
};

}  // namespace herald::preview
