#include "preview/server.h"

#include <httplib.h>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "preview/event_hub.h"
#include "preview/livereload.h"
#include "preview/request_path.h"

namespace herald::preview {
namespace {

// What requests read: replaced as a whole, never changed in place. Both maps
// are layered (build/layered_map.h), so a publish costs what changed.
struct Snapshot {
  std::shared_ptr<const SharedOutput> files = std::make_shared<SharedOutput>();
  // Path → the publish that brought its current bytes: the ETag is
  // "NONCE-GENERATION", unique to those bytes in this process.
  std::shared_ptr<const LayeredMap<uint64_t>> generations = std::make_shared<LayeredMap<uint64_t>>();
  bool has_build = false;
  std::vector<Diagnostic> errors;  // of the last build, when it failed
  std::string overlay;             // ErrorOverlay(errors), or empty
  uint64_t error_generation = 0;
};

bool EtagMatches(const std::string& header, const std::string& etag) {
  size_t start = 0;
  while (start < header.size()) {
    size_t comma = header.find(',', start);
    std::string tag = header.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    start = comma == std::string::npos ? header.size() : comma + 1;
    size_t b = tag.find_first_not_of(" \t"), e = tag.find_last_not_of(" \t");
    if (b == std::string::npos) continue;
    tag = tag.substr(b, e - b + 1);
    if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

std::string RandomNonce() {
  std::random_device device;
  std::mt19937_64 gen((static_cast<uint64_t>(device()) << 32) ^ device());
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (uint64_t v = gen(), i = 0; i < 12; ++i, v >>= 4) out += kHex[v & 15];
  return out;
}

}  // namespace

struct PreviewServer::Impl {
  httplib::Server http;
  std::thread listener;
  std::string host;
  int port = 0;
  std::string nonce = RandomNonce();
  EventHub hub;
  std::atomic<size_t> streams{0};
  std::atomic<size_t> reloads{0};
  size_t max_streams = 32;
  bool loopback_only = true;  // bound to loopback: answer loopback Host names only

  mutable std::mutex mutex;  // guards `snapshot` and `generation`
  std::shared_ptr<const Snapshot> snapshot = std::make_shared<Snapshot>();
  uint64_t generation = 0;

  std::shared_ptr<const Snapshot> Current() const {
    std::lock_guard<std::mutex> lock(mutex);
    return snapshot;
  }

  void Handle(const httplib::Request& req, httplib::Response& res);
  void ServeEvents(httplib::Response& res);
  void ServeFile(const httplib::Request& req, httplib::Response& res, const Snapshot& snap,
                 const std::string& served, const std::string& requested, int status);
};

void PreviewServer::Impl::Handle(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Cache-Control", "no-cache");
  res.set_header("X-Content-Type-Options", "nosniff");
  if (req.method != "GET" && req.method != "HEAD") {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_content("herald serve: only GET and HEAD\n", "text/plain; charset=utf-8");
    return;
  }
  if (loopback_only && !IsLoopbackHost(req.get_header_value("Host"))) {
    res.status = 403;
    res.set_content("herald serve: refused: the Host header does not name this machine "
                    "(the preview answers localhost and 127.0.0.1 only)\n",
                    "text/plain; charset=utf-8");
    return;
  }
  std::string target = req.target.substr(0, req.target.find_first_of("?#"));
  if (target == kEventsPath) return ServeEvents(res);
  if (target == kScriptPath) {
    res.set_content(std::string(LiveReloadScript()), "text/javascript; charset=utf-8");
    return;
  }
  SitePath path;
  std::string why;
  if (!ResolveRequestTarget(req.target, &path, &why)) {
    res.status = 400;
    res.set_content("herald serve: refused: " + why + "\n", "text/plain; charset=utf-8");
    return;
  }
  auto snap = Current();
  if (!snap->has_build) {  // the first build is running, or failed
    bool building = snap->errors.empty();
    res.status = building ? 503 : 500;
    if (building) res.set_header("Retry-After", "1");
    res.set_content(InjectLiveReload(building ? BuildingPage() : ErrorPage(snap->errors), "",
                                      path.path, ""),
                    "text/html; charset=utf-8");
    return;
  }
  if (snap->files->Contains(path.path)) return ServeFile(req, res, *snap, path.path, path.path, 200);
  if (!path.directory && snap->files->Contains(path.path + "/index.html")) {
    std::string query = req.target.substr(target.size());
    res.status = 301;
    res.set_header("Location", target + "/" + query);
    return;
  }
  std::string requested = path.directory || IsHtmlPath(path.path) ? path.path : path.path + "/index.html";
  if (snap->files->Contains("404.html")) return ServeFile(req, res, *snap, "404.html", requested, 404);
  res.status = 404;
  res.set_content("herald serve: not found\n", "text/plain; charset=utf-8");
}

void PreviewServer::Impl::ServeFile(const httplib::Request& req, httplib::Response& res,
                                    const Snapshot& snap, const std::string& served,
                                    const std::string& requested, int status) {
  const std::string& bytes = **snap.files->Find(served);
  bool html = IsHtmlPath(served);
  const uint64_t* generation = snap.generations->Find(served);
  std::string etag = "\"" + nonce + "-" + std::to_string(generation ? *generation : 0);
  if (html && !snap.overlay.empty()) etag += "-e" + std::to_string(snap.error_generation);
  etag += "\"";
  res.status = status;
  if (status == 200 && generation) {
    res.set_header("ETag", etag);
    if (req.has_header("If-None-Match") && EtagMatches(req.get_header_value("If-None-Match"), etag)) {
      res.status = 304;
      return;
    }
  }
  if (html) {
    res.set_content(InjectLiveReload(bytes, served, requested, snap.overlay), ContentTypeFor(served));
  } else {
    res.set_content(bytes, ContentTypeFor(served));
  }
}

void PreviewServer::Impl::ServeEvents(httplib::Response& res) {
  if (++streams > max_streams) {
    --streams;
    res.status = 503;
    res.set_header("Retry-After", "5");
    res.set_content("herald serve: too many event streams\n", "text/plain; charset=utf-8");
    return;
  }
  res.set_header("X-Accel-Buffering", "no");
  uint64_t cursor = hub.Cursor();
  std::string hello = "retry: 1000\n\n" + FormatEvent("hello", "{\"instance\":\"" + nonce + "\"}");
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, cursor, hello](size_t, httplib::DataSink& sink) mutable {
        if (!hello.empty()) {
          bool ok = sink.write(hello.data(), hello.size());
          hello.clear();
          return ok;
        }
        std::string message;
        switch (hub.Next(&cursor, &message, std::chrono::seconds(5))) {
          case EventHub::Wait::kEvent: return sink.write(message.data(), message.size());
          case EventHub::Wait::kTimeout: return sink.write(": ping\n\n", 8);  // finds closed tabs
          case EventHub::Wait::kClosed: sink.done(); return true;
        }
        return false;
      },
      [this](bool) { --streams; });
}

PreviewServer::PreviewServer() : impl_(std::make_unique<Impl>()) {}

PreviewServer::~PreviewServer() { Stop(); }

bool PreviewServer::Start(const ServerOptions& options, std::string* error) {
  Impl& s = *impl_;
  s.host = options.bind;
  s.max_streams = options.max_event_streams;
  s.loopback_only = IsLoopbackAddress(options.bind);
  size_t threads = options.threads;
  s.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // SO_REUSEADDR only: httplib's default, SO_REUSEPORT, would let a second
  // `herald serve` bind the same port and take half the requests.
  s.http.set_socket_options([](int sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  s.http.set_tcp_nodelay(true);  // headers and body go out in separate writes
  s.http.set_keep_alive_max_count(1000);
  s.http.set_keep_alive_timeout(2);  // Stop() waits for idle connections this long
  s.http.set_payload_max_length(64 * 1024);
  s.http.set_pre_routing_handler([&s](const httplib::Request& req, httplib::Response& res) {
    s.Handle(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  if (options.port == 0) {
    s.port = s.http.bind_to_any_port(options.bind);
  } else {
    s.port = s.http.bind_to_port(options.bind, options.port) ? options.port : -1;
  }
  if (s.port <= 0) {
    *error = "cannot listen on " + options.bind + ":" + std::to_string(options.port) +
             " (in use, or not an address of this machine); try --port 0";
    return false;
  }
  s.listener = std::thread([&s] { s.http.listen_after_bind(); });
  // stop() is a no-op until the accept loop runs; wait for it.
  for (int i = 0; i < 2000 && !s.http.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

int PreviewServer::port() const { return impl_->port; }

std::string PreviewServer::url() const {
  const std::string& h = impl_->host;
  std::string host = h.find(':') != std::string::npos ? "[" + h + "]" : h;
  if (h == "0.0.0.0") host = "127.0.0.1";
  if (h == "::") host = "[::1]";
  return "http://" + host + ":" + std::to_string(impl_->port) + "/";
}

void PreviewServer::Publish(std::shared_ptr<const SharedOutput> output,
                            const std::vector<std::string>& changed) {
  Impl& s = *impl_;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    auto next = std::make_shared<Snapshot>();
    next->has_build = true;
    next->files = output;
    uint64_t generation = ++s.generation;
    if (!s.snapshot->has_build) {
      std::map<std::string, uint64_t> all;
      output->ForEach([&](const std::string& path, const auto&) { all.emplace_hint(all.end(), path, generation); });
      next->generations = std::make_shared<LayeredMap<uint64_t>>(std::move(all));
    } else {
      LayeredMap<uint64_t>::Changes fresh;
      for (const std::string& path : changed) {
        fresh[path] = output->Contains(path) ? std::optional<uint64_t>(generation) : std::nullopt;
      }
      next->generations = s.snapshot->generations->With(fresh);
    }
    s.snapshot = std::move(next);
  }
  ++s.reloads;
  s.hub.Publish("reload", ReloadEventData(changed));
}

void PreviewServer::ShowErrors(const std::vector<Diagnostic>& errors) {
  Impl& s = *impl_;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    auto next = std::make_shared<Snapshot>(*s.snapshot);
    next->errors = errors;
    next->overlay = next->has_build ? ErrorOverlay(errors, true) : "";
    next->error_generation = ++s.generation;
    s.snapshot = std::move(next);
  }
  s.hub.Publish("build-error", "{}");
}

void PreviewServer::Stop() {
  Impl& s = *impl_;
  s.hub.Close();
  if (s.listener.joinable()) {
    s.http.stop();
    s.listener.join();
  }
}

size_t PreviewServer::open_event_streams() const { return impl_->streams.load(); }

size_t PreviewServer::reloads_published() const { return impl_->reloads.load(); }

}  // namespace herald::preview
