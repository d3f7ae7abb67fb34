#include "lint/release.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "build/pipeline.h"
#include "render/csaf.h"

namespace herald {
namespace {

using json = nlohmann::json;

constexpr char kDirectory[] = ".well-known/csaf/white/";

// The document minus what changes without the advisory changing.
json Substance(json doc) {
  json& d = doc["document"];
  d.erase("tracking");
  d.erase("publisher");
  if (d.contains("notes") && d["notes"].is_array()) {
    json kept = json::array();
    for (json& note : d["notes"]) {
      if (note.value("category", "") != "legal_disclaimer") kept.push_back(std::move(note));
    }
    d["notes"] = std::move(kept);
  }
  if (d.contains("references") && d["references"].is_array()) {
    json kept = json::array();
    for (json& ref : d["references"]) {
      if (ref.value("category", "") != "self") kept.push_back(std::move(ref));
    }
    d["references"] = std::move(kept);
  }
  return doc;
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// The site's base URL with its slash ("https://psirt.example/"), from the
// provider metadata's canonical URL; empty when there is none.
std::string BaseUrl(const ReadOutputFile& read) {
  constexpr std::string_view kMetadata = ".well-known/csaf/provider-metadata.json";
  std::optional<std::string> text = read(std::string(kMetadata));
  if (!text) return "";
  json metadata = json::parse(*text, nullptr, false);
  std::string url = metadata.is_object() ? Str(metadata, "canonical_url") : "";
  if (url.size() <= kMetadata.size() ||
      url.compare(url.size() - kMetadata.size(), kMetadata.size(), kMetadata) != 0) {
    return "";
  }
  return url.substr(0, url.size() - kMetadata.size());
}

// Links into the site stay the same links when the site moves.
std::string WithoutBaseUrl(std::string text, const std::string& base) {
  if (base.empty()) return text;
  for (size_t at = text.find(base); at != std::string::npos; at = text.find(base, at + 1)) {
    text.replace(at, base.size(), "/");
  }
  return text;
}

bool ReadDocument(const std::string& path, const std::string& text, const std::string& base,
                  ReleasedAdvisory* out, std::string* error) {
  json doc = json::parse(text, nullptr, false);
  const json* tracking = nullptr;
  if (!doc.is_discarded() && doc.is_object() && doc.contains("document") &&
      doc["document"].is_object() && doc["document"].contains("tracking") &&
      doc["document"]["tracking"].is_object()) {
    tracking = &doc["document"]["tracking"];
  }
  if (!tracking || Str(*tracking, "id").empty()) {
    *error = path + " is not a CSAF document with document.tracking.id";
    return false;
  }
  out->id = Str(*tracking, "id");
  out->title = Str(doc["document"], "title");
  out->path = path;
  out->initial_release_date = Str(*tracking, "initial_release_date");
  out->current_release_date = Str(*tracking, "current_release_date");
  out->version = std::strtol(Str(*tracking, "version").c_str(), nullptr, 10);
  out->substance = WithoutBaseUrl(Substance(std::move(doc)).dump(), base);
  return true;
}

}  // namespace

bool ReadRelease(const ReadOutputFile& read, Release* out, std::string* error) {
  std::string index_path = std::string(kDirectory) + "index.txt";
  std::optional<std::string> index = read(index_path);
  if (!index) {
    *error = "there is no " + index_path + "; expected the output of a herald build";
    return false;
  }
  const std::string base = BaseUrl(read);
  size_t start = 0;
  while (start < index->size()) {
    size_t end = index->find('\n', start);
    if (end == std::string::npos) end = index->size();
    std::string line = index->substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::string path = kDirectory + line;
    std::optional<std::string> text = read(path);
    if (!text) {
      *error = index_path + " lists " + line + ", but there is no " + path;
      return false;
    }
    ReleasedAdvisory advisory;
    if (!ReadDocument(path, *text, base, &advisory, error)) return false;
    std::string id = advisory.id;
    out->advisories[id] = std::move(advisory);
  }
  return true;
}

bool ReadRelease(const Output& output, Release* out, std::string* error) {
  auto read = [&](const std::string& path) -> std::optional<std::string> {
    auto it = output.find(path);
    if (it == output.end()) return std::nullopt;
    return it->second;
  };
  return ReadRelease(read, out, error);
}

bool LoadRelease(const std::string& against, const SourceOptions& source, Release* out,
                 std::string* error) {
  out->origin = against;
  std::error_code ec;
  if (std::filesystem::is_directory(against, ec)) {
    auto tree = OpenDirectoryTree(against);
    if (!ReadRelease([&](const std::string& path) { return tree->Read(path); }, out, error)) {
      *error = "--against '" + against + "': " + *error;
      return false;
    }
    return true;
  }
  // A Git ref: build what it published, in memory (only the CSAF is needed).
  SourceOptions previous = source;
  previous.ref = against;
  previous.drafts = false;
  Diagnostics diags;
  auto loaded = LoadSite(previous, diags);
  Output output;
  if (loaded && !diags.HasErrors()) RenderCsaf(loaded->site, &output, diags);
  std::vector<Diagnostic> found = diags.Sorted();
  if (!loaded) {
    // The loader words it for --ref; say it for --against.
    std::string why = found.empty() ? "it cannot be read" : found.front().message;
    for (const auto& [from, to] :
         {std::pair<std::string, std::string>{"cannot resolve --ref '" + against + "'",
                                              "cannot resolve it"},
          {"so --ref cannot be used", "so it is not a Git ref"}}) {
      size_t at = why.find(from);
      if (at != std::string::npos) why.replace(at, from.size(), to);
    }
    *error = "--against '" + against + "' is not a folder; as a Git ref of the site: " + why;
    return false;
  }
  if (diags.HasErrors()) {
    std::string first = found.empty() ? "" : FormatDiagnostic(found.front());
    *error = "--against '" + against + "': the site at that ref has " +
             std::to_string(diags.ErrorCount()) + " build error(s), so its release cannot be " +
             "compared; the first: " + first;
    return false;
  }
  if (!ReadRelease(output, out, error)) {
    *error = "--against '" + against + "': " + *error;
    return false;
  }
  return true;
}

std::string FirstDifference(const std::string& before, const std::string& after) {
  json a = json::parse(before, nullptr, false), b = json::parse(after, nullptr, false);
  if (a.is_discarded() || b.is_discarded()) return "/";
  json patch = json::diff(a, b);
  if (patch.empty() || !patch[0].contains("path")) return "/";
  std::string path = patch[0]["path"].get<std::string>();
  return path.empty() ? "/" : path;
}

}  // namespace herald
