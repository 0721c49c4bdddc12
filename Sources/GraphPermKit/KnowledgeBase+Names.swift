import GraphPermCore
import GraphPermStore

extension KnowledgeBase {
    /// Every permission name, in byte order.
    ///
    ///     try kb.permissionNames().contains("Mail.Read")  // true
    public func permissionNames() throws(KnowledgeBaseError) -> [String] { try store.permissionNames() }

    /// Every path template, in byte order.
    public func templates() throws(KnowledgeBaseError) -> [String] { try store.templates() }

    /// Entity names: the Graph Security API's (`alerts`) and every first segment of a path template (`users`).
    public func entityNames() throws(KnowledgeBaseError) -> [String] { try store.entityNames() }
}
