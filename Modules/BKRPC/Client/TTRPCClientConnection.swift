import BKProto
import NIOCore

/// The client side of one connection: assigns odd stream ids, matches responses to calls in any order,
/// and fails calls at their deadline or when the connection goes away. Lives on its event loop.
final class TTRPCClientConnection: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private struct PendingCall {
        let promise: EventLoopPromise<[UInt8]>
        let deadline: NIODeadline
        let timeout: Duration
    }

    private var context: ChannelHandlerContext?
    private var parser = TTRPCFrameParser()
    private var pending: [UInt32: PendingCall] = [:]
    private var nextStreamID: UInt32 = 1
    private var deadlines = DeadlineTimer()
    private var needsFlush = false
    private var flushScheduled = false

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    /// Sends a request; the promise completes with the response payload or fails with an `RPCError`.
    func send(_ request: Binakarier_Rpc_V1_Request, timeout: Duration, promise: EventLoopPromise<[UInt8]>) {
        guard let context, context.channel.isActive else {
            promise.fail(RPCError(.unavailable, "connection to the server is closed"))
            return
        }
        let streamID = nextStreamID
        // Odd ids only, wrapping before the top bit as ttrpc clients do.
        nextStreamID = nextStreamID >= UInt32.max - 2 ? 1 : nextStreamID + 2
        var buffer = context.channel.allocator.buffer(capacity: 64 + request.payload.count)
        do {
            try TTRPCEnvelope.writeRequest(request, streamID: streamID, into: &buffer)
        } catch {
            promise.fail(RPCError(.invalidArgument, "cannot encode request: \(error)"))
            return
        }
        let deadline = NIODeadline.now() + .nanoseconds(timeout.nanoseconds)
        pending[streamID] = PendingCall(promise: promise, deadline: deadline, timeout: timeout)
        let connection = NIOLoopBound(self, eventLoop: context.eventLoop)
        deadlines.arm(for: deadline, on: context.eventLoop) { connection.value.expireDueCalls() }
        context.write(wrapOutboundOut(buffer), promise: nil)
        // Coalesced: requests issued in the same event-loop tick share one write (measured faster
        // than flushing each, unlike responses on the server; see tools/bench-rpc).
        scheduleFlush()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        parser.append(unwrapInboundIn(data))
        while let frame = parser.next() {
            switch frame {
            case .oversized(let header):
                fail(header.streamID, RPCError(.resourceExhausted, "response of \(header.length) bytes exceeds the frame limit"))
            case .frame(let header, let data):
                guard header.type == TTRPCMessageType.response.rawValue,
                    let call = pending.removeValue(forKey: header.streamID)
                else { continue }  // late answer to a call that already timed out
                call.promise.completeWith(TTRPCEnvelope.decodeResponse(data).mapError { $0 as any Error })
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        let calls = pending
        pending.removeAll()
        deadlines.cancel()
        for call in calls.values {
            call.promise.fail(RPCError(.unavailable, "connection to the server was lost"))
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func fail(_ streamID: UInt32, _ error: RPCError) {
        pending.removeValue(forKey: streamID)?.promise.fail(error)
    }

    private func expireDueCalls() {
        deadlines.fired()
        let now = NIODeadline.now()
        var next: NIODeadline?
        for (streamID, call) in pending {
            if call.deadline <= now {
                fail(streamID, RPCError(.deadlineExceeded, "deadline exceeded after \(call.timeout)"))
            } else if next == nil || call.deadline < next! {
                next = call.deadline
            }
        }
        if let next, let context {
            let connection = NIOLoopBound(self, eventLoop: context.eventLoop)
            deadlines.arm(for: next, on: context.eventLoop) { connection.value.expireDueCalls() }
        }
    }

    /// Requests sent in the same event-loop tick go out in one write.
    private func scheduleFlush() {
        needsFlush = true
        guard !flushScheduled, let context else { return }
        flushScheduled = true
        let connection = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let this = connection.value
            this.flushScheduled = false
            if this.needsFlush {
                this.needsFlush = false
                this.context?.flush()
            }
        }
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : product.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}
