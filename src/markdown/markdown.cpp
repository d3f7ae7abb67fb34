#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <map>
#include <set>
#include <mutex>
#include <vector>

namespace herald {
namespace {

// Headings are marked with this byte run, which no source can spell: U+0001
// reaches the HTML only from text (the source is cleaned of it, but the
// entity &#1; decodes to it), and no '<' can precede such text: text escapes
// '<', raw HTML and the renderer's tags never end in one. "\x01<..." would
// not do: with raw HTML allowed, a tag may follow a decoded &#1;.
constexpr char kMarker[] = "<\x01HERALD-H\x01>";

constexpr int kMaxPlainTextDepth = 64;

constexpr const char* kExtensionNames[] = {"table", "strikethrough", "autolink", "tasklist",
                                          "tagfilter"};

// cmark-gfm 0.29 keeps the inline parser's table of special characters in a
// global: each parse adds its extensions' characters (':' and 'w' for
// autolinks, '~' for strikethrough) when inline parsing starts and removes
// them when it ends, so a parse finishing on one thread makes a parse running
// on another miss autolinks (github/cmark-gfm PR #176, unmerged). Inline
// parsing (cmark_parser_finish) is therefore serialised; block parsing
// (cmark_parser_feed) and rendering run in parallel. The extensions need
// their character lists to match delimiters, so the lists cannot simply be
// pinned in the table once.
std::mutex& InlineParseMutex() {
  static std::mutex mutex;
  return mutex;
}

// Looked up once: cmark_find_syntax_extension compares names along the
// registry on every call.
const std::vector<cmark_syntax_extension*>& Extensions() {
  static const std::vector<cmark_syntax_extension*> kFound = [] {
    cmark_gfm_core_extensions_ensure_registered();
    std::vector<cmark_syntax_extension*> found;
    for (const char* name : kExtensionNames) {
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) found.push_back(ext);
    }
    return found;
  }();
  return kFound;
}

// The text of `node` with markup dropped; with `blocks_on_lines`, each block
// (paragraph, item, heading) ends a line.
std::string PlainOf(cmark_node* node, bool blocks_on_lines = false) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(cur);
    if (ev == CMARK_EVENT_EXIT && blocks_on_lines &&
        (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) && !out.empty() &&
        out.back() != '\n') {
      out += '\n';
    }
    if (ev != CMARK_EVENT_ENTER) continue;
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      if (const char* lit = cmark_node_get_literal(cur)) out += lit;
    } else if (type == CMARK_NODE_CODE_BLOCK && blocks_on_lines) {
      if (const char* lit = cmark_node_get_literal(cur)) out += lit;
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      out += ' ';
    }
  }
  cmark_iter_free(iter);
  return out;
}

// The document as plain text, without trailing newlines. cmark's plain-text
// renderer indents every line by its nesting, so its cost grows with the
// square of the depth: 20,000 nested list items take minutes. Beyond any
// depth a real document has, fall back to the text alone, which is linear.
std::string PlainTextOf(cmark_node* doc, int max_depth) {
  std::string out;
  if (max_depth <= kMaxPlainTextDepth) {
    char* plain = cmark_render_plaintext(doc, CMARK_OPT_DEFAULT, 0);
    out = plain;
    free(plain);
  } else {
    out = PlainOf(doc, true);
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// Raw HTML becomes literal text so it shows escaped instead of vanishing.
void EscapeRawHtml(const std::vector<cmark_node*>& raw) {
  for (cmark_node* node : raw) {
    std::string literal = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
    if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
      while (!literal.empty() && literal.back() == '\n') literal.pop_back();
      cmark_node* para = cmark_node_new(CMARK_NODE_PARAGRAPH);
      cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(text, literal.c_str());
      cmark_node_append_child(para, text);
      cmark_node_replace(node, para);
    } else {
      cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
      cmark_node_set_literal(text, literal.c_str());
      cmark_node_replace(node, text);
    }
    cmark_node_free(node);
  }
}

// Moves each heading's marker into its tag as an id attribute, copying the
// HTML once: html[rest..] is not yet copied. A marker is its heading's first
// child, so the heading's tag is the last '<' before it.
std::string PlaceHeadingIds(std::string_view html, const std::vector<Heading>& headings) {
  constexpr std::string_view marker(kMarker, sizeof(kMarker) - 1);
  std::string out;
  out.reserve(html.size() + 24 * headings.size());
  size_t rest = 0;
  for (const Heading& h : headings) {
    size_t at = html.find(marker, rest);
    if (at == std::string_view::npos) break;
    size_t tag = html.rfind('<', at - 1);
    out.append(html, rest, tag - rest);
    out += "<h" + std::to_string(h.level) + " id=\"" + h.id + "\">";
    rest = at + marker.size();
  }
  out.append(html, rest);
  return out;
}

// Ids the default theme gives its own page sections; body headings never
// take them, so an anchor such as /devices/x/#support stays unambiguous.
const std::set<std::string>& ReservedIds() {
  static const std::set<std::string> kIds = {
      "main", "support", "identity", "intended-use", "risks", "network", "data", "security",
      "capabilities", "maintenance", "compliance", "sbom", "lifecycle", "documentation",
      "firmware", "advisories", "guides", "feeds", "affected", "not-affected", "remediation",
      "vulnerabilities", "details", "references", "acknowledgments", "revisions", "legal",
      "contents", "top"};
  return kIds;
}

}  // namespace

std::string SlugifyHeading(std::string_view text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c);
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c - 'A' + 'a');
      dash = false;
    } else {
      dash = true;
    }
  }
  return out.empty() ? "section" : out;
}

RenderedMarkdown RenderMarkdown(std::string_view source, const MarkdownOptions& options,
                                PlainText plain) {
  const auto& extensions = Extensions();
  std::string clean;
  if (source.find('\x01') != std::string_view::npos) {
    clean.reserve(source.size());
    for (char c : source) {
      if (c != '\x01') clean += c;
    }
  }
  std::string_view input = clean.empty() ? source : std::string_view(clean);

  int opts = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  if (options.raw_html) opts |= CMARK_OPT_UNSAFE;
  cmark_parser* parser = cmark_parser_new(opts);
  for (cmark_syntax_extension* ext : extensions) cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, input.data(), input.size());
  cmark_node* doc;
  {
    std::lock_guard<std::mutex> lock(InlineParseMutex());
    doc = cmark_parser_finish(parser);
  }

  // One walk finds the raw HTML to escape, the headings, the links and the
  // nesting depth. An HTML block becomes a paragraph holding a text node,
  // one level deeper than the block itself.
  RenderedMarkdown result;
  std::vector<cmark_node*> raw, headings;
  int depth = 0, max_depth = 0;
  cmark_iter* iter = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_EXIT) --depth;
    if (ev != CMARK_EVENT_ENTER) continue;
    if (cmark_node_first_child(cur)) max_depth = std::max(max_depth, ++depth);
    cmark_node_type type = cmark_node_get_type(cur);
    if (type == CMARK_NODE_HEADING) {
      headings.push_back(cur);
    } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
      const char* url = cmark_node_get_url(cur);
      int line = cmark_node_get_start_line(cur);
      for (cmark_node* p = cur; line == 0 && p; p = cmark_node_parent(p)) {
        line = cmark_node_get_start_line(p);
      }
      result.links.push_back({url ? url : "", line});
    } else if (!options.raw_html &&
               (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)) {
      raw.push_back(cur);
      if (type == CMARK_NODE_HTML_BLOCK) max_depth = std::max(max_depth, depth + 1);
    }
  }
  cmark_iter_free(iter);
  EscapeRawHtml(raw);

  if (plain == PlainText::kRender) result.text.plain = PlainTextOf(doc, max_depth);

  std::map<std::string, int> used_ids;
  std::set<std::string> assigned;
  for (cmark_node* heading : headings) {
    Heading h;
    h.level = cmark_node_get_heading_level(heading);
    h.text = PlainOf(heading);
    std::string base = SlugifyHeading(h.text);
    if (base.rfind("fw-", 0) == 0) base = "section-" + base;  // firmware anchors
    // "Impact", "Impact", "Impact 1" must not give impact, impact-1, impact-1.
    int& count = used_ids[base];
    std::string id = base;
    while (ReservedIds().count(id) || assigned.count(id)) id = base + "-" + std::to_string(++count);
    assigned.insert(id);
    h.id = id;
    cmark_node* marker = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
    cmark_node_set_on_enter(marker, kMarker);
    cmark_node_prepend_child(heading, marker);
    result.text.headings.push_back(std::move(h));
  }

  char* html = cmark_render_html(doc, opts, cmark_parser_get_syntax_extensions(parser));
  result.text.html = PlaceHeadingIds(html, result.text.headings);
  free(html);
  result.text.source = std::string(source);
  result.text.links = result.links;

  cmark_node_free(doc);
  cmark_parser_free(parser);
  return result;
}

}  // namespace herald
