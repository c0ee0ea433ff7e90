import BKRPC
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `<data-dir>/<database>.lock`, held (flock) by a daemon for as long as it runs and by a restore while
/// it replaces the database: two daemons never share a data directory, and a restore never swaps the
/// file under a running daemon, whatever socket directory that daemon was given.
final class DataDirectoryLock: Sendable {
    struct Held: Error, CustomStringConvertible {
        let name: DaemonName
        let path: String
        var description: String {
            "another \(name.executableName) is using \((path as NSString).deletingLastPathComponent) (it holds \(path)): stop it first"
        }
    }

    private let descriptor: Int32

    init(directory: String, name: DaemonName) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = "\(directory)/\(name.databaseName).lock"
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            Glibc.close(fd)
            throw Held(name: name, path: path)
        }
        descriptor = fd
    }

    deinit { Glibc.close(descriptor) }
}
