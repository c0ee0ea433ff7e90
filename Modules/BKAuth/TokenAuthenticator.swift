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

        func lookup(_ token: String) -> Lookup {
            if keys.isEmpty { return .noKeys }
            if let currentUntil, ContinuousClock.now >= currentUntil { return .stale }
            if let claims = verified[token] { return .cached(claims, refused: refuses(claims)) }
            return .verify(keys, generation: keyGeneration)
        }

        /// Revoked by id (logout), or issued before the account's current epoch.
        func refuses(_ claims: TokenClaims) -> Bool {
            revoked[claims.tokenId] != nil || claims.epoch < minimumEpochs[claims.subject, default: 0]
        }
    }

    private let state = NIOLockedValueBox(State())

    private enum Lookup {
        case noKeys, stale
        case cached(TokenClaims, refused: Bool)
        case verify(PublicKeySet, generation: Int)
    }
    public let now: @Sendable () -> Int64
    static let cacheLimit = 4096

    public init(keys: PublicKeySet = PublicKeySet(), now: @escaping @Sendable () -> Int64 = WallClock.nowUnix) {
        self.now = now
        state.withLockedValue { $0.keys = keys }
    }

    public func caller(bearerToken token: String) throws(RPCError) -> Caller {
        let time = now()
        // A token seen before costs one lock; a new one is verified outside the lock (a flood of junk
        // tokens must not serialise every loop) and cached only if the keys did not change meanwhile.
        let claims: TokenClaims
        switch state.withLockedValue({ $0.lookup(token) }) {
        case .noKeys:
            throw RPCError(.unavailable, LocalizedText(
                id: "kunci token dari layanan identitas belum tersedia; coba lagi sebentar",
                en: "the identity service's token keys are not here yet; try again shortly"))
        case .stale:
            throw RPCError(.unavailable, LocalizedText(
                id: "layanan identitas tidak dapat dihubungi untuk memastikan token masih berlaku; coba lagi sebentar",
                en: "the identity service cannot be reached to confirm the token is still valid; try again shortly"))
        case .cached(let cached, let refused):
            guard cached.expireTimeUnix > time else { throw TokenError.expired.rpcError }
            guard !refused else { throw TokenError.revoked.rpcError }
            claims = cached
        case .verify(let keys, let generation):
            do throws(TokenError) {
                claims = try keys.verify(token, nowUnix: time)
            } catch {
                throw error.rpcError
            }
            let refused = state.withLockedValue { state in
                if state.keyGeneration == generation {
                    if state.verified.count >= Self.cacheLimit { state.verified.removeAll(keepingCapacity: true) }
                    state.verified[token] = claims
                }
                return state.refuses(claims)
            }
            guard !refused else { throw TokenError.revoked.rpcError }
        }
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
