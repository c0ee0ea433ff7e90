import BKProto
import BKRPC
import BKServiceKit
import Foundation

extension FeedbackService {
    public func getResults(_ request: Binakarier_Feedback_V1_GetResultsRequest, context: RPCServerContext) async throws -> Results {
        let caller = try context.requireCaller()
        let campaigns: [Campaign]
        let scope: String
        if !request.campaignId.isEmpty {
            guard let campaign = try await store.campaign(id: request.campaignId) else { throw FeedbackError.noCampaign(request.campaignId) }
            campaigns = [campaign]
            scope = "kampanye \(campaign.id)"
        } else {
            guard request.purpose != .unspecified, !request.sessionId.isEmpty || !request.programCode.isEmpty || !request.agencyCode.isEmpty else {
                throw FeedbackError.invalid(field: "campaign_id", reason: .init(
                    id: "sebutkan kampanye, atau tujuan dengan angkatan, program atau perangkat daerah",
                    en: "name a campaign, or a purpose with a session, program or agency"))
            }
            campaigns = try await store.campaigns(
                sessionID: request.sessionId.uppercased(), programCode: request.programCode.uppercased(), agencyCode: request.agencyCode.uppercased(),
                state: .unspecified, purpose: request.purpose, from: request.fromUnix, to: request.toUnix, after: nil, limit: 100_000)
            scope = [request.sessionId, request.programCode, request.agencyCode].filter { !$0.isEmpty }.joined(separator: " ").uppercased()
        }
        if !Self.isOrganizer(caller) {
            guard !caller.agencyCode.isEmpty, campaigns.allSatisfy({ $0.agencyCode == caller.agencyCode }) else {
                throw FeedbackError.permissionDenied(.init(
                    id: "hasil ini bukan milik perangkat daerah Anda", en: "these results are not your agency's"))
            }
        }
        return try await results(of: campaigns, scope: scope)
    }

    /// The results of campaigns of one purpose: aggregates only, hidden under k respondents.
    func results(of campaigns: [Campaign], scope: String) async throws -> Results {
        let k = configuration.minimumGroup
        var results = Results(scope: scope, k: Int32(k))
        guard let purpose = campaigns.first?.purpose else { results.suppressed = true; return results }
        guard campaigns.allSatisfy({ $0.purpose == purpose }) else {
            throw FeedbackError.invalid(field: "purpose", reason: .init(id: "hasil tidak mencampur tujuan formulir", en: "results do not mix purposes"))
        }
        results.purpose = purpose
        let responses = try await store.responses(campaigns: campaigns.map(\.id))
        results.audienceSize = Int32(campaigns.reduce(0) { $0 + Int($1.audienceSize) })
        results.responses = Int32(responses.count)
        results.responseRate = results.audienceSize > 0 ? Double(results.responses) * 100 / Double(results.audienceSize) : 0
        for campaign in campaigns {
            results.actionIds += try await store.actions(
                agencyCode: "", state: .unspecified, overdueOnly: false, owner: "", sourceID: campaign.id, after: nil, limit: 100
            ).map(\.id)
        }
        guard responses.count >= k else {
            results.suppressed = true
            return results
        }
        // The questions as the newest version asked them (answers point at question ids).
        var instruments: [String: Instrument] = [:]
        for campaign in campaigns where instruments["\(campaign.instrumentCode)/\(campaign.instrumentVersion)"] == nil {
            instruments["\(campaign.instrumentCode)/\(campaign.instrumentVersion)"] = try await store.instrument(code: campaign.instrumentCode, version: campaign.instrumentVersion)
        }
        let questions = instruments.values.sorted { $0.version > $1.version }.flatMap(\.questions)
        var seen = Set<String>()
        let ordered = questions.filter { seen.insert($0.id).inserted }
        results.items = Self.items(ordered, responses.map(\.answers), k: k, rules: configuration)

        switch purpose {
        case .ikm:
            results.ikm = Self.ikm(responses.map(\.answers), questions: ordered)
        case .preTest, .postTest:
            results.learning = try await learning(for: campaigns)
        case .followUpSelf, .followUpSupervisor:
            results.followUp = try await followUp(for: campaigns, k: k)
        default:
            break
        }
        return results
    }

    /// Per question: count, mean, distribution, NPS, before/after means, texts (shuffled), facilitator
    /// rows (each hidden under k); `weak` by the rules.
    static func items(_ questions: [Question], _ answerSets: [[Answer]], k: Int, rules: Configuration) -> [Binakarier_Feedback_V1_ItemResult] {
        var byQuestion: [String: [Answer]] = [:]
        for answers in answerSets { for answer in answers { byQuestion[answer.questionId, default: []].append(answer) } }
        var items: [Binakarier_Feedback_V1_ItemResult] = []
        for question in questions {
            let answers = byQuestion[question.id] ?? []
            var item = Binakarier_Feedback_V1_ItemResult(questionId: question.id, text: question.text, kind: question.kind, answers: Int32(answers.count))
            switch question.kind {
            case .likert4, .likert5, .nps, .number:
                let values = answers.map(\.number)
                item.mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
                if question.kind != .number {
                    let range = question.kind == .likert4 ? 1...4 : question.kind == .likert5 ? 1...5 : 0...10
                    item.distribution = range.map { value in Int32(values.count { Int($0) == value }) }
                }
                if question.kind == .nps { item.nps = ResultMath.nps(values) }
                item.weak = !values.isEmpty && (
                    (question.kind == .likert4 && item.mean < rules.weakLikert4) || (question.kind == .likert5 && item.mean < rules.weakLikert5)
                        || (question.kind == .nps && item.nps < rules.weakNPS))
                items.append(item)
            case .singleChoice, .multipleChoice, .testItem:
                item.distribution = question.options.indices.map { index in Int32(answers.count { $0.choices.contains(Int32(index)) }) }
                items.append(item)
            case .beforeAfter:
                item.beforeMean = answers.isEmpty ? 0 : Double(answers.reduce(0) { $0 + Int($1.before) }) / Double(answers.count)
                item.afterMean = answers.isEmpty ? 0 : Double(answers.reduce(0) { $0 + Int($1.after) }) / Double(answers.count)
                items.append(item)
            case .shortText, .longText:
                // Shuffled: the order of answers must not follow the order of respondents.
                item.texts = answers.count >= k ? answers.map(\.text).shuffled() : []
                items.append(item)
            case .facilitatorRating:
                let byFacilitator = Dictionary(grouping: answers, by: \.facilitator)
                for (facilitator, ratings) in byFacilitator.sorted(by: { $0.key < $1.key }) where ratings.count >= k {
                    var row = item
                    row.facilitator = facilitator
                    row.answers = Int32(ratings.count)
                    row.mean = ratings.reduce(0) { $0 + $1.number } / Double(ratings.count)
                    row.distribution = (1...5).map { value in Int32(ratings.count { Int($0.number) == value }) }
                    row.weak = row.mean < rules.weakLikert5
                    items.append(row)
                }
            default:
                break
            }
        }
        return items
    }

    static func ikm(_ answerSets: [[Answer]], questions: [Question]) -> Binakarier_Feedback_V1_IkmResult {
        let element = Dictionary(questions.filter { $0.ikmElement > 0 }.map { ($0.id, Int($0.ikmElement)) }, uniquingKeysWith: { first, _ in first })
        let perRespondent = answerSets.map { answers in
            Dictionary(answers.compactMap { answer in element[answer.questionId].map { ($0, answer.number) } }, uniquingKeysWith: { first, _ in first })
        }
        return ResultMath.ikm(perRespondent)
    }

    /// L2 of the sessions the campaigns cover: each participant's pre- and post-test paired (tests are
    /// identified).
    func learning(for campaigns: [Campaign]) async throws -> Binakarier_Feedback_V1_LearningResult {
        var pre: [String: Double] = [:]
        var post: [String: Double] = [:]
        var passMark = 0.0
        for session in Set(campaigns.compactMap { $0.audience?.sessionId }.filter { !$0.isEmpty }) {
            let tests = try await store.campaigns(sessionID: session, programCode: "", agencyCode: "", state: .unspecified, after: nil, limit: 100)
                .filter { $0.purpose == .preTest || $0.purpose == .postTest }
            for campaign in tests {
                if campaign.purpose == .postTest, let instrument = try await store.instrument(code: campaign.instrumentCode, version: campaign.instrumentVersion) {
                    passMark = instrument.passMark
                }
                for response in try await store.responses(campaigns: [campaign.id]) where !response.respondent.isEmpty {
                    let key = "\(session)/\(response.respondent)"
                    if campaign.purpose == .preTest { pre[key] = response.score ?? 0 } else { post[key] = response.score ?? 0 }
                }
            }
        }
        let pairs = pre.keys.sorted().compactMap { key in post[key].map { (pre: pre[key] ?? 0, post: $0) } }
        return ResultMath.learning(pairs: pairs, passMark: passMark)
    }

    /// L3: the participants' own and their supervisors' follow-ups for the same sessions, side by side.
    func followUp(for campaigns: [Campaign], k: Int) async throws -> Binakarier_Feedback_V1_FollowUpResult {
        var result = Binakarier_Feedback_V1_FollowUpResult()
        var all: [Campaign] = campaigns
        for session in Set(campaigns.compactMap { $0.audience?.sessionId }.filter { !$0.isEmpty }) {
            all += try await store.campaigns(sessionID: session, programCode: "", agencyCode: "", state: .unspecified, after: nil, limit: 100)
        }
        var seen = Set<String>()
        all = all.filter { seen.insert($0.id).inserted }
        for purpose in [Purpose.followUpSelf, .followUpSupervisor] {
            let group = all.filter { $0.purpose == purpose }
            var questions: [String: Question] = [:]
            for campaign in group {
                for question in try await store.instrument(code: campaign.instrumentCode, version: campaign.instrumentVersion)?.questions ?? [] {
                    questions[question.id] = question
                }
            }
            let responses = try await store.responses(campaigns: group.map(\.id))
            guard responses.count >= k else { continue }
            let likert = responses.flatMap(\.answers).filter { [.likert4, .likert5].contains(questions[$0.questionId]?.kind) }
            let mean = likert.isEmpty ? 0 : likert.reduce(0) { $0 + $1.number } / Double(likert.count)
            let pairs = responses.flatMap(\.answers).filter { questions[$0.questionId]?.kind == .beforeAfter }
            let shift = pairs.isEmpty ? 0 : Double(pairs.reduce(0) { $0 + Int($1.after) - Int($1.before) }) / Double(pairs.count)
            if purpose == .followUpSelf {
                (result.selfMean, result.selfResponses, result.selfShift) = (mean, Int32(responses.count), shift)
            } else {
                (result.supervisorMean, result.supervisorResponses, result.supervisorShift) = (mean, Int32(responses.count), shift)
            }
        }
        return result
    }

    /// Whether results call for an action, and why (in Indonesian, for the action's title).
    func weakness(of results: Results) -> String? {
        if results.suppressed { return nil }
        if let ikm = results.ikm, ikm.respondents > 0, ikm.grade == "C" || ikm.grade == "D" {
            return "IKM \(String(format: "%.2f", ikm.index)) (mutu \(ikm.grade))"
        }
        if let learning = results.learning, learning.paired > 0, learning.classGain < configuration.weakGain {
            return "gain kelas \(String(format: "%.2f", learning.classGain)) di bawah \(configuration.weakGain)"
        }
        let weak = results.items.filter(\.weak)
        guard !weak.isEmpty else { return nil }
        return weak.prefix(3).map { item in
            item.kind == .nps ? "NPS \(String(format: "%.0f", item.nps))" : "\(item.questionId) rata-rata \(String(format: "%.2f", item.mean))"
        }.joined(separator: ", ")
    }
}
