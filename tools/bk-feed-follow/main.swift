// bk-feed-follow: follows a daemon's change feed into a SQLite file, the way feedback and reporting
// follow programs (BKStore.ChangeFeedConsumer, cursor and effects in one transaction), with a service
// token from identity. For operators, a way to watch a feed; for the end-to-end tests, a consumer that
// can be SIGKILLed mid-stream. Not shipped.
//
//   bk-feed-follow --socket-dir DIR --database FILE [--as feedback] [--page 100] [--until-caught-up]
import ArgumentParser
import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import BKStore
import Foundation
import GRDB
import Logging

@main
struct FeedFollow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bk-feed-follow", abstract: "Follow bk-programsd's change feed into a SQLite file (tests and operators).")

    @Option(help: "Directory of the daemons' sockets.") var socketDir: String
    @Option(help: "The SQLite file to apply the changes to (created if needed).") var database: String
    @Option(help: "The service whose token to ask identity for (it must be allowed to read the feed).") var `as`: String = DaemonName.feedback.rawValue
    @Option(help: "Changes per page.") var page: Int32 = 100
    @Flag(help: "Stop once everything there is has been applied.") var untilCaughtUp = false

    /// What the follower keeps: every change it applied (an effect that would double if a change were
    /// applied twice: `applications` counts) and the cursor, in one transaction per page.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("follow-1") { db in
            try db.execute(sql: """
                CREATE TABLE applied (sequence INTEGER NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL);
                CREATE TABLE applications (n INTEGER NOT NULL);
                INSERT INTO applications VALUES (0);
                """)
        }
        ChangeFeedConsumer.registerMigration(&migrator)
        return migrator
    }

    func run() async throws {
        guard let service = DaemonName(rawValue: `as`) else { throw ValidationError("unknown service \(`as`)") }
        let directory = (database as NSString).deletingLastPathComponent
        let name = ((database as NSString).lastPathComponent as NSString).deletingPathExtension
        let writer = try Store.open(directory: directory.isEmpty ? "." : directory, name: name, migrator: Self.migrator)
        let identity = RPCClient(socketPath: DaemonName.identity.socketPath(in: socketDir))
        let programs = RPCClient(socketPath: DaemonName.programs.socketPath(in: socketDir))
        let tokens = ServiceTokenSource(service: service, client: .init(identity))
        let limit = page
        var logger = Logger(label: "bk-feed-follow")
        logger.logLevel = .warning
        let consumer = ChangeFeedConsumer(
            feed: DaemonName.programs.rawValue, writer: writer, logger: logger,
            fetch: { after in
                let client = Binakarier_Programs_V1_ProgramsService.Client(programs, metadata: .bearer(try await tokens.token()))
                return FeedPage(try await client.listChanges(.init(afterSequence: after, limit: limit)))
            },
            apply: { db, change in
                try db.execute(sql: "INSERT INTO applied VALUES (?, ?, ?)", arguments: [change.sequence, change.kind, change.key])
                try db.execute(sql: "UPDATE applications SET n = n + 1")
            })
        if untilCaughtUp {
            let applied = try await consumer.catchUp()
            print("applied \(applied)")
        } else {
            await consumer.follow(every: .milliseconds(200))
        }
        await identity.close()
        await programs.close()
    }
}
