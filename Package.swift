// swift-tools-version: 6.2
import PackageDescription

// The layers, each a module the compiler guards (README, "Architecture"):
//   GraphPermQuery  the query language: lexer, parser, planner, SQL text. Pure.
//   GraphPermJSON   the strict JSON parser with located errors. Pure.
//   GraphPermCore   values and rules: permissions, schemes, matching, least privilege, set cover, diagnosis. Pure.
//   GraphPermStore  the SQLite knowledge base: schema, importer, atomic writer, typed reads. The only SQLite user
//                   (its SQLite/ folder wraps the C library: connection, cached statements, rows by column name).
//   GraphPermKit    the front door for Swift programs: open or build a knowledge base, ask it, render answers.
//   GraphPermSync   downloads (libcurl at run time), for the graphperm-sync helper.
//   GraphPermCLI    the commands, their options and the REPL; graphperm and graphperm-sync are thin mains.
//   graphperm-mcp   the MCP server over stdio (`graphperm mcp` runs it), the only user of the MCP SDK.
//   GraphPermWeb    the explorer's pages and API answers as values (HTML, JSON, routes); no networking.
//   graphperm-serve the HTTP server (Hummingbird) over GraphPermWeb, run by `graphperm serve`.
// graphperm-sync and graphperm-serve link the Swift runtime and Foundation in a release build, so an installed
// helper stands alone (and answers faster: no calls through the dynamic linker's tables).
let staticRuntime = (
    swift: [SwiftSetting.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
    linker: [LinkerSetting.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
)

let package = Package(
    name: "graphperm",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GraphPermKit", targets: ["GraphPermKit"]),
        .library(name: "GraphPermQuery", targets: ["GraphPermQuery"]),
        .executable(name: "graphperm", targets: ["graphperm"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
        // Only graphperm-serve links it (NIO); no swift-configuration (the ConfigurationSupport trait is off).
        .package(
            url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: ["FullFoundation"]),
        // NIO's HTTP/1 types for graphperm-serve's fast path (the versions Hummingbird resolves to).
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", exact: "1.35.2"),
    ],
    targets: [
        .target(name: "GraphPermQuery"),
        // FoundationEssentials (or Foundation where it is missing) and the C library, for the modules graphperm links.
        .target(name: "GraphPermPlatform"),
        .target(name: "GraphPermJSON", dependencies: ["GraphPermQuery", "GraphPermPlatform"]),
        .target(name: "GraphPermCore", dependencies: ["GraphPermQuery", "GraphPermJSON", "GraphPermPlatform"]),
        // zlib (system library), which inflates the gzip snapshot compiled into the binary.
        // SQLite (system library), the knowledge base's engine, wrapped by GraphPermStore/SQLite.
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(
            name: "GraphPermStore",
            dependencies: [
                "GraphPermQuery", "GraphPermJSON", "GraphPermCore", "GraphPermPlatform", "CZlib", "CSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
            // Schema/, Data/ and Queries/ are compiled in (Generated/, Scripts/embed-resources.sh), so an installed
            // binary needs no resource bundle.
        ),
        .target(
            name: "GraphPermKit",
            dependencies: ["GraphPermQuery", "GraphPermJSON", "GraphPermCore", "GraphPermStore", "GraphPermPlatform"]),
        .target(name: "GraphPermSync", dependencies: ["GraphPermKit", "GraphPermStore"]),
        .target(
            name: "GraphPermCLI",
            dependencies: [
                "GraphPermKit", "GraphPermStore", "GraphPermQuery", "GraphPermPlatform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "graphperm",
            dependencies: ["GraphPermCLI"],
            // The Swift runtime linked in: a one-shot lookup starts in about 6 ms instead of 15 ms. Every module it
            // links imports GraphPermPlatform (FoundationEssentials), never Foundation, which would bring ICU's 34 MB
            // of data with it.
            // Position-dependent, so that the loader has no 83,000 relocations to apply at each start (about 1.5 ms).
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [
                .unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie"], .when(configuration: .release)),
            ]
        ),
        // `graphperm sync` runs this helper, so that only it links the networking libraries (and their start-up cost).
        .executableTarget(
            name: "graphperm-sync", dependencies: ["GraphPermSync", "GraphPermCLI", "GraphPermStore"],
            swiftSettings: staticRuntime.swift, linkerSettings: staticRuntime.linker),
        // `graphperm mcp` runs this helper, so that only it links the MCP SDK.
        .executableTarget(
            name: "graphperm-mcp",
            dependencies: [
                "GraphPermKit", "GraphPermCLI", "GraphPermStore", "GraphPermQuery",
                .product(name: "MCP", package: "swift-sdk"),
            ]
            // Not linked statically: the MCP SDK brings FoundationNetworking, whose static library needs libcurl's.
        ),
        .target(
            name: "GraphPermWeb",
            dependencies: [
                "GraphPermKit", "GraphPermCore", "GraphPermQuery", "GraphPermJSON", "GraphPermStore", "GraphPermCLI",
            ]
        ),
        // `graphperm serve` runs this helper, so that only it links NIO and Hummingbird.
        .executableTarget(
            name: "graphperm-serve",
            dependencies: [
                "GraphPermWeb", "GraphPermKit", "GraphPermCLI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime linked in: no calls through the dynamic linker's tables on each request.
            swiftSettings: staticRuntime.swift, linkerSettings: staticRuntime.linker
        ),
        // Unit tests mirror the modules (Tests/<Module>Tests/<File>Tests.swift); GraphPermKitTests also holds the
        // integration tests, which run the built executables against real data.
        .testTarget(name: "GraphPermQueryTests", dependencies: ["GraphPermQuery"]),
        .testTarget(name: "GraphPermJSONTests", dependencies: ["GraphPermJSON"]),
        .testTarget(name: "GraphPermCoreTests", dependencies: ["GraphPermCore", "GraphPermJSON", "GraphPermQuery"]),
        .testTarget(name: "GraphPermStoreTests", dependencies: ["GraphPermStore"]),
        .testTarget(name: "GraphPermCLITests", dependencies: ["GraphPermCLI"]),
        .testTarget(
            name: "GraphPermKitTests",
            dependencies: [
                "GraphPermKit", "GraphPermQuery", "GraphPermJSON", "GraphPermCore", "GraphPermStore", "GraphPermSync",
                "GraphPermCLI", "GraphPermWeb", "graphperm", "graphperm-sync", "graphperm-mcp", "graphperm-serve",
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
