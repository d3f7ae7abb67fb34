#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets into tests/fuzz/corpus/.

Seeds are valid files from the example site (so the fuzzers start from
inputs that get deep into the loaders) plus hand-made nasty inputs: byte-order
marks, CRLF and CR line endings, truncations, missing fences, invalid UTF-8,
NUL bytes, duplicate keys, nesting just past toml++'s limit, extreme dates
and numbers, pathological Markdown. Inputs too big for the repository are
synthesized by replay_main.cpp instead. Run from anywhere:

    python3 tests/fuzz/make_corpus.py

Files are named after what they hold; re-running rewrites them identically.
Inputs a fuzzer finds (crashes fixed, or new coverage worth keeping) may be
added by hand under the same folders.
"""
import hashlib
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


ADVISORY = read("tests/errors/_base/advisories/2026/TEST-SA-2026-0001.md")
DEVICE = read("tests/errors/_base/content/devices/gw-1/index.md")
EXAMPLES = {
    "example-advisory-full": read("advisories/2026/ACME-SA-2026-0001.md"),
    "example-advisory-vex": read("advisories/2026/ACME-SA-2026-0003.md"),
    "example-advisory-draft": read("advisories/2026/ACME-SA-2026-0007.md"),
    "example-device": read("content/devices/hub-200/index.md"),
    "example-guide": read("content/devices/hub-200/guides/software-update.md"),
    "example-page": read("content/pages/security-practices.md"),
    "example-site-toml": read("site.toml"),
    "base-advisory": ADVISORY,
    "base-device": DEVICE,
}

NASTY = {
    "empty": b"",
    "only-open-fence": b"+++\n",
    "fences-only": b"+++\n+++\n",
    "front-matter-without-close": ADVISORY.split(b"+++\nDetails")[0],
    "front-matter-only": ADVISORY.replace(b"+++\nDetails.\n", b"+++"),
    "no-newline-after-fence": b"+++",
    "bom": b"\xef\xbb\xbf" + ADVISORY,
    "bom-twice": b"\xef\xbb\xbf\xef\xbb\xbf" + ADVISORY,
    "crlf": ADVISORY.replace(b"\n", b"\r\n"),
    "cr-only": ADVISORY.replace(b"\n", b"\r"),
    "bom-crlf-device": b"\xef\xbb\xbf" + DEVICE.replace(b"\n", b"\r\n"),
    "mixed-line-endings": ADVISORY.replace(b"\n", b"\r\n", 5),
    "fence-with-spaces": ADVISORY.replace(b"+++\n", b"+++  \t\n", 1),
    "invalid-utf8-in-string": ADVISORY.replace(b"Buffer overflow", b"Buffer \xff\xfe overflow"),
    "invalid-utf8-in-body": ADVISORY.replace(b"Details.", b"Caf\xe9 \xc3\x28 \xed\xa0\x80"),
    "overlong-utf8": ADVISORY.replace(b"Details.", b"\xc0\xaf\xe0\x80\xaf"),
    "nul-in-string": ADVISORY.replace(b"Buffer overflow", b"Buffer\x00overflow"),
    "nul-in-body": ADVISORY.replace(b"Details.", b"De\x00tails."),
    "toml-escaped-nul": ADVISORY.replace(b"Buffer overflow", b"Buffer\\u0000overflow"),
    "toml-escaped-surrogate": ADVISORY.replace(b"Buffer overflow", b"Buffer\\uD800overflow"),
    "toml-escaped-bidi": ADVISORY.replace(b"Buffer overflow", b"Buffer\\u202Eoverflow"),
    "duplicate-key": ADVISORY.replace(b'title = "Buffer', b'title = "A"\ntitle = "Buffer'),
    "duplicate-table": ADVISORY.replace(b"[[affected]]", b"[withdrawn]\ndate = 2026-03-01\n"
                                        b"reason = \"x\"\n[withdrawn]\n[[affected]]"),
    "table-array-clash": ADVISORY.replace(b"[[affected]]", b"[affected]\n[[affected]]"),
    "nesting-257-arrays": b"+++\na = " + b"[" * 257 + b"]" * 257 + b"\n+++\n",
    "nesting-300-tables": b"+++\n" + b"[" + b".".join([b"t"] * 300) + b"]\nx = 1\n+++\n",
    "huge-integer": ADVISORY.replace(b'cve = "CVE-2026-0001"',
                                     b'cve = 99999999999999999999999999'),
    "int64-min": b"+++\nacknowledge_days = -9223372036854775808\n+++\n",
    "dates-extreme": ADVISORY.replace(b"2026-02-01T10:00:00Z", b"9999-12-31T23:59:60+23:59"),
    "dates-year-zero": ADVISORY.replace(b"2026-02-01T10:00:00Z", b"0000-01-01T00:00:00-23:59"),
    "dates-as-strings": ADVISORY.replace(b"2026-02-01T10:00:00Z", b'"2026-02-30T25:61:61Z"'),
    "local-datetime": ADVISORY.replace(b"2026-02-01T10:00:00Z", b"2026-02-01T10:00:00"),
    "time-only": ADVISORY.replace(b"2026-02-01T10:00:00Z", b"10:00:00"),
    "wrong-types-everywhere": b"+++\nid = 1\ntitle = []\ncategory = {}\nstatus = true\n"
                              b"published = \"x\"\nvulnerabilities = 3\naffected = [1, \"a\"]\n"
                              b"revisions = [[]]\n+++\n",
    "inline-table-arrays": ADVISORY.replace(b"[[affected]]\ndevice = \"gw-1\"",
                                            b"affected = [{ device = \"gw-1\" }, 7]\n[[x]]\ndevice = \"gw-1\""),
    "cvss-garbage": ADVISORY.replace(b"CVSS:3.1/AV:N", b"CVSS:3.1/AV:N/AV:N/\xff/:/::"),
    "versions-garbage": ADVISORY.replace(b'"< 1.0.1"', b'">= , <, =, ,,, 1..2, <=\\u0000"'),
    "fence-inside-multiline-string": ADVISORY.replace(b'summary = "A crafted packet crashes the gateway."',
                                                      b'summary = """\n+++\nnot the end\n"""'),
    "truncated-in-string": ADVISORY[: ADVISORY.find(b"crashes")],
    "truncated-in-table-header": ADVISORY[: ADVISORY.find(b"[[affected]]") + 5],
    "truncated-in-escape": b'+++\ntitle = "abc\\u12',
    "binary-png-header": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "markdown-deep-quotes": ADVISORY.replace(b"Details.", b">" * 2000 + b" x"),
    "markdown-deep-lists": ADVISORY.replace(b"Details.", b"- " * 1000 + b"x"),
    "markdown-brackets": ADVISORY.replace(b"Details.", b"[" * 5000 + b"](" * 2000),
    "markdown-emphasis": ADVISORY.replace(b"Details.", b"*a_" * 5000 + b"**" * 3000),
    "markdown-tables": ADVISORY.replace(b"Details.", b"|a|b|\n|-|-|\n" + b"|x|\n" * 2000 +
                                       b"|" * 3000),
    "markdown-links-everywhere": ADVISORY.replace(
        b"Details.", b"[a](/x/) [b](#c) [c](../d) <https://e/> ![i](/f.png) [r][r]\n\n[r]: /g/\n"
                     b"[e](javascript:alert(1)) [s](/ space/) [q](/a?b#c) [u](%zz)"),
    "markdown-raw-html": ADVISORY.replace(b"Details.", b"<script>alert(1)</script><!-- x --><img src=x "
                                          b"onerror=alert(1)>\n\n<div>\n*x*\n</div>"),
    "markdown-headings-clash": ADVISORY.replace(b"Details.", b"# details\n## details\n### Details\n"
                                                b"## affected\n## \n## -\n" * 20),
    "markdown-control-chars": ADVISORY.replace(b"Details.", bytes(range(1, 32)) + b"\x7f\x01HERALD-H\x01"),
    "site-toml-all-wrong": b"[site]\nbase_url = \"ftp://x\"\n[disclosure]\ncontact = [\"javascript:x\"]\n"
                           b"[security_txt]\nexpires_days = 100000\n[feeds]\nlimit = -1\n[csaf]\n"
                           b"default_tlp = \"PURPLE\"\n[build]\noutput_dir = \"../..\"\ntheme = \"../../etc\"\n",
    "device-all-wrong": DEVICE.replace(b"end_of_security_support = 2030-12-31",
                                       b"end_of_security_support = \"soon\"\nhistory = [1, {}, { date = 1 }]")
                              .replace(b'version = "1.0.0"', b'version = ""'),
}

CVSS = {
    "v31-critical": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "v30-scope-changed": "CVSS:3.0/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N",
    "v31-temporal-env": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:H/IR:H/AR:H/"
                        "MAV:A/MAC:H/MPR:L/MUI:R/MS:C/MC:L/MI:L/MA:L",
    "v40-base": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
    "v40-full": "CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:A/VC:L/VI:L/VA:L/SC:H/SI:H/SA:H/E:A/CR:H/IR:M/AR:L/"
                "MAV:N/MAC:L/MAT:N/MPR:N/MUI:N/MVC:H/MVI:H/MVA:H/MSC:H/MSI:S/MSA:S/S:P/AU:Y/R:U/V:C/"
                "RE:H/U:Red",
    "v40-zero": "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N",
    "duplicate-metric": "CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "missing-metric": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",
    "unknown-metric": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y",
    "v40-out-of-order": "CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
    "empty": "",
    "prefix-only": "CVSS:3.1/",
    "no-prefix": "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "lower-case": "cvss:3.1/av:n/ac:l/pr:n/ui:n/s:u/c:h/i:h/a:h",
    "slashes-and-colons": "CVSS:3.1////:::/AV::N/AC:/:L",
    "trailing-slash": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",
    "version-2": "AV:N/AC:L/Au:N/C:P/I:P/A:P",
    "nul-inside": "CVSS:3.1/AV:N\x00/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "long": "CVSS:4.0/" + "AV:N/" * 2000,
}

VERSIONS = {
    "simple": "< 1.0.1\n1.0.0",
    "range": ">= 2.0.0, < 2.4.1\n2.3.9",
    "bare": "2.4.1\n2.4.1",
    "pre-release": ">= 2.0.0-rc1, < 2.0.0\n2.0.0-rc2",
    "numeric-segments": "< 6.100\n6.78",
    "leading-zeros": "= 01.002\n1.2",
    "huge-segment": "< 99999999999999999999999999999\n100000000000000000000000000000",
    "empty": "",
    "operators-only": ">=, <, =\n",
    "commas": ",,,\n,",
    "double-dots": ">= 1..2\n1.",
    "spaces": "  >=   1.0  ,   <2.0  \n 1.5 ",
    "unknown-operator": "!= 1.0\n1.0",
    "binary": "\xff\x00<\n\x00",
    "many-constraints": ", ".join(">= %d.0" % i for i in range(2000)) + "\n3000.0",
}


def main():
    for name, data in {**EXAMPLES, **NASTY}.items():
        write("content", name, data)
    for name in ["base-advisory", "base-device", "example-advisory-full", "crlf", "bom",
                 "duplicate-key", "invalid-utf8-in-string", "nul-in-body", "front-matter-only",
                 "markdown-links-everywhere", "versions-garbage", "dates-extreme",
                 "inline-table-arrays", "device-all-wrong", "fence-inside-multiline-string"]:
        write("site", name, {**EXAMPLES, **NASTY}[name])
    for name, text in CVSS.items():
        write("cvss", name, text.encode("latin-1"))
    for name, text in VERSIONS.items():
        write("versions", name, text.encode("latin-1"))
    digest = hashlib.sha256()
    for folder, _, files in sorted(os.walk(CORPUS)):
        for f in sorted(files):
            with open(os.path.join(folder, f), "rb") as fh:
                digest.update(fh.read())
    print("corpus written to", os.path.relpath(CORPUS, ROOT), "sha256", digest.hexdigest()[:16])


if __name__ == "__main__":
    main()
