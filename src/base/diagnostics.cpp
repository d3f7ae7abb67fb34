#include "base/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace herald {

void Diagnostics::Error(const SourceLocation& where, std::string message, std::string check) {
  Add({Severity::kError, where, std::move(message), std::move(check)});
}

void Diagnostics::Warning(const SourceLocation& where, std::string message, std::string check) {
  Add({Severity::kWarning, where, std::move(message), std::move(check)});
}

void Diagnostics::Add(Diagnostic d) {
  std::lock_guard<std::mutex> lock(mutex_);
  items_.push_back(std::move(d));
}

bool Diagnostics::HasErrors() const { return ErrorCount() > 0; }

// Counts what Sorted() prints, so a summary never disagrees with the list.
size_t Diagnostics::ErrorCount() const {
  auto all = Sorted();
  return std::count_if(all.begin(), all.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

size_t Diagnostics::WarningCount() const {
  auto all = Sorted();
  return std::count_if(all.begin(), all.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kWarning; });
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    out = items_;
  }
  auto key = [](const Diagnostic& d) {
    return std::tie(d.where.path, d.where.line, d.where.column, d.severity, d.message, d.check);
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
            out.end());
  return out;
}

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.where.path.empty() ? "herald" : d.where.path;
  if (d.where.line > 0) {
    out += ":" + std::to_string(d.where.line);
    if (d.where.column > 0) out += ":" + std::to_string(d.where.column);
  }
  switch (d.severity) {
    case Severity::kError: out += ": error: "; break;
    case Severity::kWarning: out += ": warning: "; break;
    case Severity::kNote: out += ": note: "; break;
  }
  out += d.message;
  if (!d.check.empty()) out += " [" + d.check + "]";
  return out;
}

}  // namespace herald
