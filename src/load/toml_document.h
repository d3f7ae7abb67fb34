// TomlValue: a TOML document as our own tree, with a position on every value.
//
// toml_document.cpp is the only file that includes toml++; everything else
// reads this tree, so positions come out as path:line:col without knowing
// the library.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/dates.h"
#include "base/diagnostics.h"

namespace herald {

struct TomlValue {
  enum class Kind { kString, kInteger, kFloat, kBool, kDate, kLocalDateTime, kTime, kArray, kTable };
  // Out of line: `table` holds pairs of this very type, which clang with
  // libstdc++ cannot instantiate while the struct is still incomplete.
  TomlValue();
  TomlValue(const TomlValue&);
  TomlValue(TomlValue&&) noexcept;
  TomlValue& operator=(const TomlValue&);
  TomlValue& operator=(TomlValue&&) noexcept;
  ~TomlValue();

  Kind kind = Kind::kTable;
  int line = 0, column = 0;          // where the value starts
  int key_line = 0, key_column = 0;  // where the key naming it is written
  std::string string;
  std::int64_t integer = 0;
  double number = 0;
  bool boolean = false;
  Timestamp date = 0;  // kDate: a date or an offset date-time, as UTC
  bool inline_table = false;
  std::vector<TomlValue> array;
  std::vector<std::pair<std::string, TomlValue>> table;  // in source order

  const TomlValue* Find(std::string_view key) const;
};

/// What a value is, in words for messages: "a string", "a table" …
const char* KindName(TomlValue::Kind kind);

/// Parses `text`. Positions are shifted by `line_offset` lines so they point
/// into the whole file when `text` is front matter. On a syntax error reports
/// it to `diags` and returns nothing.
std::optional<TomlValue> ParseToml(std::string_view text, const std::string& path,
                                   int line_offset, Diagnostics& diags);

}  // namespace herald
