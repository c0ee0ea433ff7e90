import BKAuth
import BKProto
import Foundation
import NIOConcurrencyHelpers

/// The identity service's signing keys in its data directory: `identity-signing.key`, the active key
/// that signs new tokens, and after a rotation `identity-signing.previous.key`, which still verifies the
/// tokens it signed for one token lifetime after the rotation (its file's time), then nothing. Both
/// files are 0600.
public final class SigningKeyRing: Sendable {
    private struct Keys: Sendable {
        var active: SigningKey
        var previous: SigningKey?
        /// When the previous key stopped signing.
        var rotatedAt: Int64 = 0
    }

    private let directory: String
    private let keys: NIOLockedValueBox<Keys>
    /// One rotation at a time: they share the files.
    private let rotation = NIOLock()

    var activePath: String { "\(directory)/identity-signing.key" }
    var previousPath: String { "\(directory)/identity-signing.previous.key" }

    /// Loads the keys in `directory`, creating the active one on first start.
    public init(directory: String) throws {
        self.directory = directory
        let active = try SigningKey.loadOrCreate(at: "\(directory)/identity-signing.key")
        let previousPath = "\(directory)/identity-signing.previous.key"
        let previous = try SigningKey.load(at: previousPath)
        var info = stat()
        let rotatedAt = stat(previousPath, &info) == 0 ? Int64(info.st_mtim.tv_sec) : 0
        keys = NIOLockedValueBox(Keys(active: active, previous: previous, rotatedAt: rotatedAt))
    }

    /// A ring held in memory only, for tests.
    public init(key: SigningKey) {
        directory = ""
        keys = NIOLockedValueBox(Keys(active: key, previous: nil))
    }

    public var active: SigningKey { keys.withLockedValue { $0.active } }

    /// Until when the previous key still verifies, or nil when there is none.
    public func previousRetireTime(tokenLifetime: Int64) -> Int64? {
        keys.withLockedValue { $0.previous == nil ? nil : $0.rotatedAt + tokenLifetime }
    }

    /// The keys whose tokens verify, the active one first; the previous one with its retire time
    /// (`tokenLifetime` after the rotation).
    public func publicKeys(tokenLifetime: Int64) -> [Binakarier_Auth_V1_PublicKey] {
        keys.withLockedValue { keys in
            [Binakarier_Auth_V1_PublicKey(keyId: keys.active.keyID, publicKey: keys.active.publicKey, active: true)]
                + (keys.previous.map {
                    [Binakarier_Auth_V1_PublicKey(keyId: $0.keyID, publicKey: $0.publicKey, retireTimeUnix: keys.rotatedAt + tokenLifetime)]
                } ?? [])
        }
    }

    public func publicKeySet(tokenLifetime: Int64) -> PublicKeySet { PublicKeySet(publicKeys(tokenLifetime: tokenLifetime)) }

    /// Makes a new key active and keeps the active one as the previous until it retires, or drops it at
    /// once when `retiringPrevious` (a key that may have leaked). The new key is written and synced
    /// before it replaces the old file, so a crash leaves one or the other.
    public func rotate(retiringPrevious: Bool = false, now: Int64 = WallClock.nowUnix()) throws -> (active: String, previous: String?) {
        try rotation.withLock { try rotateLocked(retiringPrevious: retiringPrevious, now: now) }
    }

    private func rotateLocked(retiringPrevious: Bool, now: Int64) throws -> (active: String, previous: String?) {
        let next = SigningKey.generate()
        if !directory.isEmpty {
            let nextPath = "\(directory)/identity-signing.next.key"
            try? FileManager.default.removeItem(atPath: nextPath)
            try next.write(to: nextPath)
            guard rename(activePath, previousPath) == 0, rename(nextPath, activePath) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            if retiringPrevious {
                unlink(previousPath)
            } else {
                // Its time is the rotation's (the retire time counts from it), synced so a crash keeps it.
                utimes(previousPath, nil)
                let file = open(previousPath, O_RDONLY)
                if file >= 0 {
                    fsync(file)
                    close(file)
                }
            }
            let fd = open(directory, O_RDONLY)
            if fd >= 0 {
                fsync(fd)
                close(fd)
            }
        }
        return keys.withLockedValue { keys in
            keys.previous = retiringPrevious ? nil : keys.active
            keys.rotatedAt = now
            keys.active = next
            return (next.keyID, keys.previous?.keyID)
        }
    }
}
