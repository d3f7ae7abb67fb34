// Firmware versions and ranges (SPEC.md, "Version ranges").
//
// Versions compare by dot-separated numeric segments (6.78 < 6.100); a
// non-numeric suffix sorts before the plain release (2.0.0-rc1 < 2.0.0).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herald {

/// <0, 0, >0 like strcmp.
int CompareVersions(std::string_view a, std::string_view b);

struct VersionConstraint {
  enum class Op { kGe, kGt, kLe, kLt, kEq };
  Op op = Op::kEq;
  std::string version;
};

struct VersionRange {
  std::vector<VersionConstraint> constraints;  // all must hold
  bool Contains(std::string_view version) const;
  /// CSAF "vers:" form, e.g. "vers:generic/>=2.0.0|<2.4.1".
  std::string ToVers() const;
};

/// Parses ">= 2.0.0, < 2.4.1". On failure returns nothing and sets `error`.
std::optional<VersionRange> ParseVersionRange(std::string_view text, std::string* error);

}  // namespace herald
