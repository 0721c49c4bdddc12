import Foundation
import Testing
@testable import GraphPermSync

/// `Retry-After` as Graph and web servers send it: seconds, or an HTTP date counted from now.
struct RetryAfterTests {
    /// 2026-10-21 07:27:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_792_567_620)

    @Test(arguments: [
        ("120", 120.0), (" 5 ", 5.0), ("0", 0.0),
        ("Wed, 21 Oct 2026 07:28:00 GMT", 60.0), ("Wed, 21 Oct 2026 07:26:30 GMT", -30.0),
    ])
    func bothFormsAreSecondsFromNow(header: String, expected: Double) {
        #expect(RetryAfter.seconds(header, now: Self.now) == expected)
    }

    @Test(arguments: ["", "soon", "Wed, 21 Oct 2026", "2026-10-21T07:28:00Z", "nan", "inf", "１２"])
    func anythingElseIsNoAnswer(header: String) {
        #expect(RetryAfter.seconds(header, now: Self.now) == nil)
    }

    @Test func noHeaderIsNoAnswer() {
        #expect(RetryAfter.seconds(nil, now: Self.now) == nil)
    }
}
