import BKProto
import BKRPC
import BKTestSupport
import Foundation
import GRDB
import Testing
@testable import Feedback

@Suite("Feedback: dialogues at scale (receipts, moderation, the public action board)", .timeLimit(.minutes(2)))
struct DialogueModerationTests {
    static func dialogue(_ world: FeedbackWorld, topic: String = "Budaya kerja BerAKHLAK") async throws -> Dialogue {
        try await world.caller(FeedbackWorld.head).createDialogue(.init(dialogue: .init(topic: topic, date: "2026-06-10", venue: "Aula Dinkes")))
    }

    @Test func anAnonymousAuthorFollowsTheAnswerByReceiptAndNobodyElseLearnsWhoTheyAre() async throws {
        try await FeedbackWorld.with(staffCount: 4) { world in
            let head = world.caller(FeedbackWorld.head)
            let dialogue = try await Self.dialogue(world)
            let author = world.staff[1]
            let raised = try await world.caller(author).raiseAspiration(.init(aspiration: .init(
                dialogueId: dialogue.id, category: "kepegawaian", text: "Beban jaga malam tidak merata antarperawat", anonymous: true)))
            #expect(raised.receipt.count == 20 && raised.authorNip.isEmpty && raised.moderation == .shown)
            let named = try await world.caller(world.staff[0]).raiseAspiration(.init(aspiration: .init(dialogueId: dialogue.id, text: "Ruang laktasi")))
            #expect(named.receipt.isEmpty, "a named author needs no receipt")

            // Nobody else is handed the receipt again: not the head, not the dialogue's page.
            let seen = try await head.getDialogue(.init(id: dialogue.id))
            #expect(seen.aspirations.allSatisfy { $0.receipt.isEmpty })

            // Without a login, the receipt (typed back in capitals, with dashes) finds it: not answered yet.
            let typed = stride(from: 0, to: 20, by: 5).map { start in
                String(raised.receipt.dropFirst(start).prefix(5)).uppercased()
            }.joined(separator: "-")
            var found = try await world.anonymous.lookupAspirations(.init(receipts: [typed, "bukan-tanda-terima"]))
            #expect(found.aspirations.count == 2)
            #expect(found.aspirations[0].found && found.aspirations[0].aspiration?.id == raised.id && found.aspirations[0].aspiration?.answer == "")
            #expect(found.aspirations[0].receipt == raised.receipt && found.aspirations[0].dialogue?.topic == dialogue.topic)
            #expect(!found.aspirations[1].found && found.aspirations[1].aspiration == nil)
            #expect(await code { try await world.anonymous.lookupAspirations(.init()) } == .invalidArgument)
            #expect(await code { try await world.anonymous.lookupAspirations(.init(receipts: Array(repeating: raised.receipt, count: 51))) } == .invalidArgument)

            // The head answers with an action item; the dialogue closes; the author still reads both.
            _ = try await head.answerAspiration(.init(
                id: raised.id, answer: "Jadwal jaga disusun ulang bersama kepala puskesmas", actionOwnerNip: FeedbackWorld.supervisorA.nip,
                actionDueDate: "2026-06-30"))
            _ = try await world.caller(FeedbackWorld.supervisorA).updateAction(.init(id: try #require(try await head.getDialogue(.init(id: dialogue.id)).actions.first).id, state: .inProgress, note: "rapat dengan perawat jaga"))
            _ = try await head.closeDialogue(.init(id: dialogue.id, summary: "Selesai."))
            found = try await world.anonymous.lookupAspirations(.init(receipts: [raised.receipt]))
            let entry = try #require(found.aspirations.first)
            #expect(entry.aspiration?.answer == "Jadwal jaga disusun ulang bersama kepala puskesmas")
            #expect(entry.dialogue?.state == .closed)
            #expect(entry.action?.ownerNip == FeedbackWorld.supervisorA.nip && entry.action?.dueDate == "2026-06-30" && entry.action?.state == .inProgress)
            #expect(entry.action?.notes.isEmpty == true, "the owner's notes are not the author's")

            // Stored: the receipt's hash only, and no author.
            let queue = try DatabaseQueue(path: world.data.appending("data/feedback.sqlite"))
            let row = try #require(try await queue.read { db in try Row.fetchOne(db, sql: "SELECT * FROM aspiration WHERE id = ?", arguments: [raised.id]) })
            #expect(row["author_nip"] as String == "" && row["receipt_hash"] as String == FeedbackStore.receiptHash(raised.receipt))
            let dump = try await queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM aspiration").map { $0.description }.joined(separator: "\n")
                    + (try Row.fetchAll(db, sql: "SELECT * FROM outbox").map { String(decoding: ($0["payload"] as Data?) ?? Data(), as: UTF8.self) }.joined())
            }
            #expect(!dump.contains(raised.receipt) && !dump.contains(author.nip))
        }
    }

    @Test func abusiveAnonymousTextIsHeldUntilALeaderReleasesIt() async throws {
        try await FeedbackWorld.with(staffCount: 4) { world in
            let head = world.caller(FeedbackWorld.head)
            let dialogue = try await Self.dialogue(world)
            let held = try await world.caller(world.staff[1]).raiseAspiration(.init(aspiration: .init(
                dialogueId: dialogue.id, text: "Kepala ruangan kami g0bl0kk, kerjanya marah-marah saja", anonymous: true)))
            #expect(held.moderation == .held && held.moderationReason.contains("goblok"))
            // Named authors answer for their own words: not held.
            let named = try await world.caller(world.staff[0]).raiseAspiration(.init(aspiration: .init(dialogueId: dialogue.id, text: "Dasar goblok semua")))
            #expect(named.moderation == .shown)

            // Others do not see it, cannot support it, and do not count it; the author sees it is held.
            let colleague = world.caller(world.staff[2])
            let theirs = try await colleague.getDialogue(.init(id: dialogue.id))
            #expect(theirs.aspirations.map(\.id) == [named.id] && theirs.dialogue?.aspirations == 1)
            #expect(try await colleague.getMinutes(.init(id: dialogue.id)).text.contains("marah-marah") == false)
            #expect(await code { try await colleague.supportAspiration(.init(id: held.id)) } == .notFound)
            let byReceipt = try await world.anonymous.lookupAspirations(.init(receipts: [held.receipt])).aspirations.first?.aspiration
            #expect(byReceipt?.moderation == .held && byReceipt?.text == held.text)
            // The leader sees it in the dialogue and the queue, and cannot answer it while held.
            let leaders = try await head.getDialogue(.init(id: dialogue.id))
            #expect(leaders.aspirations.first { $0.id == held.id }?.moderation == .held)
            #expect(try await head.listHeldAspirations(.init()).aspirations.map { $0.aspiration?.id } == [held.id])
            #expect(try await world.organizer.listHeldAspirations(.init(agencyCode: "dinkes")).aspirations.count == 1)
            #expect(try await world.caller(FeedbackWorld.supervisorA).listHeldAspirations(.init()).aspirations.isEmpty, "not a dialogue they lead")
            #expect(await code { try await head.answerAspiration(.init(id: held.id, answer: "x")) } == .failedPrecondition)

            // A decision needs the leader (or BKPSDM), a decision and a reason.
            #expect(await code { try await colleague.moderateAspiration(.init(id: held.id, decision: .released, reason: "x")) } == .permissionDenied)
            #expect(await code { try await world.caller(FeedbackWorld.supervisorA).moderateAspiration(.init(id: held.id, decision: .released, reason: "x")) } == .permissionDenied)
            #expect(await code { try await head.moderateAspiration(.init(id: held.id, decision: .released)) } == .invalidArgument)
            #expect(await code { try await head.moderateAspiration(.init(id: held.id, decision: .held, reason: "x")) } == .invalidArgument)
            let released = try await head.moderateAspiration(.init(id: held.id, decision: .released, reason: "Keluhan sah; kata kasar dimaklumi"))
            #expect(released.moderation == .released && released.moderationReason == "Keluhan sah; kata kasar dimaklumi")
            #expect(await code { try await head.moderateAspiration(.init(id: held.id, decision: .removed, reason: "x")) } == .failedPrecondition)
            #expect(try await colleague.getDialogue(.init(id: dialogue.id)).aspirations.contains { $0.id == held.id })
            _ = try await colleague.supportAspiration(.init(id: held.id))
            #expect(try await head.listHeldAspirations(.init()).aspirations.isEmpty)
            #expect(try await head.listHeldAspirations(.init(includeDecided: true)).aspirations.map { $0.aspiration?.moderation } == [.released])
        }
    }

    @Test func reportsHoldAnAnonymousAspirationAndAModeratorRemovesIt() async throws {
        try await FeedbackWorld.with(staffCount: 5) { world in
            let dialogue = try await Self.dialogue(world)
            let aspiration = try await world.caller(world.staff[0]).raiseAspiration(.init(aspiration: .init(
                dialogueId: dialogue.id, text: "Si X dari bagian umum itu suka main belakang", anonymous: true)))
            let named = try await world.caller(world.staff[0]).raiseAspiration(.init(aspiration: .init(dialogueId: dialogue.id, text: "Usul senam pagi")))
            #expect(aspiration.moderation == .shown)
            let first = try await world.caller(world.staff[1]).reportAspiration(.init(id: aspiration.id, reason: "menyerang pribadi"))
            #expect(first.moderation == .shown && first.reportedByMe && first.reports == 0, "one report does not hold; counts are for moderators")
            #expect(await code { try await world.caller(world.staff[1]).reportAspiration(.init(id: aspiration.id)) } == .alreadyExists)
            #expect(await code { try await world.caller(world.staff[1]).reportAspiration(.init(id: named.id)) } == .failedPrecondition)
            #expect(await code { try await world.caller(FeedbackWorld.outsider).reportAspiration(.init(id: aspiration.id)) } == .notFound)
            let second = try await world.caller(world.staff[2]).reportAspiration(.init(id: aspiration.id, reason: "fitnah"))
            #expect(second.moderation == .held && second.moderationReason == "dilaporkan 2 peserta")
            #expect(try await world.caller(world.staff[3]).getDialogue(.init(id: dialogue.id)).aspirations.map(\.id) == [named.id])

            let queue = try await world.organizer.listHeldAspirations(.init()).aspirations
            #expect(queue.count == 1 && queue[0].reportReasons == ["fitnah", "menyerang pribadi"] && queue[0].aspiration?.reports == 2)
            #expect(queue[0].dialogue?.topic == dialogue.topic)
            let removed = try await world.organizer.moderateAspiration(.init(id: aspiration.id, decision: .removed, reason: "Menyerang pribadi tanpa bukti"))
            #expect(removed.moderation == .removed)
            #expect(await code { try await world.caller(world.staff[3]).reportAspiration(.init(id: aspiration.id)) } == .notFound)
            let head = try await world.caller(FeedbackWorld.head).getDialogue(.init(id: dialogue.id))
            #expect(head.aspirations.first { $0.id == aspiration.id }?.moderation == .removed, "the leader keeps the record")
            #expect(head.dialogue?.aspirations == 1)
        }
    }

    @Test func thePublicBoardShowsAnAgencysDialogueActionsWithoutNamesOfAuthors() async throws {
        try await FeedbackWorld.with(staffCount: 3) { world in
            world.peers.state.withLockedValue { state in
                state.employees[FeedbackWorld.supervisorA.nip]?.positionTitle = "Kepala UPTD Puskesmas Talawi"
            }
            let head = world.caller(FeedbackWorld.head)
            let dialogue = try await Self.dialogue(world, topic: "Mutu pelayanan puskesmas")
            let anonymous = try await world.caller(world.staff[0]).raiseAspiration(.init(aspiration: .init(
                dialogueId: dialogue.id, text: "Antrean pendaftaran terlalu panjang", anonymous: true)))
            let answered = try await head.answerAspiration(.init(
                id: anonymous.id, answer: "Antrean daring diuji coba", actionOwnerNip: FeedbackWorld.supervisorA.nip, actionDueDate: "2026-06-20"))
            let direction = try await head.giveDirection(.init(
                dialogueId: dialogue.id, text: "Setiap puskesmas menetapkan standar waktu tunggu", actionOwnerNip: FeedbackWorld.supervisorB.nip,
                actionDueDate: "2026-09-30"))
            _ = try await head.createAction(.init(action: .init(title: "Tindak lanjut internal", ownerNip: world.staff[1].nip, dueDate: "2026-07-01")))
            world.advance(days: 30)

            let board = try await world.anonymous.getActionBoard(.init(agencyCode: "dinkes"))
            #expect(board.agencyCode == "DINKES" && board.agencyName == "Dinas Kesehatan" && board.today == "2026-07-01")
            #expect(board.actions.map(\.id) == [answered.actionId, direction.actionId], "overdue first; a manual item is not a dialogue's")
            let late = board.actions[0]
            #expect(late.overdue && late.ownerName == "Kepala Puskesmas Talawi" && late.ownerPosition == "Kepala UPTD Puskesmas Talawi")
            #expect(late.dialogueTopic == "Mutu pelayanan puskesmas" && late.dialogueDate == "2026-06-10" && late.source == .aspiration)
            #expect(board.open == 2 && board.overdue == 1)
            let json = try ProtoJSON.encode(board)
            for nip in [FeedbackWorld.supervisorA.nip, FeedbackWorld.supervisorB.nip, world.staff[0].nip, FeedbackWorld.head.nip] {
                #expect(!json.contains(nip), "no NIP on the public board")
            }
            #expect(await code { try await world.anonymous.getActionBoard(.init(agencyCode: "TIDAKADA")) } == .notFound)
            #expect(await code { try await world.anonymous.getActionBoard(.init()) } == .invalidArgument)

            // Done items stay on the board, last; after a year they leave it.
            _ = try await world.caller(FeedbackWorld.supervisorA).updateAction(.init(id: answered.actionId, state: .done, evidence: "Antrean daring berjalan"))
            let after = try await world.anonymous.getActionBoard(.init(agencyCode: "DINKES"))
            #expect(after.actions.map(\.id) == [direction.actionId, answered.actionId] && after.done == 1 && after.overdue == 0)
            world.advance(days: 400)
            #expect(try await world.anonymous.getActionBoard(.init(agencyCode: "DINKES")).actions.map(\.id) == [direction.actionId])
        }
    }
}

@Suite("Feedback: the abusive-word list")
struct AbusiveWordsTests {
    let words = AbusiveWords()

    @Test(arguments: [
        ("Dasar anjing kau", "anjing"), ("ANJIIIING", "anjing"), ("b4ngs4t", "bangsat"), ("a n j i n g", "anjing"),
        ("goblokmu itu", "goblok"), ("kerjanya kayak otak udang", "otak udang"), ("Tolol!", "tolol"), ("pantek", "pantek"),
    ])
    func findsAbusiveWordsInTheirDisguises(text: String, word: String) {
        #expect(words.matches(in: text).contains(word))
    }

    @Test(arguments: [
        "Jangan anggap kami bodoh, kami butuh kejelasan", "Suasana kerja santai tapi ketaatan pada SOP kurang", "Tahun anggaran 2026",
        "Ruang tunggu di RT 3 RW 5 sempit", "Petugas jaga malam butuh istirahat", "Kasubbag Umum tidak hadir",
    ])
    func leavesOrdinaryComplaintsAlone(text: String) {
        #expect(words.matches(in: text).isEmpty, "\(words.matches(in: text))")
    }

    @Test func aCityAddsItsOwnWords() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("kata.txt")
        try "# kata daerah\nkarambia\n\n  sipatokah # ucapan kasar\n".write(toFile: path, atomically: true, encoding: .utf8)
        let extended = try AbusiveWords.withFile(path)
        #expect(extended.matches(in: "dasar Sipatokah") == ["sipatokah"] && extended.matches(in: "anjing") == ["anjing"])
        #expect(words.matches(in: "dasar sipatokah").isEmpty)
    }
}
