// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "graphperm",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GraphPermKit", targets: ["GraphPermKit"]),
        .library(name: "GraphPermQuery", targets: ["GraphPermQuery"]),
        .executable(name: "graphperm", targets: ["graphperm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .target(name: "GraphPermQuery"),
        // SHA-256 with the processor's SHA instructions (the file digests of a load: 5 MB). DWARF 4 debug information,
        // which valgrind 3.19 (the profiler the README names) can read.
        .target(name: "CSHA256", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        // zlib (system library), which inflates the gzip snapshot compiled into the binary (Generated/EmbeddedSnapshot.swift).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(
            name: "GraphPermKit",
            dependencies: [
                "GraphPermQuery",
                "CSHA256",
                "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
            // Schema/, Data/ and Queries/ are compiled in (Generated/EmbeddedResources.swift, Scripts/embed-resources.sh),
            // so an installed binary needs no resource bundle.
        ),
        .target(
            name: "GraphPermSync",
            dependencies: ["GraphPermKit"]
        ),
        .target(
            name: "GraphPermCommandLine",
            dependencies: ["GraphPermKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "graphperm",
            dependencies: [
                "GraphPermKit",
                "GraphPermQuery",
                "GraphPermCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime and Foundation linked in: a one-shot lookup starts in about 6 ms instead of 15 ms.
            // Position-dependent, so that the loader has no 83,000 relocations to apply at each start (about 1.5 ms).
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie"], .when(configuration: .release))]
        ),
        // `graphperm sync` runs this helper, so that only it links the networking libraries (and their start-up cost).
        .executableTarget(
            name: "graphperm-sync",
            dependencies: [
                "GraphPermSync",
                "GraphPermCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GraphPermKitTests",
            dependencies: ["GraphPermKit", "GraphPermQuery", "GraphPermSync", "graphperm", "graphperm-sync"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
