import BKProto

public typealias Role = Binakarier_Auth_V1_Role
public typealias TokenClaims = Binakarier_Auth_V1_TokenClaims

/// Who is calling, as their verified token says. The server puts it in ``RPCServerContext/caller``
/// before a handler runs; handlers never read the token themselves.
public struct Caller: Sendable, Hashable {
    public let claims: TokenClaims
    /// The roles the token names that this build knows; unknown role names are ignored.
    public let roles: Set<Role>

    public init(claims: TokenClaims) {
        self.claims = claims
        self.roles = Set(claims.roles.compactMap(Role.init(protoName:)))
    }

    public var subject: String { claims.subject }
    public var nip: String { claims.nip }
    public var agencyCode: String { claims.agencyCode }
    public var tokenID: String { claims.tokenId }

    public func has(_ role: Role) -> Bool { roles.contains(role) }
    public func hasAny(_ roles: Role...) -> Bool { roles.contains { self.roles.contains($0) } }

    /// A BinaKarier daemon calling with a service token, not a person.
    public var isService: Bool { roles.contains(.service) && subject.hasPrefix(Self.servicePrefix) }

    /// The calling daemon's name (`programs`) for a service token, nil for a person.
    public var serviceName: String? { isService ? String(subject.dropFirst(Self.servicePrefix.count)) : nil }

    /// Service tokens' subjects are `service:<daemon>`: no username can contain ':', so a person's
    /// account can never share a subject (and its epochs) with a daemon.
    static let servicePrefix = "service:"

    public static func serviceSubject(_ daemon: String) -> String { servicePrefix + daemon }
}

extension Role {
    /// Lower-case name for logs and messages: `organizer`, `agency_head`.
    public var logName: String {
        let name = protoName
        return name.hasPrefix("ROLE_") ? String(name.dropFirst(5)).lowercased() : name.lowercased()
    }
}

/// Turns the bearer token of a call into a ``Caller``, or refuses it. Implemented by BKAuth's token
/// authenticator; the server calls it once per call that carries a token, before the handler.
public protocol CallerAuthenticating: Sendable {
    func caller(bearerToken: String) throws(RPCError) -> Caller
}

extension RPCMetadata {
    /// `authorization: Bearer <token>`, the metadata that carries a caller's token.
    public static func bearer(_ token: String) -> RPCMetadata { ["authorization": "Bearer \(token)"] }

    /// The token of `authorization: Bearer <token>` (scheme in any case). Byte-level on purpose: this
    /// runs on every call, and Foundation's trimming showed up at a tenth of a Get's cost.
    public var bearerToken: String? {
        guard let value = self["authorization"] else { return nil }
        let bytes = value.utf8
        guard bytes.count > 7, bytes.prefix(6).map({ $0 | 0x20 }) == Array("bearer".utf8),
            bytes.dropFirst(6).first == UInt8(ascii: " ")
        else { return nil }
        let token = bytes.dropFirst(7).drop { $0 == UInt8(ascii: " ") }
        let trimmed = token.prefix { $0 != UInt8(ascii: " ") }
        return trimmed.isEmpty ? nil : String(Substring(trimmed))
    }
}
