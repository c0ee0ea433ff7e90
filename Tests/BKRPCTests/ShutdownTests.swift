import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

/// Waits until the server is handling a call, however busy the machine is (but not for ever: the calls
/// waited for are slow, so a call that was missed means a bug, not bad luck). 90 s: with every suite
/// starting at once on two cores, 30 s was once not enough for a call to be scheduled.
func waitUntilInFlight(_ server: RPCServer, within limit: Duration = .seconds(90)) async throws {
    let deadline = ContinuousClock.now.advanced(by: limit)
    while await server.callsInFlight() == 0 {
        try #require(ContinuousClock.now < deadline, "no call reached the server within \(limit)")
        try await Task.sleep(for: .milliseconds(5))
    }
}

@Suite("Graceful shutdown and socket hygiene", .timeLimit(.minutes(3)))
struct ShutdownTests {
    @Test func callsInFlightFinishNewCallsAreRefusedHealthTurnsNotServing() async throws {
        let echo = try await InProcessServer.echo()
        defer { echo.directory.remove() }
        let slow = Task { try await echo.echoClient.echo(EchoRequest(text: "selesai", delayMs: 3000)) }
        try await waitUntilInFlight(echo.server)
        await echo.server.beginShutdown()
        #expect(echo.server.health.status(of: "") == .notServing)
        // A new call on the existing connection during the drain is refused.
        let refused = await #expect(throws: RPCError.self) { try await echo.echoClient.echo(EchoRequest(text: "baru")) }
        #expect(refused?.code == .unavailable)
        // The call that was in flight completes normally.
        #expect(try await slow.value.text == "selesai")
        await echo.server.shutdown()
        #expect(!FileManager.default.fileExists(atPath: echo.socketPath))
        await echo.client.close()
    }

    @Test func drainIsBounded() async throws {
        let echo = try await InProcessServer.echo(drainTimeout: .milliseconds(300))
        defer { echo.directory.remove() }
        let stuck = Task { try await echo.echoClient.echo(EchoRequest(delayMs: 30_000), options: .init(timeout: .seconds(60))) }
        try await waitUntilInFlight(echo.server)
        await echo.server.shutdown()
        let error = await #expect(throws: RPCError.self) { try await stuck.value }
        #expect(error?.code == .unavailable)
        await echo.client.close()
    }

    @Test func socketAndDirectoryModes() async throws {
        try await withEcho { echo in
            let socketMode = try FileManager.default.attributesOfItem(atPath: echo.socketPath)[.posixPermissions] as? Int
            let directoryMode = try FileManager.default.attributesOfItem(atPath: echo.directory.appending("run"))[.posixPermissions] as? Int
            #expect(socketMode == 0o660)
            #expect(directoryMode == 0o770)
        }
    }

    @Test func staleSocketIsReplacedLiveOneIsNot() async throws {
        try await withEcho { echo in
            // The fixture's socket is live: a second server must refuse to steal it.
            var router = RPCRouter()
            router.register(EchoService())
            let second = RPCServer(configuration: .init(socketPath: echo.socketPath), router: router, logger: .init(label: "t"))
            await #expect(throws: UnixSocketPath.Failure.inUse(path: echo.socketPath)) { try await second.start() }
        }
        // A socket file nobody listens on is stale and gets replaced.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("stale.sock")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = UnixSocketPath.socketAddress(path)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        close(fd)
        #expect(FileManager.default.fileExists(atPath: path))
        var router = RPCRouter()
        router.register(EchoService())
        let server = RPCServer(configuration: .init(socketPath: path), router: router, logger: .init(label: "t"))
        try await server.start()
        let client = RPCClient(socketPath: path)
        #expect(try await Echo.Client(client).echo(EchoRequest(text: "baru")).text == "baru")
        await client.close()
        await server.shutdown()
    }

    @Test func regularFileAtTheSocketPathIsLeftAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("data.sock")
        _ = FileManager.default.createFile(atPath: path, contents: Data("penting".utf8))
        #expect(throws: UnixSocketPath.Failure.notASocket(path: path)) { try UnixSocketPath.prepare(path) }
        #expect(FileManager.default.contents(atPath: path) == Data("penting".utf8))
    }

    @Test func tooLongPathIsAClearError() {
        let path = "/tmp/" + String(repeating: "a", count: 120) + ".sock"
        #expect(throws: UnixSocketPath.Failure.tooLong(path: path, length: path.utf8.count)) { try UnixSocketPath.prepare(path) }
    }

    @Test func allowListParsing() throws {
        let list = try PeerAllowList(parsing: "0, uid:1000,gid:27")
        #expect(list.uids == [0, 1000])
        #expect(list.gids == [27])
        #expect(list.allows(PeerCredentials(pid: 1, uid: 5, gid: 27)))
        #expect(!list.allows(PeerCredentials(pid: 1, uid: 5, gid: 5)))
        #expect(throws: PeerAllowListError.invalid("user:x")) { try PeerAllowList(parsing: "user:x") }
        #expect(throws: PeerAllowListError.invalid("uid:-1")) { try PeerAllowList(parsing: "uid:-1") }
    }
}
