import BKProto
import BKTestSupport
import Identity

/// The demo year of feedback worked out before any call, from the city, its programme year and
/// generators derived from the city's seed, so that every load plans the same answers: who answers
/// which reaction (L1) form and what, the follow-ups (L3) of a few older sessions, the public's IKM
/// answers for each service unit and semester, and the dialogues of the Head of the Health Office
/// with who speaks, who supports what and who owns each action item.
///
/// Answering needs a login, and the demo city has accounts for three people only: the plan picks its
/// respondents within `DemoFeedback.accountBudget` people (for whom the loader creates accounts),
/// preferring people who already answer something, so that a few hundred accounts cover as many
/// sessions as they can. Sessions are taken in this order: the two made weak, sessions old enough
/// for a follow-up, the latest session of each program (health programs first, then the founding
/// text's), then the rest, newest first; each gets answers from about three in four of those who
/// attended.
///
/// Results come out as intended by construction: after drawing, answers are nudged one step at a time
/// until every Likert item of a normal session has a mean of at least 3.1 (of 4), its NPS is at least
/// +10 and each facilitator at least 3.9 (of 5), so that no weak-result action follows; for the two
/// weak sessions every Likert item stays under 2.9 and the NPS under −20, so that one does. IKM
/// answers are nudged to the index planned for the unit and semester.
struct DemoFeedbackPlan: Sendable {
    typealias Answer = Binakarier_Feedback_V1_Answer
    typealias Session = DemoProgramsPlan.PlannedSession

    struct Response: Sendable {
        /// Who answers; empty for a public answer.
        var nip: String = ""
        /// Supervisor follow-ups: the staff member the answers are about.
        var subject: String = ""
        var answers: [Answer] = []
        /// IKM: the respondent's profile (sex, age band, education, occupation), never a name.
        var profile = Binakarier_Feedback_V1_RespondentProfile()
        /// IKM: the counter (loket) whose QR code was scanned; empty: the unit's own.
        var counter: String = ""
        /// IKM: a paper questionnaire, typed in by the unit's staff.
        var paper = false
    }

    struct Reaction: Sendable {
        let session: Session
        let weak: Bool
        let responses: [Response]
        var key: String { DemoFeedbackPlan.key(session) }
        var lastDay: DemoDay { DemoFeedbackPlan.lastDay(session) }
    }

    struct FollowUp: Sendable {
        let session: Session
        /// Which wave the demo's today falls in (60 or 90 days after the session).
        let wave: Int32
        let participants: [Response]
        let supervisors: [Response]
        var key: String { DemoFeedbackPlan.key(session) }
    }

    struct Survey: Sendable {
        let unit: DemoFeedback.ServiceUnit
        let semester: Int
        let title: String
        /// The IKM the answers give (PermenPANRB 14/2017).
        let index: Double
        let responses: [Response]
    }

    struct Action: Sendable {
        let owner: String
        let due: String
        let state: Binakarier_Feedback_V1_ActionState
        let notes: [String]
        let evidence: String
        let reason: String
    }

    struct Aspiration: Sendable {
        let category: String
        let text: String
        let anonymous: Bool
        let author: String
        let supporters: [String]
        let answer: String
        let action: Action?
    }

    struct Direction: Sendable {
        let text: String
        let action: Action?
    }

    struct Dialogue: Sendable {
        let topic: String
        let date: String
        let time: String
        let venue: String
        let aspirations: [Aspiration]
        let directions: [Direction]
        let summary: String
    }

    /// Every completed session of a program that evaluates reaction and had someone attend: the
    /// scheduler opens a reaction form for each (programs key: program code and first day).
    let reactionKeys: [String]
    /// The sessions whose reaction forms the demo answers.
    let reactions: [Reaction]
    let followUps: [FollowUp]
    let surveys: [Survey]
    let dialogues: [Dialogue]
    /// The head of Dinas Kesehatan, who holds the dialogues.
    let head: String
    /// People the plan logs in as (at most the budget, with the three who have accounts already).
    let people: Int

    static func key(_ session: Session) -> String { DemoProgramsLoader.key(session.spec.code, session.firstDate) }
    static func lastDay(_ session: Session) -> DemoDay { session.dates[session.dates.count - 1] }

    /// Those who attended at least once (the scheduler's audience: enrolled with some attendance).
    static func attendees(_ session: Session) -> [String] {
        session.participants.filter { $0.attendance.contains { $0 == .hadir || $0 == .terlambat } }.map(\.nip)
    }

    init(city: DemoCity, programs: DemoProgramsPlan, budget: Int = DemoFeedback.accountBudget) {
        let seed = city.seed
        let people = Dictionary(city.employees.map { ($0.nip, $0) }, uniquingKeysWith: { first, _ in first })
        // The three demo accounts find their own forms waiting when they log in.
        let reserved = Set(DemoFeedback.dinkesAccounts(city).map(\.nip))

        let dialoguePlan = Self.dialogues(city: city, seed: seed)
        self.dialogues = dialoguePlan.dialogues
        self.head = dialoguePlan.head
        var pool = dialoguePlan.people

        let completed = programs.sessions.filter {
            $0.fate == .complete && $0.spec.evaluation.contains(.reaction) && !Self.attendees($0).isEmpty
        }
        self.reactionKeys = completed.map { Self.key($0) }

        // The order in which sessions are considered.
        var weakKeys = Set<String>()
        var order: [Session] = []
        var ordered = Set<String>()
        func add(_ session: Session) {
            if ordered.insert(Self.key(session)).inserted { order.append(session) }
        }
        for code in DemoFeedback.weakPrograms where weakKeys.count < 2 {
            if let session = completed.first(where: { $0.spec.code == code && Self.attendees($0).count >= 12 }) {
                weakKeys.insert(Self.key(session))
                add(session)
            }
        }
        let health: Set<String> = [
            "BIMTEK-PROMKES", "COACH-DIALOG-DINKES", "LAT-PPGD", "LAT-KOMUNIKASI-PASIEN", "LAT-KESELAMATAN-PASIEN", "SEM-KESEHATAN-MENTAL",
        ]
        let founding: Set<String> = ["LAT-MANWAKTU", "SEM-KEPEMIMPINAN", "LOK-KOTA-BERKELANJUTAN", "BIMTEK-RPP"]
        var ranked: [(rank: Int, position: Int, code: String)] = []
        for (position, spec) in DemoPrograms.catalogue.enumerated() {
            let rank = health.contains(spec.code) ? 0 : founding.contains(spec.code) ? 1 : 2
            ranked.append((rank: rank, position: position, code: spec.code))
        }
        let codes = ranked.sorted { ($0.rank, $0.position) < ($1.rank, $1.position) }.map { $0.code }
        var followUpCandidates = Set<String>()
        for code in codes {
            guard let spec = DemoPrograms.catalogue.first(where: { $0.code == code }), spec.evaluation.contains(.behaviour) else { continue }
            if let session = completed.last(where: {
                $0.spec.code == code && Self.lastDay($0) < DemoFeedback.followUpBefore && !weakKeys.contains(Self.key($0))
                    && Self.attendees($0).count >= 8
            }) {
                followUpCandidates.insert(Self.key(session))
                add(session)
            }
        }
        for code in codes {
            if let session = completed.last(where: { $0.spec.code == code }) { add(session) }
        }
        for session in completed.reversed() { add(session) }

        // Who answers, within the budget.
        var selection = DemoDice(seed: seed, "feedback/selection")
        var reactions: [Reaction] = []
        var followUps: [FollowUp] = []
        for session in order {
            let key = Self.key(session)
            let attended = Self.attendees(session).filter { !reserved.contains($0) }
            guard attended.count >= 5 else { continue }
            let weak = weakKeys.contains(key)
            let rate = weak ? 72 + selection.next(14) : 64 + selection.next(24)
            let count = min(attended.count, max(5, (attended.count * rate + 50) / 100))
            let respondents = Self.choose(count, from: attended, preferring: pool, dice: &selection)
            var added = Set(respondents).subtracting(pool)

            var followUp: (participants: [String], pairs: [(supervisor: String, subject: String)])?
            if followUpCandidates.contains(key), followUps.count < DemoFeedback.followUpSessions {
                let known = pool.union(respondents)
                let selfCount = min(attended.count, max(5, (attended.count * (52 + selection.next(16)) + 50) / 100))
                let participants = Self.choose(selfCount, from: attended, preferring: known, dice: &selection)
                // A supervisor answers for all their staff in the session, or not at all.
                var staffOf: [String: [String]] = [:]
                for nip in attended {
                    guard let supervisor = people[nip]?.supervisorNip, !supervisor.isEmpty, !reserved.contains(supervisor),
                        people[supervisor]?.status == .active
                    else { continue }
                    staffOf[supervisor, default: []].append(nip)
                }
                let supervisors = staffOf.keys.sorted()
                let answering = Self.choose((supervisors.count * 60 + 50) / 100, from: supervisors, preferring: known, dice: &selection)
                var pairs: [(supervisor: String, subject: String)] = []
                for supervisor in answering.sorted() {
                    for subject in staffOf[supervisor] ?? [] { pairs.append((supervisor: supervisor, subject: subject)) }
                }
                let extra = Set(participants).union(answering).subtracting(pool).subtracting(added)
                if pool.count + added.count + extra.count <= budget {
                    followUp = (participants: participants, pairs: pairs)
                    added.formUnion(extra)
                }
            }
            guard pool.count + added.count <= budget else { continue }
            pool.formUnion(added)

            var dice = DemoDice(seed: seed, "reaction/\(key)")
            reactions.append(Reaction(session: session, weak: weak, responses: Self.reactionAnswers(session, respondents, weak: weak, dice: &dice)))
            if let followUp {
                var dice = DemoDice(seed: seed, "follow-up/\(key)")
                let days = DemoPrograms.cutoff.number - Self.lastDay(session).number
                let answers = Self.followUpAnswers(participants: followUp.participants, pairs: followUp.pairs, dice: &dice)
                followUps.append(FollowUp(
                    session: session, wave: days >= 90 ? 90 : 60, participants: answers.participants, supervisors: answers.supervisors))
            }
        }
        // In date order, as the sessions ran.
        self.reactions = reactions.sorted { ($0.lastDay, $0.key) < ($1.lastDay, $1.key) }
        self.followUps = followUps.sorted { (Self.lastDay($0.session), $0.key) < (Self.lastDay($1.session), $1.key) }
        self.surveys = Self.surveys(seed: seed)
        self.people = pool.count
    }

    /// `count` of `candidates`, those in `pool` first, the rest drawn.
    static func choose(_ count: Int, from candidates: [String], preferring pool: Set<String>, dice: inout DemoDice) -> [String] {
        var ranked: [(known: Int, draw: Int, nip: String)] = []
        for nip in candidates { ranked.append((known: pool.contains(nip) ? 0 : 1, draw: dice.next(1 << 30), nip: nip)) }
        ranked.sort { ($0.known, $0.draw, $0.nip) < ($1.known, $1.draw, $1.nip) }
        return ranked.prefix(max(0, count)).map { $0.nip }
    }

    // MARK: drawing answers

    /// One respondent's answers while they are drawn and nudged: by question id.
    struct Draft {
        var numbers: [String: Int] = [:]
        var pairs: [String: (before: Int, after: Int)] = [:]
        /// Facilitator ratings (l1-09) by facilitator.
        var ratings: [String: Int] = [:]
        var texts: [String: String] = [:]
        var choices: [String: Int] = [:]

        /// The answers in the order of `ids` (facilitator ratings in the order of `facilitators`).
        func answers(_ ids: [String], facilitators: [String] = []) -> [Answer] {
            var answers: [Answer] = []
            for id in ids {
                if let number = numbers[id] { answers.append(Answer(questionId: id, number: Double(number))) }
                if let pair = pairs[id] { answers.append(Answer(questionId: id, before: Int32(pair.before), after: Int32(pair.after))) }
                if let text = texts[id] { answers.append(Answer(questionId: id, text: text)) }
                if let choice = choices[id] { answers.append(Answer(questionId: id, choices: [Int32(choice)])) }
                if id == "l1-09" {
                    for facilitator in facilitators {
                        if let rating = ratings[facilitator] {
                            answers.append(Answer(questionId: id, number: Double(rating), facilitator: facilitator))
                        }
                    }
                }
            }
            return answers
        }
    }

    /// 1 to 4 from a roll of 0..<100: `one` and `two` percent of 1s and 2s, `four` percent of 4s.
    static func likert(_ roll: Int, one: Int, two: Int, four: Int) -> Int {
        let one = max(0, one), two = max(0, two), four = min(max(0, four), 95)
        if roll < one { return 1 }
        if roll < one + two { return 2 }
        if roll >= 100 - four { return 4 }
        return 3
    }

    static func mean(_ column: [Int?]) -> Double? {
        let values = column.compactMap { $0 }
        return values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }

    /// Moves answers one step at a time (up: the lowest first; down: the highest first, from `start` on)
    /// until the column's mean reaches `target`, never past `limit`.
    static func nudge(_ column: inout [Int?], to target: Double, up: Bool, limit: Int, start: Int) {
        var steps = 0
        while let current = mean(column), up ? current < target : current > target, steps < 100_000 {
            steps += 1
            var chosen: Int?
            for offset in column.indices {
                let index = (start + offset) % column.count
                guard let value = column[index], up ? value < limit : value > limit else { continue }
                if let best = chosen, let bestValue = column[best], up ? value >= bestValue : value <= bestValue { continue }
                chosen = index
            }
            guard let index = chosen, let value = column[index] else { return }
            column[index] = up ? value + 1 : value - 1
        }
    }

    /// % answering 9–10 minus % answering 0–6.
    static func netPromoter(_ column: [Int?]) -> Double {
        let values = column.compactMap { $0 }
        guard !values.isEmpty else { return 0 }
        return Double(values.count { $0 >= 9 } - values.count { $0 <= 6 }) * 100 / Double(values.count)
    }

    static let reactionIds = ["l1-01", "l1-02", "l1-03", "l1-04", "l1-05", "l1-06", "l1-07", "l1-08", "l1-09", "l1-10", "l1-11", "l1-12",
                              "l1-13", "l1-14", "l1-15"]

    /// L1-STANDAR answers of `respondents`: mostly 3s and 4s, an NPS mostly 7–10 with some detractors,
    /// confidence rising from before to after, a few texts; for a weak session, mostly 2s and 3s,
    /// detractors and complaints.
    static func reactionAnswers(_ session: Session, _ respondents: [String], weak: Bool, dice: inout DemoDice) -> [Response] {
        let spec = session.spec
        let online = spec.online || spec.kind == .eLearning
        let facilitators = session.facilitators.map { $0.nip.isEmpty ? $0.name : $0.nip }
        var useful = DemoFeedback.usefulTexts
        switch spec.kind {
        case .eLearning: useful += DemoFeedback.usefulOnline
        case .seminar: useful += DemoFeedback.usefulSeminar
        case .coaching, .mentoring: useful += DemoFeedback.usefulCoaching
        default: break
        }
        let improve = DemoFeedback.improveTexts + (online ? DemoFeedback.improveOnline : [])
        let complaints = online ? DemoFeedback.weakOnline : DemoFeedback.weakClassroom
        // The session's level: the share of 4s.
        let quality = 30 + dice.next(31)

        var drafts: [Draft] = []
        for _ in respondents {
            var draft = Draft()
            let mood = dice.next(10)  // 0–1 generous, 2 critical
            for item in DemoFeedback.reactionLikert {
                let lean = DemoFeedback.reactionItemLean[item] ?? (four: 0, two: 0)
                var four = weak ? 8 : quality + lean.four
                var two = weak ? 36 + max(0, -lean.four) : 6 + lean.two
                let one = weak ? 8 : 1
                if mood < 2 {
                    four += 20
                    two -= 3
                } else if mood == 2 {
                    four -= 15
                    two += 8
                }
                draft.numbers[item] = likert(dice.next(100), one: one, two: two, four: four)
            }
            if !facilitators.isEmpty, dice.chance(85) {
                for facilitator in facilitators {
                    let roll = dice.next(100)
                    let rating: Int
                    if weak {
                        rating = roll < 15 ? 2 : roll < 55 ? 3 : roll < 90 ? 4 : 5
                    } else {
                        rating = roll < 6 ? 3 : roll < 46 ? 4 : 5
                    }
                    draft.ratings[facilitator] = rating
                }
            }
            var before = 2 + dice.next(2)
            var gain = 1
            if weak {
                gain = dice.chance(40) ? 1 : 0
            } else {
                if dice.chance(15) { before = dice.chance(50) ? 1 : 4 }
                if dice.chance(8) { gain = 0 } else if dice.chance(45) { gain = 2 }
            }
            draft.pairs["l1-11"] = (before: before, after: min(5, before + gain))
            let leading = 2 + dice.next(3)
            let grows = dice.chance(weak ? 25 : 55)
            draft.pairs["l1-12"] = (before: leading, after: min(5, leading + (grows ? 1 : 0)))
            let roll = dice.next(100)
            var nps = weak ? weakRecommendation(roll, &dice) : recommendation(roll, &dice)
            if mood < 2 { nps = min(10, nps + 1) } else if mood == 2 { nps = max(0, nps - 2) }
            draft.numbers["l1-13"] = nps
            if dice.chance(weak ? 20 : 35) { draft.texts["l1-14"] = dice.pick(weak ? DemoFeedback.weakUseful : useful) }
            if dice.chance(weak ? 65 : 22) { draft.texts["l1-15"] = dice.pick(weak ? complaints : improve) }
            drafts.append(draft)
        }

        // Nudge the session to the result it is meant to have.
        let start = dice.next(max(drafts.count, 1))
        for item in DemoFeedback.reactionLikert {
            var column = drafts.map { $0.numbers[item] }
            nudge(&column, to: weak ? 2.85 : 3.12, up: !weak, limit: weak ? 1 : 4, start: start)
            for index in drafts.indices { drafts[index].numbers[item] = column[index] }
        }
        for facilitator in facilitators {
            var column = drafts.map { $0.ratings[facilitator] }
            nudge(&column, to: weak ? 3.2 : 3.9, up: !weak, limit: weak ? 1 : 5, start: start)
            for index in drafts.indices { drafts[index].ratings[facilitator] = column[index] }
        }
        var scores = drafts.map { $0.numbers["l1-13"] }
        if weak {
            while netPromoter(scores) > -20, let index = extreme(scores, highest: true, start: start, where: { $0 >= 7 }) {
                scores[index] = (scores[index] ?? 0) >= 9 ? 7 : 5
            }
        } else {
            while netPromoter(scores) < 10, let index = extreme(scores, highest: false, start: start, where: { $0 <= 8 }) {
                scores[index] = (scores[index] ?? 0) <= 6 ? 8 : 9
            }
        }
        for index in drafts.indices { drafts[index].numbers["l1-13"] = scores[index] }

        return zip(respondents, drafts).map { Response(nip: $0.0, answers: $0.1.answers(reactionIds, facilitators: facilitators)) }
    }

    /// NPS answers of a normal session: half promoters, about one in ten detractors.
    static func recommendation(_ roll: Int, _ dice: inout DemoDice) -> Int {
        switch roll {
        case ..<4: 3 + dice.next(3)
        case ..<10: 6
        case ..<24: 7
        case ..<50: 8
        case ..<76: 9
        default: 10
        }
    }

    static func weakRecommendation(_ roll: Int, _ dice: inout DemoDice) -> Int {
        switch roll {
        case ..<15: 2 + dice.next(3)
        case ..<45: 5 + dice.next(2)
        case ..<70: 7
        case ..<88: 8
        default: 9
        }
    }

    /// The index of the highest (or lowest) value that `matches`, looking from `start` on.
    static func extreme(_ column: [Int?], highest: Bool, start: Int, where matches: (Int) -> Bool) -> Int? {
        var chosen: Int?
        for offset in column.indices {
            let index = (start + offset) % column.count
            guard let value = column[index], matches(value) else { continue }
            if let best = chosen, let bestValue = column[best], highest ? value <= bestValue : value >= bestValue { continue }
            chosen = index
        }
        return chosen
    }

    static let followUpSelfIds = ["l3p-01", "l3p-02", "l3p-03", "l3p-04", "l3p-05", "l3p-06", "l3p-07", "l3p-08", "l3p-09", "l3p-10"]
    static let followUpSupervisorIds = ["l3a-01", "l3a-02", "l3a-03", "l3a-04", "l3a-05", "l3a-06", "l3a-07", "l3a-08", "l3a-09"]

    /// L3-PESERTA answers of `participants` and L3-ATASAN answers of each supervisor about each of their
    /// staff: mostly 3s, participants a little kinder to themselves than their supervisors are.
    static func followUpAnswers(
        participants: [String], pairs: [(supervisor: String, subject: String)], dice: inout DemoDice
    ) -> (participants: [Response], supervisors: [Response]) {
        let selfLevel = 22 + dice.next(14)
        var own: [Draft] = []
        for _ in participants {
            var draft = Draft()
            let mood = dice.next(10)
            for item in DemoFeedback.followUpSelfLikert {
                var four = selfLevel + (item == "l3p-04" ? 5 : item == "l3p-07" ? -5 : 0)
                var two = 10 + (item == "l3p-07" ? 4 : 0)
                if mood < 2 { four += 15; two -= 4 } else if mood == 2 { four -= 12; two += 8 }
                draft.numbers[item] = likert(dice.next(100), one: 1, two: two, four: four)
            }
            let before = dice.chance(10) ? 1 : 2 + dice.next(2)
            let gain = dice.chance(20) ? 0 : dice.chance(15) ? 2 : 1
            draft.pairs["l3p-08"] = (before: before, after: min(5, before + gain))
            if dice.chance(40) { draft.texts["l3p-09"] = dice.pick(DemoFeedback.applicationTexts) }
            if dice.chance(70) { draft.choices["l3p-10"] = dice.weighted(DemoFeedback.obstacleWeights) }
            own.append(draft)
        }
        let start = dice.next(max(own.count, 1))
        for item in DemoFeedback.followUpSelfLikert {
            var column = own.map { $0.numbers[item] }
            nudge(&column, to: 3.06, up: true, limit: 4, start: start)
            for index in own.indices { own[index].numbers[item] = column[index] }
        }

        let supervisorLevel = 16 + dice.next(14)
        var theirs: [Draft] = []
        for _ in pairs {
            var draft = Draft()
            for item in DemoFeedback.followUpSupervisorLikert {
                let four = supervisorLevel + (item == "l3a-07" ? 10 : 0)
                draft.numbers[item] = likert(dice.next(100), one: 1, two: 12, four: four)
            }
            let before = 2 + dice.next(2)
            let gain = dice.chance(30) ? 0 : dice.chance(12) ? 2 : 1
            draft.pairs["l3a-08"] = (before: before, after: min(5, before + gain))
            if dice.chance(35) { draft.texts["l3a-09"] = dice.pick(DemoFeedback.supervisorTexts) }
            theirs.append(draft)
        }
        for item in DemoFeedback.followUpSupervisorLikert {
            var column = theirs.map { $0.numbers[item] }
            nudge(&column, to: 3.04, up: true, limit: 4, start: start)
            for index in theirs.indices { theirs[index].numbers[item] = column[index] }
        }
        return (
            participants: zip(participants, own).map { Response(nip: $0.0, answers: $0.1.answers(followUpSelfIds)) },
            supervisors: zip(pairs, theirs).map { Response(nip: $0.0.supervisor, subject: $0.0.subject, answers: $0.1.answers(followUpSupervisorIds)) })
    }

    // MARK: IKM

    static let ikmIds = ["ikm-1", "ikm-2", "ikm-3", "ikm-4", "ikm-5", "ikm-6", "ikm-7", "ikm-8", "ikm-9", "ikm-saran"]

    /// Two surveys of each service unit, 40 to 80 answers each: grade B (baik) for all, a little better
    /// in the second semester, but the improving unit's first semester is C (kurang baik).
    static func surveys(seed: UInt64) -> [Survey] {
        var surveys: [Survey] = []
        for unit in DemoFeedback.serviceUnits {
            var dice = DemoDice(seed: seed, "ikm/\(unit.agency)/\(unit.unit)")
            let first = unit.improving ? 71.0 + Double(dice.next(30)) / 10 : 78.6 + Double(dice.next(48)) / 10
            let second = unit.improving ? 78.4 + Double(dice.next(22)) / 10 : min(87.6, first + 0.8 + Double(dice.next(25)) / 10)
            for semester in 1...2 {
                let target = semester == 1 ? first : second
                let count = 40 + dice.next(41)
                let struggling = unit.improving && semester == 1
                var scores: [[Int]] = []
                for _ in 0..<count {
                    let mood = dice.next(10)
                    var row: [Int] = []
                    for element in 1...9 {
                        let lean = DemoFeedback.ikmLean(unit.kind, element: element)
                        var four = 24 + lean.four
                        var two = 10 + lean.two
                        if struggling && (element == 3 || element == 9) {
                            four -= 12
                            two += 14
                        }
                        if mood < 2 { four += 15 } else if mood == 2 { four -= 10; two += 8 }
                        row.append(likert(dice.next(100), one: 2, two: two, four: four))
                    }
                    scores.append(row)
                }
                // Outside the weak semester no element's mean is under 3.02: a Likert mean under 3 is a weak
                // result, and the closed survey would open an action item. Then nudge to the planned index,
                // Σ(NRR_i / 9) × 25 = total / (9 × respondents) × 25, leaving element 4 (cost) as it is.
                let minimum = struggling ? 0 : Int((3.02 * Double(count)).rounded(.up))
                var columns = (0..<9).map { element in scores.reduce(0) { $0 + $1[element] } }
                for element in 0..<9 {
                    var steps = 0
                    while columns[element] < minimum, steps < 10_000 {
                        steps += 1
                        let row = dice.next(count)
                        guard scores[row][element] < 4 else { continue }
                        scores[row][element] += 1
                        columns[element] += 1
                    }
                }
                let wanted = Int((target * Double(9 * count) / 25).rounded())
                var total = columns.reduce(0, +)
                var steps = 0
                while total != wanted, steps < 100_000 {
                    steps += 1
                    let up = total < wanted
                    var row = dice.next(count), element = dice.next(9)
                    var tries = 0
                    while tries < 200,
                        element == 3 || (up ? scores[row][element] >= 4 : scores[row][element] <= 1 || columns[element] - 1 < minimum)
                    {
                        row = dice.next(count)
                        element = dice.next(9)
                        tries += 1
                    }
                    guard tries < 200 else { break }
                    scores[row][element] += up ? 1 : -1
                    columns[element] += up ? 1 : -1
                    total += up ? 1 : -1
                }
                let index = (Double(total) / Double(9 * count) * 25 * 100).rounded() / 100
                var responses: [Response] = []
                let suggestions = DemoFeedback.ikmSuggestions(unit.kind)
                // Where a unit has counters, answers come from each counter's QR code and from the unit's
                // own, and every fourth is a paper questionnaire (drawn without the dice, so that the
                // answers stay as they were planned before counters existed).
                let counters = DemoFeedback.counters(unit)
                for (index, row) in scores.enumerated() {
                    var draft = Draft()
                    for element in 1...9 { draft.numbers["ikm-\(element)"] = row[element - 1] }
                    if dice.chance(22) { draft.texts["ikm-saran"] = dice.pick(suggestions) }
                    let sex: Binakarier_Feedback_V1_RespondentGender = dice.chance(52) ? .female : .male
                    let age = dice.pick(DemoFeedback.ageBands)
                    let education = dice.pick(DemoFeedback.educations)
                    let occupation = DemoFeedback.occupations[(index * 7 + semester) % DemoFeedback.occupations.count]
                    var response = Response(answers: draft.answers(ikmIds), profile: .init(age: age, gender: sex, education: education, occupation: occupation))
                    if !counters.isEmpty {
                        response.paper = index % 4 == 3
                        response.counter = index % (counters.count + 1) == counters.count ? "" : counters[index % (counters.count + 1)].code
                    }
                    responses.append(response)
                }
                surveys.append(Survey(
                    unit: unit, semester: semester, title: DemoFeedback.surveyTitle(unit, semester: semester), index: index, responses: responses))
            }
        }
        return surveys
    }

    // MARK: dialogues

    /// The dialogues of the head of Dinas Kesehatan with their people resolved: authors and supporters
    /// drawn from the agency's staff (the demo staff account speaks first), owners the unit heads.
    static func dialogues(city: DemoCity, seed: UInt64) -> (dialogues: [Dialogue], head: String, people: Set<String>) {
        guard let agency = city.agencies.first(where: { $0.code == "DINKES" }), !agency.headNip.isEmpty else { return ([], "", []) }
        let head = agency.headNip
        var unitHeads: [String: String] = [:]
        for unit in agency.units where !unit.headNip.isEmpty { unitHeads[unit.code] = unit.headNip }
        let leaders = Set(unitHeads.values).union([head])
        var dice = DemoDice(seed: seed, "dialogues")
        let staffAccount = DemoFeedback.dinkesAccounts(city).first { $0.jobLevel == .pelaksana && $0.status == .active }?.nip
        var staff = dice.shuffled(city.employees.filter {
            $0.agencyCode == "DINKES" && $0.status == .active && !leaders.contains($0.nip) && $0.nip != staffAccount
        }.map(\.nip))
        staff = Array(staff.prefix(28))
        if let staffAccount { staff.insert(staffAccount, at: 0) }
        guard staff.count >= 2 else { return ([], head, []) }

        var people: Set<String> = [head]
        var speaker = 0
        func action(_ spec: DemoFeedback.ActionSpec?) -> Action? {
            guard let spec else { return nil }
            let owner = unitHeads[spec.owner] ?? head
            // Owners write their own progress; the head drops.
            if spec.state == .inProgress || spec.state == .done { people.insert(owner) }
            return Action(owner: owner, due: spec.due, state: spec.state, notes: spec.notes, evidence: spec.evidence, reason: spec.reason)
        }
        var dialogues: [Dialogue] = []
        for spec in DemoFeedback.dialogues {
            var aspirations: [Aspiration] = []
            for aspiration in spec.aspirations {
                let author = staff[speaker % staff.count]
                speaker += 1
                let supporters = Array(dice.shuffled(staff.filter { $0 != author }).prefix(aspiration.supports))
                people.insert(author)
                people.formUnion(supporters)
                aspirations.append(Aspiration(
                    category: aspiration.category, text: aspiration.text, anonymous: aspiration.anonymous, author: author, supporters: supporters,
                    answer: aspiration.answer, action: action(aspiration.action)))
            }
            let directions = spec.directions.map { Direction(text: $0.text, action: action($0.action)) }
            dialogues.append(Dialogue(
                topic: spec.topic, date: spec.date, time: spec.time, venue: spec.venue, aspirations: aspirations, directions: directions,
                summary: spec.summary))
        }
        return (dialogues, head, people)
    }
}
