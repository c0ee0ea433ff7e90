import BKProto
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A ttrpc client for one daemon's socket. Many calls may be in flight at once on its one connection.
///
/// It connects on first use and again on the next call after the connection is lost (for example
/// because the daemon restarted). Every call has a deadline: the caller's, or `defaultTimeout`.
public final class RPCClient: Sendable {
    public let socketPath: String
    public let defaultTimeout: Duration
    /// The event loop the connection lives on.
    public let eventLoop: any EventLoop
    /// Tasks that prefer this executor run on the connection's event loop, so a call costs no thread
    /// hop (useful for callers that make many calls in a row, like benchmarks and importers).
    public let executor: EventLoopTaskExecutor
    private let connection = NIOLockedValueBox<ConnectionState>(.idle)

    private enum ConnectionState: Sendable {
        case idle
        case connecting(EventLoopFuture<ConnectedChannel>)
        case connected(ConnectedChannel)
        case closed
    }

    private struct ConnectedChannel: Sendable {
        let channel: any Channel
        let handler: NIOLoopBound<TTRPCClientConnection>
    }

    public init(
        socketPath: String, defaultTimeout: Duration = .seconds(30),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.socketPath = socketPath
        self.defaultTimeout = defaultTimeout
        self.eventLoop = group.next()
        self.executor = EventLoopTaskExecutor(eventLoop: eventLoop)
    }

    /// Calls a unary method.
    public func call<Input, Output>(
        _ method: ProtoMethod<Input, Output>, _ request: Input, metadata: RPCMetadata = [:], timeout: Duration? = nil
    ) async throws(RPCError) -> Output {
        let payload: [UInt8]
        do {
            payload = try request.serializedBytes()
        } catch {
            throw RPCError(.invalidArgument, "cannot encode request: \(error)")
        }
        let response = try await callRaw(
            service: method.service, method: method.name, payload: payload, metadata: metadata, timeout: timeout)
        do {
            return try Output(serializedBytes: response)
        } catch {
            throw RPCError(.internal, "cannot decode response of \(method.fullName): \(error)")
        }
    }

    /// Calls a method with an already encoded payload.
    public func callRaw(
        service: String, method: String, payload: [UInt8], metadata: RPCMetadata = [:], timeout: Duration? = nil
    ) async throws(RPCError) -> [UInt8] {
        let timeout = timeout ?? defaultTimeout
        guard payload.count <= TTRPCEnvelope.maximumPayloadLength else {
            throw RPCError(.resourceExhausted, "request of \(payload.count) bytes exceeds the \(TTRPCLimits.maximumDataLength)-byte frame limit")
        }
        let request = Binakarier_Rpc_V1_Request(
            service: service, method: method, payload: payload, timeoutNano: timeout.nanoseconds,
            metadata: metadata.map { .init(key: $0.key, value: $0.value) })
        let connected = try await connect()
        let promise = connected.channel.eventLoop.makePromise(of: [UInt8].self)
        if connected.channel.eventLoop.inEventLoop {
            connected.handler.value.send(request, timeout: timeout, promise: promise)
        } else {
            connected.channel.eventLoop.execute { connected.handler.value.send(request, timeout: timeout, promise: promise) }
        }
        do {
            return try await promise.futureResult.get()
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(.unavailable, "\(error)")
        }
    }

    /// Closes the connection; calls in flight fail with UNAVAILABLE and later calls are refused.
    public func close() async {
        let state = connection.withLockedValue { state in
            defer { state = .closed }
            return state
        }
        switch state {
        case .connected(let connected): try? await connected.channel.close()
        case .connecting(let future): try? await future.get().channel.close()
        case .idle, .closed: break
        }
    }

    private func connect() async throws(RPCError) -> ConnectedChannel {
        let future: EventLoopFuture<ConnectedChannel> = connection.withLockedValue { state in
            switch state {
            case .connected(let connected) where connected.channel.isActive:
                return eventLoop.makeSucceededFuture(connected)
            case .connecting(let future):
                return future
            case .closed:
                return eventLoop.makeFailedFuture(RPCError(.unavailable, "client is closed"))
            case .idle, .connected:
                let future = makeConnection()
                state = .connecting(future)
                return future
            }
        }
        do {
            let connected = try await future.get()
            connection.withLockedValue { state in
                if case .connecting = state { state = .connected(connected) }
            }
            return connected
        } catch {
            connection.withLockedValue { state in
                if case .connecting = state { state = .idle }
            }
            if let error = error as? RPCError { throw error }
            throw RPCError(.unavailable, "cannot connect to \(socketPath): \(error)")
        }
    }

    private func makeConnection() -> EventLoopFuture<ConnectedChannel> {
        ClientBootstrap(group: eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TTRPCClientConnection())
                }
            }
            .connect(unixDomainSocketPath: socketPath)
            .flatMapThrowing { channel in
                let handler = try channel.pipeline.syncOperations.handler(type: TTRPCClientConnection.self)
                return ConnectedChannel(channel: channel, handler: NIOLoopBound(handler, eventLoop: channel.eventLoop))
            }
    }
}
