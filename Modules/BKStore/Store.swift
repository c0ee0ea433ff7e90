import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import Logging

/// Opens a daemon's database the one way every daemon does.
public enum Store {
    public enum Failure: Error, CustomStringConvertible {
        case directory(String, any Error)
        case file(String, Int32)
        public var description: String {
            switch self {
            case .directory(let path, let error): "cannot create data directory \(path): \(error)"
            case .file(let path, let code): "cannot create \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Opens (creating if needed) `<directory>/<name>.sqlite` and migrates it. Stores hold the result as
    /// `any DatabaseWriter`, so their tests can run the same code on `inMemory(migrator:)`.
    ///
    /// WAL lets readers run beside the one writer; `synchronous=FULL` makes every committed
    /// transaction durable before the call returns, so nothing acknowledged is lost on SIGKILL or
    /// power loss; foreign keys are enforced.
    public static func open(
        directory: String, name: String, migrator: DatabaseMigrator, logger: Logger? = nil
    ) throws -> any DatabaseWriter {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure.directory(directory, error)
        }
        try restrictDirectory(directory, logger: logger)
        let path = "\(directory)/\(name).sqlite"
        // SQLite gives the -wal and -shm files the database file's mode, so creating it 0600 keeps all
        // three private (they may hold password hashes and personal data).
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure.file(path, errno) }
        fchmod(fd, 0o600)
        Glibc.close(fd)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, 0o600)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        logger?.info("database open", metadata: ["path": "\(path)"])
        return pool
    }

    /// A migrated in-memory database with the same settings, for store tests.
    public static func inMemory(migrator: DatabaseMigrator) throws -> any DatabaseWriter {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        try migrator.migrate(queue)
        return queue
    }

    /// The data directory is the daemon's alone: one that others can read or write is narrowed to 0700
    /// (and said so), and one that cannot be narrowed is refused.
    static func restrictDirectory(_ directory: String, logger: Logger?) throws {
        var info = stat()
        guard stat(directory, &info) == 0 else { throw Failure.file(directory, errno) }
        guard info.st_mode & 0o077 != 0 else { return }
        guard chmod(directory, 0o700) == 0 else {
            throw Failure.directory(directory, POSIXError(POSIXErrorCode(rawValue: errno) ?? .EPERM))
        }
        logger?.notice("data directory was open to others; narrowed to 0700", metadata: ["path": "\(directory)"])
    }
}

extension Database {
    /// Runs one statement through the connection's statement cache: prepared once, not on every call
    /// (a session's completion or an import runs the same statements for every row).
    public func run(sql: String, arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
