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

// Walks "2.0.0-rc1" segment by segment: 2, 0, 0, then "0" for ever; the
// suffix is what follows the last segment ("-rc1"). Versions are compared
// often (every release against every range), so nothing is allocated.
class Segments {
 public:
  explicit Segments(std::string_view v) : v_(v) {}
  bool done() const { return done_; }
  std::string_view suffix() const { return v_.substr(i_); }

  std::string_view Next() {
    if (done_) return "0";
    size_t start = i_;
    while (i_ < v_.size() && std::isdigit(static_cast<unsigned char>(v_[i_]))) ++i_;
    if (i_ == start) {
      done_ = true;
      return "0";
    }
    std::string_view segment = v_.substr(start, i_ - start);
    if (i_ + 1 < v_.size() && v_[i_] == '.' && std::isdigit(static_cast<unsigned char>(v_[i_ + 1]))) {
      ++i_;
    } else {
      done_ = true;
    }
    return segment;
  }

 private:
  std::string_view v_;
  size_t i_ = 0;
  bool done_ = false;
};

int CompareNumeric(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a[0] == '0') a.remove_prefix(1);
  while (b.size() > 1 && b[0] == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace

int CompareVersions(std::string_view a, std::string_view b) {
  Segments na(a), nb(b);
  while (!na.done() || !nb.done()) {
    int c = CompareNumeric(na.Next(), nb.Next());
    if (c != 0) return c;
  }
  std::string_view sa = na.suffix(), sb = nb.suffix();
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
