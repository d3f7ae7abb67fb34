#include "render/xml_writer.h"

#include <sstream>

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
  std::ostringstream out;
  doc_->save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace herald::xml
