import Testing
import GraphPermCore

/// The key a template is stored and looked up by: lower case, parameters as `{}`, drive-item paths as one segment.
@Suite struct TemplateKeyTests {
    @Test(arguments: [
        ("/users/{user-id}/Messages", "/users/{}/messages"),
        ("users//{id}/", "/users/{}"),
        ("", "/"),
        ("/", "/"),
        ("/agentRegistry/agentInstances?$filter=agentCardManifest/id eq '{id}'",
         "/agentregistry/agentinstances?$filter=agentcardmanifest/ideq{}"),
        ("/me/drive/root:/{item-path}:/content", "/me/drive/root:/{}:/content"),
        ("/me/drive/root:/{a}/{b}:/children?x=Y", "/me/drive/root:/{}/{}:/children?x=y"),
        ("/chats/{id}}/messages", "/chats/{}/messages"),
        ("/applications(appId='{value}')/owners", "/applications(appid={})/owners"),
    ])
    func keys(template: String, key: String) {
        #expect(TemplateKey.of(template) == key)
    }

    @Test func aRequestAndItsTemplateShareAKeyOnlyThroughTheMatcher() {
        // A key is a template's: a request's literal ID stays literal.
        #expect(TemplateKey.of("/users/abc") == "/users/abc")
    }
}
