import BKProto
import NIOConcurrencyHelpers

/// The health service every daemon serves (`binakarier.health.v1.Health`, after grpc.health.v1).
///
/// An empty service name asks about the whole daemon. Everything turns NOT_SERVING once shutdown
/// begins, and health checks are still answered while the server drains.
public final class HealthService: Binakarier_Health_V1_Health.ServiceProtocol {
    public typealias ServingStatus = Binakarier_Health_V1_HealthCheckResponse.ServingStatus

    private let statuses = NIOLockedValueBox<[String: ServingStatus]>(["": .notServing])

    public init() {}

    /// Marks the daemon and `services` SERVING.
    public func markServing(_ services: [String]) {
        statuses.withLockedValue { statuses in
            statuses[""] = .serving
            for service in services { statuses[service] = .serving }
        }
    }

    public func set(_ service: String, _ status: ServingStatus) {
        statuses.withLockedValue { $0[service] = status }
    }

    public func markAllNotServing() {
        statuses.withLockedValue { statuses in
            for key in statuses.keys { statuses[key] = .notServing }
        }
    }

    public func status(of service: String) -> ServingStatus? {
        statuses.withLockedValue { $0[service] }
    }

    public var policies: Binakarier_Health_V1_Health.Policies { .init(check: .anyone) }

    public func check(
        _ request: Binakarier_Health_V1_HealthCheckRequest, context: RPCServerContext
    ) async throws -> Binakarier_Health_V1_HealthCheckResponse {
        guard let status = status(of: request.service) else {
            throw RPCError(.notFound, "unknown service \(request.service)")
        }
        return .init(status: status)
    }
}
