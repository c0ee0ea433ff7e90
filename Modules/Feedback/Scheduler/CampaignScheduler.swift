import BKProto
import BKRPC
import BKServiceKit
import BKStore
import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// Opens the campaigns programs' events call for, closes them when their window ends, turns weak
/// results into action items and sends test results to programs. Durable: what is to be opened is
/// written (`schedule`) in the same transaction as the feed cursor, and each planned campaign is opened
/// at most once (its key is marked in the opening transaction); after downtime or a clock jump
/// forward, everything due is opened on the next tick.
///
/// From programs' feed: a session started → a pre-test (if the program evaluates learning and a
/// published `TES-<program code>` exists); completed → the L1 reaction form, the post-test, and L3
/// follow-ups to the participants and their supervisors after each wave (60 and 90 days); cancelled →
/// nothing more for it.
public final class CampaignScheduler: Service, Sendable {
    let service: FeedbackService
    let interval: Duration
    let logger: Logger
    let consumer: ChangeFeedConsumer

    public init(service: FeedbackService, interval: Duration = .seconds(5), logger: Logger) {
        self.service = service
        self.interval = interval
        self.logger = logger
        let peers = service.peers
        let waves = service.configuration.followUpWaves
        consumer = ChangeFeedConsumer(
            feed: DaemonName.programs.rawValue, writer: service.store.db, logger: logger,
            fetch: { after in FeedPage(try await peers.programChanges(after: after, limit: 1000)) },
            apply: { db, change in try Self.plan(db, change, waves: waves) })
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.tick()
                do { try await Task.sleep(for: self.interval) } catch { return }
            }
        }
    }

    /// One round of everything; each part logs its own failure and the others go on.
    public func tick() async {
        await attempt("follow programs") { try await consumer.catchUp() }
        await attempt("open scheduled campaigns") { try await openDue() }
        await attempt("close campaigns") {
            for id in try await service.store.expiredCampaigns() { _ = try await service.store.closeCampaign(id: id) }
        }
        await attempt("review results") { try await reviewClosed() }
        await attempt("send test results") { try await sendAssessments() }
    }

    func attempt(_ what: String, _ body: () async throws -> Void) async {
        do { try await body() } catch {
            logger.warning("scheduler: \(what) failed; retrying next round", metadata: ["error": "\(error)"])
        }
    }

    /// What a change of programs calls for, written in the consumer's transaction.
    static func plan(_ db: Database, _ change: FeedChange, waves: [Int32]) throws {
        guard change.kind.hasPrefix("session."), let session = try? Binakarier_Programs_V1_Session(serializedBytes: change.payload) else { return }
        switch change.kind {
        case "session.started":
            try FeedbackStore.plan(db, key: "\(session.id)/pre-test", due: change.timeUnix, purpose: .preTest, sessionID: session.id)
        case "session.completed":
            try FeedbackStore.plan(db, key: "\(session.id)/reaction", due: change.timeUnix, purpose: .reaction, sessionID: session.id)
            try FeedbackStore.plan(db, key: "\(session.id)/post-test", due: change.timeUnix, purpose: .postTest, sessionID: session.id)
            for wave in waves {
                let due = change.timeUnix + Int64(wave) * 86_400
                try FeedbackStore.plan(db, key: "\(session.id)/follow-up-self/\(wave)", due: due, purpose: .followUpSelf, sessionID: session.id, waveDays: wave)
                try FeedbackStore.plan(db, key: "\(session.id)/follow-up-supervisor/\(wave)", due: due, purpose: .followUpSupervisor, sessionID: session.id, waveDays: wave)
            }
        case "session.cancelled":
            try FeedbackStore.cancelPlans(db, sessionID: session.id)
        default:
            break
        }
    }

    func openDue() async throws {
        let store = service.store
        let configuration = service.configuration
        for plan in try await store.duePlans() {
            guard let session = try await service.peers.session(plan.sessionID),
                let program = try await service.peers.program(session.programCode)
            else {
                try await store.skipPlan(plan.key, note: "angkatan atau program tidak ditemukan")
                continue
            }
            let (level, code, days): (Binakarier_Programs_V1_EvaluationLevel, String, Int) = switch plan.purpose {
            case .reaction: (.reaction, BuiltInInstruments.reaction.code, configuration.reactionDays)
            case .preTest: (.learning, "TES-\(program.code)", configuration.preTestDays)
            case .postTest: (.learning, "TES-\(program.code)", configuration.postTestDays)
            case .followUpSelf: (.behaviour, BuiltInInstruments.followUpSelf.code, configuration.followUpDays)
            default: (.behaviour, BuiltInInstruments.followUpSupervisor.code, configuration.followUpDays)
            }
            guard program.evaluationLevels.contains(level) else {
                try await store.skipPlan(plan.key, note: "program \(program.code) tidak meminta evaluasi level ini")
                continue
            }
            // A window already over (feedback was down the whole time) is not opened late.
            guard service.now() < plan.due + Int64(days) * 86_400 else {
                try await store.skipPlan(plan.key, note: "jendela pengisian sudah lewat")
                continue
            }
            guard let instrument = try await store.publishedInstrument(code: code) else {
                try await store.skipPlan(plan.key, note: "formulir \(code) belum ada atau belum terbit")
                continue
            }
            let audience = Binakarier_Feedback_V1_Audience(
                kind: plan.purpose == .followUpSupervisor ? .attendeesSupervisors : .sessionAttendees, sessionId: session.id)
            let resolved = try await service.members(of: audience, purpose: plan.purpose)
            guard !resolved.members.isEmpty else {
                try await store.skipPlan(plan.key, note: "tidak ada yang dapat mengisi")
                continue
            }
            let opens = service.now()
            var campaign = Campaign(
                title: "\(instrument.title) — \(program.title) angkatan \(session.batch)\(plan.waveDays > 0 ? " (\(plan.waveDays) hari)" : "")",
                instrumentCode: instrument.code, instrumentVersion: instrument.version, purpose: plan.purpose, audience: audience,
                anonymous: plan.purpose == .reaction && configuration.anonymousReaction,
                openTimeUnix: opens, closeTimeUnix: opens + Int64(days) * 86_400, origin: .scheduled,
                programCode: program.code, agencyCode: resolved.agency, waveDays: plan.waveDays, openedBy: "service:feedback")
            campaign.state = .open
            let opened = try await store.openCampaign(campaign, audience: resolved.members, scheduleKey: plan.key)
            logger.info("scheduler: campaign opened", metadata: ["campaign": "\(opened.id)", "plan": "\(plan.key)", "audience": "\(opened.audienceSize)"])
        }
    }

    /// Weak results of a closed campaign open an action item for the head of the agency concerned.
    func reviewClosed() async throws {
        let store = service.store
        for campaign in try await store.campaignsToReview() {
            let results = try await service.results(of: [campaign], scope: "kampanye \(campaign.id)")
            var action: ActionItem?
            if let why = service.weakness(of: results), !campaign.agencyCode.isEmpty,
                let head = try await service.peers.agency(campaign.agencyCode)?.headNip, !head.isEmpty
            {
                let due = CalendarDate(daysSinceEpoch: CalendarDate(wib: service.now()).daysSinceEpoch + service.configuration.weakActionDays)
                action = ActionItem(
                    title: String("Perbaiki hasil evaluasi \(campaign.title): \(why)".prefix(380)), source: .evaluation, sourceId: campaign.id,
                    agencyCode: campaign.agencyCode, ownerNip: head, dueDate: due.description, createdBy: "service:feedback")
            }
            try await store.reviewed(campaignID: campaign.id, action: action)
        }
    }

    func refusal(_ owed: (id: Int64, session: String, nip: String, kind: Binakarier_Programs_V1_AssessmentKind, score: Double)) async -> RPCError? {
        do {
            try await service.peers.recordAssessment(session: owed.session, nip: owed.nip, kind: owed.kind, score: owed.score)
            return nil
        } catch {
            return error
        }
    }

    /// Test results owed to programs; one that programs refuses for good (not enrolled) is dropped.
    func sendAssessments() async throws {
        let store = service.store
        for owed in try await store.owedAssessments() {
            if let refusal = await refusal(owed) {
                // Refused for good (not enrolled, say): retrying would not change the answer.
                guard [.notFound, .failedPrecondition, .invalidArgument].contains(refusal.code) else { throw refusal }
                logger.warning("scheduler: programs refused a test result; dropped", metadata: ["session": "\(owed.session)", "error": "\(refusal)"])
            }
            try await store.assessmentSent(owed.id)
        }
    }
}
