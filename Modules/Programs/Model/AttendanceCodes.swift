import BKAuth
import BKProto
import BKServiceKit
import Foundation

/// The rotating attendance code an organiser's screen shows as a QR code: `P1.<session>.<date>.<window>.<tag>`.
/// The window is the Unix time divided by the rotation (30 s); the tag is the daemon's keyed BLAKE2b of
/// everything before it, so only the programs daemon makes codes and a changed session, day or window
/// is refused as forged. A code is accepted in its own window and the next one: a participant scanning as
/// the screen turns over still gets in, a photo sent to a colleague a minute later does not.
public struct AttendanceCodes: Sendable {
    public static let rotationSeconds: Int64 = 30
    static let version = "P1"
    /// The derivation label of the key (changing it invalidates every code in flight, nothing else).
    public static let keyPurpose = "binakarier programs attendance code v1"

    let key: TagKey

    public init(key: TagKey) { self.key = key }

    public struct Scanned: Sendable, Hashable {
        public var sessionID: String
        public var date: String
        public var window: Int64
    }

    public static func window(at unix: Int64) -> Int64 { unix.floorDivided(by: rotationSeconds) }

    public func issue(sessionID: String, date: String, now: Int64) -> Binakarier_Programs_V1_AttendanceCode {
        let window = Self.window(at: now)
        let signed = "\(Self.version).\(sessionID).\(date).\(window)"
        return .init(
            sessionId: sessionID, date: date, code: signed + "." + Base64URL.encode(key.tag(Array(signed.utf8))),
            refreshTimeUnix: (window + 1) * Self.rotationSeconds, expireTimeUnix: (window + 2) * Self.rotationSeconds,
            rotationSeconds: Int32(Self.rotationSeconds))
    }

    /// The session, day and window of a scanned code, if this daemon made it and it is still accepted.
    public func check(_ scanned: String, now: Int64) throws(ProgramsError) -> Scanned {
        let text = Self.code(in: scanned)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0] == Self.version, !parts[1].isEmpty, CalendarDate(parsing: parts[2]) != nil,
              let window = Int64(parts[3]), let tag = Base64URL.decode(parts[4])
        else {
            throw .invalid(field: "code", reason: .init(
                id: "bukan kode presensi BinaKarier; pindai kode yang tampil di layar penyelenggara",
                en: "not a BinaKarier attendance code; scan the code on the organiser's screen"))
        }
        let signed = parts[0..<4].joined(separator: ".")
        guard key.isValid(tag: tag, for: Array(signed.utf8)) else {
            throw .permissionDenied(.init(id: "kode presensi tidak sah", en: "the attendance code is not genuine"))
        }
        let current = Self.window(at: now)
        guard window == current || window == current - 1 else {
            throw .failedPrecondition(.init(
                id: "kode presensi sudah kedaluwarsa (berlaku \(Self.rotationSeconds) detik); pindai kode yang sedang tampil di layar",
                en: "the attendance code has expired (codes last \(Self.rotationSeconds) seconds); scan the code on the screen now"))
        }
        return Scanned(sessionID: parts[1], date: parts[2], window: window)
    }

    /// The code itself when a scanner hands over the whole check-in address (`…/hadir?kode=P1…`).
    static func code(in scanned: String) -> String {
        let trimmed = scanned.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let range = trimmed.range(of: "kode=") else { return trimmed }
        let value = trimmed[range.upperBound...].prefix { $0 != "&" && $0 != "#" }
        return String(value).removingPercentEncoding ?? String(value)
    }

    /// Hadir, or terlambat when the scan comes later than the day's start plus `graceMinutes` (WIB).
    public static func status(of day: Binakarier_Programs_V1_SessionDay, at unix: Int64, graceMinutes: Int) -> Binakarier_Programs_V1_AttendanceStatus {
        let parts = day.startTime.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { return .hadir }
        let minuteOfDay = Int(((unix + 7 * 3600) % 86_400 + 86_400) % 86_400) / 60
        return minuteOfDay > parts[0] * 60 + parts[1] + graceMinutes ? .terlambat : .hadir
    }
}
