import GraphPermJSON

extension TierRules {
    /// Reads `tiers.json` strictly: every member known, every tier 0–2, every Tier 0 item with its outcome, path and
    /// preconditions (keys of `$.preconditions`), explicit entries sorted and distinct, rule ids distinct, patterns
    /// valid. A problem is a `LoadError` naming the file and the JSON path.
    ///
    ///     try TierRules.parse(Array("{}".utf8), file: "tiers.json")
    ///     // tiers.json: $.about: expected a string, the member is missing
    package static func parse(_ bytes: [UInt8], file: String) throws(LoadError) -> TierRules {
        try TierRulesReader(root: JSONReader.parse(bytes, file: file)).rules()
    }
}

/// The strict reading of `tiers.json` behind `TierRules.parse`.
private struct TierRulesReader {
    let root: JSONReader

    func rules() throws(LoadError) -> TierRules {
        try root.checkKeys(["about", "tiers", "impacts", "preconditions", "explicit", "rules", "default", "delegated"])
        _ = try root["about"].string()
        let tiers = try root["tiers"].members()
        guard tiers.map(\.key) == ["0", "1", "2"] else {
            throw root["tiers"].failure("the members \"0\", \"1\" and \"2\"")
        }
        let descriptions = try tiers.map { member throws(LoadError) in try member.value.string() }
        let impacts = try pairs(root["impacts"])
        let preconditions = try pairs(root["preconditions"])
        let known = Known(impacts: Set(impacts.map(\.key)), preconditions: Set(preconditions.map(\.key)))
        var explicit: [String: TierRules.Item] = [:]
        var names: [String] = []
        for entry in try root["explicit"].elements() {
            try entry.checkKeys(["permission", "tier", "reason", "impact", "attackPath", "preconditions", "delegated"])
            let name = try entry["permission"].permissionName()
            if let last = names.last, !(last < name) {
                throw entry["permission"].failure("entries sorted by permission and named once (after \(last))")
            }
            names.append(name)
            explicit[name] = try item(entry, known)
        }
        var rules: [TierRules.Rule] = []
        for entry in try root["rules"].elements() {
            try entry.checkKeys(["id", "match", "tier", "reason", "impact", "attackPath", "preconditions", "delegated"])
            let id = try entry["id"].string(maxLength: 100)
            if rules.contains(where: { $0.id == id }) { throw entry["id"].failure("an id no other rule has") }
            rules.append(try rule(id: id, entry, known))
        }
        try root["default"].checkKeys(["tier", "reason"])
        let defaultItem = try item(root["default"], known)
        let delegated = root["delegated"]
        try delegated.checkKeys(["otherwiseFromTier", "reason"])
        let lowering = try delegated["otherwiseFromTier"].elements().map { element throws(LoadError) in
            try tier(element)
        }
        guard lowering.count == 3 else {
            throw delegated["otherwiseFromTier"].failure("three tiers, for tiers 0, 1 and 2")
        }
        return TierRules(
            tierDescriptions: descriptions, impacts: impacts, preconditions: preconditions, explicit: explicit,
            explicitNames: names, rules: rules, defaultItem: defaultItem, otherwiseFromTier: lowering,
            delegatedReason: try delegated["reason"].string())
    }

    private struct Known {
        let impacts: Set<String>
        let preconditions: Set<String>
    }

    private func rule(id: String, _ entry: JSONReader, _ known: Known) throws(LoadError) -> TierRules.Rule {
        let match = entry["match"]
        let members = try match.members()
        guard !members.isEmpty else { throw match.failure("a non-empty object") }
        try match.checkKeys(["resource", "resourcePattern", "operation", "operationPattern", "constraint"])
        func list(_ key: String) throws(LoadError) -> [String]? {
            match[key].isPresent ? try match[key].strings() : nil
        }
        func pattern(_ key: String) throws(LoadError) -> WholeMatchPattern? {
            guard match[key].isPresent else { return nil }
            let text = try match[key].string(maxLength: 2_000)
            do { return try WholeMatchPattern(text) } catch { throw match[key].failure("a regular expression") }
        }
        return TierRules.Rule(
            id: id, resource: try list("resource"), resourcePattern: try pattern("resourcePattern"),
            operation: try list("operation"), operationPattern: try pattern("operationPattern"),
            constraint: try list("constraint"), item: try item(entry, known))
    }

    private func item(_ entry: JSONReader, _ known: Known) throws(LoadError) -> TierRules.Item {
        let level = try tier(entry["tier"])
        let reason = try entry["reason"].optionalString()
        var impact: String? = nil
        var attackPath: String? = nil
        var preconditions: [String] = []
        if level == 0 {
            impact = try entry["impact"].string(maxLength: 100)
            guard known.impacts.contains(impact!) else { throw entry["impact"].failure("a key of $.impacts") }
            attackPath = try entry["attackPath"].string()
            preconditions = try entry["preconditions"].strings()
            for (index, key) in preconditions.enumerated() where !known.preconditions.contains(key) {
                throw JSONReader(
                    value: .string(key), file: entry.file, path: entry["preconditions"].path + [.index(index)]
                )
                .failure("a key of $.preconditions")
            }
        } else {
            guard reason != nil else { throw entry["reason"].failure("a string (a Tier 1 or 2 item says why)") }
            for key in ["impact", "attackPath", "preconditions"] where entry[key].isPresent {
                throw entry[key].failure("no \(key) on a Tier \(level) item")
            }
        }
        var delegated: (Int, Int)? = nil
        if entry["delegated"].isPresent {
            let object = entry["delegated"]
            try object.checkKeys(["whenAdminSignsIn", "otherwise", "reason"])
            _ = try object["reason"].optionalString()
            delegated = (try tier(object["whenAdminSignsIn"]), try tier(object["otherwise"]))
        }
        return TierRules.Item(
            tier: level, reason: reason, impact: impact, attackPath: attackPath, preconditions: preconditions,
            delegated: delegated)
    }

    private func tier(_ reader: JSONReader) throws(LoadError) -> Int {
        guard let value = try? reader.optionalInt(), (0...2).contains(value) else {
            throw reader.failure("a tier: 0, 1 or 2")
        }
        return value
    }

    private func pairs(_ reader: JSONReader) throws(LoadError) -> [(key: String, text: String)] {
        try reader.members().map { member throws(LoadError) in (member.key, try member.value.string()) }
    }
}
