import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

typealias FeedbackAPI = Binakarier_Feedback_V1_FeedbackService

/// The real identity, programs and feedback daemons: a session completes in programs, feedback's
/// scheduler opens its reaction form, those who attended answer it (anonymously), those who did not are
/// refused, and the results hide a group under k; feedback's log names none of the respondents.
@Suite("bk-feedbackd end to end", .serialized, .timeLimit(.minutes(5)))
struct FeedbackEndToEndTests {
    static let arguments: [DaemonName: [String]] = [
        .programs: ["--revocation-poll-seconds", "0.2"],
        .feedback: ["--revocation-poll-seconds", "0.2", "--scheduler-seconds", "0.2"],
    ]

    @Test func aCompletedSessionOpensItsReactionFormForThoseWhoAttended() async throws {
        try await Cluster.with([.identity, .programs, .feedback], arguments: Self.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            let staff = try await cluster.token(for: .employee)
            let supervisor = try await cluster.token(for: .supervisor)
            let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(organizer))
            _ = try await eventually(within: .seconds(20)) { try await programs.listPrograms(.init(pageSize: 1)) }
            _ = try await programs.createProgram(.init(program: .init(
                code: "SEM-KEPEMIMPINAN", title: "Seminar Kepemimpinan", kind: .seminar, jp: 8, organizerAgencyCode: ClusterPeople.agency,
                evaluationLevels: [.reaction])))
            let session = try await programs.createSession(.init(session: .init(
                programCode: "SEM-KEPEMIMPINAN", days: [.init(date: "2026-03-10", jp: 8)], capacity: 10)))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .open))
            _ = try await programs.enrol(.init(sessionId: session.id, nips: [ClusterPeople.staff.nip, ClusterPeople.supervisor.nip]))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .start))
            _ = try await programs.markAttendance(.init(sessionId: session.id, records: [
                .init(nip: ClusterPeople.staff.nip, date: "2026-03-10", status: .hadir),
                .init(nip: ClusterPeople.supervisor.nip, date: "2026-03-10", status: .alpa),
            ]))
            _ = try await programs.transitionSession(.init(id: session.id, transition: .complete))

            // Feedback follows programs' feed and opens the reaction form on its own.
            let feedback = FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(organizer))
            let campaign = try #require(try await eventually(within: .seconds(20)) {
                try await feedback.listCampaigns(.init(sessionId: session.id)).campaigns.first
            })
            #expect(campaign.purpose == .reaction && campaign.anonymous && campaign.audienceSize == 1 && campaign.origin == .scheduled)

            let asStaff = FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(staff))
            #expect(try await asStaff.listMyPending(.init()).forms.map { $0.campaign?.id } == [campaign.id])
            let form = try await asStaff.getInstrument(.init(code: campaign.instrumentCode, version: campaign.instrumentVersion))
            let answers = form.questions.compactMap { question -> Binakarier_Feedback_V1_Answer? in
                switch question.kind {
                case .likert4: .init(questionId: question.id, number: 4)
                case .nps: .init(questionId: question.id, number: 9)
                case .beforeAfter: .init(questionId: question.id, before: 2, after: 4)
                default: nil
                }
            }
            // The attendee answers in the terminal, question by question (8 Likert items, no facilitator,
            // one more Likert, two before/after pairs, NPS, two texts).
            let typed = (Array(repeating: "4", count: 8) + ["", "4", "2", "4", "3", "5", "9", "Materi sangat bermanfaat", ""]).joined(separator: "\n") + "\n"
            let answered = try await cluster.bkctl(["answer", campaign.id], input: typed, environment: ["BINAKARIER_TOKEN": staff])
            #expect(answered.status == 0, "\(answered.output)")
            #expect(answered.output.contains("Jawaban terkirim") && answered.output.contains("selesai"))
            let receipt = answered.output.split(separator: "\n").first { $0.hasPrefix("Tanda terima: ") }.map { String($0.dropFirst("Tanda terima: ".count)) } ?? ""
            #expect(!receipt.isEmpty)
            #expect(await code { try await asStaff.submitResponse(.init(campaignId: campaign.id, answers: answers)) } == .alreadyExists)
            // The supervisor was enrolled but absent: not in the audience.
            let asSupervisor = FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(supervisor))
            #expect(await code { try await asSupervisor.submitResponse(.init(campaignId: campaign.id, answers: answers)) } == .permissionDenied)

            // One respondent is under k: bkctl shows the count and says the rest is hidden.
            let results = try await cluster.bkctl(["campaign", "results", campaign.id], environment: ["BINAKARIER_TOKEN": organizer])
            #expect(results.status == 0, "\(results.output)")
            #expect(results.output.contains("disembunyikan"))

            // Feedback's log names nobody who answered.
            let log = try String(contentsOfFile: try #require(cluster.process(.feedback)).logPath, encoding: .utf8)
            #expect(log.contains("campaign opened"))
            #expect(!log.contains(ClusterPeople.staff.nip) && !log.contains(receipt))
        }
    }
}
