// LoadSite: reads every source file of a site once and assembles the model.
//
// Shared by `herald build`, `herald check` and `herald serve`, so all three
// see exactly the same content and the same errors.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "markdown/markdown.h"
#include "model/site.h"
#include "source/source_tree.h"

namespace herald {

struct SourceOptions {
  std::string site_dir = ".";
  std::string ref;                        // build this commit's tree instead of the working tree
  std::string base_url;                   // overrides site.base_url
  bool drafts = false;
  std::optional<Timestamp> source_date_epoch;  // overrides the build time
  std::string generator_version;
};

struct LoadedSite {
  std::unique_ptr<SourceTree> tree;  // where the content came from
  Site site;
  MarkdownOptions markdown;  // how its Markdown was rendered ([build] raw_html)
};

/// Returns nothing only when the site cannot be read at all (no site.toml,
/// bad --ref); content errors are in `diags` with a best-effort site.
std::optional<LoadedSite> LoadSite(const SourceOptions& options, Diagnostics& diags);

/// The same from a tree already opened (tests, serve); `git` may be null.
std::optional<LoadedSite> LoadSiteFromTree(std::unique_ptr<SourceTree> tree, const GitSnapshot* git,
                                           const SourceOptions& options, Diagnostics& diags);

class LoadCache;
struct ParsedFile;

/// What a content file is, from where it sits: advisories/YYYY/ID.md,
/// content/devices/SLUG/index.md, content/devices/SLUG/guides/TOPIC.md,
/// content/pages/NAME.md; anything else is ignored (not .md) or misplaced
/// (reported to `diags`, as a load reports it).
enum class SourceKind { kAdvisory, kDevice, kGuide, kPage, kIgnored };
SourceKind ClassifySource(const std::string& path, Diagnostics& diags);
/// One content file parsed as LoadSite parses it, its diagnostics kept in
/// the result; `*readable` is false when the file cannot be read.
ParsedFile ParseSource(const SourceTree& tree, const std::string& path, SourceKind kind,
                       const std::string& default_tlp, const MarkdownOptions& markdown,
                       bool* readable);
/// Everything a parse depends on besides the file (LoadCache's `inputs`).
std::string ParseInputs(SourceKind kind, const std::string& default_tlp,
                        const MarkdownOptions& markdown);

/// The same loads, taking unchanged files' parses (and the Git snapshot) from
/// `cache` and refreshing it (build/load_cache.h); `cache` may be null.
/// `herald serve` loads this way after every edit.
std::optional<LoadedSite> LoadSite(const SourceOptions& options, Diagnostics& diags,
                                   LoadCache* cache);
std::optional<LoadedSite> LoadSiteFromTree(std::unique_ptr<SourceTree> tree, const GitSnapshot* git,
                                           const SourceOptions& options, Diagnostics& diags,
                                           LoadCache* cache);

}  // namespace herald
