import GraphPermCore
import GraphPermStore

extension KnowledgeBase {
    /// Every permission name, in byte order.
    ///
    ///     try kb.permissionNames().contains("Mail.Read")  // true
    package func permissionNames() throws(KnowledgeBaseError) -> [String] { try store.permissionNames() }

    /// Every path template, in byte order.
    package func templates() throws(KnowledgeBaseError) -> [String] { try store.templates() }

    /// Entity names: the Graph Security API's (`alerts`) and every path template of one segment (`/users`).
    package func entityNames() throws(KnowledgeBaseError) -> [String] { try store.entityNames() }
}
