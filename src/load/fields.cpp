#include "load/fields.h"

#include <algorithm>

namespace herald {
namespace {

constexpr char kDateHelp[] = "an RFC 3339 date such as 2026-03-14 or 2026-03-14T09:00:00Z";

bool HasControl(const std::string& s, bool allow_newlines) {
  return std::any_of(s.begin(), s.end(), [&](unsigned char c) {
    if (allow_newlines && (c == '\n' || c == '\t' || c == '\r')) return false;
    return c < 0x20 || c == 0x7f;
  });
}

// Levenshtein distance, for "did you mean" hints on misspelt keys.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cur = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return row[b.size()];
}

}  // namespace

bool IsSiteOrHttpsUrl(const std::string& url) {
  if (url.empty() || HasControl(url, false) || url.find(' ') != std::string::npos) return false;
  if (url[0] == '/') return url.size() == 1 || url[1] != '/';
  return url.rfind("https://", 0) == 0 && url.size() > 8;
}

FieldReader::FieldReader(const TomlValue& table, const std::string& path, std::string what,
                         std::string prefix, LoadContext& ctx)
    : table_(table), path_(path), what_(std::move(what)), prefix_(std::move(prefix)), ctx_(ctx) {}

SourceLocation FieldReader::Where() const { return {path_, table_.line, table_.column}; }

SourceLocation FieldReader::WhereOf(const TomlValue& value) const {
  return {path_, value.line, value.column};
}

void FieldReader::Error(const SourceLocation& where, const std::string& message,
                        const std::string& check) const {
  ctx_.diags->Error(where, message, check);
}

const TomlValue* FieldReader::Get(const char* key, Need need) {
  known_.emplace_back(key);
  const TomlValue* value = table_.Find(key);
  if (!value && need == Need::kRequired) {
    Error(Where(), "missing required key '" + Name(key) + "' in " + what_);
  }
  return value;
}

bool FieldReader::Expect(const TomlValue& value, TomlValue::Kind kind, const char* key,
                         const char* expected) {
  if (value.kind == kind) return true;
  Error(WhereOf(value), "'" + Name(key) + "' must be " + expected + ", found " +
                            KindName(value.kind));
  return false;
}

std::string FieldReader::String(const char* key, Need need) {
  const TomlValue* v = Get(key, need);
  if (!v || !Expect(*v, TomlValue::Kind::kString, key, "a string")) return {};
  if (HasControl(v->string, false)) {
    Error(WhereOf(*v), "'" + Name(key) + "' must be a single line without control characters");
    return {};
  }
  if (v->string.empty() && need == Need::kRequired) {
    Error(WhereOf(*v), "'" + Name(key) + "' must not be empty");
  }
  return v->string;
}

LocatedString FieldReader::LocString(const char* key, Need need) {
  LocatedString out;
  out.value = String(key, need);
  if (const TomlValue* v = table_.Find(key)) out.where = WhereOf(*v);
  return out;
}

std::string FieldReader::Enum(const char* key, const std::vector<std::string>& allowed, Need need,
                              const std::string& fallback) {
  std::string value = String(key, need);
  if (value.empty()) return fallback;
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + ("'" + a + "'");
  Error(WhereOf(*table_.Find(key)),
        "'" + Name(key) + "' is '" + value + "'; expected one of " + list);
  return fallback;
}

Text FieldReader::Markdown(const char* key, Need need) {
  const TomlValue* v = Get(key, need);
  if (!v || !Expect(*v, TomlValue::Kind::kString, key, "a string (Markdown allowed)")) return {};
  if (HasControl(v->string, true)) {
    Error(WhereOf(*v), "'" + Name(key) + "' contains control characters");
    return {};
  }
  Text text = RenderMarkdown(v->string, ctx_.markdown).text;
  text.where = WhereOf(*v);
  return text;
}

bool FieldReader::Bool(const char* key, bool fallback, Need need) {
  const TomlValue* v = Get(key, need);
  if (!v || !Expect(*v, TomlValue::Kind::kBool, key, "true or false")) return fallback;
  return v->boolean;
}

std::optional<int> FieldReader::Int(const char* key, int min, int max, Need need) {
  const TomlValue* v = Get(key, need);
  if (!v || !Expect(*v, TomlValue::Kind::kInteger, key, "an integer")) return std::nullopt;
  if (v->integer < min || v->integer > max) {
    Error(WhereOf(*v), "'" + Name(key) + "' is " + std::to_string(v->integer) +
                           "; expected an integer from " + std::to_string(min) + " to " +
                           std::to_string(max));
    return std::nullopt;
  }
  return static_cast<int>(v->integer);
}

std::optional<Timestamp> FieldReader::Date(const char* key, Need need) {
  const TomlValue* v = Get(key, need);
  if (!v) return std::nullopt;
  if (v->kind == TomlValue::Kind::kDate) return v->date;
  if (v->kind == TomlValue::Kind::kString) {
    if (auto t = ParseRfc3339(v->string)) return t;
    Error(WhereOf(*v), "'" + Name(key) + "' is not a valid date: '" + v->string + "'; expected " +
                           kDateHelp);
    return std::nullopt;
  }
  if (v->kind == TomlValue::Kind::kLocalDateTime) {
    Error(WhereOf(*v), "'" + Name(key) +
                           "' has no time zone; add 'Z' or an offset such as +01:00 (expected " +
                           kDateHelp + ")");
    return std::nullopt;
  }
  Error(WhereOf(*v), "'" + Name(key) + "' must be " + kDateHelp + ", found " + KindName(v->kind));
  return std::nullopt;
}

DateOrTba FieldReader::DateOrTbaField(const char* key, Need need) {
  const TomlValue* v = table_.Find(key);
  if (v && v->kind == TomlValue::Kind::kString && v->string == "tba") {
    known_.emplace_back(key);
    return {};
  }
  if (v && v->kind == TomlValue::Kind::kString && !ParseRfc3339(v->string)) {
    known_.emplace_back(key);
    Error(WhereOf(*v), "'" + Name(key) + "' is '" + v->string + "'; expected " + kDateHelp +
                           " or \"tba\"");
    return {};
  }
  auto date = Date(key, need);
  if (!date) return {};
  return {false, *date};
}

std::string FieldReader::Url(const char* key, Need need, bool allow_contact) {
  std::string url = String(key, need);
  if (url.empty()) return url;
  bool contact = url.rfind("mailto:", 0) == 0 || url.rfind("tel:", 0) == 0;
  if ((contact && allow_contact && url.find(' ') == std::string::npos) || IsSiteOrHttpsUrl(url)) {
    return url;
  }
  Error(WhereOf(*table_.Find(key)),
        "'" + Name(key) + "' is '" + url + "'; expected an absolute https: URL or a site path " +
            "starting with '/'" + (allow_contact ? ", or a mailto: or tel: address" : ""));
  return {};
}

std::vector<LocatedString> FieldReader::LocStringList(const char* key, Need need) {
  std::vector<LocatedString> out;
  const TomlValue* v = Get(key, need);
  if (!v || !Expect(*v, TomlValue::Kind::kArray, key, "an array of strings")) return out;
  for (const TomlValue& item : v->array) {
    if (item.kind != TomlValue::Kind::kString || HasControl(item.string, false)) {
      Error(WhereOf(item), "'" + Name(key) + "' must hold single-line strings, found " +
                               KindName(item.kind));
      continue;
    }
    out.push_back({item.string, WhereOf(item)});
  }
  if (out.empty() && need == Need::kRequired && v->array.empty()) {
    Error(WhereOf(*v), "'" + Name(key) + "' must not be empty");
  }
  return out;
}

std::vector<std::string> FieldReader::StringList(const char* key, Need need) {
  std::vector<std::string> out;
  for (auto& item : LocStringList(key, need)) out.push_back(std::move(item.value));
  return out;
}

std::vector<std::string> FieldReader::UrlList(const char* key, Need need, bool allow_contact) {
  std::vector<std::string> out;
  for (auto& item : LocStringList(key, need)) {
    bool contact = item.value.rfind("mailto:", 0) == 0 || item.value.rfind("tel:", 0) == 0;
    bool clean_contact = contact && allow_contact && item.value.find(' ') == std::string::npos;
    if (clean_contact || IsSiteOrHttpsUrl(item.value)) {
      out.push_back(std::move(item.value));
    } else {
      Error(item.where, "'" + Name(key) + "' holds '" + item.value +
                            "'; expected an absolute https: URL or a site path starting with '/'" +
                            (allow_contact ? ", or a mailto: or tel: address" : ""));
    }
  }
  return out;
}

const TomlValue* FieldReader::Table(const char* key, Need need) {
  const TomlValue* v = Get(key, need);
  if (!v || !Expect(*v, TomlValue::Kind::kTable, key, "a table")) return nullptr;
  return v;
}

std::vector<const TomlValue*> FieldReader::TableArray(const char* key, Need need) {
  std::vector<const TomlValue*> out;
  const TomlValue* v = Get(key, need);
  if (!v || !Expect(*v, TomlValue::Kind::kArray, key, "an array of tables")) return out;
  for (const TomlValue& item : v->array) {
    if (item.kind != TomlValue::Kind::kTable) {
      Error(WhereOf(item), "'" + Name(key) + "' must hold tables, found " + KindName(item.kind));
      continue;
    }
    out.push_back(&item);
  }
  return out;
}

FieldReader FieldReader::Sub(const TomlValue& table, const std::string& what,
                             const std::string& prefix) {
  return FieldReader(table, path_, what, prefix, ctx_);
}

void FieldReader::Finish() {
  for (const auto& [key, value] : table_.table) {
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    std::vector<std::string> sorted = known_;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::string list, suggestion;
    size_t best = 3;
    for (const auto& k : sorted) {
      list += (list.empty() ? "" : ", ") + k;
      size_t distance = EditDistance(key, k);
      if (distance < best) {
        best = distance;
        suggestion = k;
      }
    }
    SourceLocation at{path_, value.key_line ? value.key_line : value.line,
                      value.key_line ? value.key_column : value.column};
    Error(at, "unknown key '" + prefix_ + key + "' in " + what_ +
                              (suggestion.empty() ? "; expected one of: " + list
                                                : "; did you mean '" + prefix_ + suggestion + "'?"));
  }
}

}  // namespace herald
