import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

/// The approval chain of a request through the real identity and programs daemons, with supervisor
/// relations as identity records them: the ASN asks, the direct supervisor (or the agency head) decides
/// the first step within its time limit, BKPSDM confirms and the duty letter is numbered; refusals need a
/// reason and record who refused; nobody else decides.
@Suite("Approval chain end to end", .serialized, .timeLimit(.minutes(5)))
struct ApprovalChainEndToEndTests {
    static let dutyLetterFormat = "800.1.11.1/{seq:4}/BKPSDM-UJI/{year}"
    static let arguments: [DaemonName: [String]] = [.programs: [
        "--revocation-poll-seconds", "0.2", "--duty-letter-format", dutyLetterFormat,
        "--supervisor-approval-days", "2", "--bkpsdm-approval-days", "10",
    ]]

    static func dutyLetter(_ sequence: Int, year: Int32) -> String { "800.1.11.1/\(String(format: "%04d", sequence))/BKPSDM-UJI/\(year)" }

    @Test func aRequestGoesThroughTheSupervisorAndBKPSDMToADutyLetter() async throws {
        try await Cluster.with([.identity, .programs], arguments: Self.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            let staff = try await cluster.token(for: .employee)
            let supervisor = try await cluster.token(for: .supervisor)
            let head = try await cluster.token(for: .agencyHead)
            // Another member of the supervisor's staff, and one with no supervisor in identity's records.
            let colleague = try await PracticeFixtures.addEmployee(cluster, nip: "199108172015031002", name: "Rekan Uji", supervisor: ClusterPeople.supervisor.nip)
            let loner = try await PracticeFixtures.addEmployee(cluster, nip: "199503102020122001", name: "Tanpa Atasan Uji")
            try await PracticeFixtures.programsReady(cluster, organizer)
            func client(_ token: String) -> ProgramsAPI.Client { ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(token)) }
            let programs = client(organizer)
            let year = PracticeFixtures.wibYear()
            let day = PracticeFixtures.wibDate()

            _ = try await programs.createProgram(.init(program: .init(code: "LAT-PELAYANAN", title: "Pelatihan Pelayanan Prima", kind: .pelatihan, jp: 8)))
            let session = try await programs.createSession(.init(session: .init(
                programCode: "LAT-PELAYANAN", days: [.init(date: day, startTime: "08:00", endTime: "16:00", jp: 8)], venue: "Aula", capacity: 10)))
            let second = try await programs.createSession(.init(session: .init(
                programCode: "LAT-PELAYANAN", days: [.init(date: day, startTime: "08:00", endTime: "16:00", jp: 8)], venue: "Aula 2", capacity: 10)))
            // Not open yet: nothing to ask for.
            #expect(await code { try await client(staff).requestEnrolment(.init(sessionId: session.id)) } == .failedPrecondition)
            for id in [session.id, second.id] { _ = try await programs.transitionSession(.init(id: id, transition: .open)) }

            // 1. The member of staff asks: the request waits for their direct supervisor, with a time limit.
            let before = PracticeFixtures.now
            let requested = try await client(staff).requestEnrolment(.init(sessionId: session.id))
            #expect(requested.state == .requested && requested.source == .requested && requested.approvalStage == .supervisor)
            #expect(requested.approverNip == ClusterPeople.supervisor.nip && requested.nip == ClusterPeople.staff.nip)
            #expect(requested.dutyLetterNumber.isEmpty)
            // Two working days: at least a day and a half ahead, and not more than two weeks (weekends, holidays).
            #expect(requested.stepDueTimeUnix >= before + 36 * 3600 && requested.stepDueTimeUnix <= before + 14 * 86400, "\(requested.stepDueTimeUnix - before) s")
            #expect(requested.reminderTimeUnix == 0)
            #expect(await code { try await client(staff).requestEnrolment(.init(sessionId: session.id)) } == .alreadyExists)

            let waiting = try await client(supervisor).listPendingApprovals(.init())
            let mine = try #require(waiting.approvals.first { $0.enrolment?.nip == ClusterPeople.staff.nip })
            #expect(waiting.approvals.count == 1)
            #expect(mine.enrolment?.sessionId == session.id && mine.programTitle == "Pelatihan Pelayanan Prima" && mine.firstDay == day && !mine.overdue)
            #expect(mine.enrolment?.stepDueTimeUnix == requested.stepDueTimeUnix)

            // Nobody else decides the supervisor step: a colleague, the person (BKPSDM before the limit: below).
            let approve = Binakarier_Programs_V1_DecideEnrolmentRequest(sessionId: session.id, nip: ClusterPeople.staff.nip, approve: true, reason: "Sesuai kebutuhan unit")
            #expect(await code { try await client(colleague).decideEnrolment(approve) } == .permissionDenied)
            #expect(await code { try await client(loner).decideEnrolment(approve) } == .permissionDenied)
            #expect(await code { try await client(staff).decideEnrolment(approve) } == .permissionDenied)
            // A refusal needs a reason.
            #expect(await code { try await client(supervisor).decideEnrolment(.init(sessionId: session.id, nip: ClusterPeople.staff.nip, approve: false)) } == .invalidArgument)
            let still = try await programs.listEnrolments(.init(nip: ClusterPeople.staff.nip)).enrolments.first { $0.sessionId == session.id }
            #expect(still?.state == .requested && still?.approvalStage == .supervisor)

            // 2. The supervisor approves: BKPSDM's step, with its own (longer) limit.
            let approved = try await client(supervisor).decideEnrolment(approve)
            #expect(approved.approvalStage == .bkpsdm && approved.state == .requested)
            #expect(approved.supervisorApprovedBy == ClusterPeople.supervisor.nip && approved.supervisorNote == "Sesuai kebutuhan unit")
            #expect(approved.supervisorApproveTimeUnix >= before && approved.supervisorApproveTimeUnix <= PracticeFixtures.now + 1)
            #expect(approved.stepDueTimeUnix > requested.stepDueTimeUnix, "ten working days for BKPSDM after two for the supervisor")
            #expect(try await client(supervisor).listPendingApprovals(.init()).approvals.isEmpty)
            // BKPSDM's step is not the supervisor's.
            #expect(await code { try await client(supervisor).decideEnrolment(approve) } == .permissionDenied)
            let forBkpsdm = try await programs.listPendingApprovals(.init())
            #expect(forBkpsdm.approvals.map { $0.enrolment?.nip ?? "" } == [ClusterPeople.staff.nip])

            // 3. BKPSDM confirms: seated, and the duty letter numbered in the daemon's format.
            let confirmed = try await programs.decideEnrolment(.init(sessionId: session.id, nip: ClusterPeople.staff.nip, approve: true))
            #expect(confirmed.state == .enrolled && confirmed.approvalStage == .decided)
            #expect(confirmed.dutyLetterNumber == Self.dutyLetter(1, year: year), "\(confirmed.dutyLetterNumber)")
            #expect(confirmed.dutyLetterTimeUnix >= before)
            #expect(confirmed.rejectedBy.isEmpty)
            #expect(await code { try await programs.decideEnrolment(.init(sessionId: session.id, nip: ClusterPeople.staff.nip, approve: true)) } == .failedPrecondition,
                    "decided already")
            #expect(try await programs.getSession(.init(id: session.id)).enrolledCount == 1)
            // The person sees it in their own enrolments.
            let seen = try await client(staff).listEnrolments(.init(nip: ClusterPeople.staff.nip)).enrolments.first { $0.sessionId == session.id }
            #expect(seen?.dutyLetterNumber == confirmed.dutyLetterNumber && seen?.state == .enrolled)

            // A supervisor's refusal: rejected, with the reason and who refused.
            _ = try await client(colleague).requestEnrolment(.init(sessionId: session.id))
            let refused = try await client(supervisor).decideEnrolment(.init(
                sessionId: session.id, nip: "199108172015031002", approve: false, reason: "Beban kerja unit sedang tinggi"))
            #expect(refused.state == .rejected && refused.approvalStage == .decided)
            #expect(refused.rejectedBy == ClusterPeople.supervisor.nip && refused.cancelReason == "Beban kerja unit sedang tinggi")
            #expect(refused.dutyLetterNumber.isEmpty)
            #expect(try await programs.getSession(.init(id: session.id)).enrolledCount == 1)

            // No supervisor in identity's records: the agency head decides the first step.
            let lonerRequest = try await client(loner).requestEnrolment(.init(sessionId: session.id))
            #expect(lonerRequest.approvalStage == .supervisor && lonerRequest.approverNip.isEmpty)
            #expect(try await client(supervisor).listPendingApprovals(.init()).approvals.isEmpty)
            let forHead = try await client(head).listPendingApprovals(.init())
            #expect(forHead.approvals.contains { $0.enrolment?.nip == "199503102020122001" })
            #expect(await code { try await client(supervisor).decideEnrolment(.init(sessionId: session.id, nip: "199503102020122001", approve: true)) } == .permissionDenied)
            let byHead = try await client(head).decideEnrolment(.init(sessionId: session.id, nip: "199503102020122001", approve: true))
            #expect(byHead.approvalStage == .bkpsdm && byHead.supervisorApprovedBy == ClusterPeople.head.nip)
            // BKPSDM refuses: the reason is required, and the organiser is recorded as the one who refused.
            #expect(await code { try await programs.decideEnrolment(.init(sessionId: session.id, nip: "199503102020122001", approve: false)) } == .invalidArgument)
            let bkpsdmRefusal = try await programs.decideEnrolment(.init(
                sessionId: session.id, nip: "199503102020122001", approve: false, reason: "Kuota angkatan untuk perangkat daerah ini penuh"))
            #expect(bkpsdmRefusal.state == .rejected && bkpsdmRefusal.approvalStage == .decided)
            #expect(bkpsdmRefusal.rejectedBy == "penyelenggara" && bkpsdmRefusal.cancelReason == "Kuota angkatan untuk perangkat daerah ini penuh")

            // The agency head may always act for the supervisor; the next letter follows in sequence.
            let other = try await client(staff).requestEnrolment(.init(sessionId: second.id))
            #expect(other.approverNip == ClusterPeople.supervisor.nip)
            let headForSupervisor = try await client(head).decideEnrolment(.init(sessionId: second.id, nip: ClusterPeople.staff.nip, approve: true))
            #expect(headForSupervisor.approvalStage == .bkpsdm && headForSupervisor.supervisorApprovedBy == ClusterPeople.head.nip)
            let secondLetter = try await programs.decideEnrolment(.init(sessionId: second.id, nip: ClusterPeople.staff.nip, approve: true))
            #expect(secondLetter.state == .enrolled && secondLetter.dutyLetterNumber == Self.dutyLetter(2, year: year), "\(secondLetter.dutyLetterNumber)")

            // The agency head asks for themselves: straight to BKPSDM.
            let headRequest = try await client(head).requestEnrolment(.init(sessionId: second.id))
            #expect(headRequest.approvalStage == .bkpsdm && headRequest.state == .requested)
            #expect(try await programs.listPendingApprovals(.init()).approvals.map { $0.enrolment?.nip ?? "" } == [ClusterPeople.head.nip])

            // Decisions survive a SIGKILL.
            await cluster.kill(.programs)
            try await cluster.start(.programs)
            try await PracticeFixtures.programsReady(cluster, organizer)
            let reread = try await programs.listEnrolments(.init(sessionId: session.id)).enrolments
            let states = Dictionary(reread.map { ($0.nip, $0.state) }, uniquingKeysWith: { $1 })
            #expect(states == [ClusterPeople.staff.nip: .enrolled, "199108172015031002": .rejected, "199503102020122001": .rejected])
            #expect(reread.first { $0.nip == ClusterPeople.staff.nip }?.dutyLetterNumber == Self.dutyLetter(1, year: year))
        }
    }

    /// The supervisor step is the supervisor's (or the agency head's): BKPSDM sees it and may decide it
    /// only once its time limit has passed (programs.proto, DecideEnrolment and ListPendingApprovals).
    @Test func bkpsdmTakesOverTheSupervisorStepOnlyOnceItIsOverdue() async throws {
        try await Cluster.with([.identity, .programs], arguments: Self.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            let staff = try await cluster.token(for: .employee)
            try await PracticeFixtures.programsReady(cluster, organizer)
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
            _ = try await programs.createProgram(.init(program: .init(code: "LAT-PELAYANAN", title: "Pelatihan Pelayanan Prima", kind: .pelatihan, jp: 8)))
            let session = try await programs.createSession(.init(session: .init(
                programCode: "LAT-PELAYANAN", days: [.init(date: PracticeFixtures.wibDate(), jp: 8)], capacity: 10)))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .open))
            let requested = try await ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(staff)).requestEnrolment(.init(sessionId: session.id))
            try #require(requested.approvalStage == .supervisor && requested.stepDueTimeUnix > PracticeFixtures.now)

            // Not overdue: not in BKPSDM's list, and not BKPSDM's to decide.
            let listed = try await programs.listPendingApprovals(.init()).approvals.compactMap { $0.enrolment?.nip }
            #expect(!listed.contains(ClusterPeople.staff.nip), "BKPSDM lists a supervisor step that is not overdue")
            let decided = await code { try await programs.decideEnrolment(.init(sessionId: session.id, nip: ClusterPeople.staff.nip, approve: true)) }
            #expect(decided == .permissionDenied, "BKPSDM decided a supervisor step before its time limit")
            let after = try await programs.listEnrolments(.init(nip: ClusterPeople.staff.nip)).enrolments.first { $0.sessionId == session.id }
            #expect(after?.state == .requested && after?.approvalStage == .supervisor, "\(String(describing: after))")
        }
    }
}
