#include "model/versions.h"

#include <cctype>

namespace herald {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool ValidVersion(std::string_view v) {
  if (v.empty() || !std::isdigit(static_cast<unsigned char>(v[0]))) return false;
  for (char c : v) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '+' && c != '_') {
      return false;
    }
  }
  return true;
}

// Splits "2.0.0-rc1" into numeric segments and the suffix after them.
void Split(std::string_view v, std::vector<std::string_view>* nums, std::string_view* suffix) {
  size_t i = 0;
  while (i < v.size()) {
    size_t start = i;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i;
    if (i == start) break;
    nums->push_back(v.substr(start, i - start));
    if (i < v.size() && v[i] == '.' && i + 1 < v.size() &&
        std::isdigit(static_cast<unsigned char>(v[i + 1]))) {
      ++i;
      continue;
    }
    break;
  }
  *suffix = v.substr(i);
}

int CompareNumeric(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a[0] == '0') a.remove_prefix(1);
  while (b.size() > 1 && b[0] == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace

int CompareVersions(std::string_view a, std::string_view b) {
  std::vector<std::string_view> na, nb;
  std::string_view sa, sb;
  Split(a, &na, &sa);
  Split(b, &nb, &sb);
  for (size_t i = 0; i < std::max(na.size(), nb.size()); ++i) {
    int c = CompareNumeric(i < na.size() ? na[i] : "0", i < nb.size() ? nb[i] : "0");
    if (c != 0) return c;
  }
  if (sa == sb) return 0;
  if (sa.empty()) return 1;  // the plain release sorts after its pre-releases
  if (sb.empty()) return -1;
  return sa < sb ? -1 : 1;
}

bool VersionRange::Contains(std::string_view version) const {
  for (const auto& c : constraints) {
    int cmp = CompareVersions(version, c.version);
    bool ok = false;
    switch (c.op) {
      case VersionConstraint::Op::kGe: ok = cmp >= 0; break;
      case VersionConstraint::Op::kGt: ok = cmp > 0; break;
      case VersionConstraint::Op::kLe: ok = cmp <= 0; break;
      case VersionConstraint::Op::kLt: ok = cmp < 0; break;
      case VersionConstraint::Op::kEq: ok = cmp == 0; break;
    }
    if (!ok) return false;
  }
  return true;
}

std::string VersionRange::ToVers() const {
  std::string out = "vers:generic/";
  for (size_t i = 0; i < constraints.size(); ++i) {
    if (i) out += '|';
    switch (constraints[i].op) {
      case VersionConstraint::Op::kGe: out += ">="; break;
      case VersionConstraint::Op::kGt: out += ">"; break;
      case VersionConstraint::Op::kLe: out += "<="; break;
      case VersionConstraint::Op::kLt: out += "<"; break;
      case VersionConstraint::Op::kEq: break;
    }
    out += constraints[i].version;
  }
  return out;
}

std::optional<VersionRange> ParseVersionRange(std::string_view text, std::string* error) {
  VersionRange range;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = text.find(',', pos);
    std::string_view part = Trim(text.substr(pos, comma == std::string_view::npos ? comma : comma - pos));
    VersionConstraint c;
    for (auto [token, op] : {std::pair{">=", VersionConstraint::Op::kGe},
                             std::pair{"<=", VersionConstraint::Op::kLe},
                             std::pair{">", VersionConstraint::Op::kGt},
                             std::pair{"<", VersionConstraint::Op::kLt},
                             std::pair{"=", VersionConstraint::Op::kEq}}) {
      if (part.substr(0, std::string_view(token).size()) == token) {
        c.op = op;
        part = Trim(part.substr(std::string_view(token).size()));
        break;
      }
    }
    if (!ValidVersion(part)) {
      *error = part.empty() ? "empty constraint" : "'" + std::string(part) + "' is not a version";
      *error += "; expected constraints such as '>= 2.0.0, < 2.4.1'";
      return std::nullopt;
    }
    c.version = std::string(part);
    range.constraints.push_back(std::move(c));
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return range;
}

}  // namespace herald
