// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// The root package is a path dependency; its identity is the name of the folder it was cloned into.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// Benchmarks of graphperm (ordo-one/benchmark). Run from this folder:
//   swift package --allow-writing-to-package-directory benchmark
// They read Microsoft's permission files from ../../shared/graph-data or $GRAPHPERM_DATA.
let package = Package(
    name: "GraphPermBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "GraphPermBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "GraphPermKit", package: root),
                .product(name: "GraphPermQuery", package: root),
            ],
            path: "Benchmarks/GraphPermBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
