#include "base/parallel.h"

#include <cstdlib>
#include <string>

namespace herald {

unsigned WorkerCount() {
  if (const char* env = std::getenv("HERALD_THREADS")) {
    int n = std::atoi(env);
    if (n >= 1) return static_cast<unsigned>(n);
  }
  return std::max(1u, std::min(std::thread::hardware_concurrency(), 16u));
}

}  // namespace herald
