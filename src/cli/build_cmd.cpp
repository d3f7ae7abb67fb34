#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "build/pipeline.h"
#include "cli/cli.h"

namespace herald::cli {
namespace {

const Command& BuildCommand() { return Commands()[1]; }

// A progress line on a terminal, once the build has taken a moment.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled), start_(Clock::now()) {}
  ~ProgressLine() { Clear(); }

  void Update(const std::string& phase, size_t done, size_t total) {
    if (!enabled_ || Clock::now() - start_ < std::chrono::milliseconds(300)) return;
    std::cerr << "\r\033[Kherald: " << phase << " (" << done << "/" << total << ")" << std::flush;
    shown_ = true;
  }
  void Clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_;
};

}  // namespace

/// SOURCE_DATE_EPOCH as the reproducible-builds spec defines it: decimal seconds.
bool ReadSourceDateEpoch(std::optional<Timestamp>* out, std::string* error) {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return true;
  char* end = nullptr;
  long long value = std::strtoll(env, &end, 10);
  if (*end != '\0' || value < 0) {
    *error = std::string("SOURCE_DATE_EPOCH is '") + env + "'; expected seconds since 1970 (an integer)";
    return false;
  }
  *out = value;
  return true;
}

int RunBuild(Args& args) {
  BuildOptions options;
  Verbosity verbosity = ReadVerbosity(args);
  args.Value("--out", &options.out_dir);
  args.Value("--ref", &options.source.ref);
  args.Value("--base-url", &options.source.base_url);
  options.source.drafts = args.Flag("--drafts");
  std::vector<std::string> rest;
  std::string error;
  if (!args.Rest(&rest, &error)) return UsageError(BuildCommand(), error);
  if (rest.size() > 1) return UsageError(BuildCommand(), "expected at most one SITE_DIR");
  if (!rest.empty()) options.source.site_dir = rest[0];
  if (!options.source.base_url.empty() && options.source.base_url.rfind("https://", 0) != 0 &&
      options.source.base_url.rfind("http://", 0) != 0) {
    return UsageError(BuildCommand(), "--base-url must be an absolute http(s) URL");
  }
  if (!ReadSourceDateEpoch(&options.source.source_date_epoch, &error)) {
    return UsageError(BuildCommand(), error);
  }
  options.source.generator_version = Version();

  ProgressLine progress(verbosity != Verbosity::kQuiet && ::isatty(STDERR_FILENO));
  auto start = std::chrono::steady_clock::now();
  options.free_site = false;  // herald exits right after
  options.progress = [&](const std::string& phase, size_t done, size_t total) {
    if (verbosity == Verbosity::kVerbose) {
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::steady_clock::now() - start).count();
      std::cerr << "herald: " << phase << " (" << ms << " ms)\n";
    } else {
      progress.Update(phase, done, total);
    }
  };

  Diagnostics diags;
  BuildStats stats;
  bool ok = Build(options, diags, &stats);
  progress.Clear();
  PrintDiagnostics(diags, verbosity);
  if (!ok) {
    size_t errors = diags.ErrorCount();
    std::cerr << "herald: build failed with " << errors << (errors == 1 ? " error" : " errors")
              << "; the previous output was left as it was\n";
    return kContentErrors;
  }
  if (verbosity != Verbosity::kQuiet) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start).count();
    std::cout << "Built " << stats.advisories << " advisories, " << stats.devices << " devices, "
              << stats.pages << " pages (" << stats.files << " files) into " << stats.out_dir
              << " in " << ms << " ms\n";
  }
  return kOk;
}

}  // namespace herald::cli
