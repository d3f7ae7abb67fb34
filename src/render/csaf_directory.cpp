// The CSAF provider directory around the documents (CSAF 2.0 section 7.1):
// provider-metadata.json (requirement 7), index.txt (12), changes.csv (13),
// folder listings (14), the ROLIE feed (15) and service document (16), and
// the hashes (18) beside every document, written by csaf.cpp.
#include <algorithm>
#include <map>
#include <set>

#include "render/csaf_internal.h"

namespace herald::csaf {
namespace {

constexpr const char* kRoot = ".well-known/csaf/";
constexpr const char* kWhite = ".well-known/csaf/white/";
constexpr const char* kFeedFile = "csaf-feed-tlp-white.json";
constexpr const char* kServiceFile = "service.json";
constexpr const char* kRolieScheme = "urn:ietf:params:rolie:category:information-type";

// Newest change first, then by path: the order of changes.csv and the feed.
std::vector<const Written*> NewestFirst(const std::vector<Written>& written) {
  std::vector<const Written*> list;
  for (const auto& w : written) list.push_back(&w);
  std::sort(list.begin(), list.end(), [](const Written* a, const Written* b) {
    if (a->dates.current != b->dates.current) return a->dates.current > b->dates.current;
    return a->rel_path < b->rel_path;
  });
  return list;
}

Timestamp NewestChange(const Site& site, const std::vector<Written>& written) {
  Timestamp t = 0;
  for (const auto& w : written) t = std::max(t, w.dates.current);
  return t ? t : site.build.build_time;
}

// JSON text with the trailing newline of every JSON file of the directory.
template <typename Write>
std::string JsonFile(Write write) {
  std::string text;
  JsonWriter w(&text);
  write(w);
  text += '\n';
  return text;
}

void RolieCategory(JsonWriter& w) {
  w.BeginArray();
  w.BeginObject();
  w.Field("scheme", kRolieScheme);
  w.Field("term", "csaf");
  w.EndObject();
  w.EndArray();
}

void Link(JsonWriter& w, const std::string& href, const char* rel) {
  w.BeginObject();
  w.Field("href", href);
  w.Field("rel", rel);
  w.EndObject();
}

void FeedEntry(JsonWriter& w, const std::string& white, const Written& written) {
  const Advisory& a = *written.advisory;
  std::string url = white + written.rel_path;
  w.BeginObject();
  w.Key("content");
  w.BeginObject();
  w.Field("src", url);
  w.Field("type", "application/json");
  w.EndObject();
  w.Key("format");
  w.BeginObject();
  w.Field("schema", "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json");
  w.Field("version", "2.0");
  w.EndObject();
  w.Field("id", a.id);
  w.Key("link");
  w.BeginArray();
  Link(w, url, "self");
  Link(w, url + ".sha256", "hash");
  Link(w, url + ".sha512", "hash");
  if (written.is_signed) Link(w, url + ".asc", "signature");
  w.EndArray();
  w.Field("published", FormatRfc3339(written.dates.initial));
  if (!a.summary.empty()) {
    w.Key("summary");
    w.BeginObject();
    w.Field("content", a.summary);
    w.EndObject();
  }
  w.Field("title", a.title);
  w.Field("updated", FormatRfc3339(written.dates.current));
  w.EndObject();
}

std::string Feed(const Site& site, const std::vector<Written>& written) {
  const std::string white = site.AbsoluteUrl(std::string("/") + kWhite);
  const std::string feed_url = white + kFeedFile;
  return JsonFile([&](JsonWriter& w) {
    w.BeginObject();
    w.Key("feed");
    w.BeginObject();
    w.Key("category");
    RolieCategory(w);
    w.Key("entry");
    w.BeginArray();
    for (const Written* entry : NewestFirst(written)) FeedEntry(w, white, *entry);
    w.EndArray();
    w.Field("id", feed_url);
    w.Key("link");
    w.BeginArray();
    Link(w, feed_url, "self");
    w.EndArray();
    w.Field("title", site.config.publisher.name + " CSAF feed (TLP:WHITE)");
    w.Field("updated", FormatRfc3339(NewestChange(site, written)));
    w.EndObject();
    w.EndObject();
  });
}

std::string Service(const Site& site) {
  const std::string feed_url = site.AbsoluteUrl(std::string("/") + kWhite + kFeedFile);
  return JsonFile([&](JsonWriter& w) {
    w.BeginObject();
    w.Key("service");
    w.BeginObject();
    w.Key("workspace");
    w.BeginArray();
    w.BeginObject();
    w.Key("collection");
    w.BeginArray();
    w.BeginObject();
    w.Key("categories");
    w.BeginObject();
    w.Key("category");
    RolieCategory(w);
    w.EndObject();
    w.Field("href", feed_url);
    w.Field("title", site.config.publisher.name + " CSAF feed (TLP:WHITE)");
    w.EndObject();
    w.EndArray();
    w.Field("title", site.config.publisher.name + " CSAF documents");
    w.EndObject();
    w.EndArray();
    w.EndObject();
    w.EndObject();
  });
}

void Distribution(JsonWriter& w, const Site& site, const std::string& root) {
  w.BeginObject();
  w.Field("directory_url", root + "white/");
  w.Key("rolie");
  w.BeginObject();
  w.Key("feeds");
  w.BeginArray();
  w.BeginObject();
  w.Field("summary", "All TLP:WHITE advisories of " + site.config.publisher.name + ".");
  w.Field("tlp_label", "WHITE");
  w.Field("url", root + "white/" + kFeedFile);
  w.EndObject();
  w.EndArray();
  w.Key("services");
  w.BeginArray();
  w.String(root + kServiceFile);
  w.EndArray();
  w.EndObject();
  w.EndObject();
}

std::string ProviderMetadata(const Site& site, const std::string& fingerprint) {
  const std::string root = site.AbsoluteUrl(std::string("/") + kRoot);
  return JsonFile([&](JsonWriter& w) {
    w.BeginObject();
    w.Field("canonical_url", root + "provider-metadata.json");
    w.Key("distributions");
    w.BeginArray();
    Distribution(w, site, root);
    w.EndArray();
    w.Field("last_updated", FormatRfc3339(site.build.build_time));
    w.Key("list_on_CSAF_aggregators");
    w.Bool(true);
    w.Field("metadata_version", "2.0");
    w.Key("mirror_on_CSAF_aggregators");
    w.Bool(true);
    if (!site.config.csaf.public_key_url.empty()) {
      w.Key("public_openpgp_keys");
      w.BeginArray();
      w.BeginObject();
      if (!fingerprint.empty()) w.Field("fingerprint", fingerprint);
      w.Field("url", site.AbsoluteUrl(site.config.csaf.public_key_url));
      w.EndObject();
      w.EndArray();
    }
    w.Key("publisher");
    Publisher(w, site);
    w.Field("role", site.config.csaf.role);
    w.EndObject();
  });
}

std::string Escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

// An index.html in every folder of the CSAF tree: static hosts and CDNs have
// no directory listings, and CSAF requirement 14 asks for browsable folders.
void Listings(const std::vector<std::string>& paths, Output* out) {
  std::map<std::string, std::set<std::string>> folders;  // folder → entries ("x/" for folders)
  folders[kRoot];
  std::vector<std::string> under_root;  // `paths` is sorted: those under the root are together
  for (auto it = std::lower_bound(paths.begin(), paths.end(), std::string(kRoot));
       it != paths.end() && it->rfind(kRoot, 0) == 0; ++it) {
    under_root.push_back(*it);
  }
  for (const auto& [path, bytes] : *out) under_root.push_back(path);
  for (const std::string& path : under_root) {
    std::string rest = path.substr(std::string(kRoot).size());
    std::string folder = kRoot;
    size_t slash;
    while ((slash = rest.find('/')) != std::string::npos) {
      folders[folder].insert(rest.substr(0, slash + 1));
      folder += rest.substr(0, slash + 1);
      rest = rest.substr(slash + 1);
    }
    if (rest != "index.html") folders[folder].insert(rest);
  }
  for (const auto& [folder, entries] : folders) {
    std::string title = "Index of /" + folder;
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<title>" + Escape(title) + "</title>\n</head>\n<body>\n<h1>" +
                       Escape(title) + "</h1>\n<ul>\n";
    if (folder != kRoot) html += "<li><a href=\"../\">../</a></li>\n";
    // Folders first, then files, each in name order.
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& e : entries) {
        if ((e.back() == '/') != (pass == 0)) continue;
        html += "<li><a href=\"" + Escape(e) + "\">" + Escape(e) + "</a></li>\n";
      }
    }
    html += "</ul>\n</body>\n</html>\n";
    (*out)[folder + "index.html"] = html;
  }
}

}  // namespace

void RenderDirectory(const Site& site, const std::vector<Written>& written,
                     const std::string& fingerprint, const std::vector<std::string>& paths,
                     OutputSink& sink) {
  Output files;
  Output* out = &files;
  std::vector<std::string> documents;
  for (const auto& w : written) documents.push_back(w.rel_path);
  std::sort(documents.begin(), documents.end());
  std::string index;
  for (const auto& p : documents) index += p + "\n";
  std::string changes;
  for (const Written* w : NewestFirst(written)) {
    changes += "\"" + w->rel_path + "\",\"" + FormatRfc3339(w->dates.current) + "\"\n";
  }
  const std::string white = kWhite;
  (*out)[white + "index.txt"] = index;
  (*out)[white + "changes.csv"] = changes;
  (*out)[white + kFeedFile] = Feed(site, written);
  (*out)[std::string(kRoot) + kServiceFile] = Service(site);
  (*out)[std::string(kRoot) + "provider-metadata.json"] = ProviderMetadata(site, fingerprint);
  Listings(paths, out);
  for (auto& [path, bytes] : files) sink.Put(path, std::move(bytes));
}

}  // namespace herald::csaf
