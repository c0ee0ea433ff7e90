import BKProto
import BKRPC
import BKServiceKit
import BKStore
import Foundation
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// Keeps the replica current. Each round: programs' feed and feedback's feed are applied through
/// `ChangeFeedConsumer` (each page in one transaction with its cursor: at-least-once, idempotent
/// upserts, resumable after either side restarts); programs first seen are fetched; feedback's
/// aggregate results of the programs and IKM campaigns that changed are read again; identity's people
/// are listed again when the last list is older than `identityInterval`. A failing source is logged
/// and retried next round; what was read is kept.
public final class Replicator: Service, Sendable {
    let store: ReportingStore
    let sources: any Sources
    let interval: Duration
    let identityInterval: Int64
    let logger: Logger
    let programsFeed: ChangeFeedConsumer
    let feedbackFeed: ChangeFeedConsumer
    /// The newest sequence each source reported on its last page (what the status compares against).
    let newest = NIOLockedValueBox<(programs: Int64, feedback: Int64)>((0, 0))

    public init(store: ReportingStore, sources: any Sources, interval: Duration = .seconds(5), identitySeconds: Int64 = 300, logger: Logger) {
        self.store = store
        self.sources = sources
        self.interval = interval
        self.identityInterval = identitySeconds
        self.logger = logger
        let newest = self.newest
        programsFeed = ChangeFeedConsumer(
            feed: DaemonName.programs.rawValue, writer: store.db, logger: logger,
            fetch: { after in
                let page = FeedPage(try await sources.programChanges(after: after, limit: 2000))
                newest.withLockedValue { $0.programs = page.newestSequence }
                return page
            },
            apply: { db, change in try ReportingStore.applyProgramChange(db, change) })
        feedbackFeed = ChangeFeedConsumer(
            feed: DaemonName.feedback.rawValue, writer: store.db, logger: logger,
            fetch: { after in
                let page = FeedPage(try await sources.feedbackChanges(after: after, limit: 2000))
                newest.withLockedValue { $0.feedback = page.newestSequence }
                return page
            },
            apply: { db, change in try ReportingStore.applyFeedbackChange(db, change) })
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                _ = await self.round(forceIdentity: false)
                do { try await Task.sleep(for: self.interval) } catch { return }
            }
        }
    }

    /// One round at a time: the background loop and SyncNow would otherwise list identity twice over.
    let gate = RoundGate()

    /// One round of everything; returns the first failure (each part still runs).
    @discardableResult
    public func round(forceIdentity: Bool) async -> String {
        await gate.enter()
        let outcome = await roundAlone(forceIdentity: forceIdentity)
        await gate.leave()
        return outcome
    }

    func roundAlone(forceIdentity: Bool) async -> String {
        var failures: [String] = []
        func attempt(_ what: String, _ body: () async throws -> Void) async {
            do { try await body() } catch {
                logger.warning("sync: \(what) failed; retrying next round", metadata: ["error": "\(error)"])
                failures.append("\(what): \(error)")
            }
        }
        await attempt("identity") { try await syncIdentity(force: forceIdentity) }
        await attempt("programs' feed") { try await programsFeed.catchUp() }
        await attempt("programs") { try await fetchPrograms() }
        await attempt("attendance") {
            for session in try await store.sessionsToRefresh() {
                try await store.refreshSession(session, enrolments: try await sources.participants(ofSession: session))
            }
        }
        await attempt("feedback's feed") { try await feedbackFeed.catchUp() }
        await attempt("feedback's results") { try await refreshResults() }
        let error = failures.first ?? ""
        try? await store.setSyncOutcome(time: store.now(), error: error)
        return error
    }

    func syncIdentity(force: Bool) async throws {
        let last = try await store.positions().identitySyncedUnix
        guard force || store.now() - last >= identityInterval else { return }
        var people: [Binakarier_Identity_V1_Employee] = []
        var page = ""
        repeat {
            let answer = try await sources.employees(page: page)
            people += answer.employees
            page = answer.nextPageToken
        } while !page.isEmpty
        var agencies: [Binakarier_Identity_V1_Agency] = []
        repeat {
            let answer = try await sources.agencies(page: page)
            agencies += answer.agencies
            page = answer.nextPageToken
        } while !page.isEmpty
        try await store.replacePeople(people, agencies: agencies)
        // Dialogues' counts change without a feed entry of their own (aspirations raised anonymously).
        var dialogues: [Binakarier_Feedback_V1_Dialogue] = []
        repeat {
            let answer = try await sources.dialogues(page: page)
            dialogues += answer.dialogues
            page = answer.nextPageToken
        } while !page.isEmpty
        try await store.replaceDialogues(dialogues)
        try await store.refetchPrograms()
    }

    func fetchPrograms() async throws {
        for code in try await store.programsToFetch() {
            if let program = try await sources.program(code) {
                try await store.saveProgram(program)
            } else {
                try await store.saveProgram(.init(code: code, title: code))
            }
        }
    }

    func refreshResults() async throws {
        while true {
            let stale = try await store.staleProgramResults()
            guard !stale.isEmpty else { break }
            for item in stale {
                // The campaigns of the year's batches, wherever their opening time falls.
                let ids = try await store.programCampaigns(program: item.program, year: item.year, purpose: item.purpose)
                let results = ids.isEmpty ? nil : try await sources.results(.init(campaignIds: ids))
                try await store.saveProgramResult(program: item.program, year: item.year, purpose: item.purpose, results: results)
            }
        }
        while true {
            let stale = try await store.staleIkmCampaigns()
            guard !stale.isEmpty else { break }
            for campaign in stale {
                // Anonymous results are shown once closed: until then there is nothing to read.
                let results = campaign.anonymous && !campaign.closed ? nil : try await sources.results(.init(campaignId: campaign.id))
                try await store.saveCampaignResults(id: campaign.id, results: results)
            }
        }
    }

    /// [1 January, 1 January of the next year) in WIB, as unix seconds.
    static func yearBounds(_ year: Int) -> (Int64, Int64) {
        let wib: Int64 = 7 * 3600
        func start(_ year: Int) -> Int64 { Int64(CalendarDate(year: year, month: 1, day: 1)?.daysSinceEpoch ?? 0) * 86_400 - wib }
        return (start(year), start(year + 1))
    }
}

/// A lock for async code: one holder at a time, the others wait in order.
actor RoundGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
