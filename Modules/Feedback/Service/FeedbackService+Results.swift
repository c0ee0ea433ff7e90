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
        } else if !request.campaignIds.isEmpty {
            var seen = Set<String>()
            let ids = request.campaignIds.filter { seen.insert($0).inserted }  // a repeated id would count twice
            guard ids.count <= 1000 else {
                throw FeedbackError.invalid(field: "campaign_ids", reason: .init(
                    id: "paling banyak 1000 kampanye sekaligus", en: "at most 1000 campaigns at once"))
            }
            guard request.purpose == .unspecified, request.sessionId.isEmpty, request.programCode.isEmpty, request.agencyCode.isEmpty else {
                throw FeedbackError.invalid(field: "campaign_ids", reason: .init(
                    id: "daftar kampanye tidak digabung dengan tujuan, angkatan, program atau perangkat daerah",
                    en: "a list of campaigns is not combined with a purpose, session, program or agency"))
            }
            var found: [Campaign] = []
            for id in ids {
                guard let campaign = try await store.campaign(id: id) else { throw FeedbackError.noCampaign(id) }
                found.append(campaign)
            }
            campaigns = found
            scope = "kampanye " + ids.joined(separator: " ")
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
        // What may be summed: anonymous campaigns once closed (live results would give each new answer
        // away as a difference), and only campaigns of k responses or more (one under k, summed with
        // others, would come out as the difference of two scopes).
        let eligible = campaigns.filter { (!$0.anonymous || $0.state == .closed) && $0.responses >= Int32(k) }
        let ids = eligible.map(\.id)
        let responses = try await store.responseCount(campaigns: ids)
        results.audienceSize = Int32(campaigns.reduce(0) { $0 + Int($1.audienceSize) })
        results.responses = Int32(campaigns.reduce(0) { $0 + Int($1.responses) })
        results.responseRate = results.audienceSize > 0 ? Double(results.responses) * 100 / Double(results.audienceSize) : 0
        results.actionIds = try await store.actionIDs(sources: campaigns.map(\.id))
        guard responses >= k else {
            results.suppressed = true
            return results
        }
        let ordered = try await questions(of: eligible)
        let counts = try await store.counts(campaigns: ids)
        let texts = try await store.texts(campaigns: ids)
        results.items = Self.items(ordered, counts: counts, texts: texts, k: k, rules: configuration)

        switch purpose {
        case .ikm:
            results.ikm = Self.ikm(counts, questions: ordered, respondents: responses)
        case .preTest, .postTest:
            let learning = try await learning(for: eligible)
            // Pairs are people: fewer than k and the means would be theirs.
            results.learning = learning.paired >= Int32(k) ? learning : .init(paired: learning.paired)
        case .followUpSelf, .followUpSupervisor:
            results.followUp = try await followUp(for: eligible, k: k)
        default:
            break
        }
        return results
    }

    /// The questions the campaigns asked, as the newest version words them (answers point at ids).
    func questions(of campaigns: [Campaign]) async throws -> [Question] {
        var instruments: [String: Instrument] = [:]
        for campaign in campaigns where instruments["\(campaign.instrumentCode)/\(campaign.instrumentVersion)"] == nil {
            instruments["\(campaign.instrumentCode)/\(campaign.instrumentVersion)"] = try await store.instrument(code: campaign.instrumentCode, version: campaign.instrumentVersion)
        }
        var seen = Set<String>()
        return instruments.values.sorted { $0.version > $1.version }.flatMap(\.questions).filter { seen.insert($0.id).inserted }
    }

    /// Per question, from the running counts: answers, mean, distribution, NPS, before/after means,
    /// texts (shuffled, only from k answers on), facilitator rows (each hidden under k); `weak` by the rules.
    static func items(
        _ questions: [Question], counts: [FeedbackStore.Count], texts: [String: [String]], k: Int, rules: Configuration
    ) -> [Binakarier_Feedback_V1_ItemResult] {
        let byQuestion = Dictionary(grouping: counts, by: \.question)
        var items: [Binakarier_Feedback_V1_ItemResult] = []
        for question in questions {
            let rows = byQuestion[question.id] ?? []
            func answered(_ facilitator: String = "") -> Int { rows.first { $0.value == FeedbackStore.answeredMarker && $0.facilitator == facilitator }?.count ?? 0 }
            func count(_ value: Int, _ facilitator: String = "") -> Int { rows.first { $0.value == value && $0.facilitator == facilitator }?.count ?? 0 }
            var item = Binakarier_Feedback_V1_ItemResult(questionId: question.id, text: question.text, kind: question.kind, answers: Int32(answered()))
            // An optional question fewer than k answered: its count only.
            if question.kind != .facilitatorRating, question.kind != .shortText, question.kind != .longText, answered() < k {
                items.append(item)
                continue
            }
            switch question.kind {
            case .likert4, .likert5, .nps:
                let range = question.kind == .likert4 ? 1...4 : question.kind == .likert5 ? 1...5 : 0...10
                item.distribution = range.map { Int32(count($0)) }
                let n = range.reduce(0) { $0 + count($1) }
                item.mean = n == 0 ? 0 : Double(range.reduce(0) { $0 + $1 * count($1) }) / Double(n)
                if question.kind == .nps, n > 0 {
                    item.nps = Double((9...10).reduce(0) { $0 + count($1) } - (0...6).reduce(0) { $0 + count($1) }) * 100 / Double(n)
                }
                item.weak = n > 0 && (
                    (question.kind == .likert4 && item.mean < rules.weakLikert4) || (question.kind == .likert5 && item.mean < rules.weakLikert5)
                        || (question.kind == .nps && item.nps < rules.weakNPS))
                items.append(item)
            case .number:
                let total = rows.first { $0.value == FeedbackStore.answeredMarker }?.total ?? 0
                item.mean = item.answers == 0 ? 0 : total / Double(item.answers)
                items.append(item)
            case .singleChoice, .multipleChoice, .testItem:
                item.distribution = question.options.indices.map { Int32(count($0)) }
                items.append(item)
            case .beforeAfter:
                let pairs = rows.filter { $0.value >= 10 }
                let n = pairs.reduce(0) { $0 + $1.count }
                item.beforeMean = n == 0 ? 0 : Double(pairs.reduce(0) { $0 + $1.value / 10 * $1.count }) / Double(n)
                item.afterMean = n == 0 ? 0 : Double(pairs.reduce(0) { $0 + $1.value % 10 * $1.count }) / Double(n)
                items.append(item)
            case .shortText, .longText:
                // Shuffled: the order of answers must not follow the order of respondents.
                let given = texts[question.id] ?? []
                item.answers = Int32(given.count)
                item.texts = given.count >= k ? given.shuffled() : []
                items.append(item)
            case .facilitatorRating:
                for facilitator in Set(rows.map(\.facilitator)).sorted() where answered(facilitator) >= k {
                    var row = item
                    row.facilitator = facilitator
                    row.answers = Int32(answered(facilitator))
                    row.distribution = (1...5).map { Int32(count($0, facilitator)) }
                    row.mean = Double((1...5).reduce(0) { $0 + $1 * count($1, facilitator) }) / Double(max(1, (1...5).reduce(0) { $0 + count($1, facilitator) }))
                    row.weak = row.mean < rules.weakLikert5
                    items.append(row)
                }
            default:
                break
            }
        }
        return items
    }

    /// IKM from the running counts: NRR_i = the sum of element i's scores / respondents.
    static func ikm(_ counts: [FeedbackStore.Count], questions: [Question], respondents: Int) -> Binakarier_Feedback_V1_IkmResult {
        let element = Dictionary(questions.filter { $0.ikmElement > 0 }.map { ($0.id, Int($0.ikmElement)) }, uniquingKeysWith: { first, _ in first })
        var sums: [Int: Double] = [:]
        for row in counts where row.value >= 1 {
            if let index = element[row.question] { sums[index, default: 0] += Double(row.value * row.count) }
        }
        return ResultMath.ikm(sums: sums, respondents: respondents)
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
            let responses = try await store.responseCount(campaigns: group.map(\.id))
            guard responses >= k else { continue }
            let counts = try await store.counts(campaigns: group.map(\.id))
            let likert = counts.filter { $0.value >= 1 && [.likert4, .likert5].contains(questions[$0.question]?.kind) }
            let n = likert.reduce(0) { $0 + $1.count }
            let mean = n == 0 ? 0 : Double(likert.reduce(0) { $0 + $1.value * $1.count }) / Double(n)
            let pairs = counts.filter { $0.value >= 10 && questions[$0.question]?.kind == .beforeAfter }
            let m = pairs.reduce(0) { $0 + $1.count }
            let shift = m == 0 ? 0 : Double(pairs.reduce(0) { $0 + ($1.value % 10 - $1.value / 10) * $1.count }) / Double(m)
            if purpose == .followUpSelf {
                (result.selfMean, result.selfResponses, result.selfShift) = (mean, Int32(responses), shift)
            } else {
                (result.supervisorMean, result.supervisorResponses, result.supervisorShift) = (mean, Int32(responses), shift)
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
