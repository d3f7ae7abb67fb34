// The preview server over real HTTP on loopback: content types, folder
// URLs, 404, HEAD, ETag/304, refusals, events, the error overlay, shutdown
// and a bounded concurrent load.
#include "preview/server.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "preview/livereload.h"
#include "http_client.h"

namespace herald::preview {
namespace {

using testing::HttpConnection;
using testing::HttpFetch;
using testing::HttpResponse;

std::shared_ptr<const SharedOutput> MakeOutput(const std::string& home_title = "Home") {
  std::map<std::string, std::shared_ptr<const std::string>> files;
  auto put = [&](const std::string& path, const std::string& bytes) {
    files[path] = std::make_shared<const std::string>(bytes);
  };
  put("index.html", "<!DOCTYPE html><html><body><h1>" + home_title + "</h1></body></html>\n");
  put("advisories/index.html", "<html><body>list</body></html>");
  put("advisories/ACME-SA-2026-0001/index.html", "<html><body>advisory</body></html>");
  put("404.html", "<html><body>Not here</body></html>");
  put("assets/style.css", "body{}");
  put("assets/site.js", "1;");
  put("assets/logo.svg", "<svg/>");
  put("assets/photo.png", std::string("\x89PNG\r\n\x1a\n", 8));
  put("feeds/advisories.rss", "<rss/>");
  put("feeds/advisories.atom", "<feed/>");
  put("feeds/advisories.json", "{}");
  put("devices/hub-200/feed.json", "{}");
  put("support-terms.json", "{}");
  put("support-terms.ics", "BEGIN:VCALENDAR");
  put("sitemap.xml", "<urlset/>");
  put("robots.txt", "User-agent: *");
  put(".well-known/security.txt", "Contact: mailto:x@example.com");
  put(".well-known/csaf/white/2026/acme-sa-2026-0001.json", "{\"document\":{}}");
  put(".well-known/csaf/white/2026/acme-sa-2026-0001.json.sha256", "abc  acme-sa-2026-0001.json\n");
  put(".well-known/csaf/white/2026/acme-sa-2026-0001.json.sha512", "def  acme-sa-2026-0001.json\n");
  put(".well-known/csaf/white/2026/acme-sa-2026-0001.json.asc", "-----BEGIN PGP SIGNATURE-----");
  return std::make_shared<SharedOutput>(std::move(files));
}

struct Running {
  PreviewServer server;
  int port = 0;
  explicit Running(std::shared_ptr<const SharedOutput> output = MakeOutput()) {
    ServerOptions options;
    options.port = 0;
    std::string error;
    REQUIRE(server.Start(options, &error));
    port = server.port();
    if (output) server.Publish(output, {});
  }
};

std::string WithoutScript(std::string html) {
  size_t at = html.find("<script src=\"/__herald/livereload.js\"");
  if (at != std::string::npos) html.erase(at, html.find("</script>", at) + 9 - at);
  return html;
}

TEST_CASE("the server answers with the output's bytes and the right content type") {
  Running s;
  CHECK(s.server.url() == "http://127.0.0.1:" + std::to_string(s.port) + "/");
  const std::pair<const char*, const char*> kTypes[] = {
      {"/", "text/html; charset=utf-8"},
      {"/advisories/", "text/html; charset=utf-8"},
      {"/assets/style.css", "text/css; charset=utf-8"},
      {"/assets/site.js", "text/javascript; charset=utf-8"},
      {"/assets/logo.svg", "image/svg+xml"},
      {"/assets/photo.png", "image/png"},
      {"/feeds/advisories.rss", "application/rss+xml"},
      {"/feeds/advisories.atom", "application/atom+xml"},
      {"/feeds/advisories.json", "application/feed+json"},
      {"/devices/hub-200/feed.json", "application/feed+json"},
      {"/support-terms.json", "application/json"},
      {"/support-terms.ics", "text/calendar; charset=utf-8"},
      {"/sitemap.xml", "application/xml"},
      {"/robots.txt", "text/plain; charset=utf-8"},
      {"/.well-known/security.txt", "text/plain; charset=utf-8"},
      {"/.well-known/csaf/white/2026/acme-sa-2026-0001.json", "application/json"},
      {"/.well-known/csaf/white/2026/acme-sa-2026-0001.json.sha256", "text/plain; charset=utf-8"},
      {"/.well-known/csaf/white/2026/acme-sa-2026-0001.json.sha512", "text/plain; charset=utf-8"},
      {"/.well-known/csaf/white/2026/acme-sa-2026-0001.json.asc", "application/pgp-signature"},
  };
  auto output = MakeOutput();
  for (const auto& [target, type] : kTypes) {
    CAPTURE(target);
    HttpResponse r = HttpFetch(s.port, target);
    CHECK(r.status == 200);
    CHECK(r.header("content-type") == type);
    std::string path = std::string(target).substr(1);
    if (path.empty() || path.back() == '/') path += "index.html";
    REQUIRE(output->Find(path));
    CHECK(WithoutScript(r.body) == **output->Find(path));
  }
  // Binary bytes come back unchanged; the script goes into HTML only.
  CHECK(HttpFetch(s.port, "/assets/photo.png").body == std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK(HttpFetch(s.port, "/").body.find("/__herald/livereload.js") != std::string::npos);
  CHECK(HttpFetch(s.port, "/robots.txt").body == "User-agent: *");
  HttpResponse script = HttpFetch(s.port, "/__herald/livereload.js");
  CHECK(script.status == 200);
  CHECK(script.body == std::string(LiveReloadScript()));
}

TEST_CASE("folders redirect to their slash, missing pages get 404.html with status 404") {
  Running s;
  HttpResponse r = HttpFetch(s.port, "/advisories?device=hub-200");
  CHECK(r.status == 301);
  CHECK(r.header("location") == "/advisories/?device=hub-200");
  HttpResponse missing = HttpFetch(s.port, "/advisories/NOPE/");
  CHECK(missing.status == 404);
  CHECK(missing.header("content-type") == "text/html; charset=utf-8");
  CHECK(WithoutScript(missing.body) == "<html><body>Not here</body></html>");
  // The tab of a missing page reloads when that page appears.
  CHECK(missing.body.find("data-requested=\"advisories/NOPE/index.html\"") != std::string::npos);
  CHECK(HttpFetch(s.port, "/nope.css").status == 404);
  CHECK(HttpFetch(s.port, "/", "POST").status == 405);
  // DNS rebinding: a page of another site that resolves to 127.0.0.1.
  HttpConnection c(s.port);
  REQUIRE(c.SendRaw("GET / HTTP/1.1\r\nHost: attacker.example:1313\r\n\r\n"));
  HttpResponse rebound = c.ReadResponse(false);
  CHECK(rebound.status == 403);
  CHECK(rebound.body.find("Home") == std::string::npos);
  CHECK(HttpFetch(s.port, "/", "DELETE").header("allow") == "GET, HEAD");
}

TEST_CASE("HEAD sends the headers of GET without a body; ETag and If-None-Match give 304") {
  Running s;
  for (const char* target : {"/", "/feeds/advisories.rss"}) {
    CAPTURE(target);
    HttpConnection c(s.port);
    HttpResponse get = c.Request("GET", target);
    HttpResponse head = c.Request("HEAD", target);
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(head.header("content-length") == std::to_string(get.body.size()));
    CHECK(head.header("content-type") == get.header("content-type"));
    std::string etag = get.header("etag");
    REQUIRE(etag.size() > 2);
    CHECK(head.header("etag") == etag);
    HttpResponse again = c.Request("GET", target, "If-None-Match: " + etag + "\r\n");
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK(c.Request("GET", target, "If-None-Match: W/" + etag + "\r\n").status == 304);
    CHECK(c.Request("GET", target, "If-None-Match: \"other\", " + etag + "\r\n").status == 304);
    CHECK(c.Request("GET", target, "If-None-Match: \"other\"\r\n").status == 200);
  }
  // A new build of a page changes its ETag; others keep theirs.
  std::string home = HttpFetch(s.port, "/").header("etag");
  std::string rss = HttpFetch(s.port, "/feeds/advisories.rss").header("etag");
  s.server.Publish(MakeOutput("New home"), {"index.html"});
  CHECK(HttpFetch(s.port, "/").header("etag") != home);
  CHECK(HttpFetch(s.port, "/", "GET", "If-None-Match: " + home + "\r\n").status == 200);
  CHECK(HttpFetch(s.port, "/feeds/advisories.rss").header("etag") == rss);
  // A publish names what it added and removed; the rest is untouched.
  auto next = MakeOutput("New home")->With({{"robots.txt", std::nullopt},
                                            {"new.txt", std::make_shared<const std::string>("new")}});
  s.server.Publish(next, {"new.txt", "robots.txt"});
  CHECK(HttpFetch(s.port, "/robots.txt").status == 404);
  CHECK(HttpFetch(s.port, "/new.txt").body == "new");
  CHECK(HttpFetch(s.port, "/feeds/advisories.rss").header("etag") == rss);
}

TEST_CASE("requests for anything outside the site are refused, and no byte of it comes back") {
  // A file beside the site that a traversal would reach on a disk server.
  std::string secret_path = "/tmp/herald-serve-secret-" + std::to_string(::getpid()) + ".txt";
  const std::string kSecret = "TOP-SECRET-" + std::to_string(::getpid());
  std::ofstream(secret_path) << kSecret;
  Running s;
  std::string name = secret_path.substr(5);
  const std::string kTargets[] = {
      "/../" + name, "/../../../../tmp/" + name, "/assets/../../" + name,
      "/%2e%2e/" + name, "/%2E%2E/%2e%2e/tmp/" + name, "/.%2e/" + name,
      "/..%2f..%2ftmp%2f" + name, "/assets%2f..%2f..%2f" + name, "/%2ftmp%2f" + name,
      "/..\\..\\tmp\\" + name, "/..%5c..%5ctmp%5c" + name,
      "//tmp/" + name, secret_path, "/./index.html", "/assets/./style.css",
      "/index.html%00.css", "/%00", "/robots.txt%00",
      "/%c0%ae%c0%ae/" + name, "/%c0%af..%c0%aftmp/" + name, "/%e0%80%ae%e0%80%ae/" + name,
      "/%ff/" + name, "/%ed%a0%80", "/%", "/%zz",
      "http://127.0.0.1/../" + name, "*",
  };
  for (const auto& target : kTargets) {
    CAPTURE(target);
    HttpResponse r = HttpFetch(s.port, target);
    CHECK(r.status != 0);
    CHECK(r.status != 200);
    CHECK((r.status == 400 || r.status == 404));
    CHECK(r.body.find(kSecret) == std::string::npos);
  }
  // Raw bytes that never reach the handler are refused by the parser.
  HttpConnection raw(s.port);
  raw.SendRaw(std::string("GET /\0/../x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 33));
  HttpResponse r = raw.ReadResponse(false, 3000);
  CHECK(r.status != 200);
  CHECK(r.body.find(kSecret) == std::string::npos);
  std::remove(secret_path.c_str());
}

TEST_CASE("events announce changed paths; a failed build shows its errors until one succeeds") {
  Running s;
  HttpConnection events(s.port);
  REQUIRE(events.SendRaw("GET /__herald/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  HttpResponse head = events.ReadResponse(false);
  CHECK(head.status == 200);
  CHECK(head.header("content-type").rfind("text/event-stream", 0) == 0);
  CHECK(events.ReadUntil("event: hello", 5000).find("event: hello") != std::string::npos);
  events.Consume();

  s.server.Publish(MakeOutput("Changed"), {"index.html", "feeds/advisories.rss"});
  std::string got = events.ReadUntil("\n\n", 5000);
  CHECK(got.find("event: reload\ndata: {\"paths\":[\"index.html\",\"feeds/advisories.rss\"]}\n\n") !=
        std::string::npos);
  events.Consume();

  std::string etag = HttpFetch(s.port, "/").header("etag");
  s.server.ShowErrors({{Severity::kError, {"advisories/2026/X.md", 3, 7}, "bad <date>", ""}});
  CHECK(events.ReadUntil("\n\n", 5000).find("event: build-error") != std::string::npos);
  events.Consume();
  HttpResponse page = HttpFetch(s.port, "/");
  CHECK(page.status == 200);  // the last good page, under the overlay
  CHECK(page.body.find("<h1>Changed</h1>") != std::string::npos);
  CHECK(page.body.find("herald-error-overlay") != std::string::npos);
  CHECK(page.body.find("advisories/2026/X.md:3:7: error: bad &lt;date&gt;") != std::string::npos);
  CHECK(page.header("etag") != etag);  // a cached page without the overlay is not reused
  CHECK(HttpFetch(s.port, "/robots.txt").body == "User-agent: *");  // only HTML gets it

  s.server.Publish(MakeOutput("Fixed"), {"index.html"});
  CHECK(events.ReadUntil("\n\n", 5000).find("event: reload") != std::string::npos);
  page = HttpFetch(s.port, "/");
  CHECK(page.body.find("herald-error-overlay") == std::string::npos);
  CHECK(page.body.find("<h1>Fixed</h1>") != std::string::npos);
}

TEST_CASE("before any build succeeded, pages say it is building, then show its errors") {
  Running s(nullptr);
  HttpResponse building = HttpFetch(s.port, "/advisories/");
  CHECK(building.status == 503);
  CHECK(building.header("retry-after") == "1");
  CHECK(building.body.find("id=\"herald-building\"") != std::string::npos);
  CHECK(building.body.find("/__herald/livereload.js") != std::string::npos);
  s.server.ShowErrors({{Severity::kError, {"site.toml", 1, 1}, "broken", ""}});
  HttpResponse r = HttpFetch(s.port, "/advisories/");
  CHECK(r.status == 500);
  CHECK(r.body.find("site.toml:1:1: error: broken") != std::string::npos);
  CHECK(r.body.find("/__herald/livereload.js") != std::string::npos);
}

TEST_CASE("Stop ends open event streams and idle connections promptly") {
  auto server = std::make_unique<Running>();
  HttpConnection idle(server->port);
  CHECK(idle.Request("GET", "/").status == 200);  // then kept alive, idle
  HttpConnection events(server->port);
  REQUIRE(events.SendRaw("GET /__herald/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  events.ReadUntil("event: hello", 5000);
  CHECK(server->server.open_event_streams() == 1);
  auto start = std::chrono::steady_clock::now();
  server->server.Stop();
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(4));
  CHECK(HttpConnection(server->port).ok() == false);
}

size_t ResidentKilobytes() {
  std::ifstream statm("/proc/self/statm");
  size_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * static_cast<size_t>(::sysconf(_SC_PAGESIZE)) / 1024;
}

TEST_CASE("32 clients × many keep-alive requests: no errors, no growth in memory") {
  // HERALD_SERVE_LOAD sets the requests per client (default 5000).
  const char* env = std::getenv("HERALD_SERVE_LOAD");
  const int per_client = env ? std::atoi(env) : 5000;
  const int kClients = 32;
  Running s;
  std::string etag = HttpFetch(s.port, "/feeds/advisories.rss").header("etag");
  auto run = [&](int requests) {
    std::atomic<int> errors{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
      clients.emplace_back([&, c] {
        auto conn = std::make_unique<HttpConnection>(s.port);
        for (int i = 0; i < requests; ++i) {
          if (!conn->ok()) conn = std::make_unique<HttpConnection>(s.port);
          int kind = (i + c) % 4;
          HttpResponse r =
              kind == 0 ? conn->Request("GET", "/")
              : kind == 1 ? conn->Request("GET", "/advisories/NOPE/")
              : kind == 2 ? conn->Request("GET", "/feeds/advisories.rss", "If-None-Match: " + etag + "\r\n")
                          : conn->Request("HEAD", "/assets/style.css");
          int want = kind == 1 ? 404 : kind == 2 ? 304 : 200;
          if (r.status != want) ++errors;
          if (r.header("connection") == "close") conn = std::make_unique<HttpConnection>(s.port);
        }
      });
    }
    for (auto& t : clients) t.join();
    return errors.load();
  };
  CHECK(run(200) == 0);  // warm up: threads, buffers
  size_t before = ResidentKilobytes();
  CHECK(run(per_client) == 0);
  size_t after = ResidentKilobytes();
  MESSAGE("resident memory " << before << " kB before, " << after << " kB after "
          << kClients * per_client << " requests");
  CHECK(after < before + 16 * 1024);
}

}  // namespace
}  // namespace herald::preview
