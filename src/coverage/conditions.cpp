// Parses baseline conditions once and evaluates them (conditions.h).
//
// Grammar: alternatives joined by " or ", each a conjunction of atoms joined
// by " and "; an atom is `count(PATH) OP N`, or `[any] PATH is set`,
// `PATH == v`, `PATH != v`, `PATH has v`, `PATH in [a, b]`. An atom that
// matches none of these is false.
#include "coverage/conditions.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <unordered_map>

#include "coverage/values.h"

namespace herald::coverage {

namespace {

struct Atom {
  enum class Kind { kCount, kIsSet, kEquals, kNotEquals, kHas, kIn, kFalse };
  Kind kind = Kind::kFalse;
  std::string path;
  std::string op;                // count: >, >=, <, ==
  long long k = 0;               // count: the number compared with
  std::vector<json> literals;    // one, or the list of `in [...]`
};

using Condition = std::vector<std::vector<Atom>>;  // alternatives of conjunctions

std::vector<std::string> SplitWord(const std::string& s, const std::string& word) {
  std::vector<std::string> out;
  size_t pos = 0;
  std::string sep = " " + word + " ";
  while (true) {
    size_t next = s.find(sep, pos);
    if (next == std::string::npos) {
      out.push_back(s.substr(pos));
      return out;
    }
    out.push_back(s.substr(pos, next - pos));
    pos = next + sep.size();
  }
}

json Literal(std::string s) {
  s = Trim(s);
  if (s == "true") return true;
  if (s == "false") return false;
  if (s.size() >= 2 && (s.front() == '\'' || s.front() == '"') && s.back() == s.front()) {
    return s.substr(1, s.size() - 2);
  }
  if (!s.empty() && (std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '-')) {
    try {
      return std::stoll(s);
    } catch (...) {
    }
  }
  return s;
}

Atom ParseAtom(std::string a) {
  Atom atom;
  a = Trim(a);
  if (a.rfind("count(", 0) == 0) {
    size_t close = a.find(')');
    atom.kind = Atom::Kind::kCount;
    atom.path = Trim(a.substr(6, close - 6));
    std::istringstream in(Trim(a.substr(close + 1)));
    in >> atom.op >> atom.k;
    return atom;
  }
  // "any" marks a list of tables; a path over one holds when some entry
  // matches either way.
  if (a.rfind("any ", 0) == 0) a = Trim(a.substr(4));
  size_t sp = a.find(' ');
  atom.path = a.substr(0, sp);
  std::string rest = sp == std::string::npos ? "" : Trim(a.substr(sp + 1));
  if (rest == "is set") {
    atom.kind = Atom::Kind::kIsSet;
  } else if (rest.rfind("== ", 0) == 0) {
    atom.kind = Atom::Kind::kEquals;
    atom.literals.push_back(Literal(rest.substr(3)));
  } else if (rest.rfind("!= ", 0) == 0) {
    atom.kind = Atom::Kind::kNotEquals;
    atom.literals.push_back(Literal(rest.substr(3)));
  } else if (rest.rfind("has ", 0) == 0) {
    atom.kind = Atom::Kind::kHas;
    atom.literals.push_back(Literal(rest.substr(4)));
  } else if (rest.rfind("in [", 0) == 0) {
    atom.kind = Atom::Kind::kIn;
    std::string list = rest.substr(4, rest.rfind(']') - 4);
    for (const std::string& part : Split(list, ',')) atom.literals.push_back(Literal(part));
  }
  return atom;
}

Condition Parse(const std::string& text) {
  Condition out;
  for (const std::string& alternative : SplitWord(text, "or")) {
    std::vector<Atom> all;
    for (const std::string& a : SplitWord(alternative, "and")) all.push_back(ParseAtom(a));
    out.push_back(std::move(all));
  }
  return out;
}

const Condition& Compiled(const std::string& text) {
  // Per thread, so no lock; keyed by the text, so never stale.
  thread_local std::unordered_map<std::string, Condition> cache;
  auto it = cache.find(text);
  if (it == cache.end()) it = cache.emplace(text, Parse(text)).first;
  return it->second;
}

bool Equals(const json& value, const json& lit) {
  if (value.is_null()) return false;
  if (lit.is_string() && lit.get_ref<const std::string&>() == "none") return IsNoneAnswer(value);
  if (value.is_string() && lit.is_string()) {
    return SameText(value.get_ref<const std::string&>(), lit.get_ref<const std::string&>());
  }
  return value == lit;
}

bool Holds(const CoverageContext& ctx, const Atom& atom) {
  if (atom.kind == Atom::Kind::kFalse) return false;
  if (atom.kind == Atom::Kind::kCount) {
    CoverageContext whole = ctx;
    whole.whole_lists = true;
    long long n = 0;
    for (const json& v : Resolve(whole, atom.path)) n += IsPresent(v) ? 1 : 0;
    if (atom.op == ">") return n > atom.k;
    if (atom.op == ">=") return n >= atom.k;
    if (atom.op == "<") return n < atom.k;
    if (atom.op == "==") return n == atom.k;
    return false;
  }
  // A path over a list of tables (advisory.vulnerabilities.actively_exploited)
  // names one value per entry: the atom holds when some entry matches.
  Values values = Resolve(ctx, atom.path);
  auto some = [&](auto pred) { return std::any_of(values.begin(), values.end(), pred); };
  static const json kNoLiteral;
  const json& lit = atom.literals.empty() ? kNoLiteral : atom.literals.front();
  switch (atom.kind) {
    case Atom::Kind::kIsSet:
      return some([](const json& v) { return IsPresent(v) || IsNoneAnswer(v); });
    case Atom::Kind::kEquals:
      return some([&](const json& v) { return Equals(v, lit); });
    case Atom::Kind::kNotEquals:
      return some([&](const json& v) { return v.is_null() || !Equals(v, lit); });
    case Atom::Kind::kHas:
      return some([&](const json& v) {
        if (!v.is_array()) return Equals(v, lit);
        return std::any_of(v.begin(), v.end(), [&](const json& e) { return Equals(e, lit); });
      });
    case Atom::Kind::kIn:
      return some([&](const json& v) {
        return std::any_of(atom.literals.begin(), atom.literals.end(),
                           [&](const json& l) { return Equals(v, l); });
      });
    default:
      return false;
  }
}

}  // namespace

bool EvaluateCondition(const CoverageContext& ctx, const std::string& condition) {
  for (const std::vector<Atom>& alternative : Compiled(condition)) {
    bool all = true;
    for (const Atom& atom : alternative) {
      if (!Holds(ctx, atom)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

}  // namespace herald::coverage
