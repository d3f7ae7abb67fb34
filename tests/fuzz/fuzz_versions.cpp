// libFuzzer target: version ranges and version comparison. The input is a
// range, a newline, then a version.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/versions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t newline = input.find('\n');
  std::string_view range_text = input.substr(0, newline);
  std::string_view version = newline == std::string_view::npos ? "" : input.substr(newline + 1);
  std::string error;
  auto range = herald::ParseVersionRange(range_text, &error);
  if (range) {
    range->Contains(version);
    range->ToVers();
  } else if (error.empty()) {
    __builtin_trap();  // a refusal must say why
  }
  // CompareVersions is a total order: antisymmetric and reflexive.
  int ab = herald::CompareVersions(range_text, version);
  int ba = herald::CompareVersions(version, range_text);
  if ((ab < 0) != (ba > 0) || (ab == 0) != (ba == 0)) __builtin_trap();
  if (herald::CompareVersions(version, version) != 0) __builtin_trap();
  return 0;
}
