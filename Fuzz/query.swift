import GraphPermCore

// libFuzzer entry: the query language's lexer, parser, printer and planner.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzTargets.parseStatements(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
