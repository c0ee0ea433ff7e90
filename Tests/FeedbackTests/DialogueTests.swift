import BKTestSupport
import BKProto
import BKRPC
import Testing
@testable import Feedback

@Suite("Feedback: leadership dialogues and action items", .timeLimit(.minutes(2)))
struct DialogueTests {
    @Test func aHeadHearsStaffAnswersThemAndFollowsUpToClosure() async throws {
        try await FeedbackWorld.with(staffCount: 4) { world in
            let head = world.caller(FeedbackWorld.head)
            #expect(await code { try await world.caller(world.staff[0]).createDialogue(.init(dialogue: .init(topic: "x", date: "2026-06-10"))) } == .permissionDenied)
            let dialogue = try await head.createDialogue(.init(dialogue: .init(
                agencyCode: "DISDIKBUD", topic: "Visi dan misi Dinas Kesehatan 2026", date: "2026-06-10", time: "09:00", venue: "Aula Dinkes")))
            #expect(dialogue.agencyCode == "DINKES" && dialogue.leaderNip == FeedbackWorld.head.nip, "a head holds their own agency's")
            // A unit's head for the unit; not for another unit or the agency.
            _ = try await world.caller(FeedbackWorld.supervisorA).createDialogue(.init(dialogue: .init(unitCode: "PKM-TALAWI", topic: "Antrean", date: "2026-06-11")))
            #expect(await code { try await world.caller(FeedbackWorld.supervisorA).createDialogue(.init(dialogue: .init(topic: "Semua", date: "2026-06-11"))) } == .permissionDenied)

            let (a, b) = (world.caller(world.staff[0]), world.caller(world.staff[1]))
            let named = try await a.raiseAspiration(.init(aspiration: .init(dialogueId: dialogue.id, category: "sarana", text: "Ruang tunggu puskesmas terlalu sempit")))
            let hidden = try await b.raiseAspiration(.init(aspiration: .init(dialogueId: dialogue.id, category: "kepegawaian", text: "Beban jaga malam tidak merata", anonymous: true)))
            #expect(named.authorNip == world.staff[0].nip && hidden.authorNip.isEmpty)
            #expect(await code { try await world.caller(FeedbackWorld.outsider).raiseAspiration(.init(aspiration: .init(dialogueId: dialogue.id, text: "x"))) } == .notFound)
            _ = try await b.supportAspiration(.init(id: named.id))
            #expect(await code { try await b.supportAspiration(.init(id: named.id)) } == .alreadyExists)
            #expect(await code { try await a.supportAspiration(.init(id: named.id)) } == .failedPrecondition, "not one's own")
            _ = try await a.supportAspiration(.init(id: hidden.id))
            #expect(await code { try await a.answerAspiration(.init(id: named.id, answer: "x")) } == .permissionDenied)

            let answered = try await head.answerAspiration(.init(
                id: hidden.id, answer: "Jadwal jaga disusun ulang bersama kepala puskesmas", actionOwnerNip: FeedbackWorld.supervisorA.nip, actionDueDate: "2026-06-30"))
            #expect(!answered.actionId.isEmpty)
            #expect(await code { try await head.answerAspiration(.init(id: named.id, answer: "x", actionOwnerNip: FeedbackWorld.outsider.nip, actionDueDate: "2026-06-30")) } == .invalidArgument)
            let direction = try await head.giveDirection(.init(dialogueId: dialogue.id, text: "Setiap puskesmas menetapkan standar waktu tunggu", actionOwnerNip: FeedbackWorld.supervisorB.nip, actionDueDate: "2026-07-15"))
            #expect(!direction.actionId.isEmpty)

            // Staff see it all, anonymous ones without an author; the minutes say it in order.
            let detail = try await world.caller(world.staff[2]).getDialogue(.init(id: dialogue.id))
            #expect(detail.aspirations.count == 2 && detail.aspirations.allSatisfy { $0.supports == 1 })
            #expect(detail.aspirations.first { $0.id == hidden.id }?.authorNip.isEmpty == true)
            #expect(detail.actions.count == 2)
            let minutes = try await world.caller(world.staff[2]).getMinutes(.init(id: dialogue.id)).text
            #expect(minutes.contains("NOTULEN DIALOG TERBUKA") && minutes.contains("(anonim; didukung 1)") && minutes.contains("Setiap puskesmas"))
            #expect(!minutes.contains(world.staff[1].nip), "the anonymous author is nowhere")
            #expect(await code { try await world.caller(FeedbackWorld.outsider).getDialogue(.init(id: dialogue.id)) } == .notFound)

            // The owner moves it along; closing needs evidence; only the head drops or reassigns.
            let owner = world.caller(FeedbackWorld.supervisorA)
            let progress = try await owner.updateAction(.init(id: answered.actionId, state: .inProgress, note: "rapat dengan perawat jaga"))
            #expect(progress.state == .inProgress && progress.notes.count == 1)
            #expect(await code { try await owner.updateAction(.init(id: answered.actionId, state: .done)) } == .invalidArgument)
            #expect(await code { try await owner.updateAction(.init(id: answered.actionId, state: .dropped, reason: "x")) } == .permissionDenied)
            let done = try await owner.updateAction(.init(id: answered.actionId, state: .done, evidence: "Jadwal jaga Juli 2026 ditandatangani"))
            #expect(done.state == .done && done.closeTimeUnix > 0)
            #expect(await code { try await head.updateAction(.init(id: answered.actionId, state: .inProgress)) } == .failedPrecondition, "done is final")
            #expect(await code { try await world.caller(world.staff[3]).updateAction(.init(id: direction.actionId, note: "x")) } == .permissionDenied)

            // Overdue after the due date, listed as such; mine lists the owner's.
            world.advance(days: 50)
            let overdue = try await head.listActions(.init(overdueOnly: true)).actions
            #expect(overdue.map(\.id) == [direction.actionId] && overdue[0].overdue)
            #expect(try await world.caller(FeedbackWorld.supervisorB).listActions(.init(mine: true)).actions.map(\.id) == [direction.actionId])
            let dropped = try await head.updateAction(.init(id: direction.actionId, state: .dropped, reason: "digabung dengan program mutu"))
            #expect(dropped.state == .dropped && dropped.reason == "digabung dengan program mutu")

            let closed = try await head.closeDialogue(.init(id: dialogue.id, summary: "Dua aspirasi ditindaklanjuti."))
            #expect(closed.state == .closed)
            #expect(await code { try await a.raiseAspiration(.init(aspiration: .init(dialogueId: dialogue.id, text: "terlambat"))) } == .failedPrecondition)
        }
    }
}
