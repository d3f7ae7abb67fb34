// EventHub: hands build events to every open Server-Sent Events stream.
//
// Each stream keeps a cursor and waits for events published after it;
// Close() wakes every waiter so the server can stop. Only the most recent
// kKept events are kept: a stream that falls further behind skips ahead.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>

namespace herald::preview {

class EventHub {
 public:
  static constexpr size_t kKept = 64;
  enum class Wait { kEvent, kTimeout, kClosed };

  /// Formats and posts "event: NAME\ndata: DATA\n\n" (DATA on one line).
  void Publish(const std::string& name, const std::string& data);
  /// The cursor a new stream starts from: only later events reach it.
  uint64_t Cursor() const;
  /// Waits up to `timeout` for the event after `*cursor`; advances it.
  Wait Next(uint64_t* cursor, std::string* message, std::chrono::milliseconds timeout);
  void Close();
  bool closed() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::string> events_;  // events_[i] has sequence number first_ + i
  uint64_t first_ = 1;
  bool closed_ = false;
};

/// "event: NAME\ndata: DATA\n\n", newlines in DATA split into data lines.
std::string FormatEvent(const std::string& name, const std::string& data);

}  // namespace herald::preview
