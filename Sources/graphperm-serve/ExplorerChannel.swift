import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 child channel with `CachedLeastHandler` right after the HTTP/1 decoder: repeated
/// `/api/least` lookups are answered on the event loop, everything else is Hummingbird's as before.
struct ExplorerChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let cache: ResponseCache
    let serverName: String
    let idleTimeout: TimeAmount

    /// Hummingbird's HTTP/1 channel for `responder` (its own idle timeout off: `CachedLeastHandler` keeps it, since
    /// it sees every request).
    init(
        responder: @escaping HTTPChannelHandler.Responder, cache: ResponseCache, serverName: String,
        idleTimeout: TimeAmount
    ) {
        http1 = HTTP1Channel(responder: responder, configuration: .init(idleTimeout: nil))
        self.cache = cache
        self.serverName = serverName
        self.idleTimeout = idleTimeout
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let cache = self.cache
        let serverName = self.serverName
        let idleTimeout = self.idleTimeout
        return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(
                CachedLeastHandler(cache: cache, serverName: serverName, idleTimeout: idleTimeout),
                position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
