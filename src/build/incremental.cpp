#include "build/incremental.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>

#include "build/dependencies.h"
#include "build/partial_render.h"
#include "build/pipeline.h"
#include "build/site_patch.h"
#include "render/csaf.h"
#include "render/html_pages.h"
#include "render/templates.h"
#include "render/theme.h"

namespace herald {
namespace {

using Clock = std::chrono::steady_clock;

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool Under(const std::string& path, const std::string& dir) {
  return path == dir || path.rfind(dir + "/", 0) == 0;
}

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The page templates whose text (partials inlined) differs between two sets.
std::set<std::string> ChangedTemplates(const PagePlan& pages, const TemplateSet& before,
                                       const TemplateSet& after) {
  std::set<std::string> names, changed;
  for (const HtmlPageJob& job : pages.jobs) names.insert(job.template_);
  for (const std::string& name : names) {
    if (before.ExpandedText(name) != after.ExpandedText(name)) changed.insert(name);
  }
  return changed;
}

}  // namespace

IncrementalBuild::IncrementalBuild(SourceOptions options)
    : options_(std::move(options)), load_cache_(options_.site_dir) {}

IncrementalBuild::~IncrementalBuild() = default;

void IncrementalBuild::Invalidate(const std::string& path) {
  if (path.empty() || path == ".git" || path.rfind(".git/", 0) == 0) load_cache_.InvalidateGit();
  load_cache_.Invalidate(path);
  pending_.insert(path);
}

RebuildStats IncrementalBuild::Rebuild(Diagnostics& diags, const Early& early) {
  auto start = Clock::now();
  if (needs_full_ || !site_) return Full(diags);
  std::set<std::string> paths = pending_.empty() ? Sweep() : pending_;
  for (const std::string& path : paths) {
    if (path.empty() || path == "site.toml" || Under(path, ".git")) return Full(diags);
  }
  RebuildStats stats;
  stats.readable = true;
  if (!Patch(paths, diags, early, &stats)) return Full(diags);
  stats.total_ms = MillisecondsSince(start);
  return stats;
}

RebuildStats IncrementalBuild::Full(Diagnostics& diags) {
  auto start = Clock::now();
  RebuildStats stats;
  stats.full = true;
  needs_full_ = true;
  auto loaded = LoadSite(options_, diags, &load_cache_);
  stats.files_parsed = load_cache_.parsed();
  stats.load_ms = MillisecondsSince(start);
  stats.readable = loaded.has_value();
  if (!loaded || diags.HasErrors()) return stats;

  auto render_start = Clock::now();
  auto theme = std::make_unique<Theme>(LoadTheme(*loaded->tree, loaded->site.config.build.theme, diags));
  auto templates = std::make_unique<TemplateSet>();
  if (!templates->Compile(*theme, diags)) return stats;
  Output out;
  OutputCollector sink(&out);
  std::set<std::string> copied;
  bool rendered = RenderSite(*loaded, *theme, *templates, sink, diags, &copied);
  stats.render_ms = MillisecondsSince(render_start);
  if (!rendered) return stats;
  auto pages = std::make_unique<PagePlan>(loaded->site);
  for (const HtmlPageJob& job : pages->jobs) stats.pages_rendered += out.count(job.path) ? 1 : 0;
  stats.pages_planned = pages->jobs.size();

  // Keep the old bytes of every unchanged file, so snapshots share them.
  std::map<std::string, std::shared_ptr<const std::string>> files;
  for (auto& [path, bytes] : out) {
    const auto* old = output_->Find(path);
    if (old && **old == bytes) {
      files.emplace_hint(files.end(), path, *old);
    } else {
      files.emplace_hint(files.end(), path, std::make_shared<const std::string>(std::move(bytes)));
      stats.changed.push_back(path);
    }
  }
  output_->ForEach([&](const std::string& path, const auto&) {
    if (!files.count(path)) stats.changed.push_back(path);
  });
  std::sort(stats.changed.begin(), stats.changed.end());
  output_ = std::make_shared<SharedOutput>(std::move(files));
  csaf_.reset();  // before the site it points into
  site_ = std::move(loaded);
  csaf_ = std::make_unique<CsafWriter>(site_->site, diags);
  pages_ = std::move(pages);
  theme_ = std::move(theme);
  templates_ = std::move(templates);
  copied_ = std::move(copied);
  front_matter_.clear();
  for (const std::string& path : load_cache_.Paths()) {
    if (const ParsedFile* parsed = load_cache_.Peek(path)) front_matter_[path] = parsed->front_matter;
  }
  pending_.clear();
  needs_full_ = false;
  stats.ok = true;
  stats.outputs = output_->size();
  stats.total_ms = MillisecondsSince(start);
  return stats;
}

std::set<std::string> IncrementalBuild::Sweep() {
  std::set<std::string> changed;
  const Site& site = site_->site;
  std::vector<std::string> listed = site_->tree->List("advisories");
  for (const auto& path : site_->tree->List("content")) listed.push_back(path);
  std::set<std::string> seen;
  for (const std::string& path : listed) {
    Diagnostics ignored;
    SourceKind kind = ClassifySource(path, ignored);
    if (kind == SourceKind::kIgnored && ignored.Sorted().empty()) continue;
    seen.insert(path);
    FileStamp stamp;
    if (!load_cache_.Find(path, ParseInputs(kind, site.config.csaf.default_tlp, site_->markdown), &stamp)) {
      changed.insert(path);
    }
  }
  for (const std::string& path : load_cache_.Paths()) {
    if (!seen.count(path)) changed.insert(path);
  }
  return changed;
}

bool IncrementalBuild::Patch(const std::set<std::string>& paths, Diagnostics& diags, const Early& early,
                             RebuildStats* stats) {
  auto start = Clock::now();
  LoadedSite& loaded = *site_;
  const Site& site = loaded.site;
  const std::string root = options_.site_dir + "/";
  const std::string theme_dir = "themes/" + site.config.build.theme;

  // What changed: content files (a folder stands for everything in it that
  // exists now or was loaded before), static files, the theme.
  std::set<std::string> content, copies;
  bool theme_changed = false;
  for (const std::string& path : paths) {
    if (Under(path, "advisories") || Under(path, "content")) {
      bool folder = IsDirectory(root + path);
      if (folder || !front_matter_.count(path)) {  // a folder, or was one
        for (const auto& file : loaded.tree->List(path)) content.insert(file);
        for (auto it = front_matter_.lower_bound(path + "/");
             it != front_matter_.end() && it->first.rfind(path + "/", 0) == 0; ++it) {
          content.insert(it->first);
        }
      }
      if (!folder) content.insert(path);
    } else if (Under(path, "static")) {
      for (const auto& file : loaded.tree->List(path)) copies.insert(file.substr(7));
      for (const auto& out : copied_) {
        if (path == "static" || Under(out, path.substr(7))) copies.insert(out);
      }
      if (path != "static" && !IsDirectory(root + path)) copies.insert(path.substr(7));
    } else if (Under(path, theme_dir)) {
      theme_changed = true;
    }
  }
  // Outside Git, unless SOURCE_DATE_EPOCH fixes it, the build time is the
  // newest file's time: every page shows it.
  bool in_git = load_cache_.git_open() == GitOpen::kOk && load_cache_.git();
  if (!content.empty() && !in_git && !options_.source_date_epoch) return false;

  std::unique_ptr<Theme> theme;
  std::unique_ptr<TemplateSet> templates;
  if (theme_changed) {  // compiled before the site changes, which an error must not leave half done
    theme = std::make_unique<Theme>(LoadTheme(*loaded.tree, site.config.build.theme, diags));
    templates = std::make_unique<TemplateSet>();
    if (!templates->Compile(*theme, diags) || diags.HasErrors()) {
      pending_ = paths;
      return true;
    }
    for (const auto& [path, bytes] : theme->assets) {
      auto old = theme_->assets.find(path);
      if (old == theme_->assets.end() || old->second != bytes) copies.insert(path);
    }
    for (const auto& [path, bytes] : theme_->assets) {
      if (!theme->assets.count(path)) copies.insert(path);
    }
  }

  SiteDelta delta;
  if (!content.empty()) {
    std::vector<std::string> files(content.begin(), content.end());
    PatchResult result = PatchSite(loaded, in_git ? load_cache_.git() : nullptr, files, load_cache_,
                                   &front_matter_, diags, &delta, &stats->files_parsed);
    if (result == PatchResult::kNeedsFullLoad) return false;
    if (result == PatchResult::kErrors) {
      pending_ = paths;
      stats->load_ms = MillisecondsSince(start);
      return true;
    }
  }
  stats->load_ms = MillisecondsSince(start);

  auto render_start = Clock::now();
  if (delta.structure) {  // pages and documents come and go, or move
    csaf_.reset();
    csaf_ = std::make_unique<CsafWriter>(site, diags);
    pages_ = std::make_unique<PagePlan>(site);
  }
  RenderPlan plan = PlanOutputs(site, delta);
  if (theme_changed) {
    std::set<std::string> changed = ChangedTemplates(*pages_, *templates_, *templates);
    for (const HtmlPageJob& job : pages_->jobs) {
      if (changed.count(job.template_)) plan.pages.insert(job.path);
    }
    theme_ = std::move(theme);
    templates_ = std::move(templates);
  }
  for (const auto& path : copies) {
    if (path.size() >= 5 && path.compare(path.size() - 5, 5, ".html") == 0) plan.sitemap = true;
    if (path.rfind(".well-known/csaf/", 0) == 0) plan.csaf_directory = true;
  }

  // Once the site changed, only a full build can recover from a failure here.
  needs_full_ = !delta.Empty() || theme_changed;
  PartialRender render(loaded, *theme_, *templates_, *pages_, *csaf_, *output_, copied_);
  Output first = render.RenderFirst(plan, diags);
  if (diags.HasErrors()) return true;
  std::map<std::string, std::optional<std::string>> changes;
  if (early && !first.empty()) {
    std::vector<std::string> changed;
    SharedOutput::Changes shown;
    for (const auto& [path, bytes] : first) {
      const auto* old = output_->Find(path);
      if (old && **old == bytes) continue;
      shown[path] = std::make_shared<const std::string>(bytes);
      changed.push_back(path);
    }
    stats->first_ms = MillisecondsSince(start);
    if (!changed.empty()) early(output_->With(shown), changed);
  }
  std::set<std::string> removed, copied;
  Output rest = render.RenderRest(plan, first, copies, diags, &removed, &copied);
  stats->pages_rendered = render.pages_rendered();
  stats->pages_planned = pages_->jobs.size();
  stats->render_ms = MillisecondsSince(render_start);
  if (diags.HasErrors()) return true;

  for (auto* made : {&first, &rest}) {
    for (auto& [path, bytes] : *made) changes[path] = std::move(bytes);
  }
  for (const auto& path : removed) changes[path] = std::nullopt;
  copied_ = std::move(copied);
  Commit(std::move(changes), stats);
  pending_.clear();
  needs_full_ = false;
  return true;
}

void IncrementalBuild::Commit(std::map<std::string, std::optional<std::string>> changes, RebuildStats* stats) {
  SharedOutput::Changes applied;
  for (auto& [path, bytes] : changes) {
    const auto* old = output_->Find(path);
    if (!bytes) {
      if (old) applied[path] = std::nullopt;
    } else if (!old || **old != *bytes) {
      applied[path] = std::make_shared<const std::string>(std::move(*bytes));
    } else {
      continue;
    }
    stats->changed.push_back(path);
  }
  output_ = output_->With(applied);
  stats->ok = true;
  stats->outputs = output_->size();
}

}  // namespace herald
