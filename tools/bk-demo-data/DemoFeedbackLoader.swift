import BKProto
import BKRPC
import Foundation
import Identity

typealias FeedbackAPI = Binakarier_Feedback_V1_FeedbackService

/// The feedback part of `bk-demo-data load`, run after the programs part: the knowledge tests
/// (`TES-<program code>`, published first so that the scheduler uses them for the sessions still to
/// come), answers to the reaction forms the scheduler opened for the completed sessions (weak results
/// for two of them), follow-ups (L3) of a few older sessions, the public's IKM answers for the health
/// centres and service units over two semesters, and a year of the Head of the Health Office's open
/// dialogues with their aspirations, directions and action items. `DemoFeedbackPlan` decides
/// everything beforehand.
///
/// Organiser work is done as the demo organiser (BKPSDM); each answer, aspiration and support as the
/// ASN concerned, logged in with an account the loader creates as administrator when there is none
/// (username the NIP, password `DemoData.employeePassword`); IKM answers need no login.
///
/// Running it again changes nothing: tests that are published stay; a form that has answers, or is
/// closed, is not answered again (one interrupted half-way keeps the answers it got); follow-ups and
/// surveys are matched by session and purpose, or by title; dialogues by topic, their aspirations and
/// directions by text, and action items are only moved on towards their planned state. Nobody logs in
/// when there is nothing left to do.
struct DemoFeedbackLoader {
    typealias Campaign = Binakarier_Feedback_V1_Campaign
    typealias Purpose = Binakarier_Feedback_V1_Purpose
    typealias FeedbackDialogue = Binakarier_Feedback_V1_Dialogue
    typealias Session = Binakarier_Programs_V1_Session

    /// What this run did, for the summary line.
    struct Tally {
        var tests = 0
        var reactionsOpened = 0
        var reactionAnswers = 0
        var reactionsClosed = 0
        var followUpsOpened = 0
        var followUpAnswers = 0
        var refused = 0
        var accountsCreated = 0
        var unitsCreated = 0
        var surveysOpened = 0
        var publicAnswers = 0
        var surveysClosed = 0
        var dialoguesCreated = 0
        var dialoguesClosed = 0
        var aspirations = 0
        var supports = 0
        var replies = 0
        var directions = 0
        var actionUpdates = 0
        var paperAnswers = 0
        var planItems = 0

        var changedAnything: Bool {
            let counts: [Int] = [
                tests, reactionsOpened, reactionAnswers, reactionsClosed, followUpsOpened, followUpAnswers, accountsCreated, unitsCreated,
                surveysOpened, publicAnswers, surveysClosed, dialoguesCreated, dialoguesClosed, aspirations, supports, replies, directions,
                actionUpdates, paperAnswers, planItems,
            ]
            return counts.contains { $0 > 0 }
        }
    }

    /// One answer to send as `response.nip`.
    struct Submission: Sendable {
        let campaign: String
        let response: DemoFeedbackPlan.Response
        let followUp: Bool
    }

    enum Outcome: Sendable {
        case submitted(followUp: Bool)
        case already
        case refused(String)
    }

    struct LoginResult: Sendable {
        let nip: String
        /// Empty when the login failed.
        let token: String
        let created: Bool
        let problem: String
    }

    let city: DemoCity
    let plan: DemoFeedbackPlan
    /// As the demo organiser, on bk-feedbackd.
    let feedback: FeedbackAPI.Client
    /// bk-feedbackd's connection, for calls as each ASN and without a login (IKM).
    let rpc: RPCClient
    /// As the administrator, on bk-identityd: accounts and the units the city lacks.
    let identity: API.Client
    let identityRPC: RPCClient
    /// As the demo organiser, on bk-programsd; nil when it does not run.
    let programs: ProgramsAPI.Client?
    var tally = Tally()
    var warnings = 0
    /// Tokens of the ASN logged in so far, by NIP.
    var tokens: [String: String] = [:]
    /// Those who could not log in (not tried again in this run).
    var failedLogins: Set<String> = []

    /// Loads the demo year of feedback into the bk-feedbackd of `socketDirectory`; says so and returns
    /// when that daemon's socket is not there.
    static func load(city: DemoCity, socketDirectory: String, identity: RPCClient) async throws {
        let path = DaemonName.feedback.socketPath(in: socketDirectory)
        guard FileManager.default.fileExists(atPath: path) else {
            note("bk-demo-data: \(path) tidak ada (bk-feedbackd tidak berjalan); umpan balik \(DemoPrograms.year) dilewati.")
            return
        }
        let accounts = API.Client(identity)
        let organizer = try await accounts.login(.init(username: DemoData.organizer.username, password: DemoData.organizer.password))
        let administrator = try await accounts.login(.init(
            username: DemoData.administrator.username, password: DemoData.administrator.password))
        let rpc = RPCClient(socketPath: path, defaultTimeout: .seconds(120))
        defer { Task { await rpc.close() } }
        let programsPath = DaemonName.programs.socketPath(in: socketDirectory)
        let programsRPC: RPCClient? = FileManager.default.fileExists(atPath: programsPath)
            ? RPCClient(socketPath: programsPath, defaultTimeout: .seconds(120)) : nil
        defer {
            if let programsRPC { Task { await programsRPC.close() } }
        }
        var loader = DemoFeedbackLoader(
            city: city, plan: DemoFeedbackPlan(city: city, programs: DemoProgramsPlan(city: city)),
            feedback: FeedbackAPI.Client(rpc, metadata: .bearer(organizer.token)), rpc: rpc,
            identity: API.Client(identity, metadata: .bearer(administrator.token)), identityRPC: identity,
            programs: programsRPC.map { ProgramsAPI.Client($0, metadata: .bearer(organizer.token)) })
        try await loader.run()
    }

    mutating func run() async throws {
        try await publishTests()
        if programs != nil {
            try await evaluateSessions()
        } else {
            Self.note("bk-demo-data: bk-programsd tidak berjalan; evaluasi angkatan \(DemoPrograms.year) dilewati.")
        }
        try await surveys()
        try await dialogues()
        summarize()
    }

    // MARK: tests

    /// `TES-<program code>` for each program whose completion needs a post-test, saved and published.
    mutating func publishTests() async throws {
        for spec in DemoPrograms.catalogue where spec.postTest {
            guard let test = DemoFeedback.test(for: spec) else {
                warn("tidak ada soal tes untuk \(spec.code)")
                continue
            }
            var existing: Binakarier_Feedback_V1_Instrument?
            do {
                existing = try await feedback.getInstrument(.init(code: test.code))
            } catch {
                guard error.code == .notFound else { throw error }
                existing = nil
            }
            if existing?.state == .published { continue }
            if existing == nil { _ = try await feedback.saveInstrument(.init(instrument: test)) }
            _ = try await feedback.publishInstrument(.init(code: test.code))
            tally.tests += 1
        }
    }

    // MARK: sessions: reaction (L1) and follow-up (L3)

    mutating func evaluateSessions() async throws {
        guard let programs else { return }
        var sessions: [String: Session] = [:]
        var page = ""
        repeat {
            let found = try await programs.listSessions(.init(pageSize: 1000, pageToken: page, year: Int32(DemoPrograms.year)))
            for session in found.sessions where session.state == .completed {
                if let first = session.days.map({ $0.date }).min() { sessions[DemoProgramsLoader.key(session.programCode, first)] = session }
            }
            page = found.nextPageToken
        } while !page.isEmpty
        var titles: [String: String] = [:]
        for spec in DemoPrograms.catalogue { titles[spec.code] = spec.title }

        // The scheduler opens a reaction form when it sees a session complete: give it a moment.
        let expected = plan.reactionKeys.compactMap { sessions[$0]?.id }
        var campaigns = try await allCampaigns()
        let deadline = ContinuousClock.now + .seconds(30)
        var waited = false
        while !Self.missing(expected, .reaction, in: campaigns).isEmpty, ContinuousClock.now < deadline {
            if !waited {
                Self.note("bk-demo-data: menunggu bk-feedbackd membuka formulir evaluasi reaksi angkatan yang selesai …")
                waited = true
            }
            try await Task.sleep(for: .seconds(2))
            campaigns = try await allCampaigns()
        }
        let byID = Dictionary(sessions.values.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in Self.missing(expected, .reaction, in: campaigns) {
            guard let session = byID[id] else { continue }
            let request = Campaign(
                title: "\(DemoFeedback.reactionTitle) — \(titles[session.programCode] ?? session.programCode) angkatan \(session.batch)",
                instrumentCode: DemoFeedback.reactionForm, purpose: .reaction, audience: .init(kind: .sessionAttendees, sessionId: id),
                anonymous: true)
            do {
                campaigns.append(try await feedback.openCampaign(.init(campaign: request)))
                tally.reactionsOpened += 1
            } catch {
                warn("formulir evaluasi reaksi \(id) tidak dapat dibuka: \(error.message)")
            }
        }

        var work: [Submission] = []
        var toClose: [String] = []
        let closeBefore = DemoPrograms.cutoff.adding(-DemoFeedback.closeReactionAfterDays)
        for reaction in plan.reactions {
            guard let session = sessions[reaction.key], let campaign = Self.campaign(session.id, .reaction, in: campaigns) else { continue }
            guard campaign.state == .`open` else { continue }
            if campaign.responses == 0 {
                work += reaction.responses.map { Submission(campaign: campaign.id, response: $0, followUp: false) }
            }
            if reaction.lastDay < closeBefore { toClose.append(campaign.id) }
        }
        for followUp in plan.followUps {
            guard let session = sessions[followUp.key] else { continue }
            let title = titles[session.programCode] ?? session.programCode
            if let campaign = try await followUpCampaign(.followUpSelf, session, title, wave: followUp.wave, in: &campaigns),
                campaign.state == .`open`, campaign.responses == 0
            {
                work += followUp.participants.map { Submission(campaign: campaign.id, response: $0, followUp: true) }
            }
            if let campaign = try await followUpCampaign(.followUpSupervisor, session, title, wave: followUp.wave, in: &campaigns),
                campaign.state == .`open`, campaign.responses == 0
            {
                work += followUp.supervisors.map { Submission(campaign: campaign.id, response: $0, followUp: true) }
            }
        }

        try await logIn(work.map { $0.response.nip })
        let rpc = self.rpc
        let tokens = self.tokens
        let ready = work.filter { tokens[$0.response.nip] != nil }
        let outcomes = try await DemoProgramsLoader.concurrentMap(ready) { (item: Submission) async throws -> Outcome in
            let client = FeedbackAPI.Client(rpc, metadata: .bearer(tokens[item.response.nip] ?? ""))
            do throws(RPCError) {
                _ = try await client.submitResponse(.init(
                    campaignId: item.campaign, answers: item.response.answers, subjectNip: item.response.subject))
                return .submitted(followUp: item.followUp)
            } catch {
                return error.code == .alreadyExists ? .already : .refused("\(item.campaign): \(item.response.nip): \(error.message)")
            }
        }
        for outcome in outcomes {
            switch outcome {
            case .submitted(let followUp):
                if followUp { tally.followUpAnswers += 1 } else { tally.reactionAnswers += 1 }
            case .already:
                break
            case .refused(let why):
                tally.refused += 1
                warn("jawaban ditolak: \(why)")
            }
        }

        // Forms of sessions long over are closed; the scheduler then reviews them (weak results open an
        // action item for the organising agency's head).
        for id in toClose {
            do {
                _ = try await feedback.closeCampaign(.init(id: id))
                tally.reactionsClosed += 1
            } catch {
                warn("formulir \(id) tidak dapat ditutup: \(error.message)")
            }
        }
    }

    /// The session's follow-up form of `purpose`, the scheduler's or an earlier run's, or opened now
    /// (as the scheduler would, 60 or 90 days after, for 14 days).
    mutating func followUpCampaign(
        _ purpose: Purpose, _ session: Session, _ programTitle: String, wave: Int32, in campaigns: inout [Campaign]
    ) async throws -> Campaign? {
        if let found = Self.campaign(session.id, purpose, in: campaigns) { return found }
        let participant = purpose == .followUpSelf
        let request = Campaign(
            title: "\(participant ? DemoFeedback.followUpSelfTitle : DemoFeedback.followUpSupervisorTitle) — \(programTitle) angkatan \(session.batch) (\(wave) hari)",
            instrumentCode: participant ? DemoFeedback.followUpSelfForm : DemoFeedback.followUpSupervisorForm, purpose: purpose,
            audience: .init(kind: participant ? .sessionAttendees : .attendeesSupervisors, sessionId: session.id),
            closeTimeUnix: Int64(Date().timeIntervalSince1970) + 14 * 86_400, waveDays: wave)
        do {
            let opened = try await feedback.openCampaign(.init(campaign: request))
            campaigns.append(opened)
            tally.followUpsOpened += 1
            return opened
        } catch {
            warn("formulir pascapelatihan \(session.id) tidak dapat dibuka: \(error.message)")
            return nil
        }
    }

    /// Every campaign (organisers see all).
    func allCampaigns() async throws -> [Campaign] {
        var campaigns: [Campaign] = []
        var page = ""
        repeat {
            let found = try await feedback.listCampaigns(.init(pageSize: 1000, pageToken: page))
            campaigns += found.campaigns
            page = found.nextPageToken
        } while !page.isEmpty
        return campaigns
    }

    /// The sessions among `sessionIDs` without a campaign of `purpose`.
    static func missing(_ sessionIDs: [String], _ purpose: Purpose, in campaigns: [Campaign]) -> [String] {
        let have = Set(campaigns.filter { $0.purpose == purpose }.compactMap { $0.audience?.sessionId })
        return sessionIDs.filter { !have.contains($0) }
    }

    /// The session's campaign of `purpose`: one with answers first, then an open one.
    static func campaign(_ sessionID: String, _ purpose: Purpose, in campaigns: [Campaign]) -> Campaign? {
        let found = campaigns.filter { $0.purpose == purpose && $0.audience?.sessionId == sessionID }
        return found.first { $0.responses > 0 } ?? found.first { $0.state == .`open` } ?? found.first
    }

    // MARK: public satisfaction (IKM)

    mutating func surveys() async throws {
        for unit in DemoFeedback.serviceUnits where !unit.createAs.isEmpty {
            do {
                _ = try await identity.createUnit(.init(unit: OrganizationUnit(agencyCode: unit.agency, code: unit.unit, name: unit.createAs)))
                tally.unitsCreated += 1
            } catch {
                guard error.code == .alreadyExists else { throw error }
            }
        }
        // The counters whose posters carry their QR codes (the list is replaced: loading again changes nothing).
        for unit in DemoFeedback.serviceUnits where !DemoFeedback.counters(unit).isEmpty {
            do {
                _ = try await feedback.saveServiceCounters(.init(agencyCode: unit.agency, unitCode: unit.unit, counters: DemoFeedback.counters(unit)))
            } catch {
                warn("loket \(unit.name) tidak dapat disimpan: \(error.message)")
            }
        }
        let campaigns = try await allCampaigns().filter { $0.purpose == .ikm }
        let now = Int64(Date().timeIntervalSince1970)
        // The second semester's survey runs to the end of the year (23:59:59 WIB on 31 December).
        let yearEnd = Int64(DemoDay(DemoPrograms.year, 12, 31).number) * 86_400 + 86_399 - 7 * 3600
        var work: [Submission] = []
        var toClose: [String] = []
        for survey in plan.surveys {
            var opened = campaigns.first {
                $0.title == survey.title && $0.audience?.agencyCode == survey.unit.agency && $0.audience?.unitCode == survey.unit.unit
            }
            if opened == nil {
                var request = Campaign(
                    title: survey.title, instrumentCode: DemoFeedback.ikmForm, purpose: .ikm,
                    audience: .init(kind: .`public`, agencyCode: survey.unit.agency, unitCode: survey.unit.unit), anonymous: true)
                if survey.semester == 2, yearEnd - now > 3600 { request.closeTimeUnix = yearEnd }
                do {
                    opened = try await feedback.openCampaign(.init(campaign: request))
                    tally.surveysOpened += 1
                } catch {
                    warn("survei \(survey.title) tidak dapat dibuka: \(error.message)")
                    continue
                }
            }
            guard let campaign = opened, campaign.state == .`open` else { continue }
            let have = Int(campaign.responses)
            if have < survey.responses.count {
                work += survey.responses[have...].map { Submission(campaign: campaign.id, response: $0, followUp: false) }
            }
            if survey.semester == 1 { toClose.append(campaign.id) }
        }

        // Paper questionnaires: typed in per survey in one batch (as the organiser here; the unit's staff in
        // practice). Only while the survey is open, so before the first semester's surveys close.
        for (campaign, items) in Dictionary(grouping: work.filter { $0.response.paper }, by: \.campaign) {
            do {
                let papers = items.map {
                    Binakarier_Feedback_V1_PaperResponse(answers: $0.response.answers, profile: $0.response.profile, counterCode: $0.response.counter)
                }
                tally.paperAnswers += Int(try await feedback.submitPaperResponses(.init(campaignId: campaign, responses: papers)).accepted)
            } catch {
                warn("kuesioner kertas survei \(campaign) ditolak: \(error.message)")
            }
        }
        work = work.filter { !$0.response.paper }

        // No login; at most 80 answers a survey, under the service's 120 a minute for one unit.
        let client = FeedbackAPI.Client(rpc)
        let outcomes = try await DemoProgramsLoader.concurrentMap(work) { (item: Submission) async throws -> Outcome in
            var attempt = 0
            while true {
                do throws(RPCError) {
                    _ = try await client.submitPublicResponse(.init(
                        campaignId: item.campaign, answers: item.response.answers, profile: item.response.profile, counterCode: item.response.counter))
                    return .submitted(followUp: false)
                } catch {
                    guard error.code == .resourceExhausted, attempt < 3 else { return .refused("\(item.campaign): \(error.message)") }
                    attempt += 1
                    try await Task.sleep(for: .seconds(30))
                }
            }
        }
        for outcome in outcomes {
            switch outcome {
            case .submitted: tally.publicAnswers += 1
            case .already: break
            case .refused(let why):
                tally.refused += 1
                warn("jawaban survei ditolak: \(why)")
            }
        }
        for id in toClose {
            do {
                _ = try await feedback.closeCampaign(.init(id: id))
                tally.surveysClosed += 1
            } catch {
                warn("survei \(id) tidak dapat ditutup: \(error.message)")
            }
        }
        try await ikmPlan()
    }

    /// The improving unit's follow-up plan (rencana tindak lanjut) for its lowest elements, owned by the
    /// unit's head: action items of source IKM, each created once.
    mutating func ikmPlan() async throws {
        guard let unit = DemoFeedback.serviceUnits.first(where: { $0.improving }) else { return }
        let agency = try await identity.getAgency(.init(code: unit.agency))
        let owner = agency.units.first { $0.code == unit.unit }?.headNip ?? ""
        let head = owner.isEmpty ? agency.headNip : owner
        guard !head.isEmpty else { return }
        for item in DemoFeedback.talawiPlan {
            let source = "IKM/\(unit.agency)/\(unit.unit)/\(DemoPrograms.year)/U\(item.element)"
            guard try await feedback.listActions(.init(sourceId: source)).actions.isEmpty else { continue }
            do {
                _ = try await feedback.createAction(.init(action: .init(
                    title: item.title, source: .ikm, sourceId: source, agencyCode: unit.agency, ownerNip: head, dueDate: item.due)))
                tally.planItems += 1
            } catch {
                warn("rencana tindak lanjut \(unit.name) tidak dapat dibuat: \(error.message)")
            }
        }
    }

    // MARK: open dialogues of the Head of the Health Office

    mutating func dialogues() async throws {
        guard !plan.dialogues.isEmpty else { return }
        var existing: [String: FeedbackDialogue] = [:]
        var page = ""
        repeat {
            let found = try await feedback.listDialogues(.init(pageSize: 1000, pageToken: page, agencyCode: "DINKES"))
            for dialogue in found.dialogues where dialogue.leaderNip == plan.head { existing[dialogue.topic] = dialogue }
            page = found.nextPageToken
        } while !page.isEmpty
        for planned in plan.dialogues {
            if let found = existing[planned.topic], found.state == .closed { continue }
            try await hold(planned, existing[planned.topic])
        }
    }

    /// Takes one dialogue as far as the plan goes: created by the head, aspirations raised by their
    /// authors and supported by colleagues, answered, directions given, action items moved on by their
    /// owners (dropped by the head), and closed with its conclusion.
    mutating func hold(_ planned: DemoFeedbackPlan.Dialogue, _ found: FeedbackDialogue?) async throws {
        var dialogue: FeedbackDialogue
        if let found {
            dialogue = found
        } else {
            var everyone = [plan.head]
            for aspiration in planned.aspirations { everyone += [aspiration.author] + aspiration.supporters }
            for action in planned.aspirations.compactMap({ $0.action }) + planned.directions.compactMap({ $0.action }) { everyone.append(action.owner) }
            try await logIn(everyone)
            guard let head = try await client(plan.head) else { return }
            dialogue = try await head.createDialogue(.init(dialogue: .init(
                agencyCode: "DINKES", topic: planned.topic, date: planned.date, time: planned.time, venue: planned.venue)))
            tally.dialoguesCreated += 1
        }
        let detail = try await feedback.getDialogue(.init(id: dialogue.id))
        let scheduled = dialogue.state == .scheduled

        for aspiration in planned.aspirations {
            var current = detail.aspirations.first { $0.text == aspiration.text }
            if current == nil {
                guard scheduled, let author = try await client(aspiration.author) else { continue }
                current = try await author.raiseAspiration(.init(aspiration: .init(
                    dialogueId: dialogue.id, category: aspiration.category, text: aspiration.text, anonymous: aspiration.anonymous)))
                tally.aspirations += 1
            }
            guard var raised = current else { continue }
            if scheduled, Int(raised.supports) < aspiration.supporters.count {
                try await logIn(aspiration.supporters)
                let supported = try await support(raised.id, by: aspiration.supporters)
                tally.supports += supported
            }
            if !aspiration.answer.isEmpty, raised.answer.isEmpty, let head = try await client(plan.head) {
                raised = try await head.answerAspiration(.init(
                    id: raised.id, answer: aspiration.answer, actionOwnerNip: aspiration.action?.owner ?? "",
                    actionDueDate: aspiration.action?.due ?? ""))
                tally.replies += 1
            }
            if let action = aspiration.action, !raised.actionId.isEmpty {
                try await advance(raised.actionId, to: action, known: detail.actions)
            }
        }
        for direction in planned.directions {
            var current = detail.directions.first { $0.text == direction.text }
            if current == nil, let head = try await client(plan.head) {
                current = try await head.giveDirection(.init(
                    dialogueId: dialogue.id, text: direction.text, actionOwnerNip: direction.action?.owner ?? "",
                    actionDueDate: direction.action?.due ?? ""))
                tally.directions += 1
            }
            if let action = direction.action, let id = current?.actionId, !id.isEmpty {
                try await advance(id, to: action, known: detail.actions)
            }
        }
        if !planned.summary.isEmpty, scheduled, let head = try await client(plan.head) {
            dialogue = try await head.closeDialogue(.init(id: dialogue.id, summary: planned.summary))
            tally.dialoguesClosed += 1
        }
    }

    /// `supporters` (logged in) support the aspiration; how many did now.
    func support(_ id: String, by supporters: [String]) async throws -> Int {
        let rpc = self.rpc
        let tokens = self.tokens
        let ready = supporters.filter { tokens[$0] != nil }
        let done = try await DemoProgramsLoader.concurrentMap(ready) { (nip: String) async throws -> Bool in
            do {
                _ = try await FeedbackAPI.Client(rpc, metadata: .bearer(tokens[nip] ?? "")).supportAspiration(.init(id: id))
                return true
            } catch {
                // Already supported, the dialogue closed meanwhile, or not theirs to support: left as it is.
                return false
            }
        }
        return done.count { $0 }
    }

    /// Moves an action item from where it is towards its planned state: the owner starts it with the
    /// first note, adds the others and closes it with the evidence; the head drops it with the reason.
    mutating func advance(_ id: String, to planned: DemoFeedbackPlan.Action, known: [Binakarier_Feedback_V1_ActionItem]) async throws {
        let state = known.first { $0.id == id }?.state ?? .`open`
        guard state != planned.state, state == .`open` || state == .inProgress else { return }
        switch planned.state {
        case .inProgress, .done:
            guard let owner = try await client(planned.owner) else { return }
            if state == .`open`, planned.state == .inProgress || !planned.notes.isEmpty {
                _ = try await owner.updateAction(.init(id: id, state: .inProgress, note: planned.notes.first ?? ""))
                tally.actionUpdates += 1
                for note in planned.notes.dropFirst() {
                    _ = try await owner.updateAction(.init(id: id, note: note))
                    tally.actionUpdates += 1
                }
            }
            if planned.state == .done {
                _ = try await owner.updateAction(.init(id: id, state: .done, evidence: planned.evidence))
                tally.actionUpdates += 1
            }
        case .dropped:
            guard let head = try await client(plan.head) else { return }
            _ = try await head.updateAction(.init(id: id, state: .dropped, reason: planned.reason))
            tally.actionUpdates += 1
        default:
            break
        }
    }

    // MARK: logging in as the ASN

    /// A client acting as `nip`, logged in (and given an account) if need be; nil when that fails.
    mutating func client(_ nip: String) async throws -> FeedbackAPI.Client? {
        if tokens[nip] == nil { try await logIn([nip]) }
        guard let token = tokens[nip] else { return nil }
        return FeedbackAPI.Client(rpc, metadata: .bearer(token))
    }

    /// Logs in those of `nips` not logged in yet, eight at a time, first creating the accounts that do
    /// not exist (as the administrator; the employee's own NIP as username, the demo password).
    mutating func logIn(_ nips: [String]) async throws {
        let wanted = Set(nips.filter { !$0.isEmpty }).subtracting(tokens.keys).subtracting(failedLogins).sorted()
        guard !wanted.isEmpty else { return }
        if wanted.count > 20 {
            Self.note("bk-demo-data: masuk sebagai \(wanted.count) ASN untuk mengisi formulir (akun dibuat bila belum ada) …")
        }
        let wantedSet = Set(wanted)
        var names: [String: String] = [:]
        for employee in city.employees where wantedSet.contains(employee.nip) { names[employee.nip] = employee.name }
        let displayNames = names
        let identity = self.identity
        let identityRPC = self.identityRPC
        let results = try await DemoProgramsLoader.concurrentMap(wanted) { (nip: String) async throws -> LoginResult in
            var created = false
            do throws(RPCError) {
                do throws(RPCError) {
                    _ = try await identity.getAccount(.init(username: nip))
                } catch {
                    guard error.code == .notFound else { throw error }
                    do throws(RPCError) {
                        _ = try await identity.createAccount(.init(
                            username: nip, password: DemoData.employeePassword, displayName: displayNames[nip] ?? nip, roles: [.employee],
                            nip: nip))
                        created = true
                    } catch {
                        guard error.code == .alreadyExists else { throw error }
                    }
                }
                var attempt = 0
                while true {
                    do throws(RPCError) {
                        let login = try await API.Client(identityRPC).login(.init(username: nip, password: DemoData.employeePassword))
                        return LoginResult(nip: nip, token: login.token, created: created, problem: "")
                    } catch {
                        guard error.code == .resourceExhausted, attempt < 3 else { throw error }
                        attempt += 1
                        try? await Task.sleep(for: .seconds(2))
                    }
                }
            } catch {
                return LoginResult(nip: nip, token: "", created: created, problem: error.message)
            }
        }
        for result in results {
            if result.created { tally.accountsCreated += 1 }
            if result.token.isEmpty {
                failedLogins.insert(result.nip)
                warn("\(result.nip) tidak dapat masuk: \(result.problem)")
            } else {
                tokens[result.nip] = result.token
            }
        }
    }

    // MARK: the summary

    func summarize() {
        let warned = warnings > 0 ? "; \(warnings) peringatan" : ""
        let year = DemoPrograms.year
        guard tally.changedAnything else {
            Self.note("bk-demo-data: umpan balik \(year) sudah dimuat (\(plan.reactions.count) angkatan dievaluasi, \(plan.surveys.count) survei IKM, \(plan.dialogues.count) dialog terbuka), tidak ada yang diubah\(warned).")
            return
        }
        let weak = plan.reactions.filter { $0.weak }.map { $0.session.spec.code }.joined(separator: " dan ")
        let improving = DemoFeedback.serviceUnits.filter { $0.improving }.map { $0.name }.joined(separator: ", ")
        let parts = [
            "\(tally.tests) tes diterbitkan",
            "\(tally.reactionAnswers) jawaban evaluasi reaksi untuk \(plan.reactions.count) angkatan (\(tally.reactionsOpened) formulir dibuka manual, "
                + "\(tally.reactionsClosed) ditutup; hasil lemah: \(weak.isEmpty ? "-" : weak))",
            "\(tally.followUpsOpened) formulir pascapelatihan dibuka, \(tally.followUpAnswers) jawaban",
            "\(tally.surveysOpened) survei IKM di \(DemoFeedback.serviceUnits.count) unit layanan (\(tally.unitsCreated) unit puskesmas dibuat), "
                + "\(tally.publicAnswers) jawaban publik dan \(tally.paperAnswers) kuesioner kertas, \(improving) naik dari C ke B "
                + "(\(tally.planItems) butir rencana tindak lanjut)",
            "\(tally.dialoguesCreated) dialog terbuka Kepala Dinas Kesehatan (\(tally.dialoguesClosed) ditutup), \(tally.aspirations) aspirasi, "
                + "\(tally.supports) dukungan, \(tally.replies) tanggapan, \(tally.directions) arahan, \(tally.actionUpdates) pembaruan tindak lanjut",
            "\(tally.accountsCreated) akun ASN dibuat (NIP / \(DemoData.employeePassword))",
        ]
        let refused = tally.refused > 0 ? "; \(tally.refused) jawaban ditolak" : ""
        Self.note("bk-demo-data: umpan balik \(year): " + parts.joined(separator: "; ") + refused + warned + ".")
    }

    // MARK: helpers

    /// The first ten warnings are shown; all are counted in the summary.
    mutating func warn(_ text: String) {
        warnings += 1
        if warnings <= 10 { Self.note("bk-demo-data: peringatan: \(text)") }
    }

    static func note(_ text: String) { DemoProgramsLoader.note(text) }
}
