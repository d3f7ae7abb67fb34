#include "preview/livereload.h"

namespace herald::preview {
namespace {

// Reloads this tab when the build changed its page or a subresource, when it
// shows the error overlay, or when a restarted server answers.
constexpr char kScript[] = R"JS((function () {
  "use strict";
  if (!window.EventSource || window.__heraldLiveReload) return;
  window.__heraldLiveReload = true;
  var tag = document.currentScript;
  var served = tag ? tag.getAttribute("data-served") : "";
  var requested = tag ? tag.getAttribute("data-requested") : "";
  var subresource = /\.(css|js|mjs|svg|png|jpe?g|gif|webp|avif|ico|woff2?)$/;
  var instance = null;
  function showsError() {
    return !!(document.getElementById("herald-error-overlay") ||
              document.getElementById("herald-building"));
  }
  function concerns(paths) {
    for (var i = 0; i < paths.length; i++) {
      var p = paths[i];
      if (p === served || p === requested || subresource.test(p)) return true;
    }
    return false;
  }
  var source = new EventSource("/__herald/events");
  source.addEventListener("hello", function (e) {
    var id = JSON.parse(e.data).instance;
    if (instance !== null && instance !== id) location.reload();
    instance = id;
  });
  source.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    if (d.all || showsError() || concerns(d.paths || [])) location.reload();
  });
  source.addEventListener("build-error", function () { location.reload(); });
})();
)JS";

constexpr char kOverlayStyle[] =
    "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;"
    "background:rgba(20,20,24,.94);color:#f3f3f3;font:14px/1.5 ui-monospace,monospace";

std::string ScriptTag(std::string_view served, std::string_view requested) {
  return "<script src=\"" + std::string(kScriptPath) + "\" data-served=\"" + EscapeHtml(served) +
         "\" data-requested=\"" + EscapeHtml(requested) + "\"></script>";
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

std::string_view LiveReloadScript() { return kScript; }

std::string InjectLiveReload(std::string_view html, std::string_view served,
                             std::string_view requested, std::string_view overlay) {
  std::string addition = std::string(overlay) + ScriptTag(served, requested);
  size_t at = html.rfind("</body>");
  if (at == std::string_view::npos) at = html.size();
  std::string out;
  out.reserve(html.size() + addition.size());
  out.append(html.substr(0, at));
  out += addition;
  out.append(html.substr(at));
  return out;
}

std::string ErrorOverlay(const std::vector<Diagnostic>& diagnostics, bool over_last_good) {
  std::string out = "<div id=\"herald-error-overlay\" role=\"alert\" style=\"" +
                    std::string(kOverlayStyle) + "\"><h2 style=\"margin:0 0 1rem;color:#ff8080\">" +
                    "herald: the build failed</h2><pre style=\"white-space:pre-wrap;margin:0\">";
  for (const Diagnostic& d : diagnostics) out += EscapeHtml(FormatDiagnostic(d)) + "\n";
  out += "</pre><p>Fix the files and save; this page reloads by itself.";
  if (over_last_good) out += " Under this notice is the page from the last good build.";
  return out + "</p></div>";
}

std::string ErrorPage(const std::vector<Diagnostic>& diagnostics) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<title>Build failed · herald</title></head><body>" +
         ErrorOverlay(diagnostics, false) + "</body></html>\n";
}

std::string BuildingPage() {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<title>Building · herald</title></head><body><p id=\"herald-building\">"
         "herald is building the site; this page reloads by itself when it is ready.</p>"
         "</body></html>\n";
}

std::string ReloadEventData(const std::vector<std::string>& changed_paths) {
  if (changed_paths.size() > kMaxNamedPaths) return "{\"all\":true}";
  std::string out = "{\"paths\":[";
  for (size_t i = 0; i < changed_paths.size(); ++i) {
    if (i) out += ',';
    out += JsonString(changed_paths[i]);
  }
  return out + "]}";
}

}  // namespace herald::preview
