#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

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
      out.push_back(fs::relative(it->path(), root_, ec).generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::optional<std::string> Read(const std::string& path) const override {
    // Every component must be a plain name and no component a symlink, so a
    // read never leaves the site folder.
    std::error_code ec;
    fs::path full = root_;
    for (const auto& part : fs::path(path)) {
      if (part.empty() || part == "." || part == ".." || part.is_absolute() || part == "/") {
        return std::nullopt;
      }
      full /= part;
      if (fs::is_symlink(fs::symlink_status(full, ec))) return std::nullopt;
    }
    if (path.empty() || path.front() == '/') return std::nullopt;
    std::ifstream in(full, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  std::optional<Timestamp> ModifiedTime(const std::string& path) const override {
    std::error_code ec;
    auto t = fs::last_write_time(root_ / path, ec);
    if (ec) return std::nullopt;
    auto sys = std::chrono::file_clock::to_sys(t);
    return std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count();
  }

 private:
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
    if (it == files_.end()) return std::nullopt;
    return it->second;
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
