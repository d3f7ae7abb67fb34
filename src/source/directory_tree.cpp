#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>

#include "source/size_limit.h"
#include "source/source_tree.h"

namespace herald {
namespace {

struct Fd {
  int fd;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// A relative path of plain names: no empty, "." or ".." component.
bool PlainRelative(std::string_view path) {
  for (size_t start = 0;;) {
    size_t slash = path.find('/', start);
    std::string_view part = path.substr(start, slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

// What openat2 with RESOLVE_NO_SYMLINKS does, one component at a time, for
// kernels before 5.6 and sandboxes that refuse the call.
int OpenByComponents(int root, const std::string& path, int flags) {
  int dir = root;
  size_t start = 0;
  for (size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1) {
    int next = ::openat(dir, path.substr(start, slash - start).c_str(),
                        O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dir != root) ::close(dir);
    if (next < 0) return -1;
    dir = next;
  }
  int fd = ::openat(dir, path.c_str() + start, flags);
  if (dir != root) ::close(dir);
  return fd;
}

// Reads an open regular file of `size` bytes to its end; nothing when it
// has grown past `limit` meanwhile.
std::optional<std::string> ReadToEnd(int fd, uint64_t size, uint64_t limit) {
  std::string bytes(size + 1, '\0');  // the extra byte tells a grown file at once
  size_t got = 0;
  while (true) {
    if (got == bytes.size()) {
      if (got > limit) return std::nullopt;
      bytes.resize(std::min<uint64_t>(limit + 1, 2 * got));
    }
    ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n == 0) break;
    if (n < 0 && errno != EINTR) return std::nullopt;
    if (n > 0) got += static_cast<size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

// Calls visit(folder, name, path) for each regular file in the open folder
// `fd` (closed here) and in its folders that are no symlinks; `path` is
// `prefix` + the file's path relative to `fd`.
template <typename Visit>
void Walk(int fd, const std::string& prefix, const Visit& visit) {
  DIR* dir = ::fdopendir(fd);
  if (!dir) {
    ::close(fd);
    return;
  }
  while (const dirent* entry = ::readdir(dir)) {
    std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    unsigned char type = entry->d_type;
    struct stat st;
    if (type == DT_UNKNOWN &&
        ::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
      type = IFTODT(st.st_mode);
    }
    if (type == DT_REG) {
      visit(::dirfd(dir), entry->d_name, prefix + entry->d_name);
    } else if (type == DT_DIR) {
      int sub =
          ::openat(::dirfd(dir), entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub >= 0) Walk(sub, prefix + entry->d_name + "/", visit);
    }
  }
  ::closedir(dir);
}

// Every path is opened relative to the site folder, opened once, by one
// call that refuses symlinks in all its components: a build opens 12,000
// files, and checking each component apart walked every path five times.
class DirectoryTree : public SourceTree {
 public:
  explicit DirectoryTree(const std::string& root)
      : root_(::open(root.empty() ? "." : root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {}

  std::vector<std::string> List(const std::string& dir) const override {
    std::vector<std::string> out;
    WalkFolder(dir, [&](int, const char*, std::string path) { out.push_back(std::move(path)); });
    std::sort(out.begin(), out.end());
    return out;
  }

  std::vector<ListedFile> ListSizes(const std::string& dir) const override {
    std::vector<ListedFile> out;
    WalkFolder(dir, [&](int folder, const char* name, std::string path) {
      struct stat st;
      bool regular = ::fstatat(folder, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
      out.push_back(
          {std::move(path), regular ? std::optional<uint64_t>(st.st_size) : std::nullopt});
    });
    std::sort(out.begin(), out.end(),
              [](const ListedFile& a, const ListedFile& b) { return a.path < b.path; });
    return out;
  }

  std::optional<std::string> Read(const std::string& path) const override {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
    Fd file(OpenBeneath(path, O_RDONLY | O_NONBLOCK));
    auto size = RegularFileSize(file.fd);
    uint64_t limit = FileSizeLimit(path);
    if (!size || *size > limit) return std::nullopt;
    return ReadToEnd(file.fd, *size, limit);
  }

  std::optional<uint64_t> Size(const std::string& path) const override {
    Fd file(OpenBeneath(path, O_PATH));
    return RegularFileSize(file.fd);
  }

  std::optional<Timestamp> ModifiedTime(const std::string& path) const override {
    struct stat st;
    if (::fstatat(root_.fd, path.c_str(), &st, 0) != 0) return std::nullopt;
    return static_cast<Timestamp>(st.st_mtim.tv_sec);
  }

 private:
  template <typename Visit>
  void WalkFolder(const std::string& dir, const Visit& visit) const {
    constexpr int kFlags = O_RDONLY | O_DIRECTORY;
    int fd = dir.empty() ? ::openat(root_.fd, ".", kFlags | O_CLOEXEC) : OpenBeneath(dir, kFlags);
    if (fd >= 0) Walk(fd, dir.empty() ? "" : dir + "/", visit);
  }

  // `path` opened with `flags` when every component is a plain name and
  // none is a symlink, so nothing outside the site folder is reached; -1
  // otherwise. One openat2 call checks all components.
  int OpenBeneath(const std::string& path, int flags) const {
    if (!PlainRelative(path)) return -1;
    flags |= O_NOFOLLOW | O_CLOEXEC;
    static std::atomic<bool> no_openat2{false};
    if (!no_openat2.load(std::memory_order_relaxed)) {
      open_how how{};
      how.flags = static_cast<uint64_t>(flags);
      how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
      int fd = static_cast<int>(::syscall(SYS_openat2, root_.fd, path.c_str(), &how, sizeof how));
      if (fd >= 0 || (errno != ENOSYS && errno != EPERM)) return fd;
      no_openat2.store(true, std::memory_order_relaxed);
    }
    return OpenByComponents(root_.fd, path, flags);
  }

  // The size of the open file `fd` when it is a regular one: a FIFO or
  // device would block or never end.
  static std::optional<uint64_t> RegularFileSize(int fd) {
    struct stat st;
    if (fd < 0 || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return static_cast<uint64_t>(st.st_size);
  }

  Fd root_;
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
