/// How much a directory role held by a service principal matters to the tenant audit. Role template IDs are
/// Microsoft's (`Data/admin-roles.json` names them); what each role can do is from Microsoft Entra's built-in roles
/// reference.
package enum DirectoryRoleRisk {
    /// Global Administrator.
    package static let globalAdministrator = "62e90394-69f5-4237-9190-012177145e10"
    /// Roles that are Global Administrator or can make their holder one (Privileged Role Administrator assigns any
    /// role; Privileged Authentication Administrator resets any admin's sign-in methods).
    package static let reachesGlobalAdmin: [String: String] = [
        globalAdministrator: "holds Global Administrator",
        "e8611ab8-c189-46e8-94e1-60213ab1f814": "can assign itself Global Administrator",
        "7be44c8a-adaf-4e2a-84d6-ab2649e08a13": "can reset a Global Administrator's sign-in methods and sign in as it",
    ]
    /// Roles that add credentials to (or owners of) any application or service principal: Application
    /// Administrator, Cloud Application Administrator, Hybrid Identity Administrator (owners, then credentials).
    package static let addsCredentials: Set<String> = [
        "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "158c047a-c907-4556-b7ef-446551a6b5f7",
        "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
    ]

    /// The tier and weight of a role: 0/100 for those above, 0/60 for credential writers (a path once some app
    /// holds Tier 0 power), 2/1 for readers, else 1/10.
    package static func assess(roleTemplateId: String, name: String) -> (tier: Int, weight: Int, detail: String) {
        if let detail = reachesGlobalAdmin[roleTemplateId] { return (0, 100, "The role \(detail).") }
        if addsCredentials.contains(roleTemplateId) {
            return (
                0, 60, "The role adds credentials to any app, so it inherits the power of every app that holds Tier 0."
            )
        }
        if name.hasSuffix("Reader") || name.hasSuffix("Readers") { return (2, 1, "A read-only directory role.") }
        return (1, 10, "A directory role that changes the tenant's configuration.")
    }
}

/// Calendar arithmetic on Graph's ISO 8601 timestamps (`2027-01-01T00:00:00Z`): enough for credential lifetimes.
package enum ISODay {
    /// Days since 1970-01-01 of the date part, nil when it is not `YYYY-MM-DD…` or names no day of the calendar
    /// (`2026-02-30`).
    package static func number(_ text: String) -> Int? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func value(_ range: Range<Int>) -> Int? {
            var result = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                result = result * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return result
        }
        guard let year = value(0..<4), let month = value(5..<7), let day = value(8..<10), (1...12).contains(month)
        else { return nil }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length = month == 2 ? (isLeap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
        guard (1...length).contains(day) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
