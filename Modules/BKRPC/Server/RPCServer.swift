import BKProto
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A ttrpc server on a Unix domain socket.
///
/// `start()` prepares the socket (see ``UnixSocketPath``) and listens; `shutdown()` turns health to
/// NOT_SERVING, stops accepting, refuses new calls with UNAVAILABLE, lets calls in flight finish for
/// up to `drainTimeout`, then closes what is left.
public final class RPCServer: Sendable {
    public struct Configuration: Sendable {
        public var socketPath: String
        public var allowedPeers: PeerAllowList
        /// How long calls in flight may run on after shutdown begins.
        public var drainTimeout: Duration

        public init(socketPath: String, allowedPeers: PeerAllowList = .ownerAndRoot, drainTimeout: Duration = .seconds(10)) {
            self.socketPath = socketPath
            self.allowedPeers = allowedPeers
            self.drainTimeout = drainTimeout
        }
    }

    /// An open client connection (opaque outside the server).
    public struct Connection: Sendable {
        let channel: any Channel
        let handler: NIOLoopBound<TTRPCServerConnection>
    }

    private struct State: Sendable {
        var listener: (any Channel)?
        var connections: [ObjectIdentifier: Connection] = [:]
        var shuttingDown = false
    }

    public let configuration: Configuration
    public let health: HealthService
    private let router: RPCRouter
    private let group: any EventLoopGroup
    private let logger: Logger
    private let state = NIOLockedValueBox(State())

    /// - Parameter router: the services to serve; the health service is added to it.
    public init(
        configuration: Configuration, router: RPCRouter, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        let health = HealthService()
        var router = router
        router.register(health)
        health.markServing(router.serviceNames)
        self.configuration = configuration
        self.router = router
        self.health = health
        self.group = group
        self.logger = logger
    }

    /// Binds the socket and starts accepting connections.
    public func start() async throws {
        try router.validate()
        let path = configuration.socketPath
        try UnixSocketPath.prepare(path)
        let router = self.router
        let allowedPeers = configuration.allowedPeers
        let logger = self.logger
        let exempt: Set<String> = [Binakarier_Health_V1_Health.serviceName]
        let state = self.state
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = TTRPCServerConnection(
                        router: router, allowedPeers: allowedPeers, exemptFromDraining: exempt, logger: logger,
                        onClose: { id in state.withLockedValue { _ = $0.connections.removeValue(forKey: id) } })
                    try channel.pipeline.syncOperations.addHandler(handler)
                    let connection = Connection(channel: channel, handler: NIOLoopBound(handler, eventLoop: channel.eventLoop))
                    let refused = state.withLockedValue { state in
                        if !state.shuttingDown { state.connections[ObjectIdentifier(channel)] = connection }
                        return state.shuttingDown
                    }
                    if refused { handler.beginDraining() }
                }
            }
            .bind(unixDomainSocketPath: path)
            .get()
        UnixSocketPath.restrictPermissions(path)
        state.withLockedValue { $0.listener = listener }
        logger.info("listening", metadata: ["socket": "\(path)", "services": "\(router.serviceNames.joined(separator: ","))"])
    }

    /// Drains and stops; see the type's documentation. Safe to call more than once.
    public func shutdown() async {
        let connections = await beginShutdown()
        let logger = self.logger
        let forceClose = group.any().scheduleTask(in: .nanoseconds(configuration.drainTimeout.nanoseconds)) {
            logger.warning("drain timeout: closing connections with calls still in flight")
            for connection in connections { connection.channel.close(promise: nil) }
        }
        for connection in connections { try? await connection.channel.closeFuture.get() }
        forceClose.cancel()
        logger.info("stopped")
    }

    /// The first half of ``shutdown()``: when it returns, health says NOT_SERVING, the socket is closed
    /// and removed, and every open connection refuses new calls. Calls in flight go on.
    @discardableResult
    public func beginShutdown() async -> [Connection] {
        let (listener, connections) = state.withLockedValue { state in
            state.shuttingDown = true
            let listener = state.listener
            state.listener = nil
            return (listener, Array(state.connections.values))
        }
        health.markAllNotServing()
        if let listener {
            try? await listener.close()
            UnixSocketPath.removeSocket(configuration.socketPath)
        }
        for connection in connections {
            try? await connection.channel.eventLoop.submit { connection.handler.value.beginDraining() }.get()
        }
        return connections
    }

    /// Connections open right now (for tests and metrics).
    public var connectionCount: Int { state.withLockedValue { $0.connections.count } }

    /// Calls being handled right now, over all connections.
    public func callsInFlight() async -> Int {
        let connections = state.withLockedValue { Array($0.connections.values) }
        var total = 0
        for connection in connections {
            total += (try? await connection.channel.eventLoop.submit { connection.handler.value.inFlightCount }.get()) ?? 0
        }
        return total
    }
}
