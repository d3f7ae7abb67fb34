// Values, paths, dates and durations of the coverage checks (values.h).
#include "coverage/values.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace herald::coverage {

namespace {

const json& Null() {
  static const json kNull;
  return kNull;
}

char LowerChar(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Collects the values at the keys of `rest` below `node`, descending through
// arrays of tables. `done`: no key is left (`rest` is then empty).
void Collect(const json& node, std::string_view rest, bool done, Values* out) {
  if (done) {
    out->push_back(&node);
    return;
  }
  if (node.is_array()) {
    for (const json& e : node) Collect(e, rest, false, out);
    return;
  }
  if (!node.is_object()) {
    out->push_back(&Null());
    return;
  }
  size_t dot = rest.find('.');
  std::string_view key = rest.substr(0, dot);
  auto it = node.find(key);
  if (it == node.end()) {
    out->push_back(&Null());
    return;
  }
  if (dot == std::string_view::npos) {
    Collect(*it, {}, true, out);
  } else {
    Collect(*it, rest.substr(dot + 1), false, out);
  }
}

/// Splits the first key off `path`: the key, the rest, whether any key is left.
struct Step {
  std::string_view key, rest;
  bool done;
};
Step Next(std::string_view path) {
  size_t dot = path.find('.');
  if (dot == std::string_view::npos) return {path, {}, true};
  return {path.substr(0, dot), path.substr(dot + 1), false};
}

struct Civil {
  int y;
  unsigned m, d;
};

Civil CivilFromDays(std::int64_t z) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), m, d};
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::string_view TrimView(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string Trim(const std::string& s) { return std::string(TrimView(s)); }

std::string Lower(std::string s) {
  for (char& c : s) c = LowerChar(c);
  return s;
}

bool SameText(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerChar(a[i]) != LowerChar(b[i])) return false;
  }
  return true;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

bool Contains(const std::vector<std::string>* v, const std::string& s) {
  return v && std::find(v->begin(), v->end(), s) != v->end();
}

bool IsDate(const json& v) { return v.is_object() && v.contains("$date"); }

bool IsNoneAnswer(const json& v) {
  if (v.is_string()) {
    std::string_view s = TrimView(v.get_ref<const std::string&>());
    return SameText(s, "none") || (s.size() >= 5 && SameText(s.substr(0, 5), "none:"));
  }
  if (v.is_array() && v.size() == 1) return IsNoneAnswer(v[0]);
  return false;
}

bool IsPresent(const json& v) {
  if (v.is_null()) return false;
  if (v.is_string()) {
    std::string_view s = TrimView(v.get_ref<const std::string&>());
    return !s.empty() && !SameText(s, "tba");
  }
  if (v.is_array()) {
    if (v.empty()) return false;
    for (const auto& e : v) {
      if (!IsPresent(e)) return false;
    }
    return true;
  }
  if (v.is_object() && !IsDate(v) && !v.contains("$capability")) {
    for (const auto& [k, e] : v.items()) {
      if (IsPresent(e)) return true;
    }
    return false;
  }
  return true;
}

bool IsTba(const json& v) { return v.is_string() && SameText(TrimView(v.get_ref<const std::string&>()), "tba"); }

void Values::push_back(const json* v) {
  if (size_ < kInline) {
    inline_[size_] = v;
  } else {
    more_.push_back(v);
  }
  ++size_;
}

const json& Values::FirstOrNull() const { return empty() ? Null() : front(); }

Values Resolve(const CoverageContext& ctx, std::string_view path) {
  Values out;
  Step root = Next(path);
  if (root.key == "site") {
    Collect(*ctx.site, root.rest, root.done, &out);
  } else if (root.key == "device") {
    if (!ctx.device || ctx.device->is_null()) {
      out.push_back(&Null());
      return out;
    }
    Step second = Next(root.rest);
    if (!root.done && second.key == "firmware" && ctx.firmware && !ctx.whole_lists) {
      Collect(*ctx.firmware, second.rest, second.done, &out);
    } else {
      Collect(*ctx.device, root.rest, root.done, &out);
    }
  } else if (root.key == "advisory") {
    if (!ctx.advisory) {
      out.push_back(&Null());
      return out;
    }
    Collect(*ctx.advisory, root.rest, root.done, &out);
  } else {
    out.push_back(&Null());
  }
  return out;
}

Timestamp AddDuration(Timestamp t, const std::string& dur, int sign) {
  if (t == kForever) return t;
  std::string d = Trim(dur);
  if (d.empty()) return t;
  long long n = std::stoll(d.substr(0, d.size() - 1));
  char unit = d.back();
  if (unit == 'd') return t + sign * n * kDay;
  std::int64_t days = FloorDiv(t, kDay);
  Timestamp rest = t - days * kDay;
  Civil c = CivilFromDays(days);
  int y = c.y + static_cast<int>(sign * n);
  unsigned day = c.d;
  while (day > 28 && !IsValidCivilDate(y, static_cast<int>(c.m), static_cast<int>(day))) --day;
  return DaysFromCivil(y, c.m, day) * kDay + rest;
}

std::optional<Timestamp> DateOf(const json& v) {
  if (IsDate(v)) return v["$date"].get<Timestamp>();
  if (v.is_string() && SameText(v.get_ref<const std::string&>(), "tba")) return kForever;
  return std::nullopt;
}

std::optional<Timestamp> DateExpr(const CoverageContext& ctx, std::string e) {
  e = Trim(e);
  if (e.rfind("max(", 0) == 0 && e.back() == ')') {
    std::optional<Timestamp> best;
    for (const std::string& part : Split(e.substr(4, e.size() - 5), ',')) {
      auto v = DateExpr(ctx, part);
      if (!v) return std::nullopt;
      best = best ? std::max(*best, *v) : *v;
    }
    return best;
  }
  std::string dur;
  size_t plus = e.find('+');
  if (plus != std::string::npos) {
    dur = Trim(e.substr(plus + 1));
    e = Trim(e.substr(0, plus));
  }
  std::optional<Timestamp> base;
  if (auto lit = ParseRfc3339(e)) {
    base = *lit;
  } else {
    Values values = Resolve(ctx, e);
    if (values.size() != 1) return std::nullopt;
    base = DateOf(values[0]);
  }
  if (!base) return std::nullopt;
  return AddDuration(*base, dur);
}

std::string DateText(Timestamp t) { return t == kForever ? "tba" : FormatIsoDate(t); }

}  // namespace herald::coverage
