import BKProto
import BKRPC
import BKTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import Gateway

/// A daemon faked in the test process: the generated service stubs (`ServiceStubs.swift`) record every
/// call here and answer what the test set for the method (an empty message when nothing is set).
final class StubDaemon: Sendable {
    struct Call: Sendable {
        let method: String
        let request: any ProtoMessage
        let metadata: RPCMetadata
    }

    enum Answer: Sendable {
        case reply(any ProtoMessage)
        case fail(RPCError)
        /// Decides from the call: a message, an error thrown, or nil for an empty message.
        case decide(@Sendable (Call) throws -> (any ProtoMessage)?)
    }

    private let state = Mutex<(calls: [Call], answers: [String: Answer])>(([], [:]))

    /// What `method` (the proto name, `GetEmployee`) answers from now on.
    func on(_ method: String, _ answer: Answer) {
        state.withLock { $0.answers[method] = answer }
    }

    func calls(_ method: String? = nil) -> [Call] {
        state.withLock { state in method.map { name in state.calls.filter { $0.method == name } } ?? state.calls }
    }

    /// The request of the last call to `method`, as its type.
    func lastRequest<Request: ProtoMessage>(_ method: String, as type: Request.Type = Request.self) -> Request? {
        calls(method).last?.request as? Request
    }

    func answer<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, _ context: RPCServerContext
    ) async throws -> Response {
        let call = Call(method: method, request: request, metadata: context.metadata)
        let answer = state.withLock { state in
            state.calls.append(call)
            return state.answers[method]
        }
        let reply: (any ProtoMessage)?
        switch answer {
        case .none: reply = nil
        case .reply(let message): reply = message
        case .fail(let error): throw error
        case .decide(let decide): reply = try decide(call)
        }
        guard let reply else { return Response() }
        guard let typed = reply as? Response else {
            throw RPCError(.internal, "stub for \(method) was given a \(type(of: reply)), not a \(Response.self)")
        }
        return typed
    }
}

/// The gateway's router over stub daemons on real sockets in a temporary socket directory, with its
/// session store in a temporary data directory. Daemons left out of `serving` have no socket (down).
final class GatewayWorld: Stoppable {
    let directory: TemporaryDirectory
    let identity: StubDaemon
    let programs: StubDaemon
    let feedback: StubDaemon
    let reporting: StubDaemon
    let servers: [RPCServer]
    let daemons: DaemonClients
    let sessions: SessionStore
    let secureCookies: Bool

    var socketDirectory: String { directory.appending("run") }
    var dataDirectory: String { directory.appending("data") }

    init(serving: Set<DaemonName> = [.identity, .programs, .feedback, .reporting], secureCookies: Bool = false) async throws {
        let directory = try TemporaryDirectory(prefix: "bkgw")
        let stubs = (identity: StubDaemon(), programs: StubDaemon(), feedback: StubDaemon(), reporting: StubDaemon())
        var logger = Logger(label: "gateway-test")
        logger.logLevel = .critical
        let sockets = directory.appending("run")
        var servers: [RPCServer] = []
        func serve(_ name: DaemonName, _ service: some RPCService) async throws {
            guard serving.contains(name) else { return }
            var router = RPCRouter()
            router.register(service)
            let server = RPCServer(configuration: .init(socketPath: name.socketPath(in: sockets)), router: router, logger: logger)
            try await server.start()
            servers.append(server)
        }
        let sessions: SessionStore
        do {
            try await serve(.identity, IdentityStub(daemon: stubs.identity))
            try await serve(.programs, ProgramsStub(daemon: stubs.programs))
            try await serve(.feedback, FeedbackStub(daemon: stubs.feedback))
            try await serve(.reporting, ReportingStub(daemon: stubs.reporting))
            sessions = try SessionStore.open(directory: directory.appending("data"))
        } catch {
            for server in servers { await server.shutdown() }
            directory.remove()
            throw error
        }
        self.directory = directory
        (identity, programs, feedback, reporting) = stubs
        self.servers = servers
        self.sessions = sessions
        self.secureCookies = secureCookies
        daemons = DaemonClients(socketDirectory: sockets, timeout: .seconds(5))
    }

    static func with<T>(
        serving: Set<DaemonName> = [.identity, .programs, .feedback, .reporting], secureCookies: Bool = false,
        _ body: (GatewayWorld) async throws -> T
    ) async throws -> T {
        try await GatewayWorld(serving: serving, secureCookies: secureCookies).stopping(after: body)
    }

    func stop() async {
        await daemons.close()
        for server in servers { await server.shutdown() }
        try? sessions.close()
        directory.remove()
    }

    /// Runs `body` against the gateway's router: in process (`.router`) or over TCP on 127.0.0.1 (`.live`).
    func test<T>(_ setup: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let router = try Gateway.router(daemons: daemons, sessions: sessions, secureCookies: secureCookies)
        var logger = Logger(label: "gateway-test-http")
        logger.logLevel = .critical
        let application = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        return try await application.test(setup, body)
    }

    /// A session stored as the login page would store it; returns the cookie's id.
    func storeSession(token: String = "token-sesi", roles: [String] = ["employee"], csrf: String = String(repeating: "c", count: 43)) async throws -> String {
        let now = Int64(Date().timeIntervalSince1970)
        return try await sessions.create(
            WebSession(
                token: token, tokenExpiresUnix: now + 3600, username: "199001012020121001", nip: "199001012020121001",
                displayName: "Siti Rahma", agencyCode: "DINKES", roles: roles, csrf: csrf, language: "id", expiresUnix: now + 3600))
    }
}

// MARK: - Reading responses

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object (nil when it is not one).
    var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] }

    /// `{"error": {...}}` of a failed API call.
    var apiError: [String: Any]? { json?["error"] as? [String: Any] }

    /// Every `Set-Cookie` of the response, parsed.
    var setCookies: [SetCookie] { headers[values: .setCookie].map(SetCookie.init) }

    func cookie(_ name: String) -> SetCookie? { setCookies.last { $0.name == name } }
}

/// One `Set-Cookie` header: the name, the value and the attributes (names lower-cased).
struct SetCookie: Sendable {
    var name: String
    var value: String
    var attributes: [String: String]

    init(_ header: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let first = parts.first ?? ""
        let equals = first.firstIndex(of: "=") ?? first.endIndex
        name = String(first[..<equals])
        value = equals < first.endIndex ? String(first[first.index(after: equals)...]) : ""
        attributes = [:]
        for part in parts.dropFirst() {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard let first = pieces.first else { continue }
            attributes[first.lowercased()] = pieces.count > 1 ? pieces[1] : ""
        }
    }

    var httpOnly: Bool { attributes["httponly"] != nil }
    var secure: Bool { attributes["secure"] != nil }
    var sameSite: String? { attributes["samesite"] }
}

/// A URL-encoded form body.
func formBody(_ pairs: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return ByteBuffer(
        string: pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&"))
}
