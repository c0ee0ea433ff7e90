import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

/// Attendance by rotating QR code through the real identity and programs daemons: the organiser's
/// screen gets a code only for today's day (WIB) of a running session; enrolled participants who scan
/// it are marked hadir once; an organiser's mark stands (before the scan and after it); a changed code,
/// a code after its window and a participant not enrolled are refused.
@Suite("Attendance by rotating QR code end to end", .serialized, .timeLimit(.minutes(5)))
struct AttendanceCheckInEndToEndTests {
    static let arguments: [DaemonName: [String]] = [.programs: ["--revocation-poll-seconds", "0.2"]]

    /// One character of the code's tag changed to another of the same alphabet (so it still reads as a
    /// code): at `position` from the tag's start.
    static func tampered(_ code: String, at position: Int) -> String {
        var characters = Array(code)
        let tagStart = (code.lastIndex(of: ".").map { code.distance(from: code.startIndex, to: $0) } ?? 0) + 1
        let index = min(tagStart + position, characters.count - 2)
        characters[index] = switch characters[index] {
        case "0": "1"
        case let c where c.isNumber: "0"
        case "a": "b"
        case let c where c.isLowercase: "a"
        case "A": "B"
        case let c where c.isUppercase: "A"
        case "-": "_"
        default: "-"
        }
        return String(characters)
    }

    @Test func participantsScanTodaysRotatingCodeAndTheGridStillOverrides() async throws {
        try await Cluster.with([.identity, .programs], arguments: Self.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            let staff = try await cluster.token(for: .employee)
            let supervisor = try await cluster.token(for: .supervisor)
            let head = try await cluster.token(for: .agencyHead)
            let late = try await PracticeFixtures.addEmployee(cluster, nip: "199503102020122001", name: "Peserta Terlambat Scan", supervisor: ClusterPeople.supervisor.nip)
            let outsider = try await PracticeFixtures.addEmployee(cluster, nip: "198801012012121001", name: "Bukan Peserta", supervisor: ClusterPeople.supervisor.nip)
            try await PracticeFixtures.programsReady(cluster, organizer)
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
            func scanner(_ token: String) -> ProgramsAPI.Client { ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(token)) }

            // A two-day session: yesterday and today (WIB). Today starts in a while, so a scan now is on time.
            let today = PracticeFixtures.wibDate()
            let yesterday = PracticeFixtures.wibDate(plusDays: -1)
            let minute = PracticeFixtures.wibMinuteOfDay()
            try #require(minute < 23 * 60 + 40, "too close to midnight WIB for a day that starts later today")
            let start = PracticeFixtures.hhmm(minute + 15)
            _ = try await programs.createProgram(.init(program: .init(code: "LAT-PRESENSI-QR", title: "Pelatihan Presensi QR", kind: .pelatihan, jp: 4)))
            let session = try await programs.createSession(.init(session: .init(
                programCode: "LAT-PRESENSI-QR",
                days: [.init(date: yesterday, startTime: "08:00", endTime: "10:00", jp: 2), .init(date: today, startTime: start, endTime: "23:59", jp: 2)],
                venue: "Aula BKPSDM", capacity: 10)))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .open))
            let enrolled = try await programs.enrol(.init(sessionId: session.id, nips: [
                ClusterPeople.staff.nip, ClusterPeople.supervisor.nip, ClusterPeople.head.nip, "199503102020122001",
            ]))
            #expect(enrolled.results.allSatisfy { $0.enrolment?.state == .enrolled }, "\(enrolled.results.map(\.error))")

            // Only a running session has a code; only organisers get it.
            #expect(await code { try await programs.issueAttendanceCode(.init(sessionId: session.id)) } == .failedPrecondition)
            _ = try await programs.transitionSession(.init(id: session.id, transition: .start))
            #expect(await code { try await scanner(staff).issueAttendanceCode(.init(sessionId: session.id)) } == .permissionDenied)
            #expect(await code { try await programs.issueAttendanceCode(.init(sessionId: session.id, date: yesterday)) } == .failedPrecondition,
                    "codes are issued only for today's day")

            let issued = try await programs.issueAttendanceCode(.init(sessionId: session.id))
            let now = PracticeFixtures.now
            #expect(issued.sessionId == session.id && issued.date == today)
            #expect(issued.code.hasPrefix("P1.\(session.id).\(today)."), "\(issued.code)")
            #expect(issued.rotationSeconds == 30)
            #expect(issued.refreshTimeUnix > now - 1 && issued.refreshTimeUnix <= now + 31, "the next code within one rotation")
            #expect(issued.expireTimeUnix >= issued.refreshTimeUnix && issued.expireTimeUnix <= issued.refreshTimeUnix + 31,
                    "accepted in its own window and the next: \(issued)")

            // Not a code at all; a code with one character of its tag changed (forged).
            #expect(await code { try await scanner(staff).checkIn(.init(code: "bukan kode presensi")) } == .invalidArgument)
            for position in [0, 5, 10] {
                let forged = Self.tampered(issued.code, at: position)
                #expect(forged != issued.code && forged.count == issued.code.count)
                #expect(await code { try await scanner(staff).checkIn(.init(code: forged)) } == .permissionDenied, "forged: \(forged)")
            }
            // The window changed by one (the next window, still inside the accepted range): the tag no longer fits.
            let parts = issued.code.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 5, let window = Int64(parts[3]) {
                let shifted = [parts[0], parts[1], parts[2], String(window + 1), parts[4]].joined(separator: ".")
                #expect(await code { try await scanner(staff).checkIn(.init(code: shifted)) } == .permissionDenied, "window changed: \(shifted)")
            } else {
                Issue.record("the code is not P1.<session>.<date>.<window>.<tag>: \(issued.code)")
            }

            // The enrolled participant scans: hadir (on time), then a second scan changes nothing.
            let first = try await scanner(staff).checkIn(.init(code: issued.code))
            #expect(first.record?.nip == ClusterPeople.staff.nip && first.record?.date == today && first.record?.sessionId == session.id)
            #expect(first.record?.status == .hadir, "scanned before the day's start: \(first.record)")
            #expect(!first.keptOrganiserMark && !first.alreadyCheckedIn && first.programTitle == "Pelatihan Presensi QR")
            // The scan may carry the whole check-in address.
            let again = try await scanner(staff).checkIn(.init(code: "https://binakarier.example/hadir?kode=\(issued.code)"))
            #expect(again.alreadyCheckedIn && !again.keptOrganiserMark && again.record?.status == .hadir)

            // An organiser's mark first: the scan keeps it and says so.
            _ = try await programs.markAttendance(.init(sessionId: session.id, records: [
                .init(nip: ClusterPeople.supervisor.nip, date: today, status: .izin, note: "Rapat dinas"),
            ]))
            let kept = try await scanner(supervisor).checkIn(.init(code: issued.code))
            #expect(kept.keptOrganiserMark && kept.record?.status == .izin, "\(kept)")

            // Someone not enrolled is refused, and gets no record.
            #expect(await code { try await scanner(outsider).checkIn(.init(code: issued.code)) } == .failedPrecondition)

            // The organiser's grid overrides the scan afterwards, and a later scan does not undo it.
            _ = try await programs.markAttendance(.init(sessionId: session.id, records: [
                .init(nip: ClusterPeople.staff.nip, date: today, status: .alpa, note: "Meninggalkan kelas"),
            ]))
            let afterOverride = try await scanner(staff).checkIn(.init(code: issued.code))
            #expect(afterOverride.keptOrganiserMark && afterOverride.record?.status == .alpa, "\(afterOverride)")

            var sheet = try await programs.getAttendance(.init(sessionId: session.id)).records.filter { $0.date == today }
            var byNip = Dictionary(sheet.map { ($0.nip, $0.status) }, uniquingKeysWith: { $1 })
            #expect(byNip == [ClusterPeople.staff.nip: .alpa, ClusterPeople.supervisor.nip: .izin], "\(sheet)")

            // The codes rotate: after the refresh a new one comes, and the old one is still taken for the
            // scan in flight until it expires; after that it is refused (a code sent around).
            let waitForRefresh = max(0, issued.refreshTimeUnix - PracticeFixtures.now) + 1
            try await Task.sleep(for: .seconds(waitForRefresh))
            let next = try await programs.issueAttendanceCode(.init(sessionId: session.id))
            #expect(next.code != issued.code && next.refreshTimeUnix > issued.refreshTimeUnix)
            if PracticeFixtures.now < issued.expireTimeUnix {
                let inFlight = try await scanner(head).checkIn(.init(code: issued.code))
                #expect(inFlight.record?.status == .hadir && inFlight.record?.nip == ClusterPeople.head.nip)
            }
            try await Task.sleep(for: .seconds(max(0, issued.expireTimeUnix - PracticeFixtures.now) + 2))
            #expect(await code { try await scanner(late).checkIn(.init(code: issued.code)) } == .failedPrecondition, "an expired code")
            let fresh = try await programs.issueAttendanceCode(.init(sessionId: session.id))
            let onTime = try await scanner(late).checkIn(.init(code: fresh.code))
            #expect(onTime.record?.status == .hadir && onTime.record?.nip == "199503102020122001")

            sheet = try await programs.getAttendance(.init(sessionId: session.id)).records.filter { $0.date == today }
            byNip = Dictionary(sheet.map { ($0.nip, $0.status) }, uniquingKeysWith: { $1 })
            #expect(byNip[ClusterPeople.head.nip] == .hadir && byNip["199503102020122001"] == .hadir && byNip["198801012012121001"] == nil)
            // A participant reads their own day; the scan was theirs.
            let own = try await scanner(late).getAttendance(.init(sessionId: session.id, nip: "199503102020122001"))
            #expect(own.records.first { $0.date == today }?.status == .hadir)
        }
    }

    /// Scanned later than the day's start plus the grace minutes: terlambat.
    @Test func aScanAfterTheStartAndItsGraceIsLate() async throws {
        let minute = PracticeFixtures.wibMinuteOfDay()
        guard minute >= 90 else { return } // the day must have started more than an hour ago (WIB)
        try await Cluster.with([.identity, .programs], arguments: Self.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            let staff = try await cluster.token(for: .employee)
            try await PracticeFixtures.programsReady(cluster, organizer)
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
            let today = PracticeFixtures.wibDate()
            _ = try await programs.createProgram(.init(program: .init(code: "SEM-PAGI", title: "Seminar Pagi", kind: .seminar, jp: 2)))
            let session = try await programs.createSession(.init(session: .init(
                programCode: "SEM-PAGI", days: [.init(date: today, startTime: PracticeFixtures.hhmm(minute - 60), endTime: "23:59", jp: 2)], capacity: 5)))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .open))
            _ = try await programs.enrol(.init(sessionId: session.id, nips: [ClusterPeople.staff.nip]))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .start))
            let issued = try await programs.issueAttendanceCode(.init(sessionId: session.id))
            let scan = try await ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(staff)).checkIn(.init(code: issued.code))
            #expect(scan.record?.status == .terlambat, "an hour after the start: \(scan.record)")
        }
    }
}
