import BKRPC

/// One RPC client per daemon the gateway calls, over their sockets in the socket directory. A daemon
/// that is down fails only the calls made to it (UNAVAILABLE → 503); the client reconnects on the next
/// call once it is back.
final class DaemonClients: Sendable {
    let identity: RPCClient
    let programs: RPCClient
    let feedback: RPCClient
    let reporting: RPCClient

    init(socketDirectory: String, timeout: Duration = .seconds(30)) {
        func client(_ name: DaemonName) -> RPCClient {
            RPCClient(socketPath: name.socketPath(in: socketDirectory), defaultTimeout: timeout)
        }
        identity = client(.identity)
        programs = client(.programs)
        feedback = client(.feedback)
        reporting = client(.reporting)
    }

    func client(for daemon: DaemonName) -> RPCClient? {
        switch daemon {
        case .identity: identity
        case .programs: programs
        case .feedback: feedback
        case .reporting: reporting
        case .gateway, .echo: nil
        }
    }

    func close() async {
        for client in [identity, programs, feedback, reporting] { await client.close() }
    }
}
