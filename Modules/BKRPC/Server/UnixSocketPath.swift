#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Socket hygiene before bind: a short enough path, a private directory, no stale socket file.
public enum UnixSocketPath {
    /// sun_path holds 108 bytes including the terminating NUL.
    public static let maximumLength = 107

    public enum Failure: Error, Hashable, CustomStringConvertible {
        case tooLong(path: String, length: Int)
        case directory(path: String, errno: Int32)
        case notASocket(path: String)
        case inUse(path: String)
        case unlink(path: String, errno: Int32)

        public var description: String {
            switch self {
            case .tooLong(let path, let length):
                "socket path \(path) is \(length) bytes; at most \(UnixSocketPath.maximumLength) fit: choose a shorter socket directory"
            case .directory(let path, let code):
                "cannot prepare socket directory \(path): \(String(cString: strerror(code)))"
            case .notASocket(let path):
                "\(path) exists and is not a socket; refusing to remove it"
            case .inUse(let path):
                "another process is already listening on \(path)"
            case .unlink(let path, let code):
                "cannot remove stale socket \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Checks the path length, creates the directory (mode 0770) and removes a stale socket file left by
    /// a daemon that died, but refuses to touch a socket someone is still listening on.
    public static func prepare(_ path: String) throws(Failure) {
        let length = path.utf8.count
        guard length <= maximumLength else { throw .tooLong(path: path, length: length) }
        let directory = parentDirectory(of: path)
        try makeDirectory(directory)
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // nothing there
        guard info.st_mode & S_IFMT == S_IFSOCK else { throw .notASocket(path: path) }
        if isListening(path) { throw .inUse(path: path) }
        guard unlink(path) == 0 || errno == ENOENT else { throw .unlink(path: path, errno: errno) }
    }

    /// Restricts a bound socket to its owner and group (0660).
    public static func restrictPermissions(_ path: String) {
        _ = chmod(path, 0o660)
    }

    /// Removes our socket file on shutdown so that clients fail fast instead of connecting to nothing.
    public static func removeSocket(_ path: String) {
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK { _ = unlink(path) }
    }

    /// The `sockaddr_un` for `path` (cut to fit; check the length with `prepare` first).
    public static func socketAddress(_ path: String) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func makeDirectory(_ directory: String) throws(Failure) {
        var info = stat()
        if stat(directory, &info) != 0 {
            let parent = parentDirectory(of: directory)
            if parent != directory { try makeDirectory(parent) }
            guard mkdir(directory, 0o770) == 0 || errno == EEXIST else { throw .directory(path: directory, errno: errno) }
            _ = chmod(directory, 0o770)  // mkdir's mode is filtered by the umask
        }
    }

    private static func isListening(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = socketAddress(path)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        return result == 0
    }
}
