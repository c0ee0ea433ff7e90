import BKStore
import CSodium
import Foundation
import GRDB
import NIOConcurrencyHelpers

/// A person logged in to the web application: who they are and the token every call is made with.
struct WebSession: Sendable, Hashable, Codable {
    var token: String
    var tokenExpiresUnix: Int64
    var username: String
    var nip: String
    var displayName: String
    var agencyCode: String
    /// Effective roles, lower-case names: employee, supervisor, agency_head, organizer, administrator.
    var roles: [String]
    /// Sent in every state-changing form and compared before anything is done (CSRF).
    var csrf: String
    var language: String
    var expiresUnix: Int64

    func has(_ role: String) -> Bool { roles.contains(role) }
    var isOrganizer: Bool { has("organizer") || has("administrator") }
}

/// Web sessions in SQLite (`<data-dir>/sessions.sqlite`), the only data the gateway keeps, so a restart
/// logs nobody out. The cookie holds a random id; the table holds its SHA-256 and the session sealed
/// (XSalsa20-Poly1305) with a key derived from the id, so a copy of the file gives neither a live
/// cookie nor the tokens inside. Reads are served from memory after the first; expired sessions are
/// purged now and then.
final class SessionStore: Sendable {
    private let database: any DatabaseWriter
    private let cache = NIOLockedValueBox<[String: WebSession]>([:])
    /// Idle sessions end after this long (and never outlive their token).
    let idleLifetime: Int64

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 sessions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE web_session (
                        id_hash TEXT PRIMARY KEY NOT NULL,
                        data BLOB NOT NULL,
                        expires_unix INTEGER NOT NULL
                    );
                    CREATE INDEX web_session_expiry ON web_session(expires_unix);
                    """)
        }
        return migrator
    }()

    init(database: any DatabaseWriter, idleLifetime: Int64 = 12 * 3600) {
        self.database = database
        self.idleLifetime = idleLifetime
    }

    static func open(directory: String) throws -> SessionStore {
        SessionStore(database: try Store.open(directory: directory, name: "sessions", migrator: migrator))
    }

    static func inMemory() throws -> SessionStore { SessionStore(database: try Store.inMemory(migrator: migrator)) }

    /// A new random session id (256 bits, URL-safe): what the cookie carries.
    static func newIdentifier() -> String { randomToken(bytes: 32) }

    static func randomToken(bytes count: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: count)
        randombytes_buf(&bytes, count)
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ id: String) -> String {
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        let bytes = Array(id.utf8)
        crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// Stores a new session and returns its id for the cookie.
    func create(_ session: WebSession) async throws -> String {
        let id = Self.newIdentifier()
        try await save(session, id: id)
        // Now and then, whoever logs in sweeps out the sessions that expired.
        if creations.withLockedValue({ $0 += 1; return $0 % 100 == 0 }) { try await purge() }
        return id
    }

    private let creations = NIOLockedValueBox(0)

    /// The key that seals a session: BLAKE2b of its id under this store's purpose (not the SHA-256 the
    /// table is keyed by, so the stored hash does not open the row).
    private static func key(_ id: String) -> [UInt8] {
        var key = [UInt8](repeating: 0, count: Int(crypto_secretbox_KEYBYTES))
        let message = Array(id.utf8)
        let purpose = Array("binakarier web session v1".utf8)
        crypto_generichash(&key, key.count, message, UInt64(message.count), purpose, purpose.count)
        return key
    }

    static func seal(_ plain: [UInt8], id: String) -> Data {
        var nonce = [UInt8](repeating: 0, count: Int(crypto_secretbox_NONCEBYTES))
        randombytes_buf(&nonce, nonce.count)
        var sealed = [UInt8](repeating: 0, count: plain.count + Int(crypto_secretbox_MACBYTES))
        _ = crypto_secretbox_easy(&sealed, plain, UInt64(plain.count), nonce, key(id))
        return Data(nonce + sealed)
    }

    static func open(_ stored: [UInt8], id: String) -> [UInt8]? {
        let nonceLength = Int(crypto_secretbox_NONCEBYTES)
        guard stored.count > nonceLength + Int(crypto_secretbox_MACBYTES) else { return nil }
        let nonce = Array(stored[..<nonceLength])
        let sealed = Array(stored[nonceLength...])
        var plain = [UInt8](repeating: 0, count: sealed.count - Int(crypto_secretbox_MACBYTES))
        guard crypto_secretbox_open_easy(&plain, sealed, UInt64(sealed.count), nonce, key(id)) == 0 else { return nil }
        return plain
    }

    func save(_ session: WebSession, id: String) async throws {
        let hash = Self.hash(id)
        let data = Self.seal(Array(try JSONEncoder().encode(session)), id: id)
        try await database.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO web_session (id_hash, data, expires_unix) VALUES (?, ?, ?)",
                arguments: [hash, data, session.expiresUnix])
        }
        cache.withLockedValue { $0[hash] = session }
    }

    /// The live session for a cookie's id, or nil (unknown, expired, or its token expired).
    func load(_ id: String, now: Int64 = Int64(Date().timeIntervalSince1970)) async throws -> WebSession? {
        let hash = Self.hash(id)
        var session = cache.withLockedValue { $0[hash] }
        if session == nil {
            let data = try await database.read { db in
                try Data.fetchOne(db, sql: "SELECT data FROM web_session WHERE id_hash = ?", arguments: [hash])
            }
            session = data.flatMap { Self.open(Array($0), id: id) }.flatMap { try? JSONDecoder().decode(WebSession.self, from: Data($0)) }
            if let session { cache.withLockedValue { $0[hash] = session } }
        }
        guard var found = session else { return nil }
        guard found.expiresUnix > now, found.tokenExpiresUnix > now else {
            try await delete(id)
            return nil
        }
        // Sliding expiry, written at most once a minute per session.
        let renewed = min(now + idleLifetime, found.tokenExpiresUnix)
        if renewed - found.expiresUnix > 60 {
            found.expiresUnix = renewed
            try await save(found, id: id)
        }
        return found
    }

    func delete(_ id: String) async throws {
        let hash = Self.hash(id)
        cache.withLockedValue { $0[hash] = nil }
        try await database.write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE id_hash = ?", arguments: [hash])
        }
    }

    /// Removes expired sessions (run now and then).
    func purge(now: Int64 = Int64(Date().timeIntervalSince1970)) async throws {
        cache.withLockedValue { $0 = $0.filter { $0.value.expiresUnix > now } }
        try await database.write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE expires_unix <= ?", arguments: [now])
        }
    }

    func close() throws {
        try (database as? DatabasePool)?.close()
    }
}
