import Foundation
import Testing

/// The explorer in a real browser: headless Chromium loads the main pages, runs a search and a least lookup
/// through their forms' URLs, and saves screenshots (kept in $TMPDIR/graphperm-explorer-screenshots to look at).
@Suite(.serialized, .enabled(if: SnapshotData.isAvailable && Chromium.path != nil, Chromium.skipMessage))
struct ServeBrowserTests {
    static let folder = NSTemporaryDirectory() + "graphperm-explorer-screenshots"

    /// Runs headless Chromium with `arguments` on `url`; its stdout.
    static func browse(_ arguments: [String], _ url: String) throws -> String {
        let profile = TemporaryFolder()
        defer { profile.remove() }
        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: Chromium.path!)
        browser.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--no-first-run", "--user-data-dir=\(profile.path)", "--window-size=1280,900",
            "--virtual-time-budget=3000",
        ] + arguments + [url]
        let output = Pipe()
        browser.standardOutput = output
        browser.standardError = FileHandle.nullDevice
        try browser.run()
        let watchdog = DispatchWorkItem { if browser.isRunning { browser.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        browser.waitUntilExit()
        watchdog.cancel()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func chromiumRendersTheMainPagesAndAnswers() throws {
        let server = try ServerProcess(["--db", SnapshotData.knowledgeBase.location])
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
        let pages = [
            ("home", "/"),
            ("search-mail-read", "/search?q=Mail.Read"),
            ("search-mail", "/search?q=mail"),
            ("least-me-messages", "/least?method=GET&url=https%3A%2F%2Fgraph.microsoft.com%2Fv1.0%2Fme%2Fmessages"),
            ("path-me-messages", "/paths?template=%2Fme%2Fmessages"),
            ("query-who-can", "/query?q=who%20can%20GET%20%2Fusers%2F%7Bid%7D%2Fmessages"),
            ("need", "/need"),
            ("diagnose", "/diagnose"),
        ]
        for (name, path) in pages {
            let file = Self.folder + "/\(name).png"
            try? FileManager.default.removeItem(atPath: file)
            _ = try Self.browse(["--screenshot=\(file)"], base + path)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.count > 10_000, "\(name).png has \(bytes.count) bytes")
            #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(name).png is a PNG")
        }
        // The DOM the browser built: the search went to the permission's page, the lookup shows its answer.
        let search = try Self.browse(["--dump-dom"], base + "/search?q=Mail.Read")
        #expect(search.contains("<h1>Mail.Read</h1>"))
        #expect(search.contains("Narrower permissions"))
        let least = try Self.browse(["--dump-dom"], base + pages[3].1)
        #expect(least.contains("Mail.ReadBasic"))
        #expect(least.contains("/paths?template=%2Fme%2Fmessages"))
    }
}

/// Where Chromium is installed, if it is.
enum Chromium {
    static let skipMessage: Comment = "skipped: needs Microsoft's permission files and Chromium (apt-get install chromium)"

    static var path: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}
