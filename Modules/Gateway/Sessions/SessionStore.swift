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
/// logs nobody out. The cookie holds a random id; the table holds its SHA-256, so a copy of the file
/// does not give anyone a live cookie. Reads are served from memory after the first.
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
        return id
    }

    func save(_ session: WebSession, id: String) async throws {
        let hash = Self.hash(id)
        let data = try JSONEncoder().encode(session)
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
            session = try data.map { try JSONDecoder().decode(WebSession.self, from: $0) }
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
