#include <cstring>
#include <iostream>

#include "cli/cli.h"

#ifndef HERALD_VERSION
#define HERALD_VERSION "0.0.0"
#endif

namespace herald::cli {

bool Args::Value(const std::string& name, std::string* out) {
  for (size_t i = 0; i < argv_.size(); ++i) {
    if (argv_[i] == name) {
      if (i + 1 >= argv_.size()) {
        error_ = "option " + name + " needs a value";
        argv_.erase(argv_.begin() + static_cast<long>(i));
        return false;
      }
      *out = argv_[i + 1];
      argv_.erase(argv_.begin() + static_cast<long>(i), argv_.begin() + static_cast<long>(i) + 2);
      return true;
    }
    if (argv_[i].rfind(name + "=", 0) == 0) {
      *out = argv_[i].substr(name.size() + 1);
      argv_.erase(argv_.begin() + static_cast<long>(i));
      return true;
    }
  }
  return false;
}

bool Args::Flag(const std::string& name) {
  for (size_t i = 0; i < argv_.size(); ++i) {
    if (argv_[i] == name) {
      argv_.erase(argv_.begin() + static_cast<long>(i));
      return true;
    }
  }
  return false;
}

bool Args::Rest(std::vector<std::string>* positionals, std::string* error) {
  if (!error_.empty()) {
    *error = error_;
    return false;
  }
  for (const auto& a : argv_) {
    if (a.size() > 1 && a[0] == '-') {
      *error = "unknown option '" + a + "'";
      return false;
    }
    positionals->push_back(a);
  }
  return true;
}

std::string Version() { return HERALD_VERSION; }

Verbosity ReadVerbosity(Args& args) {
  bool quiet = args.Flag("--quiet") || args.Flag("-q");
  bool verbose = args.Flag("--verbose") || args.Flag("-v");
  return quiet ? Verbosity::kQuiet : verbose ? Verbosity::kVerbose : Verbosity::kNormal;
}

void PrintDiagnostics(const Diagnostics& diags, Verbosity verbosity) {
  for (const auto& d : diags.Sorted()) {
    if (verbosity == Verbosity::kQuiet && d.severity != Severity::kError) continue;
    std::cerr << FormatDiagnostic(d) << '\n';
  }
}

int UsageError(const Command& cmd, const std::string& message) {
  std::cerr << "herald " << cmd.name << ": " << message << "\n\n" << cmd.usage;
  return kUsage;
}

namespace {

constexpr char kBuildUsage[] =
    "Usage: herald build [SITE_DIR] [options]\n"
    "\n"
    "Builds the site in SITE_DIR (default: the current folder) into its output\n"
    "folder. The new site replaces the old one only when the build succeeds.\n"
    "\n"
    "Options:\n"
    "  --out DIR        write here instead of build.output_dir (default public/)\n"
    "  --ref REF        build this Git commit, branch or tag without checking it out\n"
    "  --drafts         include draft advisories (never TLP other than CLEAR)\n"
    "  --base-url URL   override site.base_url, e.g. for a staging host\n"
    "  --quiet, -q      print errors only\n"
    "  --verbose, -v    print each phase and warnings in full\n"
    "  --help, -h       show this help\n"
    "\n"
    "Exit status: 0 built, 1 content errors (nothing written), 2 usage error.\n"
    "SOURCE_DATE_EPOCH, when set, fixes the build time; otherwise the commit time is used.\n";

constexpr char kCheckUsage[] =
    "Usage: herald check [SITE_DIR] [options]\n"
    "\n"
    "Loads, validates and renders the whole site as a build does, without\n"
    "writing anything, then runs the checks below. Findings are printed to\n"
    "stdout, sorted, as path:line:col: error|warning: message [check].\n"
    "\n"
    "Options:\n"
    "  --ref REF          check this Git commit instead of the working tree\n"
    "  --since REF        report only findings in files changed since REF (the\n"
    "                     merge base with it), and findings elsewhere that the\n"
    "                     change introduced; cross-references use the whole site\n"
    "  --against DIR|REF  refuse what must never happen to published advisories,\n"
    "                     compared with a previous release: a build's output\n"
    "                     folder (what is deployed) or a Git ref, built in memory.\n"
    "                     An advisory removed (mark it withdrawn instead), an id or\n"
    "                     first publication date changed, a CSAF version or\n"
    "                     current_release_date going backwards, a change without a\n"
    "                     new [[revisions]] entry are errors\n"
    "  --format FORMAT    text (default), github (workflow annotations) or json\n"
    "  --strict           treat warnings as errors\n"
    "  --list-checks      list the checks with a line on each, and exit\n"
    "  --coverage         print the publication-baseline coverage of the site and\n"
    "                     of each device instead; missing items are warnings\n"
    "  --quiet, -q        print errors only\n"
    "  --help, -h         show this help\n"
    "\n"
    "In CI, on a pull request:\n"
    "  herald check --since origin/main --against origin/main --format github\n"
    "\n"
    "Exit status: 0 clean, 1 errors (or warnings with --strict), 2 usage error.\n"
    "SOURCE_DATE_EPOCH, when set, is the time dates are checked against.\n";

constexpr char kServeUsage[] =
    "Usage: herald serve [SITE_DIR] [options]\n"
    "\n"
    "Builds the site in memory, serves it at http://127.0.0.1:1313/ and rebuilds\n"
    "what an edit touches as soon as a file is saved; open pages reload by\n"
    "themselves. What is served is byte for byte what `herald build` writes, plus\n"
    "the live-reload script in HTML pages. A build with errors keeps the last good\n"
    "site and shows the errors (path:line:col) in the browser and here.\n"
    "\n"
    "Options:\n"
    "  --bind ADDR      listen on this address (default 127.0.0.1; 0.0.0.0 exposes\n"
    "                   the preview to the network)\n"
    "  --port N         listen on port N (default 1313); 0 picks a free port\n"
    "  --drafts         include draft advisories\n"
    "  --open           open the site in the default browser\n"
    "  --quiet, -q      print errors only\n"
    "  --verbose, -v    list the files each rebuild changed\n"
    "  --help, -h       show this help\n"
    "\n"
    "Stops on Ctrl+C (SIGINT) or SIGTERM. Exit status: 0 stopped, 1 cannot serve\n"
    "(the site cannot be read, the port is taken), 2 usage error.\n";

constexpr char kInitUsage[] =
    "Usage: herald init DIR [--force]\n"
    "\n"
    "Creates a new site in DIR that builds as it is: site.toml with every required\n"
    "field, a sample device with a guide, a sample notice, two pages, and CI jobs\n"
    "that check every pull request and build main (.github/workflows/herald.yml,\n"
    ".gitlab-ci.yml). What only you can fill in (your organisation, its contacts,\n"
    "practices and policies) is marked TODO; herald check lists each as a\n"
    "[placeholder] warning, so --strict fails until all are done.\n"
    "\n"
    "Options:\n"
    "  --force       write into DIR even when it is not empty, replacing files of\n"
    "                the same names\n"
    "  --help, -h    show this help\n"
    "\n"
    "Dates in the new files are today's (SOURCE_DATE_EPOCH's day when set).\n"
    "Exit status: 0 created, 1 DIR not empty or not writable, 2 usage error.\n";

constexpr char kNewUsage[] =
    "Usage: herald new advisory [ID] [--device SLUG] [--year YYYY] [--site DIR]\n"
    "       herald new device SLUG [--site DIR]\n"
    "       herald new guide DEVICE TOPIC [NAME] [--site DIR]\n"
    "\n"
    "Writes one new file from its template, named as herald expects it, and never\n"
    "overwrites a file. Parts to fill in are marked TODO (herald check lists them).\n"
    "\n"
    "  advisory   a draft in advisories/YYYY/ID.md. Without ID, the next free one:\n"
    "             the newest id's prefix, this year, the next number\n"
    "             (ACME-SA-2026-0007 → ACME-SA-2026-0008). IDs are upper-case letters\n"
    "             and digits in dash-separated groups\n"
    "  device     content/devices/SLUG/index.md; SLUG is lower-case letters, digits\n"
    "             and single dashes, such as hub-200\n"
    "  guide      content/devices/DEVICE/guides/TOPIC.md, TOPIC one of herald's guide\n"
    "             topics (such as secure-setup, software-update); topic 'other' is\n"
    "             written to NAME.md\n"
    "\n"
    "Options:\n"
    "  --site DIR     the site folder (default: the current folder)\n"
    "  --device SLUG  the device the advisory concerns (default: the site's only\n"
    "                 device, if it has one)\n"
    "  --year YYYY    the advisory's year (default: this year, or SOURCE_DATE_EPOCH's)\n"
    "  --help, -h     show this help\n"
    "\n"
    "Exit status: 0 created, 1 the file exists or SITE is not a site, 2 usage error.\n";

int RunHelp(Args& args);
int RunVersion(Args&) {
  std::cout << "herald " << Version() << '\n';
  return kOk;
}

constexpr char kHelpUsage[] = "Usage: herald help [COMMAND]\n\nShows help for herald or one command.\n";
constexpr char kVersionUsage[] = "Usage: herald version\n\nPrints herald's version.\n";

void PrintOverview() {
  std::cout << "herald " << Version()
            << " — security advisories, device documentation and support terms as a static site\n\n"
               "Usage: herald COMMAND [options]\n\nCommands:\n";
  for (const auto& c : Commands()) {
    std::string name = c.name;
    name.resize(10, ' ');
    std::cout << "  " << name << c.summary << '\n';
  }
  std::cout << "\nRun 'herald COMMAND --help' for a command's options.\n";
}

int RunHelp(Args& args) {
  std::vector<std::string> rest;
  std::string error;
  if (!args.Rest(&rest, &error) || rest.size() > 1) {
    return UsageError(Commands()[0], error.empty() ? "expected at most one command" : error);
  }
  if (rest.empty()) {
    PrintOverview();
    return kOk;
  }
  for (const auto& c : Commands()) {
    if (rest[0] == c.name) {
      std::cout << c.usage;
      return kOk;
    }
  }
  std::cerr << "herald help: unknown command '" << rest[0] << "'\n";
  return kUsage;
}

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"help", "show help for herald or a command", kHelpUsage, RunHelp},
      {"build", "build the site into public/", kBuildUsage, RunBuild},
      {"check", "validate the site without writing anything", kCheckUsage, RunCheck},
      {"serve", "preview the site, rebuilding and reloading on every edit", kServeUsage, RunServe},
      {"init", "create a new site, ready to build", kInitUsage, RunInit},
      {"new", "add an advisory, device or guide from its template", kNewUsage, RunNew},
      {"version", "print herald's version", kVersionUsage, RunVersion},
  };
  return kCommands;
}

const Command& FindCommand(const char* name) {
  for (const Command& c : Commands()) {
    if (std::string(c.name) == name) return c;
  }
  return Commands().front();
}

int Run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    PrintOverview();
    return kUsage;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    Args none({});
    return RunVersion(none);
  }
  if (args[0] == "--help" || args[0] == "-h") {
    PrintOverview();
    return kOk;
  }
  for (const auto& c : Commands()) {
    if (args[0] != c.name) continue;
    Args rest(std::vector<std::string>(args.begin() + 1, args.end()));
    if (rest.Flag("--help") || rest.Flag("-h")) {
      std::cout << c.usage;
      return kOk;
    }
    return c.run(rest);
  }
  std::cerr << "herald: unknown command '" << args[0] << "'\n\n";
  PrintOverview();
  return kUsage;
}

}  // namespace herald::cli
