import CSodium
import NIOPosix

/// Argon2id password hashes (libsodium's `crypto_pwhash_str`), computed on a small thread pool whose
/// size caps how many run at once: each takes tens of megabytes and tens of milliseconds, and must
/// never run on an event loop.
public final class PasswordHasher: Sendable {
    public struct Strength: Sendable, Hashable {
        public var operations: UInt64
        public var memoryBytes: Int

        /// libsodium's interactive limits (64 MiB, 2 passes): the production default.
        public static var interactive: Strength {
            Strength(operations: UInt64(crypto_pwhash_opslimit_interactive()), memoryBytes: Int(crypto_pwhash_memlimit_interactive()))
        }

        /// libsodium's minimum: for tests only, where thousands of hashes must be quick.
        public static var minimum: Strength {
            Strength(operations: UInt64(crypto_pwhash_opslimit_min()), memoryBytes: Int(crypto_pwhash_memlimit_min()))
        }
    }

    public static let minimumPasswordLength = 10

    private let pool: NIOThreadPool
    private let strength: Strength

    public init(concurrency: Int = 2, strength: Strength = .interactive) {
        precondition(sodium_init() >= 0, "libsodium failed to initialise")
        pool = NIOThreadPool(numberOfThreads: max(1, concurrency))
        pool.start()
        self.strength = strength
    }

    public func shutdown() async {
        try? await pool.shutdownGracefully()
    }

    public func hash(_ password: String) async throws -> String {
        let strength = self.strength
        return try await pool.runIfActive {
            var out = [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()))
            let result = password.withCString { text in
                crypto_pwhash_str(&out, text, UInt64(strlen(text)), strength.operations, strength.memoryBytes)
            }
            guard result == 0 else { throw IdentityError.resourceExhausted(.init(id: "tidak cukup memori untuk menghitung hash kata sandi", en: "not enough memory to hash the password")) }
            return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await pool.runIfActive {
            hash.withCString { stored in
                password.withCString { text in crypto_pwhash_str_verify(stored, text, UInt64(strlen(text))) == 0 }
            }
        }
    }

    /// A hash of nothing in particular, verified against when the username is unknown so that a
    /// wrong username takes as long as a wrong password.
    public func decoyHash() async throws -> String {
        try await hash("decoy-\(UInt64.random(in: 0 ... .max))")
    }

    public static func checkStrength(_ password: String) throws(IdentityError) {
        guard password.count >= minimumPasswordLength else {
            throw .invalid(field: "password", reason: .init(id: "kata sandi minimal \(minimumPasswordLength) karakter", en: "a password needs at least \(minimumPasswordLength) characters"))
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
