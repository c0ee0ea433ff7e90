import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import BKStore
import Foundation
import Logging
import NIOConcurrencyHelpers

typealias API = Binakarier_Feedback_V1_FeedbackService

/// The handlers of `binakarier.feedback.v1.FeedbackService`. Who may call each RPC is declared once, in
/// `policies`; handlers add the row-level rules (an agency's dialogues are its staff's, results of an
/// agency are its head's, a form is for its audience).
public final class FeedbackService: API.ServiceProtocol {
    public struct Configuration: Sendable {
        /// Results of groups under this many respondents are hidden (never below 5).
        public var minimumGroup = 5
        /// How long scheduled campaigns stay open, in days.
        public var reactionDays = 7
        public var preTestDays = 1
        public var postTestDays = 3
        public var followUpDays = 14
        /// Days after the session's end at which follow-ups (L3) open.
        public var followUpWaves: [Int32] = [60, 90]
        /// Reaction forms opened by the scheduler are anonymous.
        public var anonymousReaction = true
        /// Public (IKM) answers accepted per campaign per minute.
        public var publicAnswersPerMinute = 120
        /// Weak-result rules: a Likert mean under these (of 4 and of 5), an NPS under this, a class gain under this.
        public var weakLikert4 = 3.0
        public var weakLikert5 = 3.5
        public var weakNPS = 0.0
        public var weakGain = 0.3
        /// Days an action item opened by a weak result has.
        public var weakActionDays = 30
        /// The words that hold an anonymous aspiration for moderation.
        public var abusiveWords = AbusiveWords()
        /// Reports by this many participants hold an anonymous aspiration for moderation.
        public var reportsToHold = 2
        /// The IKM report flags this many lowest elements (ties with the last included).
        public var ikmLowestElements = 3
        public init() {}
    }

    static let reporting: Set<String> = [DaemonName.reporting.rawValue]
    static let organizers: Set<Role> = [.organizer, .administrator]
    static let leaders: Set<Role> = [.organizer, .administrator, .agencyHead, .supervisor]

    public var policies: Binakarier_Feedback_V1_FeedbackService.Policies {
        API.Policies(
            listInstruments: .authenticated(services: Self.reporting),
            getInstrument: .anyone,
            saveInstrument: .roles(Self.organizers),
            importInstrument: .roles(Self.organizers),
            publishInstrument: .roles(Self.organizers),
            openCampaign: .roles(Self.leaders),
            closeCampaign: .roles(Self.leaders),
            getCampaign: .anyone,
            listCampaigns: .roles([.organizer, .administrator, .agencyHead], services: Self.reporting),
            listPublicCampaigns: .anyone,
            listMyPending: .authenticated(),
            submitResponse: .authenticated(),
            submitPublicResponse: .anyone,
            getMyResponses: .authenticated(),
            getResults: .roles([.organizer, .administrator, .agencyHead], services: Self.reporting),
            createDialogue: .roles(Self.leaders),
            getDialogue: .authenticated(services: Self.reporting),
            listDialogues: .authenticated(services: Self.reporting),
            closeDialogue: .roles(Self.leaders),
            getMinutes: .authenticated(services: Self.reporting),
            raiseAspiration: .authenticated(),
            supportAspiration: .authenticated(),
            answerAspiration: .roles(Self.leaders),
            giveDirection: .roles(Self.leaders),
            lookupAspirations: .anyone,
            reportAspiration: .authenticated(),
            listHeldAspirations: .roles(Self.leaders),
            moderateAspiration: .roles(Self.leaders),
            createAction: .roles([.organizer, .administrator, .agencyHead]),
            updateAction: .authenticated(),
            listActions: .authenticated(services: Self.reporting),
            getActionBoard: .anyone,
            listChanges: .roles([.administrator], services: Self.reporting),
            listServiceCounters: .anyone,
            saveServiceCounters: .roles([.organizer, .administrator, .agencyHead, .supervisor]),
            submitPaperResponses: .authenticated(),
            getIkmReport: .roles(Self.leaders, services: Self.reporting),
            // Change projects: who is who in the project (participant, mentor, coach, agency head,
            // organisers) is decided per project, in the handlers.
            createChangeProject: .authenticated(),
            updateChangeProject: .authenticated(),
            getChangeProject: .authenticated(),
            listChangeProjects: .authenticated(),
            reportMilestone: .authenticated(),
            reviewMilestone: .authenticated(),
            commentChangeProject: .authenticated())
    }

    let store: FeedbackStore
    let peers: any Peers
    let configuration: Configuration
    let pages = PageTokens()
    let now: @Sendable () -> Int64
    /// Public answers per campaign in the current minute.
    let publicAnswers = NIOLockedValueBox<[String: (minute: Int64, count: Int)]>([:])

    public init(store: FeedbackStore, peers: any Peers, configuration: Configuration = .init(), now: @escaping @Sendable () -> Int64 = WallClock.nowUnix) {
        var configuration = configuration
        configuration.minimumGroup = max(5, configuration.minimumGroup)
        self.store = store
        self.peers = peers
        self.configuration = configuration
        self.now = now
    }

    var today: CalendarDate { CalendarDate(wib: now()) }

    /// Audit lines name the caller; the handlers of anonymous answers never call this.
    func audit(_ context: RPCServerContext, _ event: String, _ fields: [String: String]) {
        var metadata: Logger.Metadata = ["by": "\(context.caller?.subject ?? "-")"]
        for (key, value) in fields { metadata[key] = "\(value)" }
        context.logger.notice("\(event)", metadata: metadata)
    }

    static func isOrganizer(_ caller: Caller) -> Bool { caller.hasAny(.organizer, .administrator) || caller.isService }

    static func peer<T>(_ call: () async throws(RPCError) -> T) async throws(FeedbackError) -> T {
        do { return try await call() } catch { throw .rpc(error) }
    }

    // MARK: instruments

    public func listInstruments(_ request: Binakarier_Feedback_V1_ListInstrumentsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListInstrumentsResponse {
        let caller = try context.requireCaller()
        let size = try PageTokens.size(request.pageSize)
        let scope = "instruments:\(request.purpose.rawValue)"
        let after = try pages.decode(request.pageToken, scope: scope)
        let found = try await store.instruments(purpose: request.purpose, after: after, limit: size + 1)
        return .init(
            instruments: found.prefix(size).map { Self.shown($0, to: caller) },
            nextPageToken: found.count > size ? pages.encode(after: found[size - 1].code, scope: scope) : "")
    }

    /// A test's key is for organisers only.
    static func shown(_ instrument: Instrument, to caller: Caller?) -> Instrument {
        guard caller.map(isOrganizer) != true else { return instrument }
        var shown = instrument
        for index in shown.questions.indices { shown.questions[index].key = [] }
        return shown
    }

    public func getInstrument(_ request: Binakarier_Feedback_V1_GetInstrumentRequest, context: RPCServerContext) async throws -> Instrument {
        let code = request.code.trimmingCharacters(in: .whitespaces).uppercased()
        guard let instrument = try await store.instrument(code: code, version: request.version) else { throw FeedbackError.noInstrument(code) }
        // Without a login, only what the public answers: published IKM surveys.
        guard context.caller != nil || (instrument.purpose == .ikm && instrument.state == .published) else { throw FeedbackError.noInstrument(code) }
        return Self.shown(instrument, to: context.caller)
    }

    public func saveInstrument(_ request: Binakarier_Feedback_V1_SaveInstrumentRequest, context: RPCServerContext) async throws -> Instrument {
        let input = try Required.field(request.instrument, "instrument")
        let instrument: Instrument
        do {
            instrument = try InstrumentRules.validated(input)
        } catch {
            throw FeedbackError.invalid(field: "instrument.\(error.field)", reason: error.reason)
        }
        let saved = try await store.saveInstrument(instrument)
        audit(context, "instrument saved", ["instrument": saved.code, "version": "\(saved.version)"])
        return saved
    }

    public func importInstrument(_ request: Binakarier_Feedback_V1_ImportInstrumentRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ImportInstrumentResponse {
        let document = request.document
        guard document.count <= 512 * 1024 else {
            throw FeedbackError.invalid(field: "document", reason: .init(id: "berkas formulir paling besar 512 KiB", en: "a form file is at most 512 KiB"))
        }
        let read = try await BlockingWork.run { InstrumentRules.read(document) }
        guard let instrument = read.instrument else {
            return .init(errors: read.problems.map { .init(line: Int32($0.line), reason: $0.reason.text(context.language)) })
        }
        let saved = try await store.saveInstrument(instrument)
        audit(context, "instrument imported", ["instrument": saved.code, "version": "\(saved.version)"])
        return .init(instrument: saved)
    }

    public func publishInstrument(_ request: Binakarier_Feedback_V1_PublishInstrumentRequest, context: RPCServerContext) async throws -> Instrument {
        let published = try await store.publishInstrument(code: request.code.trimmingCharacters(in: .whitespaces).uppercased())
        audit(context, "instrument published", ["instrument": published.code, "version": "\(published.version)"])
        return published
    }

    // MARK: the change feed

    public func listChanges(_ request: Binakarier_Feed_V1_ListChangesRequest, context: RPCServerContext) async throws -> Binakarier_Feed_V1_ListChangesResponse {
        guard request.afterSequence >= 0 else {
            throw FeedbackError.invalid(field: "after_sequence", reason: .init(id: "tidak boleh negatif", en: "must not be negative"))
        }
        return try await store.changes(after: request.afterSequence, limit: FeedPage.limit(request.limit)).response
    }
}
