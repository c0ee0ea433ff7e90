// bk-echod: a daemon serving only the echo test service, on the same scaffolding as every real daemon.
// Used by end-to-end tests, the interop tests and the benchmark; not shipped.
import ArgumentParser
import BKAuth
import BKDaemon
import BKRPC
import BKTestSupport

@main
struct EchoDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bk-echod", abstract: "Serve binakarier.testing.v1.Echo on <socket-dir>/echo.sock (tests and benchmarks only).")

    @OptionGroup var options: DaemonOptions

    @Flag(help: "Require a token on Echo, verified with identity's keys and revocation feed (as every domain daemon does).")
    var verifyTokens = false

    @Option(help: "Seconds between polls of identity's revocation feed.")
    var revocationPollSeconds: Double = 5

    func run() async throws {
        try await Daemon.run(name: .echo, configuration: try options.resolve()) { configuration, logger, _ in
            guard verifyTokens else { return DaemonComponents(services: [EchoService()]) }
            let authenticator = TokenAuthenticator()
            let identity = RPCClient(socketPath: configuration.socketPath(for: .identity))
            let follower = TokenFeedFollower(
                client: .init(identity), authenticator: authenticator,
                pollInterval: .milliseconds(Int(revocationPollSeconds * 1000)), logger: logger)
            return DaemonComponents(
                services: [EchoService(policy: .authenticated(services: [DaemonName.programs.rawValue]))],
                authenticator: authenticator, background: [follower])
        }
    }
}
