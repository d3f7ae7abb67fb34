// Plain text for machine-readable outputs: valid UTF-8 without control
// characters, so a stray byte in a source file never makes a feed, calendar
// or security.txt invalid. Each format's writer calls these before escaping.
#pragma once

#include <string>
#include <string_view>

namespace herald {

/// Replaces every malformed UTF-8 sequence (stray continuation bytes,
/// overlong forms, encoded surrogates, code points above U+10FFFF) with
/// U+FFFD. Valid text is returned unchanged.
std::string ValidUtf8(std::string_view text);

/// ValidUtf8, then drops what XML 1.0 and most text formats forbid: C0
/// controls (tab kept; LF kept when `keep_newlines`, else each line break
/// becomes a space), DEL, U+FFFE and U+FFFF. CR LF and lone CR count as LF.
std::string CleanText(std::string_view text, bool keep_newlines);

/// True when CleanText(text, true) would return `text` unchanged: valid
/// UTF-8 without the characters CleanText drops or changes. Lets writers of
/// large feed bodies, nearly always clean, skip the copy.
bool IsCleanText(std::string_view text);

/// CleanText on one line: no line breaks, runs of white space collapsed,
/// trimmed. For titles, header fields and attribute values.
std::string CleanLine(std::string_view text);

}  // namespace herald
