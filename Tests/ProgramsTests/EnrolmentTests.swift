import BKTestSupport
import BKProto
import BKRPC
import BKStore
import Testing
@testable import Programs

@Suite("Programs: enrolment, capacity and waitlist", .timeLimit(.minutes(2)))
struct EnrolmentTests {
    /// 200 people asking at once for 30 seats: exactly 30 seated, 170 waitlisted in the order their
    /// enrolments committed (the feed's order), and a freed seat goes to the first in line.
    @Test func capacityHoldsUnderConcurrentEnrolment() async throws {
        try await ProgramsWorld.with(staffCount: 200) { world in
            let program = try await world.program("LAT-KAPASITAS")
            let session = try await world.openSession(program, capacity: 30)
            let organizer = world.organizer
            try await withThrowingTaskGroup(of: Void.self) { group in
                for person in world.staff {
                    group.addTask {
                        let result = try await organizer.enrol(.init(sessionId: session.id, nips: [person.nip])).results[0]
                        #expect(result.error.isEmpty, "\(result.error)")
                    }
                }
                try await group.waitForAll()
            }
            let listed = try await organizer.listEnrolments(.init(pageSize: 1000, sessionId: session.id)).enrolments
            #expect(listed.count == 200)
            #expect(listed.count { $0.state == .enrolled } == 30)
            let waitlisted = listed.filter { $0.state == .waitlisted }
            #expect(waitlisted.count == 170)
            #expect(Set(waitlisted.map(\.waitlistPosition)) == Set(1...170))
            let shown = try await organizer.getSession(.init(id: session.id))
            #expect(shown.enrolledCount == 30 && shown.waitlistedCount == 170)

            // The waitlist is the commit order: as the change feed recorded the enrolments.
            let feed = try await world.store.changes(after: 0, limit: 5000).changes.filter { $0.kind == ChangeKind.enrolment }
            let committed = try feed.map { try Enrolment(serializedBytes: $0.payload) }.filter { $0.state == .waitlisted }.map(\.nip)
            #expect(committed == waitlisted.sorted { $0.waitlistPosition < $1.waitlistPosition }.map(\.nip))

            // A seat frees: the first in line takes it, the others move up.
            let leaving = try #require(listed.first { $0.state == .enrolled })
            let first = try #require(waitlisted.first { $0.waitlistPosition == 1 })
            let second = try #require(waitlisted.first { $0.waitlistPosition == 2 })
            _ = try await organizer.cancelEnrolment(.init(sessionId: session.id, nip: leaving.nip, reason: "tugas luar"))
            let promoted = try await organizer.listEnrolments(.init(pageSize: 1000, nip: first.nip)).enrolments[0]
            #expect(promoted.state == .enrolled)
            let moved = try await organizer.listEnrolments(.init(pageSize: 1000, nip: second.nip)).enrolments[0]
            #expect(moved.waitlistPosition == 1)
            let after = try await organizer.getSession(.init(id: session.id))
            #expect(after.enrolledCount == 30 && after.waitlistedCount == 169)
            // Fewer seats than people seated: refused. More: the waitlist moves up at once.
            #expect(await code { try await organizer.updateSession(.init(session: .init(id: session.id, capacity: 29), updateMask: .init(paths: ["capacity"]))) } == .failedPrecondition)
            let larger = try await organizer.updateSession(.init(session: .init(id: session.id, capacity: 35), updateMask: .init(paths: ["capacity"])))
            #expect(larger.enrolledCount == 35 && larger.waitlistedCount == 164)
        }
    }

    @Test func eligibilityIsCheckedAndAnOverrideIsRecorded() async throws {
        try await ProgramsWorld.with(staffCount: 2) { world in
            let program = try await world.program("BIMTEK-RPP")
            let session = try await world.openSession(program)
            let refused = try await world.organizer.enrol(.init(sessionId: session.id, nips: [ProgramsWorld.nurse.nip, ProgramsWorld.retired.nip, "123", "199901012020121001"]))
            #expect(refused.results.map(\.code) == [
                Int32(RPCStatusCode.failedPrecondition.rawValue), Int32(RPCStatusCode.failedPrecondition.rawValue),
                Int32(RPCStatusCode.invalidArgument.rawValue), Int32(RPCStatusCode.notFound.rawValue),
            ])
            #expect(refused.results[0].error.contains("DIKBUD"))
            let overridden = try await world.organizer.enrol(.init(sessionId: session.id, nips: [ProgramsWorld.nurse.nip, ProgramsWorld.retired.nip], overrideReason: "narasumber pendamping"))
            #expect(overridden.results[0].enrolment?.state == .enrolled)
            #expect(overridden.results[0].enrolment?.eligibilityOverride == "narasumber pendamping")
            #expect(overridden.results[0].enrolment?.overrideBy == "bkpsdm")
            #expect(overridden.results[1].code == Int32(RPCStatusCode.failedPrecondition.rawValue), "an override does not enrol someone retired")
            let again = try await world.organizer.enrol(.init(sessionId: session.id, nips: [ProgramsWorld.nurse.nip], overrideReason: "lagi"))
            #expect(again.results[0].code == Int32(RPCStatusCode.alreadyExists.rawValue))
        }
    }

    @Test func supervisorsNominateTheirStaffAndPeopleRequestSeats() async throws {
        try await ProgramsWorld.with(staffCount: 3) { world in
            let program = try await world.program("SEM-KEPEMIMPINAN")
            let session = try await world.openSession(program, capacity: 2)
            let supervisor = world.employee(ProgramsWorld.supervisor)
            let nominated = try await supervisor.enrol(.init(sessionId: session.id, nips: [world.staff[0].nip, ProgramsWorld.nurse.nip]))
            #expect(nominated.results[0].enrolment?.source == .nominated)
            #expect(nominated.results[1].code == Int32(RPCStatusCode.permissionDenied.rawValue), "not their staff")
            #expect(await code { try await supervisor.enrol(.init(sessionId: session.id, nips: [world.staff[1].nip], overrideReason: "x")) } == .permissionDenied)
            #expect(await code { try await world.employee(world.staff[1]).enrol(.init(sessionId: session.id, nips: [world.staff[2].nip])) } == .permissionDenied)

            let asked = try await world.employee(world.staff[1]).requestEnrolment(.init(sessionId: session.id))
            #expect(asked.state == .requested && asked.source == .requested)
            #expect(await code { try await world.employee(ProgramsWorld.nurse).requestEnrolment(.init(sessionId: session.id)) } == .failedPrecondition)
            // The supervisor approves first (the approval chain is tested in ApprovalChainTests); BKPSDM confirms.
            _ = try await supervisor.decideEnrolment(.init(sessionId: session.id, nip: world.staff[1].nip, approve: true))
            let approved = try await world.organizer.decideEnrolment(.init(sessionId: session.id, nip: world.staff[1].nip, approve: true))
            #expect(approved.state == .enrolled)
            // The session is full now: the next approval waitlists.
            _ = try await world.employee(world.staff[2]).requestEnrolment(.init(sessionId: session.id))
            _ = try await supervisor.decideEnrolment(.init(sessionId: session.id, nip: world.staff[2].nip, approve: true))
            #expect(try await world.organizer.decideEnrolment(.init(sessionId: session.id, nip: world.staff[2].nip, approve: true)).state == .waitlisted)
            #expect(await code { try await world.organizer.decideEnrolment(.init(sessionId: session.id, nip: world.staff[2].nip, approve: false, reason: "penuh")) } == .failedPrecondition, "no longer a request")

            // A person may cancel their own; not someone else's.
            #expect(await code { try await world.employee(world.staff[2]).cancelEnrolment(.init(sessionId: session.id, nip: world.staff[1].nip)) } == .permissionDenied)
            #expect(try await world.employee(world.staff[1]).cancelEnrolment(.init(sessionId: session.id, nip: world.staff[1].nip)).state == .cancelled)
            #expect(try await world.organizer.listEnrolments(.init(nip: world.staff[2].nip)).enrolments[0].state == .enrolled, "promoted")
        }
    }

    @Test func theLifecycleIsEnforced() async throws {
        try await ProgramsWorld.with(staffCount: 2) { world in
            let program = try await world.program("LAT-SIKLUS")
            let draft = try await world.organizer.createSession(.init(session: .init(
                programCode: program.code, days: [.init(date: "2026-04-06", jp: 8), .init(date: "2026-04-07", jp: 8), .init(date: "2026-04-08", jp: 8)], capacity: 5)))
            #expect(draft.state == .draft && draft.id == "LAT-SIKLUS-01")
            #expect(await code { try await world.organizer.enrol(.init(sessionId: draft.id, nips: [world.staff[0].nip])) } == .failedPrecondition)
            #expect(await code { try await world.organizer.transitionSession(.init(id: draft.id, transition: .complete)) } == .failedPrecondition)
            #expect(await code { try await world.organizer.transitionSession(.init(id: draft.id, transition: .cancel)) } == .invalidArgument, "a reason is required")
            _ = try await world.organizer.transitionSession(.init(id: draft.id, transition: .open))
            _ = try await world.organizer.enrol(.init(sessionId: draft.id, nips: [world.staff[0].nip]))
            _ = try await world.organizer.transitionSession(.init(id: draft.id, transition: .start))
            let done = try await world.organizer.transitionSession(.init(id: draft.id, transition: .complete))
            #expect(done.state == .completed)
            #expect(await code { try await world.organizer.enrol(.init(sessionId: draft.id, nips: [world.staff[1].nip])) } == .failedPrecondition)
            #expect(await code { try await world.organizer.transitionSession(.init(id: draft.id, transition: .cancel, reason: "x")) } == .failedPrecondition)

            // Bad schedules are refused with the field named.
            for days in [[SessionDay(date: "2026-04-06", jp: 8)], [.init(date: "2026-02-30", jp: 24)], [.init(date: "2026-04-06", jp: 12), .init(date: "2026-04-06", jp: 12)]] {
                do {
                    _ = try await world.organizer.createSession(.init(session: .init(programCode: program.code, days: days, capacity: 5)))
                    Issue.record("accepted \(days)")
                } catch let error as RPCError {
                    #expect(error.code == .invalidArgument)
                    #expect(error.fieldViolations.first?.field.hasPrefix("session.days") == true)
                }
            }
            let cancelled = try await world.openSession(program)
            _ = try await world.organizer.enrol(.init(sessionId: cancelled.id, nips: [world.staff[1].nip]))
            _ = try await world.organizer.transitionSession(.init(id: cancelled.id, transition: .cancel, reason: "narasumber berhalangan"))
            #expect(try await world.organizer.listEnrolments(.init(nip: world.staff[1].nip)).enrolments.first { $0.sessionId == cancelled.id }?.state == .cancelled)
        }
    }
}
