/// Numbers for the strings of a diff, shared by both sides so that equal strings get equal numbers: a grant, an
/// operation and a call become one integer each, which hash and compare far faster than their strings (a side has
/// some 43,000 grants). Templates are numbered by their `DiffTemplate.key`.
final class DiffNumbers {
    /// Strings numbered in order of first sight.
    struct Table {
        private(set) var strings: [String] = []
        private var numbers: [String: Int] = [:]

        mutating func number(_ text: String) -> Int {
            if let known = numbers[text] { return known }
            numbers[text] = strings.count
            strings.append(text)
            return strings.count - 1
        }
    }

    var permissions = Table()
    var templates = Table()
    var methods = Table()
    /// The template number of each raw template seen (nil: malformed, left out of the diff).
    private var rawTemplates: [String: Int?] = [:]

    /// The number of a raw template's key, nil when it has none.
    func template(_ raw: String) -> Int? {
        if let known = rawTemplates[raw] { return known }
        let number = DiffTemplate.key(raw).map { templates.number($0) }
        rawTemplates[raw] = .some(number)
        return number
    }

    static let schemeBits = 3
    static let methodBits = 8
    static let templateBits = 24

    /// (method, template) as one number.
    static func operation(method: Int, template: Int) -> Int { method << templateBits | template }
    /// (method, template, scheme) as one number.
    static func call(operation: Int, scheme: Int) -> Int { operation << schemeBits | scheme }
    /// (permission, method, template, scheme) as one number.
    static func grant(permission: Int, call: Int) -> Int {
        permission << (schemeBits + methodBits + templateBits) | call
    }

    func operation(_ number: Int) -> PermissionDiff.Operation {
        PermissionDiff.Operation(
            method: methods.strings[number >> Self.templateBits],
            template: templates.strings[number & (1 << Self.templateBits - 1)])
    }

    func call(_ number: Int) -> (method: String, template: String, scheme: Scheme) {
        let operation = operation(number >> Self.schemeBits)
        return (operation.method, operation.template, Scheme(id: number & (1 << Self.schemeBits - 1))!)
    }

    func grant(_ number: Int) -> PermissionDiff.GrantChange {
        let call = call(number & (1 << (Self.schemeBits + Self.methodBits + Self.templateBits) - 1))
        return PermissionDiff.GrantChange(
            permission: permissions.strings[number >> (Self.schemeBits + Self.methodBits + Self.templateBits)],
            method: call.method, template: call.template, scheme: call.scheme)
    }
}

/// One side's grants keyed for the diff, as `DiffNumbers`: the grants (permission, method, template, scheme), the
/// operations, and per (method, template, scheme) the permissions marked least (a permission is least when any of
/// its entries for the call is marked).
struct GrantIndex {
    var grants = Set<Int>()
    var operations = Set<Int>()
    var marked: [Int: Set<Int>] = [:]

    init(_ facts: [DiffFacts.GrantFact], _ numbers: DiffNumbers) {
        grants.reserveCapacity(facts.count)
        // Grants come in runs of one permission and one template: the previous numbers are reused.
        var previousPermission = ("", -1)
        var previousTemplate: (String, Int?) = ("", nil)
        var previousMethod = ("", -1)
        for grant in facts {
            if grant.template != previousTemplate.0 || previousTemplate.0.isEmpty {
                previousTemplate = (grant.template, numbers.template(grant.template))
            }
            guard let template = previousTemplate.1 else { continue }
            if grant.permission != previousPermission.0 || previousPermission.1 < 0 {
                previousPermission = (grant.permission, numbers.permissions.number(grant.permission))
            }
            if grant.method != previousMethod.0 || previousMethod.1 < 0 {
                previousMethod = (grant.method, numbers.methods.number(grant.method))
            }
            let operation = DiffNumbers.operation(method: previousMethod.1, template: template)
            let call = DiffNumbers.call(operation: operation, scheme: grant.scheme.id)
            grants.insert(DiffNumbers.grant(permission: previousPermission.1, call: call))
            operations.insert(operation)
            if grant.isLeast {
                marked[call, default: []].insert(previousPermission.1)
            } else if marked[call] == nil {
                marked[call] = []
            }
        }
    }
}
