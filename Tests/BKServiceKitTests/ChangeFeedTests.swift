import BKProto
import BKServiceKit
import BKStore
import Foundation
import GRDB
import Logging
import NIOConcurrencyHelpers
import Testing

/// The outbox and its consumer on two in-memory databases, the wire form in between.
@Suite("Change feed: outbox and consumer")
struct ChangeFeedTests {
    /// A producer with an outbox, and a consumer that counts what it applied per key.
    struct Pair {
        let producer: any DatabaseWriter
        let consumer: any DatabaseWriter
        let failAt = NIOLockedValueBox<Int64?>(nil)

        init() throws {
            var producerSchema = DatabaseMigrator()
            producerSchema.registerMigration("v1") { db in try db.execute(sql: "CREATE TABLE thing (key TEXT PRIMARY KEY)") }
            Outbox.registerMigration(&producerSchema)
            producer = try Store.inMemory(migrator: producerSchema)
            var consumerSchema = DatabaseMigrator()
            consumerSchema.registerMigration("v1") { db in try db.execute(sql: "CREATE TABLE applied (key TEXT PRIMARY KEY, times INTEGER NOT NULL)") }
            ChangeFeedConsumer.registerMigration(&consumerSchema)
            consumer = try Store.inMemory(migrator: consumerSchema)
        }

        /// A thing and its change, in one transaction.
        func produce(_ key: String) async throws {
            try await producer.write { db in
                try db.execute(sql: "INSERT INTO thing (key) VALUES (?)", arguments: [key])
                try Outbox.append(db, FeedChange(kind: "thing.created", key: key, payload: Array(key.utf8), timeUnix: 1))
            }
        }

        func consumerOf(pageSize: Int) -> ChangeFeedConsumer {
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let producer = self.producer, failAt = self.failAt
            return ChangeFeedConsumer(
                feed: "things", writer: consumer, logger: logger,
                fetch: { after in
                    // Through the wire form, as a service's ListChanges would serve it.
                    let page = try await Outbox.changes(producer, after: after, limit: pageSize)
                    let bytes = try page.response.serializedBytes()
                    return FeedPage(try Binakarier_Feed_V1_ListChangesResponse(serializedBytes: bytes))
                },
                apply: { db, change in
                    if failAt.withLockedValue({ $0 }) == change.sequence { throw CancellationError() }
                    try db.execute(
                        sql: "INSERT INTO applied (key, times) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET times = times + 1",
                        arguments: [change.key])
                })
        }

        func applied() async throws -> [String: Int] {
            try await consumer.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, times FROM applied").map { ($0[0], $0[1]) })
            }
        }
    }

    @Test func everyChangeIsAppliedOnceAcrossPagesAndCrashes() async throws {
        let pair = try Pair()
        for index in 0..<1000 { try await pair.produce("k\(index)") }
        let consumer = pair.consumerOf(pageSize: 64)
        // The consumer "crashes" in the middle of a page: that page's effects and cursor roll back together.
        pair.failAt.withLockedValue { $0 = 300 }
        await #expect(throws: CancellationError.self) { try await consumer.catchUp() }
        let partial = try await pair.applied()
        #expect(partial.count == 256)  // four whole pages of 64
        #expect(try await consumer.cursor() == 256)
        pair.failAt.withLockedValue { $0 = nil }
        #expect(try await consumer.catchUp() == 744)
        let all = try await pair.applied()
        #expect(all.count == 1000)
        #expect(all.values.allSatisfy { $0 == 1 })
        // Nothing new: nothing applied, and two consumers racing apply nothing twice.
        for index in 1000..<1100 { try await pair.produce("k\(index)") }
        async let first = consumer.catchUp()
        async let second = consumer.catchUp()
        _ = try await (first, second)
        let after = try await pair.applied()
        #expect(after.count == 1100)
        #expect(after.values.allSatisfy { $0 == 1 })
    }

    @Test func aChangeIsPublishedOnlyIfItCommitted() async throws {
        let pair = try Pair()
        try await pair.produce("a")
        await #expect(throws: (any Error).self) { try await pair.produce("a") }  // duplicate key: rolled back
        let page = try await Outbox.changes(pair.producer, after: 0, limit: 10)
        #expect(page.changes.map(\.key) == ["a"])
        #expect(page.lastSequence == page.newestSequence)
        #expect(page.more == false)
    }

    @Test func aProducerBehindTheCursorIsNotApplied() async throws {
        let pair = try Pair()
        for index in 0..<5 { try await pair.produce("k\(index)") }
        let consumer = pair.consumerOf(pageSize: 10)
        try await consumer.catchUp()
        // The producer's database is restored to an empty one.
        let restored = try Pair()
        let confused = ChangeFeedConsumer(
            feed: "things", writer: pair.consumer, logger: Logger(label: "test"),
            fetch: { after in try await Outbox.changes(restored.producer, after: after, limit: 10) },
            apply: { _, _ in Issue.record("nothing should be applied") })
        await #expect(throws: ChangeFeedConsumer.FeedError.self) { try await confused.catchUp() }
        #expect(FeedPage.limit(0) == FeedPage.defaultLimit)
        #expect(FeedPage.limit(1_000_000) == FeedPage.maximumLimit)
    }
}
