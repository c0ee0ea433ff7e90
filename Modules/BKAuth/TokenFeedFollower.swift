import BKProto
import BKRPC
import Logging
import ServiceLifecycle

/// Keeps a daemon's ``TokenAuthenticator`` in step with the identity service. Each poll reads the
/// revocations after its cursor (a sequence number, so no change is skipped) and then the keys, and
/// applies the revocations before the keys: a daemon never accepts a token it has not checked against
/// every revocation so far. Until the first poll succeeds (identity down at start, retried with
/// back-off) calls that need a token are answered UNAVAILABLE, and again if no poll has succeeded for
/// `staleAfter` (fail closed rather than miss a revocation); it survives identity restarts.
public struct TokenFeedFollower: Service {
    public let client: Binakarier_Auth_V1_TokenService.Client
    public let authenticator: TokenAuthenticator
    public let pollInterval: Duration
    /// How long tokens are still accepted after the last successful poll.
    public let staleAfter: Duration
    public let logger: Logger

    public init(
        client: Binakarier_Auth_V1_TokenService.Client, authenticator: TokenAuthenticator, pollInterval: Duration = .seconds(5),
        staleAfter: Duration = .seconds(60), logger: Logger
    ) {
        self.client = client
        self.authenticator = authenticator
        self.pollInterval = pollInterval
        self.staleAfter = max(staleAfter, pollInterval * 3)
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await follow()
        }
    }

    /// Polls until cancelled.
    public func follow() async {
        var cursor: Int64 = 0
        var backoff = Duration.milliseconds(50)
        var failing = false
        while !Task.isCancelled {
            do {
                try await pollOnce(after: &cursor)
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

    /// One poll: every revocation after `cursor` (page by page; the cursor moves on), then the keys.
    /// Only a poll that read the feed to its end counts as current.
    public func pollOnce(after cursor: inout Int64) async throws(RPCError) {
        var more = true
        while more {
            let page = try await client.listRevocations(.init(afterSequence: cursor), options: .init(timeout: .seconds(5)))
            if page.newestSequence < cursor {
                // Identity's feed started over (a restored or new database): read it again from the start.
                logger.warning("identity's token feed is behind this daemon's cursor; reading it again from the start",
                    metadata: ["cursor": "\(cursor)", "newest": "\(page.newestSequence)"])
                cursor = 0
                continue
            }
            authenticator.apply(page)
            cursor = max(cursor, page.lastSequence)
            more = page.more
        }
        let keys = try await client.getPublicKeys(options: .init(timeout: .seconds(5)))
        authenticator.setKeys(PublicKeySet(keys.keys))
        authenticator.markCurrent(for: staleAfter)
    }
}
