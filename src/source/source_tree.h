// SourceTree: the files of a site, from a directory or from a Git commit.
//
// The loader only sees this interface, so `--ref` builds a commit's tree
// without checking anything out, and tests can build from memory.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/dates.h"

namespace herald {

struct ListedFile {
  std::string path;
  std::optional<uint64_t> size;  // SourceTree::Size
};

class SourceTree {
 public:
  virtual ~SourceTree() = default;
  /// Regular files under `dir` ("" for the root), relative '/'-separated paths, sorted.
  virtual std::vector<std::string> List(const std::string& dir) const = 0;
  /// List(dir) with the files' sizes, which a disk tree learns while listing
  /// for less than it takes to find each file again.
  virtual std::vector<ListedFile> ListSizes(const std::string& dir) const {
    std::vector<ListedFile> out;
    for (std::string& path : List(dir)) {
      auto size = Size(path);
      out.push_back({std::move(path), size});
    }
    return out;
  }
  /// The file's bytes; nothing when it is missing, not a regular file, or
  /// larger than FileSizeLimit(path) (source/size_limit.h), so no input can
  /// exhaust memory. ReportOversizedFiles says which files were refused.
  virtual std::optional<std::string> Read(const std::string& path) const = 0;
  /// The file's size in bytes, without reading it; nothing when unknown.
  virtual std::optional<uint64_t> Size(const std::string&) const { return std::nullopt; }
  /// Modification time where the tree has one (disk); nothing for commits.
  virtual std::optional<Timestamp> ModifiedTime(const std::string& path) const = 0;
};

/// A directory on disk, opened once here and read through that handle from
/// then on. Symlinks are not followed, so nothing outside the site is read.
std::unique_ptr<SourceTree> OpenDirectoryTree(const std::string& root);

/// An in-memory tree: path → contents (tests, serve).
std::unique_ptr<SourceTree> OpenMemoryTree(std::map<std::string, std::string> files,
                                           Timestamp mtime = 0);

/// What a CommittedValueReader kept of a file as one commit left it.
struct CommittedValue {
  std::string commit;  // hex id of the commit that changed the file
  Timestamp time = 0;  // its commit time
  std::string value;
};

struct FileHistory {
  Timestamp first = 0;  // first commit that touched the file
  Timestamp last = 0;   // last commit that touched it
  /// For the files a CommittedValueReader wants: one entry per commit that
  /// changed the file (and did not delete it), newest first.
  std::vector<CommittedValue> committed;
};

/// Keeps a value from every committed version of some files, read during
/// the one history walk (so no file's history is walked on its own). The
/// loader supplies it: it knows the file formats, this module does not.
struct CommittedValueReader {
  /// Whether to read `path` (relative to the site) at each commit that changed it.
  std::function<bool(const std::string& path)> wants;
  /// What to keep of the file as committed; nothing keeps nothing.
  std::function<std::optional<std::string>(const std::string& path, std::string_view text)> read;
};

struct GitSnapshot {
  std::unique_ptr<SourceTree> tree;  // the commit's tree (with a ref) or null (working tree)
  std::string commit;                // hex id of the built commit
  Timestamp commit_time = 0;
  std::map<std::string, FileHistory> history;  // path → first/last commit time
};

enum class GitOpen { kOk, kNotARepository, kError };

/// Opens the repository at `root` (its top folder or a bare repository;
/// parents are not searched, so a site inside another repository's folder
/// builds from files). With a non-empty `ref`, the tree of
/// that commit is the source; otherwise the working tree is read from disk
/// and only history comes from Git. History is walked once for all files;
/// `reader`, when given, picks values from the committed versions of the
/// files it wants during that walk (FileHistory::committed).
GitOpen OpenGitSnapshot(const std::string& root, const std::string& ref, GitSnapshot* out,
                        std::string* error, const CommittedValueReader* reader = nullptr);

struct GitChanges {
  std::string base_commit;        // hex id of the merge base of `since` and the checked commit
  std::set<std::string> paths;    // added, changed or deleted, relative to the site folder
};

/// Files that differ between the merge base of `since` and the checked
/// tree: the commit `ref`, or with an empty `ref` the working tree
/// (uncommitted and untracked files included). `herald check --since`.
bool ChangedFiles(const std::string& root, const std::string& since, const std::string& ref,
                  GitChanges* out, std::string* error);

}  // namespace herald
