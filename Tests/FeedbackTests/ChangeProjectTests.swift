import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing
@testable import Feedback

@Suite("Feedback: change projects (aksi perubahan) of leadership training", .timeLimit(.minutes(2)))
struct ChangeProjectTests {
    typealias Project = Binakarier_Feedback_V1_ChangeProject
    static let coach = FeedbackWorld.person("197505052000031001", "Widyaiswara Ahli Madya", supervisor: "")

    /// A PKP batch with staff 0–3 enrolled (staff 0 and 2 under supervisor A, 1 and 3 under B), coached
    /// by a widyaiswara listed among the session's facilitators.
    static func pkp(_ world: FeedbackWorld, state: Binakarier_Programs_V1_SessionState = .completed) -> Session {
        var session = world.session("PKP-2026-01", program: "PKP-2026", attended: Dictionary(uniqueKeysWithValues: world.staff.prefix(4).map { ($0.nip, 100) }))
        session.state = state
        session.facilitators = [.init(nip: coach.nip, name: coach.name, role: "Coach"), .init(name: "Dr. Rina", role: "Narasumber")]
        world.peers.state.withLockedValue { state in
            state.sessions[session.id] = session
            state.programs["PKP-2026"]?.title = "Pelatihan Kepemimpinan Pengawas"
            state.employees[coach.nip] = coach
        }
        return session
    }

    static func plan(_ world: FeedbackWorld, session: String = "PKP-2026-01", as person: Employee? = nil) async throws -> Project {
        try await world.caller(person ?? world.staff[0]).createChangeProject(.init(project: .init(
            sessionId: session, title: "Antrean daring imunisasi di Puskesmas Talawi",
            problem: "Antrean imunisasi menumpuk setiap Senin", goal: "Waktu tunggu di bawah 30 menit",
            milestones: [
                .init(title: "Kesepakatan tim dan SK tim efektif", term: .short, dueDate: "2026-07-15", output: "SK kepala puskesmas"),
                .init(title: "Uji coba pendaftaran daring", term: .short, dueDate: "2026-08-01"),
                .init(title: "Pendaftaran daring di seluruh posyandu", term: .medium, dueDate: "2026-12-01"),
            ])))
    }

    @Test func theParticipantPlansAndReportsAndTheMentorsConfirmationIsTheEvidence() async throws {
        try await FeedbackWorld.with(staffCount: 4) { world in
            _ = Self.pkp(world)
            let participant = world.caller(world.staff[0]), mentor = world.caller(FeedbackWorld.supervisorA)
            let project = try await Self.plan(world)
            #expect(project.id.hasPrefix("AP-") && project.training == "PKP" && project.programCode == "PKP-2026")
            #expect(project.participantNip == world.staff[0].nip && project.agencyCode == "DINKES")
            #expect(project.mentorNip == FeedbackWorld.supervisorA.nip, "the direct supervisor mentors by default")
            #expect(project.coachNip == Self.coach.nip, "the session's coach coaches")
            #expect(project.milestones.map(\.id) == ["T1", "T2", "T3"] && project.milestones.allSatisfy { $0.state == .planned })
            #expect(project.state == .active && project.confirmed == 0 && project.awaitingReview == 0)

            var reported = try await participant.reportMilestone(.init(
                projectId: project.id, milestoneId: "t1", report: "SK tim efektif ditandatangani 10 Juli", evidence: "SK No. 800/112/PKM-TLW/2026"))
            #expect(reported.milestones[0].state == .reported && reported.awaitingReview == 1)
            #expect(await code { try await participant.reportMilestone(.init(projectId: project.id, milestoneId: "T1", report: "lagi")) } == .failedPrecondition,
                    "a report waits for the mentor before another")
            #expect(await code { try await mentor.reviewMilestone(.init(projectId: project.id, milestoneId: "T2", decision: .confirmed)) } == .failedPrecondition,
                    "nothing reported, nothing to confirm")

            // The mentor's queue has it; confirming it is the evidence.
            let queue = try await mentor.listChangeProjects(.init(mentorNip: FeedbackWorld.supervisorA.nip, awaitingReviewOnly: true))
            #expect(queue.projects.map(\.id) == [project.id])
            let confirmed = try await mentor.reviewMilestone(.init(projectId: project.id, milestoneId: "T1", decision: .confirmed, note: "Sesuai, tim sudah bekerja"))
            #expect(confirmed.milestones[0].state == .confirmed && confirmed.milestones[0].reviewedBy == FeedbackWorld.supervisorA.nip)
            #expect(confirmed.milestones[0].reviewTimeUnix == FeedbackWorld.june2026 && confirmed.confirmed == 1 && confirmed.awaitingReview == 0)
            #expect(try await mentor.listChangeProjects(.init(awaitingReviewOnly: true)).projects.isEmpty)

            // Returned: with a note only; the participant reports again.
            reported = try await participant.reportMilestone(.init(projectId: project.id, milestoneId: "T2", report: "Uji coba di dua posyandu"))
            #expect(await code { try await mentor.reviewMilestone(.init(projectId: project.id, milestoneId: "T2", decision: .returned)) } == .invalidArgument)
            #expect(await code { try await mentor.reviewMilestone(.init(projectId: project.id, milestoneId: "T2", decision: .planned, note: "x")) } == .invalidArgument)
            let returned = try await mentor.reviewMilestone(.init(projectId: project.id, milestoneId: "T2", decision: .returned, note: "Lampirkan rekap antrean"))
            #expect(returned.milestones[1].state == .returned && returned.milestones[1].mentorNote == "Lampirkan rekap antrean")
            _ = try await participant.reportMilestone(.init(projectId: project.id, milestoneId: "T2", report: "Rekap antrean terlampir", evidence: "rekap-juli.pdf"))
            _ = try await mentor.reviewMilestone(.init(projectId: project.id, milestoneId: "T2", decision: .confirmed))
            _ = try await participant.reportMilestone(.init(projectId: project.id, milestoneId: "T3", report: "12 posyandu daring"))
            let done = try await mentor.reviewMilestone(.init(projectId: project.id, milestoneId: "T3", decision: .confirmed))
            #expect(done.state == .completed && done.confirmed == 3)
            #expect(await code { try await participant.reportMilestone(.init(projectId: project.id, milestoneId: "T3", report: "lagi")) } == .failedPrecondition)

            // The feed tells reporting the states, and none of the texts.
            let feed = try await world.store.changes(after: 0, limit: 1000).response.changes.filter { $0.kind == FeedbackChange.changeProject }
            let last = try Project(serializedBytes: try #require(feed.last).payload)
            #expect(feed.count == 9)
            #expect(last.milestones.map(\.state) == [.confirmed, .confirmed, .confirmed] && last.programCode == "PKP-2026" && last.sessionId == "PKP-2026-01")
            #expect(last.title.isEmpty && last.problem.isEmpty && last.milestones.allSatisfy { $0.report.isEmpty && $0.mentorNote.isEmpty && $0.title.isEmpty })
        }
    }

    @Test func onlyTheParticipantMentorCoachAgencyHeadAndOrganisersSeeIt() async throws {
        try await FeedbackWorld.with(staffCount: 4) { world in
            _ = Self.pkp(world)
            let project = try await Self.plan(world)
            let participant = world.caller(world.staff[0]), mentor = world.caller(FeedbackWorld.supervisorA)
            let coach = world.caller(Self.coach), head = world.caller(FeedbackWorld.head)
            for reader in [participant, mentor, coach, head, world.organizer] {
                #expect(try await reader.getChangeProject(.init(id: project.id)).id == project.id)
            }
            for stranger in [world.caller(world.staff[1]), world.caller(FeedbackWorld.supervisorB), world.caller(FeedbackWorld.outsider)] {
                #expect(await code { try await stranger.getChangeProject(.init(id: project.id)) } == .notFound)
                #expect(await code { try await stranger.commentChangeProject(.init(projectId: project.id, text: "x")) } == .notFound)
                #expect(try await stranger.listChangeProjects(.init(sessionId: "PKP-2026-01")).projects.isEmpty)
            }

            // The mentor alone confirms: not the participant, not the organiser, not the head.
            _ = try await participant.reportMilestone(.init(projectId: project.id, milestoneId: "T1", report: "SK terbit"))
            for other in [participant, world.organizer, head, coach] {
                #expect(await code { try await other.reviewMilestone(.init(projectId: project.id, milestoneId: "T1", decision: .confirmed)) } == .permissionDenied)
            }
            #expect(await code { try await mentor.reportMilestone(.init(projectId: project.id, milestoneId: "T2", report: "x")) } == .permissionDenied)

            // The coach comments (as coach); the head reads but does not comment.
            let commented = try await coach.commentChangeProject(.init(projectId: project.id, milestoneId: "T1", text: "Libatkan kader posyandu sejak awal."))
            #expect(commented.comments.count == 1 && commented.comments[0].role == .coach && commented.comments[0].author == Self.coach.nip)
            #expect(commented.comments[0].milestoneId == "T1")
            #expect(await code { try await head.commentChangeProject(.init(projectId: project.id, text: "Bagus")) } == .permissionDenied)
            #expect(await code { try await coach.commentChangeProject(.init(projectId: project.id, milestoneId: "T9", text: "x")) } == .notFound)

            // Lists: each sees their own part; the head their agency's; organisers by session.
            let second = try await Self.plan(world, as: world.staff[1])
            #expect(second.mentorNip == FeedbackWorld.supervisorB.nip)
            #expect(try await participant.listChangeProjects(.init()).projects.map(\.id) == [project.id])
            #expect(try await mentor.listChangeProjects(.init()).projects.map(\.id) == [project.id])
            #expect(try await coach.listChangeProjects(.init(coachNip: Self.coach.nip)).projects.count == 2)
            #expect(try await head.listChangeProjects(.init()).projects.count == 2)
            let bySession = try await world.organizer.listChangeProjects(.init(pageSize: 1, sessionId: "PKP-2026-01"))
            #expect(bySession.projects.count == 1 && !bySession.nextPageToken.isEmpty)
            let next = try await world.organizer.listChangeProjects(.init(pageSize: 1, pageToken: bySession.nextPageToken, sessionId: "PKP-2026-01"))
            #expect(Set((bySession.projects + next.projects).map(\.id)) == [project.id, second.id])
        }
    }

    @Test func onlyLeadershipTrainingsEnrolledParticipantsAndOneProjectEach() async throws {
        try await FeedbackWorld.with(staffCount: 6) { world in
            _ = Self.pkp(world, state: .open)
            _ = world.session("LAT-PPI-01", attended: [world.staff[0].nip: 100])
            #expect(await code { try await Self.plan(world, session: "LAT-PPI-01") } == .failedPrecondition, "not a leadership training")
            #expect(await code { try await Self.plan(world, session: "PKP-2099-01") } == .notFound)
            #expect(await code { try await Self.plan(world, as: world.staff[5]) } == .permissionDenied, "not enrolled")
            #expect(await code {
                try await world.caller(world.staff[0]).createChangeProject(.init(project: .init(sessionId: "PKP-2026-01", participantNip: world.staff[1].nip, title: "x",
                                                                                               milestones: [.init(title: "a", term: .short, dueDate: "2026-07-01")])))
            } == .permissionDenied, "a participant writes only their own")
            #expect(await code {
                try await world.caller(world.staff[0]).createChangeProject(.init(project: .init(sessionId: "PKP-2026-01", title: "x")))
            } == .invalidArgument, "at least one milestone")
            #expect(await code {
                try await world.caller(world.staff[0]).createChangeProject(.init(project: .init(sessionId: "PKP-2026-01", title: "x",
                                                                                               milestones: [.init(title: "a", dueDate: "2026-07-01")])))
            } == .invalidArgument, "a milestone has a term")
            let project = try await Self.plan(world)
            #expect(await code { try await Self.plan(world) } == .alreadyExists)

            // Reports wait for the course to start.
            #expect(await code {
                try await world.caller(world.staff[0]).reportMilestone(.init(projectId: project.id, milestoneId: "T1", report: "SK terbit"))
            } == .failedPrecondition)

            // An organiser writes one for a participant with another mentor and an outside coach.
            let byOrganizer = try await world.organizer.createChangeProject(.init(project: .init(
                sessionId: "PKP-2026-01", participantNip: world.staff[2].nip, title: "Arsip digital rekam medis", mentorNip: FeedbackWorld.head.nip,
                coachName: "Drs. Hendra, M.Si. (BPSDM Provinsi)", milestones: [.init(title: "Inventaris arsip", term: .short, dueDate: "2026-07-20")])))
            #expect(byOrganizer.mentorNip == FeedbackWorld.head.nip && byOrganizer.coachNip.isEmpty && byOrganizer.coachName.hasPrefix("Drs. Hendra"))
            #expect(await code {
                try await world.organizer.createChangeProject(.init(project: .init(
                    sessionId: "PKP-2026-01", participantNip: world.staff[3].nip, title: "x", mentorNip: world.staff[3].nip,
                    milestones: [.init(title: "a", term: .short, dueDate: "2026-07-01")])))
            } == .invalidArgument, "nobody mentors themselves")
        }
    }

    @Test func aConfirmedMilestoneStaysAsTheMentorConfirmedIt() async throws {
        try await FeedbackWorld.with(staffCount: 4) { world in
            _ = Self.pkp(world)
            let project = try await Self.plan(world)
            let participant = world.caller(world.staff[0])
            _ = try await participant.reportMilestone(.init(projectId: project.id, milestoneId: "T1", report: "SK terbit"))
            _ = try await world.caller(FeedbackWorld.supervisorA).reviewMilestone(.init(projectId: project.id, milestoneId: "T1", decision: .confirmed))
            var milestones = try await participant.getChangeProject(.init(id: project.id)).milestones

            // Moving a planned milestone and adding one is fine; the new one is numbered after the others.
            milestones[1].dueDate = "2026-08-15"
            milestones.append(.init(title: "Evaluasi enam bulan", term: .long, dueDate: "2027-01-31"))
            let replanned = try await participant.updateChangeProject(.init(
                project: .init(id: project.id, milestones: milestones), updateMask: .init(paths: ["milestones"])))
            #expect(replanned.milestones.map(\.id) == ["T1", "T2", "T3", "T4"] && replanned.milestones[1].dueDate == "2026-08-15")
            #expect(replanned.milestones[0].state == .confirmed, "the confirmation stays")

            var changed = replanned.milestones
            changed[0].dueDate = "2026-09-01"
            #expect(await code {
                try await participant.updateChangeProject(.init(project: .init(id: project.id, milestones: changed), updateMask: .init(paths: ["milestones"])))
            } == .failedPrecondition)
            #expect(await code {
                try await participant.updateChangeProject(.init(
                    project: .init(id: project.id, milestones: Array(replanned.milestones.dropFirst())), updateMask: .init(paths: ["milestones"])))
            } == .failedPrecondition)
            // The participant cannot pick their own mentor; an organiser can.
            #expect(await code {
                try await participant.updateChangeProject(.init(project: .init(id: project.id, mentorNip: FeedbackWorld.head.nip), updateMask: .init(paths: ["mentor_nip"])))
            } == .invalidArgument)
            let moved = try await world.organizer.updateChangeProject(.init(
                project: .init(id: project.id, mentorNip: FeedbackWorld.head.nip, coachNip: ""), updateMask: .init(paths: ["mentor_nip", "coach_nip"])))
            #expect(moved.mentorNip == FeedbackWorld.head.nip && moved.coachNip.isEmpty && moved.milestones[0].reviewedBy == FeedbackWorld.supervisorA.nip)
            #expect(await code { try await world.caller(FeedbackWorld.supervisorA).getChangeProject(.init(id: project.id)) } == .notFound,
                    "the former mentor no longer sees it")
            let retitled = try await participant.updateChangeProject(.init(project: .init(id: project.id, title: "Antrean daring imunisasi"), updateMask: .init(paths: ["title"])))
            #expect(retitled.title == "Antrean daring imunisasi" && retitled.milestones.count == 4)
        }
    }
}
