import BKProto
import BKRPC
import NIOConcurrencyHelpers

/// Who is calling, as their verified token says.
public struct Caller: Sendable, Hashable {
    public let claims: TokenClaims
    public let roles: Set<TokenRole>

    public init(claims: TokenClaims) {
        self.claims = claims
        self.roles = Set(claims.roles)
    }

    public var subject: String { claims.subject }
    public var nip: String { claims.nip }
    public var agencyCode: String { claims.agencyCode }
    public var tokenID: String { claims.tokenId }

    public func has(_ role: TokenRole) -> Bool { roles.contains(role) }
    public func hasAny(_ roles: TokenRole...) -> Bool { roles.contains { self.roles.contains($0) } }
}

/// Token ids revoked before they expire.
public final class RevocationList: Sendable {
    private let revoked = NIOLockedValueBox<Set<String>>([])

    public init(_ ids: some Sequence<String> = []) {
        revoked.withLockedValue { $0.formUnion(ids) }
    }

    public func revoke(_ id: String) { _ = revoked.withLockedValue { $0.insert(id) } }
    public func contains(_ id: String) -> Bool { revoked.withLockedValue { $0.contains(id) } }
}

/// Reads and verifies the caller's token from a call's metadata (`authorization: Bearer <token>`).
///
/// A signature, once verified, is remembered (up to `cacheLimit` tokens): an Ed25519 verification
/// costs tens of microseconds, more than the rest of a typical read. Expiry and revocation are
/// still checked on every call.
public struct Authenticator: Sendable {
    public let verifier: TokenVerifier
    public let revocations: RevocationList
    public let now: @Sendable () -> Int64
    private let verified = NIOLockedValueBox<[String: TokenClaims]>([:])
    static let cacheLimit = 4096

    public init(verifier: TokenVerifier, revocations: RevocationList, now: @escaping @Sendable () -> Int64) {
        self.verifier = verifier
        self.revocations = revocations
        self.now = now
    }

    /// The token of `authorization: Bearer <token>` (scheme in any case). Byte-level on purpose: this
    /// runs on every call, and Foundation's trimming showed up at a tenth of a Get's cost.
    public static func bearerToken(in metadata: RPCMetadata) -> String? {
        guard let value = metadata["authorization"] else { return nil }
        let bytes = value.utf8
        guard bytes.count > 7, bytes.prefix(6).map({ $0 | 0x20 }) == Array("bearer".utf8),
            bytes.dropFirst(6).first == UInt8(ascii: " ")
        else { return nil }
        let token = bytes.dropFirst(7).drop { $0 == UInt8(ascii: " ") }
        let trimmed = token.prefix { $0 != UInt8(ascii: " ") }
        return trimmed.isEmpty ? nil : String(Substring(trimmed))
    }

    public func caller(of context: RPCServerContext) throws(TokenError) -> Caller {
        guard let token = Self.bearerToken(in: context.metadata) else { throw .missing }
        let time = now()
        let claims: TokenClaims
        if let cached = verified.withLockedValue({ $0[token] }) {
            guard cached.expireTimeUnix > time else { throw .expired }
            claims = cached
        } else {
            claims = try verifier.verify(token, nowUnix: time)
            verified.withLockedValue { cache in
                if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
                cache[token] = claims
            }
        }
        guard !revocations.contains(claims.tokenId) else { throw .revoked }
        return Caller(claims: claims)
    }
}

extension TokenError: RPCErrorConvertible {
    public var rpcError: RPCError { RPCError(.unauthenticated, description) }
}

import Foundation
