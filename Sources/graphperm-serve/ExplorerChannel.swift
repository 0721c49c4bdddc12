import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 child channel with `CachedLeastHandler` right after the HTTP/1 decoder: repeated
/// `/api/least` lookups are answered on the event loop, everything else is Hummingbird's as before.
///
/// The pipeline is `HTTP1Channel`'s (NIO's HTTP/1 encoder and decoder with Hummingbird's limits, the conversion to
/// HTTP types, the connection state handler, the async channel), except that the encoder is not told each request's
/// method: the explorer already sends HEAD responses without a body, and `CachedLeastHandler` writes its responses
/// as bytes past the encoder.
struct ExplorerChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let cache: ResponseCache
    let serverName: String
    let idleTimeout: TimeAmount

    /// A channel answering with `responder`; `CachedLeastHandler` keeps the idle timeout, since it sees every request.
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
        channel.eventLoop.makeCompletedFuture {
            let limits = http1.configuration.httpDecoder
            var decoderLimits = NIOHTTPDecoderLimitConfiguration()
            decoderLimits.maxHeaderFieldSize = limits.maxHeaderFieldSize
            decoderLimits.maxHeaderListSize = limits.maxHeaderListSize
            decoderLimits.maxHeaderFieldCount = limits.maxHeaderFieldCount
            let encoder = HTTPResponseEncoder(configuration: .init())
            let operations = channel.pipeline.syncOperations
            let decoder = HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes, limitConfiguration: decoderLimits)
            try operations.addHandlers([encoder, ByteToMessageHandler(decoder)])
            let cached = CachedLeastHandler(
                cache: cache, serverName: serverName, idleTimeout: idleTimeout,
                rawOutput: try operations.context(handler: encoder))
            try operations.addHandlers([
                cached, HTTP1ToHTTPServerCodec(secure: false),
                HTTPConnectionStateHandler(idleTimeout: nil, logger: logger),
            ])
            return try NIOAsyncChannel(
                wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
