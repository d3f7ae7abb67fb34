#include "load/front_matter.h"
#include "load/loaders.h"

namespace herald {
namespace {

Capability ReadCapability(FieldReader& r, const char* key, const char* default_guide) {
  Capability cap;
  cap.guide = default_guide;
  const TomlValue* t = r.Table(key, Need::kRequired);
  if (!t) return cap;
  cap.where = r.WhereOf(*t);
  FieldReader c = r.Sub(*t, std::string("capability '") + key + "'",
                        std::string("capabilities.") + key + ".");
  cap.supported = c.Bool("supported", false, Need::kRequired);
  std::string guide = c.String("guide");
  if (!guide.empty()) cap.guide = guide;
  c.Finish();
  return cap;
}

void ReadFirmware(FieldReader& root, Device& d) {
  auto entries = root.TableArray("firmware");
  for (size_t i = 0; i < entries.size(); ++i) {
    FieldReader r = root.Sub(*entries[i], "[[firmware]]", "firmware[" + std::to_string(i + 1) + "].");
    Firmware fw;
    fw.where = r.Where();
    fw.version = r.String("version", Need::kRequired);
    fw.released = r.Date("released", Need::kRequired).value_or(0);
    fw.notes = r.Markdown("notes");
    fw.is_security = r.Bool("is_security", false);
    fw.security_notes = r.Markdown("security_notes");
    if (fw.is_security && fw.security_notes.Empty()) {
      r.Error(r.Where(), "firmware " + fw.version +
                             " has is_security = true but no 'security_notes': say which risks "
                             "it removes, what users must do and how urgently");
    }
    fw.criticality = r.Enum("criticality", {"critical", "high", "medium", "low"});
    fw.install_within_days = r.Int("install_within_days", 0, 3650);
    fw.download_url = r.Url("download_url");
    fw.free_of_charge = r.Bool("free_of_charge", true);
    fw.available_until = r.Date("available_until");
    fw.advisories = r.LocStringList("advisories");
    fw.sbom_url = r.Url("sbom_url");
    r.Finish();
    d.firmware.push_back(std::move(fw));
  }
}

void ReadSupport(FieldReader& root, Device& d) {
  const TomlValue* t = root.Table("support", Need::kRequired);
  if (!t) return;
  FieldReader r = root.Sub(*t, "[support]", "support.");
  auto& s = d.support;
  s.general_availability = r.DateOrTbaField("general_availability", Need::kRequired);
  s.end_of_sales = r.DateOrTbaField("end_of_sales", Need::kRequired);
  s.end_of_life = r.DateOrTbaField("end_of_life", Need::kRequired);
  s.end_of_security_support = r.DateOrTbaField("end_of_security_support", Need::kRequired);
  if (const TomlValue* v = t->Find("end_of_security_support")) s.end_of_security_support_where = r.WhereOf(*v);
  s.basis = r.Enum("basis", {"guaranteed", "best_effort"}, Need::kRequired);
  s.source = r.Url("source");
  s.summary = r.Markdown("summary");
  s.update_frequency = r.Markdown("update_frequency");
  s.update_mechanism = r.Markdown("update_mechanism");
  s.automatic_updates = r.Bool("automatic_updates", false, Need::kRequired);
  s.no_update_reason = r.Markdown("no_update_reason");
  s.short_period_reason = r.Markdown("short_period_reason");
  s.last_reviewed = r.Date("last_reviewed");
  auto history = r.TableArray("history");
  for (size_t i = 0; i < history.size(); ++i) {
    FieldReader h = r.Sub(*history[i], "support extension",
                          "support.history[" + std::to_string(i + 1) + "].");
    SupportExtension ext;
    ext.date = h.Date("date", Need::kRequired).value_or(0);
    ext.end_of_security_support = h.Date("end_of_security_support", Need::kRequired).value_or(0);
    ext.note = h.Markdown("note");
    if (!s.history.empty() && ext.end_of_security_support < s.history.back().end_of_security_support) {
      h.Error(h.Where(), "support.history moves the end of security support earlier; "
                         "announced ends may only be extended");
    }
    h.Finish();
    s.history.push_back(std::move(ext));
  }
  r.Finish();
}

void ReadCompliance(FieldReader& root, Device& d) {
  const TomlValue* t = root.Table("compliance");
  if (!t) return;
  FieldReader r = root.Sub(*t, "[compliance]", "compliance.");
  d.compliance.laws = r.StringList("laws");
  d.compliance.certifications = ReadCertificationList(r, "certifications", "compliance.");
  d.compliance.eu_declaration_url = r.Url("eu_declaration_url");
  d.compliance.psti_statement_url = r.Url("psti_statement_url");
  if (const TomlValue* tm = r.Table("trust_mark")) {
    FieldReader m = r.Sub(*tm, "trust_mark", "compliance.trust_mark.");
    TrustMark mark;
    mark.registry_url = m.Url("registry_url", Need::kRequired);
    mark.id = m.String("id", Need::kRequired);
    mark.date = m.Date("date", Need::kRequired).value_or(0);
    mark.administrator = m.String("administrator", Need::kRequired);
    mark.lab = m.String("lab", Need::kRequired);
    m.Finish();
    d.compliance.trust_mark = mark;
  }
  r.Finish();
}

}  // namespace

std::optional<Device> LoadDevice(std::string_view text, const std::string& path,
                                 const std::string& slug, LoadContext& ctx) {
  auto fm = SplitFrontMatter(text, path, *ctx.diags);
  if (!fm) return std::nullopt;
  auto doc = ParseToml(fm->toml, path, fm->toml_line_offset, *ctx.diags);
  if (!doc) return std::nullopt;
  Device d;
  d.slug = slug;
  d.where = {path, 1, 1};
  FieldReader root(*doc, path, "device front matter", "", ctx);
  d.markets = root.StringList("markets", Need::kRequired);

  if (const TomlValue* t = root.Table("identity", Need::kRequired)) {
    FieldReader r = root.Sub(*t, "[identity]", "identity.");
    d.identity.name = r.String("name", Need::kRequired);
    d.identity.type = r.String("type");
    d.identity.models = r.StringList("models", Need::kRequired);
    d.identity.hardware_versions = r.StringList("hardware_versions");
    d.identity.cpe = r.String("cpe");
    d.identity.purl = r.String("purl");
    d.identity.marking = r.Markdown("marking");
    d.identity.components = r.StringList("components");
    r.Finish();
  }
  if (const TomlValue* t = root.Table("lifecycle")) {
    FieldReader r = root.Sub(*t, "[lifecycle]", "lifecycle.");
    d.lifecycle.expected_lifespan = r.String("expected_lifespan");
    d.lifecycle.costs = r.Markdown("costs");
    d.lifecycle.retain_until = r.Date("retain_until");
    r.Finish();
  }
  if (const TomlValue* t = root.Table("intended_use", Need::kRequired)) {
    FieldReader r = root.Sub(*t, "[intended_use]", "intended_use.");
    auto& u = d.intended_use;
    u.purpose = r.Markdown("purpose", Need::kRequired);
    u.customers = r.Markdown("customers");
    u.use_cases = r.Markdown("use_cases");
    u.physical = r.Markdown("physical");
    u.consumer = r.Bool("consumer", false);
    u.for_integration = r.Bool("for_integration", false);
    r.Finish();
  }
  if (const TomlValue* t = root.Table("network")) {
    FieldReader r = root.Sub(*t, "[network]", "network.");
    d.network.requirements = r.Markdown("requirements");
    d.network.interfaces = r.Markdown("interfaces");
    d.network.unauthenticated_functions = r.Markdown("unauthenticated_functions");
    d.network.services = r.StringList("services");
    r.Finish();
  }
  if (const TomlValue* t = root.Table("data")) {
    FieldReader r = root.Sub(*t, "[data]", "data.");
    auto& x = d.data;
    x.handled = r.Markdown("handled");
    x.inputs_outputs = r.Markdown("inputs_outputs");
    x.personal_data = r.Markdown("personal_data");
    x.telemetry = r.Markdown("telemetry");
    x.sensors = r.StringList("sensors");
    x.retention = r.Markdown("retention");
    x.third_parties = r.Markdown("third_parties");
    x.cloud_access = r.Markdown("cloud_access");
    r.Finish();
  }
  if (const TomlValue* t = root.Table("security")) {
    FieldReader r = root.Sub(*t, "[security]", "security.");
    auto& s = d.security;
    s.platform = r.Markdown("platform");
    s.environment = r.Markdown("environment");
    s.properties = r.Markdown("properties");
    s.component_protection = r.Markdown("component_protection");
    s.risks = r.Markdown("risks");
    r.Finish();
  }
  if (const TomlValue* t = root.Table("capabilities", Need::kRequired)) {
    FieldReader r = root.Sub(*t, "[capabilities]", "capabilities.");
    auto& c = d.capabilities;
    c.identification = ReadCapability(r, "identification", "device-identifiers");
    c.configuration = ReadCapability(r, "configuration", "configuration");
    c.data_protection = ReadCapability(r, "data_protection", "data-protection");
    c.interface_access = ReadCapability(r, "interface_access", "access-control");
    c.software_update = ReadCapability(r, "software_update", "software-update");
    c.state_awareness = ReadCapability(r, "state_awareness", "security-state");
    r.Finish();
  }
  ReadSupport(root, d);
  ReadCompliance(root, d);
  if (const TomlValue* t = root.Table("sbom")) {
    FieldReader r = root.Sub(*t, "[sbom]", "sbom.");
    d.sbom.maintained = r.Bool("maintained", false);
    d.sbom.hbom_maintained = r.Bool("hbom_maintained", false);
    d.sbom.format = r.Enum("format", {"spdx", "cyclonedx"});
    d.sbom.public_ = r.Bool("public", false);
    d.sbom.url = r.Url("url");
    r.Finish();
  }
  if (const TomlValue* t = root.Table("maintenance")) {
    FieldReader r = root.Sub(*t, "[maintenance]", "maintenance.");
    d.maintenance.performed_by = r.Markdown("performed_by");
    d.maintenance.confidentiality = r.Markdown("confidentiality");
    r.Finish();
  }
  ReadFirmware(root, d);
  root.Finish();
  d.body = RenderMarkdown(fm->body, ctx.markdown, PlainText::kSkip).text;
  d.body.where = {path, fm->body_line_offset + 1, 1};
  return d;
}

}  // namespace herald
