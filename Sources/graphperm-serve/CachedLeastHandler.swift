import NIOCore
import NIOHTTP1

/// Answers a repeated `GET /api/least?…` on the event loop, straight after the HTTP/1 decoder, from the finished
/// responses `ExplorerServer` keeps; every other request goes on to Hummingbird unchanged. Also closes a connection
/// that stays idle for `idleTimeout` (as Hummingbird's connection state handler does, which does not see the
/// requests answered here).
///
/// A request is answered here only when nothing sent on to Hummingbird is still waiting for its response (so
/// pipelined responses keep their order), and only for HTTP/1.1 keep-alive requests (closing is left to Hummingbird).
/// The answer is written as bytes past NIO's HTTP/1 encoder: the same bytes, without building and encoding a
/// response head for each request.
final class CachedLeastHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let cache: ResponseCache
    private let serverName: String
    private let idleTimeout: TimeAmount
    /// The HTTP/1 encoder's context: bytes written there go to the socket as they are.
    private let rawOutput: ChannelHandlerContext

    /// Requests sent on to Hummingbird whose response has not been written yet.
    private var forwarded = 0
    /// Whether the body and end of the request being read belong to one answered here (and are dropped).
    private var droppingCurrent = false
    /// Whether responses were written since the last flush.
    private var needsFlush = false
    /// The `Date` and `Server` header lines and the blank line after them, and the second they name.
    private var dateSecond = -1
    private var closingLines = ByteBuffer()
    /// The request target last answered here in `dateSecond`, and the bytes of that answer: a client repeating a
    /// lookup on its connection gets the same buffer again.
    private var lastTarget = ""
    private var lastAnswer = ByteBuffer()

    /// Requests read (head seen) and not yet answered (end written), for the idle timeout.
    private var inProgress = 0
    /// Whether a request's head has been read and its end not yet.
    private var readingRequest = false
    private var lastActive = NIODeadline.now()
    private var idleCheck: Scheduled<Void>?

    init(cache: ResponseCache, serverName: String, idleTimeout: TimeAmount, rawOutput: ChannelHandlerContext) {
        self.cache = cache
        self.serverName = serverName
        self.idleTimeout = idleTimeout
        self.rawOutput = rawOutput
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { scheduleIdleCheck(context, at: .now() + idleTimeout) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        idleCheck = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        scheduleIdleCheck(context, at: .now() + idleTimeout)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        idleCheck = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        lastActive = .now()
        switch part {
        case .head(let head):
            readingRequest = true
            inProgress += 1
            if forwarded == 0, let answer = keptAnswer(for: head, context: context) {
                droppingCurrent = true
                rawOutput.write(NIOAny(IOData.byteBuffer(answer)), promise: nil)
                needsFlush = true
                responseEnded(context)
                return
            }
            droppingCurrent = false
            forwarded += 1
        case .body:
            if droppingCurrent { return }
        case .end:
            readingRequest = false
            if droppingCurrent {
                droppingCurrent = false
                return
            }
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            forwarded = max(0, forwarded - 1)
            responseEnded(context)
        }
        context.write(data, promise: promise)
    }

    func flush(context: ChannelHandlerContext) {
        needsFlush = false
        context.flush()
    }

    /// The bytes of the kept answer to a `GET /api/least?…` HTTP/1.1 keep-alive request, if there is one: the
    /// status line and headers, the `Date` and `Server` headers Hummingbird adds to its responses, and the body,
    /// as NIO's encoder would write them.
    private func keptAnswer(for head: HTTPRequestHead, context: ChannelHandlerContext) -> ByteBuffer? {
        guard head.method == .GET, head.version == .http1_1, head.uri.hasPrefix("/api/least?"), head.isKeepAlive
        else { return nil }
        let now = HTTPDate.nowSeconds()
        if now != dateSecond {
            dateSecond = now
            let date = HTTPDate.text(secondsSince1970: now)
            closingLines = ByteBuffer(string: "Date: \(date)\r\nServer: \(serverName)\r\n\r\n")
            lastTarget = ""
        } else if head.uri == lastTarget {
            return lastAnswer
        }
        guard let prepared = cache[head.uri] else { return nil }
        var bytes = context.channel.allocator.buffer(
            capacity: prepared.http1Head.readableBytes + closingLines.readableBytes + prepared.body.readableBytes)
        bytes.writeImmutableBuffer(prepared.http1Head)
        bytes.writeImmutableBuffer(closingLines)
        bytes.writeImmutableBuffer(prepared.body)
        lastTarget = head.uri
        lastAnswer = bytes
        return bytes
    }

    /// A response is complete: the connection's idle time starts again when no request is left.
    private func responseEnded(_ context: ChannelHandlerContext) {
        inProgress = max(0, inProgress - 1)
        if inProgress == 0, context.channel.isActive {
            lastActive = .now()
            scheduleIdleCheck(context, at: lastActive + idleTimeout)
        }
    }

    private func scheduleIdleCheck(_ context: ChannelHandlerContext, at deadline: NIODeadline) {
        guard idleCheck == nil else { return }
        idleCheck = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            idleCheck = nil
            // A request read in full and still being answered keeps the connection (its end reschedules).
            if !readingRequest, inProgress > 0 { return }
            if NIODeadline.now() >= lastActive + idleTimeout {
                context.close(promise: nil)
            } else {
                scheduleIdleCheck(context, at: lastActive + idleTimeout)
            }
        }
    }
}
