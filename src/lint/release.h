// Release: the CSAF documents of a build, read back from its output, for
// `herald check --against` (publishing invariants).
//
// The previous release is a build's output folder (what is deployed) or a
// Git ref built in memory; the current one is the output the check renders.
// Both are read the same way — through the document list a CSAF directory
// must have (.well-known/csaf/white/index.txt) — so the comparison covers
// exactly what customers and aggregators have already fetched.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "build/load_site.h"
#include "render/output.h"

namespace herald {

struct ReleasedAdvisory {
  std::string id, title;
  std::string path;  // in the output: ".well-known/csaf/white/2026/acme-sa-2026-0007.json"
  std::string initial_release_date, current_release_date;  // RFC 3339, as written
  long version = 0;  // tracking.version: the number of [[revisions]]
  /// What the advisory says, as canonical JSON: the document without the
  /// parts that change without the advisory changing (tracking, which a
  /// new revision updates; publisher, legal notice and self links, which
  /// come from site.toml), and with links into the site relative to it.
  std::string substance;
};

struct Release {
  std::string origin;  // the --against argument, as findings name it
  std::map<std::string, ReleasedAdvisory> advisories;  // by id
};

/// Reads a file of a build's output; nothing when it is missing.
using ReadOutputFile = std::function<std::optional<std::string>(const std::string& path)>;

/// The advisories of the output `read` gives; false with `*error` when it
/// is not a herald build's output or a document does not parse.
bool ReadRelease(const ReadOutputFile& read, Release* out, std::string* error);

/// The same for an output rendered in memory.
bool ReadRelease(const Output& output, Release* out, std::string* error);

/// `against` is an output folder when such a folder exists, else a Git ref
/// of the site's repository, whose CSAF is built in memory with `source`'s
/// other options.
bool LoadRelease(const std::string& against, const SourceOptions& source, Release* out,
                 std::string* error);

/// Where two substances first differ, as a JSON pointer ("/vulnerabilities/0/title");
/// "/" when the whole document differs.
std::string FirstDifference(const std::string& before, const std::string& after);

}  // namespace herald
