import Foundation
import NIOConcurrencyHelpers

/// Limits answers to public forms (the IKM survey a unit puts on its counter) per address and unit:
/// at most `limit` in `window` seconds, so one machine cannot flood a unit's index.
final class PublicFormThrottle: Sendable {
    let window: TimeInterval
    let limit: Int
    private let times = NIOLockedValueBox<[String: [TimeInterval]]>([:])

    init(window: TimeInterval = 3600, limit: Int = 10) {
        self.window = window
        self.limit = limit
    }

    /// True (and counted) when another answer from `address` for `unit` is allowed now.
    func allow(address: String, unit: String, now: TimeInterval = Date().timeIntervalSince1970) -> Bool {
        times.withLockedValue { table in
            let key = address + "|" + unit
            var kept = (table[key] ?? []).filter { now - $0 < window }
            guard kept.count < limit else {
                table[key] = kept
                return false
            }
            kept.append(now)
            table[key] = kept
            if table.count > 50_000 { table = table.filter { $0.value.last.map { now - $0 < window } ?? false } }
            return true
        }
    }
}
