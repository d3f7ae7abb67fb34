// Live reload: the script `herald serve` adds to every HTML response, and the
// error overlay shown while the last build failed.
//
// Neither is ever part of the built site: the server adds them to the bytes
// of a text/html response as it sends them. The script listens to the
// server's Server-Sent Events (kEventsPath): "reload" carries the output
// paths that changed, and a tab reloads only when its own page (or a
// stylesheet, script or image) is among them, or when it shows the overlay;
// "build-error" reloads every tab so the overlay appears.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/escape.h"

namespace herald::preview {

inline constexpr char kEventsPath[] = "/__herald/events";
inline constexpr char kScriptPath[] = "/__herald/livereload.js";

/// The client script served at kScriptPath.
std::string_view LiveReloadScript();

/// `html` with the script tag (and the overlay, when not empty) added before
/// the last </body>, or at the end. `served` is the output path whose bytes
/// these are ("404.html" for a missing page); `requested` the one asked for.
std::string InjectLiveReload(std::string_view html, std::string_view served,
                             std::string_view requested, std::string_view overlay);

/// The overlay listing build errors as path:line:col: error: message;
/// `over_last_good` when it covers a page of the last good build.
std::string ErrorOverlay(const std::vector<Diagnostic>& diagnostics, bool over_last_good);

/// A whole page holding the overlay, for when no build ever succeeded.
std::string ErrorPage(const std::vector<Diagnostic>& diagnostics);
/// The page shown while the first build runs.
std::string BuildingPage();

/// The data of a "reload" event: {"paths":["advisories/X/index.html",...]},
/// or {"all":true} past kMaxNamedPaths (every tab reloads).
inline constexpr size_t kMaxNamedPaths = 2000;
std::string ReloadEventData(const std::vector<std::string>& changed_paths);

using herald::EscapeHtml;

}  // namespace herald::preview
