#include "build/incremental.h"

#include <algorithm>
#include <chrono>

#include "build/pipeline.h"

namespace herald {
namespace {

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

IncrementalBuild::IncrementalBuild(SourceOptions options)
    : options_(std::move(options)), load_cache_(options_.site_dir) {}

void IncrementalBuild::Invalidate(const std::string& path) {
  if (path.empty() || path == ".git" || path.rfind(".git/", 0) == 0) load_cache_.InvalidateGit();
  load_cache_.Invalidate(path);
}

RebuildStats IncrementalBuild::Rebuild(Diagnostics& diags) {
  RebuildStats stats;
  auto start = std::chrono::steady_clock::now();
  auto loaded = LoadSite(options_, diags, &load_cache_);
  stats.files_parsed = load_cache_.parsed();
  stats.load_ms = MillisecondsSince(start);
  stats.readable = loaded.has_value();
  if (!loaded || diags.HasErrors()) return stats;

  auto render_start = std::chrono::steady_clock::now();
  Output out;
  page_reuse_.Begin(output_.get());
  bool rendered = RenderSite(*loaded, &page_reuse_, &out, diags);
  stats.render_ms = MillisecondsSince(render_start);
  stats.pages_planned = page_reuse_.planned();
  stats.pages_rendered = page_reuse_.rendered();
  stats.pages_ms = page_reuse_.milliseconds();
  if (!rendered) return stats;

  // Keep the old bytes of every unchanged file, so snapshots share them.
  auto next = std::make_shared<SharedOutput>();
  const SharedOutput& previous = *output_;
  const auto& reused = page_reuse_.reused();
  for (auto& [path, bytes] : out) {
    auto old = previous.find(path);
    if (old != previous.end() && (reused.count(path) || *old->second == bytes)) {
      next->emplace_hint(next->end(), path, old->second);
    } else {
      next->emplace_hint(next->end(), path, std::make_shared<const std::string>(std::move(bytes)));
      stats.changed.push_back(path);
    }
  }
  for (const auto& [path, bytes] : previous) {
    if (!next->count(path)) stats.changed.push_back(path);
  }
  std::sort(stats.changed.begin(), stats.changed.end());
  page_reuse_.Commit();
  output_ = std::move(next);
  stats.ok = true;
  stats.outputs = output_->size();
  stats.total_ms = MillisecondsSince(start);
  return stats;
}

}  // namespace herald
