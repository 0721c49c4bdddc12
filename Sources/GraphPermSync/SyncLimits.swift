import Foundation

/// The bounds of every download: total time per request, bytes per file, pages, redirects and retries.
///
///     var limits = SyncLimits(timeout: 2)
///     limits.maxBytes  // 67108864 (64 MiB, counted after decompression)
package struct SyncLimits: Sendable {
    /// Seconds a request may take from start to the last byte (not only while idle).
    package var timeout: TimeInterval
    /// Bytes a file may have, counted as they arrive and after decompression.
    package var maxBytes = 64 * 1024 * 1024
    /// `@odata.nextLink` pages of the tenant's service principal.
    package var maxPages = 100
    /// `@odata.nextLink` pages of one collection of a tenant export (Graph sends 100 items a page).
    package var maxExportPages = 10_000
    package var maxRedirects = 5
    package var maxAttempts = 4
    /// The longest wait `Retry-After` may ask for, in seconds.
    package var maxRetryWait: TimeInterval = 30

    package init(timeout: TimeInterval) { self.timeout = timeout }
}
