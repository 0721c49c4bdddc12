import GraphPermPlatform
import GraphPermCore
import GraphPermJSON

/// The snapshot of Microsoft's permission facts compiled into graphperm (`Generated/EmbeddedSnapshot.swift`, its
/// source in `Data/snapshot/SOURCE.json`, both written by `Scripts/update-snapshot.sh`): Microsoft's permissions
/// document, provisioning info and permission lists reduced to facts, read by the same loader as Microsoft's files.
/// A fresh install builds its knowledge base from it.
///
///     Snapshot.date            // "2026-08-07"
///     Snapshot.summary         // "microsoft-graph-devx-content 6cbd6bbd665a of 2026-08-07"
///     try Snapshot.documents().count  // 3
package enum Snapshot {
    /// The repository the files came from, `microsoftgraph/microsoft-graph-devx-content`.
    package static var repository: String { EmbeddedSnapshot.repository }
    /// Its commit, as given to the script (`unknown` when it was not).
    package static var commit: String { EmbeddedSnapshot.commit }
    /// The date of that commit (or of the script's run when none was given), `YYYY-MM-DD`.
    package static var date: String { EmbeddedSnapshot.date }

    /// One line naming the snapshot: repository, commit and date.
    package static var summary: String {
        "\(repository.split(separator: "/").last.map(String.init) ?? repository) \(commit.prefix(12)) of \(date)"
    }

    /// How a load records the snapshot's documents: `embedded:snapshot/2026-08-07/6cbd6bbd665a/permissions.json`.
    package static var locationPrefix: String { "embedded:snapshot/\(date)/\(commit.prefix(12))/" }

    /// The reduced documents, inflated, each with the location a load records.
    package static func documents() throws(LoadError) -> [LoadInput] {
        var documents: [LoadInput] = []
        for file in EmbeddedSnapshot.files {
            let location = locationPrefix + file.name
            guard let data = Data(base64Encoded: file.gzipBase64) else {
                throw LoadError.data(
                    file: location, place: "$", message: "expected base64 (Generated/EmbeddedSnapshot.swift is damaged)"
                )
            }
            documents.append(.document(location: location, bytes: try Gzip.decompress([UInt8](data), file: location)))
        }
        return documents
    }

    /// The date and commit of the snapshot a recorded location names (`embedded:snapshot/DATE/COMMIT/NAME`), if any.
    ///
    ///     Snapshot.origin(ofLocation: "embedded:snapshot/2026-08-07/6cbd6bbd665a/permissions.json")
    ///     // ("2026-08-07", "6cbd6bbd665a")
    package static func origin(ofLocation location: String) -> (date: String, commit: String)? {
        guard location.hasPrefix("embedded:snapshot/") else { return nil }
        let parts = location.dropFirst("embedded:snapshot/".count).split(separator: "/")
        guard parts.count >= 3 else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// Whole days from `date` (`YYYY-MM-DD`, UTC) to `now`; nil when `date` is not such a date. Plain arithmetic on
    /// the civil calendar: no date formatter (ICU) at start-up.
    ///
    ///     Snapshot.age(of: "2026-08-07", now: Date(timeIntervalSince1970: 1_795_996_800))  // 115 (2026-11-30)
    package static func age(of date: String, now: Date = Date()) -> Int? {
        let parts = date.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let today = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
        return today - daysSinceEpoch(year: year, month: month, day: day)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    package static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `--version`'s description of the snapshot compiled in, with its age.
    ///
    ///     Snapshot.versionNote()   // "snapshot microsoft-graph-devx-content 6cbd6bbd665a of 2026-08-07, 115 days old"
    package static func versionNote(now: Date = Date()) -> String {
        "snapshot \(summary)" + (age(of: date, now: now).map { ", \($0) days old" } ?? "")
    }
}
