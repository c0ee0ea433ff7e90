import BKTestSupport
import Foundation
import GRDB
import Testing

@testable import Gateway

/// The gateway's only data: web sessions in `<data-dir>/sessions.sqlite`, keyed by the SHA-256 of the
/// cookie's id, surviving a restart, never returned once expired.
@Suite("Gateway: session store", .timeLimit(.minutes(1)))
struct SessionStoreTests {
    static func session(now: Int64 = Int64(Date().timeIntervalSince1970), expires: Int64 = 3600, tokenExpires: Int64 = 7200) -> WebSession {
        WebSession(
            token: "token-rahasia", tokenExpiresUnix: now + tokenExpires, username: "siti", nip: "199001012020121001",
            displayName: "Siti Rahma", agencyCode: "DINKES", roles: ["employee", "organizer"], csrf: String(repeating: "c", count: 43),
            language: "en", expiresUnix: now + expires)
    }

    static func withDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
        let directory = try TemporaryDirectory(prefix: "bkss")
        defer { directory.remove() }
        return try await body(directory.path)
    }

    @Test func aSessionSurvivesReopeningTheStore() async throws {
        try await Self.withDirectory { directory in
            let stored = Self.session()
            let first = try SessionStore.open(directory: directory)
            let id = try await first.create(stored)
            try first.close()

            let second = try SessionStore.open(directory: directory)
            let loaded = try #require(try await second.load(id))
            var expected = stored
            expected.expiresUnix = loaded.expiresUnix  // extended by the load (sliding expiry)
            #expect(loaded == expected)
            #expect(loaded.expiresUnix >= stored.expiresUnix && loaded.expiresUnix <= stored.tokenExpiresUnix)
            #expect(try await second.load(id + "x") == nil)
            try second.close()
        }
    }

    @Test func anExpiredSessionIsNotReturned() async throws {
        try await Self.withDirectory { directory in
            let store = try SessionStore.open(directory: directory)
            let now = Int64(Date().timeIntervalSince1970)
            let idle = try await store.create(Self.session(now: now, expires: -1))
            let tokenEnded = try await store.create(Self.session(now: now, expires: 3600, tokenExpires: -1))
            let live = try await store.create(Self.session(now: now))
            #expect(try await store.load(idle) == nil, "idle too long")
            #expect(try await store.load(tokenEnded) == nil, "its token ended")
            #expect(try await store.load(live) != nil)
            #expect(try await store.load(live, now: now + 7200) == nil, "the same session later, once its token ended")
            try store.close()

            // Not from the file either (no cache after a restart).
            let reopened = try SessionStore.open(directory: directory)
            #expect(try await reopened.load(idle) == nil)
            #expect(try await reopened.load(tokenEnded) == nil)
            try reopened.close()
        }
    }

    @Test func useExtendsAnIdleSessionButNeverPastItsToken() async throws {
        let store = try SessionStore.inMemory()
        let now = Int64(Date().timeIntervalSince1970)
        let id = try await store.create(Self.session(now: now, expires: 60, tokenExpires: 4 * 3600))
        let renewed = try #require(try await store.load(id, now: now + 30))
        #expect(renewed.expiresUnix == now + 4 * 3600, "extended by use, capped at the token's expiry")
        #expect(try await store.load(id, now: now + 120) != nil, "alive after its first idle deadline")
        #expect(try await store.load(id, now: now + 4 * 3600) == nil)
    }

    @Test func theTableHoldsTheSHA256OfTheIdNotTheId() async throws {
        // A known SHA-256 vector: the hash is the standard one, in lower-case hex.
        #expect(SessionStore.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        try await Self.withDirectory { directory in
            let store = try SessionStore.open(directory: directory)
            let id = try await store.create(Self.session())
            #expect(id.count >= 40, "256 random bits")
            #expect(SessionStore.newIdentifier() != id)
            try store.close()

            let database = try DatabaseQueue(path: "\(directory)/sessions.sqlite")
            let rows = try database.read { db in try Row.fetchAll(db, sql: "SELECT id_hash, data FROM web_session") }
            #expect(rows.count == 1)
            let row = try #require(rows.first)
            let hash: String = row["id_hash"]
            #expect(hash == SessionStore.hash(id))
            #expect(hash.count == 64)
            let data: Data = row["data"]
            #expect(!String(decoding: data, as: UTF8.self).contains(id))
            try database.close()

            // Nowhere in the files (database, WAL) is the cookie's id, nor the bearer token the session holds.
            let token = Self.session().token
            for file in try FileManager.default.contentsOfDirectory(atPath: directory) {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(file)"))
                #expect(bytes.range(of: Data(id.utf8)) == nil, "\(file)")
                #expect(bytes.range(of: Data(token.utf8)) == nil, "\(file) holds the token in the clear")
            }
            // The row opens with the id only.
            #expect(SessionStore.open(Array(data), id: id) != nil)
            #expect(SessionStore.open(Array(data), id: SessionStore.newIdentifier()) == nil)
        }
    }

    @Test func deletingAndPurging() async throws {
        try await Self.withDirectory { directory in
            let store = try SessionStore.open(directory: directory)
            let now = Int64(Date().timeIntervalSince1970)
            let gone = try await store.create(Self.session(now: now))
            let old = try await store.create(Self.session(now: now - 10_000))
            try await store.delete(gone)
            #expect(try await store.load(gone) == nil)
            try await store.purge(now: now)
            try store.close()
            let database = try DatabaseQueue(path: "\(directory)/sessions.sqlite")
            let count = try await database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM web_session") }
            #expect(count == 0, "the deleted one and the expired one are gone")
            try database.close()
            _ = old
        }
    }
}
