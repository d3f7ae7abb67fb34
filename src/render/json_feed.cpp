// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). nlohmann-json owns
// the escaping; text is cleaned first so feeds read the same in every format,
// and dump() replaces any remaining invalid UTF-8 instead of throwing.
#include <nlohmann/json.hpp>

#include "render/feeds.h"
#include "render/json_text.h"
#include "render/plain_text.h"

namespace herald {

std::string WriteJsonFeed(const FeedData& feed) {
  using json = nlohmann::ordered_json;
  json j;
  j["version"] = "https://jsonfeed.org/version/1.1";
  j["title"] = CleanLine(feed.title);
  j["home_page_url"] = feed.home_url;
  j["feed_url"] = feed.json_url;
  if (!feed.description.empty()) j["description"] = CleanText(feed.description, true);
  if (!feed.language.empty()) j["language"] = feed.language;
  json author = {{"name", CleanLine(feed.author_name)}};
  if (!feed.author_url.empty()) author["url"] = feed.author_url;
  j["authors"] = json::array({author});
  json items = json::array();
  for (const FeedEntry& e : feed.entries) {
    json item;
    item["id"] = e.id;
    item["url"] = e.url;
    item["title"] = CleanLine(e.title);
    if (!e.summary.empty()) item["summary"] = CleanText(e.summary, true);
    if (!e.content_html.empty()) {
      // Bodies are large and nearly always clean already: no copy then.
      item["content_html"] = IsCleanText(e.content_html) ? e.content_html : CleanText(e.content_html, true);
    } else {
      item["content_text"] = CleanText(e.summary.empty() ? e.title : e.summary, true);  // one is required
    }
    item["date_published"] = FormatRfc3339(e.published);
    item["date_modified"] = FormatRfc3339(e.updated);
    if (!e.categories.empty()) {
      json tags = json::array();
      for (const FeedCategory& c : e.categories) tags.push_back(c.term);
      item["tags"] = tags;
    }
    items.push_back(item);
  }
  j["items"] = items;
  return JsonText(j, 2) + "\n";
}

}  // namespace herald
