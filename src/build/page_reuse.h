// PageReuse: lets a render copy the HTML pages that cannot have changed since
// the last successful render instead of rendering them again (herald serve).
//
// A page's bytes are a pure function of two things: its template with the
// partials inlined (TemplateSet::ExpandedText) and its template data
// (HtmlPageData). A page's fingerprint is the SHA-256 of both. A page whose
// fingerprint equals the one it had in the last successful render, and whose
// bytes that render produced, is copied; every other page is rendered from
// that same data by RenderHtmlPage, which is what RenderHtmlPages (`herald
// build`) does for each page. So whatever a page shows — its advisory, the
// lists, a device's firmware, the build date in the footer — a change to it
// is seen, and nothing needs a dependency table. Building the data costs
// about a quarter of rendering a page.
//
// Threading: one render at a time.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "render/html_pages.h"
#include "render/output.h"

namespace herald {

class TemplateSet;

/// An Output whose bytes are shared between builds and the server.
using SharedOutput = std::map<std::string, std::shared_ptr<const std::string>>;

class PageReuse {
 public:
  /// Starts a render against `previous`, the output of the last successful
  /// render (null or empty for the first one).
  void Begin(const SharedOutput* previous);
  /// The render succeeded: its fingerprints become the reference.
  void Commit();

  size_t planned() const { return planned_; }
  size_t rendered() const { return rendered_; }
  /// Time spent on HTML pages (fingerprints, copies and renders).
  double milliseconds() const { return milliseconds_; }
  /// Pages of the current render copied from the previous output.
  const std::set<std::string>& reused() const { return reused_; }

  /// RenderHtmlPages that copies the pages it can (one parallel pass); with
  /// a null `reuse`, exactly RenderHtmlPages.
  static void Render(PageReuse* reuse, const Site& site, const TemplateSet& templates,
                     const std::vector<HtmlPageJob>& jobs, Output* out, Diagnostics& diags);

 private:
  const SharedOutput* previous_ = nullptr;
  std::map<std::string, std::string> keys_;       // path → fingerprint, last success
  std::map<std::string, std::string> next_keys_;  // of the render under way
  std::set<std::string> reused_;
  size_t planned_ = 0, rendered_ = 0;
  double milliseconds_ = 0;
};

}  // namespace herald
