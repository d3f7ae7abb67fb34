// MustacheTemplate: one Mustache template, parsed once, rendered many times
// straight from the JSON view model. The only includer of kainjow Mustache.
//
// kainjow parses the text; its tree is flattened into a read-only node list,
// which Render walks against nlohmann JSON with kainjow's rendering rules, so
// a page renders byte for byte as kainjow renders the same data converted to
// its own types: an object key whose value is null or "" is absent (lookup
// goes on in the enclosing contexts, so {{#key}} tests presence), null in a
// list is false, a number renders as its JSON text, a line holding only
// section tags and blanks disappears, {{x}} escapes & < > " '. Neither the
// template nor the data is copied per render, which made up most of a page's
// cost when each render re-parsed the template and converted the data.
//
// Data may hold links (MustacheLink): values that render as another JSON
// value they point to, so pages share parts (an advisory's row in every
// list showing it) instead of each building or copying its own.
//
// Threading: a parsed template is immutable; any number of threads may
// render it at once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace herald {

/// A value that renders exactly as `target` without copying it. `target`
/// must outlive every render of data holding the link.
nlohmann::json MustacheLink(const nlohmann::json& target);
/// What `value` renders as: the target of a link (of a link…), else `value`.
const nlohmann::json& MustacheTarget(const nlohmann::json& value);
/// `data` with every link replaced by a copy of its target: the data as
/// templates see it.
nlohmann::json MustacheUnlinked(const nlohmann::json& data);

class MustacheTemplate {
 public:
  /// Parses `text`. On failure ok() is false and error() holds kainjow's
  /// message, which names the byte offset ("Unclosed tag at 12").
  static MustacheTemplate Parse(const std::string& text);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  /// Appends the template rendered with `data` to `*out`. Returns false, with
  /// `*error` set, only when a {{> name}} left in the template resolves to
  /// a data string that is not a valid template; `*out` is then incomplete.
  bool Render(const nlohmann::json& data, std::string* out, std::string* error) const;

 private:
  enum class Kind : uint8_t { kText, kNewline, kVariable, kRaw, kSection, kInverted, kPartial };
  struct Node {
    Kind kind;
    std::string text;               // literal text, the newline, or the tag's name
    std::vector<std::string> path;  // a dotted name split at '.'; empty otherwise
    uint32_t end = 0;               // sections: index just past their last child
  };
  struct State;

  bool RenderRange(uint32_t begin, uint32_t end, State& state) const;

  std::vector<Node> nodes_;
  std::string error_;
};

}  // namespace herald
