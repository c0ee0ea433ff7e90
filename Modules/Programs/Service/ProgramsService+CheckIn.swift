import BKProto
import BKRPC
import BKServiceKit

/// Attendance by rotating QR code: the organiser's screen asks for the current code of today's day; a
/// participant who scans it checks themselves in. The organiser's grid (MarkAttendance) stays the last word.
extension ProgramsService {
    public func issueAttendanceCode(_ request: Binakarier_Programs_V1_IssueAttendanceCodeRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_AttendanceCode {
        let sessionID = request.sessionId.uppercased()
        guard let session = try await store.session(id: sessionID) else { throw ProgramsError.noSession(sessionID) }
        let today = CalendarDate(wib: now()).description
        let date = request.date.isEmpty ? today : try Validation.date(request.date, field: "date").description
        guard session.state == .running else {
            throw ProgramsError.failedPrecondition(.init(
                id: "kode presensi hanya untuk angkatan yang sedang berjalan; mulai angkatan \(sessionID) dahulu",
                en: "attendance codes are only for running sessions; start session \(sessionID) first"))
        }
        guard date == today, session.days.contains(where: { $0.date == today }) else {
            throw ProgramsError.failedPrecondition(.init(
                id: "kode presensi hanya untuk hari ini (\(today)), dan hari ini bukan hari angkatan \(sessionID)",
                en: "attendance codes are for today (\(today)) only, and today is not a day of session \(sessionID)"))
        }
        return attendanceCodes.issue(sessionID: sessionID, date: today, now: now())
    }

    public func checkIn(_ request: Binakarier_Programs_V1_CheckInRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_CheckInResponse {
        let caller = try context.requireCaller()
        guard request.code.utf8.count <= 2048 else {
            throw ProgramsError.invalid(field: "code", reason: .init(id: "terlalu panjang untuk kode presensi", en: "too long for an attendance code"))
        }
        let time = now()
        let scanned = try attendanceCodes.check(request.code, now: time)
        guard !caller.nip.isEmpty else {
            throw ProgramsError.failedPrecondition(.init(
                id: "presensi dengan kode hanya untuk akun ASN (dengan NIP)", en: "check-in by code is for ASN accounts (with a NIP) only"))
        }
        let today = CalendarDate(wib: time).description
        guard scanned.date == today else {
            throw ProgramsError.failedPrecondition(.init(id: "kode ini untuk \(scanned.date), bukan hari ini", en: "this code is for \(scanned.date), not today"))
        }
        guard let session = try await store.session(id: scanned.sessionID) else { throw ProgramsError.noSession(scanned.sessionID) }
        let status = session.days.first { $0.date == today }.map {
            AttendanceCodes.status(of: $0, at: time, graceMinutes: rules.checkInGraceMinutes)
        } ?? .hadir
        let (outcome, title) = try await store.checkIn(sessionID: session.id, nip: caller.nip, date: today, status: status, by: caller.subject)
        var response = Binakarier_Programs_V1_CheckInResponse(programTitle: title)
        switch outcome {
        case .marked(let record):
            response.record = record
            audit(context, "checked in", ["session": session.id, "nip": caller.nip, "date": today, "status": record.status.protoName])
        case .keptOrganiserMark(let record):
            response.record = record
            response.keptOrganiserMark = true
        case .alreadyCheckedIn(let record):
            response.record = record
            response.alreadyCheckedIn = true
        }
        return response
    }
}
