// herald init: writes a new, complete site (cli/scaffold.h) into a folder.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/cli.h"
#include "cli/scaffold.h"

namespace herald::cli {

namespace fs = std::filesystem;

Timestamp Today() {
  std::optional<Timestamp> epoch;
  std::string ignored;  // a malformed value is the caller's usage error
  ReadSourceDateEpoch(&epoch, &ignored);
  Timestamp now = epoch.value_or(static_cast<Timestamp>(std::time(nullptr)));
  return now - now % 86400;
}

bool WriteNewFile(const fs::path& path, const std::string& text, bool overwrite,
                  std::string* error) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(path, ec);
  if (!overwrite && fs::exists(status)) {
    *error = path.generic_string() + " already exists; herald never overwrites a file";
    return false;
  }
  // Replace a symlink itself rather than write wherever it points.
  if (fs::is_symlink(status)) fs::remove(path, ec);
  fs::create_directories(path.parent_path(), ec);
  // "x": fail rather than overwrite a file created since the check above.
  FILE* out = std::fopen(path.c_str(), overwrite ? "wb" : "wbx");
  bool written = out && std::fwrite(text.data(), 1, text.size(), out) == text.size();
  if (out && std::fclose(out) != 0) written = false;
  if (!written) {
    *error = "cannot write " + path.generic_string();
    return false;
  }
  return true;
}

int RunInit(Args& args) {
  const Command& cmd = FindCommand("init");
  bool force = args.Flag("--force");
  std::vector<std::string> rest;
  std::string error;
  if (!args.Rest(&rest, &error)) return UsageError(cmd, error);
  if (rest.size() != 1) return UsageError(cmd, "expected one DIR, the folder of the new site");
  std::optional<Timestamp> epoch;
  if (!ReadSourceDateEpoch(&epoch, &error)) return UsageError(cmd, error);

  fs::path dir = rest[0];
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    std::cerr << "herald init: '" << rest[0] << "' exists and is not a folder\n";
    return kContentErrors;
  }
  if (fs::is_directory(dir, ec) && !fs::is_empty(dir, ec) && !force) {
    std::cerr << "herald init: '" << rest[0] << "' is not empty; choose a new folder, or pass "
              << "--force to add the site's files to it (replacing files of the same names)\n";
    return kContentErrors;
  }
  std::vector<ScaffoldFile> files = NewSiteFiles(Today());
  for (const ScaffoldFile& f : files) {
    if (!WriteNewFile(dir / f.path, f.text, force, &error)) {
      std::cerr << "herald init: " << error << '\n';
      return kContentErrors;
    }
  }
  std::cout << "Created a herald site in " << rest[0] << ":\n";
  for (const ScaffoldFile& f : files) std::cout << "  " << f.path << '\n';
  std::cout << "\nNext: fill in what `herald check " << rest[0]
            << "` lists as placeholders (TODO),\nthen `herald serve " << rest[0]
            << "` to preview and `herald build " << rest[0] << "` to publish.\n";
  return kOk;
}

}  // namespace herald::cli
