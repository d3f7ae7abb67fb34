// PreviewServer: `herald serve`'s HTTP side. Serves the last good build from
// memory, never from disk, so no request can name a file outside the site;
// targets are checked anyway (request_path.h). The only cpp-httplib includer.
//
//   GET/HEAD /PATH            an output, index.html for folder URLs, a 301 to
//                             add the trailing slash, the site's 404.html with
//                             status 404; ETag + If-None-Match → 304
//   GET /__herald/events      Server-Sent Events: hello, reload, build-error
//   GET /__herald/livereload.js   the client script
//
// HTML responses get the live-reload script (and, while the last build
// failed, the error overlay) added as they are sent; the stored output stays
// byte-identical to `herald build`.
//
// Threading: requests run on cpp-httplib's pool; Publish() and ShowErrors()
// may be called from any thread and swap an immutable snapshot.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "build/layered_map.h"

namespace herald::preview {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 1313;                 // 0: any free port
  size_t threads = 96;             // request threads; each open event stream holds one
  size_t max_event_streams = 32;   // more get 503, so streams cannot starve requests
};

class PreviewServer {
 public:
  PreviewServer();
  ~PreviewServer();  // stops

  /// Binds and serves on background threads; false with `*error` when the
  /// address cannot be bound (port in use, bad address).
  bool Start(const ServerOptions& options, std::string* error);
  int port() const;
  /// "http://127.0.0.1:1313/" (IPv6 addresses in brackets).
  std::string url() const;

  /// A build succeeded: serve `output` and tell open tabs which output
  /// paths changed. `changed` must name every path whose bytes differ from
  /// the last Publish (added and removed ones too): other files keep their
  /// ETag. Costs what changed, not the size of the site.
  void Publish(std::shared_ptr<const SharedOutput> output, const std::vector<std::string>& changed);
  /// A build failed: keep serving the last good output, with an overlay
  /// listing `errors` on every HTML page.
  void ShowErrors(const std::vector<Diagnostic>& errors);

  /// Ends event streams, stops accepting and waits for the threads.
  void Stop();

  size_t open_event_streams() const;
  /// Reload events published so far (tests).
  size_t reloads_published() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace herald::preview
