"""security.txt (RFC 9116), support terms (icalendar and JSON), sitemap,
robots.txt, search index, search.js and the feed links in page heads."""
import datetime as dt
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import icalendar

from common import BUILD_TIME, DAY, HERE, check, clean, rfc3339, version_key

# --- security.txt -------------------------------------------------------------

SECURITY_TXT_FIELDS = {"acknowledgments", "canonical", "contact", "encryption", "expires", "hiring", "policy",
                       "preferred-languages", "csaf"}  # RFC 9116 registry, plus CSAF 2.0 section 7.1.8


def check_security_txt(out, model):
    where = ".well-known/security.txt"
    raw = (out / where).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        check(False, f"{where}: not UTF-8")
        return
    check(text.endswith("\n"), f"{where}: the last line must end with a line break")
    fields = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"([A-Za-z0-9-]+): (\S.*)", line)
        if check(m is not None, f"{where}:{n}: not 'Field: value': {line!r}"):
            fields.append((m.group(1).lower(), m.group(2)))
    names = [f for f, _ in fields]
    for f in names:
        check(f in SECURITY_TXT_FIELDS, f"{where}: unknown field {f!r}")
    values = lambda name: [v for f, v in fields if f == name]
    disclosure = model.config["disclosure"]
    check(values("contact") == disclosure["contact"], f"{where}: Contact {values('contact')} != {disclosure['contact']}")
    for v in values("contact"):
        check(re.match(r"^(mailto:|tel:|https://)", v), f"{where}: Contact {v!r} is not a mailto:, tel: or https: URI")
    check(len(values("expires")) == 1, f"{where}: Expires must appear exactly once")
    for once in ("preferred-languages",):
        check(len(values(once)) <= 1, f"{where}: {once} appears more than once")
    if values("expires"):
        expires = rfc3339(values("expires")[0])
        days = model.config.get("security_txt", {}).get("expires_days", 180)
        check(expires == BUILD_TIME + days * DAY, f"{where}: Expires {expires} != build time + {days} days")
        check(BUILD_TIME < expires <= BUILD_TIME + 365 * DAY, f"{where}: Expires must be in the future and within a year")
    for f, v in fields:
        if f not in ("contact", "expires", "preferred-languages"):
            check(v.startswith("https://"), f"{where}: {f} {v!r} must be an https: URI")
    canonical = values("canonical")
    check(f"{model.base}/.well-known/security.txt" in canonical or bool(model.config.get("security_txt", {}).get("canonical")),
          f"{where}: Canonical does not name where the file is served")
    check(values("csaf") == [f"{model.base}/.well-known/csaf/provider-metadata.json"], f"{where}: CSAF {values('csaf')}")
    check(len(values("policy")) >= 1, f"{where}: no Policy")
    if "preferred_languages" in disclosure:
        check(values("preferred-languages") == [", ".join(disclosure["preferred_languages"])], f"{where}: Preferred-Languages")
    if "openpgp_key_url" in disclosure:
        check(values("encryption") == [disclosure["openpgp_key_url"]], f"{where}: Encryption")
    hiring = model.config.get("security_txt", {}).get("hiring_url")
    check(values("hiring") == ([hiring] if hiring else []), f"{where}: Hiring")
    order = ["contact", "expires", "encryption", "acknowledgments", "preferred-languages", "canonical", "policy", "hiring", "csaf"]
    check([order.index(f) for f in names] == sorted(order.index(f) for f in names), f"{where}: fields out of order: {names}")


# --- Support terms ------------------------------------------------------------

def check_support_terms(out, model):
    where = "support-terms.ics"
    raw = (out / where).read_bytes()
    lines = raw.split(b"\r\n")
    check(lines[-1] == b"", f"{where}: must end with CRLF")
    check(b"\n" not in raw.replace(b"\r\n", b""), f"{where}: a line break that is not CRLF")
    for n, line in enumerate(lines[:-1], 1):
        check(len(line) <= 75, f"{where}:{n}: {len(line)} octets, more than 75")
        line.decode("utf-8")  # folding must not split a character
    cal = icalendar.Calendar.from_ical(raw)
    check(str(cal.get("VERSION")) == "2.0" and cal.get("PRODID"), f"{where}: VERSION 2.0 and PRODID are required")
    host = re.sub(r"^https://", "", model.base).split("/")[0]
    expected = {}
    for slug, d in model.devices.items():
        s = d["support"]
        if s["end_of_security_support"]:
            expected[f"{slug}.end-of-security-updates@{host}"] = (s["end_of_security_support"].date(), d)
        if s["end_of_life"]:
            expected[f"{slug}.end-of-support@{host}"] = (s["end_of_life"].date(), d)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    uids = [str(e["UID"]) for e in events]
    check(len(uids) == len(set(uids)), f"{where}: duplicate UIDs")
    check(set(uids) == set(expected), f"{where}: events {sorted(uids)} != {sorted(expected)}")
    for e in events:
        uid = str(e["UID"])
        if uid not in expected:
            continue
        day, d = expected[uid]
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        check(start == day and not isinstance(start, dt.datetime), f"{where}: {uid} DTSTART {start!r} != all-day {day}")
        check(end == day + DAY, f"{where}: {uid} DTEND {end!r}")
        check(e.decoded("DTSTAMP") == BUILD_TIME, f"{where}: {uid} DTSTAMP {e.decoded('DTSTAMP')} is not the build time")
        check(str(e["SUMMARY"]).startswith(clean(d["identity"]["name"]) + ": "), f"{where}: {uid} SUMMARY {str(e['SUMMARY'])!r}")
        alarms = [c for c in e.subcomponents if c.name == "VALARM"]
        check(len(alarms) == 1 and alarms[0].decoded("TRIGGER") == -90 * DAY and str(alarms[0]["ACTION"]) == "DISPLAY"
              and alarms[0].get("DESCRIPTION"), f"{where}: {uid} needs one DISPLAY alarm 90 days before")

    where = "support-terms.json"
    j = json.loads((out / where).read_text(encoding="utf-8"))
    check(rfc3339(j["generated_at"]) == BUILD_TIME, f"{where}: generated_at")
    got = {d["slug"]: d for d in j["devices"]}
    check(list(got) == sorted(model.devices), f"{where}: devices {list(got)}")
    date = lambda v: v.date().isoformat() if v else None
    for slug, d in model.devices.items():
        g, s = got.get(slug, {}), d["support"]
        check(g.get("name") == clean(d["identity"]["name"]) and g.get("models") == d["identity"]["models"], f"{where}: {slug} name/models")
        check(g.get("link") == f"{model.base}/devices/{slug}/", f"{where}: {slug} link")
        for key, field in (("releaseDate", "general_availability"), ("discontinuedFrom", "end_of_sales"),
                           ("eolFrom", "end_of_security_support"), ("endOfSupportFrom", "end_of_life")):
            check(g.get(key, "missing") == date(s[field]), f"{where}: {slug} {key} {g.get(key, 'missing')!r} != {field} {date(s[field])}")
        eoss = s["end_of_security_support"]
        ended = eoss is not None and BUILD_TIME >= eoss + DAY
        check(g.get("isEol") == ended and g.get("isMaintained") == (not ended), f"{where}: {slug} isEol/isMaintained")
        soon = eoss is not None and not ended and eoss < BUILD_TIME + 180 * DAY
        check(g.get("ending_soon") == soon, f"{where}: {slug} ending_soon {g.get('ending_soon')} != {soon}")
        check(g.get("status") in ("on_sale", "supported", "unsupported", "end_of_life"), f"{where}: {slug} status {g.get('status')}")
        if ended:
            check(g.get("status") in ("unsupported", "end_of_life"), f"{where}: {slug} ended but {g.get('status')}")
        firmware = sorted(d.get("firmware", []), key=lambda f: version_key(f["version"]))
        want = firmware[-1]["version"] if firmware else None
        check((g.get("latest") or {}).get("name") == want, f"{where}: {slug} latest {g.get('latest')} != {want}")
        check(g.get("automaticUpdates") == s["automatic_updates"], f"{where}: {slug} automaticUpdates")
        if "update_mechanism" in s:
            check(isinstance(g.get("updateMechanism"), str), f"{where}: {slug} updateMechanism missing")


# --- Discovery ----------------------------------------------------------------

class HeadLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.alternates = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates.append((a.get("type"), a.get("href")))


def html_pages(out):
    """The site's pages; .well-known/ holds machine-readable directories (CSAF), not pages."""
    pages = (p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    return sorted(p for p in pages if not p.startswith(".well-known/"))


def page_url(model, rel):
    if rel == "index.html":
        return model.base + "/"
    if rel.endswith("/index.html"):
        return f"{model.base}/{rel[:-len('index.html')]}"
    return f"{model.base}/{rel}"


def check_discovery(out, model):
    r = subprocess.run(["xmllint", "--noout", "--schema", str(HERE / "schemas" / "sitemap.xsd"), str(out / "sitemap.xml")],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"sitemap.xml: not valid against the sitemaps.org schema: {r.stderr.strip()}")
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [u.findtext(ns + "loc") for u in ET.parse(out / "sitemap.xml").getroot()]
    want = [page_url(model, p) for p in html_pages(out) if p != "404.html"]
    check(sorted(locs) == sorted(want), f"sitemap.xml: {sorted(set(locs) ^ set(want))} differ from the HTML pages")
    check(locs == sorted(locs), "sitemap.xml: not sorted")
    lastmods = {u.findtext(ns + "loc"): u.findtext(ns + "lastmod") for u in ET.parse(out / "sitemap.xml").getroot()}
    for a in model.advisories:
        if a["updated_known"]:
            check(rfc3339(lastmods.get(a["url"]) or "1970-01-01T00:00:00Z") == max(a["updated_known"], a["published"]),
                  f"sitemap.xml: lastmod of {a['url']}")

    robots = (out / "robots.txt").read_text(encoding="utf-8")
    check(f"Sitemap: {model.base}/sitemap.xml" in robots.splitlines(), "robots.txt: no Sitemap line")
    check("User-agent: *" in robots.splitlines(), "robots.txt: no User-agent line")

    index = json.loads((out / "search-index.json").read_text(encoding="utf-8"))
    check([a["id"] for a in index["advisories"]] == [a["id"] for a in sorted(model.advisories, key=lambda a: (a["published"], a["id"]), reverse=True)],
          "search-index.json: advisories differ from the published ones")
    for got, a in zip(index["advisories"], sorted(model.advisories, key=lambda a: (a["published"], a["id"]), reverse=True)):
        check(got["title"] == clean(a["title"]), f"search-index.json: {a['id']} title")
        check(got["url"] == f"/advisories/{a['id']}/", f"search-index.json: {a['id']} url")
        check(sorted(got["cves"] + got["cwes"]) == a["terms"], f"search-index.json: {a['id']} CVE/CWE")
        check(sorted(d["slug"] for d in got["devices"]) == sorted(a["devices"]), f"search-index.json: {a['id']} devices")
        check((out / got["url"].strip("/") / "index.html").is_file(), f"search-index.json: {got['url']} does not exist")
    check([d["slug"] for d in index["devices"]] == sorted(model.devices), "search-index.json: devices")

    # Feed links in every page head, each to a file that exists; device pages add their own.
    for rel in html_pages(out):
        p = HeadLinks()
        p.feed((out / rel).read_text(encoding="utf-8"))
        hrefs = [h for t, h in p.alternates if t in ("application/rss+xml", "application/atom+xml", "application/feed+json")]
        for h in hrefs:
            target = h[len(model.base):] if h.startswith(model.base) else h
            check(target.startswith("/") and (out / target.lstrip("/")).is_file(), f"{rel}: feed link {h} leads nowhere")
        check(any(h.endswith("/feeds/advisories.atom") for h in hrefs), f"{rel}: no <link rel=alternate> to the advisory feed")
        m = re.fullmatch(r"devices/([^/]+)/index\.html", rel)
        if m:
            check(any(h.endswith(f"/devices/{m.group(1)}/feed.atom") for h in hrefs), f"{rel}: no link to the device feed")


class FilterHooks(HTMLParser):
    """The advisory list's filter form options and its rows' data-* attributes."""

    def __init__(self):
        super().__init__()
        self.select = None
        self.options = {}
        self.rows = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "select":
            self.select = a.get("name")
            self.options[self.select] = set()
        elif tag == "option" and self.select:
            self.options[self.select].add(a.get("value"))
        elif tag == "tr" and "data-year" in a:
            self.rows.append(a)

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def check_search_script(out, model):
    """search.js ships, finds what it should in this site's index, and the list's hooks fit it."""
    script = out / "assets" / "search.js"
    if not check(script.is_file(), "assets/search.js is missing"):
        return
    r = subprocess.run(["node", str(HERE / "search_test.js"), str(script), str(out / "search-index.json")],
                       capture_output=True, text=True)
    print(r.stdout.strip().splitlines()[-1] if r.stdout.strip() else "search.js: no output")
    check(r.returncode == 0, f"search.js on search-index.json:\n{r.stdout}{r.stderr}")
    p = FilterHooks()
    p.feed((out / "advisories" / "index.html").read_text(encoding="utf-8"))
    check(set(p.options) >= {"device", "severity", "year"}, f"advisories/index.html: filter selects {sorted(p.options)}")
    check(len(p.rows) == len(model.advisories), f"advisories/index.html: {len(p.rows)} rows with data-year, {len(model.advisories)} advisories")
    for row in p.rows:
        check(row.get("data-year") in p.options.get("year", ()), f"advisories/index.html: row year {row.get('data-year')} not a filter option")
        check(row.get("data-severity") in p.options.get("severity", ()), f"advisories/index.html: row severity {row.get('data-severity')} not a filter option")
        for slug in (row.get("data-devices") or "").split():
            check(slug in p.options.get("device", ()), f"advisories/index.html: row device {slug} not a filter option")


def check_files(out):
    """Every XML file well-formed, every JSON file valid UTF-8 JSON."""
    for p in sorted(out.rglob("*")):
        rel = p.relative_to(out).as_posix()
        if p.suffix in (".xml", ".rss", ".atom"):
            r = subprocess.run(["xmllint", "--noout", str(p)], capture_output=True, text=True)
            check(r.returncode == 0, f"{rel}: not well-formed XML: {r.stderr.strip()}")
        elif p.suffix == ".json":
            try:
                json.loads(p.read_bytes().decode("utf-8"))
                check(True, rel)
            except (UnicodeDecodeError, ValueError) as e:
                check(False, f"{rel}: not valid JSON: {e}")
