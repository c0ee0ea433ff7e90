import BKRPC
import Foundation
import NIOConcurrencyHelpers

/// Slows password guessing before it reaches identity (which locks an account after repeated failures):
/// failed logins are counted per address and per username in a sliding window; over the limit, a login
/// is refused with RESOURCE_EXHAUSTED (429) without asking identity. A success clears the username's count.
final class LoginThrottle: Sendable {
    struct Key: Sendable {
        var address: String
        var username: String
    }

    let window: TimeInterval
    let perAddress: Int
    let perUsername: Int
    private let failures = NIOLockedValueBox<[String: [TimeInterval]]>([:])

    init(window: TimeInterval = 300, perAddress: Int = 20, perUsername: Int = 8) {
        self.window = window
        self.perAddress = perAddress
        self.perUsername = perUsername
    }

    func check(_ key: Key, now: TimeInterval = Date().timeIntervalSince1970) throws(RPCError) {
        let (byAddress, byUsername) = failures.withLockedValue { table in
            (recent(&table, "a:" + key.address, now), recent(&table, "u:" + key.username.lowercased(), now))
        }
        guard byAddress < perAddress, byUsername < perUsername else {
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
            table["u:" + key.username.lowercased(), default: []].append(now)
            if table.count > 10_000 { table = table.filter { $0.value.last.map { now - $0 < window } ?? false } }
        }
    }

    func recordSuccess(_ key: Key) {
        failures.withLockedValue { $0["u:" + key.username.lowercased()] = nil }
    }

    private func recent(_ table: inout [String: [TimeInterval]], _ name: String, _ now: TimeInterval) -> Int {
        guard let times = table[name] else { return 0 }
        let kept = times.filter { now - $0 < window }
        table[name] = kept.isEmpty ? nil : kept
        return kept.count
    }
}
