#!/usr/bin/env bash
# herald vs Hugo on the same content, side by side. See BENCHMARKS.md.
#
#   bench/run.sh [--sizes 1000,10000,50000] [--runs 5] [--work DIR] [--herald BIN]
#                [--hugo BIN] [--no-hugo] [--no-serve] [--serve-hugo] [--threads-1]
#                [--quiet-wait SECONDS] [--report]
#
# For each size N: generates (once, cached) the herald corpus and its Hugo twin
# with bench/gen_corpus.py, then builds both RUNS times, alternating herald and
# Hugo, each into an emptied output folder, under /usr/bin/time. Prints the
# median wall time, CPU time (user + sys) and peak RSS of each and their
# ratios; the floor (cmark-gfm alone rendering the same Markdown bodies, one
# thread and two, bench/floor.c); and, if `herald serve --help` works, the
# incremental rebuild latency of `herald serve` after editing one advisory
# (bench/serve_latency.py; --serve-hugo measures `hugo server` too).
#
# Raw figures go to WORK/results.csv (one line per run). WORK defaults to
# /dev/shm/herald-bench (tmpfs: the figures measure the generators, not the
# disk; pass --work to build on disk). Runs are sequential; nothing else should
# be using the CPUs meanwhile. Each run also records "foreign" CPU: what the
# rest of the machine used while it ran (from /proc/stat), so a run disturbed
# by other work shows; --quiet-wait S waits up to S seconds before each run
# for the machine to be idle (under 10 % of one core busy for a second).
# --report prints the tables again from WORK/results.csv without running.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
sizes=1000,10000,50000
runs=5
work=/dev/shm/herald-bench
herald=$repo/build/herald
hugo=$(command -v hugo || true)
do_hugo=1
do_serve=1
serve_hugo=0
threads1=0
quiet_wait=0
report_only=0
py=/usr/bin/python3

while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --herald) herald=$2; shift 2 ;;
    --hugo) hugo=$2; shift 2 ;;
    --no-hugo) do_hugo=0; shift ;;
    --no-serve) do_serve=0; shift ;;
    --serve-hugo) serve_hugo=1; shift ;;
    --threads-1) threads1=1; shift ;;
    --quiet-wait) quiet_wait=$2; shift 2 ;;
    --report) report_only=1; do_serve=0; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
[ -x "$herald" ] || { echo "run.sh: no herald binary at $herald (build it, or pass --herald)" >&2; exit 2; }
if [ "$do_hugo" = 1 ] && [ -z "$hugo" ]; then
  echo "run.sh: hugo not found (apt-get install hugo), or pass --no-hugo" >&2; exit 2
fi
mkdir -p "$work"
herald=$(cd "$(dirname "$herald")" && pwd)/$(basename "$herald")

# Everything the builds depend on is fixed: the build time, the thread count.
export SOURCE_DATE_EPOCH=1798761600   # 2027-01-01T00:00:00Z, after every date in the corpus

floor=$work/floor
if [ ! -x "$floor" ] || [ "$here/floor.c" -nt "$floor" ]; then
  cc -O2 -o "$floor" "$here/floor.c" $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions -lpthread
fi

csv=$work/results.csv
[ -f "$csv" ] || echo "n,tool,run,wall_s,user_s,sys_s,maxrss_kb,foreign_cpu_s,files" > "$csv"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(uname -sr)"
echo "herald:  $herald ($("$herald" --version 2>/dev/null | head -1))"
[ "$do_hugo" = 1 ] && echo "hugo:    $("$hugo" version | head -1)"
echo "work:    $work ($(df -T "$work" | awk 'NR==2 {print $2}'))"

# Busy CPU time of the whole machine so far, in clock ticks (USER_HZ, 100 a second).
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

wait_quiet() {
  local deadline=$((SECONDS + quiet_wait)) before
  while [ "$SECONDS" -lt "$deadline" ]; do
    before=$(busy_ticks); sleep 1
    if [ $(( $(busy_ticks) - before )) -le 10 ]; then return 0; fi
  done
  return 0
}

# timed TOOL N RUN OUTDIR -- command...: runs it under /usr/bin/time, appends to
# the CSV (with the number of files in OUTDIR, if any), then deletes OUTDIR.
timed() {
  local tool=$1 n=$2 run=$3 outdir=$4; shift 5
  local tf=$work/.time b0 b1 files=0
  if [ "$quiet_wait" -gt 0 ]; then wait_quiet; fi
  b0=$(busy_ticks)
  if ! /usr/bin/time -f "%e %U %S %M" -o "$tf" "$@" > "$work/.out" 2>&1; then
    echo "run.sh: $tool failed on N=$n:" >&2; tail -20 "$work/.out" >&2; exit 1
  fi
  b1=$(busy_ticks)
  read -r wall user sys rss < "$tf"
  local foreign
  foreign=$(awk -v b="$((b1 - b0))" -v u="$user" -v s="$sys" 'BEGIN {f = b / 100 - u - s; printf "%.2f", f < 0 ? 0 : f}')
  if [ -n "$outdir" ] && [ -d "$outdir" ]; then
    files=$(find "$outdir" -type f | wc -l)
    rm -rf "$outdir"
  fi
  echo "$n,$tool,$run,$wall,$user,$sys,$rss,$foreign,$files" >> "$csv"
}

IFS=, read -r -a size_list <<< "$sizes"
for n in "${size_list[@]}"; do
  site=$work/site-$n hsite=$work/hugo-$n
  stamp=$work/.gen-$n
  if [ "$report_only" = 1 ]; then
    :
  elif [ ! -f "$stamp" ] || [ "$here/gen_corpus.py" -nt "$stamp" ] || [ -n "$(find "$here/hugo" -newer "$stamp" -print -quit)" ]; then
    echo "generating N=$n ..."
    $py "$here/gen_corpus.py" "$n" "$site" --hugo "$hsite"
    touch "$stamp"
  fi
  echo
  echo "== N=$n  (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  [ "$report_only" = 1 ] || sed -i "/^$n,/d" "$csv"
  [ "$report_only" = 1 ] || rm -rf "$work/out-herald" "$work/out-hugo" "$work"/.out-herald.* "$work"/.out-herald.old-*
  for r in $(seq 1 "$runs"); do
    [ "$report_only" = 1 ] && break
    timed herald "$n" "$r" "$work/out-herald" -- "$herald" build "$site" --out "$work/out-herald" --quiet
    if [ "$do_hugo" = 1 ]; then
      rm -rf "$hsite/resources" "$hsite/.hugo_build.lock"
      timed hugo "$n" "$r" "$work/out-hugo" -- "$hugo" --source "$hsite" --destination "$work/out-hugo" --quiet --buildFuture
    fi
    if [ "$threads1" = 1 ]; then
      timed herald-1thread "$n" "$r" "$work/out-herald" -- env HERALD_THREADS=1 "$herald" build "$site" --out "$work/out-herald" --quiet
    fi
    timed floor-1thread "$n" "$r" "" -- "$floor" "$site"
    timed floor-2threads "$n" "$r" "" -- "$floor" -j 2 "$site"
    printf '.'
  done
  [ "$report_only" = 1 ] || echo
  $py - "$csv" "$n" <<'EOF'
import csv, statistics, sys
path, n = sys.argv[1], sys.argv[2]
rows = [r for r in csv.DictReader(open(path)) if r["n"] == n]
# A run is clean when the rest of the machine used under 0.5 s (or 5 % of its
# wall time) of CPU meanwhile; medians are over the clean runs when there are
# any, else over all runs.
clean = lambda r: float(r["foreign_cpu_s"]) <= max(0.5, 0.05 * float(r["wall_s"]))
med = {}
for tool in dict.fromkeys(r["tool"] for r in rows):
    rs = [r for r in rows if r["tool"] == tool]
    total, good = len(rs), [r for r in rs if clean(r)]
    nclean = len(good)
    rs = good or rs
    med[tool] = dict(wall=statistics.median(float(r["wall_s"]) for r in rs), total=total, clean=nclean,
                     cpu=statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in rs),
                     rss=statistics.median(int(r["maxrss_kb"]) for r in rs) / 1024, runs=len(rs),
                     foreign=statistics.median(float(r["foreign_cpu_s"]) for r in rs),
                     files=max(int(r["files"]) for r in rs))
print(f"| N={n} | clean runs | wall (median) | CPU user+sys | peak RSS | files written | foreign CPU |")
print("|---|---|---|---|---|---|---|")
for tool, m in med.items():
    print(f"| {tool} | {m['clean']} of {m['total']} | {m['wall']:.2f} s | {m['cpu']:.2f} s | {m['rss']:.0f} MB | {m['files'] or ''} | {m['foreign']:.2f} s |")
h, g = med.get("herald"), med.get("hugo")
print(f"herald per advisory: {h['wall'] / int(n) * 1000:.3f} ms wall, {h['cpu'] / int(n) * 1000:.3f} ms CPU")
if g:
    print(f"herald/hugo: wall {h['wall'] / g['wall']:.2f}x, CPU {h['cpu'] / g['cpu']:.2f}x, peak RSS {h['rss'] / g['rss']:.2f}x"
          f"   (goal at 10k: wall <= 0.25x, RSS <= 0.20x)")
f1, f2 = med.get("floor-1thread"), med.get("floor-2threads")
if f1:
    print(f"floor (cmark-gfm alone): {f1['cpu']:.2f} s CPU, {f2['wall']:.2f} s wall on 2 threads; "
          f"herald is {h['cpu'] / max(f1['cpu'], 0.01):.1f}x the floor's CPU and {h['wall'] / max(f2['wall'], 0.01):.1f}x its wall time")
EOF
done

# Linearity: time per advisory at each size (from every size in the CSV).
$py - "$csv" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
sizes = sorted({int(r["n"]) for r in rows})
if len(sizes) > 1:
    print()
    print("| per advisory | " + " | ".join(f"N={n}" for n in sizes) + f" | N={sizes[-1]} / N={sizes[0]} |")
    print("|---|" + "---|" * (len(sizes) + 1))
    for tool in ("herald", "hugo"):
        for what, key in (("wall", lambda r: float(r["wall_s"])), ("CPU", lambda r: float(r["user_s"]) + float(r["sys_s"]))):
            per = []
            for n in sizes:
                rs = [r for r in rows if r["tool"] == tool and int(r["n"]) == n]
                rs = [key(r) for r in ([r for r in rs if float(r["foreign_cpu_s"]) <= max(0.5, 0.05 * float(r["wall_s"]))] or rs)]
                per.append(statistics.median(rs) / n * 1000 if rs else None)
            if all(p is None for p in per):
                continue
            cells = " | ".join(f"{p:.3f} ms" if p is not None else "–" for p in per)
            ratio = f"{per[-1] / per[0]:.2f}x" if per[0] and per[-1] else "–"
            print(f"| {tool} {what} | {cells} | {ratio} |")
EOF

if [ "$do_serve" = 1 ]; then
  echo
  if "$herald" serve --help > /dev/null 2>&1; then
    for n in "${size_list[@]}"; do
      [ "$n" -le 10000 ] || continue
      echo "== serve latency, N=$n"
      $py "$here/serve_latency.py" --kind herald --bin "$herald" --site "$work/site-$n" --port 18080 --edits 10 || true
      if [ "$serve_hugo" = 1 ] && [ "$do_hugo" = 1 ]; then
        $py "$here/serve_latency.py" --kind hugo --bin "$hugo" --site "$work/hugo-$n" --port 18081 --edits 5 || true
      fi
    done
  else
    echo "serve latency: skipped ('herald serve --help' fails: not implemented yet)"
  fi
fi
