import BKAuth
import BKRPC
import CSodium

/// Opaque, tamper-evident page tokens for every List call: the last key of the previous page and the
/// query it belongs to, signed with HMAC (libsodium `crypto_auth`). A token that was altered, or sent
/// with another query, is INVALID_ARGUMENT.
///
/// The key is made per daemon process: a token from before a restart is refused and the client starts
/// the list again.
public struct PageTokens: Sendable {
    public static let defaultSize = 100
    public static let maximumSize = 1000
    private let key: [UInt8]

    public init() {
        precondition(sodium_init() >= 0, "libsodium failed to initialise")
        var key = [UInt8](repeating: 0, count: Int(crypto_auth_keybytes()))
        randombytes_buf(&key, key.count)
        self.key = key
    }

    /// The page size to use for `requested` (0 means the default; larger than the maximum is cut).
    public static func size(_ requested: Int32) throws(RPCError) -> Int {
        guard requested >= 0 else {
            throw .invalidArgument(field: "page_size", LocalizedText(id: "tidak boleh negatif", en: "must not be negative"))
        }
        return requested == 0 ? defaultSize : min(Int(requested), maximumSize)
    }

    /// The token for the page after `lastKey` of the query `scope` (its filters, in any stable form).
    public func encode(after lastKey: String, scope: String = "") -> String {
        let body = Array(lastKey.utf8)
        return Base64URL.encode(body + mac(body, scope: scope))
    }

    /// The last key of the previous page, or nil for the first page (an empty token).
    public func decode(_ token: String, scope: String = "") throws(RPCError) -> String? {
        guard !token.isEmpty else { return nil }
        let tagLength = Int(crypto_auth_bytes())
        guard let bytes = Base64URL.decode(token), bytes.count >= tagLength else { throw invalid }
        let body = Array(bytes.dropLast(tagLength))
        let tag = Array(bytes.suffix(tagLength))
        let message = scopedMessage(body, scope: scope)
        guard crypto_auth_verify(tag, message, UInt64(message.count), key) == 0,
            let lastKey = String(validating: body, as: UTF8.self)
        else { throw invalid }
        return lastKey
    }

    private func mac(_ body: [UInt8], scope: String) -> [UInt8] {
        var tag = [UInt8](repeating: 0, count: Int(crypto_auth_bytes()))
        let message = scopedMessage(body, scope: scope)
        crypto_auth(&tag, message, UInt64(message.count), key)
        return tag
    }

    /// The scope's length first, so that no (scope, key) pair can pose as another.
    private func scopedMessage(_ body: [UInt8], scope: String) -> [UInt8] {
        let scopeBytes = Array(scope.utf8)
        return withUnsafeBytes(of: UInt32(scopeBytes.count).bigEndian, Array.init) + scopeBytes + body
    }

    private var invalid: RPCError {
        .invalidArgument(field: "page_token", LocalizedText(
            id: "token halaman tidak sah (mulai lagi dari halaman pertama)", en: "invalid page token (start again from the first page)"))
    }
}
