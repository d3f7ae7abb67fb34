// A cheap test for text that needs no cleaning, so writers of large feeds
// can skip copying bodies through CleanText (render/plain_text.h), which
// would return them unchanged.
#pragma once

#include <string_view>

namespace herald {

/// True when CleanText(text, true) == text: valid UTF-8 without the
/// characters CleanText drops or changes (C0 controls other than tab and
/// LF, CR, DEL, U+FFFE, U+FFFF).
bool IsCleanText(std::string_view text);

}  // namespace herald
