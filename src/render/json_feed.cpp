// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), written with
// JsonWriter, which owns the escaping, in the key order of the spec's
// examples. Text is cleaned first so feeds read the same in every format.
#include "render/feeds.h"
#include "render/json_writer.h"
#include "render/plain_text.h"

namespace herald {

std::string WriteJsonFeed(const FeedData& feed) {
  std::string text;
  JsonWriter w(&text, kJsonOrdered);
  w.BeginObject();
  w.Field("version", "https://jsonfeed.org/version/1.1");
  w.Field("title", CleanLine(feed.title));
  w.Field("home_page_url", feed.home_url);
  w.Field("feed_url", feed.json_url);
  if (!feed.description.empty()) w.Field("description", CleanText(feed.description, true));
  if (!feed.language.empty()) w.Field("language", feed.language);
  w.Key("authors");
  w.BeginArray();
  w.BeginObject();
  w.Field("name", CleanLine(feed.author_name));
  if (!feed.author_url.empty()) w.Field("url", feed.author_url);
  w.EndObject();
  w.EndArray();
  w.Key("items");
  w.BeginArray();
  for (const FeedEntry& e : feed.entries) {
    w.BeginObject();
    w.Field("id", e.id);
    w.Field("url", e.url);
    w.Field("title", CleanLine(e.title));
    if (!e.summary.empty()) w.Field("summary", CleanText(e.summary, true));
    if (!e.content_html.empty()) {
      // Bodies are large and nearly always clean already: no copy then.
      if (IsCleanText(e.content_html)) w.Field("content_html", e.content_html);
      else w.Field("content_html", CleanText(e.content_html, true));
    } else {
      w.Field("content_text", CleanText(e.summary.empty() ? e.title : e.summary, true));  // one is required
    }
    w.Field("date_published", FormatRfc3339(e.published));
    w.Field("date_modified", FormatRfc3339(e.updated));
    if (!e.categories.empty()) {
      w.Key("tags");
      w.BeginArray();
      for (const FeedCategory& c : e.categories) w.String(c.term);
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  text += '\n';
  return text;
}

}  // namespace herald
