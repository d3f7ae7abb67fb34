// CVSS 3.0 / 3.1 / 4.0 vector validation and base scoring. See cvss.h.
//
// Sources: the FIRST CVSS v3.1 specification (section 7 equations, Appendix A
// Roundup), the v3.0 specification (section 8 Roundup), the FIRST CVSS v4.0
// specification (section 8 scoring) and FIRST's reference v4.0 calculator
// (cvss40.js: MacroVector table, in cvss4_table.cpp; max-severity vectors and
// depths). The 4.0 arithmetic below keeps the calculator's order of
// floating-point operations so that scores match it to the last digit.
#include "model/cvss.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace herald {
namespace {

// ---------------------------------------------------------------------------
// Metric definitions

struct MetricDef {
  std::string_view name;
  std::string_view values;  // allowed values, '|'-separated, in specification order
  bool base;
};

// CVSS v3.1 specification, Table 15 (v3.0 defines the same metrics and values).
constexpr MetricDef kCvss3Metrics[] = {
    {"AV", "N|A|L|P", true},    {"AC", "L|H", true},        {"PR", "N|L|H", true},
    {"UI", "N|R", true},        {"S", "U|C", true},         {"C", "H|L|N", true},
    {"I", "H|L|N", true},       {"A", "H|L|N", true},       {"E", "X|H|F|P|U", false},
    {"RL", "X|U|W|T|O", false}, {"RC", "X|C|R|U", false},   {"CR", "X|H|M|L", false},
    {"IR", "X|H|M|L", false},   {"AR", "X|H|M|L", false},   {"MAV", "X|N|A|L|P", false},
    {"MAC", "X|L|H", false},    {"MPR", "X|N|L|H", false},  {"MUI", "X|N|R", false},
    {"MS", "X|U|C", false},     {"MC", "X|H|L|N", false},   {"MI", "X|H|L|N", false},
    {"MA", "X|H|L|N", false},
};

// CVSS v4.0 specification, section 7 (Vector String), in the required order.
constexpr MetricDef kCvss4Metrics[] = {
    {"AV", "N|A|L|P", true},       {"AC", "L|H", true},          {"AT", "N|P", true},
    {"PR", "N|L|H", true},         {"UI", "N|P|A", true},        {"VC", "H|L|N", true},
    {"VI", "H|L|N", true},         {"VA", "H|L|N", true},        {"SC", "H|L|N", true},
    {"SI", "H|L|N", true},         {"SA", "H|L|N", true},        {"E", "X|A|P|U", false},
    {"CR", "X|H|M|L", false},      {"IR", "X|H|M|L", false},     {"AR", "X|H|M|L", false},
    {"MAV", "X|N|A|L|P", false},   {"MAC", "X|L|H", false},      {"MAT", "X|N|P", false},
    {"MPR", "X|N|L|H", false},     {"MUI", "X|N|P|A", false},    {"MVC", "X|H|L|N", false},
    {"MVI", "X|H|L|N", false},     {"MVA", "X|H|L|N", false},    {"MSC", "X|H|L|N", false},
    {"MSI", "X|S|H|L|N", false},   {"MSA", "X|S|H|L|N", false},  {"S", "X|N|P", false},
    {"AU", "X|N|Y", false},        {"R", "X|A|U|I", false},      {"V", "X|D|C", false},
    {"RE", "X|L|M|H", false},      {"U", "X|Clear|Green|Amber|Red", false},
};

constexpr size_t kMaxMetrics = 32;
static_assert(std::size(kCvss3Metrics) <= kMaxMetrics && std::size(kCvss4Metrics) <= kMaxMetrics);

// A parsed vector: the value of each metric, indexed like its definition table;
// empty when the metric is absent.
using MetricValues = std::array<std::string_view, kMaxMetrics>;

std::vector<std::string_view> SplitValues(std::string_view list) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t bar = list.find('|', start);
    out.push_back(list.substr(start, bar == std::string_view::npos ? bar : bar - start));
    if (bar == std::string_view::npos) return out;
    start = bar + 1;
  }
}

bool IsAllowedValue(std::string_view list, std::string_view value) {
  size_t start = 0;
  while (true) {
    const size_t bar = list.find('|', start);
    if (list.substr(start, bar == std::string_view::npos ? bar : bar - start) == value) return true;
    if (bar == std::string_view::npos) return false;
    start = bar + 1;
  }
}

// "N, A, L or P"
std::string ExpectedValues(std::string_view list) {
  const std::vector<std::string_view> values = SplitValues(list);
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += (i + 1 == values.size()) ? " or " : ", ";
    out += values[i];
  }
  return out;
}

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool Fail(CvssResult& r, std::string message, size_t offset) {
  r.ok = false;
  r.error = std::move(message);
  r.error_offset = offset;
  return false;
}

// Parses the metrics of `vector` that start at `pos` (just past the prefix's
// '/'). Fills `out`, or reports the first problem into `r` and returns false.
bool ParseMetrics(std::string_view vector, size_t pos, std::span<const MetricDef> defs,
                  bool ordered, std::string_view version, MetricValues& out, CvssResult& r) {
  std::array<bool, kMaxMetrics> seen{};
  std::vector<std::pair<size_t, size_t>> order;  // (definition index, offset), as written
  size_t last = 0;                               // definition index of the previous metric
  while (pos < vector.size() || !order.empty()) {  // a trailing '/' yields one empty item
    size_t end = vector.find('/', pos);
    if (end == std::string_view::npos) end = vector.size();
    const std::string_view item = vector.substr(pos, end - pos);
    if (item.empty()) {
      if (end == vector.size()) return Fail(r, "trailing '/' after the last metric", pos - 1);
      return Fail(r, "empty metric (two '/' in a row)", pos);
    }
    const size_t colon = item.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Fail(r, "expected 'METRIC:VALUE' but found " + Quoted(item), pos);
    }
    const std::string_view name = item.substr(0, colon);
    const std::string_view value = item.substr(colon + 1);
    size_t index = defs.size();
    for (size_t i = 0; i < defs.size(); ++i) {
      if (defs[i].name == name) index = i;
    }
    if (index == defs.size()) {
      std::string message = "unknown metric " + Quoted(name) + " for CVSS " + std::string(version);
      for (const MetricDef& def : defs) {
        if (EqualsIgnoreCase(def.name, name)) {
          message += " (metric names are case-sensitive: did you mean " + Quoted(def.name) + "?)";
        }
      }
      return Fail(r, std::move(message), pos);
    }
    const MetricDef& def = defs[index];
    if (seen[index]) return Fail(r, "metric " + Quoted(name) + " appears twice", pos);
    if (value.empty()) {
      return Fail(r, "metric " + Quoted(name) + " has no value (expected " +
                         ExpectedValues(def.values) + ")",
                  pos + colon + 1);
    }
    if (!IsAllowedValue(def.values, value)) {
      return Fail(r, "unknown value " + Quoted(value) + " for metric " + Quoted(name) +
                         " (expected " + ExpectedValues(def.values) + ")",
                  pos + colon + 1);
    }
    if (ordered && !order.empty() && index < last) {
      return Fail(r, "metric " + Quoted(name) + " is out of order: CVSS " + std::string(version) +
                         " requires it before " + Quoted(defs[last].name),
                  pos);
    }
    seen[index] = true;
    out[index] = value;
    order.emplace_back(index, pos);
    last = index;
    if (end == vector.size()) break;
    pos = end + 1;
  }

  // Every base metric is mandatory. Point at where the first missing one belongs.
  std::vector<std::string_view> missing;
  size_t missing_offset = vector.size();
  for (size_t i = 0; i < defs.size(); ++i) {
    if (!defs[i].base || seen[i]) continue;
    if (missing.empty()) {
      for (const auto& [index, offset] : order) {
        if (index > i) {
          missing_offset = offset;
          break;
        }
      }
    }
    missing.push_back(defs[i].name);
  }
  if (missing.size() == 1) {
    return Fail(r, "missing base metric " + Quoted(missing[0]), missing_offset);
  }
  if (!missing.empty()) {
    std::string list;
    for (size_t i = 0; i < missing.size(); ++i) {
      if (i > 0) list += (i + 1 == missing.size()) ? " and " : ", ";
      list += Quoted(missing[i]);
    }
    return Fail(r, "missing base metrics " + list, missing_offset);
  }
  return true;
}

// The value of metric `name` in a parsed vector.
std::string_view Get(const MetricValues& values, std::span<const MetricDef> defs,
                     std::string_view name) {
  for (size_t i = 0; i < defs.size(); ++i) {
    if (defs[i].name == name) return values[i];
  }
  return {};
}

void SetScore(CvssResult& r, double score) {
  r.ok = true;
  r.base_score = score;
  r.severity = CvssSeverityName(score);
  r.error.clear();
  r.error_offset = 0;
}

// JavaScript's Math.round for the values used here (rounds halves up).
double RoundHalfUp(double x) {
  const double floor = std::floor(x);
  return (x - floor >= 0.5) ? floor + 1 : floor;
}

// ---------------------------------------------------------------------------
// CVSS 3.x

// CVSS v3.1 specification, Appendix A: the smallest one-decimal number >= x,
// computed on integers so that e.g. 4.000000001 (a float artefact) gives 4.0.
double Roundup31(double x) {
  const long long scaled = static_cast<long long>(RoundHalfUp(x * 100000));
  if (scaled % 10000 == 0) return static_cast<double>(scaled) / 100000.0;
  return static_cast<double>(scaled / 10000 + 1) / 10.0;
}

// CVSS v3.0 specification, section 8.1: plain ceiling to one decimal.
double Roundup30(double x) { return std::ceil(x * 10) / 10; }

double Weight(std::string_view value, std::string_view letters, std::initializer_list<double> w) {
  const size_t i = letters.find(value.empty() ? '?' : value[0]);
  return i == std::string_view::npos ? 0 : *(w.begin() + i);
}

double Cvss3BaseScore(const MetricValues& v, bool v31) {
  const auto get = [&](std::string_view name) { return Get(v, kCvss3Metrics, name); };
  const bool changed = get("S") == "C";
  const double av = Weight(get("AV"), "NALP", {0.85, 0.62, 0.55, 0.2});
  const double ac = Weight(get("AC"), "LH", {0.77, 0.44});
  const double pr = changed ? Weight(get("PR"), "NLH", {0.85, 0.68, 0.5})
                            : Weight(get("PR"), "NLH", {0.85, 0.62, 0.27});
  const double ui = Weight(get("UI"), "NR", {0.85, 0.62});
  const double c = Weight(get("C"), "HLN", {0.56, 0.22, 0});
  const double i = Weight(get("I"), "HLN", {0.56, 0.22, 0});
  const double a = Weight(get("A"), "HLN", {0.56, 0.22, 0});

  const double iss = 1 - ((1 - c) * (1 - i) * (1 - a));
  const double impact =
      changed ? 7.52 * (iss - 0.029) - 3.25 * std::pow(iss - 0.02, 15) : 6.42 * iss;
  const double exploitability = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0;
  const double raw = changed ? std::min(1.08 * (impact + exploitability), 10.0)
                             : std::min(impact + exploitability, 10.0);
  return v31 ? Roundup31(raw) : Roundup30(raw);
}

// ---------------------------------------------------------------------------
// CVSS 4.0

// Effective values of the metrics that take part in 4.0 scoring. For CVSS-B
// the Threat metric E and the security requirements take their worst-case
// defaults (A and H), as the specification prescribes for Not Defined.
struct V4Metrics {
  char av, ac, at, pr, ui, vc, vi, va, sc, si, sa, e, cr, ir, ar;
};

// Severity levels within each metric (cvss40.js METRIC_LEVELS), in steps of
// 0.1, for the 15 scoring metrics in this order: AV PR UI AC AT VC VI VA CR IR
// AR SC SI SA E. The letters of a max-severity vector follow the same order.
struct MetricLevels {
  std::string_view letters;
  std::array<double, 4> levels;
};
constexpr MetricLevels kLevels[15] = {
    {"NALP", {0.0, 0.1, 0.2, 0.3}},  // AV
    {"NLH", {0.0, 0.1, 0.2}},        // PR
    {"NPA", {0.0, 0.1, 0.2}},        // UI
    {"LH", {0.0, 0.1}},              // AC
    {"NP", {0.0, 0.1}},              // AT
    {"HLN", {0.0, 0.1, 0.2}},        // VC
    {"HLN", {0.0, 0.1, 0.2}},        // VI
    {"HLN", {0.0, 0.1, 0.2}},        // VA
    {"HML", {0.0, 0.1, 0.2}},        // CR
    {"HML", {0.0, 0.1, 0.2}},        // IR
    {"HML", {0.0, 0.1, 0.2}},        // AR
    {"HLN", {0.1, 0.2, 0.3}},        // SC
    {"SHLN", {0.0, 0.1, 0.2, 0.3}},  // SI
    {"SHLN", {0.0, 0.1, 0.2, 0.3}},  // SA
    {"APU", {0.0, 0.1, 0.2}},        // E
};

double Level(size_t metric, char value) {
  const size_t i = kLevels[metric].letters.find(value);
  return i == std::string_view::npos ? 0.0 : kLevels[metric].levels[i];
}

// Highest-severity vectors of each MacroVector level (cvss40.js MAX_COMPOSED).
// Letters, in order: EQ1 AV PR UI; EQ2 AC AT; EQ3+EQ6 VC VI VA CR IR AR;
// EQ4 SC SI SA; EQ5 E.
const std::vector<std::string_view>& MaxEq1(int level) {
  static const std::vector<std::string_view> k[] = {{"NNN"}, {"ANN", "NLN", "NNP"}, {"PNN", "ALP"}};
  return k[level];
}
const std::vector<std::string_view>& MaxEq2(int level) {
  static const std::vector<std::string_view> k[] = {{"LN"}, {"HN", "LP"}};
  return k[level];
}
const std::vector<std::string_view>& MaxEq3Eq6(int eq3, int eq6) {
  static const std::vector<std::string_view> k[3][2] = {
      {{"HHHHHH"}, {"HHLMMH", "HHHMMM"}},
      {{"LHHHHH", "HLHHHH"}, {"LHLHMH", "LHHHMM", "HLHMHM", "HLLMHH", "LLHHHM"}},
      {{}, {"LLLHHH"}},
  };
  return k[eq3][eq6];
}
const std::vector<std::string_view>& MaxEq4(int level) {
  static const std::vector<std::string_view> k[] = {{"HSS"}, {"HHH"}, {"LLL"}};
  return k[level];
}
const std::vector<std::string_view>& MaxEq5(int level) {
  static const std::vector<std::string_view> k[] = {{"A"}, {"P"}, {"U"}};
  return k[level];
}

// Depth of each MacroVector level, i.e. its max severity distance + 1
// (cvss40.js MAX_SEVERITY), in steps of 0.1.
constexpr int kDepthEq1[] = {1, 4, 5};
constexpr int kDepthEq2[] = {1, 2};
constexpr int kDepthEq3Eq6[3][2] = {{7, 6}, {8, 8}, {0, 10}};
constexpr int kDepthEq4[] = {6, 5, 4};

struct MacroVector {
  int eq1, eq2, eq3, eq4, eq5, eq6;
};

MacroVector Classify(const V4Metrics& m) {
  MacroVector mv{};
  // EQ1: AV/PR/UI.
  if (m.av == 'N' && m.pr == 'N' && m.ui == 'N') {
    mv.eq1 = 0;
  } else if ((m.av == 'N' || m.pr == 'N' || m.ui == 'N') && m.av != 'P') {
    mv.eq1 = 1;
  } else {
    mv.eq1 = 2;
  }
  // EQ2: AC/AT.
  mv.eq2 = (m.ac == 'L' && m.at == 'N') ? 0 : 1;
  // EQ3: VC/VI/VA.
  if (m.vc == 'H' && m.vi == 'H') {
    mv.eq3 = 0;
  } else if (m.vc == 'H' || m.vi == 'H' || m.va == 'H') {
    mv.eq3 = 1;
  } else {
    mv.eq3 = 2;
  }
  // EQ4: SC/SI/SA (S only reachable through MSI/MSA).
  if (m.si == 'S' || m.sa == 'S') {
    mv.eq4 = 0;
  } else if (m.sc == 'H' || m.si == 'H' || m.sa == 'H') {
    mv.eq4 = 1;
  } else {
    mv.eq4 = 2;
  }
  // EQ5: E.
  mv.eq5 = m.e == 'A' ? 0 : m.e == 'P' ? 1 : 2;
  // EQ6: CR/IR/AR with VC/VI/VA.
  mv.eq6 = ((m.cr == 'H' && m.vc == 'H') || (m.ir == 'H' && m.vi == 'H') ||
            (m.ar == 'H' && m.va == 'H'))
               ? 0
               : 1;
  return mv;
}

// Score of a MacroVector, NaN where it does not exist (as cvss40.js, whose
// missing lookups give NaN and are then skipped).
double LookupOrNaN(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
  return Cvss4MacroVectorScore(eq1, eq2, eq3, eq4, eq5, eq6).value_or(std::nan(""));
}

double Cvss4Score(const V4Metrics& m) {
  if (m.vc == 'N' && m.vi == 'N' && m.va == 'N' && m.sc == 'N' && m.si == 'N' && m.sa == 'N') {
    return 0;
  }
  const MacroVector mv = Classify(m);
  const auto [eq1, eq2, eq3, eq4, eq5, eq6] = mv;
  const double value = LookupOrNaN(eq1, eq2, eq3, eq4, eq5, eq6);

  // Scores of the next lower MacroVector along each EQ.
  const double lower_eq1 = LookupOrNaN(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
  const double lower_eq2 = LookupOrNaN(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
  double lower_eq3eq6;
  if (eq3 == 0 && eq6 == 0) {  // two ways down: take the higher
    const double left = LookupOrNaN(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
    const double right = LookupOrNaN(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
    lower_eq3eq6 = (std::isnan(left) || std::isnan(right)) ? std::nan("") : std::max(left, right);
  } else if (eq3 == 1 && eq6 == 0) {
    lower_eq3eq6 = LookupOrNaN(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
  } else if (eq3 == 2 && eq6 == 1) {
    lower_eq3eq6 = std::nan("");  // lowest level already
  } else {
    lower_eq3eq6 = LookupOrNaN(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
  }
  const double lower_eq4 = LookupOrNaN(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
  const double lower_eq5 = LookupOrNaN(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

  // Severity distance to the first highest-severity vector of this
  // MacroVector that is at least as severe as `m` in every metric.
  const char mine[] = {m.av, m.pr, m.ui, m.ac, m.at, m.vc, m.vi, m.va,
                       m.cr, m.ir, m.ar, m.sc, m.si, m.sa, m.e};
  std::array<double, 15> d{};
  bool found = false;
  for (std::string_view a : MaxEq1(eq1)) {
    for (std::string_view b : MaxEq2(eq2)) {
      for (std::string_view c : MaxEq3Eq6(eq3, eq6)) {
        for (std::string_view e4 : MaxEq4(eq4)) {
          for (std::string_view e5 : MaxEq5(eq5)) {
            if (found) continue;
            char max[15];
            size_t len = 0;
            for (std::string_view part : {a, b, c, e4, e5}) {
              for (char letter : part) max[len++] = letter;
            }
            bool all_non_negative = true;
            for (size_t k = 0; k < d.size(); ++k) {
              d[k] = Level(k, mine[k]) - Level(k, max[k]);
              if (d[k] < 0) all_non_negative = false;
            }
            found = all_non_negative;
          }
        }
      }
    }
  }
  enum { AV, PR, UI, AC, AT, VC, VI, VA, CR, IR, AR, SC, SI, SA };
  const double dist_eq1 = d[AV] + d[PR] + d[UI];
  const double dist_eq2 = d[AC] + d[AT];
  const double dist_eq3eq6 = d[VC] + d[VI] + d[VA] + d[CR] + d[IR] + d[AR];
  const double dist_eq4 = d[SC] + d[SI] + d[SA];

  // Move down from the MacroVector's score by the mean, over the EQs that
  // have a lower MacroVector, of (available distance x proportion of depth).
  constexpr double kStep = 0.1;
  int n = 0;
  double norm_eq1 = 0, norm_eq2 = 0, norm_eq3eq6 = 0, norm_eq4 = 0, norm_eq5 = 0;
  if (!std::isnan(value - lower_eq1)) {
    ++n;
    norm_eq1 = (value - lower_eq1) * (dist_eq1 / (kDepthEq1[eq1] * kStep));
  }
  if (!std::isnan(value - lower_eq2)) {
    ++n;
    norm_eq2 = (value - lower_eq2) * (dist_eq2 / (kDepthEq2[eq2] * kStep));
  }
  if (!std::isnan(value - lower_eq3eq6)) {
    ++n;
    norm_eq3eq6 = (value - lower_eq3eq6) * (dist_eq3eq6 / (kDepthEq3Eq6[eq3][eq6] * kStep));
  }
  if (!std::isnan(value - lower_eq4)) {
    ++n;
    norm_eq4 = (value - lower_eq4) * (dist_eq4 / (kDepthEq4[eq4] * kStep));
  }
  if (!std::isnan(value - lower_eq5)) {
    ++n;  // EQ5 has a single value per level: its proportion is always 0
    norm_eq5 = (value - lower_eq5) * 0;
  }
  const double mean =
      n == 0 ? 0 : (norm_eq1 + norm_eq2 + norm_eq3eq6 + norm_eq4 + norm_eq5) / n;
  const double score = std::max(0.0, std::min(10.0, value - mean));
  // Round half up to one decimal. The calculator lifts the score by 1e-6 first
  // so that a tie the arithmetic lands one ulp below (8.549999... for 8.55)
  // still rounds up (RedHatProductSecurity/cvss-v4-calculator#66, fixed 2024-11).
  return RoundHalfUp((score + 1e-6) * 10) / 10;
}

}  // namespace

std::string CvssSeverityName(double score) {
  const long tenths = std::lround(score * 10);
  if (tenths <= 0) return "none";
  if (tenths < 40) return "low";
  if (tenths < 70) return "medium";
  if (tenths < 90) return "high";
  return "critical";
}

CvssResult ScoreCvss3(std::string_view vector) {
  CvssResult r;
  for (int minor : {1, 0}) {
    const std::string prefix = "CVSS:3." + std::to_string(minor);
    if (vector.starts_with(prefix) &&
        (vector.size() == prefix.size() || vector[prefix.size()] == '/')) {
      r.version_major = 3;
      r.version_minor = minor;
      MetricValues values{};
      if (!ParseMetrics(vector, prefix.size() + 1, kCvss3Metrics, /*ordered=*/false,
                        prefix.substr(5), values, r)) {
        return r;
      }
      SetScore(r, Cvss3BaseScore(values, minor == 1));
      return r;
    }
  }
  Fail(r, "vector must start with 'CVSS:3.1/' or 'CVSS:3.0/'", 0);
  return r;
}

CvssResult ScoreCvss4(std::string_view vector) {
  CvssResult r;
  constexpr std::string_view kPrefix = "CVSS:4.0";
  if (!vector.starts_with(kPrefix) ||
      (vector.size() > kPrefix.size() && vector[kPrefix.size()] != '/')) {
    Fail(r, "vector must start with 'CVSS:4.0/'", 0);
    return r;
  }
  r.version_major = 4;
  r.version_minor = 0;
  MetricValues values{};
  if (!ParseMetrics(vector, kPrefix.size() + 1, kCvss4Metrics, /*ordered=*/true, "4.0", values,
                    r)) {
    return r;
  }
  const auto get = [&](std::string_view name) { return Get(values, kCvss4Metrics, name)[0]; };
  // CVSS-B: Threat and Environmental metrics are ignored (E and the
  // requirements take their Not Defined defaults, no Modified overrides).
  const V4Metrics m{get("AV"), get("AC"), get("AT"), get("PR"), get("UI"),
                    get("VC"), get("VI"), get("VA"), get("SC"), get("SI"),
                    get("SA"), 'A',       'H',       'H',       'H'};
  SetScore(r, Cvss4Score(m));
  return r;
}

CvssResult ScoreCvss(std::string_view vector) {
  if (vector.starts_with("CVSS:3.")) return ScoreCvss3(vector);
  if (vector.starts_with("CVSS:4.")) return ScoreCvss4(vector);
  CvssResult r;
  Fail(r, "vector must start with 'CVSS:3.1/', 'CVSS:3.0/' or 'CVSS:4.0/'", 0);
  return r;
}

}  // namespace herald
