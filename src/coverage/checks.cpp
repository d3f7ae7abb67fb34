// The check kinds (checks.h). Reasons name the path and say what is wrong;
// they are shown as they are on the coverage pages and by `herald check
// --coverage`, so their wording is part of the output.
#include "coverage/checks.h"

#include <optional>
#include <regex>

#include "coverage/conditions.h"
#include "coverage/values.h"

namespace herald::coverage {

namespace {

/// One path's `present` check.
std::optional<std::string> PresentProblem(const CoverageContext& ctx, const std::string& path) {
  if (path.rfind("guide:", 0) == 0) {
    std::string topic = path.substr(6);
    if (Contains(ctx.guide_topics, topic) || Contains(ctx.guides, topic)) return std::nullopt;
    return "no guide '" + topic + "' (content/devices/SLUG/guides/" + topic + ".md)";
  }
  if (path.rfind("page:", 0) == 0) {
    std::string role = path.substr(5);
    if (Contains(ctx.page_roles, role)) return std::nullopt;
    return "no page with role '" + role + "' in content/pages/";
  }
  if (path.rfind("output:", 0) == 0) return std::nullopt;  // always written
  Values values = Resolve(ctx, path);
  for (const json& v : values) {
    if (v.is_object() && v.contains("$capability")) {
      if (!v["supported"].get<bool>()) continue;
      const std::string& guide = v["guide"].get_ref<const std::string&>();
      if (!guide.empty() && !Contains(ctx.guides, guide)) return path + ": guide '" + guide + "' is missing";
      continue;
    }
    if (IsNoneAnswer(v)) continue;
    if (!IsPresent(v)) {
      if (IsTba(v)) return path + " is \"tba\"";
      return path + " is not set";
    }
  }
  if (values.empty()) return path + " is not set";
  return std::nullopt;
}

std::optional<std::string> AllPresent(const CoverageContext& ctx, const BaselineItem& item) {
  for (const std::string& p : item.satisfied_by) {
    if (auto problem = PresentProblem(ctx, p)) return problem;
  }
  return std::nullopt;
}

bool ValidUri(const std::string& value, bool key) {
  static const std::regex kHttps(R"(^https://[^\s/?#]+\.[^\s/?#]+(/\S*)?$)", std::regex::icase);
  static const std::regex kMailto(R"(^mailto:[^\s@]+@[^\s@]+\.[^\s@]+$)", std::regex::icase);
  static const std::regex kTel(R"(^tel:\+?[0-9][0-9().\- ]*[0-9]$)", std::regex::icase);
  static const std::regex kFpr(R"(^openpgp4fpr:[0-9a-f]{40}$)", std::regex::icase);
  static const std::regex kDns(R"(^dns:\S+$)", std::regex::icase);
  if (!value.empty() && value[0] == '/' && (value.size() == 1 || value[1] != '/')) return true;  // site path
  if (std::regex_match(value, kHttps) || std::regex_match(value, kMailto) || std::regex_match(value, kTel)) {
    return true;
  }
  return key && (std::regex_match(value, kFpr) || std::regex_match(value, kDns));
}

bool ValidLanguageTag(const std::string& tag) {
  static const std::regex kTag(R"(^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8}|-[0-9][A-Za-z0-9]{3})*$)");
  return std::regex_match(tag, kTag);
}

bool DeviceSupported(const CoverageContext& ctx) {
  return ctx.device_status.empty() || ctx.device_status == "on_sale" || ctx.device_status == "supported";
}

Verdict Uri(const CoverageContext& ctx, const BaselineItem& item) {
  for (const std::string& path : item.satisfied_by) {
    if (auto p = PresentProblem(ctx, path)) return Missing(*p);
    bool key = path.find("key") != std::string::npos;
    for (const json& v : Resolve(ctx, path)) {
      auto check = [&](const json& e) -> std::optional<Verdict> {
        if (e.is_string() && ValidUri(e.get_ref<const std::string&>(), key)) return std::nullopt;
        return Missing(path + ": '" + (e.is_string() ? e.get<std::string>() : e.dump()) +
                       "' is not a mailto:, tel: or https: URI");
      };
      if (v.is_array()) {
        for (const json& e : v) {
          if (auto bad = check(e)) return *bad;
        }
      } else if (auto bad = check(v)) {
        return *bad;
      }
    }
  }
  return {};
}

Verdict Lang(const CoverageContext& ctx, const BaselineItem& item, const std::string& param, bool first) {
  std::string want = param.empty() ? std::string(ctx.language) : param;
  for (const std::string& path : item.satisfied_by) {
    if (auto p = PresentProblem(ctx, path)) {
      if (first) return Missing(*p);
      continue;  // after retained: an unset date takes its default
    }
    if (path.find("languages") != std::string::npos) {
      for (const json& v : Resolve(ctx, path)) {
        for (const json& e : v) {
          if (!e.is_string() || !ValidLanguageTag(e.get_ref<const std::string&>())) {
            return Missing(path + ": '" + (e.is_string() ? e.get<std::string>() : e.dump()) +
                           "' is not a BCP 47 language tag");
          }
        }
      }
    }
  }
  std::string have = Lower(std::string(ctx.language)), need = Lower(want);
  if (have != need && have.rfind(need + "-", 0) != 0) {
    return Missing("published in '" + std::string(ctx.language) + "', not in '" + want + "'");
  }
  return {};
}

Verdict NotShortened(const CoverageContext& ctx, const std::string& path, const json& history) {
  Timestamp last = 0;
  int n = 0;
  if (history.is_array()) {
    for (const json& h : history) {
      ++n;
      if (!IsDate(h["date"])) return Missing(path + ": entry " + std::to_string(n) + " has no date");
      auto end = DateOf(h["end_of_security_support"]);
      if (!end) return Missing(path + ": entry " + std::to_string(n) + " has no end_of_security_support");
      if (*end < last) {
        return Missing(path + ": entry " + std::to_string(n) + " moves the end earlier, to " + DateText(*end));
      }
      last = *end;
    }
  }
  static const std::string kEnd = "device.support.end_of_security_support";
  auto current = DateOf(Resolve(ctx, kEnd).front());
  if (current && *current < last) {
    Verdict v = Missing("end_of_security_support " + DateText(*current) + " is earlier than the announced " +
                        DateText(last));
    v.at = kEnd;
    return v;
  }
  // Git: no earlier commit had a later end. "tba" then meant not announced
  // yet, so any date after it is no shortening.
  const json& committed = Resolve(ctx, "device.support.committed").FirstOrNull();
  if (!current || !committed.is_array()) return {};
  const json* latest = nullptr;  // the latest end a commit promised; of equal ones, the newest commit's
  Timestamp latest_end = 0;
  for (const json& c : committed) {
    auto end = DateOf(c["end_of_security_support"]);
    if (end && *end != kForever && *end > *current && (!latest || *end > latest_end)) {
      latest = &c;
      latest_end = *end;
    }
  }
  if (!latest) return {};
  Verdict v = Missing("end_of_security_support " + DateText(*current) + " is earlier than " + DateText(latest_end) +
                      ", its value in commit " + (*latest)["commit"].get<std::string>().substr(0, 12) + " of " +
                      DateText(DateOf((*latest)["date"]).value_or(0)) + "; a support period is never shortened");
  v.at = kEnd;
  return v;
}

Verdict MinPeriod(const CoverageContext& ctx, const std::string& path, const json& value,
                  const std::string& param) {
  auto ga = DateOf(Resolve(ctx, "device.support.general_availability").front());
  auto end = DateOf(value);
  Values reason = Resolve(ctx, "device.support.short_period_reason");
  bool justified = !reason.empty() && IsPresent(reason[0]);
  if (!ga || *ga == kForever) return NotApplicable("general_availability is not known yet");
  if (!end || *end == kForever) return Missing(path + " is \"tba\"");
  if (end && *end >= AddDuration(*ga, param)) return {};
  if (justified) return {CoverageStatus::kReview, "shorter than " + param + "; short_period_reason given", {}};
  return Missing("support from " + DateText(*ga) + " to " + DateText(*end) + " is shorter than " + param);
}

Verdict Retained(const CoverageContext& ctx, const std::string& path, const json& value,
                 const std::string& param) {
  auto minimum = DateExpr(ctx, param);
  if (!minimum) return Missing("cannot compute " + param);
  auto written = DateOf(value);
  if (!written) return {};  // the default is the minimum
  if (*written < *minimum) {
    return Missing(path + " " + DateText(*written) + " is earlier than the minimum " + DateText(*minimum));
  }
  return {};
}

/// The checks on one date: month_precision, future_date, max_future, max_age.
Verdict DateCheck(const CoverageContext& ctx, const std::string& check, const std::string& path,
                  const json& value, const std::string& param) {
  auto date = DateOf(value);
  if (check == "month_precision") {
    if (!date) return Missing(path + " is not set");
    if (*date == kForever) return Missing(path + " is \"tba\"");
    return {};
  }
  if (check == "future_date") {
    if (path.rfind("device.", 0) == 0 && !DeviceSupported(ctx)) {
      return NotApplicable("device status is " + std::string(ctx.device_status));
    }
    if (!date) return Missing(path + " is not set");
    if (*date == kForever) return Missing(path + " is \"tba\"");
    if (*date <= ctx.now) return Missing(path + " " + DateText(*date) + " is not in the future");
    return {};
  }
  if (check == "max_future") {
    if (!date || *date == kForever) return Missing(path + " is not a date");
    if (*date > AddDuration(ctx.now, param)) return Missing(path + " is more than " + param + " ahead");
    return {};
  }
  if (check == "max_age") {
    if (!date || *date == kForever) return Missing(path + " is not set");
    if (*date < AddDuration(ctx.now, param, -1)) return Missing(path + " " + DateText(*date) + " is older than " + param);
    return {};
  }
  return Missing("unknown check '" + check + "'");
}

}  // namespace

bool TakesParam(const std::string& check) {
  return check == "present" || check == "present_if" || check == "max_future" || check == "max_age" ||
         check == "min_period" || check == "retained" || check == "lang" || check == "link";
}

bool IsSiteOutput(const std::string& name) { return name != "device-page" && name != "device-feed"; }

Verdict RunCheck(const CoverageContext& ctx, const BaselineItem& item, const std::string& check, bool gets_param,
                 bool first) {
  static const std::string kNoParam;
  const std::string& param = gets_param ? item.param : kNoParam;
  if (check == "present" || check == "present_if") {
    if (auto p = AllPresent(ctx, item)) return Missing(*p);
    if (!param.empty() && !EvaluateCondition(ctx, param)) return Missing("condition not met: " + param);
    return {};
  }
  if (check == "manual") {
    if (auto p = AllPresent(ctx, item)) return Missing(*p);
    return {CoverageStatus::kReview, "needs human review", {}};
  }
  if (check == "link") {
    if (auto p = AllPresent(ctx, item)) return Missing(*p);
    return {};  // herald renders these values in the named output whenever they are set
  }
  if (check == "uri") return Uri(ctx, item);
  if (check == "lang") return Lang(ctx, item, param, first);
  // Date checks look at the first path.
  const std::string& path = item.satisfied_by.front();
  Values values = Resolve(ctx, path);
  const json& value = values.FirstOrNull();
  if (check == "not_shortened") return NotShortened(ctx, path, value);
  if (check == "min_period") return MinPeriod(ctx, path, value, param);
  if (check == "retained") return Retained(ctx, path, value, param);
  return DateCheck(ctx, check, path, value, param);
}

}  // namespace herald::coverage
