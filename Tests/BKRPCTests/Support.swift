import BKProto
import BKRPC
import BKTestSupport
import Logging

typealias Echo = Binakarier_Testing_V1_Echo
typealias EchoRequest = Binakarier_Testing_V1_EchoRequest

/// An in-process server with the echo service on a fresh socket, and a client for it.
struct EchoFixture {
    let directory: TemporaryDirectory
    let server: RPCServer
    let client: RPCClient
    var socketPath: String { server.configuration.socketPath }

    static func start(
        allowedPeers: PeerAllowList = .ownerAndRoot, drainTimeout: Duration = .seconds(5), socketName: String = "echo.sock"
    ) async throws -> EchoFixture {
        let directory = try TemporaryDirectory()
        var router = RPCRouter()
        router.register(EchoService())
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let server = RPCServer(
            configuration: .init(
                socketPath: directory.appending("run/\(socketName)"), allowedPeers: allowedPeers, drainTimeout: drainTimeout),
            router: router, logger: logger)
        try await server.start()
        return EchoFixture(directory: directory, server: server, client: RPCClient(socketPath: server.configuration.socketPath))
    }

    func stop() async {
        await client.close()
        await server.shutdown()
        directory.remove()
    }
}

/// Runs `body` with a started fixture and always stops it.
func withEcho(
    allowedPeers: PeerAllowList = .ownerAndRoot, drainTimeout: Duration = .seconds(5),
    _ body: (EchoFixture) async throws -> Void
) async throws {
    let fixture = try await EchoFixture.start(allowedPeers: allowedPeers, drainTimeout: drainTimeout)
    do {
        try await body(fixture)
    } catch {
        await fixture.stop()
        throw error
    }
    await fixture.stop()
}
