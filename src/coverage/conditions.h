// Baseline conditions: `when`, [scopes] and the param of present checks
// ("PATH == v and count(PATH) > 1 or any PATH has v", data/baseline.toml
// header). Internal to src/coverage/.
#pragma once

#include <string>

#include "coverage/context.h"

namespace herald::coverage {

/// Whether `condition` holds in `ctx`. Each distinct text is parsed once per
/// thread; evaluating it only looks values up.
bool EvaluateCondition(const CoverageContext& ctx, const std::string& condition);

}  // namespace herald::coverage
