import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

/// IKM as service units run it, through the real identity, programs and feedback daemons: counters set
/// by the unit's head, the agency head or BKPSDM (and read by anyone), online answers by counter without
/// a login, paper questionnaires typed in by the unit's staff, and the yearly publication once the
/// survey is closed: index, grade and per-element values as PermenPANRB 14/2017 computes them (worked
/// out here from the answers sent), counters under k hidden, the respondents' profile without small
/// cells, and the follow-up plan as action items.
@Suite("IKM as units run it end to end", .serialized, .timeLimit(.minutes(5)))
struct IkmUnitsEndToEndTests {
    static let arguments: [DaemonName: [String]] = [
        .programs: ["--revocation-poll-seconds", "0.2"],
        .feedback: ["--revocation-poll-seconds", "0.2"],
    ]

    /// One questionnaire: the nine element scores (U1…U9), where it came from, and the profile given.
    struct Questionnaire {
        var scores: [Int]
        var paper: Bool
        var counter: String
        var gender: Binakarier_Feedback_V1_RespondentGender
        var age: Binakarier_Feedback_V1_RespondentAge
    }

    static let questionnaires: [Questionnaire] = [
        .init(scores: [4, 3, 3, 4, 3, 3, 4, 2, 3], paper: false, counter: "1", gender: .female, age: .thirties),
        .init(scores: [3, 3, 2, 4, 3, 4, 3, 2, 3], paper: false, counter: "1", gender: .female, age: .thirties),
        .init(scores: [4, 4, 3, 4, 4, 3, 4, 3, 3], paper: false, counter: "1", gender: .male, age: .forties),
        .init(scores: [3, 2, 2, 4, 3, 3, 3, 2, 2], paper: false, counter: "2", gender: .female, age: .thirties),
        .init(scores: [4, 3, 3, 4, 4, 4, 4, 3, 3], paper: false, counter: "2", gender: .male, age: .forties),
        .init(scores: [2, 3, 2, 3, 3, 3, 3, 2, 3], paper: false, counter: "", gender: .female, age: .thirties),
        .init(scores: [3, 3, 3, 4, 3, 3, 3, 3, 3], paper: true, counter: "1", gender: .female, age: .forties),
        .init(scores: [4, 4, 3, 4, 4, 4, 4, 3, 4], paper: true, counter: "1", gender: .male, age: .thirties),
        .init(scores: [3, 3, 2, 4, 3, 3, 4, 1, 3], paper: true, counter: "", gender: .female, age: .forties),
    ]

    // MARK: PermenPANRB 14/2017, worked out independently of the service

    /// NRR_i = the sum of the scores on element i / respondents.
    static func nrr(_ answered: [[Int]]) -> [Double] {
        (0..<9).map { element in Double(answered.map { $0[element] }.reduce(0, +)) / Double(answered.count) }
    }

    /// IKM = Σ(NRR_i × 1/9) × 25, not rounded.
    static func index(_ nrr: [Double]) -> Double { nrr.reduce(0) { $0 + $1 / 9 } * 25 }

    static func roundedToCents(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// The regulation's table on the converted value (25–100), read at two places.
    static func grade(_ converted: Double) -> (grade: String, label: String) {
        let value = roundedToCents(converted)
        if value >= 88.31 { return ("A", "sangat baik") }
        if value >= 76.61 { return ("B", "baik") }
        if value >= 65.00 { return ("C", "kurang baik") }
        return ("D", "tidak baik")
    }

    static func answers(_ instrument: Binakarier_Feedback_V1_Instrument, _ scores: [Int]) -> [Binakarier_Feedback_V1_Answer] {
        instrument.questions.compactMap { question in
            question.ikmElement > 0 ? .init(questionId: question.id, number: Double(scores[Int(question.ikmElement) - 1])) : nil
        }
    }

    static func profile(_ questionnaire: Questionnaire) -> Binakarier_Feedback_V1_RespondentProfile {
        .init(age: questionnaire.age, gender: questionnaire.gender, education: .bachelor, occupation: .privateEmployee)
    }

    @Test func countersPaperAnswersAndTheYearlyPublication() async throws {
        try await Cluster.with([.identity, .programs, .feedback], arguments: Self.arguments) { cluster in
            let organizer = try await cluster.token(for: .organizer)
            let staff = try await cluster.token(for: .employee)
            let supervisor = try await cluster.token(for: .supervisor)
            let head = try await cluster.token(for: .agencyHead)
            // Unit LYN, headed by the supervisor, with the member of staff at its counters; a colleague
            // of the agency works elsewhere (under the agency itself).
            let colleague = try await PracticeFixtures.addEmployee(cluster, nip: "199108172015031002", name: "Rekan Uji", supervisor: ClusterPeople.supervisor.nip)
            try await PracticeFixtures.addUnit(cluster, code: "LYN", name: "Unit Layanan Terpadu", head: ClusterPeople.supervisor.nip)
            try await PracticeFixtures.place(cluster, nip: ClusterPeople.staff.nip, unit: "LYN")
            try await PracticeFixtures.feedbackReady(cluster, organizer)
            func client(_ token: String) -> FeedbackAPI.Client { FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(token)) }
            let anonymous = FeedbackAPI.Client(cluster.client(.feedback))
            let year = PracticeFixtures.wibYear()
            let agency = ClusterPeople.agency

            // Counters: the unit's head, the agency head and BKPSDM set them; its staff and others do not.
            let two: [Binakarier_Feedback_V1_ServiceCounter] = [.init(code: "1", name: "Loket Pendaftaran"), .init(code: "2", name: "Loket Pengambilan")]
            let save = Binakarier_Feedback_V1_SaveServiceCountersRequest(agencyCode: agency, unitCode: "LYN", counters: two)
            #expect(await code { try await client(staff).saveServiceCounters(save) } == .permissionDenied)
            #expect(await code { try await client(colleague).saveServiceCounters(save) } == .permissionDenied)
            #expect(await code { try await anonymous.saveServiceCounters(save) } == .unauthenticated)
            let byUnitHead = try await client(supervisor).saveServiceCounters(save)
            #expect(byUnitHead.counters == two)
            #expect(try await anonymous.listServiceCounters(.init(agencyCode: agency, unitCode: "LYN")).counters == two)
            let three = two + [.init(code: "3", name: "Loket Pengaduan")]
            #expect(try await client(head).saveServiceCounters(.init(agencyCode: agency, unitCode: "LYN", counters: three)).counters == three)
            #expect(await code {
                try await client(organizer).saveServiceCounters(.init(agencyCode: agency, unitCode: "LYN", counters: three + [.init(code: "loket a", name: "Spasi")]))
            } == .invalidArgument)
            #expect(await code { try await client(organizer).saveServiceCounters(.init(agencyCode: agency, unitCode: "TIDAKADA", counters: two)) } == .notFound)
            #expect(try await client(organizer).saveServiceCounters(.init(agencyCode: agency, unitCode: "LYN", counters: three)).counters == three)
            #expect(try await anonymous.listServiceCounters(.init(agencyCode: agency, unitCode: "LYN")).counters.map(\.code) == ["1", "2", "3"])

            // The agency head opens the unit's survey with the built-in questionnaire; staff may not.
            let instrument = try #require(try await client(head).listInstruments(.init(purpose: .ikm)).instruments.first { $0.builtIn })
            #expect(Set(instrument.questions.map(\.ikmElement).filter { $0 > 0 }) == Set(1...9))
            let survey = Binakarier_Feedback_V1_Campaign(
                title: "Survei Kepuasan Masyarakat Unit Layanan Terpadu \(year)", instrumentCode: instrument.code, instrumentVersion: instrument.version,
                audience: .init(kind: .public, agencyCode: agency, unitCode: "LYN"), anonymous: true)
            #expect(await code { try await client(staff).openCampaign(.init(campaign: survey)) } == .permissionDenied)
            let campaign = try await client(head).openCampaign(.init(campaign: survey))
            #expect(campaign.purpose == .ikm && campaign.state == .open && campaign.anonymous)
            #expect(try await anonymous.listPublicCampaigns(.init(agencyCode: agency, unitCode: "LYN")).campaigns.map(\.id) == [campaign.id])

            // Online, without a login, from the counters' QR codes (and one from the unit's own poster).
            for questionnaire in Self.questionnaires where !questionnaire.paper {
                _ = try await anonymous.submitPublicResponse(.init(
                    campaignId: campaign.id, answers: Self.answers(instrument, questionnaire.scores), profile: Self.profile(questionnaire),
                    counterCode: questionnaire.counter))
            }
            #expect(await code {
                try await anonymous.submitPublicResponse(.init(campaignId: campaign.id, answers: Self.answers(instrument, [4, 4, 4, 4, 4, 4, 4, 4, 4]), counterCode: "9"))
            } == .invalidArgument, "not a counter of the unit")

            // Paper questionnaires, typed in by the unit's staff: all or none, and not by others.
            let paper = Self.questionnaires.filter(\.paper).map {
                Binakarier_Feedback_V1_PaperResponse(answers: Self.answers(instrument, $0.scores), profile: Self.profile($0), counterCode: $0.counter)
            }
            var broken = paper
            broken[1].answers[0].number = 5
            #expect(await code { try await client(staff).submitPaperResponses(.init(campaignId: campaign.id, responses: broken)) } == .invalidArgument)
            #expect(await code { try await client(colleague).submitPaperResponses(.init(campaignId: campaign.id, responses: paper)) } == .permissionDenied)
            #expect(await code { try await anonymous.submitPaperResponses(.init(campaignId: campaign.id, responses: paper)) } == .unauthenticated)
            #expect(try await client(staff).submitPaperResponses(.init(campaignId: campaign.id, responses: paper)).accepted == 3)

            // While the survey runs, nothing of it is counted in the publication.
            let running = try await client(head).getIkmReport(.init(agencyCode: agency, unitCode: "LYN", year: year))
            #expect(running.campaigns.map(\.id) == [campaign.id] && running.campaignsCounted == 0 && running.index == 0 && running.elements.isEmpty, "\(running)")

            _ = try await client(head).closeCampaign(.init(id: campaign.id))
            #expect(await code { try await client(staff).submitPaperResponses(.init(campaignId: campaign.id, responses: paper)) } == .failedPrecondition,
                    "paper answers are typed in while the survey runs")

            // The follow-up plan (RTL): an item for the slowest element becomes an action item with an owner.
            let dueDate = "\(year + 1)-03-31"
            let planItem = try await client(head).createAction(.init(action: .init(
                title: "Percepatan waktu penyelesaian layanan", source: .ikm, sourceId: "IKM/\(agency)/LYN/\(year)/U3",
                agencyCode: agency, ownerNip: ClusterPeople.supervisor.nip, dueDate: dueDate)))
            #expect(planItem.source == .ikm && planItem.state == .open && planItem.ownerNip == ClusterPeople.supervisor.nip)
            let actions = try await client(head).listActions(.init(agencyCode: agency)).actions
            #expect(actions.contains { $0.id == planItem.id && $0.source == .ikm && $0.dueDate == dueDate })
            #expect(try await client(supervisor).listActions(.init(mine: true)).actions.map(\.id).contains(planItem.id))

            // The publication, worked out here from the answers sent.
            let all = Self.questionnaires.map(\.scores)
            let nrr = Self.nrr(all)
            let expectedIndex = Self.roundedToCents(Self.index(nrr))
            let expectedGrade = Self.grade(Self.index(nrr))
            #expect(expectedIndex == 79.01 && expectedGrade.grade == "B", "the worked example itself")
            #expect(await code { try await client(staff).getIkmReport(.init(agencyCode: agency, unitCode: "LYN", year: year)) } == .permissionDenied)
            #expect(await code { try await client(head).getIkmReport(.init(agencyCode: agency, unitCode: "TIDAKADA", year: year)) } == .notFound)
            let report = try await client(head).getIkmReport(.init(agencyCode: agency, unitCode: "LYN", year: year))
            #expect(report.agencyCode == agency && report.unitCode == "LYN" && report.unitName == "Unit Layanan Terpadu" && report.year == year)
            #expect(report.campaignsCounted == 1 && report.respondents == 9 && report.online == 6 && report.paper == 3, "\(report)")
            #expect(report.k == 5 && !report.suppressed)
            #expect(abs(report.weight - 1.0 / 9) < 1e-9)
            // Rounded only at the end: rounding each NRR to two places first would give 79.00, the 0.111 weight 78.92.
            #expect(Self.roundedToCents(report.index) == expectedIndex && abs(report.index - Self.index(nrr)) < 0.005, "index \(report.index)")
            #expect(report.grade == expectedGrade.grade && report.gradeLabel.lowercased() == expectedGrade.label, "\(report.grade) \(report.gradeLabel)")
            #expect(report.elements.map(\.element) == Array(1...9) && report.elements.map(\.code) == (1...9).map { "U\($0)" })
            for element in report.elements where (1...9).contains(element.element) {
                let value = nrr[Int(element.element) - 1]
                #expect(abs(element.nrr - value) < 1e-6, "U\(element.element) NRR \(element.nrr), expected \(value)")
                #expect(abs(element.weighted - value / 9) < 1e-6, "U\(element.element) weighted \(element.weighted)")
                #expect(abs(element.converted - value * 25) < 0.005, "U\(element.element) converted \(element.converted)")
                #expect(element.grade == Self.grade(value * 25).grade, "U\(element.element) graded \(element.grade) at \(value * 25)")
                #expect(!element.name.isEmpty)
            }
            // U8 (complaint handling, NRR 2.33) is the lowest and flagged; U4 (cost, 3.89) the highest and not.
            #expect(report.elements.first { $0.element == 8 }?.lowest == true)
            #expect(report.elements.first { $0.element == 4 }?.lowest == false)
            let flagged = report.elements.filter(\.lowest).map(\.nrr)
            let unflagged = report.elements.filter { !$0.lowest }.map(\.nrr)
            #expect((flagged.max() ?? 0) <= (unflagged.min() ?? 5), "the flagged are the lowest")

            // Per counter: counter 1 has five answers (three online, two on paper), shown with its own
            // index; counter 2 has two, under k, hidden.
            let counterOne = try #require(report.counters.first { $0.code == "1" }, "\(report.counters)")
            let onCounterOne = Self.questionnaires.filter { $0.counter == "1" }.map(\.scores)
            #expect(counterOne.respondents == 5 && !counterOne.suppressed && counterOne.name == "Loket Pendaftaran")
            #expect(Self.roundedToCents(counterOne.index) == Self.roundedToCents(Self.index(Self.nrr(onCounterOne))) && counterOne.grade == "B", "\(counterOne)")
            let counterTwo = try #require(report.counters.first { $0.code == "2" }, "\(report.counters)")
            #expect(counterTwo.respondents == 2 && counterTwo.suppressed && counterTwo.index == 0 && counterTwo.grade.isEmpty, "\(counterTwo)")

            // The respondents' profile: no cell under k is shown, and never one hidden alone.
            #expect(Set(report.profile.map(\.dimension)) == ["umur", "jenis_kelamin", "pendidikan", "pekerjaan"])
            for group in report.profile {
                for count in group.counts where !count.suppressed {
                    #expect(count.respondents == 0 || count.respondents >= 5, "\(group.dimension) \(count.label): \(count.respondents)")
                }
                #expect(group.counts.filter(\.suppressed).count != 1, "\(group.dimension): a single hidden cell is the total minus the others")
            }
            let education = try #require(report.profile.first { $0.dimension == "pendidikan" })
            let bachelor = try #require(education.counts.first { $0.label == "D4/S1" }, "\(education)")
            #expect(bachelor.respondents == 9 && abs(bachelor.percent - 100) < 1e-9 && !bachelor.suppressed)
            let gender = try #require(report.profile.first { $0.dimension == "jenis_kelamin" })
            #expect(gender.counts.first { $0.label == "Perempuan" }?.suppressed == true, "6 women beside 3 men would give the 3 away: \(gender)")

            // The plan and the trend.
            #expect(report.plan.map(\.id) == [planItem.id] && report.plan.first?.sourceId == "IKM/\(agency)/LYN/\(year)/U3")
            let thisYear = try #require(report.trend.last)
            #expect(thisYear.year == year && thisYear.respondents == 9 && !thisYear.suppressed && thisYear.index == report.index && thisYear.grade == "B")

            // The unit's head reads the same; the campaign's own results agree.
            let forUnitHead = try await client(supervisor).getIkmReport(.init(agencyCode: agency, unitCode: "LYN", year: year))
            #expect(forUnitHead.index == report.index && forUnitHead.respondents == 9)
            let results = try await client(head).getResults(.init(campaignId: campaign.id))
            #expect(results.ikm?.respondents == 9 && results.ikm?.index == expectedIndex && results.ikm?.grade == "B", "\(String(describing: results.ikm))")
            if let ikm = results.ikm { #expect(zip(ikm.nrr, nrr).allSatisfy { abs($0 - $1) < 1e-6 } && ikm.nrr.count == 9) }
        }
    }
}
