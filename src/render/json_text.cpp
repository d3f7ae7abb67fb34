#include "render/json_text.h"

#include <cstdint>

#include "base/utf8.h"

namespace herald {

namespace {

// Whether one of the 8 bytes of `w` is below 0x20, '"' or '\\' (or has a bit
// of `high` set): a string is scanned a word at a time, as most of its
// bytes are copied as they are. Bytes above 0x7f may give a false alarm
// (then that byte is looked at alone), never a miss.
bool HasSpecial(uint64_t w, uint64_t high) {
  return swar::HasLess(w, 0x20) || swar::HasByte(w, '"') || swar::HasByte(w, '\\') || (w & high) != 0;
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  const size_t start = out->size();
  *out += '"';
  uint64_t high = swar::kHighs;  // until the bytes from the first one above 0x7f on are valid UTF-8
  size_t run = 0;                // start of the bytes not yet copied
  size_t i = 0;
  while (i < s.size()) {
    if (s.size() - i >= 8) {
      if (!HasSpecial(swar::Load(s.data() + i), high)) {
        i += 8;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 && high) {
      if (FindInvalidUtf8(s.substr(i)) != std::string_view::npos) {  // nlohmann's replacement rules
        out->resize(start);
        *out += nlohmann::json(std::string(s)).dump(-1, ' ', false,
                                                    nlohmann::json::error_handler_t::replace);
        return;
      }
      high = 0;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(s.substr(run, i - run));
    run = ++i;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\t': *out += "\\t"; break;
      case '\n': *out += "\\n"; break;
      case '\f': *out += "\\f"; break;
      case '\r': *out += "\\r"; break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        *out += "\\u00";
        *out += kHex[c >> 4];
        *out += kHex[c & 15];
      }
    }
  }
  out->append(s.substr(run));
  *out += '"';
}

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

  void String(const std::string& s) { AppendJsonString(&out_, s); }

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
