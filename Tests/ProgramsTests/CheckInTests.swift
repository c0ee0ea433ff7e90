import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import BKTestSupport
import Testing
@testable import Programs

@Suite("Programs: attendance by rotating QR code")
struct AttendanceCodeTests {
    let codes = AttendanceCodes(key: .generate())
    static let t0: Int64 = 1_780_275_900 // 2026-06-01 01:05 UTC, 08:05 WIB; a window boundary is at :00 and :30

    @Test func aCodeIsAcceptedInItsWindowAndTheNextOnly() throws {
        let issued = codes.issue(sessionID: "LAT-X-01", date: "2026-06-01", now: Self.t0)
        #expect(issued.refreshTimeUnix - issued.expireTimeUnix == -30)
        #expect(issued.refreshTimeUnix > Self.t0 && issued.refreshTimeUnix <= Self.t0 + 30)
        let scanned = try codes.check(issued.code, now: Self.t0)
        #expect(scanned == .init(sessionID: "LAT-X-01", date: "2026-06-01", window: Self.t0 / 30))
        #expect((try? codes.check(issued.code, now: issued.expireTimeUnix - 1)) != nil, "the scan in flight as the screen turns over")
        #expect(throws: ProgramsError.self) { try codes.check(issued.code, now: issued.expireTimeUnix) }
        #expect(refusal { try codes.check(issued.code, now: issued.expireTimeUnix + 600) }?.code == .failedPrecondition)
        #expect(refusal { try codes.check(issued.code, now: Self.t0 - 60) }?.code == .failedPrecondition, "a code from the future")
    }

    @Test func changedOrForeignCodesAreRefusedAsForged() throws {
        let issued = codes.issue(sessionID: "LAT-X-01", date: "2026-06-01", now: Self.t0)
        let parts = issued.code.split(separator: ".").map(String.init)
        let otherSession = (["P1", "LAT-X-02"] + parts[2...]).joined(separator: ".")
        let laterWindow = (parts[0..<3] + ["\(Int64(parts[3])! + 1)", parts[4]]).joined(separator: ".")
        #expect(refusal { try codes.check(otherSession, now: Self.t0) }?.code == .permissionDenied)
        #expect(refusal { try codes.check(laterWindow, now: Self.t0 + 30) }?.code == .permissionDenied)
        let foreign = AttendanceCodes(key: .generate()).issue(sessionID: "LAT-X-01", date: "2026-06-01", now: Self.t0)
        #expect(refusal { try codes.check(foreign.code, now: Self.t0) }?.code == .permissionDenied)
        for junk in ["", "P1", "P1.a.b.c.d", "P2.LAT-X-01.2026-06-01.1.AAAA", "P1.LAT-X-01.2026-13-45.1.AAAA", String(repeating: ".", count: 9)] {
            #expect(refusal { try codes.check(junk, now: Self.t0) }?.code == .invalidArgument, "\(junk)")
        }
    }

    @Test func theWholeScannedAddressCarriesTheCode() throws {
        let issued = codes.issue(sessionID: "LAT-X-01", date: "2026-06-01", now: Self.t0)
        let address = "https://binakarier.sawahluntokota.go.id/hadir?kode=" + issued.code.replacingOccurrences(of: ".", with: "%2E") + "&x=1"
        #expect(try codes.check(address, now: Self.t0).sessionID == "LAT-X-01")
    }

    @Test func aScanLaterThanTheGraceIsTerlambat() {
        let day = SessionDay(date: "2026-06-01", startTime: "08:00", endTime: "16:00", jp: 8)
        #expect(AttendanceCodes.status(of: day, at: Self.t0, graceMinutes: 15) == .hadir)
        #expect(AttendanceCodes.status(of: day, at: Self.t0 + 10 * 60, graceMinutes: 15) == .hadir, "08:15 is still on time")
        #expect(AttendanceCodes.status(of: day, at: Self.t0 + 11 * 60, graceMinutes: 15) == .terlambat)
        #expect(AttendanceCodes.status(of: .init(date: "2026-06-01", jp: 8), at: Self.t0 + 5 * 3600, graceMinutes: 15) == .hadir, "no start time: hadir")
    }

    func refusal(_ body: () throws -> AttendanceCodes.Scanned) -> RPCError? {
        do { _ = try body() } catch { return (error as? ProgramsError)?.rpcError }
        return nil
    }
}

@Suite("Programs: QR check-in through the service", .timeLimit(.minutes(2)))
struct CheckInServiceTests {
    @Test func participantsCheckThemselvesInAndTheGridHasTheLastWord() async throws {
        try await ProgramsWorld.with(staffCount: 4) { world in
            world.clock.withLockedValue { $0 = AttendanceCodeTests.t0 - 86_400 * 10 }
            let program = try await world.program("LAT-QR", days: 2)
            let session = try await world.openSession(program, first: "2026-06-01")
            let (early, late, marked, outsider) = (world.staff[0], world.staff[1], world.staff[2], world.staff[3])
            _ = try await world.organizer.enrol(.init(sessionId: session.id, nips: [early.nip, late.nip, marked.nip]))
            world.clock.withLockedValue { $0 = AttendanceCodeTests.t0 }
            #expect(await code { try await world.organizer.issueAttendanceCode(.init(sessionId: session.id)) } == .failedPrecondition, "not started yet")
            _ = try await world.organizer.transitionSession(.init(id: session.id, transition: .start))
            #expect(await code { try await world.employee(early).issueAttendanceCode(.init(sessionId: session.id)) } == .permissionDenied)
            #expect(await code { try await world.organizer.issueAttendanceCode(.init(sessionId: session.id, date: "2026-06-02")) } == .failedPrecondition)

            // The organiser marked one person already: a scan does not replace that.
            _ = try await world.organizer.markAttendance(.init(sessionId: session.id, records: [.init(nip: marked.nip, date: "2026-06-01", status: .izin)]))

            let first = try await world.organizer.issueAttendanceCode(.init(sessionId: session.id))
            #expect(first.date == "2026-06-01" && first.rotationSeconds == 30)
            let checked = try await world.employee(early).checkIn(.init(code: first.code))
            #expect(checked.record?.status == .hadir && checked.record?.nip == early.nip && !checked.keptOrganiserMark && !checked.alreadyCheckedIn)
            #expect(checked.programTitle == "Pelatihan LAT-QR")
            let again = try await world.employee(early).checkIn(.init(code: first.code))
            #expect(again.alreadyCheckedIn && again.record?.status == .hadir)
            let kept = try await world.employee(marked).checkIn(.init(code: first.code))
            #expect(kept.keptOrganiserMark && kept.record?.status == .izin)
            #expect(await code { try await world.employee(outsider).checkIn(.init(code: first.code)) } == .failedPrecondition, "not enrolled")

            // Twenty minutes later the first code is long gone; the screen's code then marks terlambat.
            world.clock.withLockedValue { $0 = AttendanceCodeTests.t0 + 20 * 60 }
            #expect(await code { try await world.employee(late).checkIn(.init(code: first.code)) } == .failedPrecondition)
            let current = try await world.organizer.issueAttendanceCode(.init(sessionId: session.id))
            #expect(try await world.employee(late).checkIn(.init(code: current.code)).record?.status == .terlambat)

            // The grid overrides a scan, and the shares of JP follow.
            _ = try await world.organizer.markAttendance(.init(sessionId: session.id, records: [.init(nip: early.nip, date: "2026-06-01", status: .alpa)]))
            let attendance = try await world.organizer.getAttendance(.init(sessionId: session.id))
            #expect(attendance.records.first { $0.nip == early.nip }?.status == .alpa)
            #expect(attendance.records.first { $0.nip == late.nip }?.note == "QR")
            #expect(attendance.enrolments.first { $0.nip == late.nip }?.attendancePercent == 50)
            #expect(attendance.enrolments.first { $0.nip == early.nip }?.attendancePercent == 0)
        }
    }
}
