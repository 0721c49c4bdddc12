extension TenantImpact {
    /// The `tenant` member of a diff's JSON: `{"servicePrincipals":N,"appsAffected":N,"apps":[{"id","appId",`
    /// `"displayName","permissionsRemoved":[{permission,scheme}],"tiersRaised":[...],"broaderThanNeeded":`
    /// `[{permission,scheme,calls:[{method,template,before,after}]}]}]}`; a tier change as in `tiers.changed`.
    package var json: String {
        JSONText.object([
            ("servicePrincipals", String(servicePrincipals)), ("appsAffected", String(apps.count)),
            ("apps", JSONText.array(apps.map(\.json))),
        ])
    }

    /// The impact as a section of the changelog: one line per affected app and kind.
    package var markdown: String {
        var text = "\n## Your tenant's apps\n\n"
        guard !apps.isEmpty else {
            return text + "None of the \(servicePrincipals) service principals holds a permission this diff touches.\n"
        }
        text += "\(apps.count) of \(servicePrincipals) service principals hold permissions this diff touches.\n\n"
        for app in apps {
            let name = "**\(app.displayName.replacing("*", with: "\\*"))** (\(app.appId))"
            for held in app.permissionsRemoved {
                text += "- \(name) holds \(Self.code(held.permission)) (\(held.scheme.rawValue)), which was removed\n"
            }
            for change in app.tiersRaised {
                text +=
                    "- \(name) holds \(Self.code(change.permission)) (\(change.scheme.rawValue)), whose tier rose "
                    + "\(change.before.label) → \(change.after.label)\n"
            }
            for broader in app.broaderThanNeeded {
                let shown = broader.calls.prefix(3).map { call in
                    Self.code(call.method + " " + call.template) + " now " + call.after.joined(separator: ", ")
                }
                let more = broader.calls.count > 3 ? " and \(broader.calls.count - 3) more" : ""
                text +=
                    "- \(name) holds \(Self.code(broader.permission)) (\(broader.scheme.rawValue)), no longer least "
                    + "privileged for \(broader.calls.count) call\(broader.calls.count == 1 ? "" : "s") it was least "
                    + "privileged for: " + shown.joined(separator: "; ") + more
                    + " (broader than needed if the app holds it for these calls)\n"
            }
        }
        return text
    }

    private static func code(_ text: String) -> String { "`" + text.replacing("`", with: "'") + "`" }
}

extension TenantImpact.App {
    /// `{"id":...,"appId":...,"displayName":...,"permissionsRemoved":[...],"tiersRaised":[...],`
    /// `"broaderThanNeeded":[...]}`
    var json: String {
        JSONText.object([
            ("id", JSONText.string(id)), ("appId", JSONText.string(appId)),
            ("displayName", JSONText.string(displayName)),
            ("permissionsRemoved", JSONText.array(permissionsRemoved.map(\.json))),
            ("tiersRaised", JSONText.array(tiersRaised.map(\.json))),
            ("broaderThanNeeded", JSONText.array(broaderThanNeeded.map(\.json))),
        ])
    }
}

extension TenantImpact.Held {
    /// `{"permission":...,"scheme":...}`
    var json: String {
        JSONText.object([("permission", JSONText.string(permission)), ("scheme", JSONText.string(scheme.rawValue))])
    }
}

extension TenantImpact.Broader {
    /// `{"permission":...,"scheme":...,"calls":[{"method":...,"template":...,"before":[...],"after":[...]}]}`
    var json: String {
        let calls = calls.map { call in
            JSONText.object([
                ("method", JSONText.string(call.method)), ("template", JSONText.string(call.template)),
                ("before", JSONText.strings(call.before)), ("after", JSONText.strings(call.after)),
            ])
        }
        return JSONText.object([
            ("permission", JSONText.string(permission)), ("scheme", JSONText.string(scheme.rawValue)),
            ("calls", JSONText.array(calls)),
        ])
    }
}
