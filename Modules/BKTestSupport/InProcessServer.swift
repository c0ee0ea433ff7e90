import BKProto
import BKRPC
import Logging

/// Services served in this process on a real socket in a fresh directory, with a client for it: the
/// one fixture for tests that need to control what a daemon cannot (a clock, a failure, a handler).
public final class InProcessServer: Stoppable {
    public let directory: TemporaryDirectory
    public let server: RPCServer
    public let client: RPCClient
    public var socketPath: String { server.configuration.socketPath }

    public init(
        _ services: [any RPCService], authenticator: (any CallerAuthenticating)? = nil,
        allowedPeers: PeerAllowList = .ownerAndRoot, drainTimeout: Duration = .seconds(5), socket: DaemonName = .echo
    ) async throws {
        directory = try TemporaryDirectory()
        var router = RPCRouter(authenticator: authenticator)
        for service in services { router.register(service) }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        server = RPCServer(
            configuration: .init(
                socketPath: socket.socketPath(in: directory.appending("run")), allowedPeers: allowedPeers, drainTimeout: drainTimeout),
            router: router, logger: logger)
        do {
            try await server.start()
        } catch {
            directory.remove()
            throw error
        }
        client = RPCClient(socketPath: server.configuration.socketPath)
    }

    public func stop() async {
        await client.close()
        await server.shutdown()
        directory.remove()
    }

    /// Runs `body` with a started server and always stops it.
    public static func with<T>(
        _ services: [any RPCService], authenticator: (any CallerAuthenticating)? = nil,
        allowedPeers: PeerAllowList = .ownerAndRoot, drainTimeout: Duration = .seconds(5), socket: DaemonName = .echo,
        _ body: (InProcessServer) async throws -> T
    ) async throws -> T {
        try await InProcessServer(
            services, authenticator: authenticator, allowedPeers: allowedPeers, drainTimeout: drainTimeout, socket: socket
        ).stopping(after: body)
    }
}
