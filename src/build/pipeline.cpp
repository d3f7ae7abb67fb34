#include "build/pipeline.h"

#include <filesystem>
#include <set>

#include "write/publisher.h"

namespace herald {

namespace fs = std::filesystem;

bool IsSafeOutputDir(const std::string& site_dir, const std::string& out_dir, std::string* why) {
  std::error_code ec;
  fs::path site = fs::weakly_canonical(site_dir, ec);
  fs::path out = fs::weakly_canonical(out_dir, ec);
  fs::path site_in_out = site.lexically_relative(out);
  if (!site_in_out.empty() && (site_in_out == "." || *site_in_out.begin() != "..")) {
    *why = "the output folder '" + out_dir + "' contains the site itself; choose a folder inside "
           "or beside it, such as public/";
    return false;
  }
  fs::path out_in_site = out.lexically_relative(site);
  if (!out_in_site.empty() && *out_in_site.begin() != "..") {
    static const char* kSources[] = {"content", "advisories", "themes", "static", ".git"};
    for (const char* source : kSources) {
      if (*out_in_site.begin() == source) {
        *why = "the output folder '" + out_dir + "' is inside the site's " + source +
               "/ folder; herald replaces the whole output folder, so it refuses to write there";
        return false;
      }
    }
  }
  if (fs::exists(out / "site.toml", ec) || fs::exists(out / ".git", ec)) {
    *why = "the output folder '" + out_dir + "' holds a site.toml or .git; herald replaces the "
           "whole output folder, so it refuses to touch it";
    return false;
  }
  return true;
}

bool Build(const BuildOptions& options, Diagnostics& diags, BuildStats* stats) {
  auto report = [&](const std::string& phase, size_t done, size_t total) {
    if (options.progress) options.progress(phase, done, total);
  };
  report("loading", 0, 2);
  auto loaded = LoadSite(options.source, diags);
  if (!loaded || diags.HasErrors()) return false;

  std::string out_dir = options.out_dir;
  if (out_dir.empty()) {
    out_dir = (fs::path(options.source.site_dir) / loaded->site.config.build.output_dir).string();
  }
  std::string why;
  if (!IsSafeOutputDir(options.source.site_dir, out_dir, &why)) {
    diags.Error({}, why);
    return false;
  }

  report("rendering", 1, 2);
  StagedDirectory staged(out_dir);
  if (!staged.Open(diags)) return false;
  if (!RenderSite(*loaded, staged, diags)) return false;  // the staging folder goes with `staged`
  if (!staged.Commit(diags)) return false;
  report("done", 2, 2);
  if (stats) {
    std::set<std::string> paths = staged.paths();
    stats->files = paths.size();
    stats->advisories = loaded->site.advisories.size();
    stats->devices = loaded->site.devices.size();
    stats->out_dir = out_dir;
    for (const auto& path : paths) {
      if (path.size() >= 5 && path.compare(path.size() - 5, 5, ".html") == 0) ++stats->pages;
    }
  }
  if (!options.free_site) new LoadedSite(std::move(*loaded));  // never deleted: see free_site
  return true;
}

}  // namespace herald
