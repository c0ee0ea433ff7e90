import BKProto
import CSodium
import Foundation

public typealias TokenClaims = Binakarier_Identity_V1_TokenClaims
public typealias TokenRole = Binakarier_Identity_V1_Role

/// Why a token was refused. Every case is answered UNAUTHENTICATED: log in again.
public enum TokenError: Error, Hashable, Sendable, CustomStringConvertible {
    case missing
    case malformed
    case badSignature
    case unknownKey
    case expired
    case revoked

    public var description: String {
        switch self {
        case .missing: "token tidak ada: masuk (login) terlebih dahulu"
        case .malformed: "token rusak"
        case .badSignature: "tanda tangan token tidak sah"
        case .unknownKey: "token ditandatangani kunci yang tidak dikenal"
        case .expired: "token sudah kedaluwarsa: masuk (login) lagi"
        case .revoked: "token sudah dicabut (logout): masuk (login) lagi"
        }
    }
}

/// The identity service's Ed25519 key pair. The secret key lives in the daemon's data directory,
/// mode 0600, created on first start.
public struct SigningKey: Sendable {
    public let publicKey: [UInt8]
    private let secretKey: [UInt8]

    /// A short stable name for the key, carried in tokens so that keys can be rotated.
    public var keyID: String { Base64URL.encode(Array(publicKey.prefix(9))) }

    public var verifier: TokenVerifier { TokenVerifier(publicKey: publicKey) }

    public static func generate() -> SigningKey {
        precondition(Sodium.ready)
        var publicKey = [UInt8](repeating: 0, count: Int(crypto_sign_publickeybytes()))
        var secretKey = [UInt8](repeating: 0, count: Int(crypto_sign_secretkeybytes()))
        crypto_sign_keypair(&publicKey, &secretKey)
        return SigningKey(publicKey: publicKey, secretKey: secretKey)
    }

    init(publicKey: [UInt8], secretKey: [UInt8]) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// Reads the key at `path`, or creates it there (mode 0600, never overwriting) if there is none.
    public static func loadOrCreate(at path: String) throws -> SigningKey {
        precondition(Sodium.ready)
        let secretLength = Int(crypto_sign_secretkeybytes())
        if let data = FileManager.default.contents(atPath: path) {
            guard data.count == secretLength else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
            }
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
                throw CocoaError(.fileReadNoPermission, userInfo: [
                    NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(path) is readable by others: chmod 600 it",
                ])
            }
            let secret = [UInt8](data)
            var publicKey = [UInt8](repeating: 0, count: Int(crypto_sign_publickeybytes()))
            crypto_sign_ed25519_sk_to_pk(&publicKey, secret)
            return SigningKey(publicKey: publicKey, secretKey: secret)
        }
        let key = generate()
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let written = key.secretKey.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == secretLength, fsync(fd) == 0 else { throw POSIXError(.EIO) }
        return key
    }

    public func sign(_ claims: TokenClaims) throws -> String {
        let payload = try claims.serializedBytes()
        var signature = [UInt8](repeating: 0, count: Int(crypto_sign_bytes()))
        crypto_sign_detached(&signature, nil, payload, UInt64(payload.count), secretKey)
        return Base64URL.encode(payload) + "." + Base64URL.encode(signature)
    }
}

/// Verifies tokens locally with the identity service's public key.
public struct TokenVerifier: Sendable {
    public let publicKey: [UInt8]

    public init(publicKey: [UInt8]) {
        self.publicKey = publicKey
    }

    public func verify(_ token: String, nowUnix: Int64) throws(TokenError) -> TokenClaims {
        precondition(Sodium.ready)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(String(parts[0])),
            let signature = Base64URL.decode(String(parts[1])), signature.count == Int(crypto_sign_bytes()),
            publicKey.count == Int(crypto_sign_publickeybytes())
        else { throw .malformed }
        guard crypto_sign_verify_detached(signature, payload, UInt64(payload.count), publicKey) == 0 else {
            throw .badSignature
        }
        guard let claims = try? TokenClaims(serializedBytes: payload) else { throw .malformed }
        guard claims.expireTimeUnix > nowUnix else { throw .expired }
        return claims
    }
}

/// base64url without padding (RFC 4648 §5), as tokens and page tokens use it.
public enum Base64URL {
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map { [UInt8]($0) }
    }
}
