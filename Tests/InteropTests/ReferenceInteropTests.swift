import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Logging
import Testing

/// Interoperability with containerd's own ttrpc (Go, 1.1.1 from Debian), both directions: their client
/// against our server, our client against their server. The Go side encodes with gogo/protobuf.
@Suite("Interop with containerd/ttrpc (Go reference)", .serialized, .timeLimit(.minutes(3)))
struct ReferenceInteropTests {
    struct GoCallResult: Decodable, Equatable {
        var code: Int32
        var message: String
        var text: String
        var metadata: [String]
    }

    /// Builds the Go reference once (tools/build-ttrpc-reference) and returns its path.
    static let reference: String = {
        let script = DaemonProcess.repositoryRoot.appendingPathComponent("tools/build-ttrpc-reference").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        let pipe = Pipe()
        process.standardOutput = pipe
        try! process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "tools/build-ttrpc-reference failed")
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }()

    static func goCall(_ socket: String, _ arguments: [String]) async throws -> GoCallResult {
        let (status, output) = try await DaemonProcess.run(reference, ["call", socket] + arguments)
        #expect(status == 0, "ttrpc-reference call failed: \(output)")
        return try JSONDecoder().decode(GoCallResult.self, from: Data(output.utf8))
    }

    // MARK: their client, our server

    @Test func goClientCallsOurServer() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var router = RPCRouter()
        router.register(EchoService())
        var logger = Logger(label: "interop")
        logger.logLevel = .error
        let server = RPCServer(configuration: .init(socketPath: directory.appending("echo.sock")), router: router, logger: logger)
        try await server.start()
        let socket = server.configuration.socketPath
        _ = Self.reference

        let ok = try await Self.goCall(socket, ["-text", "halo dari Go ✓", "-md", "x-trace=1", "-md", "x-trace=2", "-md", "agency=dinkes"])
        #expect(ok.code == 0)
        #expect(ok.text == "halo dari Go ✓")
        // Go keeps metadata in a map: keys come in any order, values of one key in order.
        #expect(Set(ok.metadata) == ["x-trace=1", "x-trace=2", "agency=dinkes"])
        #expect(ok.metadata.filter { $0.hasPrefix("x-trace") } == ["x-trace=1", "x-trace=2"])

        let failed = try await Self.goCall(socket, ["-text", "tidak ditemukan", "-fail-code", "5"])
        #expect(failed == GoCallResult(code: 5, message: "tidak ditemukan", text: "", metadata: []))

        let late = try await Self.goCall(socket, ["-delay-ms", "3000", "-timeout-ms", "300"])
        #expect(late.code == RPCStatusCode.deadlineExceeded.rawValue)

        // After all that, our server still serves our own client.
        let client = RPCClient(socketPath: socket)
        #expect(try await Binakarier_Testing_V1_Echo.Client(client).echo(.init(text: "masih")).text == "masih")
        await client.close()
        await server.shutdown()
    }

    @Test func goClientGetsUnimplementedForAnUnknownService() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let server = RPCServer(configuration: .init(socketPath: directory.appending("empty.sock")), router: RPCRouter(), logger: Logger(label: "interop"))
        try await server.start()
        let result = try await Self.goCall(server.configuration.socketPath, ["-text", "x"])
        #expect(result.code == RPCStatusCode.unimplemented.rawValue)
        await server.shutdown()
    }

    // MARK: our client, their server

    @Test func ourClientCallsGoServer() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let socket = directory.appending("go.sock")
        let goServer = try DaemonProcess(binary: Self.reference, arguments: ["serve", socket], logPath: directory.appending("go.log"))
        try await goServer.start()
        let client = RPCClient(socketPath: socket)

        var metadata = RPCMetadata()
        metadata.append("x-trace", "a")
        metadata.append("X-Trace", "b")
        metadata.append("unit", "sekretariat")
        let reply = try await Binakarier_Testing_V1_Echo.Client(client).echo(.init(text: "halo dari Swift ✓"), options: .init(metadata: metadata))
        #expect(reply.text == "halo dari Swift ✓")
        #expect(reply.metadata == ["unit=sekretariat", "x-trace=a", "x-trace=b"])

        let failure = await #expect(throws: RPCError.self) {
            try await Binakarier_Testing_V1_Echo.Client(client).echo(.init(text: "ditolak", failCode: 7))
        }
        #expect(failure == RPCError(.permissionDenied, "ditolak"))

        // Their server sees our timeout_nano and gives up at the deadline too.
        let late = await #expect(throws: RPCError.self) {
            try await Binakarier_Testing_V1_Echo.Client(client).echo(.init(delayMs: 3000), options: .init(timeout: .milliseconds(300)))
        }
        #expect(late?.code == .deadlineExceeded)

        let unknown = await #expect(throws: RPCError.self) {
            try await client.callRaw(service: "binakarier.testing.v1.Nope", method: Binakarier_Testing_V1_Echo.echo.name, payload: [])
        }
        #expect(unknown?.code == .unimplemented)

        let big = try await Binakarier_Testing_V1_Echo.Client(client).echo(.init(responseSize: 1 << 20))
        #expect(big.payload.count == 1 << 20)

        // Many calls in flight on the one connection.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let reply = try await Binakarier_Testing_V1_Echo.Client(client).echo(.init(text: "\(index)", delayMs: UInt32(index % 7)))
                    #expect(reply.text == "\(index)")
                }
            }
            try await group.waitForAll()
        }
        await client.close()
        await goServer.terminate()
    }
}
