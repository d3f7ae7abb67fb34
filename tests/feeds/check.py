#!/usr/bin/python3
"""Feeds and discovery files, read by the clients that read them in the wild.

Builds the example site (the repository root) and tests/feeds/site (three
devices and an advisory hostile to every format) into temporary folders, then:
  - parses every RSS and Atom feed with feedparser (no bozo flag) and compares
    ids, titles, links, dates and categories with the model, read here
    independently from the sources with tomllib;
  - checks every JSON Feed field by field against JSON Feed 1.1;
  - checks well-formedness of every XML file with xmllint, the Atom feeds
    against RFC 4287's RELAX NG grammar and the sitemap against the
    sitemaps.org schema (schemas/);
  - parses security.txt field by field against RFC 9116;
  - parses support-terms.ics with icalendar, and checks its raw lines (CRLF,
    75 octets);
  - checks support-terms.json, search-index.json and robots.txt against the
    model, the feed links in every page head, and that two builds are
    byte-identical.

  - runs search_test.js (Node) on the built search-index.json, and checks
    that the advisory list's rows carry the data-* attributes its filter
    form offers.

Usage: check.py PATH/TO/herald
Needs (Debian): python3-feedparser python3-icalendar libxml2-utils nodejs
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # keep tests/feeds/ free of __pycache__
from common import BUILD_TIME, HERE, ROOT, Model, Results, check
from feed_checks import check_feeds, check_hostile
from file_checks import (check_discovery, check_files, check_search_script, check_security_txt,
                         check_support_terms)


def own_outputs(out):
    """The files this test is about, compared between two builds of the same sources."""
    fixed = [".well-known/security.txt", "support-terms.json", "support-terms.ics", "sitemap.xml", "robots.txt",
             "search-index.json", "assets/search.js"]
    feeds = [p.relative_to(out).as_posix() for p in sorted(out.glob("feeds/*")) + sorted(out.glob("devices/*/feed.*"))]
    return fixed + feeds


def build(herald, site, out):
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(int(BUILD_TIME.timestamp())))
    r = subprocess.run([herald, "build", str(site), "--out", str(out)], capture_output=True, text=True, env=env)
    return check(r.returncode == 0, f"herald build {site} failed:\n{r.stderr}")


def copy_site(src, dst):
    """The sources only, outside Git, so dates come from the files and SOURCE_DATE_EPOCH."""
    dst.mkdir()
    for name in ("site.toml", "advisories", "content", "static", "themes"):
        s = src / name
        if s.is_dir():
            shutil.copytree(s, dst / name)
        elif s.is_file():
            shutil.copy(s, dst / name)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    herald = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, src in (("example", ROOT), ("hostile", HERE / "site")):
            site = tmp / f"{name}-src"
            copy_site(src, site)
            out = tmp / f"{name}-out"
            if not build(herald, site, out):
                continue
            model = Model(site)
            index = json.loads((out / "search-index.json").read_text(encoding="utf-8"))
            severities = {a["id"]: a["severity"] for a in index["advisories"]}
            check_files(out)
            check_feeds(out, model, severities)
            check_security_txt(out, model)
            check_support_terms(out, model)
            check_discovery(out, model)
            check_search_script(out, model)
            if name == "hostile":
                check_hostile(out, model)
            again = tmp / f"{name}-again"
            if build(herald, site, again):
                for rel in own_outputs(out):
                    check((out / rel).read_bytes() == (again / rel).read_bytes(), f"{name}: two builds differ in {rel}")
    print(f"feeds: {Results.passed} passed, {Results.failed} failed")
    sys.exit(1 if Results.failed else 0)


if __name__ == "__main__":
    main()
