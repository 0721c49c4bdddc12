import Testing
import GraphPermCore

/// A template's identity in a diff, and the ordinal order every list of a diff is sorted in.
@Suite struct DiffTemplateTests {
    @Test(arguments: [
        ("/users/{user-id}/Messages", "/users/{}/messages"),
        ("/users/{id}/messages", "/users/{}/messages"),
        ("/me/drive/root:/{path}:/content?$x=Y", "/me/drive/root:/{}:/content?$x=y"),
        ("/users/", "/users/"),
        ("/chats/{id}}/messages", nil),
        ("/a/{b{c}}", nil),
        ("/a/{b", nil),
        ("", ""),
    ] as [(String, String?)])
    func keys(template: String, key: String?) {
        #expect(DiffTemplate.key(template) == key)
    }

    @Test func ordinalOrderIsByCodePoint() {
        #expect(Ordinal.less("Z", "a") && !Ordinal.less("a", "Z"))
        #expect(Ordinal.less("Mail.Read", "Mail.ReadBasic") && !Ordinal.less("x", "x"))
        #expect(Ordinal.less(["a", "b"], ["a", "c"]) && !Ordinal.less(["a", "c"], ["a", "b"]))
        #expect(Ordinal.less(["a"], ["a", "b"]) && !Ordinal.less(["a", "b"], ["a", "b"]))
    }
}
