// FieldReader: reads one TOML table into model fields, strictly.
//
// Every accessor names a key, its type and whether it is required; the
// reader records each key it was asked about, so Finish() can report keys
// nobody asked for ("unknown key … expected one of …"). All problems go to
// the Diagnostics sink with path:line:col and the reader keeps going.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/dates.h"
#include "base/diagnostics.h"
#include "load/toml_document.h"
#include "markdown/markdown.h"
#include "model/text.h"

namespace herald {

struct LoadContext {
  Diagnostics* diags = nullptr;
  MarkdownOptions markdown;
};

enum class Need { kOptional, kRequired };

class FieldReader {
 public:
  /// `what` names the table in messages, e.g. "advisory", "[support]".
  /// `prefix` is prepended to key names, e.g. "vulnerabilities[2].".
  FieldReader(const TomlValue& table, const std::string& path, std::string what,
              std::string prefix, LoadContext& ctx);

  std::string String(const char* key, Need need = Need::kOptional);
  /// A string that must be one of `allowed`.
  std::string Enum(const char* key, const std::vector<std::string>& allowed,
                   Need need = Need::kOptional, const std::string& fallback = "");
  LocatedString LocString(const char* key, Need need = Need::kOptional);
  Text Markdown(const char* key, Need need = Need::kOptional);
  bool Bool(const char* key, bool fallback, Need need = Need::kOptional);
  std::optional<int> Int(const char* key, int min, int max, Need need = Need::kOptional);
  std::optional<Timestamp> Date(const char* key, Need need = Need::kOptional);
  DateOrTba DateOrTbaField(const char* key, Need need = Need::kOptional);
  /// An absolute https: URL, a site path starting with '/', or (when allowed)
  /// mailto:/tel:.
  std::string Url(const char* key, Need need = Need::kOptional, bool allow_contact = false);
  std::vector<std::string> StringList(const char* key, Need need = Need::kOptional);
  std::vector<LocatedString> LocStringList(const char* key, Need need = Need::kOptional);
  std::vector<std::string> UrlList(const char* key, Need need = Need::kOptional,
                                   bool allow_contact = false);
  /// A sub-table (`[name]` or inline); nullptr when absent or mistyped.
  const TomlValue* Table(const char* key, Need need = Need::kOptional);
  /// An array of tables (`[[name]]` or an array of inline tables).
  std::vector<const TomlValue*> TableArray(const char* key, Need need = Need::kOptional);

  /// A reader for a sub-table, sharing the context; `what` names it.
  FieldReader Sub(const TomlValue& table, const std::string& what, const std::string& prefix);

  /// Reports every key not asked about. Call once, after all accessors.
  void Finish();

  /// The key as messages name it, with the reader's prefix.
  std::string Name(const char* key) const { return prefix_ + key; }
  SourceLocation Where() const;
  SourceLocation WhereOf(const TomlValue& value) const;
  const std::string& path() const { return path_; }
  /// `check` names the check for `herald check` output ("cve-syntax"), if any.
  void Error(const SourceLocation& where, const std::string& message,
             const std::string& check = "") const;

 private:
  const TomlValue* Get(const char* key, Need need);
  bool Expect(const TomlValue& value, TomlValue::Kind kind, const char* key, const char* expected);

  const TomlValue& table_;
  std::string path_, what_, prefix_;
  LoadContext& ctx_;
  std::vector<std::string> known_;
};

/// True when `url` is an absolute https: URL or a root-relative site path.
bool IsSiteOrHttpsUrl(const std::string& url);

}  // namespace herald
