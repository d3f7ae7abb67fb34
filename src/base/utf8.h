// UTF-8 validation, so no invalid text reaches HTML, XML or JSON writers.
#pragma once

#include <cstddef>
#include <string_view>

namespace herald {

/// Byte offset of the first invalid UTF-8 sequence (overlong forms,
/// surrogates and code points above U+10FFFF included) or of a NUL byte;
/// npos when the text is clean.
size_t FindInvalidUtf8(std::string_view text);

}  // namespace herald
