// Output: the files a build writes, as relative path → bytes.
//
// Renderers hand every file to an OutputSink as soon as it is made, so a
// build never has to hold the whole site in memory: `herald build` writes
// each file into its staging folder at once (write/publisher.h), while tests
// and `herald check` collect them into an Output map. Only write/publisher
// writes to disk.
#pragma once

#include <map>
#include <mutex>
#include <string>

namespace herald {

using Output = std::map<std::string, std::string>;

/// Receives the files of one render. Put() may be called from several
/// threads at once; a later Put of the same path replaces the earlier one,
/// so a render that writes a path twice must do it from one thread, in order.
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  virtual void Put(const std::string& path, std::string bytes) = 0;
};

/// Keeps every file in an Output.
class OutputCollector final : public OutputSink {
 public:
  explicit OutputCollector(Output* out) : out_(out) {}
  void Put(const std::string& path, std::string bytes) override {
    std::lock_guard<std::mutex> lock(mutex_);
    (*out_)[path] = std::move(bytes);
  }

 private:
  std::mutex mutex_;
  Output* out_;
};

}  // namespace herald
