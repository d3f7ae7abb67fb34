#include "write/publisher.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>

#include "base/parallel.h"

namespace herald {
namespace {

namespace fs = std::filesystem;

std::string UniqueSuffix() {
  std::random_device rd;
  return std::to_string(::getpid()) + "-" + std::to_string(rd());
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

bool PublishToDirectory(const Output& output, const std::string& out_dir, Diagnostics& diags) {
  std::error_code ec;
  fs::path target = fs::absolute(out_dir, ec);
  while (!target.empty() && target.filename().empty()) target = target.parent_path();
  fs::path parent = target.parent_path();
  fs::create_directories(parent, ec);
  std::string base = target.filename().string();
  fs::path staging = parent / ("." + base + ".tmp-" + UniqueSuffix());
  fs::path previous = parent / ("." + base + ".old-" + UniqueSuffix());

  auto fail = [&](const std::string& message) {
    diags.Error({}, message);
    fs::remove_all(staging, ec);
    return false;
  };
  if (!fs::create_directory(staging, ec)) {
    return fail("cannot create " + staging.string() + ": " + ec.message());
  }

  std::vector<const std::pair<const std::string, std::string>*> files;
  for (const auto& entry : output) {
    if (!IsSafeOutputPath(entry.first)) {
      return fail("refusing to write unsafe output path '" + entry.first + "'");
    }
    files.push_back(&entry);
  }
  for (const auto* f : files) fs::create_directories((staging / f->first).parent_path(), ec);
  std::atomic<bool> ok{true};
  std::string first_error;
  std::mutex error_mutex;
  ParallelFor(files.size(), [&](size_t i) {
    std::ofstream outf(staging / files[i]->first, std::ios::binary | std::ios::trunc);
    outf.write(files[i]->second.data(), static_cast<std::streamsize>(files[i]->second.size()));
    if (!outf.good()) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (ok.exchange(false)) first_error = "cannot write " + (staging / files[i]->first).string();
    }
  });
  if (!ok) return fail(first_error);

  bool had_previous = fs::exists(target, ec);
  if (had_previous) {
    fs::rename(target, previous, ec);
    if (ec) return fail("cannot move the previous output " + target.string() + " aside: " + ec.message());
  }
  fs::rename(staging, target, ec);
  if (ec) {
    std::error_code restore;
    if (had_previous) fs::rename(previous, target, restore);
    return fail("cannot move the new output into " + target.string() + ": " + ec.message());
  }
  if (had_previous) fs::remove_all(previous, ec);
  return true;
}

}  // namespace herald
