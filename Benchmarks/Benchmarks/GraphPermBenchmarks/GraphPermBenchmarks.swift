import Benchmark
import Foundation
import GraphPermKit
import GraphPermQuery

/// Microsoft's permission files: `$GRAPHPERM_DATA`, else `../shared/graph-data` beside the repository.
let dataDirectory: String = {
    if let path = ProcessInfo.processInfo.environment["GRAPHPERM_DATA"], !path.isEmpty { return path }
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    return repository.deletingLastPathComponent().appendingPathComponent("shared/graph-data").path
}()

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
let binary = repositoryRoot + "/.build/release/graphperm"
let databasePath = NSTemporaryDirectory() + "graphperm-benchmark.sqlite"

/// The snapshot loaded once; the benchmarks that query share it.
let knowledgeBase: KnowledgeBase? = {
    guard FileManager.default.fileExists(atPath: dataDirectory + "/permissions.json") else {
        print("skipped: Microsoft's permission files are not at \(dataDirectory) (set GRAPHPERM_DATA)")
        return nil
    }
    try! KnowledgeBase.build(from: [dataDirectory], at: databasePath)
    let kb = try! KnowledgeBase.open(path: databasePath)
    _ = try! kb.matcher()
    return kb
}()

/// Concrete URLs made from the snapshot's templates with a fixed seed.
let sampleURLs = makeSampleURLs(count: 10_000)

/// `count` (method, URL) pairs: random templates of the snapshot with random IDs (fixed seed).
func makeSampleURLs(count: Int) -> [(String, String)] {
    guard let kb = knowledgeBase else { return [] }
    let rows = try! kb.execute(
        PlannedQuery(
            sql:
                """
                SELECT DISTINCT g.method, t.template FROM grants g JOIN path_template t ON t.id = g.template_id ORDER \
                BY t.id, g.method
                """,
            arguments: [])
    ).rows
    var state: UInt64 = 42
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    return (0..<count).map { _ in
        let row = rows[Int(next() % UInt64(rows.count))]
        var url = ""
        var inBraces = false
        for character in row[1] {
            if character == "{" { inBraces = true; url += "id\(next() % 1_000_000_000)"; continue }
            if character == "}" { inBraces = false; continue }
            if !inBraces { url.append(character) }
        }
        return (row[0], "https://graph.microsoft.com/v1.0" + url.replacingOccurrences(of: " ", with: "%20"))
    }
}

func runProcess(_ arguments: [String], input: String? = nil) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.environment = ["GRAPHPERM_DB": databasePath, "HOME": NSTemporaryDirectory()]
    let stdin = Pipe()
    process.standardInput = stdin
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try! process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try! stdin.fileHandleForWriting.close()
    process.waitUntilExit()
}

let claims: TokenClaims = {
    let payload =
        #"{"aud": "https://graph.microsoft.com", "exp": 1900000000, "idtyp": "user", "scp": "User.Read Mail.Read", "#
        + #""tid": "72f988bf-86f1-41af-91ab-2d7cd011db47"}"#
    guard case .object(let object) = try! JSONParser.parse(Array(payload.utf8)) else { fatalError() }
    return TokenClaims(payload: object)
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
                                           maxDuration: .seconds(10), maxIterations: 1_000_000)
    guard let kb = knowledgeBase else { return }
    let hasBinary = FileManager.default.isExecutableFile(atPath: binary)
    if !hasBinary {
        print("process benchmarks skipped: build \(binary) first (swift build -c release in the repository)")
    }

    // The resident-memory delta leaves out what the process held before (the knowledge base the other benchmarks
    // share).
    let loadMetrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .peakMemoryResident, .peakMemoryResidentDelta]
    Benchmark("load: four snapshot files into a new knowledge base",
              configuration: .init(metrics: loadMetrics, maxDuration: .seconds(20), maxIterations: 30)) { benchmark in
        let target = NSTemporaryDirectory() + "graphperm-benchmark-load.sqlite"
        for _ in benchmark.scaledIterations {
            blackHole(try KnowledgeBase.build(from: [dataDirectory], at: target))
        }
    }

    Benchmark("lookup: least privilege for a concrete URL (in-process)", configuration: .init(scalingFactor: .kilo)) {
        benchmark in
        var index = 0
        for _ in benchmark.scaledIterations {
            let (method, url) = sampleURLs[index % sampleURLs.count]
            index += 1
            blackHole(try? kb.least(method: method, target: url))
        }
    }

    Benchmark("who can GET /me/messages (in-process)") { benchmark in
        let statement = try Parser.parse("who can GET /me/messages")
        for _ in benchmark.scaledIterations { blackHole(try kb.run(statement)) }
    }

    Benchmark("permissions where ... (filtered listing, in-process)") { benchmark in
        let statement = try Parser.parse(
            "permissions where resource = 'Mail' and scheme = delegated and admin_consent = false order by name")
        for _ in benchmark.scaledIterations { blackHole(try kb.run(statement)) }
    }

    Benchmark("parse + plan of a typical statement", configuration: .init(scalingFactor: .kilo)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try Planner.plan(
                    try Parser.parse(
                        """
                        permissions where resource = 'Mail' and scheme = delegated and admin_consent = false order by \
                        name limit 20
                        """
                    )))
        }
    }

    Benchmark(
        "reference api for the whole snapshot", configuration: .init(maxDuration: .seconds(20), maxIterations: 20)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try kb.reference(.api)) }
    }

    Benchmark("diagnose GET /security/alerts (in-process)") { benchmark in
        let diagnoser = Diagnoser(kb: kb)
        for _ in benchmark.scaledIterations {
            blackHole(
                try diagnoser.diagnose(
                    method: "GET", url: "https://graph.microsoft.com/v1.0/security/alerts", claims: claims))
        }
    }

    guard hasBinary else { return }

    Benchmark(
        "one-shot process: graphperm least GET /me/messages",
        configuration: .init(maxDuration: .seconds(15), maxIterations: 200)
    ) { benchmark in
        for _ in benchmark.scaledIterations { runProcess(["least", "GET", "/me/messages", "--format", "json"]) }
    }

    let batch = makeSampleURLs(count: 100_000).map { "\($0.0) \($0.1)" }.joined(separator: "\n") + "\n"
    Benchmark(
        "batch process: graphperm least --batch, 100,000 distinct lookups per iteration",
        configuration: .init(maxDuration: .seconds(30), maxIterations: 20)
    ) { benchmark in
        for _ in benchmark.scaledIterations { runProcess(["least", "--batch"], input: batch) }
    }

    // 1,000 requests copied from real projects' code (the test corpus, cycled), a quarter of them undocumented
    // calls or other hosts: misses must stay cheap.
    let corpus =
        (try? String(
            contentsOf: URL(fileURLWithPath: repositoryRoot + "/Tests/GraphPermKitTests/Fixtures/real-requests.jsonl"),
                              encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    let realBatch = (0..<1_000).map { corpus.isEmpty ? "" : corpus[$0 % corpus.count] }.joined(separator: "\n") + "\n"
    Benchmark(
        "batch process: graphperm least --batch, 1,000 real requests with misses",
        configuration: .init(maxDuration: .seconds(15), maxIterations: 50)
    ) { benchmark in
        for _ in benchmark.scaledIterations { runProcess(["least", "--batch"], input: realBatch) }
    }

    Benchmark(
        "one-shot process: graphperm diagnose", configuration: .init(maxDuration: .seconds(15), maxIterations: 200)
    ) { benchmark in
        let claimsFile = NSTemporaryDirectory() + "graphperm-benchmark-claims.json"
        try #"{"aud": "https://graph.microsoft.com", "exp": 1900000000, "idtyp": "user", "scp": "User.Read"}"#.write(
            toFile: claimsFile, atomically: true, encoding: .utf8)
        for _ in benchmark.scaledIterations {
            runProcess(["diagnose", "GET", "/security/alerts", "--claims", claimsFile, "--format", "json"])
        }
    }
}
