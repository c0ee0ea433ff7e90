// bk-gateway: the HTTP/JSON API and the web application over the daemons' sockets. Wiring only; the
// gateway lives in Modules/Gateway.
import ArgumentParser
import BKDaemon
import BKRPC
import Foundation
import Gateway

@main
struct GatewayDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bk-gateway",
        abstract: "BinaKarier gateway: REST/JSON under /api/v1 and the web application, over the daemons' sockets; health on <socket-dir>/gateway.sock.")

    @OptionGroup var options: DaemonOptions

    @Option(help: "Where to listen for HTTP, HOST:PORT (env BINAKARIER_HTTP_ADDRESS; default 127.0.0.1:8080; port 0 picks a free one).")
    var httpAddress: String?

    @Flag(help: "Mark cookies Secure and send HSTS: set this when a TLS proxy serves the gateway.")
    var secureCookies = false

    func run() async throws {
        let text = httpAddress ?? ProcessInfo.processInfo.environment["BINAKARIER_HTTP_ADDRESS"] ?? "127.0.0.1:8080"
        guard let address = GatewayConfiguration.parseAddress(text) else {
            throw ValidationError("--http-address must be HOST:PORT (for example 127.0.0.1:8080), not '\(text)'")
        }
        try await Daemon.run(name: .gateway, configuration: try options.resolve()) { configuration, logger, resources in
            let gateway = try await resources.open("gateway") {
                try Gateway(
                    configuration: .init(
                        host: address.host, port: address.port, socketDirectory: configuration.socketDirectory,
                        dataDirectory: configuration.dataDirectory, secureCookies: secureCookies),
                    logger: logger)
            } close: { gateway in await gateway.close() }
            return DaemonComponents(services: [], background: [gateway.application]) {
                try await gateway.waitUntilListening()
            }
        }
    }
}
