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

/// A link or image in Markdown, for `herald check`'s link checker.
struct TextLink {
  std::string url;  // as the Markdown parser resolved it
  int line = 0;     // 1-based within Text::source
};

struct Text {
  std::string source;  // as written
  std::string html;    // rendered, safe to embed
  std::string plain;   // text without markup, for feeds and CSAF notes; empty
                       // for device, guide and page bodies (PlainText::kSkip)
  std::vector<Heading> headings;
  std::vector<TextLink> links;  // in document order
  /// Where `source` is written: a front-matter value (its opening quote) or
  /// the first line of a file's body. Set by the loaders.
  SourceLocation where;
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
