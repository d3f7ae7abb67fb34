// UTF-8 validation, so no invalid text reaches HTML, XML or JSON writers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace herald {

/// Byte offset of the first invalid UTF-8 sequence (overlong forms,
/// surrogates and code points above U+10FFFF included) or of a NUL byte;
/// npos when the text is clean.
size_t FindInvalidUtf8(std::string_view text);

/// Every output byte is checked, most of it ASCII: the scanners test eight
/// bytes at a time (SWAR) and look at single bytes only near anything else.
namespace swar {
constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

inline uint64_t Load(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}
/// A byte of `word` has its high bit set.
inline bool HasHigh(uint64_t word) { return (word & kHighs) != 0; }
/// Some byte of `word` is below `n` (n ≤ 128); exact only without high bytes.
inline bool HasLess(uint64_t word, unsigned char n) { return ((word - kOnes * n) & ~word & kHighs) != 0; }
/// Some byte of `word` equals `c`.
inline bool HasByte(uint64_t word, unsigned char c) { return HasLess(word ^ (kOnes * c), 1); }
}  // namespace swar

}  // namespace herald
