#include <algorithm>

#include "load/front_matter.h"
#include "load/loaders.h"

namespace herald {

std::optional<Guide> LoadGuide(std::string_view text, const std::string& path,
                               const std::string& device, const std::string& name,
                               LoadContext& ctx) {
  auto fm = SplitFrontMatter(text, path, *ctx.diags);
  if (!fm) return std::nullopt;
  auto doc = ParseToml(fm->toml, path, fm->toml_line_offset, *ctx.diags);
  if (!doc) return std::nullopt;
  Guide g;
  g.device = device;
  g.name = name;
  g.where = {path, 1, 1};
  FieldReader r(*doc, path, "guide front matter", "", ctx);
  g.title = r.String("title", Need::kRequired);
  LocatedString topic = r.LocString("topic", Need::kRequired);
  g.topic = topic.value;
  const auto& topics = GuideTopics();
  if (!g.topic.empty()) {
    if (std::find(topics.begin(), topics.end(), g.topic) == topics.end()) {
      std::string list;
      for (const auto& t : topics) list += (list.empty() ? "" : ", ") + t;
      r.Error(topic.where, "'topic' is '" + g.topic + "'; expected one of: " + list);
    } else if (g.topic != "other" && g.topic != name) {
      r.Error(topic.where, "guide topic '" + g.topic + "' must be in a file named '" + g.topic +
                               ".md' (this one is '" + name + ".md'); use topic = \"other\" "
                               "for a guide with a free name");
    }
  }
  g.covers = r.StringList("covers");
  r.Finish();
  g.body = RenderMarkdown(fm->body, ctx.markdown, PlainText::kSkip).text;
  g.body.where = {path, fm->body_line_offset + 1, 1};
  return g;
}

std::optional<Page> LoadPage(std::string_view text, const std::string& path,
                             const std::string& name, LoadContext& ctx) {
  auto fm = SplitFrontMatter(text, path, *ctx.diags);
  if (!fm) return std::nullopt;
  auto doc = ParseToml(fm->toml, path, fm->toml_line_offset, *ctx.diags);
  if (!doc) return std::nullopt;
  Page p;
  p.name = name;
  p.where = {path, 1, 1};
  FieldReader r(*doc, path, "page front matter", "", ctx);
  p.title = r.String("title", Need::kRequired);
  p.role = r.Enum("role", PageRoles(), Need::kRequired, "other");
  p.covers = r.StringList("covers");
  r.Finish();
  p.body = RenderMarkdown(fm->body, ctx.markdown, PlainText::kSkip).text;
  p.body.where = {path, fm->body_line_offset + 1, 1};
  return p;
}

}  // namespace herald
