#include "lint/raw_sources.h"

#include <algorithm>

#include "load/front_matter.h"

namespace herald {

RawSources::File& RawSources::Get(const std::string& path) {
  auto it = files_.find(path);
  if (it != files_.end()) return *it->second;
  auto file = std::make_unique<File>();
  if (auto text = tree_.Read(path)) file->text = std::move(*text);
  std::string_view all = file->text;
  while (!all.empty()) {
    size_t end = all.find('\n');
    std::string_view line = all.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    file->lines.push_back(line);
    if (end == std::string_view::npos) break;
    all.remove_prefix(end + 1);
  }
  Diagnostics ignored;  // the loaders reported these problems already
  if (path == "site.toml") {
    file->toml = ParseToml(file->text, path, 0, ignored);
  } else if (auto fm = SplitFrontMatter(file->text, path, ignored)) {
    file->toml = ParseToml(fm->toml, path, fm->toml_line_offset, ignored);
  }
  return *files_.emplace(path, std::move(file)).first->second;
}

const TomlValue* RawSources::Toml(const std::string& path) {
  File& f = Get(path);
  return f.toml ? &*f.toml : nullptr;
}

std::string_view RawSources::Line(const std::string& path, int n) {
  File& f = Get(path);
  if (n < 1 || static_cast<size_t>(n) > f.lines.size()) return {};
  return f.lines[static_cast<size_t>(n) - 1];
}

int RawSources::LineCount(const std::string& path) {
  return static_cast<int>(Get(path).lines.size());
}

SourceLocation RawSources::ValueAt(const std::string& path, const TomlValue* table,
                                   std::string_view key, const SourceLocation& fallback) {
  const TomlValue* v = table ? table->Find(key) : nullptr;
  if (!v || v->line == 0) return fallback;
  return {path, v->line, v->column};
}

const TomlValue* RawSources::TableItem(const std::string& path, std::string_view key,
                                       size_t index) {
  const TomlValue* root = Toml(path);
  const TomlValue* array = root ? root->Find(key) : nullptr;
  if (!array || array->kind != TomlValue::Kind::kArray) return nullptr;
  size_t seen = 0;
  for (const TomlValue& item : array->array) {
    if (item.kind != TomlValue::Kind::kTable) continue;  // the loader skipped it too
    if (seen++ == index) return &item;
  }
  return nullptr;
}

SourceLocation RawSources::Find(const std::string& path, int from, int span,
                                std::string_view needle) {
  if (!needle.empty()) {
    for (int n = std::max(from, 1); n <= from + span; ++n) {
      std::string_view line = Line(path, n);
      size_t at = line.find(needle);
      if (at != std::string_view::npos) return {path, n, static_cast<int>(at) + 1};
    }
  }
  return {path, from, 1};
}

}  // namespace herald
