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
        /// The file is not a database, or SQLite's check found damage.
        case damaged(path: String, detail: String)
        /// Migrations this binary does not know were applied: a newer version wrote the file.
        case newerSchema(path: String, unknownMigrations: [String])
        /// SQLite cannot open or read the file for a reason outside it.
        case unusable(path: String, detail: String)
        /// A backup was asked for where there is no database.
        case missing(path: String)
        /// A backup target inside the data directory (it could replace the live database).
        case backupInside(target: String, directory: String)
        /// A restore was asked for a database that does not pass the integrity check.
        case badBackup(path: String, detail: String)
        public var description: String {
            switch self {
            case .directory(let path, let error): "cannot create data directory \(path): \(error)"
            case .file(let path, let code): "cannot create \(path): \(String(cString: strerror(code)))"
            case .damaged(let path, let detail):
                "database \(path) is damaged (\(detail)); the daemon will not start on it. Stop it, restore the "
                    + "latest backup with --restore-from FILE, then start it again (docs/operations.md, \"Restore\")"
            case .newerSchema(let path, let unknown):
                "database \(path) was written by a newer version of BinaKarier (migrations this version does not "
                    + "know: \(unknown.joined(separator: ", "))); the daemon will not start on it. Run the newer "
                    + "version, or restore a backup taken before the upgrade (docs/operations.md, \"Upgrades\")"
            case .unusable(let path, let detail):
                "cannot open database \(path) (\(detail)): check its owner and mode (the daemon's user must own it), "
                    + "that its disk is writable and has free space, and that no other program holds it"
            case .backupInside(let target, let directory):
                "\(target) is inside the data directory \(directory): write backups elsewhere"
            case .missing(let path):
                "there is no database at \(path): give the daemon's own data directory with --data-dir (or BINAKARIER_DATA_DIR)"
            case .badBackup(let path, let detail): "\(path) is not a usable backup (\(detail)); nothing was restored"
            }
        }
    }

    /// `<directory>/<name>.sqlite`: where a daemon's database lives.
    public static func path(directory: String, name: String) -> String { "\(directory)/\(name).sqlite" }

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
        let path = path(directory: directory, name: name)
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
        let pool: DatabasePool
        var unknown: Set<String> = []
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // On the writer's connection: a read would open a reader connection (two more descriptors)
            // that the daemon may never need.
            try pool.writeWithoutTransaction { db in
                try checkIntegrity(db, path: path)
                unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
            }
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw Failure.damaged(path: path, detail: error.message ?? "\(error.resultCode)")
        } catch let error as DatabaseError {
            // Not the file's fault (its owner or mode, a read-only or full disk, a lock): a backup would not help.
            throw Failure.unusable(path: path, detail: error.message ?? "\(error.resultCode)")
        }
        guard unknown.isEmpty else { throw Failure.newerSchema(path: path, unknownMigrations: unknown.sorted()) }
        try migrator.migrate(pool)
        logger?.info("database open", metadata: ["path": "\(path)"])
        return pool
    }

    /// SQLite's `quick_check` (every page and index entry well-formed; linear in the file's size, a
    /// fraction of a second for the databases these daemons keep).
    static func checkIntegrity(_ reader: any DatabaseReader, path: String) throws {
        try reader.read { db in try checkIntegrity(db, path: path) }
    }

    static func checkIntegrity(_ db: Database, path: String) throws {
        let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
        guard problems == ["ok"] else {
            throw Failure.damaged(path: path, detail: problems.prefix(3).joined(separator: "; "))
        }
    }

    /// Copies the live database `<directory>/<name>.sqlite` to `target` with SQLite's online backup:
    /// one consistent snapshot, taken while its daemon goes on reading and writing (WAL lets the copy
    /// read beside the writer). The copy is written beside `target` and renamed into place, 0600.
    /// - Returns: the size of the copy in bytes.
    @discardableResult
    public static func backup(directory: String, name: String, to target: String) throws -> Int {
        let source = path(directory: directory, name: name)
        guard FileManager.default.fileExists(atPath: source) else { throw Failure.missing(path: source) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let live = try DatabasePool(path: source, configuration: configuration)
        defer { try? live.close() }
        let targetDirectory = (target as NSString).deletingLastPathComponent
        let resolvedTarget = URL(fileURLWithPath: targetDirectory.isEmpty ? "." : targetDirectory).resolvingSymlinksInPath().path
        let resolvedData = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard resolvedTarget != resolvedData, !resolvedTarget.hasPrefix(resolvedData + "/") else {
            throw Failure.backupInside(target: target, directory: directory)
        }
        let partial = target + ".partial"
        func removePartial() { for suffix in ["", "-journal", "-wal", "-shm"] { unlink(partial + suffix) } }
        removePartial()
        let fd = Glibc.open(partial, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure.file(partial, errno) }
        Glibc.close(fd)
        do {
            let copy = try DatabaseQueue(path: partial)
            try live.backup(to: copy)
            try checkIntegrity(copy, path: partial)
            try copy.close()
        } catch {
            removePartial()
            throw error
        }
        guard rename(partial, target) == 0 else { throw Failure.file(target, errno) }
        syncDirectory(of: target)
        var info = stat()
        return stat(target, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Replaces `<directory>/<name>.sqlite` with the backup `source` (its daemon must be stopped: the
    /// caller holds its data directory's lock). The backup is checked first, so a damaged file never
    /// replaces a good one. The old database and its -wal and -shm are kept beside it, renamed
    /// `<name>.sqlite.before-restore-<time>` (left in place, SQLite would replay that WAL into the
    /// restored file), so a wrong restore can be undone.
    /// - Returns: the old database's new name, or nil when there was none.
    @discardableResult
    public static func restore(directory: String, name: String, from source: String, now: Date = Date()) throws -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let backup = try DatabaseQueue(path: source, configuration: configuration)
            try checkIntegrity(backup, path: source)
            try backup.close()
        } catch let error as Failure {
            if case .damaged(_, let detail) = error { throw Failure.badBackup(path: source, detail: detail) }
            throw error
        } catch let error as DatabaseError {
            throw Failure.badBackup(path: source, detail: error.message ?? "\(error.resultCode)")
        }
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let target = path(directory: directory, name: name)
        let staged = target + ".restoring"
        unlink(staged)
        try copyDurably(from: source, to: staged)
        let stamp = ISO8601DateFormatter.string(from: now, timeZone: .gmt, formatOptions: [.withYear, .withMonth, .withDay, .withTime])
        let aside = "\(target).before-restore-\(stamp)"
        var kept: String?
        // The WAL first: a crash half-way leaves the old database without its WAL beside the restored one
        // rather than the restored database beside the old WAL.
        for suffix in ["-wal", "-shm", ""] where FileManager.default.fileExists(atPath: target + suffix) {
            guard rename(target + suffix, aside + suffix) == 0 else { throw Failure.file(target + suffix, errno) }
            if suffix.isEmpty { kept = aside }
        }
        // Run as root for a daemon with its own user, the file must still be the daemon's.
        var owner = stat()
        if stat(directory, &owner) == 0 { chown(staged, owner.st_uid, owner.st_gid) }
        guard rename(staged, target) == 0 else { throw Failure.file(target, errno) }
        syncDirectory(of: target)
        return kept
    }

    /// fsync of the directory holding `path`, so a rename in it survives a power loss.
    static func syncDirectory(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let fd = Glibc.open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); Glibc.close(fd) }
    }

    /// Copies a file to a new 0600 file and fsyncs it, so a crash never leaves half a database.
    static func copyDurably(from source: String, to target: String) throws {
        let input = Glibc.open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw Failure.file(source, errno) }
        defer { Glibc.close(input) }
        let output = Glibc.open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw Failure.file(target, errno) }
        defer { Glibc.close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw Failure.file(source, errno) }
            if count == 0 { break }
            var written = 0
            while written < count {
                let step = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
                guard step > 0 else { throw Failure.file(target, errno) }
                written += step
            }
        }
        guard fsync(output) == 0 else { throw Failure.file(target, errno) }
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
