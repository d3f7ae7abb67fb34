// ParallelFor: runs independent work items on all cores.
//
// Results must be written to per-index slots so the outcome does not depend
// on scheduling; that is what keeps parallel builds byte-identical.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace herald {

/// Threads to use; HERALD_THREADS=1 forces a single-threaded build.
unsigned WorkerCount();

template <typename Fn>
void ParallelFor(size_t count, Fn&& fn) {
  unsigned threads = std::min<size_t>(WorkerCount(), count);
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

}  // namespace herald
