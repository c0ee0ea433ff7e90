#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The process on the other end of a Unix socket, as the kernel reports it (SO_PEERCRED).
public struct PeerCredentials: Sendable, Hashable, CustomStringConvertible {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32

    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    public var description: String { "pid=\(pid) uid=\(uid) gid=\(gid)" }
}

/// Which peers may connect: a peer is let in when its uid or its gid is listed.
public struct PeerAllowList: Sendable, Hashable, CustomStringConvertible {
    public var uids: Set<UInt32>
    public var gids: Set<UInt32>

    public init(uids: Set<UInt32> = [], gids: Set<UInt32> = []) {
        self.uids = uids
        self.gids = gids
    }

    /// The daemon's own user and root: the default when nothing is configured.
    public static var ownerAndRoot: PeerAllowList {
        PeerAllowList(uids: [0, getuid()], gids: [])
    }

    public func allows(_ peer: PeerCredentials) -> Bool {
        uids.contains(peer.uid) || gids.contains(peer.gid)
    }

    /// Parses `uid:1000,gid:1001,0` (a bare number is a uid). Throws on anything else.
    public init(parsing text: String) throws(PeerAllowListError) {
        self.init()
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: " ") }) where !item.isEmpty {
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            switch (parts.count, parts.first) {
            case (1, _):
                guard let uid = UInt32(parts[0]) else { throw .invalid(item) }
                uids.insert(uid)
            case (2, "uid"):
                guard let uid = UInt32(parts[1]) else { throw .invalid(item) }
                uids.insert(uid)
            case (2, "gid"):
                guard let gid = UInt32(parts[1]) else { throw .invalid(item) }
                gids.insert(gid)
            default:
                throw .invalid(item)
            }
        }
    }

    public var description: String {
        (uids.sorted().map { "uid:\($0)" } + gids.sorted().map { "gid:\($0)" }).joined(separator: ",")
    }
}

public enum PeerAllowListError: Error, Hashable, CustomStringConvertible {
    case invalid(String)
    public var description: String {
        switch self {
        case .invalid(let item): "'\(item)' is not a peer: write uid:N, gid:N or a bare uid"
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var view = self
        while view.first == set { view = view.dropFirst() }
        while view.last == set { view = view.dropLast() }
        return String(view)
    }
}
