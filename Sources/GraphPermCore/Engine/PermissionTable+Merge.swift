extension PermissionTable {
    /// One table for several templates, merged per scheme the way Microsoft's docs merge the URLs of one API:
    /// least cells must agree (else Microsoft's generator fails), higher cells are united in name order.
    package static func merged(_ tables: [PermissionTable]) -> PermissionTable {
        guard tables.count > 1 else {
            return tables.first
                ?? PermissionTable(
                    rows: Scheme.allCases.map { Row(scheme: $0, least: .notSupported, higher: .notSupported) },
                    problems: [])
        }
        var rows: [Row] = []
        var problems = tables.flatMap(\.problems).filter(\.isFailure)
        for scheme in Scheme.allCases {
            let schemeRows = tables.compactMap { $0.rows.first { $0.scheme == scheme } }
            // Microsoft's generator merges the cells' items by their printed text, in its collation.
            var requirements: [String: Requirement] = [:]
            func items(_ cell: Cell) -> [String] {
                guard case .requirements(let list) = cell else { return [cell.text] }
                for requirement in list { requirements[requirement.label] = requirement }
                return list.map(\.label)
            }
            let leastSet = KibaliCollation.sorted(Set(schemeRows.flatMap { items($0.leastCell) }))
            let higherSet = KibaliCollation.sorted(Set(schemeRows.flatMap { items($0.higherCell) }))
            let sentinels: Set<String> = [notSupported, notAvailable]
            var least: String
            if leastSet.count == 1 {
                least = leastSet[0]
            } else {
                let real = leastSet.filter { !sentinels.contains($0) }
                if real.count > 1 { problems.append(.differingLeast(scheme, real)) }
                least = real.first ?? notSupported
            }
            func cell(_ labels: [String]) -> Cell {
                if labels == [notSupported] { return .notSupported }
                if labels == [notAvailable] { return .notAvailable }
                return .requirements(labels.map { requirements[$0] ?? Requirement($0) })
            }
            let higher: Cell
            if higherSet.count == 1 {
                higher = higherSet[0] == least && least != notSupported ? .notAvailable : cell(higherSet)
            } else {
                let excluded = sentinels.union([least])
                let items = (higherSet + leastSet.filter { $0 != least }).filter { !excluded.contains($0) }.uniqued()
                higher = items.isEmpty ? (least == notSupported ? .notSupported : .notAvailable) : cell(items)
            }
            rows.append(Row(scheme: scheme, least: cell([least]), higher: higher))
        }
        return PermissionTable(rows: rows, problems: problems)
    }
}
