#!/usr/bin/env bash
# Runs the benchmarks and prints each one's wall-clock median and p95 (the default text report gives p90 and p99).
#   Benchmarks/percentiles.sh [benchmark options, e.g. --filter "lookup.*"]
# Build the release binary first (swift build -c release in the repository) for the process benchmarks.
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift package --allow-writing-to-package-directory benchmark --no-progress --format histogramPercentiles --path "$out" "$@" >/dev/null
for file in "$out"/*.wallClock.histogram.percentiles.tsv; do
  name=$(basename "$file" .wallClock.histogram.percentiles.tsv)
  awk -F'\t' -v name="${name#*.GraphPermBenchmarks.}" '
    NR == 1 { unit = $2; sub(/^Time \(wall clock\) /, "", unit); sub(/ \*$/, "", unit) }
    $1 == 50 { median = $2 }
    $1 == 95 { p95 = $2 }
    END { printf "%-85s median %8s  p95 %8s %s\n", name, median, p95, unit }' "$file"
done
