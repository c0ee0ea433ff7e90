import BKProto
import BKRPC
import BKTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Gateway

/// The pages of dialogues at scale over stub daemons: the receipt of an anonymous aspiration shown once
/// and kept only in the author's browser, `/aspirasi-saya` asking feedback without the person's token,
/// the moderation form, and the public action board.
@Suite("Gateway web: receipts, moderation and the public action board", .timeLimit(.minutes(2)))
struct DialogueScalePageTests {
    static let csrf = String(repeating: "c", count: 43)
    static let receipt = "abcdefghijkmnpqrstuv"

    static func post(_ client: any TestClientProtocol, _ uri: String, cookie: String, _ pairs: [(String, String)]) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
            body: formBody(pairs + [("_csrf", csrf)]))
    }

    static func found(answer: String, moderation: Binakarier_Feedback_V1_ModerationState = .shown) -> Binakarier_Feedback_V1_LookupAspirationsResponse {
        .init(aspirations: [.init(
            receipt: receipt, found: true,
            aspiration: .init(id: "ASP-1", dialogueId: "DLG-1", text: "Jadwal piket tidak adil", anonymous: true, answer: answer, moderation: moderation,
                              moderationReason: moderation == .removed ? "Menyerang pribadi" : ""),
            dialogue: .init(id: "DLG-1", agencyCode: "DINKES", topic: "Budaya kerja", date: "2026-11-12", state: .closed),
            action: .init(id: "TL-1", title: "Jadwal piket bergilir", ownerNip: "198703152010011001", dueDate: "2026-12-15", state: .inProgress))])
    }

    @Test func theReceiptIsShownOnceAndKeptOnlyInTheAuthorsBrowser() async throws {
        try await GatewayWorld.with { world in
            world.feedback.on("RaiseAspiration", .reply(Binakarier_Feedback_V1_Aspiration(
                id: "ASP-1", dialogueId: "DLG-1", text: "Jadwal piket tidak adil", anonymous: true, moderation: .shown, receipt: Self.receipt)))
            world.feedback.on("LookupAspirations", .reply(Self.found(answer: "Jadwal disusun bergilir.")))
            let id = try await world.storeSession(token: "token-staf")
            let name = ReceiptCookie.name(try #require(try await world.sessions.load(id)))
            try await world.test { client in
                let raised = try await Self.post(client, "/dialog/DLG-1/aspirasi", cookie: "bk_sesi=\(id)", [("teks", "Jadwal piket tidak adil"), ("anonim", "1")])
                #expect(raised.status == .ok)
                #expect(raised.text.contains("abcd-efgh-ijkm-npqr-stuv") && raised.text.contains("ditampilkan sekali ini saja"))
                let cookie = try #require(raised.cookie(name), "a cookie of this account's own")
                #expect(cookie.value == Self.receipt && cookie.httpOnly && cookie.sameSite?.lowercased() == "strict")

                // The author's page reads it back, asking feedback with no token at all.
                let mine = try await client.execute(uri: "/aspirasi-saya", method: .get, headers: [.cookie: "bk_sesi=\(id); \(name)=\(cookie.value)"])
                #expect(mine.status == .ok)
                #expect(mine.text.contains("Jadwal disusun bergilir.") && mine.text.contains("Jadwal piket bergilir") && mine.text.contains("ditutup"))
                let call = try #require(world.feedback.calls("LookupAspirations").last)
                #expect(call.metadata[values: "authorization"].isEmpty, "feedback never learns whose receipt it is")
                #expect((call.request as? Binakarier_Feedback_V1_LookupAspirationsRequest)?.receipts == [Self.receipt])

                // Forgetting it clears the cookie.
                let forgot = try await Self.post(client, "/aspirasi-saya/lupakan", cookie: "bk_sesi=\(id); \(name)=\(cookie.value)", [("kode", Self.receipt)])
                #expect(forgot.status == .seeOther && forgot.cookie(name)?.value == "")
            }
            let raise = try #require(world.feedback.calls("RaiseAspiration").last)
            #expect(raise.metadata[values: "authorization"] == ["Bearer token-staf"])
            #expect(try await world.sessions.load(id).map { "\($0)" }?.contains(Self.receipt) == false, "the session keeps no receipt")
        }
    }

    @Test func eachAccountHasItsOwnCookieOnASharedBrowser() {
        let now = Int64(Date().timeIntervalSince1970)
        func session(_ username: String) -> WebSession {
            WebSession(token: "t", tokenExpiresUnix: now, username: username, nip: username, displayName: "", agencyCode: "DINKES", roles: [],
                       csrf: Self.csrf, language: "id", expiresUnix: now)
        }
        let first = ReceiptCookie.name(session("199001012020121001"))
        #expect(first.hasPrefix("bk_aspirasi_") && first != ReceiptCookie.name(session("199001012020121002")))
        #expect(!first.contains("199001012020121001"))
        #expect(ReceiptCookie.name(nil) == "bk_aspirasi")
    }

    @Test func aTypedReceiptIsLookedUpAndAnUnknownOneSaysSo() async throws {
        try await GatewayWorld.with { world in
            world.feedback.on("LookupAspirations", .decide { call in
                let receipts = (call.request as? Binakarier_Feedback_V1_LookupAspirationsRequest)?.receipts ?? []
                return receipts == [Self.receipt] ? Self.found(answer: "", moderation: .removed) : Binakarier_Feedback_V1_LookupAspirationsResponse(
                    aspirations: receipts.map { .init(receipt: $0) })
            })
            try await world.test { client in
                let cookie = "bk_csrf=\(Self.csrf)"
                let unknown = try await Self.post(client, "/aspirasi-saya", cookie: cookie, [("kode", "zzzz-zzzz-zzzz-zzzz-zzzz")])
                #expect(unknown.status == .notFound && unknown.text.contains("aria-invalid=\"true\"") && unknown.text.contains("tidak dikenal"))
                let malformed = try await Self.post(client, "/aspirasi-saya", cookie: cookie, [("kode", "pendek")])
                #expect(malformed.status == .notFound)
                let found = try await Self.post(client, "/aspirasi-saya", cookie: cookie, [("kode", "ABCD-EFGH-IJKM-NPQR-STUV"), ("simpan", "1")])
                #expect(found.status == .ok && found.text.contains("Dihapus moderator") && found.text.contains("Menyerang pribadi"))
                #expect(found.cookie("bk_aspirasi")?.value == Self.receipt)
            }
            #expect(world.feedback.calls("LookupAspirations").count == 2, "a malformed code is not asked for")
        }
    }

    @Test func aDecisionNeedsAChoiceAndAReasonBeforeFeedbackIsAsked() async throws {
        try await GatewayWorld.with { world in
            world.feedback.on("ListHeldAspirations", .reply(Binakarier_Feedback_V1_ListHeldAspirationsResponse(aspirations: [.init(
                aspiration: .init(id: "ASP-9", dialogueId: "DLG-1", text: "Dasar goblok", anonymous: true, moderation: .held,
                                  moderationReason: "kata kasar: goblok"),
                dialogue: .init(id: "DLG-1", agencyCode: "DINKES", topic: "Budaya kerja"))])))
            let id = try await world.storeSession(token: "token-kepala", roles: ["employee", "agency_head"])
            try await world.test { client in
                let queue = try await client.execute(uri: "/moderasi", method: .get, headers: [.cookie: "bk_sesi=\(id)"])
                #expect(queue.status == .ok && queue.text.contains("Dasar goblok") && queue.text.contains("kata kasar: goblok"))
                let empty = try await Self.post(
                    client, "/moderasi/ASP-9", cookie: "bk_sesi=\(id)", [("keputusan", "lepas"), ("kembali", "/moderasi?dialog=DLG-1")])
                #expect(empty.status == .badRequest && empty.text.contains("id=\"mod-ASP-9-alasan-error\""))
                #expect(empty.text.contains("name=\"kembali\" value=\"/moderasi?dialog=DLG-1\""), "the form still returns to the queue it came from")
                #expect(world.feedback.lastRequest("ListHeldAspirations", as: Binakarier_Feedback_V1_ListHeldAspirationsRequest.self)?.dialogueId == "DLG-1")
                #expect(world.feedback.calls("ModerateAspiration").isEmpty)
                let done = try await Self.post(
                    client, "/moderasi/ASP-9", cookie: "bk_sesi=\(id)", [("keputusan", "hapus"), ("alasan", "Menyerang pribadi"), ("kembali", "/moderasi?dialog=DLG-1")])
                #expect(done.status == .seeOther && done.headers[.location] == "/moderasi?dialog=DLG-1&pesan=mod_removed")
                let elsewhere = try await Self.post(
                    client, "/moderasi/ASP-9", cookie: "bk_sesi=\(id)", [("keputusan", "hapus"), ("alasan", "x"), ("kembali", "//jahat")])
                #expect(elsewhere.headers[.location] == "/moderasi?pesan=mod_removed")
            }
            let decision = try #require(world.feedback.calls("ModerateAspiration").first?.request as? Binakarier_Feedback_V1_ModerateAspirationRequest)
            #expect(decision.id == "ASP-9" && decision.decision == .removed && decision.reason == "Menyerang pribadi")
        }
    }

    @Test func theActionBoardIsPublicAndAsksWithoutAToken() async throws {
        try await GatewayWorld.with { world in
            world.feedback.on("GetActionBoard", .decide { call in
                let code = (call.request as? Binakarier_Feedback_V1_GetActionBoardRequest)?.agencyCode ?? ""
                guard code == "DINKES" else { throw RPCError(.notFound, "perangkat daerah \(code) tidak ditemukan") }
                return Binakarier_Feedback_V1_ActionBoard(
                    agencyCode: "DINKES", agencyName: "Dinas Kesehatan", today: "2026-11-30",
                    actions: [.init(id: "TL-1", title: "Jadwal piket bergilir", source: .aspiration, dialogueTopic: "Budaya kerja", dialogueDate: "2026-11-12",
                                    ownerName: "Rina Marlina", ownerPosition: "Kepala Seksi Pelayanan", dueDate: "2026-11-15", state: .inProgress, overdue: true)],
                    inProgress: 1, overdue: 1)
            })
            try await world.test { client in
                let page = try await client.execute(uri: "/papan-aksi/dinkes", method: .get)
                #expect(page.status == .ok)
                #expect(page.text.contains("Papan aksi Dinas Kesehatan") && page.text.contains("Rina Marlina") && page.text.contains("15 November 2026"))
                #expect(page.text.contains("board-late") && page.text.contains("1 lewat tenggat"))
                #expect(try await client.execute(uri: "/papan-aksi/TIDAKADA", method: .get).status == .notFound)
                let index = try await client.execute(uri: "/papan-aksi?opd=dinkes", method: .get)
                #expect(index.status == .seeOther && index.headers[.location] == "/papan-aksi/DINKES")
                let api = try await client.execute(uri: "/api/v1/action-boards/DINKES", method: .get)
                #expect(api.status == .ok && (api.json?["agencyName"] as? String) == "Dinas Kesehatan")
            }
            #expect(world.feedback.calls("GetActionBoard").allSatisfy { $0.metadata[values: "authorization"].isEmpty })
        }
    }
}
