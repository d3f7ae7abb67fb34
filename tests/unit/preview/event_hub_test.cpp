#include "preview/event_hub.h"

#include <doctest/doctest.h>

#include <thread>

namespace herald::preview {
namespace {

TEST_CASE("the event hub hands each stream the events after its cursor") {
  EventHub hub;
  uint64_t a = hub.Cursor();
  hub.Publish("reload", "1");
  uint64_t b = hub.Cursor();
  hub.Publish("reload", "2");
  std::string m;
  CHECK(hub.Next(&a, &m, std::chrono::milliseconds(0)) == EventHub::Wait::kEvent);
  CHECK(m == "event: reload\ndata: 1\n\n");
  CHECK(hub.Next(&a, &m, std::chrono::milliseconds(0)) == EventHub::Wait::kEvent);
  CHECK(m == "event: reload\ndata: 2\n\n");
  CHECK(hub.Next(&a, &m, std::chrono::milliseconds(10)) == EventHub::Wait::kTimeout);
  CHECK(hub.Next(&b, &m, std::chrono::milliseconds(0)) == EventHub::Wait::kEvent);
  CHECK(m == "event: reload\ndata: 2\n\n");
  // A stream that fell far behind skips to the oldest event kept.
  uint64_t late = hub.Cursor();
  for (size_t i = 0; i < EventHub::kKept + 5; ++i) hub.Publish("reload", std::to_string(i));
  CHECK(hub.Next(&late, &m, std::chrono::milliseconds(0)) == EventHub::Wait::kEvent);
  CHECK(m == "event: reload\ndata: 5\n\n");
  hub.Close();
  CHECK(hub.Next(&late, &m, std::chrono::seconds(5)) == EventHub::Wait::kClosed);
}

TEST_CASE("Close wakes a waiting stream") {
  EventHub hub;
  uint64_t cursor = hub.Cursor();
  std::thread closer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    hub.Close();
  });
  std::string m;
  auto start = std::chrono::steady_clock::now();
  CHECK(hub.Next(&cursor, &m, std::chrono::seconds(30)) == EventHub::Wait::kClosed);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  closer.join();
  hub.Publish("reload", "ignored");
  CHECK(hub.closed());
}

}  // namespace
}  // namespace herald::preview
