#!/usr/bin/env bash
# Builds one fuzz target with libFuzzer and AddressSanitizer and runs it for a set time.
#   Fuzz/run.sh json|query|jwt [SECONDS]
# Crashers are written to Fuzz/crashes/TARGET/; copy each into Tests/GraphPermKitTests/Fixtures/fuzz/TARGET/ once
# fixed: the test suite replays them.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: Fuzz/run.sh json|query|jwt [SECONDS]}"
seconds="${2:-60}"
out=".build-fuzz"
mkdir -p "$out" "Fuzz/crashes/$target" "$out/corpus-$target"
# The pure modules, each a static library, in layer order (no SQLite in a fuzz build).
flags=(-O -sanitize=fuzzer,address -parse-as-library -package-name graphperm -I "$out")
for module in GraphPermQuery GraphPermJSON GraphPermCore; do
  swiftc "${flags[@]}" -module-name "$module" -emit-library -static -emit-module \
    -emit-module-path "$out/$module.swiftmodule" $(find Sources/$module -name '*.swift' | sort) \
    -o "$out/lib$module.a" 2>/dev/null
done
swiftc "${flags[@]}" -module-name GraphPermFuzz "Fuzz/$target.swift" \
  "$out/libGraphPermCore.a" "$out/libGraphPermJSON.a" "$out/libGraphPermQuery.a" -o "$out/fuzz-$target" 2>&1 \
  | grep -v "ld.gold: warning" || true
"$out/fuzz-$target" -max_total_time="$seconds" -max_len=65536 -artifact_prefix="Fuzz/crashes/$target/" -print_final_stats=1 "$out/corpus-$target"
