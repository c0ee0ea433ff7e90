// bk-echod: a daemon serving only the echo test service, on the same scaffolding as every real daemon.
// Used by end-to-end tests, the interop tests and the benchmark; not shipped.
import ArgumentParser
import BKDaemon
import BKTestSupport

@main
struct EchoDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bk-echod", abstract: "Serve binakarier.testing.v1.Echo on <socket-dir>/echo.sock (tests and benchmarks only).")

    @OptionGroup var options: DaemonOptions

    func run() async throws {
        try await Daemon.run(name: "echo", configuration: try options.resolve()) { _, _ in
            DaemonComponents(services: [EchoService()])
        }
    }
}
