import GraphPermPlatform
import GraphPermJSON

/// Reads Microsoft's permissions document (Kibali format): permissions, their schemes and the pathSets that say
/// which methods on which path templates each permission grants, with `least=` and `AlsoRequires=` markers.
package enum PermissionsDocumentLoader {
    package static let knownMethods: Set<String> = Set(methodOrder)
    private static let methodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    /// Adds the document's facts; `emit`, when given, receives the new grants in order, a few thousand at a time.
    package static func load(_ root: JSONReader, into facts: inout KnowledgeFacts,
                     emit: ((ArraySlice<Grant>) -> Void)? = nil) throws(LoadError) {
        var emitted = facts.grants.count
        let permissions = try root["permissions"].members()
        let names = KibaliCollation.sorted(permissions.map(\.key))
        var rank: [String: Int] = [:]
        for (index, name) in names.enumerated() { rank[name] = index }
        var markerCache: [String: PathMarkers] = [:]
        for (name, permission) in permissions {
            // A claim's identity includes its permission: duplicates are looked for within one permission only.
            var seenClaims: [ClaimPath: UInt32] = [:]
            _ = try JSONReader.checkPermissionName(name, at: permission)
            let schemes = try loadSchemes(permission["schemes"], name: name, into: &facts)
            guard permission["pathSets"].isPresent else { continue }
            for (setIndex, pathSet) in try permission["pathSets"].elements().enumerated() {
                guard setIndex < 1_000 else { throw pathSet.failure("at most 1000 pathSets per permission") }
                let base = Grant(permission: name, scheme: .application, method: "", template: "", isLeast: false,
                                 claimOrder: rank[name]! * 1_000 + setIndex)
                try loadPathSet(pathSet, base: base, declaredSchemes: schemes, seen: &seenClaims,
                                markers: &markerCache, into: &facts)
            }
            if let emit, facts.grants.count - emitted >= 2_000 {
                emit(facts.grants[emitted...])
                emitted = facts.grants.count
            }
        }
        if let emit, emitted < facts.grants.count { emit(facts.grants[emitted...]) }
    }

    private static func loadSchemes(_ reader: JSONReader, name: String,
                                    into facts: inout KnowledgeFacts) throws(LoadError) -> Set<Scheme> {
        var declared = Set<Scheme>()
        for (key, entry) in try reader.members() {
            guard let scheme = Scheme(rawValue: key) else {
                throw LoadError.data(file: entry.file, place: JSONPathComponent.render(entry.path),
                                     message: "expected a scheme named DelegatedWork, DelegatedPersonal or"
                                         + " Application, found \"\(key)\"")
            }
            declared.insert(scheme)
            let adminName = try entry["adminDisplayName"].optionalString()
            let adminDescription = try entry["adminDescription"].optionalString()
            let userName = try entry["userDisplayName"].optionalString()
            let userDescription = try entry["userDescription"].optionalString()
            let consent = try entry["requiresAdminConsent"].optionalBool()
            let level = try entry["privilegeLevel"].optionalInt()
            facts.merge(name, scheme, from: entry.file, guid: nil) { scheme in
                scheme.adminDisplayName = scheme.adminDisplayName ?? adminName
                scheme.adminDescription = scheme.adminDescription ?? adminDescription
                scheme.userDisplayName = scheme.userDisplayName ?? userName
                scheme.userDescription = scheme.userDescription ?? userDescription
                scheme.requiresAdminConsent = scheme.requiresAdminConsent ?? consent
                scheme.privilegeLevel = scheme.privilegeLevel ?? level
            }
        }
        return declared
    }

    /// A path template as Microsoft's files and Kibali's own tests write it: stray white space trimmed and a
    /// missing leading `/` added, each with a warning; an empty or oversized one is refused.
    private static func normalizedTemplate(_ written: String, at value: JSONReader,
                                           into facts: inout KnowledgeFacts) throws(LoadError) -> String {
        var template = written.trimmed()
        guard !template.isEmpty, template.utf8.count <= 2_000 else {
            throw LoadError.data(file: value.file, place: JSONPathComponent.render(value.path),
                                 message: "expected a path template such as /users/{id} (at most 2000 bytes)")
        }
        if !template.hasPrefix("/") { template = "/" + template }
        if template != written {
            facts.warnings.append("\(value.file): \(JSONPathComponent.render(value.path)): path template "
                + "\(JSONText.string(String(written.prefix(200)))) read as \(template)")
        }
        return template
    }

    private static func loadPathSet(_ pathSet: JSONReader, base: Grant, declaredSchemes: Set<Scheme>,
                                    seen: inout [ClaimPath: UInt32], markers cache: inout [String: PathMarkers],
                                    into facts: inout KnowledgeFacts) throws(LoadError) {
        var schemes: [Scheme] = []
        for element in try pathSet["schemeKeys"].elements() {
            let key = try element.string(maxLength: 100)
            guard let scheme = Scheme(rawValue: key) else {
                throw element.failure("DelegatedWork, DelegatedPersonal or Application")
            }
            if !schemes.contains(scheme) { schemes.append(scheme) }
        }
        if let undeclared = schemes.first(where: { !declaredSchemes.contains($0) }) {
            facts.warnings.append("\(pathSet.file): \(JSONPathComponent.render(pathSet.path)): \(base.permission)"
                + " grants paths for \(undeclared.rawValue), a scheme it does not declare")
        }
        var methods: [String] = []
        for element in try pathSet["methods"].elements() {
            let written = try element.string(maxLength: 20)
            let method = written.trimmed()
            guard knownMethods.contains(method) else {
                throw element.failure("an HTTP method in capitals (GET, POST, PUT, PATCH, DELETE)")
            }
            if method != written {
                facts.warnings.append("\(element.file): \(JSONPathComponent.render(element.path)): method"
                    + " \(JSONText.string(written)) read as \(method)")
            }
            if !methods.contains(method) { methods.append(method) }
        }
        methods.sort()
        schemes.sort()
        for (written, value) in try pathSet["paths"].members() {
            let template = try normalizedTemplate(written, at: value, into: &facts)
            let markers: PathMarkers
            if case .string(let text)? = value.value, let known = cache[text] {
                markers = known
            } else {
                markers = try PathMarkers.parse(value)
                if case .string(let text)? = value.value { cache[text] = markers }
            }
            // One look-up per path: the (method, scheme) pairs already claimed are bits of one number.
            let path = ClaimPath(template: template, alsoRequires: markers.alsoRequires)
            var claimed = seen[path] ?? 0
            for method in methods {
                for scheme in schemes {
                    let bit: UInt32 = 1 << (methodOrder.firstIndex(of: method)! * Scheme.allCases.count + scheme.id - 1)
                    guard claimed & bit == 0 else {
                        facts.warnings.append("\(value.file): \(JSONPathComponent.render(value.path)): duplicate"
                            + " pathSet entry for \(base.permission) \(method) \(scheme.rawValue);"
                            + " the first one is kept")
                        continue
                    }
                    claimed |= bit
                    var grant = base
                    grant.template = template
                    grant.method = method
                    grant.scheme = scheme
                    grant.isLeast = markers.leastSchemes.contains(scheme.rawValue)
                    grant.alsoRequires = markers.alsoRequires
                    facts.grants.append(grant)
                }
            }
            seen[path] = claimed
        }
    }
}

/// Within one permission, a claim is identified by its path, method, scheme and exact AlsoRequires list; this is
/// the path and list part (the method and scheme are bits of the value it is stored with).
package struct ClaimPath: Hashable {
    package let template: String
    package let alsoRequires: [String]
}

/// The markers of one path value: `""`, `least=S1,S2`, `AlsoRequires=A,B`, or both joined by `;`.
///
///     PathMarkers.parse(text: "least=DelegatedWork,Application;AlsoRequires=User.Read.All")
///     // leastSchemes ["DelegatedWork", "Application"], alsoRequires ["User.Read.All"]
package struct PathMarkers: Equatable {
    package var leastSchemes: [String] = []
    package var alsoRequires: [String] = []

    package static func parse(_ reader: JSONReader) throws(LoadError) -> PathMarkers {
        guard reader.isPresent else { return PathMarkers() }
        let text = try reader.string(maxLength: 10_000)
        guard let markers = parse(text: text) else {
            throw LoadError.data(file: reader.file, place: JSONPathComponent.render(reader.path),
                                 message: "expected name=value pairs joined by ';' with each name once"
                                     + " (least=Scheme,... or AlsoRequires=Permission,...),"
                                     + " found \"\(text.prefix(80))\"")
        }
        return markers
    }

    package static func parse(text: String) -> PathMarkers? {
        var markers = PathMarkers()
        var keys = Set<String>()
        for piece in text.split(separator: ";", omittingEmptySubsequences: true) {
            guard let equals = piece.firstIndex(of: "=") else { return nil }
            let key = String(piece[..<equals])
            guard keys.insert(key).inserted else { return nil }
            let values = piece[piece.index(after: equals)...].split(separator: ",")
                .map { $0.trimmed() }.filter { !$0.isEmpty }
            switch key {
            case "least": markers.leastSchemes = values
            case "AlsoRequires": markers.alsoRequires = values
            default: continue
            }
        }
        return markers
    }
}
