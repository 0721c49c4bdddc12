// libFuzzer entry: the JWT decoder and the claims it yields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJWT(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzTargets.decodeToken(Array(UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
