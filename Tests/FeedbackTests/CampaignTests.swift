import BKTestSupport
import BKProto
import BKRPC
import Foundation
import GRDB
import Testing
@testable import Feedback

@Suite("Feedback: campaigns, audiences, answers and anonymity", .timeLimit(.minutes(2)))
struct CampaignTests {
    func reactionCampaign(_ world: FeedbackWorld, _ session: Session, anonymous: Bool) async throws -> Campaign {
        try await world.organizer.openCampaign(.init(campaign: .init(
            instrumentCode: BuiltInInstruments.reaction.code, audience: .init(kind: .sessionAttendees, sessionId: session.id), anonymous: anonymous)))
    }

    @Test func onlyTheAudienceAnswersAndOnlyOnce() async throws {
        try await FeedbackWorld.with { world in
            let (a, b, absent) = (world.staff[0], world.staff[1], world.staff[2])
            let session = world.session("LAT-PPI-01", attended: [a.nip: 100, b.nip: 50, absent.nip: 0])
            let campaign = try await reactionCampaign(world, session, anonymous: false)
            #expect(campaign.audienceSize == 2 && campaign.agencyCode == "DINKES" && campaign.programCode == "LAT-PPI")
            let answers = FeedbackWorld.answers(BuiltInInstruments.reaction)
            #expect(try await world.caller(a).listMyPending(.init()).forms.map { $0.campaign?.id } == [campaign.id])
            #expect(try await world.caller(absent).listMyPending(.init()).forms.isEmpty)
            _ = try await world.caller(a).submitResponse(.init(campaignId: campaign.id, answers: answers))
            #expect(await code { try await world.caller(a).submitResponse(.init(campaignId: campaign.id, answers: answers)) } == .alreadyExists)
            #expect(await code { try await world.caller(absent).submitResponse(.init(campaignId: campaign.id, answers: answers)) } == .permissionDenied)
            #expect(await code { try await world.caller(FeedbackWorld.outsider).submitResponse(.init(campaignId: campaign.id, answers: answers)) } == .permissionDenied)
            #expect(await code { try await world.caller(b).submitResponse(.init(campaignId: campaign.id, answers: Array(answers.dropFirst()))) } == .invalidArgument)
            #expect(try await world.caller(a).listMyPending(.init()).forms.isEmpty)
            #expect(try await world.caller(a).getMyResponses(.init()).responses.first?.answers.count == answers.count, "a named campaign shows you your answers")

            // Many at once from one person: exactly one counts.
            let client = world.caller(b)
            let outcomes = try await withThrowingTaskGroup(of: RPCStatusCode?.self) { group in
                for _ in 0..<20 { group.addTask { await code { try await client.submitResponse(.init(campaignId: campaign.id, answers: answers)) } } }
                return try await group.reduce(into: [RPCStatusCode?]()) { $0.append($1) }
            }
            #expect(outcomes.count { $0 == nil } == 1 && outcomes.count { $0 == .alreadyExists } == 19)
            // After the window, nothing more.
            world.advance(days: 8)
            #expect(try await world.caller(b).listMyPending(.init()).forms.isEmpty)
        }
    }

    @Test func supervisorsAnswerAboutTheirOwnStaffOnly() async throws {
        try await FeedbackWorld.with { world in
            let (even, odd) = (world.staff[0], world.staff[1])  // supervisors A and B
            let session = world.session("LAT-PPI-02", attended: [even.nip: 100, odd.nip: 100])
            let campaign = try await world.organizer.openCampaign(.init(campaign: .init(
                instrumentCode: BuiltInInstruments.followUpSupervisor.code, audience: .init(kind: .attendeesSupervisors, sessionId: session.id))))
            #expect(campaign.audienceSize == 2)
            let answers = FeedbackWorld.answers(BuiltInInstruments.followUpSupervisor)
            let supervisorA = world.caller(FeedbackWorld.supervisorA)
            #expect(try await supervisorA.listMyPending(.init()).forms.map(\.subjectNip) == [even.nip])
            #expect(await code { try await supervisorA.submitResponse(.init(campaignId: campaign.id, answers: answers, subjectNip: odd.nip)) } == .permissionDenied)
            _ = try await supervisorA.submitResponse(.init(campaignId: campaign.id, answers: answers, subjectNip: even.nip))
            #expect(await code { try await world.caller(even).submitResponse(.init(campaignId: campaign.id, answers: answers, subjectNip: even.nip)) } == .permissionDenied)
            // A reaction form does not fit supervisors; an unpublished form fits nobody.
            #expect(await code { try await world.organizer.openCampaign(.init(campaign: .init(
                instrumentCode: BuiltInInstruments.reaction.code, audience: .init(kind: .attendeesSupervisors, sessionId: session.id)))) } == .failedPrecondition)
        }
    }

    /// The anonymity promise, checked where an operator would look: the response rows, their order,
    /// the write-ahead log, the results and the feed.
    @Test func anonymousAnswersCannotBeLinkedToAnyone() async throws {
        try await FeedbackWorld.with(staffCount: 10) { world in
            let people = world.staff
            let session = world.session("LAT-PPI-03", attended: Dictionary(uniqueKeysWithValues: people.map { ($0.nip, 100.0) }))
            let campaign = try await reactionCampaign(world, session, anonymous: true)
            var receipts: [String] = []
            // Each person answers NPS = their position in line, and a text that names their turn.
            for (turn, person) in people.enumerated() {
                var answers = FeedbackWorld.answers(BuiltInInstruments.reaction, nps: Double(turn), text: "giliran-\(turn)")
                answers.removeAll { $0.questionId == "l1-15" }
                receipts.append(try await world.caller(person).submitResponse(.init(campaignId: campaign.id, answers: answers)).receipt)
                world.clock.withLockedValue { $0 += 37 }
            }
            #expect(Set(receipts).count == 10)
            #expect(await code { try await world.caller(people[0]).submitResponse(.init(campaignId: campaign.id, answers: FeedbackWorld.answers(BuiltInInstruments.reaction))) } == .alreadyExists)

            let path = world.data.appending("data/feedback.sqlite")
            #expect((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0 == 0, "the log is emptied after an anonymous answer")
            let queue = try DatabaseQueue(path: path)
            let rows = try await queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM response WHERE campaign_id = ?", arguments: [campaign.id]) }
            #expect(rows.count == 10)
            let columns = Set(rows.first?.columnNames.map { $0 } ?? [])
            #expect(columns == ["id", "campaign_id", "respondent_nip", "subject_nip", "score", "receipt_hash", "answers"], "no time column")
            for row in rows {
                #expect(row["respondent_nip"] as String == "" && row["subject_nip"] as String == "")
                let bytes = [UInt8](row["answers"] as Data)
                for person in people { #expect(!String(decoding: bytes, as: UTF8.self).contains(person.nip)) }
                #expect(!receipts.contains(row["receipt_hash"] as String), "only a hash of the receipt")
            }
            // The stored order is not the order of answering (a random key; 10! orders).
            let stored = try rows.map { try Binakarier_Feedback_V1_SubmitResponseRequest(serializedBytes: [UInt8]($0["answers"] as Data)) }
                .compactMap { $0.answers.first { $0.questionId == "l1-13" }?.number }
            #expect(stored.count == 10 && stored != (0..<10).map(Double.init))
            // The feed says a count moved, not who moved it.
            let feed = try await world.store.changes(after: 0, limit: 1000).changes.filter { $0.kind == FeedbackChange.responseCounted }
            for change in feed { for person in people { #expect(!String(decoding: change.payload, as: UTF8.self).contains(person.nip)) } }
            #expect(try await world.caller(people[3]).getMyResponses(.init()).responses.first.map { $0.anonymous && $0.answers.isEmpty } == true)
            // Results: none while open (each new answer would show as a difference); then texts shuffled,
            // never in the order given, and no respondent anywhere.
            #expect(try await world.organizer.getResults(.init(campaignId: campaign.id)).suppressed)
            _ = try await world.organizer.closeCampaign(.init(id: campaign.id))
            let results = try await world.organizer.getResults(.init(campaignId: campaign.id))
            let texts = try #require(results.items.first { $0.questionId == "l1-14" }).texts
            #expect(Set(texts) == Set((0..<10).map { "giliran-\($0)" }))
            let encoded = String(decoding: try results.serializedBytes(), as: UTF8.self)
            for person in people { #expect(!encoded.contains(person.nip)) }
        }
    }

    /// Results hide any group under k: nothing at k − 1, everything at k.
    @Test func groupsUnderKAreSuppressed() async throws {
        try await FeedbackWorld.with(staffCount: 6) { world in
            let session = world.session("LAT-PPI-04", attended: Dictionary(uniqueKeysWithValues: world.staff.map { ($0.nip, 100.0) }))
            let campaign = try await reactionCampaign(world, session, anonymous: true)
            for person in world.staff.prefix(4) {
                _ = try await world.caller(person).submitResponse(.init(campaignId: campaign.id, answers: FeedbackWorld.answers(BuiltInInstruments.reaction, likert: 2, nps: 3)))
            }
            var results = try await world.organizer.getResults(.init(campaignId: campaign.id))
            #expect(results.suppressed && results.responses == 4 && results.items.isEmpty && results.k == 5)
            _ = try await world.caller(world.staff[4]).submitResponse(.init(campaignId: campaign.id, answers: FeedbackWorld.answers(BuiltInInstruments.reaction, likert: 2, nps: 3)))
            #expect(try await world.organizer.getResults(.init(campaignId: campaign.id)).suppressed, "anonymous: not while open")
            _ = try await world.organizer.closeCampaign(.init(id: campaign.id))
            results = try await world.organizer.getResults(.init(campaignId: campaign.id))
            #expect(!results.suppressed && results.responses == 5)
            let nps = try #require(results.items.first { $0.kind == .nps })
            #expect(nps.nps == -100 && nps.weak)
            #expect(results.items.first { $0.questionId == "l1-01" }?.mean == 2)
            #expect(results.items.first { $0.questionId == "l1-01" }?.distribution == [0, 5, 0, 0])
            #expect(results.items.first { $0.kind == .facilitatorRating }?.facilitator == "Dr. Rina")
            // The agency's head sees its results; another agency's does not; staff not at all.
            #expect(try await world.caller(FeedbackWorld.head).getResults(.init(campaignId: campaign.id)).responses == 5)
            #expect(await code { try await world.caller(world.staff[0]).getResults(.init(campaignId: campaign.id)) } == .permissionDenied)
            // A second campaign with 4 answers is left out of any sum: subtracting scopes reveals nothing.
            let small = try await reactionCampaign(world, world.session("LAT-PPI-09", attended: Dictionary(uniqueKeysWithValues: world.staff.map { ($0.nip, 100.0) })), anonymous: true)
            for person in world.staff.prefix(4) {
                _ = try await world.caller(person).submitResponse(.init(campaignId: small.id, answers: FeedbackWorld.answers(BuiltInInstruments.reaction, likert: 4, nps: 10)))
            }
            _ = try await world.organizer.closeCampaign(.init(id: small.id))
            let agency = try await world.organizer.getResults(.init(purpose: .reaction, agencyCode: "DINKES"))
            #expect(agency.responses == 9 && agency.items.first { $0.questionId == "l1-01" }?.mean == 2, "only the campaign of 5 is summed")
            // Closed with weak results, the next round opens an action for the head, once.
            await world.scheduler.tick()
            await world.scheduler.tick()
            let actions = try await world.organizer.listActions(.init(sourceId: campaign.id)).actions
            #expect(actions.count == 1 && actions[0].ownerNip == FeedbackWorld.head.nip && actions[0].source == .evaluation && actions[0].dueDate == "2026-07-01")
            #expect(try await world.organizer.getResults(.init(campaignId: campaign.id)).actionIds == [actions[0].id])
        }
    }

    @Test func thePublicAnswersIKMWithoutLoggingIn() async throws {
        var configuration = FeedbackService.Configuration()
        configuration.publicAnswersPerMinute = 6
        try await FeedbackWorld.with(configuration: configuration) { world in
            #expect(await code { try await world.caller(world.staff[0]).openCampaign(.init(campaign: .init(
                instrumentCode: BuiltInInstruments.ikm.code, audience: .init(kind: .public, agencyCode: "DINKES", unitCode: "PKM-TALAWI")))) } == .permissionDenied)
            let campaign = try await world.caller(FeedbackWorld.head).openCampaign(.init(campaign: .init(
                instrumentCode: BuiltInInstruments.ikm.code, audience: .init(kind: .public, agencyCode: "DINKES", unitCode: "PKM-TALAWI"))))
            #expect(campaign.anonymous)
            let scores: [[Double]] = [[4, 3, 2, 4, 3, 3, 4, 2, 3], [3, 3, 3, 4, 4, 3, 4, 2, 3], [3, 3, 2, 4, 3, 4, 3, 3, 3], [4, 3, 3, 4, 4, 4, 4, 3, 2], [4, 3, 3, 4, 4, 4, 4, 3, 2]]
            for respondent in scores {
                let answers = BuiltInInstruments.ikm.questions.compactMap { question in
                    question.ikmElement > 0 ? Answer(questionId: question.id, number: respondent[Int(question.ikmElement) - 1]) : nil
                }
                _ = try await world.anonymous.submitPublicResponse(.init(campaignId: campaign.id, answers: answers))
            }
            // Throttled per unit: the sixth this minute passes, the seventh waits.
            let one = BuiltInInstruments.ikm.questions.compactMap { $0.ikmElement > 0 ? Answer(questionId: $0.id, number: 4) : nil }
            #expect(await code { try await world.anonymous.submitPublicResponse(.init(campaignId: campaign.id, answers: one)) } == nil)
            #expect(await code { try await world.anonymous.submitPublicResponse(.init(campaignId: campaign.id, answers: one)) } == .resourceExhausted)
            #expect(await code { try await world.anonymous.submitResponse(.init(campaignId: campaign.id, answers: one)) } == .unauthenticated)
            // The index, once the survey closes.
            _ = try await world.caller(FeedbackWorld.head).closeCampaign(.init(id: campaign.id))
            let ikm = try #require(try await world.caller(FeedbackWorld.head).getResults(.init(campaignId: campaign.id)).ikm)
            let all = scores + [Array(repeating: 4, count: 9)]
            let expected = ResultMath.ikm(all.map { Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($0.offset + 1, $0.element) }) })
            #expect(ikm == expected && ikm.respondents == 6)
        }
    }
}
