// The check kinds of data/baseline.toml's [checks] (present, present_if,
// future_date, max_future, max_age, min_period, not_shortened,
// month_precision, uri, link, retained, lang, manual), each run on one
// context. Internal to src/coverage/; the evaluation loop (evaluate.cpp)
// decides which contexts an item runs on.
#pragma once

#include <string>

#include "coverage/baseline.h"
#include "coverage/context.h"

namespace herald::coverage {

/// Whether `check` takes the item's param (only the first such check of an item gets it).
bool TakesParam(const std::string& check);

/// Runs one check of `item`. `gets_param`: this check receives item.param.
/// `first`: it is the item's first check (only that one requires the values
/// on its own; a later lang check accepts an unset date that has a default).
Verdict RunCheck(const CoverageContext& ctx, const BaselineItem& item, const std::string& check,
                 bool gets_param, bool first);

/// Whether output:NAME is a site-wide file (not a device page or feed).
bool IsSiteOutput(const std::string& name);

}  // namespace herald::coverage
