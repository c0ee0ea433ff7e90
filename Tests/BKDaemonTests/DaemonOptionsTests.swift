import ArgumentParser
import BKDaemon
import BKRPC
import Testing

@Suite("Daemon options")
struct DaemonOptionsTests {
    @Test func flagsWinOverEnvironmentWhichWinsOverDefaults() throws {
        let environment = [
            "BINAKARIER_SOCKET_DIR": "/env/run", "BINAKARIER_DATA_DIR": "/env/data", "BINAKARIER_LOG_LEVEL": "debug",
            "BINAKARIER_ALLOWED_PEERS": "uid:1000", "BINAKARIER_DRAIN_TIMEOUT": "2.5",
        ]
        let fromEnvironment = try DaemonOptions.parse([]).resolve(environment: environment)
        #expect(fromEnvironment.socketDirectory == "/env/run")
        #expect(fromEnvironment.dataDirectory == "/env/data")
        #expect(fromEnvironment.logLevel == .debug)
        #expect(fromEnvironment.allowedPeers == PeerAllowList(uids: [1000]))
        #expect(fromEnvironment.drainTimeout == .milliseconds(2500))
        #expect(fromEnvironment.socketPath(for: .identity) == "/env/run/identity.sock")

        let fromFlags = try DaemonOptions.parse(["--socket-dir", "/flag/run", "--log-level", "ERROR", "--allowed-peers", "gid:5"])
            .resolve(environment: environment)
        #expect(fromFlags.socketDirectory == "/flag/run")
        #expect(fromFlags.dataDirectory == "/env/data")
        #expect(fromFlags.logLevel == .error)
        #expect(fromFlags.allowedPeers == PeerAllowList(gids: [5]))

        let defaults = try DaemonOptions.parse([]).resolve(environment: [:])
        #expect(defaults.socketDirectory == "/run/binakarier")
        #expect(defaults.dataDirectory == "/var/lib/binakarier")
        #expect(defaults.logLevel == .info)
        #expect(defaults.allowedPeers == .ownerAndRoot)
        #expect(defaults.drainTimeout == .seconds(10))
    }

    @Test(arguments: [
        ["--log-level", "loud"], ["--allowed-peers", "someone"], ["--drain-timeout=-1"], ["--drain-timeout", "99999"],
    ])
    func badValuesAreClearErrors(arguments: [String]) throws {
        let options = try DaemonOptions.parse(arguments)
        #expect(throws: ValidationError.self) { try options.resolve(environment: [:]) }
    }
}
