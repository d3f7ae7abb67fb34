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

json PublisherJson(const Site& site) {
  const auto& p = site.config.publisher;
  json j = {{"category", p.category}, {"name", p.name}, {"namespace", p.namespace_}};
  if (!p.contact_details.empty()) j["contact_details"] = p.contact_details;
  if (!p.issuing_authority.empty()) j["issuing_authority"] = p.issuing_authority;
  return j;
}

json RolieCategory() { return json::array({{{"scheme", kRolieScheme}, {"term", "csaf"}}}); }

std::string Feed(const Site& site, const std::vector<Written>& written) {
  const std::string white = site.AbsoluteUrl(std::string("/") + kWhite);
  const std::string feed_url = white + kFeedFile;
  json entries = json::array();
  for (const Written* w : NewestFirst(written)) {
    const Advisory& a = *w->advisory;
    std::string url = white + w->rel_path;
    json e = {{"content", {{"src", url}, {"type", "application/json"}}},
              {"format",
               {{"schema", "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json"},
                {"version", "2.0"}}},
              {"id", a.id},
              {"link", json::array({{{"href", url}, {"rel", "self"}},
                                    {{"href", url + ".sha256"}, {"rel", "hash"}},
                                    {{"href", url + ".sha512"}, {"rel", "hash"}}})},
              {"published", FormatRfc3339(w->dates.initial)},
              {"title", a.title},
              {"updated", FormatRfc3339(w->dates.current)}};
    if (w->is_signed) e["link"].push_back({{"href", url + ".asc"}, {"rel", "signature"}});
    if (!a.summary.empty()) e["summary"] = {{"content", a.summary}};
    entries.push_back(e);
  }
  json feed = {{"category", RolieCategory()},
               {"entry", entries},
               {"id", feed_url},
               {"link", json::array({{{"href", feed_url}, {"rel", "self"}}})},
               {"title", site.config.publisher.name + " CSAF feed (TLP:WHITE)"},
               {"updated", FormatRfc3339(NewestChange(site, written))}};
  return Dump({{"feed", feed}});
}

std::string Service(const Site& site) {
  const std::string feed_url = site.AbsoluteUrl(std::string("/") + kWhite + kFeedFile);
  json collection = {{"categories", {{"category", RolieCategory()}}},
                     {"href", feed_url},
                     {"title", site.config.publisher.name + " CSAF feed (TLP:WHITE)"}};
  json workspace = {{"collection", json::array({collection})},
                    {"title", site.config.publisher.name + " CSAF documents"}};
  return Dump({{"service", {{"workspace", json::array({workspace})}}}});
}

std::string ProviderMetadata(const Site& site, const std::string& fingerprint) {
  const std::string root = site.AbsoluteUrl(std::string("/") + kRoot);
  json rolie = {{"feeds", json::array({{{"summary", "All TLP:WHITE advisories of " +
                                                        site.config.publisher.name + "."},
                                        {"tlp_label", "WHITE"},
                                        {"url", root + "white/" + kFeedFile}}})},
                {"services", json::array({root + kServiceFile})}};
  json j = {{"canonical_url", root + "provider-metadata.json"},
            {"distributions", json::array({{{"directory_url", root + "white/"}, {"rolie", rolie}}})},
            {"last_updated", FormatRfc3339(site.build.build_time)},
            {"list_on_CSAF_aggregators", true},
            {"metadata_version", "2.0"},
            {"mirror_on_CSAF_aggregators", true},
            {"publisher", PublisherJson(site)},
            {"role", site.config.csaf.role}};
  if (!site.config.csaf.public_key_url.empty()) {
    json key = {{"url", site.AbsoluteUrl(site.config.csaf.public_key_url)}};
    if (!fingerprint.empty()) key["fingerprint"] = fingerprint;
    j["public_openpgp_keys"] = json::array({key});
  }
  return Dump(j);
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
