// Tests for source/size_limit: which limit a path gets, and the report of
// every file over it.
#include "source/size_limit.h"

#include <doctest/doctest.h>

#include "base/diagnostics.h"
#include "source/source_tree.h"

namespace herald {
namespace {

TEST_CASE("static assets get the larger limit; content, configuration and templates the smaller") {
  CHECK(FileSizeLimit("static/video.mp4") == kMaxStaticFileBytes);
  CHECK(FileSizeLimit("static/a/b/c.pdf") == kMaxStaticFileBytes);
  CHECK(FileSizeLimit("themes/acme/static/assets/logo.png") == kMaxStaticFileBytes);
  CHECK(FileSizeLimit("themes/acme/templates/page.mustache") == kMaxTextFileBytes);
  CHECK(FileSizeLimit("themes/static") == kMaxTextFileBytes);
  CHECK(FileSizeLimit("content/static/x.md") == kMaxTextFileBytes);
  CHECK(FileSizeLimit("site.toml") == kMaxTextFileBytes);
  CHECK(FileSizeLimit("advisories/2026/A-1.md") == kMaxTextFileBytes);
}

TEST_CASE("ReportOversizedFiles names every file over its limit, at 1:1, with both sizes") {
  std::string big(kMaxTextFileBytes + 1, 'x');
  auto tree = OpenMemoryTree({
      {"site.toml", big},
      {"advisories/2026/A-1.md", big},
      {"content/pages/ok.md", std::string(kMaxTextFileBytes, 'x')},
      {"themes/t/templates/page.mustache", big},
      {"themes/t/static/logo.png", big},  // under the static limit
      {"static/video.mp4", std::string(kMaxStaticFileBytes + 1, 'x')},
      {"notes/ignored.md", big},  // herald never reads it
  });
  Diagnostics diags;
  auto oversized = ReportOversizedFiles(*tree, diags);
  CHECK(oversized == std::set<std::string>{"advisories/2026/A-1.md", "site.toml",
                                            "static/video.mp4",
                                            "themes/t/templates/page.mustache"});
  std::string text;
  for (const Diagnostic& d : diags.Sorted()) text += FormatDiagnostic(d) + "\n";
  const std::string text_limit =
      "the file is 8.0 MiB (8388609 bytes); herald reads content and configuration files of up "
      "to 8.0 MiB (8388608 bytes), so it was not read: split it into smaller files\n";
  CHECK(text == "advisories/2026/A-1.md:1:1: error: " + text_limit +
                    "site.toml:1:1: error: " + text_limit +
                    "static/video.mp4:1:1: error: the file is 64.0 MiB (67108865 bytes); herald "
                    "reads static assets of up to 64.0 MiB (67108864 bytes), so it was not read: "
                    "host large downloads elsewhere and link to them\n"
                    "themes/t/templates/page.mustache:1:1: error: " + text_limit);
}

TEST_CASE("ReportOversizedFiles hands over the content files it listed") {
  auto tree = OpenMemoryTree({{"site.toml", ""},
                              {"content/pages/b.md", ""},
                              {"advisories/2026/A-1.md", std::string(kMaxTextFileBytes + 1, 'x')},
                              {"content/devices/x/index.md", ""},
                              {"static/logo.png", ""}});
  Diagnostics diags;
  std::vector<std::string> content;
  ReportOversizedFiles(*tree, diags, &content);
  CHECK(content == std::vector<std::string>{"advisories/2026/A-1.md", "content/devices/x/index.md",
                                            "content/pages/b.md"});
}

}  // namespace
}  // namespace herald
