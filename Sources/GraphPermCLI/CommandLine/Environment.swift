import GraphPermPlatform

/// The process environment, one variable at a time (`getenv`: no dictionary of the whole environment is built, which
/// a one-shot lookup would pay for at each start).
package enum Environment {
    /// The value of `name`; nil when unset or empty.
    package static func value(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
