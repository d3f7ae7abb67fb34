// HTML escaping for the few places that write HTML without a template
// (feed content, the preview server's overlay and script tag).
#pragma once

#include <string>
#include <string_view>

namespace herald {

/// Escapes & < > " ' so the text is safe in element content and attributes.
std::string EscapeHtml(std::string_view text);

}  // namespace herald
