// Publisher: the only code that writes a site to disk.
//
// A build is written into a fresh temporary folder beside the output and
// swapped in only when every file was written, so a failed build never
// leaves a half-written site and never loses the previous good one. Files
// of earlier builds that the new build does not write disappear with the swap.
// Files go to disk as the renderers produce them (StagedDirectory is an
// OutputSink), so a large site is never held in memory as a whole.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "render/output.h"

namespace herald {

/// An output folder under construction. Put() writes each file into the
/// staging folder at once and may be called from several threads; Commit()
/// swaps the staging folder in; destroying it uncommitted removes it.
class StagedDirectory final : public OutputSink {
 public:
  explicit StagedDirectory(std::string out_dir);
  ~StagedDirectory() override;
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  /// Creates the staging folder; false (reported to `diags`) when it cannot.
  bool Open(Diagnostics& diags);
  void Put(const std::string& path, std::string bytes) override;
  /// Put without taking the bytes.
  void Write(const std::string& path, std::string_view bytes);
  /// Paths of the files written.
  std::set<std::string> paths() const;
  /// Replaces the output folder with the staging folder. False, with the
  /// first problem reported to `diags`, when a Put failed or the swap did;
  /// the previous output is then intact and the staging folder gone.
  bool Commit(Diagnostics& diags);

 private:
  void Fail(std::string message);
  bool MakeParents(const std::string& path);

  std::string target_, staging_, previous_;
  bool open_ = false, committed_ = false;
  std::atomic<bool> failed_{false};
  mutable std::mutex mutex_;  // guards everything below
  std::string error_;
  std::set<std::string> dirs_;   // folders made in the staging folder
  std::set<std::string> paths_;  // files written
};

/// Writes `output` to `out_dir` atomically (see above). Returns false and
/// reports to `diags` when the disk refuses; the old output is then intact.
bool PublishToDirectory(const Output& output, const std::string& out_dir, Diagnostics& diags);

/// True when `path` is a safe relative output path: no "..", no absolute
/// path, no empty or dot segments, no backslashes or control characters.
bool IsSafeOutputPath(const std::string& path);

}  // namespace herald
