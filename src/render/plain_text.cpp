#include "render/plain_text.h"

#include <cstdint>

#include "base/utf8.h"

namespace herald {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// Length of the well-formed UTF-8 sequence at text[i], or 0 (Unicode 15,
/// table 3-7). Sets *cp to its code point.
size_t SequenceAt(std::string_view text, size_t i, char32_t* cp) {
  auto byte = [&](size_t k) -> unsigned { return static_cast<unsigned char>(text[k]); };
  unsigned b0 = byte(i);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  char32_t c = b0 & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) c = (c << 6) | (byte(i + k) & 0x3F);
  *cp = c;
  return len;
}

}  // namespace

std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    size_t len = SequenceAt(text, i, &cp);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string CleanText(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    size_t len = SequenceAt(text, i, &cp);
    if (len == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    std::string_view seq = text.substr(i, len);
    i += len;
    if (cp == '\r') {
      if (i < text.size() && text[i] == '\n') continue;  // CR LF: the LF follows
      cp = '\n';
      seq = "\n";
    }
    if (cp == '\n') {
      out += keep_newlines ? '\n' : ' ';
    } else if (cp == '\t' || (cp >= 0x20 && cp != 0x7F && cp != 0xFFFE && cp != 0xFFFF)) {
      out.append(seq);
    }
  }
  return out;
}

bool IsCleanText(std::string_view text) {
  bool ascii = true;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i + 8 <= text.size()) {
      uint64_t word = swar::Load(text.data() + i);
      if (!swar::HasHigh(word) && !swar::HasLess(word, 0x20) && !swar::HasByte(word, 0x7F)) {
        i += 7;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(text[i]);
    ascii = ascii && c < 0x80;
    if (c < 0x20 ? c != '\t' && c != '\n' : c == 0x7F) return false;
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
      return false;
    }
  }
  return ascii || FindInvalidUtf8(text) == std::string_view::npos;
}

std::string CleanLine(std::string_view text) {
  std::string clean = CleanText(text, false);
  std::string out;
  out.reserve(clean.size());
  bool space = false;
  for (char c : clean) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace herald
