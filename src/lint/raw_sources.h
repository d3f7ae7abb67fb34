// RawSources: a site's files as written, for positions the model does not keep.
//
// The model records where most values are written; a few rules need more
// (the `cwe` key of the second vulnerability, the column of a link inside a
// Markdown paragraph). RawSources reads a file once, keeps its lines and its
// front matter as a TomlValue tree, and answers those questions. Parse
// problems are not reported here: the loaders already did.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "load/toml_document.h"
#include "source/source_tree.h"

namespace herald {

class RawSources {
 public:
  explicit RawSources(const SourceTree& tree) : tree_(tree) {}

  /// The front matter of a content file (all of site.toml) as TOML; null
  /// when the file is missing or does not parse.
  const TomlValue* Toml(const std::string& path);
  /// Line `n` (1-based) without its line ending; empty past the end.
  std::string_view Line(const std::string& path, int n);
  /// How many lines the file has (0 when it is missing or empty).
  int LineCount(const std::string& path);
  /// Where the value of `key` in `table` is written, or `fallback`.
  static SourceLocation ValueAt(const std::string& path, const TomlValue* table,
                                std::string_view key, const SourceLocation& fallback);
  /// The `index`-th table of the array of tables `key` at the top level.
  const TomlValue* TableItem(const std::string& path, std::string_view key, size_t index);
  /// The first place at or after line `from` (up to `span` more lines) where
  /// `needle` is written; {path, from, 1} when it is not found.
  SourceLocation Find(const std::string& path, int from, int span, std::string_view needle);

 private:
  struct File {
    std::string text;
    std::vector<std::string_view> lines;
    std::optional<TomlValue> toml;
  };
  File& Get(const std::string& path);

  const SourceTree& tree_;
  std::map<std::string, std::unique_ptr<File>> files_;
};

}  // namespace herald
