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
}

/// A handler on encoded bytes, what the wire carries. Typed handlers are wrapped into one of these.
public typealias RPCRawHandler = @Sendable (_ payload: [UInt8], _ context: RPCServerContext) async throws -> [UInt8]

/// A service: a set of methods registered on a router.
public protocol RPCService: Sendable {
    func register(in router: inout RPCRouter)
}

/// Maps `(service, method)` to handlers. Built once before the server starts, then read-only.
public struct RPCRouter: Sendable {
    struct Route: Sendable {
        let handler: RPCRawHandler
        let metrics: RouteMetrics
    }

    private(set) var routes: [String: [String: Route]] = [:]

    public init() {}

    /// Registers a typed unary handler. The request is decoded before the handler runs (a bad payload
    /// is INVALID_ARGUMENT) and the response encoded after.
    public mutating func register<Input, Output>(
        _ method: ProtoMethod<Input, Output>,
        _ handler: @escaping @Sendable (Input, RPCServerContext) async throws -> Output
    ) {
        registerRaw(service: method.service, method: method.name) { payload, context in
            let input = try Input(serializedBytes: payload)
            return try await handler(input, context).serializedBytes()
        }
    }

    /// Registers a handler on encoded bytes.
    public mutating func registerRaw(service: String, method: String, _ handler: @escaping RPCRawHandler) {
        precondition(routes[service]?[method] == nil, "\(service)/\(method) registered twice")
        routes[service, default: [:]][method] = Route(
            handler: handler, metrics: RouteMetrics(service: service, method: method))
    }

    public mutating func register(_ service: some RPCService) {
        service.register(in: &self)
    }

    /// The full names of every registered service.
    public var serviceNames: [String] { routes.keys.sorted() }

    func route(service: String, method: String) -> Result<Route, RPCError> {
        guard let methods = routes[service] else {
            return .failure(RPCError(.unimplemented, "service \(service) is not served here"))
        }
        guard let route = methods[method] else {
            return .failure(RPCError(.unimplemented, "method \(method) is not part of \(service)"))
        }
        return .success(route)
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
