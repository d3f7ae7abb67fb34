#include <algorithm>
#include <filesystem>
#include <fstream>

#include "source/size_limit.h"
#include "source/source_tree.h"

namespace herald {
namespace {

namespace fs = std::filesystem;

class DirectoryTree : public SourceTree {
 public:
  explicit DirectoryTree(fs::path root) : root_(std::move(root)) {}

  std::vector<std::string> List(const std::string& dir) const override {
    std::vector<std::string> out;
    std::error_code ec;
    fs::path base = dir.empty() ? root_ : root_ / dir;
    if (!fs::is_directory(fs::symlink_status(base, ec))) return out;
    auto it = fs::recursive_directory_iterator(base, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      fs::file_status st = it->symlink_status(ec);
      if (fs::is_symlink(st)) {
        it.disable_recursion_pending();
        continue;
      }
      if (!fs::is_regular_file(st)) continue;
      // Lexical: fs::relative would resolve every component (realpath, readlink).
      std::string rel = it->path().lexically_relative(base).generic_string();
      out.push_back(dir.empty() ? rel : dir + "/" + rel);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::optional<std::string> Read(const std::string& path) const override {
    auto full = Resolve(path);
    if (!full) return std::nullopt;
    uint64_t limit = FileSizeLimit(path);
    std::error_code ec;
    if (fs::file_size(*full, ec) > limit || ec) return std::nullopt;
    std::ifstream in(*full, std::ios::binary);
    if (!in) return std::nullopt;
    // Bounded even if the file grows between the size check and the read.
    std::string bytes;
    char chunk[1 << 16];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
      bytes.append(chunk, static_cast<size_t>(in.gcount()));
      if (bytes.size() > limit) return std::nullopt;
    }
    return bytes;
  }

  std::optional<uint64_t> Size(const std::string& path) const override {
    auto full = Resolve(path);
    if (!full) return std::nullopt;
    std::error_code ec;
    uint64_t size = fs::file_size(*full, ec);
    if (ec) return std::nullopt;
    return size;
  }

  std::optional<Timestamp> ModifiedTime(const std::string& path) const override {
    std::error_code ec;
    auto t = fs::last_write_time(root_ / path, ec);
    if (ec) return std::nullopt;
    auto sys = std::chrono::file_clock::to_sys(t);
    return std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count();
  }

 private:
  // The file at `path` when every component is a plain name, none is a
  // symlink (so nothing outside the site folder is reached) and the file is
  // a regular one (a FIFO or device would block or never end).
  std::optional<fs::path> Resolve(const std::string& path) const {
    if (path.empty() || path.front() == '/') return std::nullopt;
    std::error_code ec;
    fs::path full = root_;
    for (const auto& part : fs::path(path)) {
      if (part.empty() || part == "." || part == ".." || part.is_absolute() || part == "/") {
        return std::nullopt;
      }
      full /= part;
      if (fs::is_symlink(fs::symlink_status(full, ec))) return std::nullopt;
    }
    if (!fs::is_regular_file(fs::symlink_status(full, ec))) return std::nullopt;
    return full;
  }

  fs::path root_;
};

class MemoryTree : public SourceTree {
 public:
  MemoryTree(std::map<std::string, std::string> files, Timestamp mtime)
      : files_(std::move(files)), mtime_(mtime) {}

  std::vector<std::string> List(const std::string& dir) const override {
    std::vector<std::string> out;
    std::string prefix = dir.empty() ? "" : dir + "/";
    for (const auto& [path, text] : files_) {
      if (path.rfind(prefix, 0) == 0) out.push_back(path);
    }
    return out;
  }
  std::optional<std::string> Read(const std::string& path) const override {
    auto it = files_.find(path);
    if (it == files_.end() || it->second.size() > FileSizeLimit(path)) return std::nullopt;
    return it->second;
  }
  std::optional<uint64_t> Size(const std::string& path) const override {
    auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    return it->second.size();
  }
  std::optional<Timestamp> ModifiedTime(const std::string&) const override { return mtime_; }

 private:
  std::map<std::string, std::string> files_;
  Timestamp mtime_;
};

}  // namespace

std::unique_ptr<SourceTree> OpenDirectoryTree(const std::string& root) {
  return std::make_unique<DirectoryTree>(root);
}

std::unique_ptr<SourceTree> OpenMemoryTree(std::map<std::string, std::string> files,
                                           Timestamp mtime) {
  return std::make_unique<MemoryTree>(std::move(files), mtime);
}

}  // namespace herald
