package extension PermissionTable {
    /// One table for several templates, merged per scheme the way Microsoft's docs merge the URLs of one API:
    /// least cells must agree (else Microsoft's generator fails), higher cells are united in name order.
    public static func merged(_ tables: [PermissionTable]) -> PermissionTable {
        guard tables.count > 1 else { return tables.first ?? PermissionTable(rows: Scheme.allCases.map { Row(scheme: $0, least: notSupported, higher: notSupported) }, problems: []) }
        var rows: [Row] = []
        var problems = tables.flatMap(\.problems).filter(\.isFailure)
        for scheme in Scheme.allCases {
            let schemeRows = tables.compactMap { $0.rows.first { $0.scheme == scheme } }
            let leastSet = KibaliCollation.sorted(Set(schemeRows.map(\.least)))
            let higherSet = KibaliCollation.sorted(Set(schemeRows.flatMap { $0.higher.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) } }))
            var least: String
            if leastSet.count == 1 {
                least = leastSet[0]
            } else {
                let real = leastSet.filter { $0 != notSupported && $0 != notAvailable }
                if real.count > 1 { problems.append(.differingLeast(scheme, real)) }
                least = real.first ?? notSupported
            }
            var higher: String
            if higherSet.count == 1 {
                higher = higherSet[0] == least && least != notSupported ? notAvailable : higherSet[0]
            } else {
                let excluded: Set<String> = [notSupported, notAvailable, least]
                let items = (higherSet + leastSet.filter { $0 != least }).filter { !excluded.contains($0) }.uniqued()
                higher = items.isEmpty ? (least == notSupported ? notSupported : notAvailable) : items.joined(separator: ", ")
            }
            rows.append(Row(scheme: scheme, least: least, higher: higher))
        }
        return PermissionTable(rows: rows, problems: problems)
    }
}
