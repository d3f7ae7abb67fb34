#include "build/load_site.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/digest.h"
#include "base/parallel.h"
#include "build/load_cache.h"
#include "base/utf8.h"
#include "load/committed_support.h"
#include "load/front_matter.h"
#include "load/loaders.h"
#include "source/size_limit.h"
#include "validate/assemble.h"

namespace herald {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    parts.push_back(path.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

const std::set<std::string>& ReservedPageNames() {
  static const std::set<std::string> kNames = {"advisories", "devices", "security", "support",
                                               "feeds",      "assets",  "index",    "404",
                                               "search",     "sitemap", "robots",   "coverage"};
  return kNames;
}

using FileKind = SourceKind;

struct Job {
  FileKind kind;
  std::string path;
  std::vector<std::string> parts;
};

Job Classify(const std::string& path, Diagnostics& diags) {
  Job job{FileKind::kIgnored, path, SplitPath(path)};
  const auto& p = job.parts;
  if (!EndsWith(path, ".md")) return job;
  auto stem = [](const std::string& file) { return file.substr(0, file.size() - 3); };
  if (p[0] == "advisories") {
    if (p.size() == 3 && p[1].size() == 4 &&
        p[1].find_first_not_of("0123456789") == std::string::npos) {
      job.kind = FileKind::kAdvisory;
    } else {
      diags.Error({path, 1, 1}, "advisory files live in advisories/YYYY/ID.md (YYYY is the year "
                                "of publication); move this file");
    }
    return job;
  }
  if (p[0] != "content") return job;
  if (p.size() == 4 && p[1] == "devices" && p[3] == "index.md") {
    if (IsValidSlug(p[2])) job.kind = FileKind::kDevice;
    else diags.Error({path, 1, 1}, "device folder '" + p[2] + "' is not a valid slug; expected "
                                   "lower-case letters, digits and single dashes, such as hub-200");
  } else if (p.size() == 5 && p[1] == "devices" && p[3] == "guides") {
    if (IsValidSlug(p[2]) && IsValidSlug(stem(p[4]))) job.kind = FileKind::kGuide;
    else diags.Error({path, 1, 1}, "guide file name '" + p[4] + "' is not a valid slug; expected "
                                   "lower-case letters, digits and single dashes, such as secure-setup.md");
  } else if (p.size() == 3 && p[1] == "pages") {
    std::string name = stem(p[2]);
    if (!IsValidSlug(name)) {
      diags.Error({path, 1, 1}, "page file name '" + p[2] + "' is not a valid slug; expected "
                                "lower-case letters, digits and single dashes, such as privacy.md");
    } else if (ReservedPageNames().count(name)) {
      diags.Error({path, 1, 1}, "page name '" + name + "' is reserved for a page herald "
                                "generates (/" + name + "/); rename the file");
    } else {
      job.kind = FileKind::kPage;
    }
  } else {
    diags.Error({path, 1, 1}, "unexpected content file; herald reads content/devices/SLUG/index.md, "
                              "content/devices/SLUG/guides/TOPIC.md and content/pages/NAME.md");
  }
  return job;
}

// Outside Git, file times date the content and, without SOURCE_DATE_EPOCH,
// the build: each file is asked once, all in parallel.
std::map<std::string, Timestamp> FileTimes(const SourceTree& tree,
                                           const std::vector<std::string>& files) {
  std::vector<std::optional<Timestamp>> times(files.size());
  ParallelFor(files.size(), [&](size_t i) { times[i] = tree.ModifiedTime(files[i]); });
  std::map<std::string, Timestamp> out;
  for (size_t i = 0; i < files.size(); ++i) {
    if (times[i]) out.emplace_hint(out.end(), files[i], *times[i]);
  }
  return out;
}

// Text files must be UTF-8 without NULs; reports where the first bad byte is.
bool CheckEncoding(const std::string& path, std::string_view text, Diagnostics& diags) {
  size_t bad = FindInvalidUtf8(text);
  if (bad == std::string_view::npos) return true;
  int line = 1, column = 1;
  for (size_t i = 0; i < bad; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  diags.Error({path, line, column}, text[bad] == '\0'
                                        ? "the file contains a NUL byte; expected UTF-8 text"
                                        : "the file is not valid UTF-8 here; save it as UTF-8");
  return false;
}

// One file, parsed with its own diagnostics so a cached parse can replay them.
// The front matter's hash is for herald serve only (`hash_front_matter`).
ParsedFile ParseJob(const SourceTree& tree, const Job& job, const std::string& default_tlp,
                    const MarkdownOptions& markdown, bool hash_front_matter, bool* readable) {
  ParsedFile out;
  auto text = tree.Read(job.path);
  *readable = text.has_value();
  if (!text) return out;
  Diagnostics file_diags;
  Diagnostics ignored;  // the loader reports a bad split itself
  if (hash_front_matter) {
    if (auto split = SplitFrontMatter(*text, job.path, ignored)) {
      out.front_matter = Sha256Hex(std::string_view(*text).substr(0, text->size() - split->body.size()));
    }
  }
  if (CheckEncoding(job.path, *text, file_diags)) {
    LoadContext local{&file_diags, markdown};
    const auto& p = job.parts;
    std::string stem = p.back().substr(0, p.back().size() - 3);
    switch (job.kind) {
      case FileKind::kAdvisory:
        out.advisory = LoadAdvisory(*text, job.path, stem, default_tlp, local);
        break;
      case FileKind::kDevice: out.device = LoadDevice(*text, job.path, p[2], local); break;
      case FileKind::kGuide: out.guide = LoadGuide(*text, job.path, p[2], stem, local); break;
      case FileKind::kPage: out.page = LoadPage(*text, job.path, stem, local); break;
      case FileKind::kIgnored: break;
    }
  }
  out.diagnostics = file_diags.Sorted();
  return out;
}

}  // namespace

SourceKind ClassifySource(const std::string& path, Diagnostics& diags) {
  return Classify(path, diags).kind;
}

ParsedFile ParseSource(const SourceTree& tree, const std::string& path, SourceKind kind,
                       const std::string& default_tlp, const MarkdownOptions& markdown,
                       bool* readable) {
  return ParseJob(tree, Job{kind, path, SplitPath(path)}, default_tlp, markdown, true, readable);
}

std::string ParseInputs(SourceKind kind, const std::string& default_tlp,
                        const MarkdownOptions& markdown) {
  return std::to_string(static_cast<int>(kind)) + "|" + default_tlp + "|" +
         (markdown.raw_html ? "raw" : "safe");
}

std::optional<LoadedSite> LoadSite(const SourceOptions& options, Diagnostics& diags) {
  return LoadSite(options, diags, nullptr);
}

std::optional<LoadedSite> LoadSiteFromTree(std::unique_ptr<SourceTree> source, const GitSnapshot* git,
                                           const SourceOptions& options, Diagnostics& diags) {
  return LoadSiteFromTree(std::move(source), git, options, diags, nullptr);
}

std::optional<LoadedSite> LoadSite(const SourceOptions& options, Diagnostics& diags,
                                   LoadCache* cache) {
  if (!options.ref.empty()) cache = nullptr;  // a commit's tree: nothing on disk to stamp
  GitSnapshot fresh;
  GitSnapshot* git = cache ? cache->git() : nullptr;
  GitOpen opened = cache && git ? cache->git_open() : GitOpen::kNotARepository;
  if (!git) {
    std::string error;
    opened = OpenGitSnapshot(options.site_dir, options.ref, &fresh, &error, &CommittedSupportEndReader());
    if (opened == GitOpen::kError) {
      diags.Error({}, error);
      return std::nullopt;
    }
    git = &fresh;
    if (cache) {
      cache->SetGit(opened, std::move(fresh));
      git = cache->git();
    }
  }
  bool in_git = opened == GitOpen::kOk;
  auto tree = in_git && git->tree ? std::move(git->tree) : OpenDirectoryTree(options.site_dir);
  return LoadSiteFromTree(std::move(tree), in_git ? git : nullptr, options, diags, cache);
}

std::optional<LoadedSite> LoadSiteFromTree(std::unique_ptr<SourceTree> source, const GitSnapshot* git,
                                           const SourceOptions& options, Diagnostics& diags,
                                           LoadCache* cache) {
  LoadedSite loaded;
  loaded.tree = std::move(source);
  const SourceTree& tree = *loaded.tree;
  bool in_git = git != nullptr;
  // Files over the size limit are never read; all of them reported first.
  std::vector<std::string> paths;  // advisories/ and content/
  std::set<std::string> oversized = ReportOversizedFiles(tree, diags, &paths);
  auto config_text = tree.Read("site.toml");
  if (!config_text) {
    if (oversized.count("site.toml")) return std::nullopt;
    diags.Error({}, "no site.toml in '" + options.site_dir + "'" +
                        (options.ref.empty() ? "" : " at " + options.ref) +
                        "; run herald in a site folder or pass SITE_DIR (see herald init)");
    return std::nullopt;
  }
  if (!CheckEncoding("site.toml", *config_text, diags)) return std::nullopt;
  LoadContext ctx{&diags, {}};
  LoadedFiles files;
  if (auto config = LoadSiteConfig(*config_text, "site.toml", ctx)) files.config = std::move(*config);
  if (!options.base_url.empty()) files.config.site.base_url = options.base_url;
  while (!files.config.site.base_url.empty() && files.config.site.base_url.back() == '/') {
    files.config.site.base_url.pop_back();
  }

  std::vector<Job> jobs;
  for (const auto& p : paths) {
    Job job = Classify(p, diags);
    if (job.kind != FileKind::kIgnored) jobs.push_back(std::move(job));
  }

  // Parse in parallel into per-file slots; assembly below is in file order.
  // Each file reports into its own sink, so a cached parse can replay it.
  std::vector<ParsedFile> parsed(jobs.size());
  std::vector<FileStamp> stamps(jobs.size());
  std::vector<char> from_cache(jobs.size(), 0), readable(jobs.size(), 1);
  const std::string default_tlp = files.config.csaf.default_tlp;
  auto inputs_of = [&](const Job& job) { return ParseInputs(job.kind, default_tlp, ctx.markdown); };
  ParallelFor(jobs.size(), [&](size_t i) {
    const Job& job = jobs[i];
    if (cache) {
      if (const ParsedFile* hit = cache->Find(job.path, inputs_of(job), &stamps[i])) {
        parsed[i] = *hit;
        from_cache[i] = 1;
        return;
      }
    }
    bool ok = true;
    parsed[i] = ParseJob(tree, job, default_tlp, ctx.markdown, cache != nullptr, &ok);
    readable[i] = ok;
  });
  std::set<std::string> seen;
  size_t parsed_count = 0;
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (!readable[i]) {
      if (!oversized.count(jobs[i].path)) diags.Error({jobs[i].path, 0, 0}, "cannot read file");
      continue;
    }
    for (const Diagnostic& d : parsed[i].diagnostics) diags.Add(d);
    if (cache && !from_cache[i]) cache->Store(jobs[i].path, inputs_of(jobs[i]), stamps[i], parsed[i]);
    parsed_count += from_cache[i] ? 0 : 1;
    if (cache) seen.insert(jobs[i].path);
  }
  if (cache) {
    cache->KeepOnly(seen);
    cache->set_parsed(parsed_count);
  }
  files.advisories.reserve(std::count_if(jobs.begin(), jobs.end(), [](const Job& job) {
    return job.kind == FileKind::kAdvisory;
  }));
  for (size_t i = 0; i < jobs.size(); ++i) {
    const std::string& file = jobs[i].parts.back();
    if (jobs[i].kind == FileKind::kAdvisory) files.advisory_files.insert(file.substr(0, file.size() - 3));
    if (jobs[i].kind == FileKind::kDevice) files.device_files.insert(jobs[i].parts[2]);
    ParsedFile& f = parsed[i];
    if (f.advisory) files.advisories.push_back(std::move(*f.advisory));
    if (f.device) files.devices.push_back(std::move(*f.device));
    if (f.guide) files.guides.push_back(std::move(*f.guide));
    if (f.page) files.pages.push_back(std::move(*f.page));
  }

  BuildInfo build;
  build.drafts = options.drafts;
  build.generator_version = options.generator_version;
  build.commit = in_git ? git->commit : "";
  std::map<std::string, Timestamp> file_times;
  if (!in_git) {
    paths.push_back("site.toml");
    file_times = FileTimes(tree, paths);
  }
  if (options.source_date_epoch) build.build_time = *options.source_date_epoch;
  else if (in_git) build.build_time = git->commit_time;
  else {
    for (const auto& [path, time] : file_times) build.build_time = std::max(build.build_time, time);
  }

  DateSources dates{in_git ? &git->history : nullptr, &tree, build.build_time,
                    in_git ? nullptr : &file_times};
  loaded.site = AssembleSite(std::move(files), build, dates, diags);
  loaded.markdown = ctx.markdown;
  return loaded;
}

}  // namespace herald
