import GraphPermStore
import GraphPermKit

/// The version of graphperm: `graphperm --version` prints it first and `sync` sends it in its User-Agent.
///
///     GraphPermVersion.current    // "0.1.0"
///     GraphPermVersion.userAgent  // "graphperm/0.1.0"
package enum GraphPermVersion {
    /// What `graphperm --version` prints: the version, then the snapshot of Microsoft's data compiled in and its age
    /// (`0.1.0 (snapshot microsoft-graph-devx-content 6cbd6bbd665a of 2026-08-07, 115 days old)`).
    package static var description: String { "\(current) (\(Snapshot.versionNote()))" }

    package static let current = "0.1.0"
    package static var userAgent: String { "graphperm/\(current)" }
}
