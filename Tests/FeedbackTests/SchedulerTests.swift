import BKTestSupport
import BKProto
import BKRPC
import Testing
@testable import Feedback

@Suite("Feedback: campaigns that follow programs", .timeLimit(.minutes(2)))
struct SchedulerTests {
    /// A session's events open its campaigns once each: across a restart of feedback, while programs is
    /// down, and when the clock jumps forward (the 60- and 90-day follow-ups open; nothing opens twice) or back.
    @Test func schedulingSurvivesRestartsDowntimeAndClockJumps() async throws {
        try await FeedbackWorld.with(staffCount: 6) { world in
            let session = world.session("LAT-PPI-05", attended: Dictionary(uniqueKeysWithValues: world.staff.map { ($0.nip, $0.nip.hasSuffix("05") ? 0 : 100) }))
            world.peers.announce("session.started", session, at: world.clock.withLockedValue { $0 })
            world.peers.announce("session.completed", session, at: world.clock.withLockedValue { $0 } + 3600)
            world.clock.withLockedValue { $0 += 3600 }
            await world.scheduler.tick()
            var campaigns = try await world.organizer.listCampaigns(.init(sessionId: session.id)).campaigns
            // L1 opens (anonymous, to the five who attended); no test exists for this program, so no pre/post.
            #expect(campaigns.map(\.purpose) == [.reaction])
            #expect(campaigns[0].anonymous && campaigns[0].audienceSize == 5 && campaigns[0].origin == .scheduled)
            #expect(try await world.store.plans(sessionID: session.id).filter { $0.state == 2 }.map(\.key).sorted() == [
                "LAT-PPI-05/post-test", "LAT-PPI-05/pre-test",
            ])

            // A restart: nothing opens twice.
            try await world.restart()
            await world.scheduler.tick()
            #expect(try await world.organizer.listCampaigns(.init(sessionId: session.id)).campaigns.count == 1)

            // The clock jumps 61 days while programs is down: nothing breaks; when it is back, the 60-day wave opens.
            world.advance(days: 61)
            world.peers.state.withLockedValue { $0.down = true }
            await world.scheduler.tick()
            #expect(try await world.organizer.listCampaigns(.init(sessionId: session.id)).campaigns.count == 1)
            world.peers.state.withLockedValue { $0.down = false }
            await world.scheduler.tick()
            campaigns = try await world.organizer.listCampaigns(.init(sessionId: session.id)).campaigns
            #expect(Set(campaigns.map(\.purpose)) == [.reaction, .followUpSelf, .followUpSupervisor])
            #expect(campaigns.first { $0.purpose == .followUpSupervisor }?.audienceSize == 5, "each attendee's supervisor, about them")
            #expect(campaigns.first { $0.purpose == .reaction }?.state == .closed, "L1's week is over")
            // The clock goes back: nothing reopens, nothing new.
            world.advance(days: -30)
            await world.scheduler.tick()
            #expect(try await world.organizer.listCampaigns(.init(sessionId: session.id)).campaigns.count == 3)
            world.advance(days: 60)
            await world.scheduler.tick()
            #expect(try await world.organizer.listCampaigns(.init(sessionId: session.id)).campaigns.count == 5, "the 90-day wave")
            // A cancelled session gets nothing more.
            let cancelled = world.session("LAT-PPI-06", attended: [world.staff[0].nip: 100])
            world.peers.announce("session.started", cancelled, at: world.clock.withLockedValue { $0 })
            world.peers.announce("session.cancelled", cancelled, at: world.clock.withLockedValue { $0 })
            await world.scheduler.tick()
            #expect(try await world.organizer.listCampaigns(.init(sessionId: cancelled.id)).campaigns.isEmpty)
        }
    }

    /// With a published test for the program, pre- and post-tests open; each participant's scores go to
    /// programs (RecordAssessment) and the results pair them.
    @Test func testsOpenAndTheirScoresReachPrograms() async throws {
        try await FeedbackWorld.with(staffCount: 6) { world in
            let test = Instrument(code: "TES-LAT-PPI", title: "Tes PPI", purpose: .postTest, questions: (1...4).map {
                .init(id: "s\($0)", kind: .testItem, text: "Soal \($0)", options: ["a", "b", "c"], key: [1], points: 25)
            }, passMark: 80)
            _ = try await world.organizer.saveInstrument(.init(instrument: test))
            #expect(await code { try await world.caller(world.staff[0]).saveInstrument(.init(instrument: test)) } == .permissionDenied)
            _ = try await world.organizer.publishInstrument(.init(code: test.code))
            #expect(try await world.caller(world.staff[0]).getInstrument(.init(code: test.code)).questions.allSatisfy { $0.key.isEmpty }, "the key is not shown to participants")
            let session = world.session("LAT-PPI-07", levels: [.learning], attended: Dictionary(uniqueKeysWithValues: world.staff.map { ($0.nip, 100.0) }))
            world.peers.announce("session.started", session, at: world.clock.withLockedValue { $0 })
            await world.scheduler.tick()
            let pre = try #require(try await world.organizer.listCampaigns(.init(sessionId: session.id)).campaigns.first)
            #expect(!pre.anonymous && pre.audienceSize == 6)
            // Pre-test: 1 right of 4 (25) for everyone; post-test: 4 of 4 for even, 3 of 4 for odd.
            for person in world.staff {
                let answers = (1...4).map { Answer(questionId: "s\($0)", choices: [$0 == 1 ? 1 : 0]) }
                #expect(try await world.caller(person).submitResponse(.init(campaignId: pre.id, answers: answers)).score == 25)
            }
            world.peers.announce("session.completed", session, at: world.clock.withLockedValue { $0 })
            await world.scheduler.tick()
            let post = try #require(try await world.organizer.listCampaigns(.init(sessionId: session.id)).campaigns.first { $0.id != pre.id })
            for (index, person) in world.staff.enumerated() {
                let answers = (1...4).map { Answer(questionId: "s\($0)", choices: [index % 2 == 1 && $0 == 4 ? 0 : 1]) }
                let result = try await world.caller(person).submitResponse(.init(campaignId: post.id, answers: answers))
                #expect(result.passed == (index % 2 == 0))
            }
            await world.scheduler.tick()
            let sent = world.peers.state.withLockedValue { $0.assessments }
            #expect(sent.count == 12 && sent.filter { $0.kind == .postTest }.map(\.score).sorted() == [75, 75, 75, 100, 100, 100])
            let learning = try #require(try await world.organizer.getResults(.init(campaignId: post.id)).learning)
            // Pre 25 all; post mean 87.5 → class gain (87.5 − 25) / 75 = 0.833; individual gains 1.0 and 0.667 → mean 0.833.
            #expect(learning.paired == 6 && learning.preMean == 25 && learning.postMean == 87.5 && learning.passRate == 50)
            #expect(abs(learning.classGain - 62.5 / 75) < 1e-9 && learning.classBand == .high)
        }
    }
}
