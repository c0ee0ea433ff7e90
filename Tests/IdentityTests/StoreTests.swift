import BKRPC
@testable import Identity
import Testing

/// The store's own rules, on an in-memory database (`Store.inMemory`): the same schema and queries as
/// a daemon's file, without a socket or a disk.
@Suite("Identity store in memory")
struct StoreTests {
    @Test func theTokenFeedNumbersChangesInCommitOrder() async throws {
        let store = try SQLiteIdentityStore.inMemory()
        try await store.createAgency(.init(code: "DINKES", name: "Dinas Kesehatan", kind: .dinas), now: 0)
        try await store.createAccount(.init(username: "admin", nip: nil, displayName: "Admin", passwordHash: "x", roles: [.administrator], createdAt: 0))
        let empty = try await store.revocations(after: 0, now: 0, limit: 100)
        #expect(empty.tokens.isEmpty && empty.epochs.isEmpty)
        try await store.revoke(tokenID: "t1", now: 10, expiresAt: 100)
        try await store.setRoles(username: "admin", roles: [.administrator, .organizer], now: 11)
        try await store.revoke(tokenID: "t2", now: 12, expiresAt: 100)
        let all = try await store.revocations(after: 0, now: 20, limit: 100)
        #expect(all.tokens == ["t1": 100, "t2": 100])
        #expect(all.epochs == ["admin": 1])
        // A cursor sees only what came after it; an expired revocation is no longer sent.
        let afterFirst = try await store.revocations(after: all.lastSequence, now: 20, limit: 100)
        #expect(afterFirst.tokens.isEmpty && afterFirst.lastSequence == all.lastSequence)
        #expect(try await store.revocations(after: 0, now: 200, limit: 100).tokens.isEmpty)
        // Raising an epoch again moves the subject to the end of the feed with its newest epoch.
        try await store.setRoles(username: "admin", roles: [.administrator], now: 30)
        let moved = try await store.revocations(after: all.lastSequence, now: 30, limit: 100)
        #expect(moved.epochs == ["admin": 2])
    }

    @Test func theLastAdministratorIsKeptInsideTheTransaction() async throws {
        let store = try SQLiteIdentityStore.inMemory()
        try await store.createAccount(.init(username: "admin", nip: nil, displayName: "Admin", passwordHash: "x", roles: [.administrator], createdAt: 0))
        await #expect(throws: IdentityError.self) { try await store.setRoles(username: "admin", roles: [.organizer], now: 1) }
        await #expect(throws: IdentityError.self) { try await store.setDisabled(username: "admin", disabled: true, now: 1) }
        #expect(try await store.administrators() == ["admin"])
        let admin = try #require(try await store.account(username: "admin"))
        #expect(admin.roles == [.administrator])
        #expect(admin.tokenEpoch == 0)  // the refused changes raised nothing
    }

    @Test func theFeedComesInPagesAndSaysWhereItEnds() async throws {
        let store = try SQLiteIdentityStore.inMemory()
        for index in 0..<5 { try await store.revoke(tokenID: "t\(index)", now: 0, expiresAt: 100) }
        var cursor: Int64 = 0
        var seen: [String] = []
        var pages = 0
        repeat {
            let page = try await store.revocations(after: cursor, now: 0, limit: 2)
            seen += page.tokens.keys.sorted()
            cursor = page.lastSequence
            pages += 1
            if !page.more { #expect(page.lastSequence == page.newestSequence) }
            if !page.more { break }
        } while pages < 10
        #expect(pages == 3)
        #expect(seen == ["t0", "t1", "t2", "t3", "t4"])
        // Expired entries are pruned by later writes; the cursor still ends at the newest sequence.
        try await store.revoke(tokenID: "later", now: 500, expiresAt: 900)
        let afterPrune = try await store.revocations(after: 0, now: 500, limit: 100)
        #expect(afterPrune.tokens == ["later": 900])
        #expect(afterPrune.lastSequence == afterPrune.newestSequence)
    }
}
