// Size limits: how large a file herald reads may be.
//
// Every file is read whole into memory (and Markdown parsed whole), so one
// huge file — a 200 MB Markdown file, a video dropped into static/ — would
// make a build crawl or exhaust memory. SourceTree::Read refuses files over
// these limits; ReportOversizedFiles reports all of them at once, before
// anything is parsed.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace herald {

class Diagnostics;
class SourceTree;

/// Content and configuration: Markdown, TOML, templates. The largest
/// real advisory is a few hundred kilobytes.
inline constexpr uint64_t kMaxTextFileBytes = uint64_t{8} << 20;  // 8 MiB
/// Static assets (static/…, themes/NAME/static/…): images, PDFs, keys.
/// Firmware images and videos belong on a download server, linked.
inline constexpr uint64_t kMaxStaticFileBytes = uint64_t{64} << 20;  // 64 MiB

/// The limit for a site-relative path.
uint64_t FileSizeLimit(std::string_view path);

/// Reports every file herald reads (site.toml, advisories/, content/,
/// themes/, static/) that is larger than its limit, as an error at
/// path:1:1 naming the size and the limit. Returns their paths. `content`,
/// when given, receives the files of advisories/ and content/ in the order
/// List() gives them, so a loader need not list them again.
std::set<std::string> ReportOversizedFiles(const SourceTree& tree, Diagnostics& diags,
                                           std::vector<std::string>* content = nullptr);

}  // namespace herald
