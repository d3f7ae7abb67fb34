// RSS 2.0 (https://www.rssboard.org/rss-specification) with the content
// module for the HTML body and Atom's self link, as the RSS Advisory Board
// recommends. RSS has no update time per item: atom:updated carries it.
#include "render/feeds.h"
#include "render/xml_writer.h"

namespace herald {

std::string WriteRss(const FeedData& feed) {
  xml::Document doc;
  xml::Element rss = doc.Root("rss");
  rss.Attr("version", "2.0")
      .Attr("xmlns:atom", "http://www.w3.org/2005/Atom")
      .Attr("xmlns:content", "http://purl.org/rss/1.0/modules/content/");
  xml::Element channel = rss.Child("channel");
  channel.Child("title", feed.title);
  channel.Child("link", feed.home_url);
  channel.Child("description", feed.description);
  if (!feed.language.empty()) channel.Child("language", feed.language);
  channel.Child("lastBuildDate", FormatRfc822(feed.updated));
  channel.Child("generator", feed.generator_version.empty()
                                 ? std::string("herald")
                                 : "herald " + feed.generator_version);
  channel.Child("docs", "https://www.rssboard.org/rss-specification");
  channel.Child("atom:link")
      .Attr("href", feed.rss_url)
      .Attr("rel", "self")
      .Attr("type", "application/rss+xml");
  for (const FeedEntry& e : feed.entries) {
    xml::Element item = channel.Child("item");
    item.Child("title", e.title);
    item.Child("link", e.url);
    item.Child("guid", e.id).Attr("isPermaLink", e.id_is_url ? "true" : "false");
    item.Child("pubDate", FormatRfc822(e.published));
    item.Child("atom:updated", FormatRfc3339(e.updated));
    for (const FeedCategory& c : e.categories) {
      item.Child("category", c.term).Attr("domain", c.scheme);
    }
    if (!e.summary.empty()) item.Child("description", e.summary);
    if (!e.content_html.empty()) item.Child("content:encoded", e.content_html);
  }
  return doc.ToString();
}

}  // namespace herald
