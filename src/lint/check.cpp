#include "lint/check.h"

#include <tuple>

#include "build/pipeline.h"
#include "lint/lint.h"

namespace herald {
namespace {

auto Key(const Diagnostic& d) {
  return std::tie(d.where.path, d.where.line, d.where.column, d.severity, d.message, d.check);
}

std::vector<Diagnostic> Check(const SourceOptions& source, Timestamp now, const Release* previous,
                              Timestamp* build_time) {
  Diagnostics diags;
  if (auto loaded = LoadSite(source, diags)) {
    if (build_time) *build_time = loaded->site.build.build_time;
    CheckLoadedSite(*loaded, now, diags, previous);
  }
  return diags.Sorted();
}

// A problem with the command's inputs rather than with a file.
Diagnostic FileLessError(std::string message) {
  Diagnostic d;
  d.severity = Severity::kError;
  d.message = std::move(message);
  return d;
}

}  // namespace

void CheckLoadedSite(const LoadedSite& loaded, Timestamp now, Diagnostics& diags,
                     const Release* previous) {
  // A build renders only a cleanly loaded site. Render errors (CSAF, feeds)
  // leave the other files in place; no files at all means the templates failed.
  Output output;
  if (!diags.HasErrors()) RenderSite(loaded, &output, diags);
  LintInput input;
  input.site = &loaded.site;
  input.tree = loaded.tree.get();
  input.output = output.empty() ? nullptr : &output;
  input.now = now;
  input.previous = previous;
  RunLint(input, diags);
}

std::vector<Diagnostic> KeepIntroduced(const std::vector<Diagnostic>& current,
                                       const std::vector<Diagnostic>& before,
                                       const std::set<std::string>& changed, size_t* hidden) {
  std::set<decltype(Key(before.front()))> old;
  for (const Diagnostic& d : before) old.insert(Key(d));
  std::vector<Diagnostic> kept;
  size_t dropped = 0;
  for (const Diagnostic& d : current) {
    if (d.where.path.empty() || changed.count(d.where.path) || !old.count(Key(d))) {
      kept.push_back(d);
    } else {
      ++dropped;
    }
  }
  if (hidden) *hidden = dropped;
  return kept;
}

CheckReport CheckSite(const CheckOptions& options) {
  CheckReport report;
  GitChanges changes;
  if (!options.since.empty()) {
    std::string error;
    if (!ChangedFiles(options.source.site_dir, options.since, options.source.ref, &changes,
                      &error)) {
      report.findings.push_back(FileLessError(error));
      return report;
    }
  }
  // The previous release is read once; the base of --since is compared with it too.
  std::optional<Release> previous;
  if (!options.against.empty()) {
    std::string error;
    previous.emplace();
    if (!LoadRelease(options.against, options.source, &*previous, &error)) {
      report.findings.push_back(FileLessError(error));
      return report;
    }
  }
  const Release* against = previous ? &*previous : nullptr;
  Timestamp build_time = 0;
  report.findings = Check(options.source, options.now, against, &build_time);
  if (options.since.empty()) return report;
  bool elsewhere = false;
  for (const Diagnostic& d : report.findings) {
    elsewhere = elsewhere || (!d.where.path.empty() && !changes.paths.count(d.where.path));
  }
  if (!elsewhere) return report;
  // The base commit, checked at the same instant, so time alone changes nothing.
  SourceOptions base = options.source;
  base.ref = changes.base_commit;
  if (build_time != 0) base.source_date_epoch = build_time;
  std::vector<Diagnostic> before = Check(base, options.now, against, nullptr);
  report.findings = KeepIntroduced(report.findings, before, changes.paths, &report.hidden);
  return report;
}

}  // namespace herald
