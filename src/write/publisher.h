// Publisher: the only code that writes a site to disk.
//
// A build is written into a fresh temporary folder beside the output and
// swapped in only when every file was written, so a failed build never
// leaves a half-written site and never loses the previous good one. Files
// of earlier builds that the new build does not write disappear with the swap.
#pragma once

#include <string>

#include "base/diagnostics.h"
#include "render/output.h"

namespace herald {

/// Writes `output` to `out_dir` atomically (see above). Returns false and
/// reports to `diags` when the disk refuses; the old output is then intact.
bool PublishToDirectory(const Output& output, const std::string& out_dir, Diagnostics& diags);

/// True when `path` is a safe relative output path: no "..", no absolute
/// path, no empty or dot segments, no backslashes or control characters.
bool IsSafeOutputPath(const std::string& path);

}  // namespace herald
