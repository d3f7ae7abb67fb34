// herald serve: flags → first build → server → watch, rebuild, publish.
// The build is IncrementalBuild (the pipeline `herald build` runs, with its
// caches); the HTTP side is preview/server, the file events preview/watcher.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <set>

#include "build/incremental.h"
#include "cli/cli.h"
#include "preview/server.h"
#include "preview/watcher.h"

extern char** environ;

namespace herald::cli {
namespace {

const Command& ServeCommand() {
  for (const auto& c : Commands()) {
    if (std::string(c.name) == "serve") return c;
  }
  return Commands()[0];
}

// SIGINT/SIGTERM end the watch loop through a pipe the watcher polls; a
// second one, while stopping, ends the process at once.
int g_signal_pipe[2] = {-1, -1};
volatile sig_atomic_t g_signals = 0;

void OnSignal(int) {
  if (g_signals > 0) ::_exit(130);
  g_signals = g_signals + 1;
  int saved = errno;
  if (g_signal_pipe[1] >= 0) (void)!::write(g_signal_pipe[1], "x", 1);
  errno = saved;
}

bool InstallSignalHandlers() {
  if (::pipe2(g_signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return false;
  struct sigaction sa = {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
  ::signal(SIGPIPE, SIG_IGN);  // a closed browser tab must not end the server
  return true;
}

bool ParsePort(const std::string& text, int* port) {
  if (text.empty() || text.size() > 5 || text.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  *port = std::stoi(text);
  return *port <= 65535;
}

void OpenBrowser(const std::string& url) {
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  pid_t pid;
  if (::posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char**>(argv), environ) != 0) {
    std::cerr << "herald serve: cannot run xdg-open; open " << url << " yourself\n";
  }
}

std::vector<Diagnostic> ErrorsOf(const Diagnostics& diags) {
  std::vector<Diagnostic> errors;
  for (const auto& d : diags.Sorted()) {
    if (d.severity == Severity::kError) errors.push_back(d);
  }
  return errors;
}

// One line per build: what it cost and what it changed.
void Report(const RebuildStats& stats, const Diagnostics& diags, Verbosity verbosity, bool first) {
  PrintDiagnostics(diags, verbosity);
  if (!stats.ok) {
    size_t n = diags.ErrorCount();
    std::cerr << "herald serve: build failed with " << n << (n == 1 ? " error" : " errors")
              << (first ? "; fix it and save" : "; still serving the last good build") << '\n';
    return;
  }
  if (verbosity == Verbosity::kQuiet) return;
  std::cout << (first ? "Built" : "Rebuilt") << " in " << static_cast<long>(stats.total_ms)
            << " ms (" << (stats.full ? "everything" : "what the edit touches") << "; load "
            << static_cast<long>(stats.load_ms) << " ms, render " << static_cast<long>(stats.render_ms)
            << " ms";
  if (stats.first_ms > 0) std::cout << ", edited pages served after " << static_cast<long>(stats.first_ms) << " ms";
  std::cout << "): " << stats.files_parsed << " source files parsed, " << stats.pages_rendered
            << " of " << stats.pages_planned << " pages rendered, " << stats.changed.size() << " of "
            << stats.outputs << " files changed\n";
  if (verbosity == Verbosity::kVerbose && !first) {
    for (const auto& path : stats.changed) std::cout << "  " << path << '\n';
  }
  std::cout.flush();
}

}  // namespace

int RunServe(Args& args) {
  const Command& cmd = ServeCommand();
  Verbosity verbosity = ReadVerbosity(args);
  SourceOptions source;
  preview::ServerOptions server_options;
  std::string port_text;
  if (args.Value("--port", &port_text) && !ParsePort(port_text, &server_options.port)) {
    return UsageError(cmd, "--port needs a number from 0 to 65535, not '" + port_text + "'");
  }
  args.Value("--bind", &server_options.bind);
  source.drafts = args.Flag("--drafts");
  bool open = args.Flag("--open");
  std::vector<std::string> rest;
  std::string error;
  if (!args.Rest(&rest, &error)) return UsageError(cmd, error);
  if (rest.size() > 1) return UsageError(cmd, "expected at most one SITE_DIR");
  if (!rest.empty()) source.site_dir = rest[0];
  if (!ReadSourceDateEpoch(&source.source_date_epoch, &error)) return UsageError(cmd, error);
  source.generator_version = Version();

  if (!InstallSignalHandlers()) {
    std::cerr << "herald serve: cannot set up signal handling\n";
    return kContentErrors;
  }
  // Watch before the first build, so an edit made while it runs is not lost.
  preview::Watcher watcher(source.site_dir);
  if (!watcher.Start(&error)) {
    std::cerr << "herald serve: " << error << '\n';
    return kContentErrors;
  }
  // Listen first: a taken port shows at once, and a large site's first
  // build answers "building" meanwhile.
  preview::PreviewServer server;
  if (!server.Start(server_options, &error)) {
    std::cerr << "herald serve: " << error << '\n';
    return kContentErrors;
  }
  std::cout << "Serving " << source.site_dir << " at " << server.url() << " (Ctrl+C stops)"
            << std::endl;
  if (server_options.bind != "127.0.0.1" && server_options.bind != "::1" &&
      server_options.bind != "localhost") {
    std::cerr << "herald serve: listening on " << server_options.bind
              << ": other machines can read this preview" << (source.drafts ? ", drafts included" : "")
              << '\n';
  }
  if (open) OpenBrowser(server.url());

  IncrementalBuild build(source);
  Diagnostics diags;
  RebuildStats stats = build.Rebuild(diags);
  Report(stats, diags, verbosity, true);
  if (!stats.readable) return kContentErrors;  // no site.toml: nothing to serve
  if (stats.ok) server.Publish(build.output(), {});
  else server.ShowErrors(ErrorsOf(diags));

  while (true) {
    preview::ChangeBatch batch;
    auto result = watcher.Wait(&batch, g_signal_pipe[0], std::chrono::hours(1));
    if (result == preview::Watcher::Result::kInterrupted) break;
    if (result == preview::Watcher::Result::kTimeout) continue;
    if (batch.overflow) build.Invalidate("");
    for (const auto& path : batch.paths) build.Invalidate(path);
    Diagnostics rebuild_diags;
    // The edited pages are served as soon as they are rendered; the lists,
    // feeds and other pages that show them follow with the full result.
    std::vector<std::string> shown_early;
    std::shared_ptr<const SharedOutput> early_output;
    auto early = [&](std::shared_ptr<const SharedOutput> output, const std::vector<std::string>& changed) {
      server.Publish(output, changed);
      early_output = std::move(output);
      shown_early = changed;
    };
    stats = build.Rebuild(rebuild_diags, early);
    Report(stats, rebuild_diags, verbosity, false);
    if (stats.ok) {
      // Announce what differs from what the tabs were last told, so the
      // edited page's tab does not reload twice.
      std::set<std::string> changed(stats.changed.begin(), stats.changed.end());
      for (const std::string& path : shown_early) {
        const auto* then = early_output->Find(path);
        const auto* now = build.output()->Find(path);
        if (then && now && **then == **now) changed.erase(path);
        else changed.insert(path);
      }
      server.Publish(build.output(), std::vector<std::string>(changed.begin(), changed.end()));
    } else {
      if (!shown_early.empty()) server.Publish(build.output(), shown_early);  // the last good output
      server.ShowErrors(ErrorsOf(rebuild_diags));
    }
  }
  if (verbosity != Verbosity::kQuiet) std::cout << "herald serve: stopping" << std::endl;
  server.Stop();
  return kOk;
}

}  // namespace herald::cli
