// Text: a Markdown-capable field kept with its rendered HTML and plain form.
//
// The build renders Markdown once, while building the model, so renderers
// never parse: they pick `html` for pages and `plain` for feeds and CSAF.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace herald {

struct Heading {
  int level = 2;
  std::string id;    // unique within the document
  std::string text;  // plain text
};

struct Text {
  std::string source;  // as written
  std::string html;    // rendered, safe to embed
  std::string plain;   // text without markup, for feeds and CSAF notes
  std::vector<Heading> headings;
  bool Empty() const { return source.empty(); }
};

/// A value with where it was written, for cross-reference errors.
template <typename T>
struct Located {
  T value{};
  SourceLocation where;
};

using LocatedString = Located<std::string>;

}  // namespace herald
