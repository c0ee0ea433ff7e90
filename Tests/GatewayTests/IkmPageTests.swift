import BKProto
import BKRPC
import BKTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Gateway

/// The IKM pages over stub daemons: posters with a QR code per counter, the counter carried from the QR
/// address to the public answer with its profile, a paper questionnaire sent as paper with its errors
/// placed at their questions, the publication's figures, and a plan item sent as an IKM action item.
@Suite("Gateway web: IKM posters, paper answers and the yearly publication", .timeLimit(.minutes(2)))
struct IkmPageTests {
    static let csrf = String(repeating: "c", count: 43)
    static let agency = Binakarier_Identity_V1_Agency(code: "DINKES", name: "Dinas Kesehatan", units: [
        .init(agencyCode: "DINKES", code: "PKM-TALAWI", name: "UPTD Puskesmas Talawi"),
    ])
    static let counters = Binakarier_Feedback_V1_ListServiceCountersResponse(
        agencyCode: "DINKES", unitCode: "PKM-TALAWI", counters: [.init(code: "1", name: "Loket Pendaftaran"), .init(code: "2", name: "Loket Apotek")])
    static let campaign = Binakarier_Feedback_V1_Campaign(
        id: "abc234", title: "Survei Kepuasan Masyarakat Puskesmas Talawi", instrumentCode: "IKM-PERMENPANRB-14-2017", instrumentVersion: 1, purpose: .ikm,
        audience: .init(kind: .public, agencyCode: "DINKES", unitCode: "PKM-TALAWI"), anonymous: true, openTimeUnix: 1, closeTimeUnix: 4_000_000_000,
        state: .open, agencyCode: "DINKES", responses: 41)
    static let instrument = Binakarier_Feedback_V1_Instrument(
        code: "IKM-PERMENPANRB-14-2017", version: 1, title: "Survei Kepuasan Masyarakat", purpose: .ikm,
        questions: (1...9).map { .init(id: "ikm-\($0)", kind: .likert4, text: "Unsur \($0)?", required: true, options: ["1", "2", "3", "4"], ikmElement: Int32($0)) },
        state: .published)

    static func post(_ client: any TestClientProtocol, _ uri: String, cookie: String = "", _ pairs: [(String, String)]) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !cookie.isEmpty { headers[.cookie] = cookie }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: formBody(pairs + [("_csrf", csrf)]))
    }

    static func stubUnit(_ world: GatewayWorld) {
        world.identity.on("GetAgency", .reply(agency))
        world.feedback.on("ListServiceCounters", .reply(counters))
        world.feedback.on("ListPublicCampaigns", .reply(Binakarier_Feedback_V1_ListPublicCampaignsResponse(campaigns: [campaign])))
        world.feedback.on("GetCampaign", .reply(campaign))
        world.feedback.on("GetInstrument", .reply(instrument))
    }

    @Test func postersCarryAQRCodePerCounter() async throws {
        try await GatewayWorld.with { world in
            Self.stubUnit(world)
            let id = try await world.storeSession(roles: ["employee", "agency_head"])
            try await world.test { client in
                let page = try await client.execute(uri: "/kelola/ikm/DINKES/PKM-TALAWI/poster", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(page.status == .ok)
                #expect(page.text.components(separatedBy: "class=\"ikm-poster\"").count - 1 == 3)
                #expect(page.text.contains("/survei/DINKES/PKM-TALAWI?loket=2</p>") && page.text.contains("/survei/DINKES/PKM-TALAWI?loket=1</p>"))
                #expect(page.text.contains("/survei/DINKES/PKM-TALAWI</p>"))
                #expect(page.text.contains("Loket 1 · Loket Pendaftaran") && page.text.contains("UPTD Puskesmas Talawi"))
                #expect(page.text.components(separatedBy: "<svg").count - 1 == 3)
                #expect(page.text.contains("Pindai kode QR ini dengan kamera ponsel Anda."))
                // A unit identity does not know is no page.
                let missing = try await client.execute(uri: "/kelola/ikm/DINKES/PKM-NONE/poster", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(missing.status == .notFound)
            }
        }
    }

    @Test func theCountersQRAddressCarriesTheCounterToTheAnswer() async throws {
        try await GatewayWorld.with { world in
            Self.stubUnit(world)
            world.feedback.on("SubmitPublicResponse", .reply(Binakarier_Feedback_V1_SubmitResponseResponse(receipt: "r1")))
            try await world.test { client in
                let scanned = try await client.execute(uri: "/survei/DINKES/PKM-TALAWI?loket=2", method: .get)
                #expect(scanned.status == .seeOther && scanned.headers[.location] == "/ikm/abc234?loket=2")
                let form = try await client.execute(uri: "/ikm/abc234?loket=2", method: .get)
                #expect(form.text.contains("<input type=\"hidden\" name=\"loket\" value=\"2\">") && form.text.contains("id=\"ikm-pendidikan\""))
                let cookie = "bk_csrf=\(Self.csrf)"
                let answers = (1...9).map { ("q\($0)", "3") } + [("loket", "2"), ("umur", "3"), ("jenis_kelamin", "2"), ("pekerjaan", "9")]
                let sent = try await Self.post(client, "/ikm/abc234", cookie: cookie, answers)
                #expect(sent.status == .ok)
            }
            let request = try #require(world.feedback.lastRequest("SubmitPublicResponse", as: Binakarier_Feedback_V1_SubmitPublicResponseRequest.self))
            #expect(request.counterCode == "2" && request.answers.count == 9)
            // A choice outside the list is simply not given.
            #expect(request.profile == .init(age: .thirties, gender: .female, education: .unspecified, occupation: .unspecified))
            #expect(world.feedback.calls("SubmitPublicResponse").last?.metadata[values: "authorization"].isEmpty == true)
        }
    }

    @Test func aPaperQuestionnaireIsSentAsPaperWithItsErrorsInPlace() async throws {
        try await GatewayWorld.with { world in
            Self.stubUnit(world)
            let refused = RPCError.invalidArgument(field: "responses[0].answers.ikm-3", LocalizedText(id: "jawab dengan angka 1 sampai 4", en: "1 to 4"))
            world.feedback.on("SubmitPaperResponses", .fail(refused))
            let id = try await world.storeSession(token: "token-staf", roles: ["employee"])
            try await world.test { client in
                let page = try await client.execute(uri: "/kelola/ikm/DINKES/PKM-TALAWI/kertas", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(page.status == .ok && page.text.contains("Jawaban tercatat pada survei ini: 41"))
                #expect(page.text.contains("<option value=\"2\">2 · Loket Apotek</option>"))
                let answers = (1...9).map { ("q\($0)", "4") } + [("kampanye", "abc234"), ("loket", "1"), ("pendidikan", "5")]
                let wrong = try await Self.post(client, "/kelola/ikm/DINKES/PKM-TALAWI/kertas", cookie: "bk_sesi=\(id)", answers)
                #expect(wrong.status == .badRequest && wrong.text.contains("id=\"q3-error\"") && wrong.text.contains("Jawab dengan angka 1 sampai 4."))
                world.feedback.on("SubmitPaperResponses", .reply(Binakarier_Feedback_V1_SubmitPaperResponsesResponse(accepted: 1)))
                let saved = try await Self.post(client, "/kelola/ikm/DINKES/PKM-TALAWI/kertas", cookie: "bk_sesi=\(id)", answers)
                #expect(saved.status == .seeOther && saved.headers[.location] == "/kelola/ikm/DINKES/PKM-TALAWI/kertas?kampanye=abc234&pesan=ikm_paper_saved")
                let incomplete = try await Self.post(client, "/kelola/ikm/DINKES/PKM-TALAWI/kertas", cookie: "bk_sesi=\(id)", [("kampanye", "abc234")])
                #expect(incomplete.status == .badRequest)
            }
            #expect(world.feedback.calls("SubmitPaperResponses").count == 2, "an incomplete form is not sent")
            let sent = try #require(world.feedback.lastRequest("SubmitPaperResponses", as: Binakarier_Feedback_V1_SubmitPaperResponsesRequest.self))
            #expect(sent.campaignId == "abc234" && sent.responses.count == 1)
            #expect(sent.responses[0].counterCode == "1" && sent.responses[0].profile?.education == .bachelor && sent.responses[0].answers.count == 9)
            #expect(world.feedback.calls("SubmitPaperResponses").last?.metadata[values: "authorization"] == ["Bearer token-staf"])
        }
    }

    @Test func thePublicationShowsItsFiguresAndSendsPlanItemsAsActions() async throws {
        try await GatewayWorld.with { world in
            Self.stubUnit(world)
            var report = Binakarier_Feedback_V1_IkmReport(
                agencyCode: "DINKES", agencyName: "Dinas Kesehatan", unitCode: "PKM-TALAWI", unitName: "UPTD Puskesmas Talawi", year: 2026,
                campaigns: [Self.campaign], campaignsCounted: 2, respondents: 132, online: 99, paper: 33, k: 5, weight: 1.0 / 9, index: 81.42,
                grade: "B", gradeLabel: "Baik", generateTimeUnix: 1_795_000_000)
            report.elements = (1...9).map { .init(element: Int32($0), code: "U\($0)", name: IkmPages.elementName($0), nrr: 3.2, weighted: 3.2 / 9, converted: 80, grade: "B", lowest: $0 == 3) }
            report.profile = [.init(dimension: "jenis_kelamin", title: "Jenis kelamin", counts: [
                .init(label: "Laki-laki", respondents: 60, percent: 45.45), .init(label: "Perempuan", suppressed: true), .init(label: "Tidak diisi", suppressed: true),
            ])]
            report.plan = [.init(id: "TL-AB12", title: "Menambah petugas loket", source: .ikm, sourceId: "IKM/DINKES/PKM-TALAWI/2026/U3", ownerNip: "196805121990031003", dueDate: "2026-12-31", state: .open)]
            report.trend = [.init(year: 2025, respondents: 3, suppressed: true), .init(year: 2026, respondents: 132, index: 81.42, grade: "B", gradeLabel: "Baik")]
            world.feedback.on("GetIkmReport", .reply(report))
            world.feedback.on("CreateAction", .fail(.invalidArgument(field: "action_owner_nip", LocalizedText(id: "penanggung jawab harus pegawai DINKES", en: "x"))))
            let id = try await world.storeSession(roles: ["employee", "agency_head"])
            try await world.test { client in
                let page = try await client.execute(uri: "/laporan/ikm/DINKES/PKM-TALAWI?tahun=2026", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(page.status == .ok)
                for text in ["81,42", ">B<", "daring 99 · kertas 33", "U3 Waktu Penyelesaian", "Terendah: prioritas perbaikan", "kurang dari 5", "45,5",
                             "Menambah petugas loket", "U3 Waktu Penyelesaian", "Tambah butir rencana tindak lanjut", "<svg"] {
                    #expect(page.text.contains(text), "missing \(text)")
                }
                let asked = try #require(world.feedback.lastRequest("GetIkmReport", as: Binakarier_Feedback_V1_GetIkmReportRequest.self))
                #expect(asked.agencyCode == "DINKES" && asked.unitCode == "PKM-TALAWI" && asked.year == 2026)
                let refused = try await Self.post(client, "/laporan/ikm/DINKES/PKM-TALAWI/rtl?tahun=2026", cookie: "bk_sesi=\(id)", [
                    ("unsur", "3"), ("kegiatan", "Nomor antrean"), ("pj", "1"), ("tenggat", "2026-12-31"),
                ])
                #expect(refused.status == .badRequest && refused.text.contains("id=\"ikm-pj-error\"") && refused.text.contains("value=\"Nomor antrean\""))
                world.feedback.on("CreateAction", .reply(Binakarier_Feedback_V1_ActionItem(id: "TL-CD34")))
                let added = try await Self.post(client, "/laporan/ikm/DINKES/PKM-TALAWI/rtl?tahun=2026", cookie: "bk_sesi=\(id)", [
                    ("unsur", "3"), ("kegiatan", "Nomor antrean"), ("pj", "196805121990031003"), ("tenggat", "2026-12-31"),
                ])
                #expect(added.status == .seeOther && added.headers[.location] == "/laporan/ikm/DINKES/PKM-TALAWI?tahun=2026&pesan=ikm_plan_added")
            }
            let action = try #require(world.feedback.lastRequest("CreateAction", as: Binakarier_Feedback_V1_CreateActionRequest.self)?.action)
            #expect(action.source == .ikm && action.sourceId == "IKM/DINKES/PKM-TALAWI/2026/U3" && action.ownerNip == "196805121990031003")
            #expect(action.dueDate == "2026-12-31" && action.agencyCode == "DINKES" && action.title == "Nomor antrean")
        }
    }
}
