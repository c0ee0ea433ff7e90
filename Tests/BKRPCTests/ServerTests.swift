import BKAuth
import BKProto
@testable import BKRPC
import BKTestSupport
import Foundation
import NIOCore
import Testing

@Suite("Server and client over a Unix socket", .timeLimit(.minutes(3)))
struct ServerTests {
    @Test func echoWithMetadataBothWays() async throws {
        try await withEcho { echo in
            var metadata = RPCMetadata()
            metadata.append("X-Request-ID", "abc")
            metadata.append("x-request-id", "def")
            let response = try await echo.echoClient.echo(EchoRequest(text: "halo ✓"), options: .init(metadata: metadata))
            #expect(response.text == "halo ✓")
            #expect(response.metadata == ["x-request-id=abc", "x-request-id=def"])
        }
    }

    @Test(arguments: [RPCStatusCode.notFound, .invalidArgument, .permissionDenied, .unauthenticated, .aborted, .dataLoss])
    func handlerErrorsReachTheCallerWithTheirCode(code: RPCStatusCode) async throws {
        try await withEcho { echo in
            await #expect(throws: RPCError(code, "alasan")) {
                try await echo.echoClient.echo(EchoRequest(text: "alasan", failCode: code.rawValue))
            }
        }
    }

    @Test func unknownServiceAndMethodAreUnimplemented() async throws {
        try await withEcho { echo in
            let unknownService = await #expect(throws: RPCError.self) {
                try await echo.client.callRaw(service: "nope.v1.Nope", method: Echo.echo.name, payload: [])
            }
            #expect(unknownService?.code == .unimplemented)
            let unknownMethod = await #expect(throws: RPCError.self) {
                try await echo.client.callRaw(service: Echo.serviceName, method: "Nope", payload: [])
            }
            #expect(unknownMethod?.code == .unimplemented)
        }
    }

    @Test func badPayloadIsInvalidArgument() async throws {
        try await withEcho { echo in
            let error = await #expect(throws: RPCError.self) {
                try await echo.client.callRaw(service: Echo.serviceName, method: Echo.echo.name, payload: [0x0A, 0x02, 0x61, 0x00])
            }
            #expect(error?.code == .invalidArgument)
        }
    }

    @Test func deadlineCancelsTheHandlerAndTellsTheCaller() async throws {
        try await withEcho { echo in
            let error = await #expect(throws: RPCError.self) {
                try await echo.echoClient.echo(EchoRequest(delayMs: 10_000), options: .init(timeout: .milliseconds(200)))
            }
            #expect(error?.code == .deadlineExceeded)
            // The connection is still good afterwards.
            let again = try await echo.echoClient.echo(EchoRequest(text: "lagi"))
            #expect(again.text == "lagi")
        }
    }

    @Test func serverAnswersDeadlineExceededOnItsOwn() async throws {
        try await withEcho { echo in
            // Send timeout_nano of 100 ms by hand and wait longer on the raw socket: the server, not the
            // client, must answer DEADLINE_EXCEEDED.
            let socket = try RawSocket(path: echo.socketPath)
            let payload = try EchoRequest(delayMs: 5000).serializedBytes()
            let request = try Binakarier_Rpc_V1_Request(
                service: Echo.serviceName, method: Echo.echo.name, payload: payload, timeoutNano: 100_000_000
            ).serializedBytes()
            try await socket.send(RawSocket.frame(streamID: 1, type: 1, data: request))
            let frame = try #require(await socket.receiveFrame())
            #expect(frame.header.streamID == 1)
            let response = try Binakarier_Rpc_V1_Response(serializedBytes: frame.data)
            #expect(response.status?.code == RPCStatusCode.deadlineExceeded.rawValue)
        }
    }

    /// The reference treats a negative timeout as a deadline already past: the handler never runs.
    @Test func negativeTimeoutIsAnExpiredDeadline() async throws {
        try await withEcho { echo in
            let socket = try RawSocket(path: echo.socketPath)
            let request = try Binakarier_Rpc_V1_Request(
                service: Echo.serviceName, method: Echo.echo.name, payload: EchoRequest(text: "terlambat", delayMs: 5000).serializedBytes(),
                timeoutNano: -1
            ).serializedBytes()
            let start = ContinuousClock.now
            try await socket.send(RawSocket.frame(streamID: 3, type: 1, data: request))
            let frame = try #require(await socket.receiveFrame())
            #expect(try Binakarier_Rpc_V1_Response(serializedBytes: frame.data).status?.code == RPCStatusCode.deadlineExceeded.rawValue)
            #expect(start.duration(to: .now) < .seconds(5))  // answered before the handler's delay could end
            #expect(await echo.server.callsInFlight() == 0)
        }
    }

    /// Policies are enforced before the handler: no token, a bad token, a role the policy does not admit.
    @Test func policiesAreCheckedBeforeTheHandlerRuns() async throws {
        let key = SigningKey.generate()
        let authenticator = TokenAuthenticator(keys: PublicKeySet(signingKeys: [key]))
        func token(_ roles: [Role]) throws -> String {
            try key.sign(.init(tokenId: "t\(roles.count)", subject: "uji", roles: roles.map(\.protoName), expireTimeUnix: 4_000_000_000, keyId: key.keyID))
        }
        try await InProcessServer.with([EchoService(policy: .roles([.organizer]))], authenticator: authenticator) { server in
            func call(_ metadata: RPCMetadata) async -> RPCStatusCode? {
                do {
                    _ = try await Echo.Client(server.client, metadata: metadata).echo(EchoRequest(text: "x"))
                    return nil
                } catch { return error.code }
            }
            #expect(await call([:]) == .unauthenticated)
            #expect(await call(.bearer("rusak.token")) == .unauthenticated)
            #expect(await call(.bearer(try token([.employee]))) == .permissionDenied)
            #expect(await call(.bearer(try token([.organizer]))) == nil)
            // The refusal speaks the caller's language.
            var english = RPCMetadata.bearer(try token([.employee]))
            english.append("accept-language", "en-US")
            do {
                _ = try await Echo.Client(server.client, metadata: english).echo(EchoRequest(text: "x"))
                Issue.record("expected a refusal")
            } catch let error as RPCError {
                #expect(error.message.contains("your role does not allow"))
            }
        }
    }

    @Test func aRouterThatCannotEnforceItsPoliciesRefusesToStart() async throws {
        let refused = await #expect(throws: RPCError.self) {
            _ = try await InProcessServer([EchoService(policy: .authenticated())])
        }
        #expect(refused?.message.contains("no token authenticator") == true)
    }

    @Test func manyCallsInFlightAreAnsweredInCompletionOrder() async throws {
        try await withEcho { echo in
            let order = Recorder<String>()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    _ = try await echo.echoClient.echo(EchoRequest(text: "lambat", delayMs: 3000))
                    await order.append("lambat")
                }
                try await waitUntilInFlight(echo.server)
                for index in 0..<50 {
                    group.addTask {
                        let reply = try await echo.echoClient.echo(EchoRequest(text: "cepat \(index)"))
                        #expect(reply.text == "cepat \(index)")
                        await order.append("cepat")
                    }
                }
                try await group.waitForAll()
            }
            let recorded = await order.items
            #expect(recorded.count == 51)
            #expect(recorded.last == "lambat")
            #expect(echo.server.connectionCount == 1)
        }
    }

    @Test func oversizedFrameIsAnsweredAndTheConnectionLivesOn() async throws {
        try await withEcho { echo in
            let socket = try RawSocket(path: echo.socketPath)
            let big = [UInt8](repeating: 0x41, count: TTRPCLimits.maximumDataLength + 10)
            try await socket.send(RawSocket.frame(streamID: 11, type: 1, data: big))
            let frame = try #require(await socket.receiveFrame())
            #expect(frame.header.streamID == 11)
            #expect(try Binakarier_Rpc_V1_Response(serializedBytes: frame.data).status?.code == RPCStatusCode.resourceExhausted.rawValue)
            // Same connection, next call works.
            let request = try Binakarier_Rpc_V1_Request(
                service: Echo.serviceName, method: Echo.echo.name, payload: EchoRequest(text: "masih hidup").serializedBytes()
            ).serializedBytes()
            try await socket.send(RawSocket.frame(streamID: 13, type: 1, data: request))
            let next = try #require(await socket.receiveFrame())
            #expect(next.header.streamID == 13)
            let payload = try Binakarier_Rpc_V1_Response(serializedBytes: next.data).payload
            #expect(try Binakarier_Testing_V1_EchoResponse(serializedBytes: payload).text == "masih hidup")
        }
    }

    @Test func responseOverTheLimitIsNeverSent() async throws {
        try await withEcho { echo in
            let error = await #expect(throws: RPCError.self) {
                try await echo.echoClient.echo(EchoRequest(responseSize: UInt32(TTRPCLimits.maximumDataLength)))
            }
            #expect(error?.code == .resourceExhausted)
            // Just under the limit still goes through.
            let reply = try await echo.echoClient.echo(EchoRequest(responseSize: UInt32(TTRPCLimits.maximumDataLength - 1024)))
            #expect(reply.payload.count == TTRPCLimits.maximumDataLength - 1024)
        }
    }

    @Test func requestOverTheLimitIsRefusedByTheClient() async throws {
        try await withEcho { echo in
            let error = await #expect(throws: RPCError.self) {
                try await echo.client.callRaw(service: Echo.serviceName, method: Echo.echo.name, payload: [UInt8](repeating: 0, count: TTRPCLimits.maximumDataLength))
            }
            #expect(error?.code == .resourceExhausted)
        }
    }

    @Test func evenOrZeroStreamIDIsInvalidArgument() async throws {
        try await withEcho { echo in
            let socket = try RawSocket(path: echo.socketPath)
            let request = try Binakarier_Rpc_V1_Request(service: Echo.serviceName, method: Echo.echo.name).serializedBytes()
            for streamID: UInt32 in [0, 2] {
                try await socket.send(RawSocket.frame(streamID: streamID, type: 1, data: request))
                let frame = try #require(await socket.receiveFrame())
                #expect(frame.header.streamID == streamID)
                #expect(try Binakarier_Rpc_V1_Response(serializedBytes: frame.data).status?.code == RPCStatusCode.invalidArgument.rawValue)
            }
        }
    }

    @Test func streamIDAlreadyInFlightIsRejected() async throws {
        try await withEcho { echo in
            let socket = try RawSocket(path: echo.socketPath)
            let slow = try Binakarier_Rpc_V1_Request(
                service: Echo.serviceName, method: Echo.echo.name, payload: EchoRequest(text: "pertama", delayMs: 1500).serializedBytes()
            ).serializedBytes()
            // Both frames in one write: the second arrives while the first is surely in flight.
            try await socket.send(RawSocket.frame(streamID: 5, type: 1, data: slow) + RawSocket.frame(streamID: 5, type: 1, data: slow))
            let rejected = try #require(await socket.receiveFrame())
            #expect(try Binakarier_Rpc_V1_Response(serializedBytes: rejected.data).status?.code == RPCStatusCode.invalidArgument.rawValue)
            let first = try #require(await socket.receiveFrame())
            let payload = try Binakarier_Rpc_V1_Response(serializedBytes: first.data).payload
            #expect(try Binakarier_Testing_V1_EchoResponse(serializedBytes: payload).text == "pertama")
        }
    }

    @Test func malformedEnvelopeIsInvalidArgument() async throws {
        try await withEcho { echo in
            let socket = try RawSocket(path: echo.socketPath)
            try await socket.send(RawSocket.frame(streamID: 1, type: 1, data: [0x0A, 0x7F, 0x01]))
            let frame = try #require(await socket.receiveFrame())
            #expect(try Binakarier_Rpc_V1_Response(serializedBytes: frame.data).status?.code == RPCStatusCode.invalidArgument.rawValue)
        }
    }

    @Test func unknownFrameTypesAreIgnoredAndAHalfFrameHurtsNoOne() async throws {
        try await withEcho { echo in
            let socket = try RawSocket(path: echo.socketPath)
            // Types other than request are ignored, as the reference does; the connection serves on.
            try await socket.send(RawSocket.frame(streamID: 1, type: 0x7F, data: [1, 2, 3]))
            try await socket.send(RawSocket.frame(streamID: 1, type: 2, data: [0x12, 0x00]))
            let request = try Binakarier_Rpc_V1_Request(
                service: Echo.serviceName, method: Echo.echo.name, payload: EchoRequest(text: "tetap").serializedBytes()
            ).serializedBytes()
            try await socket.send(RawSocket.frame(streamID: 3, type: 1, data: request))
            let frame = try #require(await socket.receiveFrame())
            #expect(frame.header.streamID == 3)
            // A half-sent frame followed by a hang-up must not hurt other connections.
            let partial = try RawSocket(path: echo.socketPath)
            try await partial.send([0, 0, 1])
            let reply = try await echo.echoClient.echo(EchoRequest(text: "baik"))
            #expect(reply.text == "baik")
        }
    }

    @Test func peerNotOnTheAllowListIsDisconnected() async throws {
        let nobody = PeerAllowList(uids: [65534], gids: [65534])
        try await withEcho(allowedPeers: nobody) { echo in
            let error = await #expect(throws: RPCError.self) {
                try await echo.echoClient.echo(EchoRequest(text: "x"), options: .init(timeout: .seconds(5)))
            }
            #expect(error?.code == .unavailable)
        }
    }

    @Test func clientReconnectsAfterTheServerRestarts() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("echo.sock")
        func startServer() async throws -> RPCServer {
            var router = RPCRouter()
            router.register(EchoService())
            let server = RPCServer(configuration: .init(socketPath: path), router: router, logger: .init(label: "test"))
            try await server.start()
            return server
        }
        let client = RPCClient(socketPath: path)
        var server = try await startServer()
        #expect(try await Echo.Client(client).echo(EchoRequest(text: "satu")).text == "satu")
        await server.shutdown()
        let down = await #expect(throws: RPCError.self) { try await Echo.Client(client).echo(EchoRequest(text: "x")) }
        #expect(down?.code == .unavailable)
        server = try await startServer()
        #expect(try await Echo.Client(client).echo(EchoRequest(text: "dua")).text == "dua")
        await client.close()
        await server.shutdown()
    }

    @Test func healthServesEveryServiceAndTheDaemon() async throws {
        try await withEcho { echo in
            let health = Binakarier_Health_V1_Health.Client(echo.client)
            let daemon = try await health.check(.init(service: ""))
            let service = try await health.check(.init(service: Echo.serviceName))
            #expect(daemon.status == .serving)
            #expect(service.status == .serving)
            let missing = await #expect(throws: RPCError.self) { try await health.check(.init(service: "x.v1.X")) }
            #expect(missing?.code == .notFound)
        }
    }
}

actor Recorder<Item: Sendable> {
    private(set) var items: [Item] = []
    func append(_ item: Item) { items.append(item) }
}
