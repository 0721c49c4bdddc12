import GraphPermCore

// libFuzzer entry: the JSON parser and every loader's reading of a parsed document.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzTargets.loadDocument(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
