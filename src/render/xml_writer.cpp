#include "render/xml_writer.h"

#include "render/plain_text.h"

namespace herald::xml {
namespace {

std::string Name(std::string_view name) { return std::string(name); }

}  // namespace

Element Element::Child(std::string_view name) {
  return Element(node_.append_child(Name(name).c_str()));
}

Element Element::Child(std::string_view name, std::string_view text) {
  Element e = Child(name);
  e.Text(text);
  return e;
}

Element& Element::Attr(std::string_view name, std::string_view value) {
  node_.append_attribute(Name(name).c_str()).set_value(CleanLine(value).c_str());
  return *this;
}

Element& Element::Text(std::string_view text) {
  // Feed bodies are large and nearly always clean already: no copy then.
  if (IsCleanText(text)) {
    if (!text.empty()) node_.append_child(pugi::node_pcdata).set_value(text.data(), text.size());
    return *this;
  }
  std::string clean = CleanText(text, true);
  if (!clean.empty()) node_.append_child(pugi::node_pcdata).set_value(clean.c_str());
  return *this;
}

Document::Document() : doc_(std::make_unique<pugi::xml_document>()) {
  pugi::xml_node decl = doc_->append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");
}

Document::~Document() = default;

Element Document::Root(std::string_view name) {
  return Element(doc_->append_child(Name(name).c_str()));
}

std::string Document::ToString() const {
  struct StringWriter final : pugi::xml_writer {
    std::string text;
    void write(const void* data, size_t size) override {
      text.append(static_cast<const char*>(data), size);
    }
  } out;
  doc_->save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return std::move(out.text);
}

}  // namespace herald::xml
