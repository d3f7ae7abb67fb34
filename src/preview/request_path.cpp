#include "preview/request_path.h"

#include <array>
#include <cctype>
#include <vector>

namespace herald::preview {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past U+10FFFF.
bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;         // overlong 3-byte forms
    else if (c == 0xED) hi = 0x9F;    // UTF-16 surrogates
    else if (c == 0xF0) lo = 0x90;    // overlong 4-byte forms
    else if (c == 0xF4) hi = 0x8F;    // past U+10FFFF
    if (c1 < lo || c1 > hi) return false;
    for (size_t k = 2; k < len; ++k) {
      unsigned char ck = static_cast<unsigned char>(s[i + k]);
      if (ck < 0x80 || ck > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

bool ResolveRequestTarget(std::string_view target, SitePath* out, std::string* why) {
  size_t end = target.find_first_of("?#");
  std::string_view raw = target.substr(0, end);
  if (raw.empty() || raw[0] != '/') {
    *why = "the request target is not a path starting with '/'";
    return false;
  }
  std::string decoded;
  for (size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c <= 0x20 || c == 0x7F || c == '\\') {
      *why = "the path contains a control character, space or backslash";
      return false;
    }
    if (c != '%') {
      decoded += static_cast<char>(c);
      continue;
    }
    int hi = i + 2 < raw.size() ? HexValue(raw[i + 1]) : -1;
    int lo = i + 2 < raw.size() ? HexValue(raw[i + 2]) : -1;
    if (hi < 0 || lo < 0) {
      *why = "the path contains a malformed percent escape";
      return false;
    }
    unsigned char byte = static_cast<unsigned char>(hi * 16 + lo);
    if (byte < 0x20 || byte == 0x7F || byte == '/' || byte == '\\') {
      *why = "the path encodes a slash, backslash or control character (NUL included)";
      return false;
    }
    decoded += static_cast<char>(byte);
    i += 2;
  }
  if (!IsValidUtf8(decoded)) {
    *why = "the path is not valid UTF-8 (overlong forms included)";
    return false;
  }
  std::vector<std::string_view> segments;
  std::string_view rest = std::string_view(decoded).substr(1);
  bool directory = rest.empty();
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    if (seg.empty() || seg == "." || seg == "..") {
      *why = "the path has an empty, '.' or '..' segment";
      return false;
    }
    segments.push_back(seg);
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
    directory = rest.empty();
  }
  out->path.clear();
  for (auto seg : segments) {
    if (!out->path.empty()) out->path += '/';
    out->path += seg;
  }
  out->directory = directory;
  if (directory) out->path += out->path.empty() ? "index.html" : "/index.html";
  return true;
}

std::string ContentTypeFor(std::string_view path) {
  struct Type {
    const char* suffix;
    const char* type;
  };
  // JSON Feed 1.1 names its own media type; everything else goes by extension.
  static constexpr std::array<Type, 32> kTypes = {{
      {"/feed.json", "application/feed+json"},
      {"feeds/advisories.json", "application/feed+json"},
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".xml", "application/xml"},
      {".rss", "application/rss+xml"},
      {".atom", "application/atom+xml"},
      {".ics", "text/calendar; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".md", "text/markdown; charset=utf-8"},
      {".asc", "application/pgp-signature"},
      {".sha256", "text/plain; charset=utf-8"},
      {".sha512", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".avif", "image/avif"},
      {".ico", "image/vnd.microsoft.icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".otf", "font/otf"},
      {".pdf", "application/pdf"},
      {".webmanifest", "application/manifest+json"},
      {".wasm", "application/wasm"},
  }};
  for (const auto& t : kTypes) {
    if (EndsWith(path, t.suffix) && (t.suffix[0] == '.' || t.suffix[0] == '/' ||
                                     path == std::string_view(t.suffix))) {
      return t.type;
    }
  }
  return "application/octet-stream";
}

bool IsHtmlPath(std::string_view path) { return EndsWith(path, ".html"); }

bool IsLoopbackHost(std::string_view host_header) {
  std::string host;
  for (char c : host_header) host += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!host.empty() && host[0] == '[') {
    size_t close = host.find(']');
    if (close == std::string::npos) return false;
    std::string rest = host.substr(close + 1);
    if (!rest.empty() && (rest[0] != ':' || rest.find_first_not_of("0123456789", 1) != std::string::npos)) {
      return false;
    }
    return host.substr(0, close + 1) == "[::1]";
  }
  size_t colon = host.find(':');
  if (colon != std::string::npos) {
    if (host.find_first_not_of("0123456789", colon + 1) != std::string::npos) return false;
    host.resize(colon);
  }
  if (!host.empty() && host.back() == '.') host.pop_back();
  return host == "localhost" || host == "127.0.0.1" || EndsWith(host, ".localhost");
}

bool IsLoopbackAddress(std::string_view bind_address) {
  return bind_address == "127.0.0.1" || bind_address == "::1" || bind_address == "localhost";
}

std::string UrlPathOf(std::string_view output_path) {
  std::string url = "/" + std::string(output_path);
  if (url == "/index.html") return "/";
  if (EndsWith(url, "/index.html")) url.resize(url.size() - std::string_view("index.html").size());
  return url;
}

}  // namespace herald::preview
