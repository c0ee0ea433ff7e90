import BKProto
import Logging
import Metrics
import NIOConcurrencyHelpers

/// What a handler knows about its call.
public struct RPCServerContext: Sendable {
    /// Full proto name of the service, e.g. `binakarier.identity.v1.IdentityService`.
    public let service: String
    public let method: String
    public let metadata: RPCMetadata
    /// When the caller stops waiting; the handler's task is cancelled then.
    public let deadline: ContinuousClock.Instant?
    /// Who is on the other end of the socket (SO_PEERCRED).
    public let peer: PeerCredentials?
    public var logger: Logger
    /// Who is calling, from the verified bearer token; nil when the method's policy needs no token and
    /// none was sent.
    public internal(set) var caller: Caller?

    public init(
        service: String, method: String, metadata: RPCMetadata = [:], deadline: ContinuousClock.Instant? = nil,
        peer: PeerCredentials? = nil, logger: Logger, caller: Caller? = nil
    ) {
        self.service = service
        self.method = method
        self.metadata = metadata
        self.deadline = deadline
        self.peer = peer
        self.logger = logger
        self.caller = caller
    }

    /// The caller, for handlers whose policy requires a token (then it is always there).
    public func requireCaller() throws(RPCError) -> Caller {
        guard let caller else { throw RPCError(.unauthenticated, RPCMessages.tokenMissing) }
        return caller
    }
}

/// A handler on encoded bytes, what the wire carries. Typed handlers are wrapped into one of these.
public typealias RPCRawHandler = @Sendable (_ payload: [UInt8], _ context: RPCServerContext) async throws -> [UInt8]

/// A service: a set of methods registered on a router.
public protocol RPCService: Sendable {
    func register(in router: inout RPCRouter)
}

/// Maps `(service, method)` to handlers, each with the ``MethodPolicy`` that admits its callers. Built
/// once before the server starts, then read-only.
public struct RPCRouter: Sendable {
    struct Route: Sendable {
        let handler: RPCRawHandler
        let policy: MethodPolicy
        let metrics: RouteMetrics
    }

    private(set) var routes: [String: [String: Route]] = [:]
    /// Verifies bearer tokens. Required as soon as one method's policy needs a token.
    public var authenticator: (any CallerAuthenticating)?

    public init(authenticator: (any CallerAuthenticating)? = nil) {
        self.authenticator = authenticator
    }

    /// Registers a typed unary handler. The request is decoded before the handler runs (a bad payload
    /// is INVALID_ARGUMENT) and the response encoded after. Services register through their generated
    /// `ServiceProtocol`; this is what that registration calls.
    public mutating func register<Input, Output>(
        _ method: ProtoMethod<Input, Output>, policy: MethodPolicy,
        _ handler: @escaping @Sendable (Input, RPCServerContext) async throws -> Output
    ) {
        registerRaw(service: method.service, method: method.name, policy: policy) { payload, context in
            let input = try Input(serializedBytes: payload)
            return try await handler(input, context).serializedBytes()
        }
    }

    /// Registers a handler on encoded bytes.
    public mutating func registerRaw(service: String, method: String, policy: MethodPolicy, _ handler: @escaping RPCRawHandler) {
        precondition(routes[service]?[method] == nil, "\(service)/\(method) registered twice")
        routes[service, default: [:]][method] = Route(
            handler: handler, policy: policy, metrics: RouteMetrics(service: service, method: method))
    }

    public mutating func register(_ service: some RPCService) {
        service.register(in: &self)
    }

    /// The full names of every registered service.
    public var serviceNames: [String] { routes.keys.sorted() }

    /// Every registered method with its policy, for the policy table tests and reviews read.
    public var policies: [(service: String, method: String, policy: MethodPolicy)] {
        routes.keys.sorted().flatMap { service in
            routes[service]!.keys.sorted().map { (service, $0, routes[service]![$0]!.policy) }
        }
    }

    /// Refuses a router that cannot enforce its policies: a method needs a token but nothing verifies one.
    public func validate() throws(RPCError) {
        guard authenticator == nil else { return }
        let needing = policies.filter { $0.policy.requiresToken }.map { "\($0.service)/\($0.method)" }
        guard needing.isEmpty else {
            throw RPCError(.failedPrecondition, "no token authenticator configured, but these methods need a token: \(needing.joined(separator: ", "))")
        }
    }

    func route(service: String, method: String) -> Result<Route, RPCError> {
        guard let methods = routes[service] else {
            return .failure(RPCError(.unimplemented, "service \(service) is not served here"))
        }
        guard let route = methods[method] else {
            return .failure(RPCError(.unimplemented, "method \(method) is not part of \(service)"))
        }
        return .success(route)
    }

    /// Verifies the call's token and applies the route's policy. Where the policy needs no token, one
    /// that does not verify is ignored (a stale token must not stop a login or a health check).
    func authorize(_ route: Route, _ context: RPCServerContext) throws(RPCError) -> Caller? {
        var caller: Caller?
        if let token = context.metadata.bearerToken, let authenticator {
            if route.policy.requiresToken {
                caller = try authenticator.caller(bearerToken: token)
            } else {
                caller = try? authenticator.caller(bearerToken: token)
            }
        }
        try route.policy.authorize(caller, context)
        return caller
    }
}

/// Per-method counters and latency, created once and reused so a call costs no registry lookup.
final class RouteMetrics: Sendable {
    private let service: String
    private let method: String
    private let counters: NIOLockedValueBox<[RPCStatusCode: Counter]>
    private let duration: Metrics.Timer

    init(service: String, method: String) {
        self.service = service
        self.method = method
        self.counters = NIOLockedValueBox([:])
        self.duration = Metrics.Timer(
            label: "binakarier_rpc_server_handling_seconds", dimensions: [("service", service), ("method", method)],
            preferredDisplayUnit: .seconds)
    }

    func record(_ code: RPCStatusCode, nanoseconds: Int64) {
        let counter = counters.withLockedValue { counters in
            if let counter = counters[code] { return counter }
            let counter = Counter(
                label: "binakarier_rpc_server_handled_total",
                dimensions: [("service", service), ("method", method), ("code", code.description)])
            counters[code] = counter
            return counter
        }
        counter.increment()
        duration.recordNanoseconds(nanoseconds)
    }
}
