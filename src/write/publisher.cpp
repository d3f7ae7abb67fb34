#include "write/publisher.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

#include "base/parallel.h"

namespace herald {
namespace {

namespace fs = std::filesystem;

std::string UniqueSuffix() {
  std::random_device rd;
  return std::to_string(::getpid()) + "-" + std::to_string(rd());
}

// Writes all of `bytes` to a new file; false with errno set when it cannot.
bool WriteFile(const std::string& file, std::string_view bytes) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = errno;
      ::close(fd);
      errno = saved;
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return ::close(fd) == 0;
}

// mkdir -p of `dir` under `root`; nearly always the parent exists already,
// so one mkdir call.
bool MakeDirectories(const std::string& root, const std::string& dir) {
  std::string full = root + "/" + dir;
  if (::mkdir(full.c_str(), 0777) == 0 || errno == EEXIST) return true;
  if (errno != ENOENT) return false;
  size_t slash = dir.rfind('/');
  if (slash != std::string::npos && !MakeDirectories(root, dir.substr(0, slash))) return false;
  return ::mkdir(full.c_str(), 0777) == 0 || errno == EEXIST;
}

}  // namespace

bool IsSafeOutputPath(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string seg = path.substr(start, slash == std::string::npos ? slash : slash - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    for (unsigned char c : seg) {
      if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') return false;
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

StagedDirectory::StagedDirectory(std::string out_dir) {
  std::error_code ec;
  fs::path target = fs::absolute(out_dir, ec);
  while (!target.empty() && target.filename().empty()) target = target.parent_path();
  std::string base = target.filename().string();
  target_ = target.string();
  staging_ = (target.parent_path() / ("." + base + ".tmp-" + UniqueSuffix())).string();
  previous_ = (target.parent_path() / ("." + base + ".old-" + UniqueSuffix())).string();
}

StagedDirectory::~StagedDirectory() {
  std::error_code ec;
  if (open_ && !committed_) fs::remove_all(staging_, ec);
}

bool StagedDirectory::Open(Diagnostics& diags) {
  std::error_code ec;
  fs::create_directories(fs::path(staging_).parent_path(), ec);
  if (!fs::create_directory(staging_, ec)) {
    diags.Error({}, "cannot create " + staging_ + ": " + ec.message());
    return false;
  }
  open_ = true;
  return true;
}

void StagedDirectory::Fail(std::string message) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!failed_.exchange(true)) error_ = std::move(message);
}

// Makes the folders above `path` in the staging folder, each once.
bool StagedDirectory::MakeParents(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return true;
  std::string dir = path.substr(0, slash);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (dirs_.count(dir)) return true;
  }
  // Outside the lock: the other writers go on meanwhile, and two threads
  // making the same folder both succeed (EEXIST counts as made).
  if (!MakeDirectories(staging_, dir)) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::string d = dir; !d.empty() && dirs_.insert(d).second;) {
    size_t up = d.rfind('/');
    d = up == std::string::npos ? "" : d.substr(0, up);
  }
  return true;
}

void StagedDirectory::Put(const std::string& path, std::string bytes) { Write(path, bytes); }

void StagedDirectory::Write(const std::string& path, std::string_view bytes) {
  if (!open_ || failed_) return;  // the build is lost anyway; spare the disk
  if (!IsSafeOutputPath(path)) {
    Fail("refusing to write unsafe output path '" + path + "'");
    return;
  }
  std::string file = staging_ + "/" + path;
  if (!MakeParents(path)) {
    Fail("cannot write " + file + ": cannot create its folder");
    return;
  }
  if (!WriteFile(file, bytes)) {
    Fail("cannot write " + file + ": " + std::strerror(errno));
    return;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  paths_.insert(path);
}

std::set<std::string> StagedDirectory::paths() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return paths_;
}

bool StagedDirectory::Commit(Diagnostics& diags) {
  std::error_code ec;
  auto fail = [&](const std::string& message) {
    diags.Error({}, message);
    fs::remove_all(staging_, ec);
    committed_ = true;  // nothing left to clean up
    return false;
  };
  if (!open_) return false;
  if (failed_) return fail(error_);
  bool had_previous = fs::exists(target_, ec);
  if (had_previous) {
    fs::rename(target_, previous_, ec);
    if (ec) return fail("cannot move the previous output " + target_ + " aside: " + ec.message());
  }
  fs::rename(staging_, target_, ec);
  if (ec) {
    std::error_code restore;
    if (had_previous) fs::rename(previous_, target_, restore);
    return fail("cannot move the new output into " + target_ + ": " + ec.message());
  }
  committed_ = true;
  if (had_previous) fs::remove_all(previous_, ec);
  return true;
}

bool PublishToDirectory(const Output& output, const std::string& out_dir, Diagnostics& diags) {
  StagedDirectory dir(out_dir);
  if (!dir.Open(diags)) return false;
  // Unsafe paths are refused before anything is written.
  for (const auto& [path, bytes] : output) {
    if (!IsSafeOutputPath(path)) {
      diags.Error({}, "refusing to write unsafe output path '" + path + "'");
      return false;
    }
  }
  std::vector<const Output::value_type*> files;
  for (const auto& entry : output) files.push_back(&entry);
  ParallelFor(files.size(), [&](size_t i) { dir.Write(files[i]->first, files[i]->second); });
  return dir.Commit(diags);
}

}  // namespace herald
