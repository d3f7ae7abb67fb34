#include "source/size_limit.h"

#include <cstdio>

#include "base/diagnostics.h"
#include "source/source_tree.h"

namespace herald {
namespace {

bool IsStaticAsset(std::string_view path) {
  if (path.rfind("static/", 0) == 0) return true;
  // themes/NAME/static/…
  if (path.rfind("themes/", 0) != 0) return false;
  size_t slash = path.find('/', 7);
  return slash != std::string_view::npos && path.substr(slash + 1).rfind("static/", 0) == 0;
}

// "8.0 MiB (8388609 bytes)": the rounded size a person reads, and the exact one.
std::string Describe(uint64_t bytes) {
  char mib[32];
  std::snprintf(mib, sizeof mib, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  return std::string(mib) + " (" + std::to_string(bytes) + " bytes)";
}

}  // namespace

uint64_t FileSizeLimit(std::string_view path) {
  return IsStaticAsset(path) ? kMaxStaticFileBytes : kMaxTextFileBytes;
}

std::set<std::string> ReportOversizedFiles(const SourceTree& tree, Diagnostics& diags) {
  std::set<std::string> oversized;
  std::vector<std::string> paths = {"site.toml"};
  for (const char* dir : {"advisories", "content", "themes", "static"}) {
    for (auto& path : tree.List(dir)) paths.push_back(std::move(path));
  }
  for (const std::string& path : paths) {
    std::optional<uint64_t> size = tree.Size(path);
    uint64_t limit = FileSizeLimit(path);
    if (!size || *size <= limit) continue;
    oversized.insert(path);
    std::string kind = IsStaticAsset(path) ? "static assets" : "content and configuration files";
    std::string advice = IsStaticAsset(path)
                             ? "host large downloads elsewhere and link to them"
                             : "split it into smaller files";
    diags.Error({path, 1, 1}, "the file is " + Describe(*size) + "; herald reads " + kind +
                                  " of up to " + Describe(limit) + ", so it was not read: " +
                                  advice);
  }
  return oversized;
}

}  // namespace herald
