// XML output: the one place herald escapes XML. Built on pugixml, which
// escapes markup characters; this wrapper first makes every text and
// attribute value XML 1.0 text (CleanText): malformed UTF-8 becomes U+FFFD
// and characters XML 1.0 forbids, such as most C0 controls, are dropped.
//
//   xml::Document doc;
//   xml::Element rss = doc.Root("rss").Attr("version", "2.0");
//   rss.Child("channel").Child("title", site.config.site.title);
//   std::string bytes = doc.ToString();
//
// Output is deterministic: attributes and children keep the order they were
// added in, two-space indentation, LF line ends, a final newline.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace herald::xml {

class Element {
 public:
  explicit Element(pugi::xml_node node) : node_(node) {}

  /// Appends an empty child element.
  Element Child(std::string_view name);
  /// Appends a child element holding `text`.
  Element Child(std::string_view name, std::string_view text);
  /// Sets an attribute; the value is cleaned to one line.
  Element& Attr(std::string_view name, std::string_view value);
  /// Appends text (line breaks kept).
  Element& Text(std::string_view text);

 private:
  pugi::xml_node node_;
};

class Document {
 public:
  Document();  // starts with <?xml version="1.0" encoding="UTF-8"?>
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  /// The document element; call once.
  Element Root(std::string_view name);
  std::string ToString() const;

 private:
  std::unique_ptr<pugi::xml_document> doc_;
};

}  // namespace herald::xml
