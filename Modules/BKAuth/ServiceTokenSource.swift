import BKProto
import BKRPC
import NIOConcurrencyHelpers

/// A daemon's own service token, for background work (scheduled follow-ups, report aggregation): asked
/// of identity's TokenService (which checks this process's socket uid against its allow-list), cached,
/// and asked again once two thirds of its life has passed. Calls made on behalf of a person forward
/// that person's token instead.
public final class ServiceTokenSource: Sendable {
    public let service: DaemonName
    private let client: Binakarier_Auth_V1_TokenService.Client
    private let now: @Sendable () -> Int64
    private let cached = NIOLockedValueBox<(token: String, renewAt: Int64)?>(nil)

    public init(service: DaemonName, client: Binakarier_Auth_V1_TokenService.Client, now: @escaping @Sendable () -> Int64 = WallClock.nowUnix) {
        self.service = service
        self.client = client
        self.now = now
    }

    /// A valid service token, renewed when due.
    public func token() async throws(RPCError) -> String {
        let time = now()
        if let cached = cached.withLockedValue({ $0 }), cached.renewAt > time { return cached.token }
        let issued = try await client.issueServiceToken(.init(service: service.rawValue))
        let renewAt = time + max(1, (issued.expireTimeUnix - time) * 2 / 3)
        cached.withLockedValue { $0 = (issued.token, renewAt) }
        return issued.token
    }
}
