#include "base/dates.h"

#include <cstdio>

namespace herald {
namespace {

// Howard Hinnant's civil-from-days, the inverse of DaysFromCivil.
void CivilFromDays(std::int64_t z, int* y, unsigned* m, unsigned* d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int>(yy + (*m <= 2));
}

struct Parts {
  int year;
  unsigned month, day, hour, minute, second, weekday;
};

Parts Split(Timestamp t) {
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  std::int64_t secs = t - days * 86400;
  Parts p{};
  CivilFromDays(days, &p.year, &p.month, &p.day);
  p.hour = static_cast<unsigned>(secs / 3600);
  p.minute = static_cast<unsigned>(secs / 60 % 60);
  p.second = static_cast<unsigned>(secs % 60);
  p.weekday = static_cast<unsigned>(days >= -4 ? (days + 4) % 7 : (days + 5) % 7 + 6);
  return p;
}

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::int64_t DaysFromCivil(int year, unsigned month, unsigned day) {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool IsValidCivilDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[month - 1];
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) max = 29;
  return day <= max;
}

std::optional<Timestamp> ParseRfc3339(std::string_view s) {
  int y, mo, d;
  if (!Digits(s, 0, 4, &y) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, &mo) ||
      s[7] != '-' || !Digits(s, 8, 2, &d) || !IsValidCivilDate(y, mo, d)) {
    return std::nullopt;
  }
  Timestamp t = DaysFromCivil(y, mo, d) * 86400;
  if (s.size() == 10) return t;
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  int h, mi, se;
  if (!Digits(s, 11, 2, &h) || s.size() < 19 || s[13] != ':' || !Digits(s, 14, 2, &mi) ||
      s[16] != ':' || !Digits(s, 17, 2, &se) || h > 23 || mi > 59 || se > 60) {
    return std::nullopt;
  }
  size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    size_t start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
  }
  if (pos >= s.size()) return std::nullopt;  // no offset: ambiguous
  t += h * 3600 + mi * 60 + (se == 60 ? 59 : se);
  if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) return t;
  if (s[pos] != '+' && s[pos] != '-') return std::nullopt;
  int oh, om;
  if (pos + 6 != s.size() || !Digits(s, pos + 1, 2, &oh) || s[pos + 3] != ':' ||
      !Digits(s, pos + 4, 2, &om) || oh > 23 || om > 59) {
    return std::nullopt;
  }
  int offset = oh * 3600 + om * 60;
  return s[pos] == '+' ? t - offset : t + offset;
}

namespace {

// Dates are formatted for every page, feed entry and CSAF document: digits
// are written directly, snprintf being most of the cost. Years outside
// 0000–9999 still go through it, for the sign and the width.
void PutYear(std::string* out, int year) {
  if (year < 0 || year > 9999) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", year);
    *out += buf;
    return;
  }
  *out += static_cast<char>('0' + year / 1000);
  *out += static_cast<char>('0' + year / 100 % 10);
  *out += static_cast<char>('0' + year / 10 % 10);
  *out += static_cast<char>('0' + year % 10);
}

void Put2(std::string* out, unsigned value) {
  *out += static_cast<char>('0' + value / 10 % 10);
  *out += static_cast<char>('0' + value % 10);
}

// "2026-03-14"
void PutDate(std::string* out, const Parts& p) {
  PutYear(out, p.year);
  *out += '-';
  Put2(out, p.month);
  *out += '-';
  Put2(out, p.day);
}

// "09:00", or "09:00:00" with seconds
void PutClock(std::string* out, const Parts& p, bool seconds) {
  Put2(out, p.hour);
  *out += ':';
  Put2(out, p.minute);
  if (!seconds) return;
  *out += ':';
  Put2(out, p.second);
}

}  // namespace

std::string FormatRfc3339(Timestamp t) {
  Parts p = Split(t);
  std::string out;
  out.reserve(24);
  PutDate(&out, p);
  out += 'T';
  PutClock(&out, p, true);
  out += 'Z';
  return out;
}

std::string FormatRfc822(Timestamp t) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  Parts p = Split(t);
  std::string out;
  out.reserve(32);
  out += kDays[p.weekday];
  out += ", ";
  Put2(&out, p.day);
  out += ' ';
  out += kMonths[p.month - 1];
  out += ' ';
  PutYear(&out, p.year);
  out += ' ';
  PutClock(&out, p, true);
  out += " +0000";
  return out;
}

std::string FormatIsoDate(Timestamp t) {
  std::string out;
  out.reserve(12);
  PutDate(&out, Split(t));
  return out;
}

std::string FormatIsoDateTime(Timestamp t) {
  Parts p = Split(t);
  std::string out;
  out.reserve(24);
  PutDate(&out, p);
  out += ' ';
  PutClock(&out, p, false);
  out += " UTC";
  return out;
}

int YearOf(Timestamp t) { return Split(t).year; }

}  // namespace herald
