import Foundation
import GRDB
import Logging

/// Opens a daemon's database the one way every daemon does.
public enum Store {
    public enum Failure: Error, CustomStringConvertible {
        case directory(String, any Error)
        public var description: String {
            switch self {
            case .directory(let path, let error): "cannot create data directory \(path): \(error)"
            }
        }
    }

    /// Opens (creating if needed) `<directory>/<name>.sqlite` and migrates it.
    ///
    /// WAL lets readers run beside the one writer; `synchronous=FULL` makes every committed
    /// transaction durable before the call returns, so nothing acknowledged is lost on SIGKILL or
    /// power loss; foreign keys are enforced.
    public static func open(
        directory: String, name: String, migrator: DatabaseMigrator, logger: Logger? = nil
    ) throws -> DatabasePool {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure.directory(directory, error)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let path = "\(directory)/\(name).sqlite"
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        logger?.info("database open", metadata: ["path": "\(path)"])
        return pool
    }
}
