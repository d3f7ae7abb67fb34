#include "preview/livereload.h"

#include <doctest/doctest.h>

#include "preview/event_hub.h"  // FormatEvent

namespace herald::preview {
namespace {

constexpr char kTag[] =
    "<script src=\"/__herald/livereload.js\" data-served=\"a/index.html\" "
    "data-requested=\"a/index.html\"></script>";

TEST_CASE("the script goes before the last </body>, or at the end") {
  CHECK(InjectLiveReload("<html><body>x</body></html>", "a/index.html", "a/index.html", "") ==
        std::string("<html><body>x") + kTag + "</body></html>");
  CHECK(InjectLiveReload("<p>x</body> in text</p></body>\n", "a/index.html", "a/index.html", "") ==
        std::string("<p>x</body> in text</p>") + kTag + "</body>\n");
  CHECK(InjectLiveReload("<p>x", "a/index.html", "a/index.html", "") == std::string("<p>x") + kTag);
  CHECK(InjectLiveReload("<body></body>", "404.html", "x\"<y>/index.html", "") ==
        "<body><script src=\"/__herald/livereload.js\" data-served=\"404.html\" "
        "data-requested=\"x&quot;&lt;y&gt;/index.html\"></script></body>");
  CHECK(InjectLiveReload("<body></body>", "a", "a", "<div>o</div>").find("<div>o</div><script") !=
        std::string::npos);
}

TEST_CASE("the overlay lists errors as path:line:col, escaped") {
  std::string overlay = ErrorOverlay({{Severity::kError, {"advisories/2026/A.md", 4, 2}, "<b>&", ""}}, true);
  CHECK(overlay.find("id=\"herald-error-overlay\"") != std::string::npos);
  CHECK(overlay.find("advisories/2026/A.md:4:2: error: &lt;b&gt;&amp;") != std::string::npos);
  CHECK(overlay.find("last good build") != std::string::npos);
  std::string page = ErrorPage({{Severity::kError, {"site.toml", 1, 1}, "bad", ""}});
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("last good build") == std::string::npos);
}

TEST_CASE("reload events name the changed paths as JSON, or all of them") {
  CHECK(ReloadEventData({}) == "{\"paths\":[]}");
  CHECK(ReloadEventData({"a/index.html", "q\"\\\n.css"}) ==
        "{\"paths\":[\"a/index.html\",\"q\\\"\\\\\\u000a.css\"]}");
  CHECK(ReloadEventData(std::vector<std::string>(kMaxNamedPaths + 1, "x")) == "{\"all\":true}");
  CHECK(FormatEvent("reload", "a\nb") == "event: reload\ndata: a\ndata: b\n\n");
}

TEST_CASE("the client script listens to the events the server sends") {
  std::string_view script = LiveReloadScript();
  for (const char* needle : {"/__herald/events", "\"reload\"", "\"build-error\"", "\"hello\"",
                             "herald-error-overlay", "data-served", "data-requested"}) {
    CAPTURE(needle);
    CHECK(script.find(needle) != std::string_view::npos);
  }
}

}  // namespace
}  // namespace herald::preview
