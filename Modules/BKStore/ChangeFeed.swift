import GRDB
import Logging

/// One change of a service's state, as its outbox holds it and its `ListChanges` serves it.
public struct FeedChange: Sendable, Hashable {
    public var sequence: Int64
    public var kind: String
    public var key: String
    public var payload: [UInt8]
    public var timeUnix: Int64

    public init(sequence: Int64 = 0, kind: String, key: String, payload: [UInt8] = [], timeUnix: Int64) {
        self.sequence = sequence
        self.kind = kind
        self.key = key
        self.payload = payload
        self.timeUnix = timeUnix
    }
}

/// A page of a change feed.
public struct FeedPage: Sendable, Hashable {
    public var changes: [FeedChange]
    /// The cursor for the next page.
    public var lastSequence: Int64
    public var more: Bool
    /// The newest sequence the producer has (lower than a cursor: the feed started over).
    public var newestSequence: Int64

    public init(changes: [FeedChange], lastSequence: Int64, more: Bool, newestSequence: Int64) {
        self.changes = changes
        self.lastSequence = lastSequence
        self.more = more
        self.newestSequence = newestSequence
    }
}

/// The producer's side of a change feed: an `outbox` table in the service's own database. A service
/// appends to it in the same transaction as the change it describes, so a change is published if and
/// only if it committed, numbered in commit order (SQLite has one writer at a time).
public enum Outbox {
    /// Adds the outbox table; call once in the service's migrator (its own migration step).
    public static func registerMigration(_ migrator: inout DatabaseMigrator, identifier: String = "outbox") {
        migrator.registerMigration(identifier) { db in
            try db.execute(sql: """
                CREATE TABLE outbox (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    key TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    time_unix INTEGER NOT NULL
                );
                """)
        }
    }

    /// Records `change` in the caller's write transaction; returns its sequence.
    @discardableResult
    public static func append(_ db: Database, _ change: FeedChange) throws -> Int64 {
        // Cached: a transaction may append thousands (one per attendance row).
        try db.cachedStatement(sql: "INSERT INTO outbox (kind, key, payload, time_unix) VALUES (?, ?, ?, ?)")
            .execute(arguments: [change.kind, change.key, Data(change.payload), change.timeUnix])
        return db.lastInsertedRowID
    }

    /// The changes after `sequence`, at most `limit`, read in one snapshot.
    public static func changes(_ reader: any DatabaseReader, after sequence: Int64, limit: Int) async throws -> FeedPage {
        try await reader.read { db in
            let newest = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'") ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT sequence, kind, key, payload, time_unix FROM outbox WHERE sequence > ? ORDER BY sequence LIMIT ?",
                arguments: [sequence, limit + 1])
            let changes = rows.prefix(limit).map { row in
                FeedChange(sequence: row[0], kind: row[1], key: row[2], payload: [UInt8](row[3] as Data? ?? Data()), timeUnix: row[4])
            }
            let more = rows.count > limit
            // With no more to read, every entry up to the newest was read or pruned.
            let last = more ? (changes.last?.sequence ?? sequence) : max(changes.last?.sequence ?? sequence, newest)
            return FeedPage(changes: changes, lastSequence: last, more: more, newestSequence: newest)
        }
    }

    /// Drops changes older than `time` that every consumer has long read (a retention the service chooses).
    public static func prune(_ db: Database, before time: Int64) throws {
        try db.execute(sql: "DELETE FROM outbox WHERE time_unix < ?", arguments: [time])
    }
}

/// The consumer's side: follows another service's feed and applies each change to this service's own
/// database in one write transaction together with the cursor, so a crash at any moment leaves the
/// cursor and the effects in step (nothing lost, nothing applied twice). Delivery is at least once;
/// application is exactly once.
public struct ChangeFeedConsumer: Sendable {
    /// The feed's name in the cursor table, e.g. "programs".
    public let feed: String
    public let writer: any DatabaseWriter
    public let fetch: @Sendable (_ after: Int64) async throws -> FeedPage
    public let apply: @Sendable (_ db: Database, _ change: FeedChange) throws -> Void
    public let logger: Logger

    /// Adds the cursor table; call once in the consumer's migrator.
    public static func registerMigration(_ migrator: inout DatabaseMigrator, identifier: String = "feed-cursors") {
        migrator.registerMigration(identifier) { db in
            try db.execute(sql: "CREATE TABLE feed_cursor (feed TEXT PRIMARY KEY NOT NULL, sequence INTEGER NOT NULL)")
        }
    }

    public init(
        feed: String, writer: any DatabaseWriter, logger: Logger,
        fetch: @escaping @Sendable (_ after: Int64) async throws -> FeedPage,
        apply: @escaping @Sendable (_ db: Database, _ change: FeedChange) throws -> Void
    ) {
        self.feed = feed
        self.writer = writer
        self.fetch = fetch
        self.apply = apply
        self.logger = logger
    }

    /// Where this consumer is in the feed.
    public func cursor() async throws -> Int64 {
        try await writer.read { db in try Int64.fetchOne(db, sql: "SELECT sequence FROM feed_cursor WHERE feed = ?", arguments: [feed]) ?? 0 }
    }

    /// Reads and applies everything there is now, page by page; returns how many changes it applied.
    /// Each page is applied in one transaction with the cursor moved to its end.
    @discardableResult
    public func catchUp() async throws -> Int {
        var applied = 0
        var more = true
        while more {
            let after = try await cursor()
            let page = try await fetch(after)
            if page.newestSequence < after {
                logger.error("the feed is behind this consumer's cursor (restored producer?); not applying", metadata: [
                    "feed": "\(feed)", "cursor": "\(after)", "newest": "\(page.newestSequence)",
                ])
                throw FeedError.producerBehind(cursor: after, newest: page.newestSequence)
            }
            let appliedPage = try await writer.write { db -> Bool in
                // The cursor is read again inside the transaction: a concurrent catch-up cannot apply twice.
                let current = try Int64.fetchOne(db, sql: "SELECT sequence FROM feed_cursor WHERE feed = ?", arguments: [feed]) ?? 0
                guard current == after else { return false }
                for change in page.changes { try apply(db, change) }
                try db.execute(
                    sql: "INSERT INTO feed_cursor (feed, sequence) VALUES (?, ?) ON CONFLICT(feed) DO UPDATE SET sequence = excluded.sequence",
                    arguments: [feed, page.lastSequence])
                return true
            }
            if appliedPage { applied += page.changes.count }
            more = page.more
        }
        return applied
    }

    /// Catches up every `interval` until cancelled, retrying after failures.
    public func follow(every interval: Duration) async {
        while !Task.isCancelled {
            do {
                try await catchUp()
            } catch {
                logger.warning("change feed not followed this time; retrying", metadata: ["feed": "\(feed)", "error": "\(error)"])
            }
            do { try await Task.sleep(for: interval) } catch { return }
        }
    }

    public enum FeedError: Error, Hashable {
        case producerBehind(cursor: Int64, newest: Int64)
    }
}

import Foundation
