import BKAuth
import BKProto
import Foundation
import NIOConcurrencyHelpers

/// The identity service's signing keys in its data directory: `identity-signing.key`, the active key
/// that signs new tokens, and after a rotation `identity-signing.previous.key`, which still verifies the
/// tokens it signed until they expire. Both files are 0600.
public final class SigningKeyRing: Sendable {
    private struct Keys: Sendable {
        var active: SigningKey
        var previous: SigningKey?
    }

    private let directory: String
    private let keys: NIOLockedValueBox<Keys>

    var activePath: String { "\(directory)/identity-signing.key" }
    var previousPath: String { "\(directory)/identity-signing.previous.key" }

    /// Loads the keys in `directory`, creating the active one on first start.
    public init(directory: String) throws {
        self.directory = directory
        let active = try SigningKey.loadOrCreate(at: "\(directory)/identity-signing.key")
        let previous = try SigningKey.load(at: "\(directory)/identity-signing.previous.key")
        keys = NIOLockedValueBox(Keys(active: active, previous: previous))
    }

    /// A ring held in memory only, for tests.
    public init(key: SigningKey) {
        directory = ""
        keys = NIOLockedValueBox(Keys(active: key, previous: nil))
    }

    public var active: SigningKey { keys.withLockedValue { $0.active } }

    /// The keys whose tokens verify, the active one first.
    public var publicKeys: [Binakarier_Auth_V1_PublicKey] {
        keys.withLockedValue { keys in
            [Binakarier_Auth_V1_PublicKey(keyId: keys.active.keyID, publicKey: keys.active.publicKey, active: true)]
                + (keys.previous.map { [Binakarier_Auth_V1_PublicKey(keyId: $0.keyID, publicKey: $0.publicKey)] } ?? [])
        }
    }

    public var publicKeySet: PublicKeySet { PublicKeySet(publicKeys) }

    /// Makes a new key active and keeps the active one as the previous (the one before it ends). The new
    /// key is written and synced before it replaces the old file, so a crash leaves one or the other.
    public func rotate() throws -> (active: String, previous: String) {
        let next = SigningKey.generate()
        if !directory.isEmpty {
            let nextPath = "\(directory)/identity-signing.next.key"
            try? FileManager.default.removeItem(atPath: nextPath)
            try next.write(to: nextPath)
            guard rename(activePath, previousPath) == 0, rename(nextPath, activePath) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            let fd = open(directory, O_RDONLY)
            if fd >= 0 {
                fsync(fd)
                close(fd)
            }
        }
        return keys.withLockedValue { keys in
            keys.previous = keys.active
            keys.active = next
            return (next.keyID, keys.previous!.keyID)
        }
    }
}
