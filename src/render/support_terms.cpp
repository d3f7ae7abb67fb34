#include "render/support_terms.h"

#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/json_text.h"
#include "render/plain_text.h"
#include "render/view_model.h"

namespace herald {
namespace {

using json = nlohmann::ordered_json;
constexpr Timestamp kDay = 86400;

std::string Name(const Device& d) { return d.identity.name.empty() ? d.slug : d.identity.name; }

json DateOrNull(const DateOrTba& d) { return d.Known() ? json(FormatIsoDate(d.date)) : json(nullptr); }

/// Whether the day `d` is over at `now` (a date is a whole UTC day).
bool Passed(const DateOrTba& d, Timestamp now) { return d.Known() && now >= d.date + kDay; }

json DeviceJson(const Site& site, const Device& d) {
  const auto& s = d.support;
  Timestamp now = site.build.build_time;
  json j;
  j["slug"] = d.slug;
  j["name"] = CleanLine(Name(d));
  if (!d.identity.type.empty()) j["type"] = CleanLine(d.identity.type);
  json models = json::array();
  for (const std::string& m : d.identity.models) models.push_back(CleanLine(m));
  j["models"] = models;
  j["link"] = site.AbsoluteUrl(view::DevicePath(d.slug));
  j["status"] = DeviceStatusName(d.status);
  bool eol = Passed(s.end_of_security_support, now);
  j["ending_soon"] = s.end_of_security_support.Known() && !eol &&
                     s.end_of_security_support.date < now + kEndingSoonDays * kDay;
  // endoflife.date: releaseDate, discontinued(From), eol(From) = no more
  // security fixes, isMaintained; null is "to be announced".
  j["releaseDate"] = DateOrNull(s.general_availability);
  j["isDiscontinued"] = Passed(s.end_of_sales, now);
  j["discontinuedFrom"] = DateOrNull(s.end_of_sales);
  j["isEol"] = eol;
  j["eolFrom"] = DateOrNull(s.end_of_security_support);
  j["isMaintained"] = !eol;
  // No endoflife.date name fits the device's end of life (it stops working
  // or being serviced): "end of support", as the calendar calls it.
  j["endOfSupportFrom"] = DateOrNull(s.end_of_life);
  j["supportBasis"] = s.basis;
  if (!s.update_frequency.Empty()) j["updateFrequency"] = CleanText(s.update_frequency.plain, true);
  if (!s.update_mechanism.Empty()) j["updateMechanism"] = CleanText(s.update_mechanism.plain, true);
  j["automaticUpdates"] = s.automatic_updates;
  if (!d.firmware.empty()) {
    const Firmware& fw = d.firmware.front();  // the model sorts newest first
    j["latest"] = {{"name", fw.version},
                   {"date", FormatIsoDate(fw.released)},
                   {"link", site.AbsoluteUrl(view::DevicePath(d.slug) + "#firmware")}};
  } else {
    j["latest"] = nullptr;
  }
  return j;
}

// --- iCalendar ---------------------------------------------------------------

/// RFC 5545 3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped.
std::string IcsText(const std::string& text) {
  std::string out;
  for (char c : CleanText(text, true)) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  return out;
}

/// One content line, folded after 75 octets (RFC 5545 3.1) without
/// splitting a UTF-8 sequence, each line ended by CRLF.
void Line(std::string* out, const std::string& line) {
  size_t start = 0, limit = 75;
  while (line.size() - start > limit) {
    size_t cut = start + limit;
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out->append(line, start, cut - start);
    *out += "\r\n ";
    start = cut;
    limit = 74;  // the leading space counts
  }
  out->append(line, start, std::string::npos);
  *out += "\r\n";
}

std::string IcsDate(Timestamp t) {
  std::string iso = FormatIsoDate(t);  // YYYY-MM-DD
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

std::string IcsDateTime(Timestamp t) {
  std::string s = FormatRfc3339(t);  // YYYY-MM-DDTHH:MM:SSZ
  std::string out;
  for (char c : s) {
    if (c != '-' && c != ':') out += c;
  }
  return out;
}

std::string Host(const std::string& base_url) {
  std::string host = base_url.substr(base_url.find("://") == std::string::npos
                                         ? 0
                                         : base_url.find("://") + 3);
  return host.substr(0, host.find('/'));
}

struct Event {
  const char* kind;     // UID part: "end-of-support", "end-of-security-updates"
  std::string summary;  // "Acme Hub 200: end of security updates"
  std::string description;
  Timestamp day;
  int sequence;
};

void WriteEvent(const Site& site, const Device& d, const Event& e, std::string* out) {
  Line(out, "BEGIN:VEVENT");
  Line(out, "UID:" + d.slug + "." + e.kind + "@" + Host(site.config.site.base_url));
  Line(out, "DTSTAMP:" + IcsDateTime(site.build.build_time));
  Line(out, "DTSTART;VALUE=DATE:" + IcsDate(e.day));
  Line(out, "DTEND;VALUE=DATE:" + IcsDate(e.day + kDay));
  if (e.sequence > 0) Line(out, "SEQUENCE:" + std::to_string(e.sequence));
  Line(out, "SUMMARY:" + IcsText(e.summary));
  Line(out, "DESCRIPTION:" + IcsText(e.description));
  Line(out, "URL:" + site.AbsoluteUrl(view::DevicePath(d.slug) + "#support"));
  Line(out, "TRANSP:TRANSPARENT");
  Line(out, "BEGIN:VALARM");
  Line(out, "ACTION:DISPLAY");
  Line(out, "TRIGGER:-P90D");
  Line(out, "DESCRIPTION:" + IcsText(e.summary + " in 90 days"));
  Line(out, "END:VALARM");
  Line(out, "END:VEVENT");
}

}  // namespace

std::string SupportTermsJson(const Site& site) {
  json j;
  j["generated_at"] = FormatRfc3339(site.build.build_time);
  j["site"] = CleanLine(site.config.site.title);
  j["link"] = site.AbsoluteUrl("/support-terms.json");
  j["calendar"] = site.AbsoluteUrl("/support-terms.ics");
  json devices = json::array();
  for (const Device& d : site.devices) devices.push_back(DeviceJson(site, d));
  j["devices"] = devices;
  return JsonText(j, 2) + "\n";
}

std::string SupportTermsIcs(const Site& site) {
  std::string out;
  std::string title = CleanLine(site.config.site.title);
  Line(&out, "BEGIN:VCALENDAR");
  Line(&out, "VERSION:2.0");
  Line(&out, "PRODID:-//herald//herald " + site.build.generator_version + "//EN");
  Line(&out, "CALSCALE:GREGORIAN");
  Line(&out, "METHOD:PUBLISH");
  Line(&out, "X-WR-CALNAME:" + IcsText(title + ": support terms"));
  Line(&out, "X-WR-CALDESC:" + IcsText("End of support and end of security updates of every "
                                       "device listed by " + title + "."));
  std::string maker = site.config.manufacturer.trade_name.empty()
                          ? site.config.manufacturer.legal_name
                          : site.config.manufacturer.trade_name;
  for (const Device& d : site.devices) {
    const auto& s = d.support;
    std::string name = CleanLine(Name(d));
    std::string link = site.AbsoluteUrl(view::DevicePath(d.slug) + "#support");
    if (s.end_of_security_support.Known()) {
      WriteEvent(site, d,
                 {"end-of-security-updates", name + ": end of security updates",
                  "Last day " + maker + " provides security updates for " + name +
                      ". Support terms: " + link,
                  s.end_of_security_support.date, static_cast<int>(s.history.size())},
                 &out);
    }
    if (s.end_of_life.Known()) {
      WriteEvent(site, d,
                 {"end-of-support", name + ": end of support",
                  "From this day " + maker + " no longer services " + name +
                      " (end of life). Support terms: " + link,
                  s.end_of_life.date, 0},
                 &out);
    }
  }
  Line(&out, "END:VCALENDAR");
  return out;
}

void RenderSupportTerms(const Site& site, Output* out) {
  (*out)["support-terms.json"] = SupportTermsJson(site);
  (*out)["support-terms.ics"] = SupportTermsIcs(site);
}

}  // namespace herald
