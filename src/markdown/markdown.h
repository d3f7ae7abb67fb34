// Markdown: the only place cmark-gfm is used.
//
// GFM with tables, strikethrough, autolinks, task lists and the tag filter.
// Raw HTML is shown as text unless the site opts in; headings get stable,
// unique ids; links are collected with their lines for the link checker.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/text.h"

namespace herald {

struct MarkdownOptions {
  bool raw_html = false;
};

using MarkdownLink = TextLink;  // url, and its 1-based line within the source

struct RenderedMarkdown {
  Text text;  // text.links holds the links too
  std::vector<MarkdownLink> links;
};

/// Whether the caller keeps Text::plain. cmark's plain-text renderer costs
/// several times its HTML renderer, so texts no output shows as plain text
/// (the bodies of devices, guides and pages) skip it and leave `plain` empty.
enum class PlainText { kRender, kSkip };

RenderedMarkdown RenderMarkdown(std::string_view source, const MarkdownOptions& options,
                                PlainText plain = PlainText::kRender);

/// Lower-case ASCII slug for ids: letters and digits, runs of others become '-'.
std::string SlugifyHeading(std::string_view text);

}  // namespace herald
