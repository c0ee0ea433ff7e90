import BKProto
import BKRPC
import BKServiceKit
import BKTestSupport
import Foundation
import GRDB
import Testing
@testable import Feedback

/// IKM as service units run it: the regulation's table, the yearly report's figures against a worked
/// example, counters, paper answers (as anonymous as online ones), the follow-up plan and the trend.
@Suite("Feedback: IKM counters, paper answers and the yearly report", .timeLimit(.minutes(2)))
struct IkmPublicationTests {
    // MARK: the regulation's table and the worked example

    /// Lampiran PermenPANRB 14/2017, the conversion table: an element's NRR (nilai interval) graded on
    /// NRR × 25 (nilai interval konversi): 2,5996 → 64,99 D; 2,60 → 65,00 C; 3,064 → 76,60 C;
    /// 3,0644 → 76,61 B; 3,532 → 88,30 B; 3,5324 → 88,31 A.
    @Test func elementsAreGradedOnTheRegulationsTable() {
        let nrr = [2.5996, 2.60, 3.064, 3.0644, 3.532, 3.5324, 4.0, 1.0, 3.2]
        let elements = IkmPublication.elements(nrr: nrr, lowest: 3)
        #expect(elements.map(\.converted) == [64.99, 65.00, 76.60, 76.61, 88.30, 88.31, 100.00, 25.00, 80.00])
        #expect(elements.map(\.grade) == ["D", "C", "C", "B", "B", "A", "A", "D", "B"])
        #expect(elements.map(\.code) == (1...9).map { "U\($0)" })
        #expect(elements[2].name == "Waktu Penyelesaian" && elements[8].name == "Sarana dan Prasarana")
        // The three lowest: U8 (1,00), U1 (2,5996), U2 (2,60).
        #expect(elements.filter(\.lowest).map(\.code) == ["U1", "U2", "U8"])
        #expect(abs(elements[3].weighted - 3.0644 / 9) < 1e-12)
    }

    @Test func tiesWithTheLastLowestAreFlaggedToo() {
        let elements = IkmPublication.elements(nrr: [3.0, 3.5, 2.9, 3.0, 3.6, 3.7, 3.8, 3.9, 3.0], lowest: 2)
        #expect(elements.filter(\.lowest).map(\.code) == ["U1", "U3", "U4", "U9"])
        #expect(IkmPublication.elements(nrr: [3, 3], lowest: 3).isEmpty)
    }

    /// Small groups of the profile are hidden; one hidden cell alone would be the total minus the
    /// others, so the next smallest is hidden with it.
    @Test func smallProfileGroupsAreHidden() {
        let gender = IkmPublication.dimensions[1]
        // Not given 2, male 10, female 7: "not given" is under k, hidden with the smallest other (7).
        let group = IkmPublication.group(gender, counts: [2, 10, 7], k: 5)
        #expect(group.counts.map(\.label) == ["Laki-laki", "Perempuan", "Tidak diisi"])
        #expect(group.counts.map(\.suppressed) == [false, true, true])
        #expect(group.counts[0].respondents == 10 && abs(group.counts[0].percent - 10.0 * 100 / 19) < 1e-9)
        #expect(group.counts[1].respondents == 0 && group.counts[2].percent == 0)
        // Two cells under k hide each other; zeros are shown.
        let education = IkmPublication.group(IkmPublication.dimensions[2], counts: [0, 0, 0, 12, 3, 6, 1, 0], k: 5)
        #expect(education.counts.filter(\.suppressed).map(\.label) == ["D1–D3", "S2"])
        #expect(education.counts.first { $0.label == "SD ke bawah" }?.suppressed == false)
    }

    @Test func planSourcesAndCounterCodesAreRead() {
        #expect(IkmPublication.planSource(agency: "DINKES", unit: "PKM-TALAWI", year: 2026, element: 3) == "IKM/DINKES/PKM-TALAWI/2026/U3")
        #expect(IkmPublication.planSource("IKM/DINKES/PKM-TALAWI/2026/U3")! == ("DINKES", "PKM-TALAWI", 2026, 3))
        #expect(IkmPublication.planSource("IKM/DINKES/PKM-TALAWI/2026/U10") == nil)
        #expect(IkmPublication.planSource("IKM/DINKES/2026/U3") == nil)
        #expect(IkmPublication.counterCode(" loket-a ") == "LOKET-A")
        #expect(IkmPublication.counterCode("loket a") == nil && IkmPublication.counterCode("") == nil)
    }

    // MARK: through the service

    static let unit = Binakarier_Feedback_V1_Audience(kind: .public, agencyCode: "DINKES", unitCode: "PKM-TALAWI")

    static func answers(_ scores: [Double], suggestion: String = "") -> [Answer] {
        var answers = BuiltInInstruments.ikm.questions.compactMap { question in
            question.ikmElement > 0 ? Answer(questionId: question.id, number: scores[Int(question.ikmElement) - 1]) : nil
        }
        if !suggestion.isEmpty { answers.append(.init(questionId: "ikm-saran", text: suggestion)) }
        return answers
    }

    /// Staff 0 and 1 work at Puskesmas Talawi; staff 2 elsewhere in the agency.
    static func placeStaff(_ world: FeedbackWorld) {
        world.peers.state.withLockedValue { state in
            for index in 0..<2 { state.employees[world.staff[index].nip]?.unitCode = "PKM-TALAWI" }
            state.employees[world.staff[2].nip]?.unitCode = "PKM-BARANGIN"
        }
    }

    @Test func countersAreSetByTheUnitsHeadAndReadByAnyone() async throws {
        try await FeedbackWorld.with { world in
            let counters: [ServiceCounter] = [.init(code: "1", name: "Loket Pendaftaran"), .init(code: "obat", name: "")]
            let request = Binakarier_Feedback_V1_SaveServiceCountersRequest(agencyCode: "dinkes", unitCode: "pkm-talawi", counters: counters)
            #expect(await code { try await world.caller(world.staff[0]).saveServiceCounters(request) } == .permissionDenied)
            #expect(await code { try await world.caller(FeedbackWorld.supervisorB).saveServiceCounters(request) } == .permissionDenied)
            // Supervisor A heads Puskesmas Talawi.
            let saved = try await world.caller(FeedbackWorld.supervisorA).saveServiceCounters(request)
            #expect(saved.counters == [.init(code: "1", name: "Loket Pendaftaran"), .init(code: "OBAT", name: "Loket OBAT")])
            let read = try await world.anonymous.listServiceCounters(.init(agencyCode: "DINKES", unitCode: "PKM-TALAWI"))
            #expect(read.counters.map(\.code) == ["1", "OBAT"])
            #expect(await code { try await world.organizer.saveServiceCounters(.init(agencyCode: "DINKES", unitCode: "PKM-X", counters: counters)) } == .notFound)
            let twice = Binakarier_Feedback_V1_SaveServiceCountersRequest(agencyCode: "DINKES", unitCode: "PKM-TALAWI", counters: [.init(code: "1"), .init(code: "1")])
            let error = await rpcError { try await world.organizer.saveServiceCounters(twice) }
            #expect(error?.code == .invalidArgument && error?.fieldViolations.first?.field == "counters[1].code")
        }
    }

    @Test func theYearlyReportCountsOnlineAndPaperAnswersByCounter() async throws {
        try await FeedbackWorld.with { world in
            Self.placeStaff(world)
            let head = world.caller(FeedbackWorld.head)
            _ = try await head.saveServiceCounters(.init(agencyCode: "DINKES", unitCode: "PKM-TALAWI", counters: [
                .init(code: "1", name: "Loket Pendaftaran"), .init(code: "2", name: "Loket Obat"),
            ]))
            let campaign = try await head.openCampaign(.init(campaign: .init(instrumentCode: BuiltInInstruments.ikm.code, audience: Self.unit)))
            // Online: six at counter 1 with profiles, one without a counter or profile.
            let online: [[Double]] = [
                [4, 3, 2, 4, 3, 3, 4, 2, 3], [3, 3, 3, 4, 4, 3, 4, 2, 3], [3, 3, 2, 4, 3, 4, 3, 3, 3],
                [4, 3, 3, 4, 4, 4, 4, 3, 2], [4, 3, 3, 4, 4, 4, 4, 3, 2], [3, 4, 2, 4, 3, 3, 4, 2, 3],
            ]
            for (index, scores) in online.enumerated() {
                let profile = RespondentProfile(age: .thirties, gender: index < 4 ? .female : .male, education: .seniorSecondary, occupation: .entrepreneur)
                _ = try await world.anonymous.submitPublicResponse(.init(campaignId: campaign.id, answers: Self.answers(scores), profile: profile, counterCode: "1"))
            }
            _ = try await world.anonymous.submitPublicResponse(.init(campaignId: campaign.id, answers: Self.answers([2, 2, 2, 3, 3, 3, 3, 2, 2])))
            let wrongCounter = await rpcError {
                try await world.anonymous.submitPublicResponse(.init(campaignId: campaign.id, answers: Self.answers(online[0]), counterCode: "9"))
            }
            #expect(wrongCounter?.code == .invalidArgument && wrongCounter?.fieldViolations.first?.field == "counter_code")
            #expect(await code {
                try await world.anonymous.submitPublicResponse(.init(campaignId: campaign.id, answers: Self.answers(online[0]), profile: .init(age: .init(rawValue: 42) ?? .unspecified)))
            } == nil)

            // Paper: five typed in by staff of the unit at counter 2; the batch is all or nothing.
            let paper: [[Double]] = [[3, 3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 4, 4, 4, 4, 4, 4, 4], [2, 3, 3, 4, 3, 3, 3, 2, 3], [3, 3, 2, 4, 3, 3, 3, 3, 3], [4, 4, 3, 4, 4, 3, 4, 3, 4]]
            let papers = paper.map { Binakarier_Feedback_V1_PaperResponse(answers: Self.answers($0, suggestion: "Antrean perlu dipercepat."), profile: .init(gender: .female), counterCode: "2") }
            var broken = papers
            broken[1].answers[2].number = 5
            let refused = await rpcError { try await world.caller(world.staff[0]).submitPaperResponses(.init(campaignId: campaign.id, responses: broken)) }
            #expect(refused?.code == .invalidArgument && refused?.fieldViolations.first?.field == "responses[1].answers.ikm-3")
            #expect(await code { try await world.caller(world.staff[2]).submitPaperResponses(.init(campaignId: campaign.id, responses: papers)) } == .permissionDenied)
            #expect(await code { try await world.caller(FeedbackWorld.outsider).submitPaperResponses(.init(campaignId: campaign.id, responses: papers)) } == .permissionDenied)
            #expect(await code { try await world.anonymous.submitPaperResponses(.init(campaignId: campaign.id, responses: papers)) } == .unauthenticated)
            let entered = try await world.caller(world.staff[0]).submitPaperResponses(.init(campaignId: campaign.id, responses: papers))
            #expect(entered.accepted == 5)

            // While the survey runs nothing is counted (its live figures would give each answer away).
            let running = try await head.getIkmReport(.init(agencyCode: "DINKES", unitCode: "PKM-TALAWI", year: 2026))
            #expect(running.campaigns.count == 1 && running.campaignsCounted == 0 && running.suppressed && running.respondents == 0)

            _ = try await head.closeCampaign(.init(id: campaign.id))
            #expect(await code { try await world.caller(world.staff[0]).submitPaperResponses(.init(campaignId: campaign.id, responses: papers)) } == .failedPrecondition)
            let report = try await head.getIkmReport(.init(agencyCode: "DINKES", unitCode: "PKM-TALAWI", year: 2026))
            let all = online + [[2, 2, 2, 3, 3, 3, 3, 2, 2], online[0]] + paper
            let expected = ResultMath.ikm(all.map { Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($0.offset + 1, $0.element) }) })
            #expect(report.respondents == 13 && report.online == 8 && report.paper == 5 && !report.suppressed)
            #expect(report.index == expected.index && report.grade == expected.grade && report.gradeLabel == expected.gradeLabel)
            #expect(report.elements.map(\.nrr) == expected.nrr)
            #expect(report.elements.filter(\.lowest).map(\.code) == IkmPublication.elements(nrr: expected.nrr, lowest: 3).filter(\.lowest).map(\.code))
            #expect(report.unitName == "Puskesmas Talawi" && report.agencyName == "Dinas Kesehatan" && abs(report.weight - 1.0 / 9) < 1e-15)
            // Counter 1: six answers, its own index; counter 2: five paper answers; the unit's QR code: two.
            let counters = Dictionary(uniqueKeysWithValues: report.counters.map { ($0.code, $0) })
            #expect(counters["1"]?.respondents == 6 && counters["2"]?.respondents == 5 && counters[""]?.respondents == 2)
            let counterOne = ResultMath.ikm(online.map { Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($0.offset + 1, $0.element) }) })
            #expect(counters["1"]?.index == counterOne.index && counters["1"]?.name == "Loket Pendaftaran")
            #expect(counters[""]?.suppressed == true && counters[""]?.index == 0)
            // Profile: 4 + 5 women, 2 men (hidden, with the smallest other), 2 not given.
            let gender = try #require(report.profile.first { $0.dimension == "jenis_kelamin" })
            #expect(gender.counts.map(\.label) == ["Laki-laki", "Perempuan", "Tidak diisi"])
            #expect(gender.counts.map(\.suppressed) == [true, false, true] && gender.counts[1].respondents == 9)
            let age = try #require(report.profile.first { $0.dimension == "umur" })
            #expect(age.counts.first { $0.label == "30–39 tahun" }?.respondents == 6)
            #expect(report.trend.map(\.year) == [2026] && report.trend[0].index == expected.index)
        }
    }

    @Test func paperAnswersAreStoredLikeOnlineOnesWithoutProfileOrCounter() async throws {
        try await FeedbackWorld.with { world in
            Self.placeStaff(world)
            let head = world.caller(FeedbackWorld.head)
            _ = try await head.saveServiceCounters(.init(agencyCode: "DINKES", unitCode: "PKM-TALAWI", counters: [.init(code: "1", name: "Loket 1")]))
            let campaign = try await head.openCampaign(.init(campaign: .init(instrumentCode: BuiltInInstruments.ikm.code, audience: Self.unit)))
            let profile = RespondentProfile(age: .sixtyAndOver, gender: .male, education: .doctorate, occupation: .police)
            _ = try await world.anonymous.submitPublicResponse(.init(campaignId: campaign.id, answers: Self.answers([4, 4, 4, 4, 4, 4, 4, 4, 1]), profile: profile, counterCode: "1"))
            _ = try await world.caller(world.staff[1]).submitPaperResponses(.init(campaignId: campaign.id, responses: [
                .init(answers: Self.answers([1, 1, 1, 1, 1, 1, 1, 1, 4]), profile: profile, counterCode: "1"),
            ]))
            let rows = try await world.store.db.read { db in try Row.fetchAll(db, sql: "SELECT * FROM response WHERE campaign_id = ?", arguments: [campaign.id]) }
            #expect(rows.count == 2)
            for row in rows {
                // The same columns, nothing of who, when, where or the profile.
                #expect(Set(row.columnNames) == ["id", "campaign_id", "respondent_nip", "subject_nip", "score", "receipt_hash", "answers"])
                #expect((row["respondent_nip"] as String) == "" && (row["subject_nip"] as String) == "" && (row["receipt_hash"] as String) == "")
                let stored = try Binakarier_Feedback_V1_SubmitPublicResponseRequest(serializedBytes: [UInt8](row["answers"] as Data))
                #expect(stored.profile == nil && stored.counterCode.isEmpty && stored.answers.count == 9)
            }
            // The extras are counts only: no row pairs a profile or a channel with an answer.
            let extras = try await world.store.db.read { db in
                try Row.fetchAll(db, sql: "SELECT question_id, facilitator, value, count FROM tally WHERE campaign_id = ? AND question_id LIKE '\\_%' ESCAPE '\\'", arguments: [campaign.id])
            }
            #expect(Set(extras.map { $0["question_id"] as String }) == ["_kanal", "_profil", "_loket", "_unsur"])
            #expect(extras.filter { ($0["question_id"] as String) == "_profil" }.allSatisfy { ($0["count"] as Int) == 2 })
            // The write-ahead log holds nothing of either transaction.
            let wal = (try? Data(contentsOf: URL(fileURLWithPath: world.data.appending("data/feedback.sqlite-wal")))) ?? Data()
            #expect(wal.count == 0)
        }
    }

    @Test func theFollowUpPlanBecomesActionItemsAndTheTrendSpansYears() async throws {
        try await FeedbackWorld.with { world in
            let head = world.caller(FeedbackWorld.head)
            // 2025: a survey of five; 2026: one of six.
            world.clock.withLockedValue { $0 = FeedbackWorld.june2026 - 365 * 86_400 }
            let before = try await head.openCampaign(.init(campaign: .init(instrumentCode: BuiltInInstruments.ikm.code, audience: Self.unit)))
            for _ in 0..<5 { _ = try await world.anonymous.submitPublicResponse(.init(campaignId: before.id, answers: Self.answers([3, 3, 2, 3, 3, 3, 3, 2, 3]))) }
            _ = try await head.closeCampaign(.init(id: before.id))
            world.clock.withLockedValue { $0 = FeedbackWorld.june2026 }
            let now = try await head.openCampaign(.init(campaign: .init(instrumentCode: BuiltInInstruments.ikm.code, audience: Self.unit)))
            for _ in 0..<6 { _ = try await world.anonymous.submitPublicResponse(.init(campaignId: now.id, answers: Self.answers([4, 3, 3, 4, 3, 4, 4, 3, 3]))) }
            _ = try await head.closeCampaign(.init(id: now.id))

            let item = ActionItem(title: "Menambah petugas loket pendaftaran pada jam sibuk", source: .ikm, sourceId: "ikm/dinkes/pkm-talawi/2026/U3",
                                  ownerNip: FeedbackWorld.supervisorA.nip, dueDate: "2026-09-30")
            let created = try await head.createAction(.init(action: item))
            #expect(created.sourceId == "IKM/DINKES/PKM-TALAWI/2026/U3" && created.agencyCode == "DINKES" && created.source == .ikm)
            var wrong = item
            wrong.sourceId = "IKM/DISDIKBUD/SD-1/2026/U3"
            #expect(await code { try await head.createAction(.init(action: wrong)) } == .invalidArgument)
            wrong.sourceId = "IKM/DINKES/PKM-TALAWI/2026/U12"
            #expect(await code { try await head.createAction(.init(action: wrong)) } == .invalidArgument)

            let report = try await head.getIkmReport(.init(agencyCode: "DINKES", unitCode: "PKM-TALAWI", year: 2026))
            #expect(report.plan.map(\.id) == [created.id] && report.plan[0].ownerNip == FeedbackWorld.supervisorA.nip)
            #expect(try await head.listActions(.init(sourceId: created.sourceId)).actions.map(\.id) == [created.id])
            #expect(report.trend.map(\.year) == [2025, 2026])
            #expect(report.trend[0].index == IKMIndex.index(nrr: [3, 3, 2, 3, 3, 3, 3, 2, 3]) && report.trend[0].grade == "C")
            #expect(report.trend[1].index == IKMIndex.index(nrr: [4, 3, 3, 4, 3, 4, 4, 3, 3]) && report.trend[1].grade == "B")
            // The 2025 report has no 2026 in its trend and no plan.
            let earlier = try await head.getIkmReport(.init(agencyCode: "DINKES", unitCode: "PKM-TALAWI", year: 2025))
            #expect(earlier.trend.map(\.year) == [2025] && earlier.plan.isEmpty && earlier.respondents == 5)

            // Who may read it: the agency's leaders, organisers; not its staff, not other agencies.
            #expect(await code { try await world.caller(world.staff[0]).getIkmReport(.init(agencyCode: "DINKES", unitCode: "PKM-TALAWI")) } == .permissionDenied)
            #expect(await code { try await world.caller(FeedbackWorld.supervisorB).getIkmReport(.init(agencyCode: "DINKES", unitCode: "PKM-TALAWI")) } == nil)
            #expect(await code { try await world.organizer.getIkmReport(.init(agencyCode: "DINKES", unitCode: "PKM-NONE")) } == .notFound)
            var other = try #require(world.peers.state.withLockedValue { $0.employees[FeedbackWorld.outsider.nip] })
            other.nip = "197001011995031001"
            let foreignHead = world.client(world.token(subject: other.nip, roles: [.employee, .agencyHead], nip: other.nip, agency: "DISDIKBUD"))
            #expect(await code { try await foreignHead.getIkmReport(.init(agencyCode: "DINKES", unitCode: "PKM-TALAWI")) } == .permissionDenied)
        }
    }
}

/// The RPC error a call failed with (nil when it succeeded): for refusals whose field matters.
func rpcError<T>(_ call: () async throws -> T) async -> RPCError? {
    do {
        _ = try await call()
        return nil
    } catch {
        return error as? RPCError
    }
}
