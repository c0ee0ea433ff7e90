import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import BKTestSupport
import Testing
@testable import Programs

@Suite("Programs: the approval chain of a request and its duty letter", .timeLimit(.minutes(2)))
struct ApprovalChainTests {
    @Test func workingDaysSkipTheWeekend() {
        // 2026-06-05 is a Friday; 09:00 WIB.
        let friday: Int64 = 1_780_624_800
        #expect(ProgramRules.due(after: friday, workingDays: 3) == friday + 5 * 86_400, "Monday, Tuesday, Wednesday")
        #expect(ProgramRules.due(after: friday - 86_400, workingDays: 1) == friday, "Thursday → Friday")
        #expect(ProgramRules.due(after: friday, workingDays: 1) == friday + 3 * 86_400, "Friday → Monday")
        #expect(ProgramRules.due(after: friday + 86_400, workingDays: 1) == friday + 3 * 86_400, "Saturday → Monday")
    }

    @Test func supervisorThenBkpsdmEachWithTheirTimeLimitAndReminder() async throws {
        try await ProgramsWorld.with(staffCount: 3) { world in
            let program = try await world.program("LAT-RANTAI", days: 1)
            let session = try await world.openSession(program, first: "2026-07-06")
            let (asker, other) = (world.staff[0], world.staff[1])
            let start = world.clock.withLockedValue { $0 }

            let asked = try await world.employee(asker).requestEnrolment(.init(sessionId: session.id))
            #expect(asked.state == .requested && asked.approvalStage == .supervisor)
            #expect(asked.approverNip == ProgramsWorld.supervisor.nip)
            #expect(asked.stepDueTimeUnix == ProgramRules.due(after: start, workingDays: 3))

            // Who sees it waiting: the supervisor and BKPSDM; not a colleague (no approver's role) nor the nurse's agency head.
            let supervisorList = try await world.employee(ProgramsWorld.supervisor).listPendingApprovals(.init())
            #expect(supervisorList.approvals.map { $0.enrolment?.nip } == [asker.nip])
            #expect(supervisorList.approvals.first?.programTitle == "Pelatihan LAT-RANTAI" && supervisorList.approvals.first?.firstDay == "2026-07-06")
            #expect(try await world.organizer.listPendingApprovals(.init()).approvals.isEmpty, "not BKPSDM's step yet")
            #expect(await code { try await world.employee(other).listPendingApprovals(.init()) } == .permissionDenied)
            #expect(await code { try await world.employee(other).decideEnrolment(.init(sessionId: session.id, nip: asker.nip, approve: true)) } == .permissionDenied)

            // A refusal needs a reason; the supervisor approves with a note: on to BKPSDM, with its own limit.
            #expect(await code { try await world.employee(ProgramsWorld.supervisor).decideEnrolment(.init(sessionId: session.id, nip: asker.nip, approve: false)) } == .invalidArgument)
            world.clock.withLockedValue { $0 += 3600 }
            let forwarded = try await world.employee(ProgramsWorld.supervisor).decideEnrolment(.init(
                sessionId: session.id, nip: asker.nip, approve: true, reason: "relevan dengan tugas"))
            #expect(forwarded.state == .requested && forwarded.approvalStage == .bkpsdm)
            #expect(forwarded.supervisorApprovedBy == ProgramsWorld.supervisor.nip && forwarded.supervisorNote == "relevan dengan tugas")
            #expect(forwarded.stepDueTimeUnix == ProgramRules.due(after: start + 3600, workingDays: 5))
            #expect(try await world.employee(ProgramsWorld.supervisor).listPendingApprovals(.init()).approvals.isEmpty, "no longer theirs")
            #expect(await code { try await world.employee(ProgramsWorld.supervisor).decideEnrolment(.init(sessionId: session.id, nip: asker.nip, approve: true)) } == .permissionDenied, "BKPSDM's step")

            // Past BKPSDM's limit: one reminder, announced on the feed, and the list marks it overdue.
            #expect(try await world.store.remindOverdueApprovals().isEmpty)
            world.clock.withLockedValue { $0 = forwarded.stepDueTimeUnix + 1 }
            let reminded = try await world.store.remindOverdueApprovals()
            #expect(reminded.map(\.nip) == [asker.nip] && reminded.first?.reminderTimeUnix == forwarded.stepDueTimeUnix + 1)
            #expect(try await world.store.remindOverdueApprovals().isEmpty, "once per step")
            #expect(try await world.organizer.listPendingApprovals(.init()).approvals.first?.overdue == true)
            let feed = try await world.store.changes(after: 0, limit: 1000).response.changes
            #expect(feed.contains { $0.kind == "enrolment.reminder" && $0.key == "\(session.id)/\(asker.nip)" })

            // BKPSDM confirms: a seat and the duty letter's number.
            let confirmed = try await world.organizer.decideEnrolment(.init(sessionId: session.id, nip: asker.nip, approve: true))
            #expect(confirmed.state == .enrolled && confirmed.approvalStage == .decided)
            #expect(confirmed.dutyLetterNumber == "800.1.11.1/0001/BKPSDM/2026" && confirmed.dutyLetterTimeUnix > 0)
            #expect(try await world.organizer.listPendingApprovals(.init()).approvals.isEmpty)
        }
    }

    @Test func theHeadDecidesForAbsentSupervisorsAndRefusalsCarryTheirReason() async throws {
        try await ProgramsWorld.with(staffCount: 3) { world in
            let program = try await world.program("LAT-KEPALA", days: 1)
            let session = try await world.openSession(program, first: "2026-07-06")
            let (first, second) = (world.staff[0], world.staff[1])
            _ = try await world.employee(first).requestEnrolment(.init(sessionId: session.id))
            _ = try await world.employee(second).requestEnrolment(.init(sessionId: session.id))
            #expect(try await world.employee(ProgramsWorld.head).listPendingApprovals(.init()).approvals.count == 2, "the head sees their agency's")

            let refused = try await world.employee(ProgramsWorld.head).decideEnrolment(.init(
                sessionId: session.id, nip: first.nip, approve: false, reason: "bertepatan dengan pelaporan akhir tahun"))
            #expect(refused.state == .rejected && refused.approvalStage == .decided)
            #expect(refused.rejectedBy == ProgramsWorld.head.nip && refused.cancelReason == "bertepatan dengan pelaporan akhir tahun")
            #expect(refused.dutyLetterNumber.isEmpty)

            // BKPSDM takes the supervisor step over only once its limit has passed; it then confirms at once.
            #expect(await code { try await world.organizer.decideEnrolment(.init(sessionId: session.id, nip: second.nip, approve: true)) } == .permissionDenied)
            let pending = try #require(try await world.store.enrolment(sessionID: session.id, nip: second.nip))
            world.clock.withLockedValue { $0 = pending.stepDueTimeUnix + 1 }
            #expect(try await world.organizer.listPendingApprovals(.init()).approvals.first?.overdue == true)
            let direct = try await world.organizer.decideEnrolment(.init(sessionId: session.id, nip: second.nip, approve: true))
            #expect(direct.state == .enrolled && direct.supervisorApprovedBy.isEmpty && !direct.dutyLetterNumber.isEmpty)

            // An assigned participant gets the next duty letter number; a head's own request goes to BKPSDM.
            let assigned = try await world.organizer.enrol(.init(sessionId: session.id, nips: [world.staff[2].nip]))
            #expect(assigned.results.first?.enrolment?.dutyLetterNumber == "800.1.11.1/0002/BKPSDM/2026")
            let own = try await world.employee(ProgramsWorld.head).requestEnrolment(.init(sessionId: session.id))
            #expect(own.approvalStage == .bkpsdm)
            #expect(await code { try await world.employee(ProgramsWorld.head).decideEnrolment(.init(sessionId: session.id, nip: ProgramsWorld.head.nip, approve: true)) } == .permissionDenied)
        }
    }
}
