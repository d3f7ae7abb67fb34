// libFuzzer target: CVSS 3.x and 4.0 vector validation and scoring.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/cvss.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view vector(reinterpret_cast<const char*>(data), size);
  herald::CvssResult any = herald::ScoreCvss(vector);
  herald::ScoreCvss3(vector);
  herald::ScoreCvss4(vector);
  // A valid score is a one-decimal number from 0 to 10 with its rating.
  if (any.ok && (any.base_score < 0 || any.base_score > 10 ||
                 herald::CvssSeverityName(any.base_score) != any.severity)) {
    __builtin_trap();
  }
  if (!any.ok && any.error_offset > size) __builtin_trap();
  return 0;
}
