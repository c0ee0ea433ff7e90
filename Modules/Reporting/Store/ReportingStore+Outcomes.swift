import BKProto
import BKRPC
import Foundation
import GRDB

/// The outcome data this service owns. Every import is one transaction (all or nothing) and raises the
/// outcome version that reports record as their data position.
extension ReportingStore {
    public struct SkpRow: Sendable, Hashable {
        public var nip: String
        public var year: Int
        public var work: Rating
        public var behaviour: Rating
        public var predicate: Predicate { .of(work: work, behaviour: behaviour) }
        public init(nip: String, year: Int, work: Rating, behaviour: Rating) {
            self.nip = nip
            self.year = year
            self.work = work
            self.behaviour = behaviour
        }
    }

    public struct SanctionRow: Sendable, Hashable {
        public var nip: String
        public var year: Int
        public var level: SanctionLevel
        public var kind: String
        public var decree: String
        /// The person's agency (from the replica), so that an agency's file replaces only its own.
        public var agency: String
        public init(nip: String, year: Int, level: SanctionLevel, kind: String, decree: String, agency: String = "") {
            self.nip = nip
            self.year = year
            self.level = level
            self.kind = kind
            self.decree = decree
            self.agency = agency
        }
    }

    public struct IkmRow: Sendable, Hashable {
        public var agency: String
        public var unit: String
        public var year: Int
        public var semester: Int
        public var respondents: Int
        public var nrr: [Double]
        public var ikm: Double
        public init(agency: String, unit: String, year: Int, semester: Int, respondents: Int, nrr: [Double], ikm: Double) {
            self.agency = agency
            self.unit = unit
            self.year = year
            self.semester = semester
            self.respondents = respondents
            self.nrr = nrr
            self.ikm = ikm
        }
    }

    /// Each (NIP, year) has one SKP: an import replaces it.
    public func saveSkp(_ rows: [SkpRow]) async throws {
        try await db.write { db in
            for row in rows {
                try db.run(
                    sql: "INSERT OR REPLACE INTO skp (nip, year, work, behaviour, predicate) VALUES (?, ?, ?, ?, ?)",
                    arguments: [row.nip, row.year, row.work.rawValue, row.behaviour.rawValue, row.predicate.rawValue])
            }
            try Self.raiseOutcomeVersion(db)
        }
    }

    /// A file covers its years (and its agency, "" for the whole city): the sanctions there are replaced
    /// by its rows, and those years count as known there (people without a row had none).
    public func saveSanctions(_ rows: [SanctionRow], years: Set<Int>, agency: String = "") async throws {
        try await db.write { db in
            for year in years {
                if agency.isEmpty {
                    try db.run(sql: "DELETE FROM discipline WHERE year = ?", arguments: [year])
                } else {
                    try db.run(sql: "DELETE FROM discipline WHERE year = ? AND agency = ?", arguments: [year, agency])
                }
                try db.run(sql: "INSERT OR IGNORE INTO discipline_year (year, agency) VALUES (?, ?)", arguments: [year, agency])
            }
            for row in rows {
                try db.run(
                    sql: "INSERT INTO discipline (nip, year, level, kind, decree, agency) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [row.nip, row.year, row.level.rawValue, row.kind, row.decree, row.agency])
            }
            try Self.raiseOutcomeVersion(db)
        }
    }

    public func saveIkm(_ rows: [IkmRow]) async throws {
        try await db.write { db in
            for row in rows {
                try db.run(
                    sql: "INSERT OR REPLACE INTO outside_ikm (agency, unit, year, semester, respondents, nrr, ikm) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [row.agency, row.unit, row.year, row.semester, row.respondents,
                                row.nrr.map { String($0) }.joined(separator: ","), row.ikm])
            }
            try Self.raiseOutcomeVersion(db)
        }
    }

    static func raiseOutcomeVersion(_ db: Database) throws {
        try setCounter(db, "outcome_version", try counter(db, "outcome_version") + 1)
    }

    // MARK: published reports

    func publish(_ report: Binakarier_Reporting_V1_Report, id: String, agency: String) async throws {
        let bytes = try report.serializedBytes()
        try await db.write { db in
            try db.run(
                sql: """
                    INSERT INTO published_report (id, kind, scope, year, quarter, title, sha256, report, publish_time, published_by, agency,
                        programs_sequence, feedback_sequence, identity_synced, outcome_version)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                    """,
                arguments: [id, report.kind.rawValue, report.scope, report.year, report.quarter, report.title, report.sha256,
                            Data(bytes), report.publishTimeUnix, report.publishedBy, agency, report.positions?.programsSequence ?? 0,
                            report.positions?.feedbackSequence ?? 0, report.positions?.identitySyncedUnix ?? 0, report.positions?.outcomeVersion ?? 0])
        }
    }

    func published(id: String) async throws -> (report: Binakarier_Reporting_V1_Report, agency: String)? {
        try await db.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT report, agency FROM published_report WHERE id = ?", arguments: [id]) else { return nil }
            let data: Data = row["report"]
            // Bytes that no longer decode were altered or damaged: the same answer as a wrong hash.
            guard let report = try? Binakarier_Reporting_V1_Report(serializedBytes: [UInt8](data)) else {
                throw RPCError(.dataLoss, LocalizedText(
                    id: "laporan terbit \(id) rusak di basis data: pulihkan basis data dari cadangan",
                    en: "published report \(id) is damaged in the database: restore the database from a backup"))
            }
            return (report, row["agency"])
        }
    }

    /// Newest first; `agency` and `person` narrow the list for callers who see only their own. The page
    /// token is the last row's "publish_time/id".
    func publishedList(kind: Int, scope: String, agency: String?, person: String?, after: (time: Int64, id: String)?, limit: Int) async throws -> [Binakarier_Reporting_V1_PublishedReport] {
        try await db.read { db in
            var conditions = ["1 = 1"]
            var arguments: StatementArguments = []
            if kind != 0 { conditions.append("kind = ?"); arguments += [kind] }
            if !scope.isEmpty { conditions.append("scope = ?"); arguments += [scope] }
            if let agency, let person {
                conditions.append("((kind = ? AND agency = ?) OR (kind = ? AND scope = ?))")
                arguments += [Binakarier_Reporting_V1_ReportKind.agency.rawValue, agency, Binakarier_Reporting_V1_ReportKind.person.rawValue, person]
            } else if let person {
                conditions.append("kind = ? AND scope = ?")
                arguments += [Binakarier_Reporting_V1_ReportKind.person.rawValue, person]
            }
            if let after { conditions.append("(publish_time < ? OR (publish_time = ? AND id < ?))"); arguments += [after.time, after.time, after.id] }
            arguments += [limit]
            return try Row.fetchAll(
                db, sql: """
                    SELECT id, kind, scope, year, quarter, title, sha256, publish_time, published_by, programs_sequence, feedback_sequence,
                        identity_synced, outcome_version
                    FROM published_report WHERE \(conditions.joined(separator: " AND ")) ORDER BY publish_time DESC, id DESC LIMIT ?
                    """,
                arguments: arguments
            ).map { row in
                .init(
                    id: row["id"], kind: .init(rawValue: row["kind"]) ?? .unspecified, scope: row["scope"], year: row["year"],
                    quarter: row["quarter"], title: row["title"], sha256: row["sha256"],
                    positions: .init(programsSequence: row["programs_sequence"], feedbackSequence: row["feedback_sequence"],
                                     identitySyncedUnix: row["identity_synced"], outcomeVersion: row["outcome_version"]),
                    publishTimeUnix: row["publish_time"], publishedBy: row["published_by"])
            }
        }
    }
}
