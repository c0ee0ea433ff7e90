import BKRPC
import Foundation
import NIOConcurrencyHelpers

/// Slows password guessing before it reaches identity (which locks an account after repeated failures):
/// failed logins are counted per address and username, and per address, in a sliding window; over
/// either limit a login is refused with RESOURCE_EXHAUSTED (429) without asking identity. A success
/// clears its pair's count. Not per username alone, and generous per address: a whole office often
/// shares one public address, and nobody should be able to lock colleagues out by failing on purpose.
final class LoginThrottle: Sendable {
    struct Key: Sendable {
        var address: String
        var username: String

        var pair: String { "p:" + address + "|" + username.lowercased() }
    }

    let window: TimeInterval
    let perAddress: Int
    let perAddressAndUsername: Int
    private let failures = NIOLockedValueBox<[String: [TimeInterval]]>([:])

    init(window: TimeInterval = 300, perAddress: Int = 60, perAddressAndUsername: Int = 6) {
        self.window = window
        self.perAddress = perAddress
        self.perAddressAndUsername = perAddressAndUsername
    }

    func check(_ key: Key, now: TimeInterval = Date().timeIntervalSince1970) throws(RPCError) {
        let (byAddress, byPair) = failures.withLockedValue { table in
            (recent(&table, "a:" + key.address, now), recent(&table, key.pair, now))
        }
        guard byAddress < perAddress, byPair < perAddressAndUsername else {
            throw RPCError(
                .resourceExhausted,
                LocalizedText(
                    id: "terlalu banyak percobaan masuk yang gagal; coba lagi dalam \(Int(window / 60)) menit",
                    en: "too many failed logins; try again in \(Int(window / 60)) minutes"))
        }
    }

    func recordFailure(_ key: Key, now: TimeInterval = Date().timeIntervalSince1970) {
        failures.withLockedValue { table in
            table["a:" + key.address, default: []].append(now)
            table[key.pair, default: []].append(now)
            if table.count > 10_000 { table = table.filter { $0.value.last.map { now - $0 < window } ?? false } }
        }
    }

    func recordSuccess(_ key: Key) {
        failures.withLockedValue { $0[key.pair] = nil }
    }

    private func recent(_ table: inout [String: [TimeInterval]], _ name: String, _ now: TimeInterval) -> Int {
        guard let times = table[name] else { return 0 }
        let kept = times.filter { now - $0 < window }
        table[name] = kept.isEmpty ? nil : kept
        return kept.count
    }
}
