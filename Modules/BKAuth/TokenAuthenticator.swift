import BKProto
import BKRPC
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// Verifies bearer tokens for a daemon's RPC server: signature with the identity service's public keys,
/// expiry, single-token revocation (logout) and account epochs (roles, password or status changed).
///
/// The identity service fills it from its own store; every other daemon from identity's feed, through
/// ``TokenFeedFollower``. Until the first keys arrive, calls that need a token are answered UNAVAILABLE.
///
/// A signature, once verified, is remembered (up to `cacheLimit` tokens): an Ed25519 verification costs
/// tens of microseconds, more than the rest of a typical read. Expiry, revocation and epoch are still
/// checked on every call.
public final class TokenAuthenticator: CallerAuthenticating {
    private struct State {
        var keys = PublicKeySet()
        /// Bumped with every change of keys: a verification that raced a change is not cached.
        var keyGeneration = 0
        /// Revoked token id → when it expires (then it is dropped: it is refused as expired anyway).
        var revoked: [String: Int64] = [:]
        var minimumEpochs: [String: Int64] = [:]
        var verified: [String: TokenClaims] = [:]
        /// For a daemon that follows identity's feed: past this instant without a successful poll,
        /// tokens are refused UNAVAILABLE (a revocation might have been missed). Nil: always current.
        var currentUntil: ContinuousClock.Instant?
    }

    private let state = NIOLockedValueBox(State())
    public let now: @Sendable () -> Int64
    static let cacheLimit = 4096

    public init(keys: PublicKeySet = PublicKeySet(), now: @escaping @Sendable () -> Int64 = WallClock.nowUnix) {
        self.now = now
        state.withLockedValue { $0.keys = keys }
    }

    public func caller(bearerToken token: String) throws(RPCError) -> Caller {
        let time = now()
        // The signature is checked outside the lock: a flood of junk tokens must not serialise every loop.
        let (cached, keys, generation, current) = state.withLockedValue {
            ($0.verified[token], $0.keys, $0.keyGeneration, $0.currentUntil.map { ContinuousClock.now < $0 } ?? true)
        }
        guard !keys.isEmpty else {
            throw RPCError(.unavailable, LocalizedText(
                id: "kunci token dari layanan identitas belum tersedia; coba lagi sebentar",
                en: "the identity service's token keys are not here yet; try again shortly"))
        }
        guard current else {
            throw RPCError(.unavailable, LocalizedText(
                id: "layanan identitas tidak dapat dihubungi untuk memastikan token masih berlaku; coba lagi sebentar",
                en: "the identity service cannot be reached to confirm the token is still valid; try again shortly"))
        }
        let claims: TokenClaims
        if let cached {
            claims = cached
        } else {
            do throws(TokenError) {
                claims = try keys.verify(token, nowUnix: time)
            } catch {
                throw error.rpcError
            }
            state.withLockedValue { state in
                guard state.keyGeneration == generation else { return }  // the keys changed meanwhile
                if state.verified.count >= Self.cacheLimit { state.verified.removeAll(keepingCapacity: true) }
                state.verified[token] = claims
            }
        }
        guard claims.expireTimeUnix > time else { throw TokenError.expired.rpcError }
        let refused = state.withLockedValue { state in
            state.revoked[claims.tokenId] != nil || claims.epoch < state.minimumEpochs[claims.subject, default: 0]
        }
        guard !refused else { throw TokenError.revoked.rpcError }
        return Caller(claims: claims)
    }

    /// Records a successful sync with identity: tokens are accepted for `validity` from now, and refused
    /// UNAVAILABLE after that until the next sync (fail closed when revocations cannot be confirmed).
    public func markCurrent(for validity: Duration) {
        state.withLockedValue { $0.currentUntil = ContinuousClock.now.advanced(by: validity) }
    }

    /// Replaces the keys tokens may be signed with (a rotation adds one; an old one goes once its tokens expired).
    public func setKeys(_ keys: PublicKeySet) {
        state.withLockedValue { state in
            // A key that went away takes the verified tokens with it (they are verified again, or refused).
            if state.keys != keys {
                state.verified.removeAll(keepingCapacity: true)
                state.keyGeneration += 1
            }
            state.keys = keys
        }
    }

    public var hasKeys: Bool { state.withLockedValue { !$0.keys.isEmpty } }

    /// Ends one token before it expires.
    public func revoke(tokenID: String, expiresAt: Int64) { state.withLockedValue { $0.revoked[tokenID] = expiresAt } }

    /// Ends every token of `subject` issued with an epoch below `minimumEpoch`. Never lowers it.
    public func raiseEpoch(of subject: String, to minimumEpoch: Int64) {
        state.withLockedValue { state in
            if minimumEpoch > state.minimumEpochs[subject, default: 0] { state.minimumEpochs[subject] = minimumEpoch }
        }
    }

    /// Applies a page of identity's revocation feed.
    public func apply(_ revocations: Binakarier_Auth_V1_ListRevocationsResponse) {
        let time = now()
        state.withLockedValue { state in
            for token in revocations.revokedTokens { state.revoked[token.tokenId] = token.expireTimeUnix }
            if state.revoked.count > 1024 { state.revoked = state.revoked.filter { $0.value > time } }
            for epoch in revocations.accountEpochs where epoch.minimumEpoch > state.minimumEpochs[epoch.subject, default: 0] {
                state.minimumEpochs[epoch.subject] = epoch.minimumEpoch
            }
        }
    }
}

/// Wall-clock seconds since 1970, the clock tokens are stamped with (tests pass their own).
public enum WallClock {
    public static func nowUnix() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec)
    }
}
