#include "load/toml_document.h"

#include <toml++/toml.h>

#include <algorithm>
#include <tuple>

namespace herald {
namespace {

struct Converter {
  int line_offset;

  void Place(const toml::node& node, TomlValue* out) const {
    const auto& begin = node.source().begin;
    out->line = static_cast<int>(begin.line) + line_offset;
    out->column = static_cast<int>(begin.column);
  }

  TomlValue Convert(const toml::node& node) const {
    TomlValue out;
    Place(node, &out);
    switch (node.type()) {
      case toml::node_type::string:
        out.kind = TomlValue::Kind::kString;
        out.string = node.as_string()->get();
        break;
      case toml::node_type::integer:
        out.kind = TomlValue::Kind::kInteger;
        out.integer = *node.value<std::int64_t>();
        break;
      case toml::node_type::floating_point:
        out.kind = TomlValue::Kind::kFloat;
        out.number = *node.value<double>();
        break;
      case toml::node_type::boolean:
        out.kind = TomlValue::Kind::kBool;
        out.boolean = *node.value<bool>();
        break;
      case toml::node_type::date: {
        auto d = *node.value<toml::date>();
        out.kind = TomlValue::Kind::kDate;
        out.date = DaysFromCivil(d.year, d.month, d.day) * 86400;
        break;
      }
      case toml::node_type::date_time: {
        auto dt = *node.value<toml::date_time>();
        if (!dt.offset) {
          out.kind = TomlValue::Kind::kLocalDateTime;
          break;
        }
        out.kind = TomlValue::Kind::kDate;
        out.date = DaysFromCivil(dt.date.year, dt.date.month, dt.date.day) * 86400 +
                   dt.time.hour * 3600 + dt.time.minute * 60 + dt.time.second -
                   static_cast<Timestamp>(dt.offset->minutes) * 60;
        break;
      }
      case toml::node_type::time:
        out.kind = TomlValue::Kind::kTime;
        break;
      case toml::node_type::array:
        out.kind = TomlValue::Kind::kArray;
        out.array.reserve(node.as_array()->size());
        for (const auto& item : *node.as_array()) out.array.push_back(Convert(item));
        break;
      case toml::node_type::table: {
        out.kind = TomlValue::Kind::kTable;
        const auto& table = *node.as_table();
        out.inline_table = table.is_inline();
        // toml++ keeps keys sorted; messages and readers want source order.
        // Sorting these small entries, not the converted values, moves less;
        // `index` keeps toml++'s order among keys at one position.
        struct Entry {
          toml::source_position at;
          size_t index;
          const toml::key* key;
          const toml::node* value;
        };
        std::vector<Entry> entries;
        entries.reserve(table.size());
        for (const auto& [key, value] : table) {
          entries.push_back({key.source().begin, entries.size(), &key, &value});
        }
        std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
          return std::tie(a.at.line, a.at.column, a.index) <
                 std::tie(b.at.line, b.at.column, b.index);
        });
        out.table.reserve(entries.size());
        for (const Entry& e : entries) {
          TomlValue child = Convert(*e.value);
          child.key_line = static_cast<int>(e.at.line) + line_offset;
          child.key_column = static_cast<int>(e.at.column);
          // A table header's position is where the key is written.
          if (child.kind == TomlValue::Kind::kTable && child.line == line_offset) {
            child.line = child.key_line;
            child.column = child.key_column;
          }
          out.table.emplace_back(std::string(e.key->str()), std::move(child));
        }
        break;
      }
      default:
        break;
    }
    return out;
  }
};

}  // namespace

TomlValue::TomlValue() = default;
TomlValue::TomlValue(const TomlValue&) = default;
TomlValue::TomlValue(TomlValue&&) noexcept = default;
TomlValue& TomlValue::operator=(const TomlValue&) = default;
TomlValue& TomlValue::operator=(TomlValue&&) noexcept = default;
TomlValue::~TomlValue() = default;

const TomlValue* TomlValue::Find(std::string_view key) const {
  for (const auto& [k, v] : table) {
    if (k == key) return &v;
  }
  return nullptr;
}

const char* KindName(TomlValue::Kind kind) {
  switch (kind) {
    case TomlValue::Kind::kString: return "a string";
    case TomlValue::Kind::kInteger: return "an integer";
    case TomlValue::Kind::kFloat: return "a float";
    case TomlValue::Kind::kBool: return "a boolean";
    case TomlValue::Kind::kDate: return "a date";
    case TomlValue::Kind::kLocalDateTime: return "a date-time without time zone";
    case TomlValue::Kind::kTime: return "a time of day";
    case TomlValue::Kind::kArray: return "an array";
    case TomlValue::Kind::kTable: return "a table";
  }
  return "a value";
}

std::optional<TomlValue> ParseToml(std::string_view text, const std::string& path,
                                   int line_offset, Diagnostics& diags) {
  try {
    toml::table table = toml::parse(text, path);
    Converter converter{line_offset};
    TomlValue root = converter.Convert(table);
    root.line = line_offset + 1;
    root.column = 1;
    return root;
  } catch (const toml::parse_error& err) {
    const auto& begin = err.source().begin;
    std::string message = "invalid TOML: " + std::string(err.description());
    diags.Error({path, static_cast<int>(begin.line) + line_offset, static_cast<int>(begin.column)},
                message);
    return std::nullopt;
  }
}

}  // namespace herald
