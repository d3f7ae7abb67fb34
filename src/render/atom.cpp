// Atom (RFC 4287). The feed's author covers every entry; entries carry their
// body as escaped HTML (type="html"), which every reader accepts, rather than
// XHTML, which would need the body to be well-formed XML.
#include "render/feeds.h"
#include "render/xml_writer.h"

namespace herald {

std::string WriteAtom(const FeedData& feed) {
  xml::Document doc;
  xml::Element root = doc.Root("feed");
  root.Attr("xmlns", "http://www.w3.org/2005/Atom");
  if (!feed.language.empty()) root.Attr("xml:lang", feed.language);
  root.Child("id", feed.atom_url);
  root.Child("title", feed.title).Attr("type", "text");
  if (!feed.description.empty()) root.Child("subtitle", feed.description).Attr("type", "text");
  root.Child("updated", FormatRfc3339(feed.updated));
  root.Child("link").Attr("rel", "self").Attr("type", "application/atom+xml").Attr("href", feed.atom_url);
  root.Child("link").Attr("rel", "alternate").Attr("type", "text/html").Attr("href", feed.home_url);
  xml::Element author = root.Child("author");
  author.Child("name", feed.author_name);
  if (!feed.author_url.empty()) author.Child("uri", feed.author_url);
  xml::Element generator = root.Child("generator", "herald");
  if (!feed.generator_version.empty()) generator.Attr("version", feed.generator_version);
  for (const FeedEntry& e : feed.entries) {
    xml::Element entry = root.Child("entry");
    entry.Child("id", e.id);
    entry.Child("title", e.title).Attr("type", "text");
    entry.Child("link").Attr("rel", "alternate").Attr("type", "text/html").Attr("href", e.url);
    entry.Child("published", FormatRfc3339(e.published));
    entry.Child("updated", FormatRfc3339(e.updated));
    for (const FeedCategory& c : e.categories) {
      entry.Child("category").Attr("term", c.term).Attr("scheme", c.scheme);
    }
    if (!e.summary.empty()) entry.Child("summary", e.summary).Attr("type", "text");
    if (!e.content_html.empty()) entry.Child("content", e.content_html).Attr("type", "html");
  }
  return doc.ToString();
}

}  // namespace herald
