import BKProto
import BKRPC
import BKTestSupport

typealias Echo = Binakarier_Testing_V1_Echo
typealias EchoRequest = Binakarier_Testing_V1_EchoRequest

extension InProcessServer {
    /// The echo service in process (see `InProcessServer`).
    static func echo(allowedPeers: PeerAllowList = .ownerAndRoot, drainTimeout: Duration = .seconds(5)) async throws -> InProcessServer {
        try await InProcessServer([EchoService()], allowedPeers: allowedPeers, drainTimeout: drainTimeout)
    }

    /// The typed echo client of this server.
    var echoClient: Echo.Client { Echo.Client(client) }
}

/// Runs `body` with the echo service in process and always stops it.
func withEcho(
    allowedPeers: PeerAllowList = .ownerAndRoot, drainTimeout: Duration = .seconds(5),
    _ body: (InProcessServer) async throws -> Void
) async throws {
    try await InProcessServer.with([EchoService()], allowedPeers: allowedPeers, drainTimeout: drainTimeout, body)
}
