#!/usr/bin/python3
"""Incremental rebuild latency of a preview server: file write -> new page served.

    bench/serve_latency.py --kind herald|hugo --site DIR --port P [--edits 10] [--bin PATH]

Starts the server (`herald serve DIR --port P`, or `hugo server -s DIR --port P`),
waits until it serves the advisory page, then edits that advisory's Markdown
body --edits times. For each edit the clock starts when the write is closed and
stops when an HTTP GET of the advisory page returns the new text (polled every
millisecond). Prints one line: median, min and max in ms, and the startup time.
Stdlib only. The edited file is restored afterwards.
"""

import argparse
import glob
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.request


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except Exception:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kind", choices=["herald", "hugo"], required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--port", type=int, default=18080)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--bin", default=None)
    ap.add_argument("--timeout", type=float, default=600, help="seconds to wait for startup")
    ap.add_argument("--edit-timeout", type=float, default=300, help="seconds to wait for one edit")
    ap.add_argument("--log", help="write the server's output here")
    args = ap.parse_args()

    if args.kind == "herald":
        files = sorted(glob.glob(os.path.join(args.site, "advisories", "*", "*.md")))
        cmd = [args.bin or "herald", "serve", args.site, "--port", str(args.port)]
        env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1798761600"))
    else:
        files = sorted(glob.glob(os.path.join(args.site, "content", "advisories", "ACME-*.md")))
        # Hugo's defaults (fast render mode, live reload), as a user would run it.
        cmd = [args.bin or "hugo", "server", "-s", args.site, "--port", str(args.port), "--buildFuture"]
        env = dict(os.environ)
    # An advisory in the middle of the list: published in every build.
    target = None
    for path in files[len(files) // 2:]:
        with open(path, encoding="utf-8") as f:
            head = f.read(2000)
        if 'status = "final"' in head and 'tlp = "CLEAR"' in head:
            target = path
            break
    if not target:
        sys.exit("no published advisory found")
    adv_id = os.path.basename(target)[:-3]
    url = f"http://127.0.0.1:{args.port}/advisories/{adv_id}/"
    with open(target, encoding="utf-8") as f:
        original = f.read()

    t_start = time.perf_counter()
    log = open(args.log, "w") if args.log else subprocess.DEVNULL
    proc = subprocess.Popen(cmd + (["--verbose"] if args.log and args.kind == "herald" else []), env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    latencies = []
    try:
        while True:
            page = fetch(url)
            if page and adv_id in page:
                break
            if proc.poll() is not None:
                sys.exit(f"{args.kind} server exited with status {proc.returncode} before serving {url}")
            if time.perf_counter() - t_start > args.timeout:
                sys.exit(f"{args.kind} server did not serve {url} within {args.timeout} s")
            time.sleep(0.05)
        startup = time.perf_counter() - t_start
        time.sleep(1.0)  # let watchers settle
        for i in range(args.edits):
            marker = f"benchmarker{i}x{int(time.time() * 1000)}"
            text = original.rstrip("\n") + f"\n\nEdited for the latency benchmark: {marker}.\n"
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            t0 = time.perf_counter()
            while True:
                page = fetch(url)
                if page and marker in page:
                    break
                if time.perf_counter() - t0 > args.edit_timeout:
                    sys.exit(f"edit {i}: the page did not change within {args.edit_timeout:.0f} s "
                             f"(earlier edits: {', '.join(f'{x:.0f} ms' for x in latencies)})")
                time.sleep(0.001)
            latencies.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.5)
    finally:
        with open(target, "w", encoding="utf-8") as f:
            f.write(original)
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except Exception:
            os.killpg(proc.pid, signal.SIGKILL)
    print(f"{args.kind} serve: edit -> page served: median {statistics.median(latencies):.1f} ms, "
          f"min {min(latencies):.1f} ms, max {max(latencies):.1f} ms over {len(latencies)} edits "
          f"(startup until first page {startup:.1f} s; each: {', '.join(f'{x:.0f}' for x in latencies)} ms)")


if __name__ == "__main__":
    main()
