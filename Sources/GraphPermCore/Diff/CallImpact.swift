/// What a diff means for calls an app makes (`graphperm diff --calls`): per call, whether it now needs a different
/// permission (per permission type, Microsoft's first least-privileged permission or graphperm's recommendation
/// changed, or the type stopped or started being supported), or is no longer documented.
///
///     CallImpact(method: "GET", url: "/me/messages", kind: .undocumented, schemes: []).json
///     // {"method":"GET","url":"/me/messages","schemes":[]}
package struct CallImpact: Sendable, Equatable {
    /// How the call is affected.
    package enum Kind: String, Sendable {
        /// Answered before; a permission it needs differs now.
        case changed
        /// Documented before; Microsoft's data no longer documents it.
        case undocumented
    }

    /// One permission type of a changed call: its answer before and after (nil lists: not supported).
    package struct SchemeChange: Sendable, Equatable {
        package let scheme: Scheme
        package let leastBefore: [String]?
        package let leastAfter: [String]?
        package let recommendedBefore: String?
        package let recommendedAfter: String?

        package init(
            scheme: Scheme, leastBefore: [String]?, leastAfter: [String]?, recommendedBefore: String?,
            recommendedAfter: String?
        ) {
            self.scheme = scheme
            self.leastBefore = leastBefore
            self.leastAfter = leastAfter
            self.recommendedBefore = recommendedBefore
            self.recommendedAfter = recommendedAfter
        }

        /// `Application Mail.Read → Mail.ReadBasic (recommended A → B)`
        var markdown: String {
            let before: String = leastBefore.map { $0.joined(separator: ", ") } ?? "not supported"
            let after: String = leastAfter.map { $0.joined(separator: ", ") } ?? "not supported"
            var text = scheme.rawValue + " " + before + " → " + after
            if recommendedBefore != recommendedAfter {
                text += " (recommended " + (recommendedBefore ?? "none") + " → " + (recommendedAfter ?? "none") + ")"
            }
            return text
        }

        var json: String {
            JSONText.object([
                ("scheme", JSONText.string(scheme.rawValue)),
                ("leastBefore", leastBefore.map(JSONText.strings) ?? "null"),
                ("leastAfter", leastAfter.map(JSONText.strings) ?? "null"),
                ("recommendedBefore", JSONText.optional(recommendedBefore)),
                ("recommendedAfter", JSONText.optional(recommendedAfter)),
            ])
        }
    }

    package let method: String
    package let url: String
    package let kind: Kind
    /// The permission types whose answer changed (empty for an undocumented call).
    package let schemes: [SchemeChange]

    package init(method: String, url: String, kind: Kind, schemes: [SchemeChange]) {
        self.method = method
        self.url = url
        self.kind = kind
        self.schemes = schemes
    }

    /// `{"method":...,"url":...,"schemes":[...]}`
    package var json: String {
        JSONText.object([
            ("method", JSONText.string(method)), ("url", JSONText.string(url)),
            ("schemes", JSONText.array(schemes.map(\.json))),
        ])
    }

    /// The `impact` member of a diff's JSON: `{"changed":[...],"undocumented":[...]}`.
    package static func json(_ impacts: [CallImpact]) -> String {
        JSONText.object([
            ("changed", JSONText.array(impacts.filter { $0.kind == .changed }.map(\.json))),
            ("undocumented", JSONText.array(impacts.filter { $0.kind == .undocumented }.map(\.json))),
        ])
    }

    /// The impact as Markdown lines (a section of the changelog).
    package static func markdown(_ impacts: [CallImpact]) -> String {
        guard !impacts.isEmpty else { return "\n## Your calls\n\nNone of your calls is affected.\n" }
        var text = "\n## Your calls\n\n"
        for impact in impacts {
            let call = "`\(impact.method) \(impact.url)`"
            switch impact.kind {
            case .undocumented: text += "- \(call) is no longer documented\n"
            case .changed:
                let parts = impact.schemes.map(\.markdown)
                text += "- \(call) needs a different permission: " + parts.joined(separator: "; ") + "\n"
            }
        }
        return text
    }
}
