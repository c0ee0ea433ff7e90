import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

/// Change projects (aksi perubahan) through the real identity, programs, feedback and reporting daemons:
/// five participants of a PKP batch write their projects (one through bkctl), report milestones once the
/// course runs, their mentor (the direct supervisor in identity's records) confirms through bkctl,
/// feedback is SIGKILLed and keeps every acknowledged confirmation, and reporting's program report shows
/// the mentor-confirmed milestones as level-3 evidence of their own, suppressed under k as every count.
@Suite("Change projects end to end", .serialized, .timeLimit(.minutes(5)))
struct ChangeProjectEndToEndTests {
    static let arguments: [DaemonName: [String]] = [
        .programs: ["--revocation-poll-seconds", "0.2"], .feedback: ["--revocation-poll-seconds", "0.2"],
        .reporting: ["--revocation-poll-seconds", "0.2"],
    ]

    @Test func participantsReportMentorsConfirmAndTheProgramReportCountsTheEvidence() async throws {
        try await Cluster.with([.identity, .programs, .feedback, .reporting], arguments: Self.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            let staff = try await cluster.token(for: .employee)
            let mentor = try await cluster.token(for: .supervisor)
            let head = try await cluster.token(for: .agencyHead)
            var participants: [(nip: String, token: String)] = [(ClusterPeople.staff.nip, staff)]
            for index in 1...4 {
                let nip = "19910817201503100\(index)"
                participants.append((nip, try await PracticeFixtures.addEmployee(cluster, nip: nip, name: "Pengawas Uji \(index)", supervisor: ClusterPeople.supervisor.nip)))
            }
            try await PracticeFixtures.programsReady(cluster, organizer)
            try await PracticeFixtures.feedbackReady(cluster, organizer)
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
            let day = PracticeFixtures.wibDate(), year = PracticeFixtures.wibYear()
            _ = try await programs.createProgram(.init(program: .init(
                code: "PKP-UJI", title: "Pelatihan Kepemimpinan Pengawas", kind: .pelatihan, jp: 8, evaluationLevels: [.behaviour])))
            let session = try await programs.createSession(.init(session: .init(
                programCode: "PKP-UJI", days: [.init(date: day, startTime: "08:00", endTime: "16:00", jp: 8)], venue: "Aula", capacity: 10,
                facilitators: [.init(nip: ClusterPeople.head.nip, name: ClusterPeople.head.name, role: "Coach")])))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .open))
            _ = try await programs.enrol(.init(sessionId: session.id, nips: participants.map(\.nip)))
            func feedback(_ token: String) -> FeedbackAPI.Client { FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(token)) }

            // The member of staff writes theirs with bkctl; the mentor is their supervisor, the coach the session's.
            let created = try await cluster.bkctl([
                "project", "create", "--session", session.id, "--title", "Antrean daring layanan kepegawaian",
                "--milestone", "pendek;\(day);SK tim efektif;SK kepala badan", "--milestone", "menengah;\(PracticeFixtures.wibDate(plusDays: 60));Layanan daring di semua bidang",
            ], environment: ["BINAKARIER_TOKEN": staff])
            #expect(created.status == 0, "\(created.output)")
            let projectID = try #require(created.output.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("AP-") }.map(String.init))
            #expect(created.output.contains("Mentor") && created.output.contains(ClusterPeople.supervisor.nip), "\(created.output)")
            var ids = [projectID]
            for participant in participants.dropFirst() {
                let project = try await feedback(participant.token).createChangeProject(.init(project: .init(
                    sessionId: session.id, title: "Aksi perubahan \(participant.nip)",
                    milestones: [.init(title: "Tahap awal", term: .short, dueDate: day), .init(title: "Tahap lanjutan", term: .medium, dueDate: PracticeFixtures.wibDate(plusDays: 60))])))
                #expect(project.mentorNip == ClusterPeople.supervisor.nip && project.coachNip == ClusterPeople.head.nip)
                ids.append(project.id)
            }

            // Before the course starts nothing is reported; once it runs, each reports the first milestone.
            let early = try await cluster.bkctl(["project", "report", projectID, "T1", "--text", "SK terbit"], environment: ["BINAKARIER_TOKEN": staff])
            #expect(early.status == 1, "FAILED_PRECONDITION before the course starts: \(early.output)")
            _ = try await programs.transitionSession(.init(id: session.id, transition: .start))
            for (index, participant) in participants.enumerated() {
                _ = try await feedback(participant.token).reportMilestone(.init(projectId: ids[index], milestoneId: "T1", report: "Tercapai", evidence: "SK"))
            }
            for index in 0..<2 {
                _ = try await feedback(participants[index].token).reportMilestone(.init(projectId: ids[index], milestoneId: "T2", report: "Berjalan di dua bidang"))
            }

            // The mentor's queue holds all five; they confirm each through bkctl. The head only reads.
            let queue = try await cluster.bkctl(["project", "list", "--awaiting", "--output", "json"], environment: ["BINAKARIER_TOKEN": mentor])
            #expect(queue.status == 0 && ids.allSatisfy { queue.output.contains($0) }, "\(queue.output)")
            for id in ids {
                let confirmed = try await cluster.bkctl(["project", "confirm", id, "T1", "--note", "Sesuai"], environment: ["BINAKARIER_TOKEN": mentor])
                #expect(confirmed.status == 0 && confirmed.output.contains("dikonfirmasi"), "\(confirmed.output)")
            }
            let byHead = try await cluster.bkctl(["project", "confirm", ids[0], "T2"], environment: ["BINAKARIER_TOKEN": head])
            #expect(byHead.status == 4, "only the mentor confirms (PERMISSION_DENIED): \(byHead.output)")
            let comment = try await cluster.bkctl(["project", "comment", ids[0], "--milestone", "T2", "--text", "Libatkan pengelola kepegawaian"],
                                                  environment: ["BINAKARIER_TOKEN": head])
            #expect(comment.status == 0, "the session's coach comments: \(comment.output)")

            // SIGKILL: every acknowledged confirmation is there after the restart.
            await cluster.kill(.feedback)
            try await cluster.restart(.feedback)
            let after = try #require(try await eventually(within: .seconds(20)) {
                try await feedback(organizer).listChangeProjects(.init(sessionId: session.id))
            })
            #expect(after.projects.count == 5 && after.projects.allSatisfy { $0.milestones.first?.state == .confirmed })
            #expect(after.projects.filter { $0.awaitingReview == 1 }.count == 2)
            #expect(await code { try await feedback(head).reviewMilestone(.init(projectId: ids[0], milestoneId: "T2", decision: .confirmed)) } == .permissionDenied)

            // Reporting: level-3 evidence of its own beside the follow-up forms, counts under k hidden.
            let reporting = ReportingAPI.Client(cluster.client(.reporting), metadata: .bearer(organizer))
            let report = try #require(try await eventually(within: .seconds(30)) { () async throws -> Binakarier_Reporting_V1_Report? in
                _ = try await reporting.syncNow(.init())
                let report = try await reporting.getProgramReport(.init(programCode: "PKP-UJI", year: year)).report
                let level3 = report?.sections.first { $0.title.hasPrefix("Level 3") }
                return level3?.tables.contains { $0.title.hasPrefix("Aksi perubahan") && $0.rows.first?.cells.dropFirst().first?.number == 5 } == true ? report : nil
            })
            let level3 = try #require(report.sections.first { $0.title.hasPrefix("Level 3") })
            #expect(level3.tables.first?.title == "Penerapan di tempat kerja (60–90 hari)", "the follow-up forms' table stays first")
            let people = try #require(level3.tables.first { $0.title.contains("peserta dengan tahapan") })
            #expect(people.rows.count == 1 && people.rows[0].cells.map(\.number) == [0, 5, 0, 5, 100])
            let milestones = try #require(level3.tables.first { $0.title.contains("tahapan menurut jangka") })
            let short = try #require(milestones.rows.first { $0.cells.first?.text == "Jangka pendek" })
            #expect(short.cells[4].number == 5 && milestones.rows.last?.cells[4].number == 10, "five of each term, ten in all")
            let medium = try #require(milestones.rows.first { $0.cells.first?.text == "Jangka menengah" })
            #expect(medium.cells[2].state == .suppressed && medium.cells[3].state == .suppressed, "2 waiting and 3 not reported are under k")
            let conclusion = try #require(report.conclusions.first { $0.topic == "L3-AP" })
            #expect(conclusion.verdict == .positive && conclusion.n == 5, "\(conclusion.text)")
        }
    }
}
