#include "render/mustache.h"

#include <cstring>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

namespace herald {
namespace {

namespace mst = kainjow::mustache;
using nlohmann::json;
using Component = mst::component<std::string>;

// How a JSON value reads as the kainjow data herald used to convert it to
// before rendering: null and "" are absent from objects (Child), null is
// false, numbers are their JSON text.
bool IsFalse(const json& j) { return j.is_null() || (j.is_boolean() && !j.get<bool>()); }
bool IsEmptyList(const json& j) { return j.is_array() && j.empty(); }
bool IsText(const json& j) {
  return !j.is_object() && !j.is_array() && !j.is_boolean() && !j.is_null();
}
std::string Text(const json& j) { return j.is_string() ? j.get_ref<const std::string&>() : j.dump(); }

// A link is a binary value, a type the view model never makes, of this
// subtype, holding its target's address.
constexpr std::uint64_t kLinkSubtype = 0x6c696e6b;  // "link"

/// kainjow's basic_data::get on the converted value.
const json* Child(const json* v, const std::string& key) {
  if (!v->is_object()) return nullptr;
  auto it = v->find(key);
  if (it == v->end()) return nullptr;
  const json& x = MustacheTarget(*it);
  if (x.is_null() || (x.is_string() && x.get_ref<const std::string&>().empty())) return nullptr;
  return &x;
}

/// kainjow's html_escape, appending instead of returning a copy. Most text
/// has nothing to escape: strcspn finds the next special character many
/// bytes at a time.
void AppendEscaped(const std::string& s, std::string* out) {
  size_t done = 0;  // s up to here is in *out
  size_t i = 0;
  while ((i += std::strcspn(s.c_str() + i, "&<>\"'")) < s.size()) {
    const char* entity = nullptr;
    switch (s[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&apos;"; break;
      default: ++i; continue;  // a NUL inside the string stops strcspn, not the text
    }
    out->append(s, done, i - done);
    out->append(entity);
    done = ++i;
  }
  out->append(s, done, std::string::npos);
}

}  // namespace

json MustacheLink(const json& target) {
  const json* address = &target;
  std::vector<std::uint8_t> bytes(sizeof address);
  std::memcpy(bytes.data(), &address, sizeof address);
  return json::binary(std::move(bytes), kLinkSubtype);
}

const json& MustacheTarget(const json& value) {
  const json* v = &value;
  while (v->is_binary() && v->get_binary().subtype() == kLinkSubtype &&
         v->get_binary().size() == sizeof v) {
    std::memcpy(&v, v->get_binary().data(), sizeof v);
  }
  return *v;
}

json MustacheUnlinked(const json& data) {
  const json& v = MustacheTarget(data);
  if (v.is_object()) {
    json out = json::object();
    for (const auto& [key, value] : v.get_ref<const json::object_t&>()) {
      out[key] = MustacheUnlinked(value);
    }
    return out;
  }
  if (v.is_array()) {
    json out = json::array();
    for (const json& item : v) out.push_back(MustacheUnlinked(item));
    return out;
  }
  return v;
}

struct MustacheTemplate::State {
  std::string* out;
  size_t line_start;         // where the line being rendered begins in *out
  bool section_tag = false;  // the line holds a section tag (kainjow's line buffer flag)
  std::vector<const json*> stack;  // innermost context last
  std::string error;

  /// kainjow's render_current_line: a line that held a section tag and
  /// renders to blanks only is dropped with its newline.
  void EndLine(const std::string* newline) {
    bool blank = section_tag;
    for (size_t i = line_start; blank && i < out->size(); ++i) {
      blank = (*out)[i] == ' ' || (*out)[i] == '\t';
    }
    if (blank) {
      out->resize(line_start);
    } else if (newline) {
      out->append(*newline);
    }
    line_start = out->size();
    section_tag = false;
  }

  /// kainjow's context::get: "." is the innermost context; other names are
  /// looked up from the innermost context outwards, dotted ones part by part.
  const json* Find(const Node& n) const {
    if (n.text.size() == 1 && n.text[0] == '.') return stack.back();
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      if (n.path.empty()) {
        if (const json* v = Child(*it, n.text)) return v;
        continue;
      }
      const json* v = *it;
      for (const std::string& part : n.path) {
        if (!(v = Child(v, part))) break;
      }
      if (v) return v;
    }
    return nullptr;
  }
};

MustacheTemplate MustacheTemplate::Parse(const std::string& text) {
  MustacheTemplate t;
  mst::context<std::string> data;
  mst::context_internal<std::string> ctx{data};
  Component root;
  mst::parser<std::string> parser{text, ctx, root, t.error_};
  if (!t.ok()) return t;

  // Adjacent text merges into one node: kainjow appends it to the line
  // buffer piece by piece, and only newlines act on that buffer.
  auto add = [&t](const Component& parent, auto&& self) -> void {
    bool after_text = false;
    for (const Component& c : parent.children) {
      if (c.is_text()) {
        if (c.is_newline()) {
          t.nodes_.push_back({Kind::kNewline, c.text, {}, 0});
          after_text = false;
        } else if (after_text) {
          t.nodes_.back().text += c.text;
        } else {
          t.nodes_.push_back({Kind::kText, c.text, {}, 0});
          after_text = true;
        }
        continue;
      }
      after_text = false;
      Node n{Kind::kText, c.tag.name, {}, 0};
      if (n.text != "." && n.text.find('.') != std::string::npos) n.path = mst::split(n.text, '.');
      switch (c.tag.type) {
        case mst::tag_type::variable: n.kind = Kind::kVariable; break;
        case mst::tag_type::unescaped_variable: n.kind = Kind::kRaw; break;
        case mst::tag_type::section_begin: n.kind = Kind::kSection; break;
        case mst::tag_type::section_begin_inverted: n.kind = Kind::kInverted; break;
        case mst::tag_type::partial: n.kind = Kind::kPartial; break;
        default: continue;  // comments and delimiter changes render nothing
      }
      size_t at = t.nodes_.size();
      t.nodes_.push_back(std::move(n));
      if (c.tag.is_section_begin()) {
        self(c, self);
        t.nodes_[at].end = static_cast<uint32_t>(t.nodes_.size());
      }
    }
  };
  add(root, add);
  return t;
}

bool MustacheTemplate::Render(const json& data, std::string* out, std::string* error) const {
  State state;
  state.out = out;
  state.line_start = out->size();
  state.stack.push_back(&MustacheTarget(data));
  bool ok = RenderRange(0, static_cast<uint32_t>(nodes_.size()), state);
  state.EndLine(nullptr);
  if (!ok) *error = state.error;
  return ok;
}

bool MustacheTemplate::RenderRange(uint32_t begin, uint32_t end, State& state) const {
  std::string& out = *state.out;
  for (uint32_t i = begin; i < end;) {
    const Node& n = nodes_[i];
    switch (n.kind) {
      case Kind::kText: out += n.text; break;
      case Kind::kNewline: state.EndLine(&n.text); break;
      case Kind::kVariable:
      case Kind::kRaw:
        if (const json* v = state.Find(n); v && IsText(*v)) {
          const std::string number = v->is_string() ? std::string() : v->dump();
          const std::string& text = v->is_string() ? v->get_ref<const std::string&>() : number;
          if (n.kind == Kind::kRaw) {
            out += text;
          } else {
            AppendEscaped(text, &out);
          }
        }
        break;
      case Kind::kSection:
      case Kind::kInverted: {
        const json* v = state.Find(n);
        bool empty = !v || IsFalse(*v) || IsEmptyList(*v);
        if (empty == (n.kind == Kind::kInverted)) {
          // kainjow's render_section: a list renders once per item, anything
          // else once with itself as the context (even false, when inverted).
          auto once = [&](const json* context) {
            state.section_tag = true;
            if (context) state.stack.push_back(context);
            bool ok = RenderRange(i + 1, n.end, state);
            if (context) state.stack.pop_back();
            state.section_tag = true;
            return ok;
          };
          if (v && v->is_array() && !v->empty()) {
            for (const json& item : *v) {
              if (!once(&MustacheTarget(item))) return false;
            }
          } else if (!once(v)) {
            return false;
          }
        }
        i = n.end;
        continue;
      }
      case Kind::kPartial: {
        // Partials are inlined when a theme is compiled; a tag still here
        // (nested too deep) takes its template from the data, as kainjow does.
        const json* v = nullptr;
        for (auto it = state.stack.rbegin(); !v && it != state.stack.rend(); ++it) {
          v = Child(*it, n.text);
        }
        if (v && IsText(*v)) {
          MustacheTemplate partial = Parse(Text(*v));
          if (!partial.ok()) {
            state.error = partial.error();
            return false;
          }
          if (!partial.RenderRange(0, static_cast<uint32_t>(partial.nodes_.size()), state)) {
            return false;
          }
        }
        break;
      }
    }
    ++i;
  }
  return true;
}

}  // namespace herald
