import BKAuth
import BKProto
import BKServiceKit
import BKStore
import CSodium
import Foundation
import GRDB
import Metrics

/// The feedback store on SQLite (GRDB). Every write is one durable transaction and writes its change to
/// the outbox in that transaction. Anonymous answers are stored apart from who gave them (see
/// `FeedbackSchema`).
public final class FeedbackStore: Sendable {
    let db: any DatabaseWriter
    let now: @Sendable () -> Int64

    public init(db: any DatabaseWriter, now: @escaping @Sendable () -> Int64 = WallClock.nowUnix) {
        self.db = db
        self.now = now
    }

    /// Opens `<directory>/feedback.sqlite` and stores the built-in instruments the first time.
    public static func open(directory: String, now: @escaping @Sendable () -> Int64 = WallClock.nowUnix) async throws -> FeedbackStore {
        let store = FeedbackStore(db: try Store.open(directory: directory, name: "feedback", migrator: FeedbackSchema.migrator), now: now)
        try await store.installBuiltIns()
        try await store.countStoredResponses()
        return store
    }

    public static func inMemory(now: @escaping @Sendable () -> Int64 = WallClock.nowUnix) async throws -> FeedbackStore {
        let store = FeedbackStore(db: try Store.inMemory(migrator: FeedbackSchema.migrator), now: now)
        try await store.installBuiltIns()
        return store
    }

    public func close() throws { try db.close() }

    func installBuiltIns() async throws {
        let time = now()
        try await db.write { db in
            for instrument in BuiltInInstruments.all {
                try db.run(
                    sql: "INSERT OR IGNORE INTO instrument (code, version, purpose, state, message, create_time) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [instrument.code, instrument.version, instrument.purpose.rawValue, instrument.state.rawValue,
                                Data(try instrument.serializedBytes()), time])
            }
        }
    }

    static func publish(_ db: Database, _ kind: String, key: String, _ message: some ProtoMessage, time: Int64) throws {
        try Outbox.append(db, FeedChange(kind: kind, key: key, payload: try message.serializedBytes(), timeUnix: time))
    }

    /// A random id of `length` lower-case letters and digits: it says nothing of when or by whom.
    static func randomID(_ length: Int = 12) -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    // MARK: instruments

    static func instrument(_ db: Database, code: String, version: Int32) throws -> Instrument? {
        let sql = version > 0
            ? "SELECT message FROM instrument WHERE code = ? AND version = ?"
            : "SELECT message FROM instrument WHERE code = ? AND ? = 0 ORDER BY version DESC LIMIT 1"
        guard let data = try Data.fetchOne(db.cachedStatement(sql: sql), arguments: [code, version]) else { return nil }
        return try Instrument(serializedBytes: [UInt8](data))
    }

    /// An instrument's version, or its newest when `version` is 0.
    public func instrument(code: String, version: Int32 = 0) async throws -> Instrument? {
        try await db.read { db in try Self.instrument(db, code: code, version: version) }
    }

    /// The newest published version of an instrument.
    public func publishedInstrument(code: String) async throws -> Instrument? {
        try await db.read { db in
            try Data.fetchOne(db, sql: "SELECT message FROM instrument WHERE code = ? AND state = 2 ORDER BY version DESC LIMIT 1", arguments: [code])
                .map { try Instrument(serializedBytes: [UInt8]($0)) }
        }
    }

    public func instruments(purpose: Purpose, after: String?, limit: Int) async throws -> [Instrument] {
        try await db.read { db in
            // The newest version of each code.
            var sql = """
                SELECT i.message FROM instrument i
                WHERE i.version = (SELECT MAX(version) FROM instrument j WHERE j.code = i.code) AND i.code > ?
                """
            var arguments: StatementArguments = [after ?? ""]
            if purpose != .unspecified { sql += " AND i.purpose = ?"; arguments += [purpose.rawValue] }
            sql += " ORDER BY i.code LIMIT ?"
            arguments += [limit]
            return try Data.fetchAll(db, sql: sql, arguments: arguments).map { try Instrument(serializedBytes: [UInt8]($0)) }
        }
    }

    /// Saves a draft: the newest version when it is a draft, else a new version after the published one.
    public func saveInstrument(_ input: Instrument) async throws -> Instrument {
        let time = now()
        return try await db.write { db in
            var instrument = input
            let newest = try Self.instrument(db, code: instrument.code, version: 0)
            if let newest, newest.builtIn {
                throw FeedbackError.failedPrecondition(.init(
                    id: "formulir bawaan \(instrument.code) tidak dapat diubah; simpan dengan kode baru",
                    en: "built-in form \(instrument.code) cannot be changed; save it under a new code"))
            }
            instrument.version = newest.map { $0.state == .draft ? $0.version : $0.version + 1 } ?? 1
            instrument.state = .draft
            instrument.builtIn = false
            instrument.createTimeUnix = time
            try db.run(
                sql: "INSERT OR REPLACE INTO instrument (code, version, purpose, state, message, create_time) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [instrument.code, instrument.version, instrument.purpose.rawValue, instrument.state.rawValue,
                            Data(try instrument.serializedBytes()), time])
            return instrument
        }
    }

    public func publishInstrument(code: String) async throws -> Instrument {
        try await db.write { db in
            guard var instrument = try Self.instrument(db, code: code, version: 0) else { throw FeedbackError.noInstrument(code) }
            guard instrument.state == .draft else {
                throw FeedbackError.failedPrecondition(.init(
                    id: "tidak ada draf \(code) untuk diterbitkan (versi \(instrument.version) sudah terbit)",
                    en: "no draft of \(code) to publish (version \(instrument.version) is published)"))
            }
            instrument.state = .published
            try db.run(
                sql: "UPDATE instrument SET state = ?, message = ? WHERE code = ? AND version = ?",
                arguments: [instrument.state.rawValue, Data(try instrument.serializedBytes()), code, instrument.version])
            return instrument
        }
    }

    // MARK: campaigns

    static let campaignSelect = """
        SELECT c.*,
            (SELECT COUNT(*) FROM campaign_audience a WHERE a.campaign_id = c.id) AS audience_size,
            (SELECT COUNT(*) FROM response r WHERE r.campaign_id = c.id) AS responses
        FROM campaign c
        """

    static func campaign(_ row: Row) -> Campaign {
        var audience = Binakarier_Feedback_V1_Audience()
        audience.kind = Binakarier_Feedback_V1_AudienceKind(rawValue: row["audience_kind"]) ?? .unspecified
        audience.sessionId = row["session_id"]
        audience.dialogueId = row["dialogue_id"]
        audience.agencyCode = row["agency_code"]
        audience.unitCode = row["unit_code"]
        var campaign = Campaign()
        campaign.id = row["id"]
        campaign.title = row["title"]
        campaign.instrumentCode = row["instrument_code"]
        campaign.instrumentVersion = row["instrument_version"]
        campaign.purpose = Purpose(rawValue: row["purpose"]) ?? .unspecified
        campaign.audience = audience
        campaign.anonymous = row["anonymous"]
        campaign.openTimeUnix = row["open_time"]
        campaign.closeTimeUnix = row["close_time"]
        campaign.state = Binakarier_Feedback_V1_CampaignState(rawValue: row["state"]) ?? .unspecified
        campaign.origin = Binakarier_Feedback_V1_CampaignOrigin(rawValue: row["origin"]) ?? .unspecified
        campaign.programCode = row["program_code"]
        campaign.agencyCode = row["agency_code"]
        campaign.audienceSize = row["audience_size"]
        campaign.responses = row["responses"]
        campaign.waveDays = row["wave_days"]
        campaign.openedBy = row["opened_by"]
        return campaign
    }

    static func campaign(_ db: Database, id: String) throws -> Campaign? {
        try Row.fetchOne(db.cachedStatement(sql: campaignSelect + " WHERE c.id = ?"), arguments: [id]).map(campaign)
    }

    public func campaign(id: String) async throws -> Campaign? {
        try await db.read { db in try Self.campaign(db, id: id) }
    }

    /// Opens a campaign for `audience` (respondent, subject) pairs. With a schedule key, at most once:
    /// the schedule row is marked in the same transaction, and a second call returns the first campaign.
    public func openCampaign(
        _ input: Campaign, audience: [(respondent: String, subject: String)], scheduleKey: String? = nil
    ) async throws -> Campaign {
        let time = now()
        return try await db.write { db in
            if let scheduleKey,
                let existing = try String.fetchOne(db.cachedStatement(sql: "SELECT campaign_id FROM schedule WHERE key = ? AND state = 1"), arguments: [scheduleKey]),
                let campaign = try Self.campaign(db, id: existing)
            {
                return campaign
            }
            var campaign = input
            campaign.id = Self.randomID()
            campaign.state = .open
            if campaign.openTimeUnix == 0 { campaign.openTimeUnix = time }
            let audienceSpec = campaign.audience ?? .init()
            try db.run(
                sql: """
                    INSERT INTO campaign (id, title, instrument_code, instrument_version, purpose, anonymous, state, origin, audience_kind,
                        session_id, dialogue_id, program_code, agency_code, unit_code, open_time, close_time, wave_days, opened_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [campaign.id, campaign.title, campaign.instrumentCode, campaign.instrumentVersion, campaign.purpose.rawValue,
                            campaign.anonymous, campaign.state.rawValue, campaign.origin.rawValue, audienceSpec.kind.rawValue,
                            audienceSpec.sessionId, audienceSpec.dialogueId, campaign.programCode,
                            campaign.agencyCode.isEmpty ? audienceSpec.agencyCode : campaign.agencyCode, audienceSpec.unitCode,
                            campaign.openTimeUnix, campaign.closeTimeUnix, campaign.waveDays, campaign.openedBy])
            let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO campaign_audience (campaign_id, respondent_nip, subject_nip) VALUES (?, ?, ?)")
            for member in audience { try statement.execute(arguments: [campaign.id, member.respondent, member.subject]) }
            if let scheduleKey {
                try db.run(sql: "UPDATE schedule SET state = 1, campaign_id = ? WHERE key = ? AND state = 0", arguments: [campaign.id, scheduleKey])
            }
            let stored = try Self.campaign(db, id: campaign.id) ?? campaign
            try Self.publish(db, FeedbackChange.campaignOpened, key: stored.id, stored, time: time)
            return stored
        }
    }

    public func closeCampaign(id: String) async throws -> Campaign {
        let time = now()
        return try await db.write { db in
            guard let campaign = try Self.campaign(db, id: id) else { throw FeedbackError.noCampaign(id) }
            guard campaign.state == .open else { return campaign }
            try db.run(sql: "UPDATE campaign SET state = 2, close_time = MIN(close_time, ?) WHERE id = ?", arguments: [time, id])
            let closed = try Self.campaign(db, id: id) ?? campaign
            try Self.publish(db, FeedbackChange.campaignClosed, key: id, closed, time: time)
            return closed
        }
    }

    /// Open campaigns whose window has ended, to be closed.
    public func expiredCampaigns() async throws -> [String] {
        let time = now()
        return try await db.read { db in
            try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM campaign WHERE state = 1 AND close_time <= ?"), arguments: [time])
        }
    }

    /// Closed campaigns whose results have not been looked at for weak items yet.
    public func campaignsToReview() async throws -> [Campaign] {
        try await db.read { db in try Row.fetchAll(db, sql: Self.campaignSelect + " WHERE c.state = 2 AND c.reviewed = 0 ORDER BY c.id").map(Self.campaign) }
    }

    /// Marks a campaign's results looked at, with the action item weak results call for, in one transaction.
    public func reviewed(campaignID: String, action: ActionItem?) async throws {
        let time = now()
        try await db.write { db in
            guard try Int.fetchOne(db, sql: "SELECT reviewed FROM campaign WHERE id = ?", arguments: [campaignID]) == 0 else { return }
            if let action { _ = try Self.insertAction(db, action, time: time) }
            try db.run(sql: "UPDATE campaign SET reviewed = 1 WHERE id = ?", arguments: [campaignID])
        }
    }

    public func campaigns(
        sessionID: String, programCode: String, agencyCode: String, state: Binakarier_Feedback_V1_CampaignState, purpose: Purpose = .unspecified,
        from: Int64 = 0, to: Int64 = 0, after: String?, limit: Int
    ) async throws -> [Campaign] {
        try await db.read { db in
            var sql = Self.campaignSelect + " WHERE c.id > ?"
            var arguments: StatementArguments = [after ?? ""]
            if !sessionID.isEmpty { sql += " AND c.session_id = ?"; arguments += [sessionID] }
            if !programCode.isEmpty { sql += " AND c.program_code = ?"; arguments += [programCode] }
            if !agencyCode.isEmpty { sql += " AND c.agency_code = ?"; arguments += [agencyCode] }
            if state != .unspecified { sql += " AND c.state = ?"; arguments += [state.rawValue] }
            if purpose != .unspecified { sql += " AND c.purpose = ?"; arguments += [purpose.rawValue] }
            if from > 0 { sql += " AND c.open_time >= ?"; arguments += [from] }
            if to > 0 { sql += " AND c.open_time < ?"; arguments += [to] }
            sql += " ORDER BY c.id LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.campaign)
        }
    }

    /// The open public campaigns of a service unit, newest first.
    public func publicCampaigns(agencyCode: String, unitCode: String) async throws -> [Campaign] {
        try await db.read { db in
            try Row.fetchAll(
                db,
                sql: Self.campaignSelect + " WHERE c.audience_kind = ? AND c.state = ? AND c.agency_code = ? AND c.unit_code = ? ORDER BY c.open_time DESC LIMIT 20",
                arguments: [Binakarier_Feedback_V1_AudienceKind.public.rawValue, Binakarier_Feedback_V1_CampaignState.open.rawValue, agencyCode, unitCode]
            ).map(Self.campaign)
        }
    }

    /// The open campaigns `nip` may still answer (with the subject of each supervisor form).
    public func pending(for nip: String) async throws -> [(Campaign, String)] {
        let time = now()
        return try await db.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.subject_nip AS subject, c.id AS campaign FROM campaign_audience a JOIN campaign c ON c.id = a.campaign_id
                    WHERE a.respondent_nip = ? AND c.state = 1 AND c.open_time <= ? AND c.close_time > ?
                      AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.campaign_id = a.campaign_id
                                      AND p.respondent_nip = a.respondent_nip AND p.subject_nip = a.subject_nip)
                    ORDER BY c.close_time, c.id, a.subject_nip
                    """,
                arguments: [nip, time, time])
            return try rows.compactMap { row in
                try Self.campaign(db, id: row["campaign"]).map { ($0, row["subject"] as String) }
            }
        }
    }

    public func isInAudience(campaignID: String, nip: String, subject: String) async throws -> Bool {
        try await db.read { db in
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM campaign_audience WHERE campaign_id = ? AND respondent_nip = ? AND subject_nip = ?"),
                arguments: [campaignID, nip, subject]) == true
        }
    }

    // MARK: responses

    /// A response to store: the answers, checked; the respondent (empty for public ones); the subject of a
    /// supervisor form; a test's score.
    public struct Submission: Sendable {
        public var campaignID: String
        public var respondent: String
        public var subject: String
        public var answers: [Answer]
        public var score: Double?
        /// A test of a session: the result is owed to programs.
        public var assessment: (session: String, kind: Binakarier_Programs_V1_AssessmentKind)?
        /// An IKM answer: what is counted beside it (channel, counter, profile), never stored with it.
        public var ikm: IkmExtras? = nil
    }

    /// Stores a response: who answered goes to `participation`, what was answered to `response`; for an
    /// anonymous campaign without the respondent. One answer per respondent (and subject): ALREADY_EXISTS.
    /// Returns the receipt.
    public func submit(_ submission: Submission) async throws -> String {
        let time = now()
        let receipt = Self.randomID(20)
        let receiptHash = Self.receiptHash(receipt)
        try await db.writeWithoutTransaction { db in
            var anonymous = false
            try db.inTransaction {
                guard let campaign = try Self.campaign(db, id: submission.campaignID) else { throw FeedbackError.noCampaign(submission.campaignID) }
                guard campaign.state == .open, campaign.openTimeUnix <= time, time < campaign.closeTimeUnix else {
                    throw FeedbackError.failedPrecondition(.init(
                        id: "kampanye \(campaign.id) tidak menerima jawaban (sudah ditutup atau belum dibuka)",
                        en: "campaign \(campaign.id) is not taking answers (closed, or not open yet)"))
                }
                let isPublic = campaign.audience?.kind == .public
                if !isPublic {
                    do {
                        try db.run(
                            sql: "INSERT INTO participation (campaign_id, respondent_nip, subject_nip) VALUES (?, ?, ?)",
                            arguments: [campaign.id, submission.respondent, submission.subject])
                    } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                        throw FeedbackError.alreadyExists(.init(
                            id: "Anda sudah mengisi formulir ini", en: "you have already answered this form"))
                    }
                }
                let named = !campaign.anonymous && !isPublic
                try Self.count(db, campaignID: campaign.id, answers: submission.answers)
                if let extras = submission.ikm { try Self.countIkm(db, campaignID: campaign.id, extras) }
                try db.run(
                    sql: "INSERT INTO response (id, campaign_id, respondent_nip, subject_nip, score, receipt_hash, answers) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [Self.randomID(20), campaign.id, named ? submission.respondent : "", named ? submission.subject : "",
                                submission.score, "",
                                Data(try Binakarier_Feedback_V1_SubmitResponseRequest(answers: submission.answers).serializedBytes())])
                if named, let assessment = submission.assessment, let score = submission.score {
                    try db.run(
                        sql: "INSERT INTO assessment_outbox (session_id, nip, kind, score) VALUES (?, ?, ?, ?)",
                        arguments: [assessment.session, submission.respondent, assessment.kind.rawValue, score])
                }
                try db.run(sql: "INSERT INTO receipt (campaign_id, hash) VALUES (?, ?)", arguments: [campaign.id, receiptHash])
                // Named campaigns announce each count; anonymous ones only their total, when they close
                // (a count with its time would say when someone answered).
                if named {
                    var counted = try Self.campaign(db, id: campaign.id) ?? campaign
                    counted.openedBy = ""
                    try Self.publish(db, FeedbackChange.responseCounted, key: campaign.id, counted, time: time)
                }
                anonymous = campaign.anonymous
                return .commit
            }
            // Anonymous: leave no trace in the write-ahead log of which rows were written together. Done
            // in the same turn of the writer, right after the commit, so that it never waits behind other writes.
            if anonymous, (try? Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)"))?[0] as Int? != 0 {
                // A reader held the log: the next anonymous answer (or SQLite's own checkpoint) empties it.
                Self.checkpointsDeferred.increment()
            }
        }
        return receipt
    }

    static let sodiumReady = sodium_init() >= 0
    /// Anonymous answers whose write-ahead log could not be emptied at once (a reader held it).
    static let checkpointsDeferred = Counter(label: "binakarier_feedback_checkpoints_deferred_total")

    /// What is stored of a receipt: its BLAKE2b hash, so that the table cannot be used to make receipts.
    static func receiptHash(_ receipt: String) -> String {
        precondition(sodiumReady, "libsodium failed to initialise")
        var digest = [UInt8](repeating: 0, count: 32)
        let bytes = Array(receipt.utf8)
        crypto_generichash(&digest, digest.count, bytes, UInt64(bytes.count), nil, 0)
        return Base64URL.encode(digest)
    }

    /// The `value` of the row that counts the responses answering a question (no score can be it).
    public static let answeredMarker = Int.min

    /// Adds one response's answers to the campaign's running counts (in the submitting transaction).
    static func count(_ db: Database, campaignID: String, answers: [Answer]) throws {
        let tally = try db.cachedStatement(sql: """
            INSERT INTO tally (campaign_id, question_id, facilitator, value, count, total) VALUES (?, ?, ?, ?, 1, ?)
            ON CONFLICT (campaign_id, question_id, facilitator, value) DO UPDATE SET count = count + 1, total = total + excluded.total
            """)
        for answer in answers {
            try tally.execute(arguments: [campaignID, answer.questionId, answer.facilitator, answeredMarker, answer.number])
            if !answer.choices.isEmpty {
                for choice in answer.choices { try tally.execute(arguments: [campaignID, answer.questionId, "", choice, 0]) }
            } else if answer.before > 0 {
                try tally.execute(arguments: [campaignID, answer.questionId, "", answer.before * 10 + answer.after, 0])
            } else if !answer.text.isEmpty {
                try db.run(
                    sql: "INSERT INTO answer_text (campaign_id, id, question_id, text) VALUES (?, ?, ?, ?)",
                    arguments: [campaignID, randomID(20), answer.questionId, answer.text])
            } else if answer.number == answer.number.rounded(), abs(answer.number) < 1_000_000 {
                try tally.execute(arguments: [campaignID, answer.questionId, answer.facilitator, Int(answer.number), 0])
            }
        }
    }

    /// Rebuilds the running counts from the stored responses (once, for a database from before them).
    func countStoredResponses() async throws {
        try await db.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tally") == 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response") ?? 0 > 0
            else { return }
            let rows = try Row.fetchCursor(db, sql: "SELECT campaign_id, answers FROM response")
            while let row = try rows.next() {
                let answers = try Binakarier_Feedback_V1_SubmitResponseRequest(serializedBytes: [UInt8](row[1] as Data)).answers
                try Self.count(db, campaignID: row[0], answers: answers)
            }
        }
    }

    /// One running count: a question (and facilitator), a value, how many, their sum.
    public struct Count: Sendable, Hashable {
        public var question: String
        public var facilitator: String
        public var value: Int
        public var count: Int
        public var total: Double
    }

    /// The running counts of campaigns, summed over them.
    public func counts(campaigns: [String]) async throws -> [Count] {
        guard !campaigns.isEmpty else { return [] }
        return try await db.read { db in
            var sums: [Count] = []
            var index: [String: Int] = [:]
            // In chunks: SQLite takes at most 32,766 parameters.
            for chunk in Self.chunks(campaigns) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(
                    db, sql: "SELECT question_id, facilitator, value, SUM(count), SUM(total) FROM tally WHERE campaign_id IN (\(marks)) GROUP BY 1, 2, 3",
                    arguments: StatementArguments(chunk))
                {
                    let count = Count(question: row[0], facilitator: row[1], value: row[2], count: row[3], total: row[4])
                    let key = "\(count.question)\u{0}\(count.facilitator)\u{0}\(count.value)"
                    if let at = index[key] {
                        sums[at].count += count.count
                        sums[at].total += count.total
                    } else {
                        index[key] = sums.count
                        sums.append(count)
                    }
                }
            }
            return sums
        }
    }

    static func chunks(_ ids: [String]) -> [[String]] {
        stride(from: 0, to: ids.count, by: 500).map { Array(ids[$0..<min($0 + 500, ids.count)]) }
    }

    /// The free text answers of campaigns, by question.
    public func texts(campaigns: [String]) async throws -> [String: [String]] {
        guard !campaigns.isEmpty else { return [:] }
        return try await db.read { db in
            var texts: [String: [String]] = [:]
            for chunk in Self.chunks(campaigns) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: "SELECT question_id, text FROM answer_text WHERE campaign_id IN (\(marks))", arguments: StatementArguments(chunk)) {
                    texts[row[0], default: []].append(row[1])
                }
            }
            return texts
        }
    }

    /// Responses per campaign.
    public func responseCount(campaigns: [String]) async throws -> Int {
        guard !campaigns.isEmpty else { return 0 }
        return try await db.read { db in
            var total = 0
            for chunk in Self.chunks(campaigns) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                total += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response WHERE campaign_id IN (\(marks))", arguments: StatementArguments(chunk)) ?? 0
            }
            return total
        }
    }

    /// The stored responses of campaigns: answers, score, and for named campaigns the respondent and subject.
    public struct StoredResponse: Sendable {
        public var campaignID: String
        public var respondent: String
        public var subject: String
        public var score: Double?
        public var answers: [Answer]
    }

    public func responses(campaigns: [String]) async throws -> [StoredResponse] {
        guard !campaigns.isEmpty else { return [] }
        return try await db.read { db in
            var all: [StoredResponse] = []
            let statement = try db.cachedStatement(sql: "SELECT campaign_id, respondent_nip, subject_nip, score, answers FROM response WHERE campaign_id = ?")
            for id in campaigns {
                let rows = try Row.fetchCursor(statement, arguments: [id])
                while let row = try rows.next() {
                    let blob: Data = row[4]
                    let decoded = try Binakarier_Feedback_V1_SubmitResponseRequest(serializedBytes: [UInt8](blob))
                    all.append(.init(campaignID: row[0], respondent: row[1], subject: row[2], score: row[3], answers: decoded.answers))
                }
            }
            return all
        }
    }

    /// The campaigns `nip` took part in, and their own answers where the campaign was named.
    public func responses(of nip: String) async throws -> [Binakarier_Feedback_V1_MyResponse] {
        try await db.read { db in
            let taken = try String.fetchAll(db, sql: "SELECT DISTINCT campaign_id FROM participation WHERE respondent_nip = ? ORDER BY campaign_id", arguments: [nip])
            return try taken.compactMap { id -> Binakarier_Feedback_V1_MyResponse? in
                guard let campaign = try Self.campaign(db, id: id) else { return nil }
                var mine = Binakarier_Feedback_V1_MyResponse(campaignId: id, campaignTitle: campaign.title, anonymous: campaign.anonymous)
                if !campaign.anonymous,
                    let row = try Row.fetchOne(db, sql: "SELECT score, answers FROM response WHERE campaign_id = ? AND respondent_nip = ? LIMIT 1", arguments: [id, nip])
                {
                    mine.score = row[0] ?? 0
                    mine.answers = try Binakarier_Feedback_V1_SubmitResponseRequest(serializedBytes: [UInt8](row[1] as Data)).answers
                }
                return mine
            }
        }
    }

    // MARK: test results owed to programs

    public func owedAssessments(limit: Int = 100) async throws -> [(id: Int64, session: String, nip: String, kind: Binakarier_Programs_V1_AssessmentKind, score: Double)] {
        try await db.read { db in
            try Row.fetchAll(db, sql: "SELECT id, session_id, nip, kind, score FROM assessment_outbox ORDER BY id LIMIT ?", arguments: [limit]).map {
                (id: $0[0], session: $0[1], nip: $0[2], kind: Binakarier_Programs_V1_AssessmentKind(rawValue: $0[3]) ?? .unspecified, score: $0[4])
            }
        }
    }

    public func assessmentSent(_ id: Int64) async throws {
        try await db.write { db in try db.run(sql: "DELETE FROM assessment_outbox WHERE id = ?", arguments: [id]) }
    }

    // MARK: the schedule

    /// Records campaigns to open (at most once each: the key), in the consumer's transaction.
    static func plan(_ db: Database, key: String, due: Int64, purpose: Purpose, sessionID: String, waveDays: Int32 = 0) throws {
        try db.run(
            sql: "INSERT OR IGNORE INTO schedule (key, due_time, purpose, session_id, wave_days) VALUES (?, ?, ?, ?, ?)",
            arguments: [key, due, purpose.rawValue, sessionID, waveDays])
    }

    static func cancelPlans(_ db: Database, sessionID: String) throws {
        try db.run(sql: "UPDATE schedule SET state = 3, note = 'angkatan dibatalkan' WHERE session_id = ? AND state = 0", arguments: [sessionID])
    }

    public struct Plan: Sendable, Hashable {
        public var key: String
        public var due: Int64
        public var purpose: Purpose
        public var sessionID: String
        public var waveDays: Int32
    }

    public func duePlans() async throws -> [Plan] {
        let time = now()
        return try await db.read { db in
            try Row.fetchAll(db, sql: "SELECT key, due_time, purpose, session_id, wave_days FROM schedule WHERE state = 0 AND due_time <= ? ORDER BY due_time, key", arguments: [time]).map {
                Plan(key: $0[0], due: $0[1], purpose: Purpose(rawValue: $0[2]) ?? .unspecified, sessionID: $0[3], waveDays: $0[4])
            }
        }
    }

    public func plans(sessionID: String) async throws -> [(key: String, state: Int, campaign: String)] {
        try await db.read { db in
            try Row.fetchAll(db, sql: "SELECT key, state, campaign_id FROM schedule WHERE session_id = ? ORDER BY key", arguments: [sessionID]).map {
                (key: $0[0], state: $0[1], campaign: $0[2])
            }
        }
    }

    public func skipPlan(_ key: String, note: String) async throws {
        try await db.write { db in try db.run(sql: "UPDATE schedule SET state = 2, note = ? WHERE key = ? AND state = 0", arguments: [note, key]) }
    }

    // MARK: the change feed

    public func changes(after sequence: Int64, limit: Int) async throws -> FeedPage {
        try await Outbox.changes(db, after: sequence, limit: limit)
    }
}
