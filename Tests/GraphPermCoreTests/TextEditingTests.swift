import Foundation
import Testing
@testable import GraphPermCore

/// Text trimmed and padded for tables, and dates written and read as ISO 8601 in UTC.
struct TextEditingTests {
    @Test(arguments: [
        ("  Mail.Read \r\n", "Mail.Read"),
        ("\tUser.Read.All", "User.Read.All"),
        ("Mail.Read", "Mail.Read"),
        ("  a b  ", "a b"),
        ("", ""),
        (" \t\r\n ", ""),
    ])
    func trimmedRemovesWhiteSpaceAtEitherEndOnly(text: String, expected: String) {
        #expect(text.trimmed() == expected)
    }

    @Test func aSubstringIsTrimmedToo() {
        let line = "least GET /me ;"
        #expect(line.dropFirst(5).dropLast().trimmed() == "GET /me")
    }

    @Test func paddedFillsWithSpacesToTheWidth() {
        #expect("GET".padded(to: 6) == "GET   ")
        #expect("".padded(to: 2) == "  ")
    }

    @Test func paddedCutsLongerTextAndLeavesExactTextAlone() {
        #expect("DELETE".padded(to: 3) == "DEL")
        #expect("PATCH".padded(to: 5) == "PATCH")
        #expect("PATCH".padded(to: 0) == "")
    }

    @Test func paddedCountsCharactersNotBytes() {
        #expect("Zoë".padded(to: 5) == "Zoë  ")
        #expect("Zoë".padded(to: 4) == "Zoë ")
        #expect("日本語テキスト".padded(to: 3) == "日本語")
    }

    @Test func aDateIsWrittenInUTCToTheSecond() {
        #expect(Date(timeIntervalSince1970: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(Date(timeIntervalSince1970: 1_796_029_574.75).iso8601 == "2026-11-30T09:06:14Z")
    }

    @Test func aTimestampReadsBackAsTheSameSecond() throws {
        let date = try #require(Date(iso8601: "2026-11-30T09:06:14Z"))
        #expect(date.timeIntervalSince1970 == 1_796_029_574)
        #expect(date.iso8601 == "2026-11-30T09:06:14Z")
    }

    @Test func aTimestampWithAnOffsetIsReadInUTC() throws {
        let date = try #require(Date(iso8601: "2026-11-30T11:06:14+02:00"))
        #expect(date.iso8601 == "2026-11-30T09:06:14Z")
    }

    @Test(arguments: ["", "yesterday", "2026-11-30", "2026-11-30T09:06:14", "2026-13-01T00:00:00Z", "30/11/2026"])
    func otherTextIsNoDate(text: String) {
        #expect(Date(iso8601: text) == nil)
    }

    /// Foundation alone reads these as a later day or hour (2026-02-30 as 2026-03-02).
    @Test(arguments: [
        "2026-02-30T00:00:00Z", "2026-02-29T12:00:00Z", "2026-04-31T10:00:00Z", "2026-11-30T24:00:00Z",
        "2026-11-30T09:60:00Z", "2026-11-30T09:06:60Z", "2026-11-31T09:06:14+02:00",
    ])
    func aDayOrTimeThatIsNotInTheCalendarIsNoDate(text: String) {
        #expect(Date(iso8601: text) == nil)
    }

    @Test func aLeapDayAndTheLastSecondOfADayAreDates() {
        #expect(Date(iso8601: "2028-02-29T12:00:00Z")?.iso8601 == "2028-02-29T12:00:00Z")
        #expect(Date(iso8601: "2026-12-31T23:59:59Z")?.iso8601 == "2026-12-31T23:59:59Z")
        #expect(Date(iso8601: "2026-11-30T09:06:14.5Z")?.iso8601 == "2026-11-30T09:06:14Z")
    }
}
