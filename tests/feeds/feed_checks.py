"""RSS and Atom through feedparser, JSON Feed field by field, Atom against
RFC 4287's RELAX NG grammar, and the advisory hostile to every format."""
import datetime as dt
import json
import re
import subprocess
import xml.etree.ElementTree as ET

import feedparser

from common import HERE, check, clean, rfc3339

ATOM = "{http://www.w3.org/2005/Atom}"

TITLE_RE = re.compile(
    r"^\[(Critical|High|Medium|Low|None|Security advisory|VEX statement|Incident notice|Informational notice)"
    r"(, actively exploited)?(, withdrawn)?(, superseded by \S+)?\] (\S+): (.*)$")


def expected_entries(model, advisories, slug=None):
    """[(id, title-check, published, updated-or-None, terms, url)], unsorted."""
    out = []
    for a in advisories:
        out.append({"id": a["url"], "url": a["url"], "advisory": a, "published": a["published"],
                    "updated": a["updated_known"], "terms": a["terms"]})
    if slug:
        name = model.devices[slug]["identity"]["name"]
        end = model.devices[slug]["support"]["end_of_security_support"]
        for mid, when, days in model.milestones(slug):
            title = (f"[Support] {clean(name)}: last day of security updates ({end:%Y-%m-%d})" if days == 0 else
                     f"[Support] {clean(name)}: security updates end in {days} days ({end:%Y-%m-%d})")
            out.append({"id": mid, "url": f"{model.base}/devices/{slug}/#support", "title": title,
                        "published": when, "updated": when, "terms": []})
        for fid, title, released in model.firmware(slug):
            out.append({"id": fid, "url": fid, "title": title, "published": released, "updated": released,
                        "terms": []})
    return out


def parsed_time(struct):
    return dt.datetime(*struct[:6], tzinfo=dt.timezone.utc) if struct else None


def check_feed_entries(where, kind, entries, expected, limit, severities):
    """entries: dicts with id, url, title, published, updated, terms."""
    by_id = {e["id"]: e for e in expected}
    # Order: latest update first, then latest publication, then id.
    for e in expected:
        if e["updated"] is None:
            got = next((x for x in entries if x["id"] == e["id"]), None)
            e["updated"] = got["updated"] if got else e["published"]
    order = sorted(expected, key=lambda e: e["id"])
    order = sorted(order, key=lambda e: (e["updated"], e["published"]), reverse=True)[:limit]
    check([x["id"] for x in entries] == [e["id"] for e in order],
          f"{where}: {kind} entries {[x['id'] for x in entries]} != expected {[e['id'] for e in order]}")
    for x in entries:
        e = by_id.get(x["id"])
        if not check(e is not None, f"{where}: unexpected {kind} entry {x['id']}"):
            continue
        check(x["url"] == e["url"], f"{where}: {kind} {x['id']} link {x['url']!r} != {e['url']!r}")
        check(x["published"] == e["published"], f"{where}: {kind} {x['id']} published {x['published']} != {e['published']}")
        if x["updated"] is not None:
            check(x["updated"] == e["updated"], f"{where}: {kind} {x['id']} updated {x['updated']} != {e['updated']}")
        check(x["terms"] == e["terms"], f"{where}: {kind} {x['id']} categories {x['terms']} != {e['terms']}")
        if "advisory" in e:
            a = e["advisory"]
            m = TITLE_RE.match(x["title"])
            if check(m is not None, f"{where}: {kind} title {x['title']!r} is not '[Severity] ID: title'"):
                label, exploited, withdrawn, superseded, aid, title = m.groups()
                check(aid == a["id"] and title == clean(a["title"]), f"{where}: {kind} title {x['title']!r} does not name {a['id']}: {a['title']!r}")
                check(bool(exploited) == a["exploited"], f"{where}: {kind} {aid}: actively exploited flag")
                check(bool(withdrawn) == ("withdrawn" in a), f"{where}: {kind} {aid}: withdrawn flag")
                if a["scored"]:
                    check(label.lower() == severities.get(aid), f"{where}: {kind} {aid}: severity {label} != search index {severities.get(aid)}")
                else:
                    check(label.endswith(("notice", "statement", "advisory")), f"{where}: {kind} {aid}: unscored but labelled {label}")
        else:
            check(x["title"] == e["title"], f"{where}: {kind} title {x['title']!r} != {e['title']!r}")


def check_xml_feed(out, rel, model, expected, limit, severities, kind):
    where = rel
    raw = (out / rel).read_bytes()
    f = feedparser.parse(raw)
    check(not f.bozo, f"{where}: feedparser bozo: {f.get('bozo_exception')}")
    check(f.version == ("rss20" if kind == "rss" else "atom10"), f"{where}: feedparser version {f.version}")
    entries = []
    for e in f.entries:
        entries.append({"id": e.get("id"), "url": e.get("link"), "title": e.get("title"),
                        "published": parsed_time(e.get("published_parsed")),
                        "updated": parsed_time(e.get("updated_parsed")),
                        "terms": sorted(t.term for t in e.get("tags", []))})
        check(e.get("summary") is not None or e.get("content"), f"{where}: {e.get('id')} has neither summary nor content")
    check_feed_entries(where, kind, entries, expected, limit, severities)
    check(b"<script" not in raw, f"{where}: an unescaped <script")
    for bad in (b"\x01", b"\x07", b"\x00"):
        check(bad not in raw, f"{where}: holds control character {bad!r}")
    return [x["id"] for x in entries]


def check_json_feed(out, rel, model, expected, limit, severities, feed_url):
    where = rel
    raw = (out / rel).read_bytes()
    j = json.loads(raw.decode("utf-8"))
    known_top = {"version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon",
                 "favicon", "authors", "language", "expired", "hubs", "items"}
    known_item = {"id", "url", "external_url", "title", "content_html", "content_text", "summary", "image",
                  "banner_image", "date_published", "date_modified", "authors", "tags", "language", "attachments"}
    check(j.get("version") == "https://jsonfeed.org/version/1.1", f"{where}: version {j.get('version')!r}")
    check(isinstance(j.get("title"), str) and j["title"], f"{where}: title is required")
    check(j.get("feed_url") == feed_url, f"{where}: feed_url {j.get('feed_url')!r} != {feed_url!r}")
    check(isinstance(j.get("home_page_url"), str) and j["home_page_url"].startswith("https://"), f"{where}: home_page_url")
    for k in j:
        check(k in known_top or k.startswith("_"), f"{where}: unknown top-level field {k!r}")
    authors = j.get("authors", [])
    check(isinstance(authors, list) and all(isinstance(a, dict) and ({"name", "url", "avatar"} & a.keys()) for a in authors),
          f"{where}: authors must be objects with name, url or avatar")
    check(isinstance(j.get("items"), list), f"{where}: items is required and an array")
    entries, ids = [], set()
    for item in j.get("items", []):
        iid = item.get("id")
        check(isinstance(iid, str) and iid, f"{where}: an item without a string id")
        check(iid not in ids, f"{where}: duplicate item id {iid}")
        ids.add(iid)
        for k in item:
            check(k in known_item or k.startswith("_"), f"{where}: {iid}: unknown item field {k!r}")
        check(isinstance(item.get("content_html"), str) or isinstance(item.get("content_text"), str),
              f"{where}: {iid}: content_html or content_text is required")
        for k in ("url", "title", "summary", "content_html", "content_text", "date_published", "date_modified"):
            check(k not in item or isinstance(item[k], str), f"{where}: {iid}: {k} must be a string")
        check(all(isinstance(t, str) for t in item.get("tags", [])), f"{where}: {iid}: tags must be strings")
        published = rfc3339(item["date_published"]) if "date_published" in item else None
        modified = rfc3339(item["date_modified"]) if "date_modified" in item else None
        for text in (item.get("title", ""), item.get("summary", ""), item.get("content_html", "")):
            check(not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text), f"{where}: {iid}: a control character")
        entries.append({"id": iid, "url": item.get("url"), "title": item.get("title"), "published": published,
                        "updated": modified, "terms": sorted(item.get("tags", []))})
    check_feed_entries(where, "json", entries, expected, limit, severities)
    return [x["id"] for x in entries]


def check_feeds(out, model, severities):
    groups = [("feeds/advisories.", model.advisories, model.limit, None)]
    for slug in model.devices:
        named = [a for a in model.advisories if slug in a["devices"]]
        groups.append((f"devices/{slug}/feed.", named, 10**9, slug))
    for prefix, advisories, limit, slug in groups:
        ids = {}
        for kind in ("rss", "atom"):
            ids[kind] = check_xml_feed(out, prefix + kind, model, expected_entries(model, advisories, slug), limit, severities, kind)
        ids["json"] = check_json_feed(out, prefix + "json", model, expected_entries(model, advisories, slug), limit,
                                      severities, f"{model.base}/{prefix}json")
        check(ids["rss"] == ids["atom"] == ids["json"], f"{prefix}*: the three formats list different entries")
        r = subprocess.run(["xmllint", "--noout", "--relaxng", str(HERE / "schemas" / "atom.rng"), str(out / (prefix + "atom"))],
                           capture_output=True, text=True)
        check(r.returncode == 0, f"{prefix}atom: not valid against RFC 4287's schema: {r.stderr.strip()}")


def check_hostile(out, model):
    """tests/feeds/site's TEST-SA-2026-0002: markup, quotes, emoji, RTL text, control characters."""
    a = next(a for a in model.advisories if a["id"] == "TEST-SA-2026-0002")
    for rel in ("devices/gw-1/feed.atom", "devices/hub-2/feed.atom"):
        tree = ET.parse(out / rel)
        entry = next(e for e in tree.getroot().iter(ATOM + "entry") if e.findtext(ATOM + "id") == a["url"])
        title = entry.findtext(ATOM + "title")
        content = entry.findtext(ATOM + "content")
        check(title.endswith(f"TEST-SA-2026-0002: {a['title']}"), f"{rel}: hostile title read back as {title!r}")
        check("<script" not in content and "&lt;script&gt;" in content, f"{rel}: the body's <script> is not escaped HTML: {content!r}")
        check("🔒" in content and "ثغرة אבטחה" in content, f"{rel}: emoji or RTL text lost")
        check("\x01" not in content and "\x07" not in content, f"{rel}: control characters kept")
        check("]]&gt;" in content or "]]>" in content, f"{rel}: ']]>' in a code block lost")
    j = json.loads((out / "devices/hub-2/feed.json").read_text(encoding="utf-8"))
    item = next(i for i in j["items"] if i["id"] == a["url"])
    check(item["summary"] == a["summary"], f"feed.json: summary {item['summary']!r}")
    check("&lt;script&gt;" in item["content_html"] and "<script" not in item["content_html"], "feed.json: body <script> not escaped")
    f = feedparser.parse((out / "devices/hub-2/feed.rss").read_bytes())
    entry = next(e for e in f.entries if e.id == a["url"])
    check(entry.title.endswith(a["title"]), f"feed.rss: hostile title read back as {entry.title!r}")
