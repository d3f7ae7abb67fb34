#include "render/text_check.h"

#include "base/utf8.h"

namespace herald {

bool IsCleanText(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 ? c != '\t' && c != '\n' : c == 0x7F) return false;
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
      return false;
    }
  }
  return FindInvalidUtf8(text) == std::string_view::npos;
}

}  // namespace herald
