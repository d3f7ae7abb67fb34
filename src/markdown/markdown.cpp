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

// Headings are marked with this byte run; it cannot survive in user text
// because the source is cleaned of U+0001 before parsing.
constexpr char kMarker[] = "\x01HERALD-H\x01";

constexpr int kMaxPlainTextDepth = 64;

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist",
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

void EnsureExtensionsRegistered() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

void Attach(cmark_parser* parser, const char* name) {
  if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
    cmark_parser_attach_syntax_extension(parser, ext);
  }
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

// Raw HTML becomes literal text so it shows escaped instead of vanishing.
void EscapeRawHtml(cmark_node* root) {
  std::vector<cmark_node*> raw;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(cur);
    if (ev == CMARK_EVENT_ENTER &&
        (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)) {
      raw.push_back(cur);
    }
  }
  cmark_iter_free(iter);
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

RenderedMarkdown RenderMarkdown(std::string_view source, const MarkdownOptions& options) {
  EnsureExtensionsRegistered();
  std::string clean;
  clean.reserve(source.size());
  for (char c : source) {
    if (c != '\x01') clean += c;
  }

  int opts = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  if (options.raw_html) opts |= CMARK_OPT_UNSAFE;
  cmark_parser* parser = cmark_parser_new(opts);
  for (const char* name : kExtensions) Attach(parser, name);
  cmark_parser_feed(parser, clean.data(), clean.size());
  cmark_node* doc;
  {
    std::lock_guard<std::mutex> lock(InlineParseMutex());
    doc = cmark_parser_finish(parser);
  }
  if (!options.raw_html) EscapeRawHtml(doc);

  RenderedMarkdown result;
  std::map<std::string, int> used_ids;
  std::set<std::string> assigned;
  std::vector<cmark_node*> headings;
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
    }
  }
  cmark_iter_free(iter);

  // cmark's plain-text renderer indents every line by its nesting, so its
  // cost grows with the square of the depth: 20,000 nested list items take
  // minutes. Beyond any depth a real document has, fall back to the text
  // alone, which is linear.
  if (max_depth <= kMaxPlainTextDepth) {
    char* plain = cmark_render_plaintext(doc, CMARK_OPT_DEFAULT, 0);
    result.text.plain = plain;
    free(plain);
  } else {
    result.text.plain = PlainOf(doc, true);
  }
  while (!result.text.plain.empty() && result.text.plain.back() == '\n') result.text.plain.pop_back();

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
  std::string rendered = html;
  free(html);
  // Move each marker into its heading tag as an id attribute.
  size_t search = 0;
  for (const Heading& h : result.text.headings) {
    size_t at = rendered.find(kMarker, search);
    if (at == std::string::npos) break;
    size_t tag = rendered.rfind('<', at);
    std::string open = "<h" + std::to_string(h.level) + " id=\"" + h.id + "\">";
    rendered.replace(tag, at + sizeof(kMarker) - 1 - tag, open);
    search = tag + open.size();
  }
  result.text.html = std::move(rendered);
  result.text.source = std::string(source);
  result.text.links = result.links;

  cmark_node_free(doc);
  cmark_parser_free(parser);
  return result;
}

}  // namespace herald
