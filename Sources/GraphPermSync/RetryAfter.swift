import Foundation

/// How long a 429 or 503 answer asks to wait: `Retry-After` as seconds (`120`) or as an HTTP date
/// (`Wed, 21 Oct 2026 07:28:00 GMT`, RFC 9110 §10.2.3), counted from `now`; nil when the header is absent or
/// neither form.
///
///     RetryAfter.seconds("120", now: now)                            // 120
///     RetryAfter.seconds("Wed, 21 Oct 2026 07:28:00 GMT", now: now)  // the seconds until then (negative: past)
enum RetryAfter {
    static func seconds(_ header: String?, now: Date = Date()) -> Double? {
        guard let value = header?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.allSatisfy(\.isASCII), let seconds = Double(value), seconds.isFinite { return seconds }
        return httpDate.date(from: value).map { $0.timeIntervalSince(now) }
    }

    /// IMF-fixdate, the form HTTP dates take.
    private static let httpDate: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }()
}
