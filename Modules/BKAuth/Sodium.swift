import CSodium

/// libsodium needs one initialisation per process; it is idempotent and thread-safe.
enum Sodium {
    static let ready: Bool = sodium_init() >= 0

    static func randomBytes(_ count: Int) -> [UInt8] {
        precondition(ready, "libsodium failed to initialise")
        var bytes = [UInt8](repeating: 0, count: count)
        randombytes_buf(&bytes, count)
        return bytes
    }
}
