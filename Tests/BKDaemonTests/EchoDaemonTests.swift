import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

/// The scaffolding end to end: the real bk-echod binary, its socket, readiness line, metrics, signals.
@Suite("bk-echod, a real daemon process", .timeLimit(.minutes(3)))
struct EchoDaemonTests {
    static func startDaemon(in directory: TemporaryDirectory, extra: [String] = []) async throws -> DaemonProcess {
        let daemon = try DaemonProcess(
            binary: "bk-echod",
            arguments: ["--socket-dir", directory.appending("run"), "--data-dir", directory.appending("data")] + extra,
            logPath: directory.appending("echod.log"))
        try await daemon.start()
        return daemon
    }

    @Test func servesEchoHealthAndMetricsThenStopsCleanlyOnSIGTERM() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let daemon = try await Self.startDaemon(in: directory)
        let client = RPCClient(socketPath: DaemonName.echo.socketPath(in: directory.appending("run")))
        let reply = try await Binakarier_Testing_V1_Echo.Client(client).echo(.init(text: "halo"))
        #expect(reply.text == "halo")
        let health = try await Binakarier_Health_V1_Health.Client(client).check()
        #expect(health.status == .serving)
        let metrics = try await Binakarier_Metrics_V1_Metrics.Client(client).scrape()
        #expect(metrics.text.contains(#"binakarier_rpc_server_handled_total{service="binakarier.testing.v1.Echo",method="Echo",code="OK"} 1"#))

        let slow = Task { try await Binakarier_Testing_V1_Echo.Client(client).echo(.init(text: "terakhir", delayMs: 2000)) }
        try await Task.sleep(for: .milliseconds(500))  // long enough for the call to reach the daemon, even on a busy machine
        let status = await daemon.terminate()
        #expect(try await slow.value.text == "terakhir")
        #expect(status == 0)
        #expect(daemon.log.contains("stopped cleanly"))
        #expect(!FileManager.default.fileExists(atPath: DaemonName.echo.socketPath(in: directory.appending("run"))))
        await client.close()
    }

    @Test func restartAfterSIGKILLReplacesTheStaleSocketAndClientsReconnect() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try await Self.startDaemon(in: directory)
        let client = RPCClient(socketPath: DaemonName.echo.socketPath(in: directory.appending("run")))
        #expect(try await Binakarier_Testing_V1_Echo.Client(client).echo(.init(text: "satu")).text == "satu")
        await first.kill()
        #expect(FileManager.default.fileExists(atPath: DaemonName.echo.socketPath(in: directory.appending("run"))))  // left behind
        let second = try await Self.startDaemon(in: directory)
        #expect(try await Binakarier_Testing_V1_Echo.Client(client).echo(.init(text: "dua")).text == "dua")
        await second.terminate()
        await client.close()
    }

    @Test func aSecondDaemonOnTheSameSocketRefusesToStart() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try await Self.startDaemon(in: directory)
        let second = try DaemonProcess(
            binary: "bk-echod", arguments: ["--socket-dir", directory.appending("run")], logPath: directory.appending("second.log"))
        await #expect(throws: DaemonProcess.Failure.self) { try await second.start(timeout: .seconds(10)) }
        #expect(second.log.contains("another process is already listening"))
        #expect(await second.waitForExit() != 0)
        await first.terminate()
    }

    @Test func refusedPeerIsLoggedAndDisconnected() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let daemon = try await Self.startDaemon(in: directory, extra: ["--allowed-peers", "uid:65534"])
        let client = RPCClient(socketPath: DaemonName.echo.socketPath(in: directory.appending("run")))
        let error = await #expect(throws: RPCError.self) {
            try await Binakarier_Testing_V1_Echo.Client(client).echo(.init(text: "x"), options: .init(timeout: .seconds(5)))
        }
        #expect(error?.code == .unavailable)
        #expect(daemon.log.contains("refusing connection"))
        await daemon.terminate()
        await client.close()
    }
}
