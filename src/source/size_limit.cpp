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

std::set<std::string> ReportOversizedFiles(const SourceTree& tree, Diagnostics& diags,
                                           std::vector<std::string>* content) {
  std::vector<ListedFile> files;
  auto list = [&](const char* dir) {
    for (auto& file : tree.ListSizes(dir)) files.push_back(std::move(file));
  };
  list("advisories");
  list("content");
  const size_t content_end = files.size();
  list("themes");
  list("static");
  files.push_back({"site.toml", tree.Size("site.toml")});
  std::set<std::string> oversized;
  for (const auto& [path, size] : files) {
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
  for (size_t i = 0; content && i < content_end; ++i) content->push_back(std::move(files[i].path));
  return oversized;
}

}  // namespace herald
