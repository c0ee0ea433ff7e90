import BKProto
import BKServiceKit
import BKStore
import Foundation
import GRDB

/// IKM as service units run it: their counters, paper questionnaires, and the counts the yearly report
/// reads. What an IKM respondent tells beside the answers (the channel, the counter, the profile) is kept
/// only as running counts per campaign (`tally`, under question ids that start with "_"), never in the
/// response row: a profile stored beside its answers would make them recognisable.
extension FeedbackStore {
    /// How an IKM answer came in.
    public enum IkmChannel: Int, Sendable {
        /// The public form (a QR code), without a login.
        case online = 1
        /// A paper questionnaire typed in by the unit's staff.
        case paper = 2
    }

    /// What is counted of one IKM response beside its answers.
    public struct IkmExtras: Sendable {
        public var channel: IkmChannel
        public var profile: RespondentProfile
        /// Empty: the unit's own QR code (no counter).
        public var counter: String
        /// (element 1…9, score 1…4) of the answers.
        public var elementScores: [(element: Int, score: Int)]

        public init(channel: IkmChannel, profile: RespondentProfile, counter: String, elementScores: [(element: Int, score: Int)]) {
            self.channel = channel
            self.profile = profile
            self.counter = counter
            self.elementScores = elementScores
        }
    }

    /// The tally's question ids of the extras. `_unsur` rows count per counter (facilitator column) the
    /// value element × 10 + score.
    public enum IkmTally {
        public static let channel = "_kanal"
        public static let profile = "_profil"
        public static let counter = "_loket"
        public static let elements = "_unsur"
    }

    static func countIkm(_ db: Database, campaignID: String, _ extras: IkmExtras) throws {
        let tally = try db.cachedStatement(sql: """
            INSERT INTO tally (campaign_id, question_id, facilitator, value, count, total) VALUES (?, ?, ?, ?, 1, 0)
            ON CONFLICT (campaign_id, question_id, facilitator, value) DO UPDATE SET count = count + 1
            """)
        try tally.execute(arguments: [campaignID, IkmTally.channel, "", extras.channel.rawValue])
        for (dimension, value) in zip(IkmPublication.dimensions, IkmPublication.values(extras.profile)) {
            try tally.execute(arguments: [campaignID, IkmTally.profile, dimension.key, value])
        }
        try tally.execute(arguments: [campaignID, IkmTally.counter, extras.counter, 0])
        for pair in extras.elementScores {
            try tally.execute(arguments: [campaignID, IkmTally.elements, extras.counter, pair.element * 10 + pair.score])
        }
    }

    // MARK: counters

    public func serviceCounters(agency: String, unit: String) async throws -> [ServiceCounter] {
        try await db.read { db in
            try Row.fetchAll(
                db, sql: "SELECT code, name FROM service_counter WHERE agency_code = ? AND unit_code = ? ORDER BY position, code",
                arguments: [agency, unit]
            ).map { ServiceCounter(code: $0[0], name: $0[1]) }
        }
    }

    /// Replaces a unit's counters, in the order given.
    public func saveServiceCounters(agency: String, unit: String, _ counters: [ServiceCounter]) async throws -> [ServiceCounter] {
        try await db.write { db in
            try db.run(sql: "DELETE FROM service_counter WHERE agency_code = ? AND unit_code = ?", arguments: [agency, unit])
            for (position, counter) in counters.enumerated() {
                try db.run(
                    sql: "INSERT INTO service_counter (agency_code, unit_code, code, name, position) VALUES (?, ?, ?, ?, ?)",
                    arguments: [agency, unit, counter.code, counter.name, position])
            }
        }
        return counters
    }

    // MARK: paper questionnaires

    /// Stores paper questionnaires of a public campaign in one transaction, as anonymously as online
    /// answers (no respondent, no time, a random key; the log checkpointed right after), each counted
    /// with its extras. The campaign must be open.
    public func submitPaper(campaignID: String, _ responses: [(answers: [Answer], extras: IkmExtras)]) async throws -> Int {
        let time = now()
        try await db.writeWithoutTransaction { db in
            try db.inTransaction {
                guard let campaign = try Self.campaign(db, id: campaignID), campaign.audience?.kind == .public else {
                    throw FeedbackError.noCampaign(campaignID)
                }
                guard campaign.state == .open, campaign.openTimeUnix <= time, time < campaign.closeTimeUnix else {
                    throw FeedbackError.failedPrecondition(.init(
                        id: "survei \(campaign.id) sudah ditutup: jawaban kertas dimasukkan selama survei berjalan",
                        en: "survey \(campaign.id) is closed: paper answers are entered while it runs"))
                }
                let insert = try db.cachedStatement(sql: "INSERT INTO response (id, campaign_id, score, receipt_hash, answers) VALUES (?, ?, NULL, '', ?)")
                for response in responses {
                    try Self.count(db, campaignID: campaignID, answers: response.answers)
                    try Self.countIkm(db, campaignID: campaignID, response.extras)
                    try insert.execute(arguments: [
                        Self.randomID(20), campaignID, Data(try Binakarier_Feedback_V1_SubmitResponseRequest(answers: response.answers).serializedBytes()),
                    ])
                }
                return .commit
            }
            // As for an online answer: leave no trace of which rows were written together.
            if (try? Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)"))?[0] as Int? != 0 {
                Self.checkpointsDeferred.increment()
            }
        }
        return responses.count
    }

    // MARK: what the yearly report reads

    /// Every public IKM campaign of a unit (empty unit: the agency's own), oldest first.
    public func ikmCampaigns(agency: String, unit: String) async throws -> [Campaign] {
        try await db.read { db in
            try Row.fetchAll(
                db,
                sql: Self.campaignSelect + " WHERE c.audience_kind = ? AND c.purpose = ? AND c.agency_code = ? AND c.unit_code = ? ORDER BY c.open_time, c.id",
                arguments: [Binakarier_Feedback_V1_AudienceKind.public.rawValue, Purpose.ikm.rawValue, agency, unit]
            ).map(Self.campaign)
        }
    }

    /// The action items whose source id starts with `prefix` (a unit's follow-up plan of a year).
    public func actions(sourcePrefix prefix: String) async throws -> [ActionItem] {
        let today = CalendarDate(wib: now()).description
        return try await db.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM action WHERE source = ? AND substr(source_id, 1, ?) = ? ORDER BY source_id, due_date, id",
                arguments: [Binakarier_Feedback_V1_ActionSource.ikm.rawValue, prefix.utf8.count, prefix]
            ).map { try Self.action(db, $0, today: today) }
        }
    }
}
