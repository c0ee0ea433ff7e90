import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import BKStore
import Foundation
import GRDB

/// The reporting store on SQLite (GRDB): the replica (written only by the sync), the outcome data
/// (written by imports), published reports. Reports read it in one snapshot.
public final class ReportingStore: Sendable {
    let db: any DatabaseWriter
    let now: @Sendable () -> Int64

    public init(db: any DatabaseWriter, now: @escaping @Sendable () -> Int64 = WallClock.nowUnix) {
        self.db = db
        self.now = now
    }

    public static func open(directory: String, now: @escaping @Sendable () -> Int64 = WallClock.nowUnix) throws -> ReportingStore {
        ReportingStore(db: try Store.open(directory: directory, name: "reporting", migrator: ReportingSchema.migrator), now: now)
    }

    public static func inMemory(now: @escaping @Sendable () -> Int64 = WallClock.nowUnix) throws -> ReportingStore {
        ReportingStore(db: try Store.inMemory(migrator: ReportingSchema.migrator), now: now)
    }

    public func close() throws { try db.close() }

    /// `<directory>/tmp`, 0700: where exports write their scratch files (they hold personal data).
    public static func scratchDirectory(in directory: String) throws -> String {
        let path = "\(directory)/tmp"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(path, 0o700)
        return path
    }

    /// One consistent snapshot for a whole report.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await db.read(body)
    }

    // MARK: positions

    func positions() async throws -> Binakarier_Reporting_V1_DataPositions {
        try await db.read { db in try Self.positions(db) }
    }

    /// Everything a report depends on, as one key: the positions, the replica's version and the counters.
    static func dataVersion(_ db: Database) throws -> String {
        let row = try Row.fetchAll(db, sql: "SELECT key, value FROM sync_state WHERE key != 'last_sync' ORDER BY key")
            .map { "\($0[0] as String)=\($0[1] as Int64)" }.joined(separator: ",")
        let cursors = try Row.fetchAll(db, sql: "SELECT feed, sequence FROM feed_cursor ORDER BY feed")
            .map { "\($0[0] as String)=\($0[1] as Int64)" }.joined(separator: ",")
        return row + ";" + cursors
    }

    static func positions(_ db: Database) throws -> Binakarier_Reporting_V1_DataPositions {
        func cursor(_ feed: String) throws -> Int64 {
            try Int64.fetchOne(db, sql: "SELECT sequence FROM feed_cursor WHERE feed = ?", arguments: [feed]) ?? 0
        }
        return .init(
            programsSequence: try cursor(DaemonName.programs.rawValue),
            feedbackSequence: try cursor(DaemonName.feedback.rawValue),
            identitySyncedUnix: try counter(db, "identity_synced"),
            outcomeVersion: try counter(db, "outcome_version"))
    }

    static func counter(_ db: Database, _ key: String) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM sync_state WHERE key = ?", arguments: [key]) ?? 0
    }

    /// Raises the replica's version: every write of the replica does, in its transaction, so that a
    /// report cached at one version is never served for data that moved (results read after a feed's
    /// cursor moved, a refreshed session, re-listed people).
    static func touch(_ db: Database) throws {
        try db.run(
            sql: "INSERT INTO sync_state (key, value) VALUES ('replica_version', 1) ON CONFLICT(key) DO UPDATE SET value = value + 1")
    }

    static func setCounter(_ db: Database, _ key: String, _ value: Int64, text: String = "") throws {
        try db.run(
            sql: "INSERT INTO sync_state (key, value, text) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, text = excluded.text",
            arguments: [key, value, text])
    }

    func setSyncOutcome(time: Int64, error: String) async throws {
        try await db.write { db in try Self.setCounter(db, "last_sync", time, text: error) }
    }

    func status() async throws -> Binakarier_Reporting_V1_DataStatus {
        try await db.read { db in
            let lastSync = try Row.fetchOne(db, sql: "SELECT value, text FROM sync_state WHERE key = 'last_sync'")
            return .init(
                positions: try Self.positions(db),
                lastSyncUnix: lastSync?["value"] ?? 0,
                lastError: lastSync?["text"] ?? "",
                people: Int32(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person") ?? 0),
                enrolments: Int32(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enrolment") ?? 0),
                campaigns: Int32(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM campaign") ?? 0))
        }
    }

    // MARK: the replica: identity

    /// Brings the people and agencies to identity's current list, in one transaction: rows that changed
    /// are written, rows identity no longer has are deleted (a round of a city writes little).
    func replacePeople(_ people: [Binakarier_Identity_V1_Employee], agencies: [Binakarier_Identity_V1_Agency]) async throws {
        let time = now()
        try await db.write { db in
            try Self.touch(db)
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS listed (nip TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID; DELETE FROM listed")
            for person in people {
                try db.run(sql: "INSERT OR IGNORE INTO listed (nip) VALUES (?)", arguments: [person.nip])
            }
            try db.execute(sql: "DELETE FROM person WHERE nip NOT IN (SELECT nip FROM listed); DELETE FROM listed; DELETE FROM agency; DELETE FROM unit")
            for person in people {
                try db.run(
                    sql: """
                        INSERT INTO person (nip, name, asn_type, sex, golongan, pppk_grade, job_level, education, agency, unit,
                            supervisor, status, position, service_start) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                        ON CONFLICT(nip) DO UPDATE SET name = excluded.name, asn_type = excluded.asn_type, sex = excluded.sex,
                            golongan = excluded.golongan, pppk_grade = excluded.pppk_grade, job_level = excluded.job_level,
                            education = excluded.education, agency = excluded.agency, unit = excluded.unit, supervisor = excluded.supervisor,
                            status = excluded.status, position = excluded.position, service_start = excluded.service_start
                        WHERE (name, asn_type, sex, golongan, pppk_grade, job_level, education, agency, unit, supervisor, status, position, service_start)
                            IS NOT (excluded.name, excluded.asn_type, excluded.sex, excluded.golongan, excluded.pppk_grade, excluded.job_level,
                                    excluded.education, excluded.agency, excluded.unit, excluded.supervisor, excluded.status, excluded.position,
                                    excluded.service_start)
                        """,
                    arguments: [person.nip, person.name, person.asnType.rawValue, person.sex.rawValue, person.golongan.rawValue,
                                person.pppkGrade, person.jobLevel.rawValue, person.education.rawValue, person.agencyCode,
                                person.unitCode, person.supervisorNip, person.status.rawValue, person.positionTitle, person.serviceStart])
            }
            for agency in agencies {
                try db.run(sql: "INSERT INTO agency (code, name, head_nip) VALUES (?, ?, ?)", arguments: [agency.code, agency.name, agency.headNip])
                for unit in agency.units {
                    try db.run(
                        sql: "INSERT OR REPLACE INTO unit (agency, code, name, head_nip) VALUES (?, ?, ?, ?)",
                        arguments: [agency.code, unit.code, unit.name, unit.headNip])
                }
            }
            try Self.setCounter(db, "identity_synced", time)
        }
    }

    // MARK: the replica: programs' feed

    /// Applies one change of programs' feed (in the consumer's transaction). Kinds it does not use are
    /// skipped; payloads that do not decode are skipped too (a newer producer), never fatal.
    static func applyProgramChange(_ db: Database, _ change: FeedChange) throws {
        if change.kind.hasPrefix("session.") {
            guard let session = try? Binakarier_Programs_V1_Session(serializedBytes: change.payload), !session.id.isEmpty else { return }
            let days = session.days.map(\.date).sorted()
            let last = days.last ?? ""
            let year = Int(last.prefix(4)) ?? 0
            let month = Int(last.dropFirst(5).prefix(2)) ?? 1
            try db.run(
                sql: """
                    INSERT INTO session (id, program_code, state, first_day, last_day, year, quarter) VALUES (?,?,?,?,?,?,?)
                    ON CONFLICT(id) DO UPDATE SET program_code = excluded.program_code, state = excluded.state,
                        first_day = excluded.first_day, last_day = excluded.last_day, year = excluded.year, quarter = excluded.quarter
                    """,
                arguments: [session.id, session.programCode, session.state.rawValue, days.first ?? "", last, year, (month - 1) / 3 + 1])
            try notePrograms(db, session.programCode)
        } else if ["enrolment.changed", "completion.changed", "assessment.recorded"].contains(change.kind) {
            guard let enrolment = try? Binakarier_Programs_V1_Enrolment(serializedBytes: change.payload), !enrolment.nip.isEmpty else { return }
            try db.run(
                sql: """
                    INSERT INTO enrolment (session_id, nip, program_code, agency, state, completion, attendance, pre_test, post_test, certificate)
                    VALUES (?,?,?,?,?,?,?,?,?,?)
                    ON CONFLICT(session_id, nip) DO UPDATE SET program_code = excluded.program_code, agency = excluded.agency,
                        state = excluded.state, completion = excluded.completion, attendance = excluded.attendance,
                        pre_test = excluded.pre_test, post_test = excluded.post_test, certificate = excluded.certificate
                    """,
                arguments: [enrolment.sessionId, enrolment.nip, enrolment.programCode, enrolment.agencyCode, enrolment.state.rawValue,
                            enrolment.completion.rawValue, enrolment.attendancePercent, enrolment.preTestScore, enrolment.postTestScore,
                            enrolment.certificateNumber])
            try notePrograms(db, enrolment.programCode)
        } else if change.kind == "attendance.marked" {
            // The share attended is announced with completion; a running session's is read again.
            guard let record = try? Binakarier_Programs_V1_AttendanceRecord(serializedBytes: change.payload), !record.sessionId.isEmpty else { return }
            try db.run(sql: "INSERT OR IGNORE INTO session_refresh (id) VALUES (?)", arguments: [record.sessionId])
        } else if change.kind == "ledger.changed" {
            guard let entry = try? Binakarier_Programs_V1_LedgerEntry(serializedBytes: change.payload), !entry.id.isEmpty else { return }
            try db.run(
                sql: """
                    INSERT INTO ledger_line (id, nip, year, source, kind, jp, state, title, session_id, end_date) VALUES (?,?,?,?,?,?,?,?,?,?)
                    ON CONFLICT(id) DO UPDATE SET nip = excluded.nip, year = excluded.year, source = excluded.source, kind = excluded.kind,
                        jp = excluded.jp, state = excluded.state, title = excluded.title, session_id = excluded.session_id, end_date = excluded.end_date
                    """,
                arguments: [entry.id, entry.nip, entry.year, entry.source.rawValue, entry.kind.rawValue, entry.jp, entry.state.rawValue,
                            entry.title, entry.sessionId, entry.endDate])
        }
    }

    /// A program first seen in the feed is fetched by the sync (programs' feed carries no program changes).
    static func notePrograms(_ db: Database, _ code: String) throws {
        guard !code.isEmpty else { return }
        try db.run(
            sql: "INSERT OR IGNORE INTO program (code, title, kind, jp, cost_rupiah, organizer, fetched) VALUES (?, ?, 0, 0, 0, '', 0)",
            arguments: [code, code])
    }

    func programsToFetch() async throws -> [String] {
        try await db.read { db in try String.fetchAll(db, sql: "SELECT code FROM program WHERE fetched = 0 LIMIT 200") }
    }

    func saveProgram(_ program: Binakarier_Programs_V1_Program) async throws {
        try await db.write { db in
            try Self.touch(db)
            try db.run(
                sql: """
                    INSERT INTO program (code, title, kind, jp, cost_rupiah, organizer, fetched) VALUES (?,?,?,?,?,?,1)
                    ON CONFLICT(code) DO UPDATE SET title = excluded.title, kind = excluded.kind, jp = excluded.jp,
                        cost_rupiah = excluded.cost_rupiah, organizer = excluded.organizer, fetched = 1
                    """,
                arguments: [program.code, program.title, program.kind.rawValue, program.jp, program.costRupiah, program.organizerAgencyCode])
        }
    }

    /// Marks every program to be fetched again (programs' feed does not announce program updates).
    func refetchPrograms() async throws {
        try await db.write { db in try db.run(sql: "UPDATE program SET fetched = 0") }
    }

    /// Sessions whose attendance moved since their shares were read.
    func sessionsToRefresh(limit: Int = 100) async throws -> [String] {
        try await db.read { db in try String.fetchAll(db, sql: "SELECT id FROM session_refresh LIMIT ?", arguments: [limit]) }
    }

    /// The enrolled participants of a session with their shares, as programs computes them now.
    func refreshSession(_ id: String, enrolments: [Binakarier_Programs_V1_Enrolment]) async throws {
        try await db.write { db in
            try Self.touch(db)
            for enrolment in enrolments {
                try db.run(
                    sql: "UPDATE enrolment SET attendance = ? WHERE session_id = ? AND nip = ?",
                    arguments: [enrolment.attendancePercent, id, enrolment.nip])
            }
            try db.run(sql: "DELETE FROM session_refresh WHERE id = ?", arguments: [id])
        }
    }

    // MARK: the replica: feedback's feed

    static func applyFeedbackChange(_ db: Database, _ change: FeedChange) throws {
        if change.kind.hasPrefix("campaign") || change.kind.hasPrefix("response") {
            guard let campaign = try? Binakarier_Feedback_V1_Campaign(serializedBytes: change.payload), !campaign.id.isEmpty else { return }
            try db.run(
                sql: """
                    INSERT INTO campaign (id, purpose, program_code, session_id, agency, unit, anonymous, open_time, close_time, state,
                        audience_size, responses, wave_days, results, results_stale) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,1)
                    ON CONFLICT(id) DO UPDATE SET purpose = excluded.purpose, program_code = excluded.program_code,
                        session_id = excluded.session_id, agency = excluded.agency, unit = excluded.unit, anonymous = excluded.anonymous,
                        open_time = excluded.open_time, close_time = excluded.close_time, state = excluded.state,
                        audience_size = excluded.audience_size, responses = excluded.responses, wave_days = excluded.wave_days,
                        results_stale = 1
                    """,
                arguments: [campaign.id, campaign.purpose.rawValue, campaign.programCode, (campaign.audience?.sessionId ?? ""),
                            campaign.agencyCode, (campaign.audience?.unitCode ?? ""), campaign.anonymous, campaign.openTimeUnix,
                            campaign.closeTimeUnix, campaign.state.rawValue, campaign.audienceSize, campaign.responses, campaign.waveDays])
            if !campaign.programCode.isEmpty {
                // Results belong to the year of the session they evaluate (a follow-up 90 days after a
                // December session opens in the next year), as participants and completions do.
                let sessionYear = try Int.fetchOne(db, sql: "SELECT year FROM session WHERE id = ?", arguments: [campaign.audience?.sessionId ?? ""])
                let year = sessionYear ?? CalendarDate(wib: campaign.openTimeUnix).year
                try db.run(
                    sql: """
                        INSERT INTO program_result (program_code, year, purpose, results, stale) VALUES (?, ?, ?, NULL, 1)
                        ON CONFLICT(program_code, year, purpose) DO UPDATE SET stale = 1
                        """,
                    arguments: [campaign.programCode, year, campaign.purpose.rawValue])
            }
        } else if change.kind.hasPrefix("dialogue") {
            guard let dialogue = try? Binakarier_Feedback_V1_Dialogue(serializedBytes: change.payload), !dialogue.id.isEmpty else { return }
            try db.run(
                sql: "INSERT OR REPLACE INTO dialogue (id, agency, unit, date, state, aspirations) VALUES (?,?,?,?,?,?)",
                arguments: [dialogue.id, dialogue.agencyCode, dialogue.unitCode, dialogue.date, dialogue.state.rawValue, dialogue.aspirations])
        } else if change.kind == ChangeProjectEvidence.feedKind {
            try ChangeProjectEvidence.apply(db, change)
        } else if change.kind.hasPrefix("action") {
            guard let action = try? Binakarier_Feedback_V1_ActionItem(serializedBytes: change.payload), !action.id.isEmpty else { return }
            try db.run(
                sql: """
                    INSERT OR REPLACE INTO action_item (id, title, agency, source, source_id, state, due_date, create_time, close_time)
                    VALUES (?,?,?,?,?,?,?,?,?)
                    """,
                arguments: [action.id, action.title, action.agencyCode, action.source.rawValue, action.sourceId, action.state.rawValue,
                            action.dueDate, action.createTimeUnix, action.closeTimeUnix])
        }
    }

    /// IKM campaigns whose results are to be read again: their unit's index feeds Level 4.
    func staleIkmCampaigns(limit: Int = 200) async throws -> [(id: String, anonymous: Bool, closed: Bool)] {
        try await db.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, anonymous, state FROM campaign WHERE results_stale = 1 AND purpose = ? LIMIT ?",
                arguments: [Binakarier_Feedback_V1_Purpose.ikm.rawValue, limit]
            ).map { ($0["id"], $0["anonymous"], ($0["state"] as Int) == Binakarier_Feedback_V1_CampaignState.closed.rawValue) }
        }
    }

    func saveCampaignResults(id: String, results: Binakarier_Feedback_V1_Results?) async throws {
        let bytes = try results.map { try $0.serializedBytes() }
        try await db.write { db in
            try Self.touch(db)
            try db.run(sql: "UPDATE campaign SET results = ?, results_stale = 0 WHERE id = ?", arguments: [bytes.map { Data($0) }, id])
        }
    }

    func staleProgramResults(limit: Int = 200) async throws -> [(program: String, year: Int, purpose: Int)] {
        try await db.read { db in
            try Row.fetchAll(db, sql: "SELECT program_code, year, purpose FROM program_result WHERE stale = 1 LIMIT ?", arguments: [limit])
                .map { ($0["program_code"], $0["year"], $0["purpose"]) }
        }
    }

    /// The campaigns of a program and purpose that belong to `year`: the year of the batch they evaluate
    /// (as the campaign's change filed them), or of their opening when they evaluate no batch.
    func programCampaigns(program: String, year: Int, purpose: Int) async throws -> [String] {
        try await db.read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT c.id, s.year AS session_year, c.open_time FROM campaign c LEFT JOIN session s ON s.id = c.session_id
                    WHERE c.program_code = ? AND c.purpose = ? ORDER BY c.id
                    """,
                arguments: [program, purpose]
            ).compactMap { row -> String? in
                let campaignYear = (row["session_year"] as Int?) ?? CalendarDate(wib: row["open_time"]).year
                return campaignYear == year ? row["id"] : nil
            }
        }
    }

    func saveProgramResult(program: String, year: Int, purpose: Int, results: Binakarier_Feedback_V1_Results?) async throws {
        let bytes = try results.map { try $0.serializedBytes() }
        try await db.write { db in
            try Self.touch(db)
            try db.run(
                sql: "UPDATE program_result SET results = ?, stale = 0 WHERE program_code = ? AND year = ? AND purpose = ?",
                arguments: [bytes.map { Data($0) }, program, year, purpose])
        }
    }

    /// Marks everything read from feedback to be read again (after a sync of the dialogues' counts,
    /// or when feedback's k or rules changed).
    func refreshAllResults() async throws {
        try await db.write { db in
            try Self.touch(db)
            try db.run(sql: "UPDATE campaign SET results_stale = 1 WHERE purpose = ?", arguments: [Binakarier_Feedback_V1_Purpose.ikm.rawValue])
            try db.run(sql: "UPDATE program_result SET stale = 1")
        }
    }

    func replaceDialogues(_ dialogues: [Binakarier_Feedback_V1_Dialogue]) async throws {
        try await db.write { db in
            try Self.touch(db)
            for dialogue in dialogues {
                try db.run(
                    sql: "INSERT OR REPLACE INTO dialogue (id, agency, unit, date, state, aspirations) VALUES (?,?,?,?,?,?)",
                    arguments: [dialogue.id, dialogue.agencyCode, dialogue.unitCode, dialogue.date, dialogue.state.rawValue, dialogue.aspirations])
            }
        }
    }
}
