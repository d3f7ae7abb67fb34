#include "preview/event_hub.h"

namespace herald::preview {

std::string FormatEvent(const std::string& name, const std::string& data) {
  std::string out = "event: " + name + "\ndata: ";
  for (char c : data) {
    if (c == '\r') continue;
    out += c;
    if (c == '\n') out += "data: ";
  }
  return out + "\n\n";
}

void EventHub::Publish(const std::string& name, const std::string& data) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return;
    events_.push_back(FormatEvent(name, data));
    if (events_.size() > kKept) {
      events_.pop_front();
      ++first_;
    }
  }
  changed_.notify_all();
}

uint64_t EventHub::Cursor() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return first_ + events_.size();
}

EventHub::Wait EventHub::Next(uint64_t* cursor, std::string* message,
                              std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  bool ready = changed_.wait_for(lock, timeout, [&] {
    return closed_ || *cursor < first_ + events_.size();
  });
  if (closed_) return Wait::kClosed;
  if (!ready) return Wait::kTimeout;
  if (*cursor < first_) *cursor = first_;  // fell behind: skip what is gone
  *message = events_[*cursor - first_];
  ++*cursor;
  return Wait::kEvent;
}

void EventHub::Close() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool EventHub::closed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return closed_;
}

}  // namespace herald::preview
