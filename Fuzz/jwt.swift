import GraphPermCore

// libFuzzer entry: the JWT decoder, the claims it yields, and what `diagnose` and `claims` do with them
// (validity at several times, the diagnosis and the claims report rendered; the knowledge base look-ups are not
// in the fuzz build, which has no SQLite).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJWT(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzTargets.decodeToken(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
