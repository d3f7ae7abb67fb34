// Diagnostics: every problem a user can act on, with where it is.
//
// Stages never throw across module boundaries; they report into a Diagnostics
// sink and keep going, so one run lists every problem. Printing sorts by file,
// line and column so output is stable and reads like a compiler's.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace herald {

struct SourceLocation {
  std::string path;  // relative to the site root, '/'-separated
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
};

enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation where;
  std::string message;
  std::string check;  // optional check name, e.g. "cve-syntax"
};

/// Collects diagnostics from every stage. Thread-safe: render workers report too.
class Diagnostics {
 public:
  void Error(const SourceLocation& where, std::string message, std::string check = "");
  void Warning(const SourceLocation& where, std::string message, std::string check = "");
  void Add(Diagnostic d);

  bool HasErrors() const;
  size_t ErrorCount() const;
  size_t WarningCount() const;
  /// Sorted by path, line, column, then message.
  std::vector<Diagnostic> Sorted() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
};

/// "path:line:col: error: message [check]"
std::string FormatDiagnostic(const Diagnostic& d);

}  // namespace herald
