import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

/// The real identity, feedback and gateway daemons, driven by bkctl and the JSON API: an anonymous author
/// follows the answer to their aspiration by receipt (with no login, after the dialogue closed), abusive
/// text (from the built-in list and from the city's own `--abusive-words` file) and reported text is
/// held until the head releases or removes it, and the agency's action board is public. Feedback's log
/// names no anonymous author and holds no receipt.
@Suite("Dialogues at scale end to end", .serialized, .timeLimit(.minutes(5)))
struct DialogueScaleEndToEndTests {
    static func http(_ method: String, _ url: String, body: String? = nil) async throws -> (status: Int, body: String) {
        var arguments = ["-s", "-X", method, "--max-time", "20", "-w", "\n%{http_code}"]
        if let body { arguments += ["-H", "Content-Type: application/json", "--data", body] }
        let run = try await DaemonProcess.run("/usr/bin/curl", arguments + [url])
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    @Test func receiptsModerationAndThePublicBoardThroughBkctlAndTheAPI() async throws {
        let words = try TemporaryDirectory()
        defer { words.remove() }
        try "# kata kasar daerah\nkarambia\n".write(toFile: words.appending("kata.txt"), atomically: true, encoding: .utf8)
        let arguments: [DaemonName: [String]] = [
            .feedback: ["--revocation-poll-seconds", "0.2", "--reports-to-hold", "1", "--abusive-words", words.appending("kata.txt")],
        ]
        try await Cluster.with([.identity, .feedback, .gateway], arguments: arguments) { cluster in
            let head = try await cluster.token(for: .agencyHead)
            let staff = try await cluster.token(for: .employee)
            let supervisor = try await cluster.token(for: .supervisor)
            let asHead = FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(head))
            let dialogue = try #require(try await eventually(within: .seconds(20)) {
                try await asHead.createDialogue(.init(dialogue: .init(topic: "Budaya kerja BerAKHLAK", date: "2026-11-30", venue: "Aula")))
            })

            // The member of staff raises an anonymous aspiration: bkctl prints its receipt once.
            let raised = try await cluster.bkctl(
                ["aspiration", "add", dialogue.id, "--text", "Jadwal piket tidak adil", "--anonymous"], environment: ["BINAKARIER_TOKEN": staff])
            #expect(raised.status == 0, "\(raised.output)")
            let receipt = try #require(raised.output.split(separator: "\n").first { $0.hasPrefix("Tanda terima: ") }.map { String($0.dropFirst(14)) })
            #expect(receipt.count == 24 && receipt.filter { $0 == "-" }.count == 4, "\(receipt)")
            let aspirationID = try #require(raised.output.split(separator: " ").first { $0.hasPrefix("ASP-") }.map(String.init))

            // The head answers with an action item for the supervisor and closes the dialogue.
            _ = try await asHead.answerAspiration(.init(
                id: aspirationID, answer: "Jadwal piket disusun bergilir mulai Desember.", actionOwnerNip: ClusterPeople.supervisor.nip,
                actionDueDate: "2026-12-15"))

            // Abusive text, from the built-in list and from the city's file, is held; so is reported text.
            let rude = try await cluster.bkctl(
                ["aspiration", "add", dialogue.id, "--text", "Kepala ruangan itu goblok", "--anonymous"], environment: ["BINAKARIER_TOKEN": supervisor])
            #expect(rude.status == 0 && rude.output.contains("ditahan untuk moderasi (kata kasar: goblok)"), "\(rude.output)")
            let regional = try await FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(staff)).raiseAspiration(.init(aspiration: .init(
                dialogueId: dialogue.id, text: "Dasar karambia", anonymous: true)))
            #expect(regional.moderation == .held && regional.moderationReason == "kata kasar: karambia")
            let plain = try await FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(staff)).raiseAspiration(.init(aspiration: .init(
                dialogueId: dialogue.id, text: "Si A dari bagian umum tukang fitnah", anonymous: true)))
            let report = try await cluster.bkctl(["aspiration", "report", plain.id, "--reason", "menyerang pribadi"], environment: ["BINAKARIER_TOKEN": supervisor])
            #expect(report.status == 0 && report.output.contains("kini ditahan"), "\(report.output)")

            // Staff see none of the held; the head's queue (bkctl) has all three, and the head decides.
            let seen = try await FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(staff)).getDialogue(.init(id: dialogue.id))
            #expect(seen.aspirations.map(\.id) == [aspirationID])
            let queue = try await cluster.bkctl(["aspiration", "held"], environment: ["BINAKARIER_TOKEN": head])
            #expect(queue.status == 0 && queue.output.contains("goblok") && queue.output.contains("karambia") && queue.output.contains("menyerang pribadi"), "\(queue.output)")
            let rudeID = try #require(rude.output.split(separator: " ").first { $0.hasPrefix("ASP-") }.map(String.init))
            let released = try await cluster.bkctl(["aspiration", "release", rudeID, "--reason", "Keluhan sah"], environment: ["BINAKARIER_TOKEN": head])
            #expect(released.status == 0, "\(released.output)")
            let removed = try await cluster.bkctl(["aspiration", "remove", plain.id, "--reason", "Menyerang pribadi"], environment: ["BINAKARIER_TOKEN": head])
            #expect(removed.status == 0, "\(removed.output)")
            let refused = try await cluster.bkctl(["aspiration", "release", regional.id, "--reason", "x"], environment: ["BINAKARIER_TOKEN": supervisor])
            #expect(refused.status == 4, "not the supervisor's to decide: \(refused.output)")
            _ = try await asHead.closeDialogue(.init(id: dialogue.id, summary: "Selesai."))

            // After the close, the author reads the answer by receipt, with no login at all.
            let mine = try await cluster.bkctl(["aspiration", "receipt", receipt, "--output", "json"])
            #expect(mine.status == 0, "\(mine.output)")
            let found = try ProtoJSON.decode(Binakarier_Feedback_V1_LookupAspirationsResponse.self, from: mine.output.utf8)
            #expect(found.aspirations.first?.aspiration?.answer == "Jadwal piket disusun bergilir mulai Desember.")
            #expect(found.aspirations.first?.dialogue?.state == .closed && found.aspirations.first?.action?.dueDate == "2026-12-15")
            let unknown = try await cluster.bkctl(["aspiration", "receipt", "aaaa-bbbb-cccc-dddd-eeee"])
            #expect(unknown.status == 5 && unknown.output.contains("tidak ditemukan"), "\(unknown.output)")
            // The author of the removed one reads the decision the same way, through the API, without a token.
            let address = try #require(cluster.gatewayAddress)
            let lookup = try await Self.http("POST", "http://\(address)/api/v1/aspirations:lookup", body: #"{"receipts":["\#(plain.receipt)"]}"#)
            #expect(lookup.status == 200 && lookup.body.contains("MODERATION_STATE_REMOVED") && lookup.body.contains("Menyerang pribadi"), "\(lookup)")

            // The public board, by bkctl and by the API, with no login and no NIP.
            let board = try await cluster.bkctl(["action", "board", "uji"])
            #expect(board.status == 0 && board.output.contains("Atasan Uji") && board.output.contains("Jadwal piket tidak adil"), "\(board.output)")
            let json = try await Self.http("GET", "http://\(address)/api/v1/action-boards/UJI")
            #expect(json.status == 200 && json.body.contains("Atasan Uji") && json.body.contains("ACTION_STATE_OPEN"), "\(json)")
            for nip in [ClusterPeople.staff.nip, ClusterPeople.supervisor.nip, ClusterPeople.head.nip] { #expect(!json.body.contains(nip)) }
            #expect(try await Self.http("GET", "http://\(address)/api/v1/action-boards/TIDAKADA").status == 404)

            // Feedback's log names no anonymous author and holds no receipt.
            let log = try String(contentsOfFile: try #require(cluster.process(.feedback)).logPath, encoding: .utf8)
            #expect(log.contains("aspiration moderated"))
            for secret in [ClusterPeople.staff.nip, receipt.replacingOccurrences(of: "-", with: ""), plain.receipt, regional.receipt] {
                #expect(!log.contains(secret))
            }
        }
    }
}
