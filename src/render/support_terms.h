// Support terms of every device, machine-readable: support-terms.json (field
// names after the endoflife.date API where one fits) and support-terms.ics
// (RFC 5545: one all-day event per known end of support and end of security
// updates, with a reminder 90 days ahead).
#pragma once

#include <string>

#include "render/output.h"

namespace herald {

struct Site;

/// Days before the end of security support from which a device is "ending soon".
inline constexpr int kEndingSoonDays = 180;

std::string SupportTermsJson(const Site& site);
std::string SupportTermsIcs(const Site& site);

/// Writes support-terms.json and support-terms.ics.
void RenderSupportTerms(const Site& site, Output* out);

}  // namespace herald
