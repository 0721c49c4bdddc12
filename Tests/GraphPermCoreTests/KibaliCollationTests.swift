import Testing
import GraphPermCore

/// Kibali's string order (ICU root collation for ASCII), per /work/shared/reference/kibali-semantics.md §1.7.
@Suite struct KibaliCollationTests {
    @Test(arguments: [
        // Letters case-insensitively first: an ordinal order puts "M" (0x4D) before "a" (0x61), ICU does not.
        ("UserAuthenticationMethod.ReadWrite", "UserAuthMethod-Email.ReadWrite"),
        ("apple", "Mail"),
        // Punctuation before digits, digits before letters.
        ("a_b", "a-b"), ("a-b", "a,b"), ("a;b", "a:b"), ("a!b", "a?b"), ("a?b", "a.b"),
        ("a.b", "a0"), ("a9", "aa"),
        // A prefix first.
        ("Mail.Read", "Mail.ReadBasic"),
        // Lower case before upper case only when nothing else differs.
        ("mail.read", "Mail.Read"), ("Mail.read", "Mail.Read"),
        // Anything else after punctuation, digits and letters.
        ("az", "aé"),
    ])
    func sortsBefore(lhs: String, rhs: String) {
        #expect(KibaliCollation.less(lhs, rhs))
        #expect(!KibaliCollation.less(rhs, lhs))
    }

    @Test func equalTextIsNotLess() {
        #expect(!KibaliCollation.less("Mail.Read", "Mail.Read"))
        #expect(KibaliCollation.key("") == [0])
    }

    @Test func sortedUsesTheSameOrder() {
        let names = ["User.Read", "user.read", "Mail.ReadWrite", "Mail.Read", "Mail-X.Read", "Mail.Read.All", "A1"]
        #expect(KibaliCollation.sorted(names)
            == ["A1", "Mail-X.Read", "Mail.Read", "Mail.Read.All", "Mail.ReadWrite", "user.read", "User.Read"])
        #expect(KibaliCollation.sorted(names) == names.sorted(by: KibaliCollation.less))
    }
}
