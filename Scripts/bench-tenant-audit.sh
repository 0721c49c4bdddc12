#!/usr/bin/env bash
# Times `graphperm audit --tenant` on synthetic exports of 1,000, 10,000 and 50,000 apps (or the sizes given).
#
#     Scripts/bench-tenant-audit.sh [--bin DIR] [--runs N] [--exports DIR] [SIZE ...]
#
# Writes each export once with Scripts/make_tenant_export.py --seed 1 --plant (one page per 1,000 apps) into
# DIR (default /tmp/graphperm-tenant-exports), then runs DIR/graphperm (default the release build) N times
# (default 3) per size with --format json to /dev/null, under /usr/bin/time, and prints one line per run: wall
# seconds, user and system CPU seconds, peak memory, and the load average when the run started (the machine may
# be shared: wall time under load is not CPU time). Needs python3 and ../shared/graph-data.
set -euo pipefail
usage() { echo "usage: Scripts/bench-tenant-audit.sh [--bin DIR] [--runs N] [--exports DIR] [SIZE ...]" >&2; exit 64; }
here="$(cd "$(dirname "$0")" && pwd)"
bin="$here/../.build/release"; runs=3; exports="/tmp/graphperm-tenant-exports"; sizes=()
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) [ $# -ge 2 ] || usage; bin="$2"; shift 2 ;;
        --runs) [ $# -ge 2 ] || usage; runs="$2"; shift 2 ;;
        --exports) [ $# -ge 2 ] || usage; exports="$2"; shift 2 ;;
        -*) usage ;;
        *) sizes+=("$1"); shift ;;
    esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
graph_sp="${GRAPHPERM_DATA:-$here/../../shared/graph-data}/servicePrincipal.json"
[ -f "$graph_sp" ] || { echo "bench-tenant-audit.sh: $graph_sp is missing (set GRAPHPERM_DATA)" >&2; exit 74; }
[ -x "$bin/graphperm" ] || {
    echo "bench-tenant-audit.sh: $bin/graphperm is missing (swift build -c release)" >&2
    exit 74
}
mkdir -p "$exports"
for size in "${sizes[@]}"; do
    folder="$exports/apps-$size"
    if [ ! -f "$folder/servicePrincipals.json" ]; then
        pages=$(( size / 1000 > 0 ? size / 1000 : 1 ))
        python3 "$here/make_tenant_export.py" --apps "$size" --seed 1 --plant --pages "$pages" \
            --graph-sp "$graph_sp" "$folder" > /dev/null
    fi
    for run in $(seq "$runs"); do
        load="$(cut -d' ' -f1-3 /proc/loadavg)"
        # Exit 1 means an app is at Tier 0 (the planted chain guarantees one): not a failure here.
        /usr/bin/time -f "%e %U %S %M" -o /tmp/graphperm-bench-time.$$ \
            "$bin/graphperm" audit --tenant "$folder" --today 2026-08-07 --format json > /dev/null 2>&1 || true
        read -r wall user sys kb < <(tail -n 1 /tmp/graphperm-bench-time.$$)
        printf '%6s apps  run %s  wall %6.2f s  cpu %5.2f s (user %5.2f, sys %4.2f)  %4d MB  load %s\n' \
            "$size" "$run" "$wall" "$(echo "$user + $sys" | bc)" "$user" "$sys" $(( kb / 1024 )) "$load"
    done
done
rm -f /tmp/graphperm-bench-time.$$
