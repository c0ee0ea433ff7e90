import BKProto
import BKRPC
import Logging
import ServiceLifecycle

/// Keeps a daemon's ``TokenAuthenticator`` in step with the identity service: fetches its public keys at
/// start (retrying with back-off while identity is down; calls that need a token are answered
/// UNAVAILABLE meanwhile), then every `pollInterval` fetches the keys again (a rotation adds one) and the
/// revocations since the last poll. It survives identity restarts: a failed poll is retried.
public struct TokenFeedFollower: Service {
    public let client: Binakarier_Auth_V1_TokenService.Client
    public let authenticator: TokenAuthenticator
    public let pollInterval: Duration
    public let logger: Logger

    public init(client: Binakarier_Auth_V1_TokenService.Client, authenticator: TokenAuthenticator, pollInterval: Duration = .seconds(5), logger: Logger) {
        self.client = client
        self.authenticator = authenticator
        self.pollInterval = pollInterval
        self.logger = logger
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            await follow()
        }
    }

    /// Polls until cancelled.
    public func follow() async {
        var since: Int64 = 0
        var backoff = Duration.milliseconds(50)
        var failing = false
        while !Task.isCancelled {
            do {
                try await pollOnce(since: &since)
                if failing { logger.info("token feed from identity restored") }
                failing = false
                backoff = .milliseconds(50)
                try await Task.sleep(for: pollInterval)
            } catch is CancellationError {
                return
            } catch {
                if !failing { logger.warning("cannot reach identity for token keys and revocations; retrying", metadata: ["error": "\(error)"]) }
                failing = true
                do { try await Task.sleep(for: backoff) } catch { return }
                backoff = min(backoff * 2, min(pollInterval, .seconds(5)))
            }
        }
    }

    /// One poll: keys, then revocations since `since` (moved forward on success).
    public func pollOnce(since: inout Int64) async throws(RPCError) {
        let keys = try await client.getPublicKeys(options: .init(timeout: .seconds(5)))
        authenticator.setKeys(PublicKeySet(keys.keys))
        let revocations = try await client.listRevocations(.init(sinceUnix: since), options: .init(timeout: .seconds(5)))
        authenticator.apply(revocations)
        // One second of overlap: a change stamped in the same second as as_of is not missed.
        since = max(0, revocations.asOfUnix - 1)
    }
}
