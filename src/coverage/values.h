// Values of the coverage JSON: what counts as set, explicit "none" answers,
// the values a baseline path names, and the dates and durations checks
// compare. Internal to src/coverage/.
//
// Nothing here copies the model JSON: paths resolve to pointers and text is
// compared in place, because every item is resolved for every device and
// for each of its firmware releases.
#pragma once

#include <cstddef>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coverage/context.h"

namespace herald::coverage {

using nlohmann::json;

/// A "tba" date: later than any date.
constexpr Timestamp kForever = std::numeric_limits<Timestamp>::max();
constexpr Timestamp kDay = 86400;

std::string_view TrimView(std::string_view s);
std::string Trim(const std::string& s);
std::string Lower(std::string s);
/// ASCII case-insensitive equality.
bool SameText(std::string_view a, std::string_view b);
std::vector<std::string> Split(const std::string& s, char sep);
bool Contains(const std::vector<std::string>* v, const std::string& s);

bool IsDate(const json& v);
/// "none" or "none: reason" (any case).
bool IsNoneAnswer(const json& v);
/// Set and non-empty; "tba" does not count.
bool IsPresent(const json& v);
/// A string that is "tba" once trimmed (any case).
bool IsTba(const json& v);

/// The values a path names, in order: pointers into the context's JSON,
/// null values for unset keys. Holds a few inline, so most paths allocate nothing.
class Values {
 public:
  void push_back(const json* v);
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const json& operator[](size_t i) const { return i < kInline ? *inline_[i] : *more_[i - kInline]; }
  const json& front() const { return (*this)[0]; }
  /// The first value, or null when there is none.
  const json& FirstOrNull() const;

  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = json;
    using difference_type = std::ptrdiff_t;
    using pointer = const json*;
    using reference = const json&;
    Iterator() = default;
    Iterator(const Values* v, size_t i) : v_(v), i_(i) {}
    const json& operator*() const { return (*v_)[i_]; }
    const json* operator->() const { return &(*v_)[i_]; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++i_;
      return old;
    }
    bool operator==(const Iterator& o) const { return i_ == o.i_; }
    bool operator!=(const Iterator& o) const { return i_ != o.i_; }

   private:
    const Values* v_ = nullptr;
    size_t i_ = 0;
  };
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, size_}; }

 private:
  static constexpr size_t kInline = 4;
  const json* inline_[kInline] = {};
  std::vector<const json*> more_;
  size_t size_ = 0;
};

/// The values `path` names: one for a plain key, one per entry below a list
/// of tables (site.support.channels.automated → one per channel). Under a
/// firmware entry or advisory, device.firmware.* and advisory.* name that entry.
Values Resolve(const CoverageContext& ctx, std::string_view path);

/// Adds "365d" or "5y" (calendar years; 29 February becomes 28 February).
Timestamp AddDuration(Timestamp t, const std::string& duration, int sign = 1);
/// A date value: seconds, kForever for "tba", nothing when unset.
std::optional<Timestamp> DateOf(const json& v);
/// "max(a + 10y, b)", "PATH + 10y", "PATH" or a date literal.
std::optional<Timestamp> DateExpr(const CoverageContext& ctx, std::string expression);
/// "2026-03-14", or "tba".
std::string DateText(Timestamp t);

}  // namespace herald::coverage
