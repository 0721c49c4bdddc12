import Foundation

/// The files that ship with the binary: `Schema/`, `Data/` and `Queries/`. Every `Bundle.module` use is here.
public enum Resources {
    /// The folder of `Data/` (security entities, admin roles); `GRAPHPERM_RESOURCES` points an installed binary elsewhere.
    public static var dataDirectory: URL { root.appendingPathComponent("Data") }

    /// The folder of the saved queries, `Queries/*.gpq`.
    public static var queriesDirectory: URL { root.appendingPathComponent("Queries") }

    /// The folder of `Schema/*.sql`.
    public static var schemaDirectory: URL { root.appendingPathComponent("Schema") }

    private static var root: URL {
        if let override = ProcessInfo.processInfo.environment["GRAPHPERM_RESOURCES"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return Bundle.module.resourceURL ?? Bundle.module.bundleURL
    }
}
