// Request paths and content types for the preview server.
//
// The server only ever looks paths up in the built site held in memory; it
// never opens a file named by a request. Even so, a request target is
// refused unless it is plainly a path inside the site: anything that could
// mean a parent folder, another root or a different file on some other
// server (`..`, `.`, empty segments, backslashes, percent-encoded slashes,
// control bytes, NUL, invalid or overlong UTF-8) is a 400, never a lookup.
// Pure functions; no HTTP library here, so tests need none.
#pragma once

#include <string>
#include <string_view>

namespace herald::preview {

struct SitePath {
  std::string path;        // output path: "advisories/X/index.html", "feeds/advisories.rss"
  bool directory = false;  // the target ended in '/' (or was "/")
};

/// Maps a request target ("/advisories/X/?q=1") to an output path; on refusal
/// returns false with the reason.
bool ResolveRequestTarget(std::string_view target, SitePath* out, std::string* why);

/// Content-Type header for an output path (charset for text types).
std::string ContentTypeFor(std::string_view path);
bool IsHtmlPath(std::string_view path);

/// Whether a Host header names this machine (localhost, 127.0.0.1, [::1],
/// *.localhost, with any port). A server bound to loopback answers only
/// those, so a web page cannot reach it by DNS rebinding and read drafts.
bool IsLoopbackHost(std::string_view host_header);
bool IsLoopbackAddress(std::string_view bind_address);

/// The site path a browser shows for an output path ("a/index.html" → "/a/").
std::string UrlPathOf(std::string_view output_path);

}  // namespace herald::preview
