// .well-known/security.txt (RFC 9116) from [disclosure] and [security_txt].
#pragma once

#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "render/output.h"

namespace herald {

struct Site;

/// The file's text, fields in a fixed order: Contact (each, in the order of
/// disclosure.contact), Expires, Encryption, Acknowledgments,
/// Preferred-Languages, Canonical, Policy, Hiring, CSAF. Site paths become
/// absolute URLs. Without a Contact, or with expires_days outside 1..365,
/// reports an error on site.toml and returns nothing.
std::optional<std::string> SecurityTxt(const Site& site, Diagnostics& diags);

/// Writes .well-known/security.txt; false (and nothing written) on error.
bool RenderSecurityTxt(const Site& site, Output* out, Diagnostics& diags);

}  // namespace herald
