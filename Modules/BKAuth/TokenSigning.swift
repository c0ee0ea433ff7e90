import BKProto
import BKRPC
import CSodium
import Foundation

/// Why a token was refused. Every case is answered UNAUTHENTICATED: log in again.
public enum TokenError: Error, Hashable, Sendable, CustomStringConvertible {
    case malformed
    case badSignature
    case unknownKey
    case expired
    case revoked

    public var description: String { text.indonesian }

    public var text: LocalizedText {
        switch self {
        case .malformed: .init(id: "token rusak", en: "malformed token")
        case .badSignature: .init(id: "tanda tangan token tidak sah", en: "the token's signature is not valid")
        case .unknownKey: .init(id: "token ditandatangani kunci yang tidak dikenal", en: "the token is signed with an unknown key")
        case .expired: .init(id: "token sudah kedaluwarsa: masuk (login) lagi", en: "the token has expired: log in again")
        case .revoked:
            .init(
                id: "token sudah tidak berlaku (logout, atau akun diubah): masuk (login) lagi",
                en: "the token is no longer valid (logged out, or the account changed): log in again")
        }
    }
}

extension TokenError: RPCErrorConvertible {
    public var rpcError: RPCError { RPCError(.unauthenticated, text) }
}

/// An Ed25519 key pair of the identity service. The secret key lives in the daemon's data directory,
/// mode 0600.
public struct SigningKey: Sendable {
    public let publicKey: [UInt8]
    private let secretKey: [UInt8]

    /// A short stable name for the key, carried in tokens so that keys can be rotated.
    public var keyID: String { Base64URL.encode(Array(publicKey.prefix(9))) }

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

    /// Reads the key at `path`, or nil if there is no file. A file readable by others is refused.
    public static func load(at path: String) throws -> SigningKey? {
        precondition(Sodium.ready)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard data.count == Int(crypto_sign_secretkeybytes()) else {
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

    /// Reads the key at `path`, or creates it there (mode 0600, never overwriting) if there is none.
    public static func loadOrCreate(at path: String) throws -> SigningKey {
        if let key = try load(at: path) { return key }
        let key = generate()
        try key.write(to: path)
        return key
    }

    /// Writes the secret key to a new file at `path` (mode 0600), durably.
    public func write(to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let written = secretKey.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == secretKey.count, fsync(fd) == 0 else { throw POSIXError(.EIO) }
    }

    public func sign(_ claims: TokenClaims) throws -> String {
        let payload = try claims.serializedBytes()
        return Base64URL.encode(payload) + "." + Base64URL.encode(signature(for: payload))
    }

    /// The detached Ed25519 signature of `message` (64 bytes).
    public func signature(for message: [UInt8]) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: Int(crypto_sign_bytes()))
        crypto_sign_detached(&signature, nil, message, UInt64(message.count), secretKey)
        return signature
    }

    /// Whether `signature` is this key's signature of `message`.
    public func isValid(signature: [UInt8], for message: [UInt8]) -> Bool {
        signature.count == Int(crypto_sign_bytes())
            && crypto_sign_verify_detached(signature, message, UInt64(message.count), publicKey) == 0
    }
}

/// The public keys tokens may be signed with, by key id: the active one and, after a rotation, the
/// previous one until its retire time.
public struct PublicKeySet: Sendable, Hashable {
    struct Key: Sendable, Hashable {
        var bytes: [UInt8]
        var retireTimeUnix: Int64
    }

    private(set) var keys: [String: Key] = [:]

    public init(_ keys: [Binakarier_Auth_V1_PublicKey] = []) {
        for key in keys where key.publicKey.count == Int(crypto_sign_publickeybytes()) {
            self.keys[key.keyId] = Key(bytes: key.publicKey, retireTimeUnix: key.retireTimeUnix)
        }
    }

    public init(signingKeys: [SigningKey]) {
        for key in signingKeys { keys[key.keyID] = Key(bytes: key.publicKey, retireTimeUnix: 0) }
    }

    public var isEmpty: Bool { keys.isEmpty }

    /// Checks the signature and the expiry; revocation is the authenticator's business.
    public func verify(_ token: String, nowUnix: Int64) throws(TokenError) -> TokenClaims {
        precondition(Sodium.ready)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(String(parts[0])),
            let signature = Base64URL.decode(String(parts[1])), signature.count == Int(crypto_sign_bytes())
        else { throw .malformed }
        // The claims name their key; they are trusted only once that key's signature checks out.
        guard let claims = try? TokenClaims(serializedBytes: payload) else { throw .malformed }
        guard let key = keys[claims.keyId], key.retireTimeUnix == 0 || nowUnix < key.retireTimeUnix else { throw .unknownKey }
        guard crypto_sign_verify_detached(signature, payload, UInt64(payload.count), key.bytes) == 0 else {
            throw .badSignature
        }
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

extension SigningKey {
    /// A key for `TagKey` derived from this key's secret (keyed BLAKE2b of `purpose`), so that a daemon's
    /// short-lived codes need no second secret file and change when the signing key does.
    public func tagKey(purpose: String) -> TagKey {
        precondition(Sodium.ready)
        var derived = [UInt8](repeating: 0, count: Int(crypto_generichash_keybytes()))
        let message = Array(purpose.utf8)
        let seed = Array(secretKey.prefix(Int(crypto_sign_seedbytes())))
        crypto_generichash(&derived, derived.count, message, UInt64(message.count), seed, seed.count)
        return TagKey(key: derived)
    }
}

/// Keyed BLAKE2b (libsodium's `crypto_generichash` with a key): the tag of a code a daemon issues and
/// checks itself (the rotating attendance QR), where a 64-byte signature would make the QR dense.
public struct TagKey: Sendable {
    private let key: [UInt8]

    init(key: [UInt8]) { self.key = key }

    /// A fresh random key (tests, and daemons that keep nothing across restarts).
    public static func generate() -> TagKey { TagKey(key: Sodium.randomBytes(Int(crypto_generichash_keybytes()))) }

    /// The 16-byte tag of `message`.
    public func tag(_ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 16)
        crypto_generichash(&out, out.count, message, UInt64(message.count), key, key.count)
        return out
    }

    /// Whether `tag` is this key's tag of `message`, compared in constant time.
    public func isValid(tag candidate: [UInt8], for message: [UInt8]) -> Bool {
        let expected = tag(message)
        return candidate.count == expected.count && sodium_memcmp(candidate, expected, expected.count) == 0
    }
}
