#include "build/pipeline.h"

#include <filesystem>

#include "build/page_reuse.h"
#include "render/csaf.h"
#include "render/discovery.h"
#include "render/feeds.h"
#include "render/html_pages.h"
#include "render/security_txt.h"
#include "render/support_terms.h"
#include "render/templates.h"
#include "render/theme.h"
#include "write/publisher.h"

namespace herald {
namespace {

namespace fs = std::filesystem;

void CopyStatic(const SourceTree& tree, Output* out) {
  for (const auto& path : tree.List("static")) {
    if (auto bytes = tree.Read(path)) (*out)[path.substr(sizeof("static/") - 1)] = std::move(*bytes);
  }
}

}  // namespace

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

bool RenderSite(const LoadedSite& loaded, Output* out, Diagnostics& diags) {
  return RenderSite(loaded, nullptr, out, diags);
}

bool RenderSite(const LoadedSite& loaded, PageReuse* reuse, Output* out, Diagnostics& diags) {
  const Site& site = loaded.site;
  Theme theme = LoadTheme(*loaded.tree, site.config.build.theme, diags);
  TemplateSet templates;
  if (!templates.Compile(theme, diags)) return false;
  for (const auto& [path, bytes] : theme.assets) (*out)[path] = bytes;
  CopyStatic(*loaded.tree, out);
  PageReuse::Render(reuse, site, templates, PlanHtmlPages(site), out, diags);
  RenderFeeds(site, out);
  RenderSecurityTxt(site, out, diags);
  RenderSupportTerms(site, out);
  RenderCsaf(site, out, diags);
  RenderDiscovery(site, PlanHtmlPages(site), out);  // after the pages: the sitemap lists them
  return !diags.HasErrors();
}

bool Build(const BuildOptions& options, Diagnostics& diags, BuildStats* stats) {
  auto report = [&](const std::string& phase, size_t done, size_t total) {
    if (options.progress) options.progress(phase, done, total);
  };
  report("loading", 0, 3);
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

  report("rendering", 1, 3);
  Output output;
  if (!RenderSite(*loaded, &output, diags)) return false;

  report("writing", 2, 3);
  if (!PublishToDirectory(output, out_dir, diags)) return false;
  report("done", 3, 3);
  if (stats) {
    stats->files = output.size();
    stats->advisories = loaded->site.advisories.size();
    stats->devices = loaded->site.devices.size();
    stats->out_dir = out_dir;
    for (const auto& [path, bytes] : output) {
      if (path.size() >= 5 && path.compare(path.size() - 5, 5, ".html") == 0) ++stats->pages;
    }
  }
  return true;
}

}  // namespace herald
