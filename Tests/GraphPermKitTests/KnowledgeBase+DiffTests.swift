import Foundation
import Testing
import GraphPermCore
import GraphPermKit

/// `diff` and `impact` between the mini knowledge base and a next version of its permissions document, written
/// here: Mail.ReadBasic becomes least for delegated GET /me/messages, and /me/messages/{id} is no longer documented.
@Suite struct KnowledgeBaseDiffTests {
    static let nextDocument = #"""
        {"permissions": {
          "Mail.Read": {
            "schemes": {"DelegatedWork": {"requiresAdminConsent": false, "privilegeLevel": 2},
                        "Application": {"requiresAdminConsent": true, "privilegeLevel": 3}},
            "pathSets": [{"schemeKeys": ["DelegatedWork", "Application"], "methods": ["GET"],
                          "paths": {"/me/messages": "least=Application",
                                    "/users/{id}/messages": "least=DelegatedWork,Application"}}]},
          "Mail.ReadBasic": {
            "schemes": {"DelegatedWork": {"requiresAdminConsent": false, "privilegeLevel": 1}},
            "pathSets": [{"schemeKeys": ["DelegatedWork"], "methods": ["GET"],
                          "paths": {"/me/messages": "least=DelegatedWork"}}]},
          "Mail.ReadWrite": {
            "schemes": {"DelegatedWork": {"requiresAdminConsent": false, "privilegeLevel": 3},
                        "Application": {"requiresAdminConsent": true, "privilegeLevel": 4}},
            "pathSets": [
              {"schemeKeys": ["DelegatedWork", "Application"], "methods": ["GET"],
               "paths": {"/me/messages": "", "/users/{id}/messages": ""}},
              {"schemeKeys": ["DelegatedWork", "Application"], "methods": ["POST", "DELETE"],
               "paths": {"/me/messages": "least=DelegatedWork,Application"}}]},
          "User.EnableDisableAccount.All": {
            "schemes": {"DelegatedWork": {"requiresAdminConsent": true}, "Application": {"requiresAdminConsent": true}},
            "pathSets": [{"schemeKeys": ["DelegatedWork", "Application"], "methods": ["PATCH"],
                          "paths": {"/users/{id}": "least=DelegatedWork,Application;AlsoRequires=User.Read.All"}}]},
          "User.Read.All": {
            "schemes": {"DelegatedWork": {"requiresAdminConsent": true}, "Application": {"requiresAdminConsent": true}},
            "pathSets": [{"schemeKeys": ["DelegatedWork", "Application"], "methods": ["GET"],
                          "paths": {"/users/{id}": "least=DelegatedWork,Application"}}]},
          "User.ReadWrite.All": {
            "schemes": {"DelegatedWork": {"requiresAdminConsent": true}, "Application": {"requiresAdminConsent": true}},
            "pathSets": [{"schemeKeys": ["DelegatedWork", "Application"], "methods": ["GET", "PATCH"],
                          "paths": {"/users/{id}": ""}}]}
        }}
        """#

    static let next: KnowledgeBase = {
        let folder = TemporaryFolder()
        let document = folder.file("permissions.json", nextDocument)
        let path = folder.path + "/next.sqlite"
        try! KnowledgeBase.build(from: [document], at: path)
        return try! KnowledgeBase.open(path: path)
    }()

    @Test func theDiffListsWhatChangedWithTheRecommendationOnEachSide() throws {
        let diff = try KnowledgeBase.diff(old: MiniKnowledgeBase.shared, new: Self.next)
        #expect(diff.permissionsAdded == ["Mail.ReadBasic"] && diff.permissionsRemoved.isEmpty)
        #expect(diff.grantsAdded.map { "\($0.permission) \($0.method) \($0.template) \($0.scheme.rawValue)" }
            == ["Mail.ReadBasic GET /me/messages DelegatedWork"])
        #expect(diff.grantsRemoved.map { "\($0.permission) \($0.method) \($0.template) \($0.scheme.rawValue)" } == [
            "Mail.ReadWrite DELETE /me/messages/{} Application", "Mail.ReadWrite DELETE /me/messages/{} DelegatedWork",
            "Mail.ReadWrite POST /me/messages/{} Application", "Mail.ReadWrite POST /me/messages/{} DelegatedWork",
        ])
        #expect(diff.operationsRemoved.map { "\($0.method) \($0.template)" }
            == ["DELETE /me/messages/{}", "POST /me/messages/{}"])
        #expect(diff.operationsAdded.isEmpty)
        #expect(diff.leastChanged.count == 1)
        let change = try #require(diff.leastChanged.first)
        #expect(change.method == "GET" && change.template == "/me/messages" && change.scheme == .delegatedWork)
        #expect(change.before == ["Mail.Read"] && change.after == ["Mail.ReadBasic"])
        #expect(change.recommendedBefore == "Mail.Read" && change.recommendedAfter == "Mail.ReadBasic")
        // The IDs come only from the old side's service principal: an ID is compared where both sides have one.
        #expect(diff.idsChanged.isEmpty && diff.privilegeLevelsChanged.isEmpty)
        #expect(diff.tiersChanged == [])
    }

    @Test func aKnowledgeBaseAgainstItselfIsEmpty() throws {
        #expect(try KnowledgeBase.diff(old: Self.next, new: Self.next).isEmpty)
    }

    @Test func impactNamesTheCallsThatNeedSomethingElseNow() {
        let calls = [
            AppCalls.Call(method: "GET", url: "/me/messages"), AppCalls.Call(method: "DELETE", url: "/me/messages/m1"),
            AppCalls.Call(method: "GET", url: "/users/u1/messages"), AppCalls.Call(method: "GET", url: "/me/messages"),
        ]
        let impacts = KnowledgeBase.impact(of: calls, old: MiniKnowledgeBase.shared, new: Self.next)
        #expect(impacts.map { "\($0.kind.rawValue) \($0.method) \($0.url)" }
            == ["changed GET /me/messages", "undocumented DELETE /me/messages/m1"])
        #expect(impacts.first?.schemes == [
            CallImpact.SchemeChange(scheme: .delegatedWork, leastBefore: ["Mail.Read"], leastAfter: ["Mail.ReadBasic"],
                                    recommendedBefore: "Mail.Read", recommendedAfter: "Mail.ReadBasic")
        ])
    }

    @Test func aDatabaseFileIsKnownByItsHeader() throws {
        _ = MiniKnowledgeBase.shared
        #expect(KnowledgeBase.isDatabaseFile(MiniKnowledgeBase.path))
        #expect(!KnowledgeBase.isDatabaseFile(TemporaryFolder.fixture("mini-permissions.json")))
        #expect(!KnowledgeBase.isDatabaseFile("/nonexistent/file"))
    }
}
