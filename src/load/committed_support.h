// The end of security support as each commit left a device file: what the
// Git history walk keeps (source_tree.h CommittedValueReader) so the
// coverage check not_shortened can tell when a support period was cut.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/dates.h"
#include "source/source_tree.h"

namespace herald {

/// Reads `support.end_of_security_support` from every committed version of
/// content/devices/SLUG/index.md. A version that does not parse, or has no
/// such date, keeps nothing.
const CommittedValueReader& CommittedSupportEndReader();

/// The value the reader kept, back as a date; nothing if it is not one.
std::optional<DateOrTba> ParseCommittedSupportEnd(const std::string& value);

}  // namespace herald
