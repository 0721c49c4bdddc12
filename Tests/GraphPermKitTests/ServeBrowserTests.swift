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

/// The explorer driven as a user drives it, over Chromium's DevTools protocol (`Support/cdp_drive.py`): typing into
/// the search box shows suggestions (the page's script), and the need form uploads a HAR file picked into its file
/// input, with no script involved.
@Suite(.serialized, .enabled(if: SnapshotData.isAvailable && Chromium.path != nil && Python.isAvailable,
                             "skipped: needs Microsoft's permission files, Chromium and python3"))
struct ServeBrowserInteractionTests {
    /// Runs the driver in `mode` on `url` with `value`; its JSON answer.
    static func drive(_ mode: String, _ url: String, _ value: String, screenshot: String) throws -> [String: Any] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Support/cdp_drive.py").path
        let driver = Process()
        driver.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        driver.arguments = ["python3", script, Chromium.path!, mode, url, value, screenshot]
        let output = Pipe(), errors = Pipe()
        driver.standardOutput = output
        driver.standardError = errors
        try driver.run()
        let watchdog = DispatchWorkItem { if driver.isRunning { driver.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        driver.waitUntilExit()
        watchdog.cancel()
        guard driver.terminationStatus == 0,
              let answer = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw ServerProcess.ServerError(message: "cdp_drive.py \(mode) failed: \(problem)")
        }
        return answer
    }

    /// A screenshot file: a PNG of some size.
    static func expectScreenshot(_ path: String) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.count > 10_000, "\(path) has \(bytes.count) bytes")
        #expect(bytes.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]), "\(path) is a PNG")
    }

    @Test func typingInTheSearchBoxSuggestsPermissions() throws {
        let server = try ServerProcess(["--db", SnapshotData.knowledgeBase.location])
        defer { server.stop() }
        try FileManager.default.createDirectory(atPath: ServeBrowserTests.folder, withIntermediateDirectories: true)
        let shot = ServeBrowserTests.folder + "/typing-mail-rea.png"
        let answer = try Self.drive("type", "http://127.0.0.1:\(server.port)/", "Mail.Rea", screenshot: shot)
        #expect(answer["typed"] as? String == "Mail.Rea")
        let hits = try #require(answer["suggestions"] as? [[String: String]])
        // Names starting with what was typed come first, in the knowledge base's order; each links to its page.
        #expect(hits.first?["label"] == "Mail.Read", "\(hits)")
        #expect(hits.first?["href"] == "/permissions/Mail.Read")
        #expect(hits.first?["kind"] == "permission")
        #expect(hits.contains { $0["label"] == "Mail.ReadWrite" })
        #expect(hits.allSatisfy { ($0["label"] ?? "").lowercased().contains("mail.rea") || $0["kind"] != "permission" })
        try Self.expectScreenshot(shot)

        // A path suggests its least-privilege lookup; typed markup stays text.
        let pathShot = ServeBrowserTests.folder + "/typing-path.png"
        let path = try Self.drive("type", "http://127.0.0.1:\(server.port)/least", "/me/messages", screenshot: pathShot)
        let pathHits = try #require(path["suggestions"] as? [[String: String]])
        #expect(pathHits.first?["href"] == "/least?method=GET&url=%2Fme%2Fmessages", "\(pathHits)")
        #expect(pathHits.contains { $0["kind"] == "path" && $0["label"] == "/me/messages" })
        let hostile = try Self.drive("type", "http://127.0.0.1:\(server.port)/", "/x<img src=y onerror=alert(1)>",
                                     screenshot: ServeBrowserTests.folder + "/typing-hostile.png")
        #expect(hostile["hasMarkupFromInput"] as? Bool == false)
        let hostileHits = try #require(hostile["suggestions"] as? [[String: String]])
        #expect(hostileHits.first?["label"]?.contains("<img src=y") == true, "\(hostileHits)")
    }

    @Test func theNeedFormUploadsAHARFileWithoutScript() throws {
        let server = try ServerProcess(["--db", SnapshotData.knowledgeBase.location])
        defer { server.stop() }
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let har = folder.file("session <1>.har", ServeNeedUploadTests.har)
        try FileManager.default.createDirectory(atPath: ServeBrowserTests.folder, withIntermediateDirectories: true)
        let shot = ServeBrowserTests.folder + "/need-har-upload.png"
        let page = try Self.drive("upload", "http://127.0.0.1:\(server.port)/need", har, screenshot: shot)
        #expect(page["url"] as? String == "http://127.0.0.1:\(server.port)/need")
        let text = try #require(page["text"] as? String)
        #expect(text.contains("Read 3 calls from session <1>.har."), "\(text.prefix(600))")
        #expect(text.contains("Mail.ReadBasic") || text.contains("Mail.Read"))
        #expect(text.contains("Calendars."))
        let html = try #require(page["html"] as? String)
        #expect(html.contains("session &lt;1&gt;.har"))
        #expect(!html.contains("<img src=x"))
        try Self.expectScreenshot(shot)
    }
}

/// Where Chromium is installed, if it is.
enum Chromium {
    static let skipMessage: Comment =
        "skipped: needs Microsoft's permission files and Chromium (apt-get install chromium)"

    static var path: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}
