// A small blocking HTTP/1.1 client over POSIX sockets for the preview
// server tests: real requests on loopback, byte for byte, with no HTTP
// library (cpp-httplib stays in src/preview/server.cpp).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <map>
#include <string>

namespace herald::testing {

struct HttpResponse {
  int status = 0;  // 0: no response (connection failed or closed)
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class HttpConnection {
 public:
  explicit HttpConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) Close();
    int one = 1;
    if (fd_ >= 0) ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~HttpConnection() { Close(); }
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  bool ok() const { return fd_ >= 0; }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  bool SendRaw(const std::string& bytes) {
    size_t sent = 0;
    while (fd_ >= 0 && sent < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<size_t>(n);
    }
    return fd_ >= 0;
  }

  /// Sends one request (keep-alive) and reads the whole response.
  HttpResponse Request(const std::string& method, const std::string& target,
                       const std::string& extra_headers = "") {
    std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n";
    if (!SendRaw(req)) return {};
    return ReadResponse(method == "HEAD");
  }

  /// Reads status line and headers; the body too unless `head_only` or the
  /// body is an event stream (read it with ReadUntil).
  HttpResponse ReadResponse(bool head_only, int timeout_ms = 10000) {
    HttpResponse r;
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill(timeout_ms)) return r;
    }
    std::string head = buffer_.substr(0, end);
    buffer_.erase(0, end + 4);
    size_t line_end = head.find("\r\n");
    std::string status_line = head.substr(0, line_end);
    if (status_line.size() >= 12) r.status = std::stoi(status_line.substr(9, 3));
    size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
      size_t next = head.find("\r\n", pos);
      if (next == std::string::npos) next = head.size();
      std::string line = head.substr(pos, next - pos);
      size_t colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        size_t v = line.find_first_not_of(' ', colon + 1);
        r.headers[name] = v == std::string::npos ? "" : line.substr(v);
      }
      pos = next + 2;
    }
    if (head_only || r.status == 304 || r.header("content-type").rfind("text/event-stream", 0) == 0) {
      return r;
    }
    if (r.header("transfer-encoding") == "chunked") {
      while (true) {
        size_t crlf;
        while ((crlf = buffer_.find("\r\n")) == std::string::npos) {
          if (!Fill(timeout_ms)) return r;
        }
        size_t size = std::stoul(buffer_.substr(0, crlf), nullptr, 16);
        while (buffer_.size() < crlf + 2 + size + 2) {
          if (!Fill(timeout_ms)) return r;
        }
        r.body += buffer_.substr(crlf + 2, size);
        buffer_.erase(0, crlf + 2 + size + 2);
        if (size == 0) return r;
      }
    }
    size_t length = r.headers.count("content-length") ? std::stoul(r.header("content-length")) : 0;
    while (buffer_.size() < length) {
      if (!Fill(timeout_ms)) break;
    }
    r.body = buffer_.substr(0, length);
    buffer_.erase(0, std::min(length, buffer_.size()));
    return r;
  }

  /// Reads raw bytes until `needle` has arrived; returns everything read.
  std::string ReadUntil(const std::string& needle, int timeout_ms) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (buffer_.find(needle) == std::string::npos) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                      deadline - std::chrono::steady_clock::now()).count();
      if (left <= 0 || !Fill(static_cast<int>(left))) break;
    }
    return buffer_;
  }
  void Consume() { buffer_.clear(); }

 private:
  bool Fill(int timeout_ms) {
    if (fd_ < 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    char chunk[65536];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  std::string buffer_;
};

/// One request on a fresh connection.
inline HttpResponse HttpFetch(int port, const std::string& target, const std::string& method = "GET",
                              const std::string& extra_headers = "") {
  HttpConnection c(port);
  return c.Request(method, target, extra_headers);
}

}  // namespace herald::testing
