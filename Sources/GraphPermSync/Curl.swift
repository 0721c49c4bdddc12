#if os(Linux)
import Foundation

/// libcurl's easy interface, opened at run time (the same `libcurl.so.4` FoundationNetworking uses). Only integer
/// and pointer options are set, through non-variadic prototypes, which the Linux calling conventions pass alike.
final class Curl: @unchecked Sendable {
    private typealias EasyInit = @convention(c) () -> OpaquePointer?
    private typealias SetLong = @convention(c) (OpaquePointer?, Int32, Int) -> Int32
    private typealias SetPointer = @convention(c) (OpaquePointer?, Int32, UnsafeRawPointer?) -> Int32
    private typealias Perform = @convention(c) (OpaquePointer?) -> Int32
    private typealias Cleanup = @convention(c) (OpaquePointer?) -> Void
    private typealias SlistAppend = @convention(c) (OpaquePointer?, UnsafePointer<CChar>) -> OpaquePointer?
    private typealias SlistFree = @convention(c) (OpaquePointer?) -> Void
    private typealias StrError = @convention(c) (Int32) -> UnsafePointer<CChar>?

    // Option numbers from curl.h (type base + number).
    private enum Option {
        static let writeData: Int32 = 10001, url: Int32 = 10002, userAgent: Int32 = 10018
        static let httpHeader: Int32 = 10023, headerData: Int32 = 10029, progressData: Int32 = 10057
        static let acceptEncoding: Int32 = 10102, noProgress: Int32 = 43, followLocation: Int32 = 52
        static let noSignal: Int32 = 99, timeoutMS: Int32 = 155, protocols: Int32 = 181, redirectProtocols: Int32 = 182
        static let writeFunction: Int32 = 20011, headerFunction: Int32 = 20079, progressFunction: Int32 = 20219
        static let maxFileSize: Int32 = 30117
    }

    private let easyInit: EasyInit, setLong: SetLong, setPointer: SetPointer, easyPerform: Perform
    private let cleanup: Cleanup, slistAppend: SlistAppend, slistFree: SlistFree, strError: StrError

    private nonisolated(unsafe) static var loaded: Curl?
    private static let loading = NSLock()

    /// The library, loaded once; an error naming `source` when it cannot be.
    static func shared(source: String) throws -> Curl {
        try loading.withLock {
            if let loaded { return loaded }
            guard let curl = Curl() else {
                throw SyncError(source: source, message: "libcurl (libcurl.so.4) cannot be loaded: install libcurl4")
            }
            loaded = curl
            return curl
        }
    }

    private init?() {
        guard let library = dlopen("libcurl.so.4", RTLD_NOW) else { return nil }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(library, name).map { unsafeBitCast($0, to: type) }
        }
        guard let easyInit = symbol("curl_easy_init", as: EasyInit.self),
            let setLong = symbol("curl_easy_setopt", as: SetLong.self),
            let setPointer = symbol("curl_easy_setopt", as: SetPointer.self),
            let easyPerform = symbol("curl_easy_perform", as: Perform.self),
            let cleanup = symbol("curl_easy_cleanup", as: Cleanup.self),
            let slistAppend = symbol("curl_slist_append", as: SlistAppend.self),
            let slistFree = symbol("curl_slist_free_all", as: SlistFree.self),
            let strError = symbol("curl_easy_strerror", as: StrError.self)
        else { return nil }
        (self.easyInit, self.setLong, self.setPointer, self.easyPerform) = (easyInit, setLong, setPointer, easyPerform)
        (self.cleanup, self.slistAppend, self.slistFree, self.strError) = (cleanup, slistAppend, slistFree, strError)
    }

    /// Runs `request` to completion on this thread; returns curl's result code (0 for success).
    func perform(_ request: HTTPRequest, exchange: CurlExchange, timeout: TimeInterval) throws -> Int32 {
        guard let handle = easyInit() else { return 2 }  // CURLE_FAILED_INIT
        defer { cleanup(handle) }
        var headers: OpaquePointer?
        defer { slistFree(headers) }
        for (name, value) in request.headers where name.lowercased() != "accept-encoding" {
            headers = slistAppend(headers, "\(name): \(value)")
        }
        let context = Unmanaged.passUnretained(exchange).toOpaque()
        let texts: [String] = [request.url.absoluteString, request.value("Accept-Encoding") ?? "gzip"]
        let strings = texts.map { strdup($0) }
        defer { strings.forEach { free($0) } }
        _ = setPointer(handle, Option.url, strings[0])
        _ = setPointer(handle, Option.acceptEncoding, strings[1])  // asks for it and decodes it
        _ = setPointer(handle, Option.httpHeader, UnsafeRawPointer(headers))
        _ = setLong(handle, Option.protocols, 3)  // CURLPROTO_HTTP | CURLPROTO_HTTPS
        _ = setLong(handle, Option.redirectProtocols, 3)
        _ = setLong(handle, Option.followLocation, 0)
        _ = setLong(handle, Option.noSignal, 1)
        _ = setLong(handle, Option.timeoutMS, max(1, Int(timeout * 1000)))
        _ = setLong(handle, Option.maxFileSize, exchange.maxBytes)
        _ = setPointer(handle, Option.writeFunction, unsafeBitCast(curlWrite, to: UnsafeRawPointer.self))
        _ = setPointer(handle, Option.writeData, context)
        _ = setPointer(handle, Option.headerFunction, unsafeBitCast(curlHeader, to: UnsafeRawPointer.self))
        _ = setPointer(handle, Option.headerData, context)
        _ = setLong(handle, Option.noProgress, 0)
        _ = setPointer(handle, Option.progressFunction, unsafeBitCast(curlProgress, to: UnsafeRawPointer.self))
        _ = setPointer(handle, Option.progressData, context)
        return withExtendedLifetime(exchange) { easyPerform(handle) }
    }

    func describe(_ code: Int32) -> String {
        if code == 63 { return "the answer declares more bytes than the limit" }
        return strError(code).map { String(cString: $0) } ?? "curl error \(code)"
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

private let curlWrite: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    data, size, count, context in
    guard let context, let data else { return 0 }
    let exchange = Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    return exchange.write(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private let curlHeader: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
    data, size, count, context in
    guard let context, let data else { return 0 }
    let exchange = Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    exchange.header(String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self))
    return length
}

private let curlProgress: @convention(c) (UnsafeMutableRawPointer?, Int64, Int64, Int64, Int64) -> Int32 = {
    context, _, _, _, _ in
    guard let context else { return 1 }
    return Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
}
#endif
