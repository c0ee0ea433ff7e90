import BKProto
import BKServiceKit
import GRDB

extension ProgramsStore {
    public enum CheckInOutcome: Sendable {
        /// The caller's mark, saved now.
        case marked(AttendanceRecord)
        /// An organiser had marked the day: their record stands.
        case keptOrganiserMark(AttendanceRecord)
        /// The caller had checked in that day already.
        case alreadyCheckedIn(AttendanceRecord)
    }

    /// A participant's own QR check-in for one day of a running session: saved unless the day is marked
    /// already (an organiser's mark is never replaced by a scan; the grid replaces a scan).
    public func checkIn(
        sessionID: String, nip: String, date: String, status: Binakarier_Programs_V1_AttendanceStatus, by subject: String
    ) async throws -> (outcome: CheckInOutcome, programTitle: String) {
        let time = now()
        return try await write { db in
            guard let session = try Self.session(db, id: sessionID) else { throw ProgramsError.noSession(sessionID) }
            let title = try Self.program(db, code: session.programCode)?.title ?? session.programCode
            guard session.state == .running else {
                throw ProgramsError.failedPrecondition(.init(
                    id: "presensi dengan kode hanya untuk angkatan yang sedang berjalan (\(sessionID): \(Self.stateName(session.state).indonesian))",
                    en: "check-in by code is only for running sessions (\(sessionID) is \(Self.stateName(session.state).english))"))
            }
            guard session.days.contains(where: { $0.date == date }) else {
                throw ProgramsError.failedPrecondition(.init(id: "\(date) bukan hari angkatan ini", en: "\(date) is not a day of this session"))
            }
            guard try Self.enrolment(db, sessionID: sessionID, nip: nip)?.state == .enrolled else {
                throw ProgramsError.failedPrecondition(.init(
                    id: "\(nip) tidak terdaftar sebagai peserta \(sessionID); hubungi penyelenggara",
                    en: "\(nip) is not enrolled in \(sessionID); ask the organiser"))
            }
            if let row = try Row.fetchOne(
                db, sql: "SELECT * FROM attendance WHERE session_id = ? AND nip = ? AND date = ?", arguments: [sessionID, nip, date]) {
                let existing = Self.attendanceRecord(row)
                return (existing.markedBy == subject ? .alreadyCheckedIn(existing) : .keptOrganiserMark(existing), title)
            }
            let record = AttendanceRecord(
                sessionId: sessionID, nip: nip, date: date, status: status, note: "QR", markedBy: subject, updateTimeUnix: time)
            try db.execute(
                sql: "INSERT INTO attendance (session_id, nip, date, status, note, marked_by, update_time) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [sessionID, nip, date, status.rawValue, record.note, subject, time])
            try Self.publish(db, ChangeKind.attendance, key: "\(sessionID)/\(nip)", record, time: time)
            try Self.recomputeAttendance(db, sessionID: sessionID, totalJP: session.days.reduce(0) { $0 + Int($1.jp) })
            return (.marked(record), title)
        }
    }
}
