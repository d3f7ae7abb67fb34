#include "render/json_text.h"

#include "base/utf8.h"

namespace herald {
namespace {

template <typename Json>
class Writer {
 public:
  Writer(std::string* out, int indent) : out_(*out), indent_(indent) {}

  void Value(const Json& j, int depth) {
    using Type = nlohmann::detail::value_t;
    switch (j.type()) {
      case Type::object: return Object(j, depth);
      case Type::array: return Array(j, depth);
      case Type::string: return String(j.template get_ref<const std::string&>());
      case Type::boolean: out_ += j.template get<bool>() ? "true" : "false"; return;
      case Type::null: out_ += "null"; return;
      default: out_ += j.dump(indent_, ' ', false, Json::error_handler_t::replace); return;  // numbers
    }
  }

 private:
  void Newline(int depth) {
    out_ += '\n';
    out_.append(static_cast<size_t>(depth * indent_), ' ');
  }

  void Object(const Json& j, int depth) {
    if (j.empty()) {
      out_ += "{}";
      return;
    }
    out_ += '{';
    bool first = true;
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (!first) out_ += ',';
      first = false;
      if (indent_ >= 0) Newline(depth + 1);
      String(it.key());
      out_ += indent_ >= 0 ? ": " : ":";
      Value(it.value(), depth + 1);
    }
    if (indent_ >= 0) Newline(depth);
    out_ += '}';
  }

  void Array(const Json& j, int depth) {
    if (j.empty()) {
      out_ += "[]";
      return;
    }
    out_ += '[';
    bool first = true;
    for (const auto& item : j) {
      if (!first) out_ += ',';
      first = false;
      if (indent_ >= 0) Newline(depth + 1);
      Value(item, depth + 1);
    }
    if (indent_ >= 0) Newline(depth);
    out_ += ']';
  }

  void String(const std::string& s) {
    if (FindInvalidUtf8(s) != std::string::npos) {  // nlohmann's replacement rules
      out_ += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    size_t run = 0;  // start of the bytes not yet copied
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s, run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\t': out_ += "\\t"; break;
        case '\n': out_ += "\\n"; break;
        case '\f': out_ += "\\f"; break;
        case '\r': out_ += "\\r"; break;
        default: {
          static const char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 15];
        }
      }
    }
    out_.append(s, run, std::string::npos);
    out_ += '"';
  }

  std::string& out_;
  int indent_;
};

template <typename Json>
std::string Text(const Json& j, int indent) {
  std::string out;
  Writer<Json>(&out, indent).Value(j, 0);
  return out;
}

}  // namespace

std::string JsonText(const nlohmann::json& j, int indent) { return Text(j, indent); }
std::string JsonText(const nlohmann::ordered_json& j, int indent) { return Text(j, indent); }

}  // namespace herald
