#include "preview/watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace herald::preview {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE |
                           IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF |
                           IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK;

// The folders whose every file is a build input.
constexpr const char* kTrees[] = {"advisories", "content", "themes", "static"};

bool Under(const std::string& path, const std::string& dir) {
  return path == dir || path.rfind(dir + "/", 0) == 0;
}

bool IsRealDirectory(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

Watcher::Watcher(std::string site_dir) : root_(std::move(site_dir)) {}

Watcher::~Watcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool Watcher::Start(std::string* error) {
  if (fd_ >= 0) ::close(fd_);
  dirs_.clear();
  std::error_code ec;
  fs::path real = fs::canonical(root_, ec);  // the site folder may be a symlink
  if (!ec) root_ = real.string();
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) {
    *error = std::string("cannot watch files: inotify: ") + std::strerror(errno);
    return false;
  }
  bool ok = WatchTree("", false);
  for (const char* tree : kTrees) {
    if (ok && IsRealDirectory(root_ + "/" + tree)) ok = WatchTree(tree, true);
  }
  if (ok && IsRealDirectory(root_ + "/.git")) {
    ok = WatchTree(".git", false) &&
         (!IsRealDirectory(root_ + "/.git/refs") || WatchTree(".git/refs", true));
  }
  if (!ok) *error = error_;
  return ok;
}

bool Watcher::WatchTree(const std::string& rel, bool recursive) {
  std::string full = rel.empty() ? root_ : root_ + "/" + rel;
  int wd = ::inotify_add_watch(fd_, full.c_str(), kMask);
  if (wd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return true;  // gone again already
    error_ = "cannot watch " + full + ": " + std::strerror(errno) +
             (errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : "");
    return false;
  }
  dirs_[wd] = rel;  // a folder moved inside the site keeps its descriptor: rename it
  if (!recursive) return true;
  std::error_code ec;
  for (fs::directory_iterator it(full, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_symlink(ec) && it->is_directory(ec)) {
      if (!WatchTree(rel + "/" + it->path().filename().string(), true)) return false;
    }
  }
  return true;
}

void Watcher::Unwatch(const std::string& rel) {
  for (auto it = dirs_.begin(); it != dirs_.end();) {
    if (Under(it->second, rel)) {
      ::inotify_rm_watch(fd_, it->first);
      it = dirs_.erase(it);
    } else {
      ++it;
    }
  }
}

bool Watcher::Relevant(const std::string& rel) const {
  if (rel == "site.toml") return true;
  for (const char* tree : kTrees) {
    if (Under(rel, tree)) return true;
  }
  if (rel.size() > 5 && rel.compare(rel.size() - 5, 5, ".lock") == 0) return false;
  return rel == ".git/HEAD" || rel == ".git/packed-refs" || Under(rel, ".git/refs");
}

bool Watcher::Drain(ChangeBatch* out) {
  alignas(struct inotify_event) char buffer[64 * 1024];
  bool any = false;
  while (true) {
    ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    for (char* p = buffer; p < buffer + n;) {
      auto* ev = reinterpret_cast<struct inotify_event*>(p);
      p += sizeof(struct inotify_event) + ev->len;
      if (ev->mask & IN_Q_OVERFLOW) {
        out->overflow = any = true;
        continue;
      }
      auto dir = dirs_.find(ev->wd);
      if (dir == dirs_.end()) continue;
      if (ev->mask & IN_IGNORED) {
        dirs_.erase(dir);
        continue;
      }
      std::string name = ev->len ? std::string(ev->name) : "";
      std::string rel = name.empty() ? dir->second : dir->second.empty() ? name : dir->second + "/" + name;
      if ((ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) && dir->second.empty()) {
        out->overflow = any = true;  // the site folder itself went away
        continue;
      }
      if (!Relevant(rel)) continue;
      if ((ev->mask & IN_ISDIR) && (ev->mask & IN_MOVED_FROM)) Unwatch(rel);
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
        if (!WatchTree(rel, true)) out->overflow = true;
      }
      out->paths.insert(rel);
      any = true;
      settled_ = !(ev->mask & IN_ISDIR) && (ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO));
    }
  }
  return any;
}

Watcher::Result Watcher::Wait(ChangeBatch* out, int interrupt_fd, std::chrono::milliseconds timeout,
                              std::chrono::milliseconds quiet, std::chrono::milliseconds max_batch,
                              std::chrono::milliseconds settled) {
  auto poll_for = [&](Clock::time_point until, bool* interrupted) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
    struct pollfd fds[2] = {{fd_, POLLIN, 0}, {interrupt_fd, POLLIN, 0}};
    int r = ::poll(fds, interrupt_fd >= 0 ? 2 : 1, std::max<int>(0, static_cast<int>(left.count())));
    *interrupted = r > 0 && interrupt_fd >= 0 && (fds[1].revents & (POLLIN | POLLHUP));
    return r > 0 && (fds[0].revents & POLLIN);
  };
  bool interrupted = false;
  auto deadline = Clock::now() + timeout;
  bool changed = false;
  while (!changed) {
    if (Clock::now() >= deadline) return Result::kTimeout;
    bool readable = poll_for(deadline, &interrupted);
    if (interrupted) return Result::kInterrupted;
    if (readable) changed = Drain(out);
  }
  // Coalesce the burst: wait for a quiet moment, within max_batch.
  auto batch_end = Clock::now() + max_batch;
  while (Clock::now() < batch_end) {
    auto until = std::min(batch_end, Clock::now() + (settled_ ? settled : quiet));
    bool readable = poll_for(until, &interrupted);
    if (interrupted) return Result::kInterrupted;
    if (!readable) break;
    Drain(out);
  }
  if (out->overflow) {
    std::string error;
    Start(&error);  // watch everything again; the caller rebuilds everything
  }
  return Result::kChanges;
}

}  // namespace herald::preview
