import BKTestSupport
import BKAuth
import BKProto
import BKRPC
import Testing
@testable import Programs

@Suite("Programs: attendance, completion, certificates and the JP ledger", .timeLimit(.minutes(2)))
struct CompletionTests {
    @Test func completionFollowsAttendanceAndCorrectionsFollowThrough() async throws {
        try await ProgramsWorld.with(staffCount: 3) { world in
            // 5 days × 8 JP; 80 % needed: 4 days.
            let program = try await world.program("LAT-MANWAKTU", days: 5)
            let session = try await world.openSession(program)
            let (full, four, three) = (world.staff[0].nip, world.staff[1].nip, world.staff[2].nip)
            _ = try await world.organizer.enrol(.init(sessionId: session.id, nips: [full, four, three]))
            #expect(await code { try await world.attend(session, [full]) } == .failedPrecondition, "attendance waits for the session to start")
            _ = try await world.organizer.transitionSession(.init(id: session.id, transition: .start))
            try await world.attend(session, [full])
            try await world.attend(session, [four, three], days: 3)
            _ = try await world.organizer.markAttendance(.init(sessionId: session.id, records: [
                .init(nip: four, date: session.days[3].date, status: .terlambat), .init(nip: three, date: session.days[3].date, status: .izin),
                .init(nip: four, date: session.days[4].date, status: .sakit), .init(nip: three, date: session.days[4].date, status: .alpa),
            ]))
            // All or nothing: one bad record and none is saved.
            #expect(await code { try await world.organizer.markAttendance(.init(sessionId: session.id, records: [
                .init(nip: three, date: session.days[3].date, status: .hadir), .init(nip: three, date: "2026-12-25", status: .hadir),
            ])) } == .failedPrecondition)
            #expect(try await world.organizer.getAttendance(.init(sessionId: session.id, nip: three)).records.first { $0.date == session.days[3].date }?.status == .izin)

            let done = try await world.organizer.transitionSession(.init(id: session.id, transition: .complete))
            #expect(done.state == .completed)
            let outcome = try await world.organizer.getAttendance(.init(sessionId: session.id)).enrolments
            #expect(outcome.first { $0.nip == full }?.completion == .completed)
            #expect(outcome.first { $0.nip == four }?.attendancePercent == 80)
            #expect(outcome.first { $0.nip == four }?.completion == .completed)
            #expect(outcome.first { $0.nip == three }?.completion == .notCompleted)
            #expect(outcome.first { $0.nip == three }?.certificateNumber.isEmpty == true)

            let ledger = try await world.organizer.getLedger(.init(nip: four, year: 2026))
            #expect(ledger.jpVerified == 40 && ledger.meetsTarget && ledger.jpTarget == 20)
            #expect(try await world.organizer.getLedger(.init(nip: three, year: 2026)).jpVerified == 0)

            // A correction after completion: the fourth day was attended after all.
            _ = try await world.organizer.markAttendance(.init(sessionId: session.id, records: [.init(nip: three, date: session.days[3].date, status: .hadir, note: "surat tugas menyusul")]))
            let corrected = try await world.organizer.listEnrolments(.init(nip: three)).enrolments[0]
            #expect(corrected.completion == .completed && !corrected.certificateNumber.isEmpty)
            #expect(try await world.organizer.getLedger(.init(nip: three, year: 2026)).jpVerified == 40)

            // And the other way: completion reversed, certificate revoked, JP gone.
            let certificate = try await world.organizer.listCertificates(.init(nip: four)).certificates[0]
            _ = try await world.organizer.markAttendance(.init(sessionId: session.id, records: [.init(nip: four, date: session.days[3].date, status: .alpa)]))
            #expect(try await world.organizer.getLedger(.init(nip: four, year: 2026)).jpVerified == 0)
            let verified = try await world.anonymous.verifyCertificate(.init(number: certificate.number, verificationCode: certificate.verificationCode))
            #expect(!verified.valid && verified.certificate?.revoked == true)
            #expect(try await world.organizer.listEnrolments(.init(nip: four)).enrolments[0].certificateNumber.isEmpty, "the enrolment shows no revoked number")
            // The rule its participants were judged by is fixed now.
            #expect(await code { try await world.organizer.updateProgram(.init(
                program: .init(code: program.code, completion: .init(minimumAttendancePercent: 60)), updateMask: .init(paths: ["completion"]))) } == .failedPrecondition)
            #expect(try await world.organizer.updateProgram(.init(
                program: .init(code: program.code, title: "Pelatihan Manajemen Waktu"), updateMask: .init(paths: ["title"]))).jp == 40)
            // Restored once more: the same number comes back, no new one is taken.
            _ = try await world.organizer.markAttendance(.init(sessionId: session.id, records: [.init(nip: four, date: session.days[3].date, status: .hadir)]))
            let again = try await world.organizer.listCertificates(.init(nip: four)).certificates
            #expect(again.map(\.number) == [certificate.number] && again[0].revoked == false)
        }
    }

    @Test func aRequiredPostTestRecordedByFeedbackCompletesLater() async throws {
        try await ProgramsWorld.with(staffCount: 1) { world in
            let program = try await world.program("LAT-PPPK", days: 2, completion: .init(requiresPostTest: true, passMark: 70))
            let session = try await world.openSession(program)
            let nip = world.staff[0].nip
            _ = try await world.organizer.enrol(.init(sessionId: session.id, nips: [nip]))
            _ = try await world.organizer.transitionSession(.init(id: session.id, transition: .start))
            try await world.attend(session, [nip])
            _ = try await world.feedbackService.recordAssessment(.init(sessionId: session.id, nip: nip, kind: .preTest, score: 40))
            _ = try await world.organizer.transitionSession(.init(id: session.id, transition: .complete))
            #expect(try await world.organizer.listEnrolments(.init(nip: nip)).enrolments[0].completion == .pending, "waiting for the post-test")
            #expect(await code { try await world.employee(world.staff[0]).recordAssessment(.init(sessionId: session.id, nip: nip, kind: .postTest, score: 100)) } == .permissionDenied)
            #expect(await code { try await world.feedbackService.recordAssessment(.init(sessionId: session.id, nip: nip, kind: .postTest, score: 101)) } == .invalidArgument)
            let passed = try await world.feedbackService.recordAssessment(.init(sessionId: session.id, nip: nip, kind: .postTest, score: 72.5))
            #expect(passed.completion == .completed && passed.preTestScore == 40 && passed.postTestScore == 72.5)
            #expect(try await world.organizer.getLedger(.init(nip: nip, year: 2026)).jpVerified == 16)
        }
    }

    /// Ten sessions completed at once: 50 certificates numbered 1 to 50 of the year without a gap or a
    /// repeat, each verifiable with its code and none with another's.
    @Test func certificateNumbersHaveNoGapsUnderConcurrency() async throws {
        var settings = ProgramRules.Settings()
        settings.certificateFormat = "800/BKPSDM-SWL/{year}/{seq:4}"
        try await ProgramsWorld.with(staffCount: 50, settings: settings) { world in
            let program = try await world.program("SEM-SERTIFIKAT", days: 1)
            var sessions: [Session] = []
            for index in 0..<10 {
                let session = try await world.openSession(program, first: "2026-05-\(10 + index)", capacity: 5)
                let people = world.staff[(index * 5)..<(index * 5 + 5)].map(\.nip)
                _ = try await world.organizer.enrol(.init(sessionId: session.id, nips: people))
                _ = try await world.organizer.transitionSession(.init(id: session.id, transition: .start))
                try await world.attend(session, people)
                sessions.append(session)
            }
            let organizer = world.organizer
            try await withThrowingTaskGroup(of: Void.self) { group in
                for session in sessions {
                    group.addTask { _ = try await organizer.transitionSession(.init(id: session.id, transition: .complete)) }
                }
                try await group.waitForAll()
            }
            var certificates: [Certificate] = []
            for person in world.staff { certificates += try await organizer.listCertificates(.init(nip: person.nip)).certificates }
            #expect(certificates.count == 50)
            #expect(Set(certificates.map(\.number)) == Set((1...50).map { ProgramRules.certificateNumber(format: settings.certificateFormat, year: 2026, sequence: $0) }))
            #expect(certificates.allSatisfy { $0.holderName.hasPrefix("Staf ") && $0.jp == 8 })
            #expect(certificates.allSatisfy { $0.verificationCode.hasPrefix("V1.") }, "never starts with '-', which a command line reads as an option")
            for certificate in certificates.prefix(5) {
                let answer = try await world.anonymous.verifyCertificate(.init(number: certificate.number, verificationCode: certificate.verificationCode))
                #expect(answer.valid)
                #expect(answer.certificate?.nip == "**************" + certificate.nip.suffix(4), "a NIP holds a birth date: only its end is shown")
            }
            // Another logged-in person stepping through the numbers learns nothing, not even the NIP.
            do {
                _ = try await world.employee(ProgramsWorld.nurse).getCertificate(.init(number: certificates[0].number))
                Issue.record("a stranger read a certificate")
            } catch let error as RPCError {
                #expect(error.code == .notFound && !error.message.contains(certificates[0].nip))
            }
            #expect(try await world.employee(ProgramsWorld.supervisor).getCertificate(.init(number: certificates[0].number)).nip == certificates[0].nip)
            let (a, b) = (certificates[0], certificates[1])
            let forged = try await world.anonymous.verifyCertificate(.init(number: a.number, verificationCode: b.verificationCode))
            #expect(!forged.valid && forged.certificate == nil)
            #expect(try await world.anonymous.verifyCertificate(.init(number: "800/BKPSDM-SWL/2026/9999", verificationCode: a.verificationCode)).valid == false)
        }
    }

    @Test func aSessionOverNewYearCreditsEachYearItsDays() async throws {
        try await ProgramsWorld.with(staffCount: 1) { world in
            let program = try await world.program("LAT-TAHUNBARU", days: 4)
            let session = try await world.openSession(program, first: "2025-12-30")
            #expect(session.days.map(\.date) == ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"])
            let nip = world.staff[0].nip
            _ = try await world.organizer.enrol(.init(sessionId: session.id, nips: [nip]))
            _ = try await world.organizer.transitionSession(.init(id: session.id, transition: .start))
            try await world.attend(session, [nip])
            _ = try await world.organizer.transitionSession(.init(id: session.id, transition: .complete))
            #expect(try await world.organizer.getLedger(.init(nip: nip, year: 2025)).jpVerified == 16)
            #expect(try await world.organizer.getLedger(.init(nip: nip, year: 2026)).jpVerified == 16)
            #expect(try await world.organizer.getLedger(.init(nip: nip, year: 2027)).entries.isEmpty)
            // The certificate carries the year of the last day.
            #expect(try await world.organizer.listCertificates(.init(nip: nip)).certificates[0].number.contains("/2026/"))
        }
    }
}
