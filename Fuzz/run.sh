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
query_sources=$(ls Sources/GraphPermQuery/*.swift)
kit_sources="Sources/GraphPermKit/Loading/FuzzTargets.swift Sources/GraphPermKit/Loading/JSONValue.swift Sources/GraphPermKit/Loading/JSONParser.swift
  Sources/GraphPermKit/Loading/JSONReader.swift Sources/GraphPermKit/Loading/LoadError.swift Sources/GraphPermKit/Loading/KnowledgeLoader.swift
  Sources/GraphPermKit/Loading/PermissionsDocumentLoader.swift Sources/GraphPermKit/Loading/ScopeListLoaders.swift Sources/GraphPermKit/Loading/SourceFile.swift
  Sources/GraphPermKit/Loading/SHA256.swift Sources/GraphPermKit/Loading/EmbeddedDataLoader.swift Sources/GraphPermKit/Loading/CSVReader.swift
  $(ls Sources/GraphPermKit/Model/*.swift) $(ls Sources/GraphPermKit/Matching/*.swift) Sources/GraphPermKit/Diagnosis/JWT.swift
  Sources/GraphPermKit/Diagnosis/TokenClaims.swift Sources/GraphPermKit/Diagnosis/TokenValidity.swift
  Sources/GraphPermKit/Diagnosis/Diagnosis.swift Sources/GraphPermKit/Diagnosis/ClaimsReport.swift
  Sources/GraphPermKit/Output/OutputFormat.swift
  Sources/GraphPermKit/ConcurrentMap.swift Sources/GraphPermKit/BackgroundValue.swift"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name GraphPermQuery -emit-library -static \
  -emit-module -emit-module-path "$out/GraphPermQuery.swiftmodule" $query_sources -o "$out/libGraphPermQuery.a" 2>/dev/null
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name GraphPermFuzz -I "$out" \
  $kit_sources "Fuzz/$target.swift" "$out/libGraphPermQuery.a" -o "$out/fuzz-$target" 2>&1 | grep -v "ld.gold: warning" || true
"$out/fuzz-$target" -max_total_time="$seconds" -max_len=65536 -artifact_prefix="Fuzz/crashes/$target/" -print_final_stats=1 "$out/corpus-$target"
