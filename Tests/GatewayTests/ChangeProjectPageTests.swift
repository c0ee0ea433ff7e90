import BKProto
import BKRPC
import BKTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Gateway

/// The change-project pages over stub daemons: the participant's page with the report form on the
/// milestones that can be reported, the mentor's decisions (a return needs a note), the form of a new
/// project with a refusal placed at its row, the organiser's overview of a batch, and the JSON API.
@Suite("Gateway web: change projects (aksi perubahan)", .timeLimit(.minutes(2)))
struct ChangeProjectPageTests {
    static let csrf = String(repeating: "c", count: 43)
    static let me = "199001012020121001"
    static let mentor = "198703152010011001"
    static let coach = "197505052000031001"

    static func project(participant: String = me, mentor: String = mentor) -> Binakarier_Feedback_V1_ChangeProject {
        .init(
            id: "AP-7K2M9Q4X", sessionId: "PKP-2026-01", programCode: "PKP-2026", training: "PKP", participantNip: participant, agencyCode: "DINKES",
            title: "Pendaftaran imunisasi daring", problem: "Antrean imunisasi menumpuk", mentorNip: mentor, coachNip: coach,
            milestones: [
                .init(id: "T1", title: "SK tim efektif", term: .short, dueDate: "2026-10-09", state: .confirmed, report: "SK terbit", mentorNote: "Sesuai"),
                .init(id: "T2", title: "Uji coba di dua posyandu", term: .medium, dueDate: "2026-11-30", state: .reported, report: "Dua posyandu daring"),
                .init(id: "T3", title: "Seluruh posyandu", term: .long, dueDate: "2027-03-31", state: .returned, report: "Baru lima", mentorNote: "Lampirkan rekap"),
            ],
            comments: [.init(id: "K1", milestoneId: "T2", author: coach, role: .coach, text: "Ukur waktu tunggu sebelum dan sesudah.", createTimeUnix: 1_790_000_000)],
            state: .active, confirmed: 1, awaitingReview: 1)
    }

    static func stubPeople(_ world: GatewayWorld) {
        let names = [me: "Siti Rahma", mentor: "Kepala Puskesmas Talawi", coach: "Widyaiswara Madya"]
        world.identity.on("GetEmployee", .decide { call in
            let nip = (call.request as? Binakarier_Identity_V1_GetEmployeeRequest)?.nip ?? ""
            return Binakarier_Identity_V1_Employee(nip: nip, name: names[nip] ?? "Pegawai \(nip)")
        })
    }

    static func post(_ client: any TestClientProtocol, _ uri: String, cookie: String, _ pairs: [(String, String)]) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie], body: formBody(pairs + [("_csrf", csrf)]))
    }

    @Test func theParticipantReportsTheMilestonesThatCanBeReported() async throws {
        try await GatewayWorld.with { world in
            Self.stubPeople(world)
            world.feedback.on("GetChangeProject", .reply(Self.project()))
            world.feedback.on("ReportMilestone", .reply(Self.project()))
            let id = try await world.storeSession()
            try await world.test { client in
                let page = try await client.execute(uri: "/aksi-perubahan/AP-7K2M9Q4X", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(page.status == .ok)
                #expect(page.text.contains("Pendaftaran imunisasi daring") && page.text.contains("Kepala Puskesmas Talawi (\(Self.mentor))"))
                #expect(page.text.contains("1 dari 3 tahapan dikonfirmasi mentor"))
                #expect(page.text.contains("Dikonfirmasi mentor") && page.text.contains("Menunggu konfirmasi mentor") && page.text.contains("Dikembalikan mentor"))
                #expect(page.text.contains("Lampirkan rekap") && page.text.contains("Ukur waktu tunggu sebelum dan sesudah.") && page.text.contains("Widyaiswara Madya"))
                // Only the returned milestone takes a report (T1 is confirmed, T2 waits); nobody here reviews.
                #expect(page.text.contains("action=\"/aksi-perubahan/AP-7K2M9Q4X/tahapan/T3/lapor\""))
                #expect(!page.text.contains("tahapan/T1/lapor") && !page.text.contains("tahapan/T2/lapor") && !page.text.contains("/tinjau"))

                let sent = try await Self.post(client, "/aksi-perubahan/AP-7K2M9Q4X/tahapan/T3/lapor", cookie: "bk_sesi=\(id); bk_csrf=\(Self.csrf)",
                                               [("laporan", "Dua belas posyandu"), ("bukti", "rekap-november.pdf")])
                #expect(sent.status == .seeOther && sent.headers[.location]?.hasPrefix("/aksi-perubahan/AP-7K2M9Q4X") == true)
                let request = try #require(world.feedback.lastRequest("ReportMilestone", as: Binakarier_Feedback_V1_ReportMilestoneRequest.self))
                #expect(request.projectId == "AP-7K2M9Q4X" && request.milestoneId == "T3" && request.report == "Dua belas posyandu" && request.evidence == "rekap-november.pdf")

                // A refusal comes back at its milestone.
                world.feedback.on("ReportMilestone", .fail(RPCError(.failedPrecondition, LocalizedText(id: "kemajuan dilaporkan setelah pelatihan dimulai", en: "x"))))
                let refused = try await Self.post(client, "/aksi-perubahan/AP-7K2M9Q4X/tahapan/T3/lapor", cookie: "bk_sesi=\(id); bk_csrf=\(Self.csrf)",
                                                  [("laporan", "x")])
                #expect(refused.status == .conflict && refused.text.contains("id=\"tahapan-T3-error\" role=\"alert\">Kemajuan dilaporkan setelah pelatihan dimulai"))
            }
        }
    }

    @Test func theMentorConfirmsOrReturnsWithANote() async throws {
        try await GatewayWorld.with { world in
            Self.stubPeople(world)
            let mine = Self.project(participant: "199505052019032001", mentor: Self.me)
            world.feedback.on("ListChangeProjects", .reply(Binakarier_Feedback_V1_ListChangeProjectsResponse(projects: [mine])))
            world.feedback.on("GetChangeProject", .reply(mine))
            world.feedback.on("ReviewMilestone", .reply(mine))
            let id = try await world.storeSession(roles: ["employee", "supervisor"])
            let cookie = "bk_sesi=\(id); bk_csrf=\(Self.csrf)"
            try await world.test { client in
                let queue = try await client.execute(uri: "/aksi-perubahan/mentor", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(queue.status == .ok && queue.text.contains("Dua posyandu daring"))
                #expect(queue.text.components(separatedBy: "/tinjau\"").count - 1 == 1, "only the reported milestone waits")
                let asked = try #require(world.feedback.lastRequest("ListChangeProjects", as: Binakarier_Feedback_V1_ListChangeProjectsRequest.self))
                #expect(asked.mentorNip == Self.me && asked.awaitingReviewOnly)

                let noNote = try await Self.post(client, "/aksi-perubahan/AP-7K2M9Q4X/tahapan/T2/tinjau", cookie: cookie,
                                                 [("keputusan", "kembalikan"), ("catatan", ""), ("kembali", "antrean")])
                #expect(noNote.status == .badRequest && noNote.text.contains("Tulis catatan untuk peserta"))
                #expect(world.feedback.calls("ReviewMilestone").isEmpty)

                let confirmed = try await Self.post(client, "/aksi-perubahan/AP-7K2M9Q4X/tahapan/T2/tinjau", cookie: cookie,
                                                    [("keputusan", "konfirmasi"), ("catatan", "Sesuai"), ("kembali", "antrean")])
                #expect(confirmed.status == .seeOther && confirmed.headers[.location]?.hasPrefix("/aksi-perubahan/mentor") == true)
                let review = try #require(world.feedback.lastRequest("ReviewMilestone", as: Binakarier_Feedback_V1_ReviewMilestoneRequest.self))
                #expect(review.decision == .confirmed && review.milestoneId == "T2" && review.note == "Sesuai")

                // On the project page the mentor has the decision and no report form.
                let page = try await client.execute(uri: "/aksi-perubahan/AP-7K2M9Q4X", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(page.text.contains("tahapan/T2/tinjau") && !page.text.contains("/lapor\""))
            }
        }
    }

    @Test func aNewProjectSendsTheFilledRowsAndPlacesARefusalAtItsRow() async throws {
        try await GatewayWorld.with { world in
            world.feedback.on("CreateChangeProject", .fail(.invalidArgument(
                field: "project.milestones[1].due_date", LocalizedText(id: "tanggal tidak sah (TTTT-BB-HH)", en: "not a valid date"))))
            let id = try await world.storeSession()
            let cookie = "bk_sesi=\(id); bk_csrf=\(Self.csrf)"
            try await world.test { client in
                let form = try await client.execute(uri: "/aksi-perubahan/baru?sesi=PKP-2026-01", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(form.status == .ok && form.text.contains("value=\"PKP-2026-01\"") && form.text.contains("id=\"t5-judul\""))
                #expect(form.text.contains("id=\"t5-judul\" name=\"t5-judul\" value=\"\""), "an empty row reads nothing of the page")
                let pairs: [(String, String)] = [
                    ("sesi", "PKP-2026-01"), ("judul", "Pendaftaran imunisasi daring"), ("isu", "Antrean"), ("tujuan", "Tunggu < 30 menit"),
                    ("t1-judul", "SK tim efektif"), ("t1-jangka", "pendek"), ("t1-tenggat", "2026-10-09"),
                    ("t2-judul", ""), ("t2-jangka", "pendek"), ("t2-tenggat", ""),
                    ("t3-judul", "Uji coba"), ("t3-jangka", "menengah"), ("t3-tenggat", "2026-13-40"), ("t3-keluaran", "Rekap"),
                ]
                let refused = try await Self.post(client, "/aksi-perubahan/baru", cookie: cookie, pairs)
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("id=\"t3-error\">Tanggal tidak sah (TTTT-BB-HH)"), "the second milestone sent is the form's third row")
                #expect(refused.text.contains("value=\"Uji coba\""), "what was typed stays")
                let request = try #require(world.feedback.lastRequest("CreateChangeProject", as: Binakarier_Feedback_V1_CreateChangeProjectRequest.self))
                #expect(request.project?.milestones.map(\.title) == ["SK tim efektif", "Uji coba"])
                #expect(request.project?.milestones.map(\.term) == [.short, .medium] && request.project?.sessionId == "PKP-2026-01")

                world.feedback.on("CreateChangeProject", .reply(Binakarier_Feedback_V1_ChangeProject(id: "AP-BARU0001")))
                let created = try await Self.post(client, "/aksi-perubahan/baru", cookie: cookie, pairs)
                #expect(created.status == .seeOther && created.headers[.location]?.hasPrefix("/aksi-perubahan/AP-BARU0001") == true)
            }
        }
    }

    @Test func theOrganiserSeesEachParticipantOfTheBatchOthersDoNot() async throws {
        try await GatewayWorld.with { world in
            Self.stubPeople(world)
            world.programs.on("ListEnrolments", .reply(Binakarier_Programs_V1_ListEnrolmentsResponse(enrolments: [
                .init(sessionId: "PKP-2026-01", nip: Self.me, state: .enrolled), .init(sessionId: "PKP-2026-01", nip: "199505052019032001", state: .enrolled),
            ])))
            world.feedback.on("ListChangeProjects", .reply(Binakarier_Feedback_V1_ListChangeProjectsResponse(projects: [Self.project()])))
            let organizer = try await world.storeSession(roles: ["organizer"])
            let staff = try await world.storeSession(token: "token-staf")
            try await world.test { client in
                let page = try await client.execute(uri: "/kelola/sesi/PKP-2026-01/aksi-perubahan", method: .get, headers: [.cookie: "bk_sesi=\(organizer)"])
                #expect(page.status == .ok)
                #expect(page.text.contains("2 peserta terdaftar; aksi perubahan tersusun: 1"))
                #expect(page.text.contains("href=\"/aksi-perubahan/AP-7K2M9Q4X\"") && page.text.contains("Belum menyusun") && page.text.contains("1 / 3"))
                let forbidden = try await client.execute(uri: "/kelola/sesi/PKP-2026-01/aksi-perubahan", method: .get, headers: [.cookie: "bk_sesi=\(staff)"])
                #expect(forbidden.status == .forbidden)
            }
            let asked = try #require(world.feedback.lastRequest("ListChangeProjects", as: Binakarier_Feedback_V1_ListChangeProjectsRequest.self))
            #expect(asked.sessionId == "PKP-2026-01")
        }
    }

    @Test func theJSONAPIMapsTheChangeProjectRPCs() async throws {
        try await GatewayWorld.with { world in
            world.feedback.on("ReviewMilestone", .reply(Self.project()))
            try await world.test { client in
                let response = try await client.execute(
                    uri: "/api/v1/change-projects/AP-7K2M9Q4X/milestones/T2:review", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"decision": "MILESTONE_STATE_RETURNED", "note": "Lampirkan rekap"}"#))
                #expect(response.status == .ok, "\(response.text)")
                #expect((response.json?["milestones"] as? [[String: Any]])?.count == 3)
                let list = try await client.execute(uri: "/api/v1/change-projects?mentorNip=\(Self.mentor)&awaitingReviewOnly=true", method: .get)
                #expect(list.status == .ok)
            }
            let review = try #require(world.feedback.lastRequest("ReviewMilestone", as: Binakarier_Feedback_V1_ReviewMilestoneRequest.self))
            #expect(review.projectId == "AP-7K2M9Q4X" && review.milestoneId == "T2" && review.decision == .returned && review.note == "Lampirkan rekap")
            let list = try #require(world.feedback.lastRequest("ListChangeProjects", as: Binakarier_Feedback_V1_ListChangeProjectsRequest.self))
            #expect(list.mentorNip == Self.mentor && list.awaitingReviewOnly)
        }
    }
}
