// Collecting links from the model and the raw files; parsing link targets.
#include "lint/links.h"

#include "lint/raw_sources.h"

namespace herald {
namespace {

class Collector {
 public:
  explicit Collector(LintContext& ctx) : ctx_(ctx) {}

  // Markdown links of one Text, placed in the file by finding the URL on the
  // line the parser reports (a """ string starts one line later).
  void Markdown(const Text& text, const std::string& page) {
    if (text.where.path.empty()) return;  // a default herald supplies
    for (const TextLink& link : text.links) {
      int line = text.where.line + link.line - 1;
      SourceLocation at = ctx_.raw().Find(text.where.path, line, 1, link.url);
      links_.push_back({link.url, at, page, true});
    }
  }

  // Site paths and own-site URLs written as whole TOML string values.
  void UrlFields(const std::string& path, const std::string& page) {
    if (const TomlValue* root = ctx_.raw().Toml(path)) Walk(path, *root, page);
  }

  std::vector<SiteLink> Take() { return std::move(links_); }

 private:
  void Walk(const std::string& path, const TomlValue& v, const std::string& page) {
    if (v.kind == TomlValue::Kind::kTable) {
      for (const auto& [key, child] : v.table) Walk(path, child, page);
    } else if (v.kind == TomlValue::Kind::kArray) {
      for (const auto& child : v.array) Walk(path, child, page);
    } else if (v.kind == TomlValue::Kind::kString && LooksLikeUrl(v.string)) {
      links_.push_back({v.string, {path, v.line, v.column}, page, false});
    }
  }

  bool LooksLikeUrl(const std::string& s) const {
    if (s.empty() || s.find_first_of(" \t\r\n") != std::string::npos) return false;
    if (s[0] == '/') return s.size() == 1 || s[1] != '/';
    const std::string& base = ctx_.site().config.site.base_url;
    return !base.empty() && (s == base || s.rfind(base + "/", 0) == 0);
  }

  LintContext& ctx_;
  std::vector<SiteLink> links_;
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::vector<SiteLink> CollectLinks(LintContext& ctx) {
  const Site& site = ctx.site();
  Collector c(ctx);
  const SiteConfig& cfg = site.config;
  for (const Text* t :
       {&cfg.manufacturer.postal_address, &cfg.disclosure.scope, &cfg.disclosure.report_guidance,
        &cfg.disclosure.process, &cfg.disclosure.safe_harbour, &cfg.support.compliance,
        &cfg.support.archive_notice, &cfg.notifications.policy, &cfg.csaf.legal_notice}) {
    c.Markdown(*t, "");
  }
  c.UrlFields("site.toml", "");
  for (const Advisory* a : ctx.AllAdvisories()) {
    std::string page = "advisories/" + a->id + "/index.html";
    c.Markdown(a->body, page);
    for (const Remediation& r : a->remediations) c.Markdown(r.details, page);
    c.UrlFields(a->where.path, page);
  }
  for (const Device& d : site.devices) {
    std::string page = "devices/" + d.slug + "/index.html";
    for (const Text* t : {&d.identity.marking,
                          &d.lifecycle.costs,
                          &d.intended_use.purpose,
                          &d.intended_use.customers,
                          &d.intended_use.use_cases,
                          &d.intended_use.physical,
                          &d.network.requirements,
                          &d.network.interfaces,
                          &d.network.unauthenticated_functions,
                          &d.data.handled,
                          &d.data.inputs_outputs,
                          &d.data.personal_data,
                          &d.data.telemetry,
                          &d.data.retention,
                          &d.data.third_parties,
                          &d.data.cloud_access,
                          &d.security.platform,
                          &d.security.environment,
                          &d.security.properties,
                          &d.security.component_protection,
                          &d.security.risks,
                          &d.support.summary,
                          &d.support.update_frequency,
                          &d.support.update_mechanism,
                          &d.support.no_update_reason,
                          &d.support.short_period_reason,
                          &d.maintenance.performed_by,
                          &d.maintenance.confidentiality,
                          &d.body}) {
      c.Markdown(*t, page);
    }
    for (const SupportExtension& e : d.support.history) c.Markdown(e.note, page);
    for (const Firmware& fw : d.firmware) {
      c.Markdown(fw.notes, page);
      c.Markdown(fw.security_notes, page);
    }
    c.UrlFields(d.where.path, page);
  }
  for (const Guide& g : site.guides) {
    std::string page = "devices/" + g.device + "/guides/" + g.name + "/index.html";
    c.Markdown(g.body, page);
    c.UrlFields(g.where.path, page);
  }
  for (const Page& p : site.pages) {
    std::string page = p.name + "/index.html";
    c.Markdown(p.body, page);
    c.UrlFields(p.where.path, page);
  }
  return c.Take();
}

LinkTarget ParseLink(const std::string& url, const std::string& base_url) {
  LinkTarget t;
  std::string rest = url;
  if (!base_url.empty() &&
      (rest == base_url || rest.rfind(base_url + "/", 0) == 0 ||
       rest.rfind(base_url + "#", 0) == 0 || rest.rfind(base_url + "?", 0) == 0)) {
    rest = rest.substr(base_url.size());
    if (rest.empty() || rest[0] != '/') rest = "/" + rest;
  }
  if (rest.empty()) return t;
  size_t hash = rest.find('#');
  if (hash != std::string::npos) {
    t.fragment = PercentDecode(rest.substr(hash + 1));
    rest.resize(hash);
  }
  rest = rest.substr(0, rest.find('?'));
  if (rest.empty()) {
    t.kind = url[0] == '#' ? LinkTarget::Kind::kFragment : LinkTarget::Kind::kExternal;
    return t;
  }
  if (rest.rfind("//", 0) == 0) return t;  // another host
  if (rest[0] == '/') {
    t.kind = LinkTarget::Kind::kInternal;
    t.path = PercentDecode(rest);
    return t;
  }
  size_t colon = rest.find(':');
  if (colon != std::string::npos && rest.find('/') > colon) return t;  // a scheme: mailto:, https:
  t.kind = LinkTarget::Kind::kRelative;
  return t;
}

std::string OutputFileFor(const std::string& site_path, const std::set<std::string>& files) {
  if (site_path.empty() || site_path[0] != '/') return "";
  std::string rel = site_path.substr(1);
  if (rel.empty() || rel.back() == '/') {
    std::string index = rel + "index.html";
    return files.count(index) ? index : "";
  }
  if (files.count(rel)) return rel;
  if (files.count(rel + "/index.html")) return rel + "/index.html";
  return "";
}

std::set<std::string> ElementIds(const std::string& html) {
  std::set<std::string> ids;
  size_t at = 0;
  while ((at = html.find(" id=\"", at)) != std::string::npos) {
    at += 5;
    size_t end = html.find('"', at);
    if (end == std::string::npos) break;
    ids.insert(html.substr(at, end - at));
    at = end;
  }
  return ids;
}

}  // namespace herald
