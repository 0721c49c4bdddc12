import GraphPermJSON

extension TenantExport {
    /// One page of a collection as Graph sends it: `{"value": [...], "@odata.nextLink": ...}`, with its file name.
    package struct Page: Sendable {
        package let file: String
        package let bytes: [UInt8]

        package init(file: String, bytes: [UInt8]) {
            self.file = file
            self.bytes = bytes
        }
    }

    /// The items of one page and whether Graph says more pages follow (`@odata.nextLink`).
    package static func items(of page: Page) throws(LoadError) -> (items: [JSONReader], hasNext: Bool) {
        let (values, hasNext) = try values(of: page)
        return (values.enumerated().map { reader($1, at: $0, in: page) }, hasNext)
    }

    /// Decodes a page's items with `fast`, falling back to `slow` (which names the file and JSON path of the
    /// error) for an item `fast` does not accept.
    package static func decode<Item>(
        _ page: Page, fast: (JSONValue) -> Item?, slow: (JSONReader) throws(LoadError) -> Item
    ) throws(LoadError) -> (items: [Item], hasNext: Bool) {
        let (values, hasNext) = try values(of: page)
        var items: [Item] = []
        items.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            if let item = fast(value) {
                items.append(item)
            } else {
                items.append(try slow(reader(value, at: index, in: page)))
            }
        }
        return (items, hasNext)
    }

    private static func reader(_ value: JSONValue, at index: Int, in page: Page) -> JSONReader {
        JSONReader(value: value, file: page.file, path: [.key("value"), .index(index)])
    }

    /// The parsed items of one page and whether Graph says more pages follow.
    private static func values(of page: Page) throws(LoadError) -> (items: [JSONValue], hasNext: Bool) {
        let root = try JSONReader.parse(page.bytes, file: page.file)
        let link = root["@odata.nextLink"]
        if link.isPresent { _ = try link.string() }
        guard case .array(let values)? = root["value"].value else { throw root["value"].failure("an array") }
        return (values, link.isPresent)
    }

    /// A service principal from its JSON object.
    package static func servicePrincipal(_ item: JSONReader) throws(LoadError) -> ServicePrincipal {
        var credentials: [Credential] = []
        for (key, kind) in [("passwordCredentials", Credential.Kind.password), ("keyCredentials", .certificate)]
        where item[key].isPresent {
            for entry in try item[key].elements() {
                credentials.append(
                    Credential(
                        kind: kind, displayName: try entry["displayName"].optionalString(),
                        start: try entry["startDateTime"].optionalString(maxLength: 64),
                        end: try entry["endDateTime"].optionalString(maxLength: 64)))
            }
        }
        var roles: [(id: String, value: String)] = []
        if item["appRoles"].isPresent {
            for role in try item["appRoles"].elements() {
                guard let value = try role["value"].optionalString(maxLength: 1_000) else { continue }
                roles.append((try role["id"].guid(), value))
            }
        }
        var assignments: [AppRoleAssignment] = []
        if item["appRoleAssignments"].isPresent {
            for assignment in try item["appRoleAssignments"].elements() {
                assignments.append(
                    AppRoleAssignment(
                        appRoleId: try assignment["appRoleId"].guid(), resourceId: try assignment["resourceId"].guid()))
            }
        }
        var owners: [String]? = nil
        if item["owners"].isPresent {
            owners = try item["owners"].elements().map { owner throws(LoadError) in try owner["id"].guid() }
        }
        return ServicePrincipal(
            id: try item["id"].guid(), appId: try item["appId"].guid(),
            displayName: try item["displayName"].optionalString(maxLength: 1_000) ?? "",
            appOwnerOrganizationId: try item["appOwnerOrganizationId"].optionalGUID(),
            servicePrincipalType: try item["servicePrincipalType"].optionalString(maxLength: 100),
            signInAudience: try item["signInAudience"].optionalString(maxLength: 100),
            credentials: credentials, appRoles: roles, appRoleAssignments: assignments, owners: owners)
    }

    /// A delegated permission grant from its JSON object (scopes split at spaces, empty ones dropped).
    package static func delegatedGrant(_ item: JSONReader) throws(LoadError) -> DelegatedGrant {
        let consent = try item["consentType"].string(maxLength: 100)
        guard consent == "AllPrincipals" || consent == "Principal" else {
            throw item["consentType"].failure("AllPrincipals or Principal")
        }
        let scope = try item["scope"].optionalString(maxLength: 100_000) ?? ""
        return DelegatedGrant(
            clientId: try item["clientId"].guid(), consentType: consent,
            principalId: try item["principalId"].optionalGUID(),
            resourceId: try item["resourceId"].guid(), scopes: scope.split(separator: " ").map(String.init))
    }

    /// A directory role assignment from its JSON object.
    package static func roleAssignment(_ item: JSONReader) throws(LoadError) -> RoleAssignment {
        RoleAssignment(
            principalId: try item["principalId"].guid(), roleDefinitionId: try item["roleDefinitionId"].guid(),
            directoryScopeId: try item["directoryScopeId"].optionalString(maxLength: 1_000))
    }
}
