// CLI: the command table and what every command shares (flags, exit codes,
// printing diagnostics). Each command lives in its own *_cmd.cpp and only
// maps flags → options → library call → exit code.
#pragma once

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/dates.h"
#include "base/diagnostics.h"

namespace herald::cli {

enum ExitCode { kOk = 0, kContentErrors = 1, kUsage = 2 };

enum class Verbosity { kQuiet, kNormal, kVerbose };

/// Parsed command line: flags with values, boolean switches, positionals.
class Args {
 public:
  Args(std::vector<std::string> argv) : argv_(std::move(argv)) {}
  /// Consumes "--name VALUE" or "--name=VALUE"; reports a missing value.
  bool Value(const std::string& name, std::string* out);
  bool Flag(const std::string& name);
  /// What is left: positionals, or unknown flags (an error).
  bool Rest(std::vector<std::string>* positionals, std::string* error);
  const std::string& error() const { return error_; }

 private:
  std::vector<std::string> argv_;
  std::string error_;
};

struct Command {
  const char* name;
  const char* summary;
  const char* usage;  // full --help text
  int (*run)(Args& args);
};

const std::vector<Command>& Commands();
/// The row named `name` (which must exist).
const Command& FindCommand(const char* name);
int Run(int argc, char** argv);

// Shared helpers for command files.
int UsageError(const Command& cmd, const std::string& message);
void PrintDiagnostics(const Diagnostics& diags, Verbosity verbosity);
Verbosity ReadVerbosity(Args& args);
std::string Version();
/// SOURCE_DATE_EPOCH, when set: decimal seconds since 1970.
bool ReadSourceDateEpoch(std::optional<Timestamp>* out, std::string* error);

/// Today at 00:00Z: SOURCE_DATE_EPOCH's day when set (so tests are
/// reproducible), else the clock's (init_cmd.cpp).
Timestamp Today();
/// Writes a source file for init and new, creating its folders; refuses an
/// existing file unless `overwrite` (init_cmd.cpp).
bool WriteNewFile(const std::filesystem::path& path, const std::string& text, bool overwrite,
                  std::string* error);

int RunBuild(Args& args);
int RunCheck(Args& args);
int RunServe(Args& args);  // serve_cmd.cpp
int RunInit(Args& args);
int RunNew(Args& args);

}  // namespace herald::cli
