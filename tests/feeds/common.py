"""Shared by the feed checks: the result counter, date helpers and the model,
read from a site's sources with tomllib, independently of herald."""
import datetime as dt
import re
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BUILD_TIME = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)  # SOURCE_DATE_EPOCH of every build
DAY = dt.timedelta(days=1)


class Results:
    passed = 0
    failed = 0


def check(ok, what):
    if ok:
        Results.passed += 1
    else:
        Results.failed += 1
        print(f"FAIL: {what}")
    return ok


def utc(value):
    """A TOML date or date-time as an aware datetime; a bare date is 00:00Z."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)


def rfc3339(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def clean(text):
    """What herald's writers make of a one-line text: no control characters."""
    text = re.sub(r"[\x00-\x08\x0a-\x1f\x7f]", lambda m: " " if m.group() in "\r\n" else "", text)
    return re.sub(r"\s+", " ", text).strip()


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    _, toml, body = text.split("+++", 2)
    return tomllib.loads(toml), body


def version_key(v):
    return [int(x) if x.isdigit() else -1 for x in re.split(r"[.-]", v)]


class Model:
    """The part of a site the outputs are compared with, read from its sources."""

    def __init__(self, site):
        self.config = tomllib.loads((site / "site.toml").read_text(encoding="utf-8"))
        self.base = self.config["site"]["base_url"].rstrip("/")
        self.title = self.config["site"]["title"]
        self.limit = self.config.get("feeds", {}).get("limit", 50)
        default_tlp = self.config.get("csaf", {}).get("default_tlp", "CLEAR")
        self.advisories = []
        for path in sorted((site / "advisories").glob("*/*.md")):
            a, _ = front_matter(path)
            if a.get("status") == "draft" or a.get("tlp", default_tlp) != "CLEAR":
                continue
            a["published"] = utc(a["published"])
            revisions = [utc(r["date"]) for r in a.get("revisions", [])]
            a["updated_known"] = utc(a["updated"]) if "updated" in a else (max(revisions) if revisions else None)
            vulns = a.get("vulnerabilities", [])
            a["terms"] = sorted({v["cve"] for v in vulns if v.get("cve")} | {v["cwe"] for v in vulns if v.get("cwe")})
            a["scored"] = any("cvss_v3" in v or "cvss_v4" in v for v in vulns)
            a["exploited"] = any(v.get("actively_exploited") for v in vulns)
            a["devices"] = {x["device"] for x in a.get("affected", [])} | {x["device"] for x in a.get("not_affected", [])}
            a["url"] = f"{self.base}/advisories/{a['id']}/"
            self.advisories.append(a)
        self.devices = {}
        for path in sorted((site / "content" / "devices").glob("*/index.md")):
            d, _ = front_matter(path)
            d["slug"] = path.parent.name
            for key in ("general_availability", "end_of_sales", "end_of_life", "end_of_security_support"):
                v = d["support"][key]
                d["support"][key] = None if v == "tba" else utc(v)
            self.devices[d["slug"]] = d

    def firmware(self, slug):
        """[(id, title, released)] of the device's released firmware, as its feed lists them."""
        d = self.devices[slug]
        name = clean(d["identity"]["name"])
        out = []
        for f in d.get("firmware", []):
            released = utc(f["released"])
            if released > BUILD_TIME:
                continue
            tag = "Firmware"
            if f.get("is_security"):
                tag = "Security update" + (f", {f['criticality'].capitalize()}" if f.get("criticality") else "")
            anchor = "fw-" + re.sub(r"[ \t#]", "-", f["version"])
            out.append((f"{self.base}/devices/{slug}/#{anchor}", clean(f"[{tag}] {name}: firmware {f['version']}"),
                        released))
        return out

    def milestones(self, slug):
        end = self.devices[slug]["support"]["end_of_security_support"]
        if end is None:
            return []
        out = []
        for days in (90, 30, 7, 0):
            when = end - days * DAY
            if when <= BUILD_TIME:
                out.append((f"{self.base}/devices/{slug}/#end-of-security-support-{end:%Y-%m-%d}-{days}-days", when, days))
        return out
