import NIOConcurrencyHelpers

/// What keeps password guessing slow, whatever the caller does:
/// - one login per account at a time, so parallel guesses cannot all read the same failure count;
/// - a bound on the logins one socket peer (process) has queued, so a flood from one process cannot
///   make everybody else's login wait;
/// - a cap on failed logins per peer uid per minute, so one local user cannot lock every account;
/// - the same lockout for usernames that do not exist, so the answer never tells real from made-up.
final class LoginThrottle: Sendable {
    static let maximumPendingPerPeer = 16
    static let maximumFailuresPerPeerPerMinute = 30
    static let maximumRememberedUnknownUsers = 10_000

    private struct State {
        var pending: [String: Int] = [:]
        var failures: [UInt32: (windowStart: Int64, count: Int)] = [:]
        var unknownUsers: [String: LockoutState] = [:]
    }

    private let state = NIOLockedValueBox(State())
    private let accounts = KeyedSerializer()

    /// Runs `login` for `username` on behalf of `peer`, after the peer's limits admit it, and never
    /// beside another login of the same account.
    func run<T: Sendable>(
        username: String, peer: PeerKey, now: Int64, _ login: () async throws -> T
    ) async throws -> T {
        try admit(peer, now: now)
        defer {
            state.withLockedValue { state in
                let left = state.pending[peer.process, default: 1] - 1
                state.pending[peer.process] = left > 0 ? left : nil
            }
        }
        // Keyed exactly as the store keys accounts (usernames are case-sensitive), so that a lock
        // answers the same for a name and its other spellings whether or not an account exists.
        return try await accounts.run(username, login)
    }

    private func admit(_ peer: PeerKey, now: Int64) throws {
        try state.withLockedValue { state in
            if let window = state.failures[peer.uid], now - window.windowStart < 60,
                window.count >= Self.maximumFailuresPerPeerPerMinute
            {
                throw IdentityError.resourceExhausted(.init(id: "terlalu banyak percobaan masuk yang gagal dari pengguna ini; coba lagi dalam satu menit", en: "too many failed logins from this user; try again in a minute"))
            }
            guard state.pending[peer.process, default: 0] < Self.maximumPendingPerPeer else {
                throw IdentityError.resourceExhausted(.init(id: "terlalu banyak percobaan masuk bersamaan dari proses ini; tunggu yang sedang berjalan", en: "too many simultaneous logins from this process; wait for those in progress to finish"))
            }
            state.pending[peer.process, default: 0] += 1
        }
    }

    /// Counts a failure against the peer's uid.
    func recordFailure(_ peer: PeerKey, now: Int64) {
        state.withLockedValue { state in
            var window = state.failures[peer.uid] ?? (now, 0)
            if now - window.windowStart >= 60 { window = (now, 0) }
            if state.failures.count > 10_000 { state.failures = state.failures.filter { now - $0.value.windowStart < 60 } }
            window.count += 1
            state.failures[peer.uid] = window
        }
    }

    /// The lock state of a username that has no account.
    func unknownUser(_ username: String) -> LockoutState {
        state.withLockedValue { $0.unknownUsers[username] ?? LockoutState(failures: 0, lockedUntil: 0) }
    }

    /// Counts a failure for a username that has no account, exactly as the store does for a real one.
    func recordUnknownUserFailure(_ username: String, policy: LockoutPolicy, now: Int64) -> LockoutState {
        state.withLockedValue { state in
            if state.unknownUsers.count >= Self.maximumRememberedUnknownUsers { state.unknownUsers.removeAll() }
            var lockout = state.unknownUsers[username] ?? LockoutState(failures: 0, lockedUntil: 0)
            lockout.failures += 1
            if let lock = policy.lockUntil(failures: lockout.failures, now: now) { lockout.lockedUntil = lock }
            state.unknownUsers[username] = lockout
            return lockout
        }
    }
}

/// A socket peer, as the throttle counts it.
struct PeerKey: Sendable, Hashable {
    var uid: UInt32
    /// uid and pid: one client process.
    var process: String
}

/// Runs work for one key at a time, in arrival order; different keys run side by side.
final class KeyedSerializer: Sendable {
    private let waiting = NIOLockedValueBox<[String: [CheckedContinuation<Void, Never>]]>([:])

    func run<T: Sendable>(_ key: String, _ body: () async throws -> T) async throws -> T {
        await acquire(key)
        defer { release(key) }
        try Task.checkCancellation()
        return try await body()
    }

    private func acquire(_ key: String) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = waiting.withLockedValue { waiting -> Bool in
                if waiting[key] == nil {
                    waiting[key] = []
                    return true
                }
                waiting[key]!.append(continuation)
                return false
            }
            if acquired { continuation.resume() }
        }
    }

    private func release(_ key: String) {
        let next = waiting.withLockedValue { waiting -> CheckedContinuation<Void, Never>? in
            guard var queue = waiting[key], !queue.isEmpty else {
                waiting[key] = nil
                return nil
            }
            let next = queue.removeFirst()
            waiting[key] = queue
            return next
        }
        next?.resume()
    }
}
