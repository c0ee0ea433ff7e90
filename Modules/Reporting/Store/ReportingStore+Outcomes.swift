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
        public init(nip: String, year: Int, level: SanctionLevel, kind: String, decree: String) {
            self.nip = nip
            self.year = year
            self.level = level
            self.kind = kind
            self.decree = decree
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

    /// A file covers its years: the sanctions of those years are replaced by its rows, and those years
    /// count as known (people without a row had none).
    public func saveSanctions(_ rows: [SanctionRow], years: Set<Int>) async throws {
        try await db.write { db in
            for year in years {
                try db.run(sql: "DELETE FROM discipline WHERE year = ?", arguments: [year])
                try db.run(sql: "INSERT OR IGNORE INTO discipline_year (year) VALUES (?)", arguments: [year])
            }
            for row in rows {
                try db.run(
                    sql: "INSERT INTO discipline (nip, year, level, kind, decree) VALUES (?, ?, ?, ?, ?)",
                    arguments: [row.nip, row.year, row.level.rawValue, row.kind, row.decree])
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

    /// The NIPs of the replica among `nips` (imports refuse people identity does not know).
    func knownPeople(_ nips: Set<String>) async throws -> Set<String> {
        try await db.read { db in
            var known: Set<String> = []
            for nip in nips where try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE nip = ?", arguments: [nip]) == true {
                known.insert(nip)
            }
            return known
        }
    }

    func knownUnits() async throws -> Set<String> {
        try await db.read { db in
            Set(try Row.fetchAll(db, sql: "SELECT agency, code FROM unit").map { "\($0["agency"] as String)/\($0["code"] as String)" }
                + (try String.fetchAll(db, sql: "SELECT code FROM agency")).map { "\($0)/" })
        }
    }

    // MARK: published reports

    func publish(_ report: Binakarier_Reporting_V1_Report, id: String, agency: String) async throws {
        let bytes = try report.serializedBytes()
        try await db.write { db in
            try db.run(
                sql: """
                    INSERT INTO published_report (id, kind, scope, year, quarter, title, sha256, report, publish_time, published_by, agency)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?)
                    """,
                arguments: [id, report.kind.rawValue, report.scope, report.year, report.quarter, report.title, report.sha256,
                            Data(bytes), report.publishTimeUnix, report.publishedBy, agency])
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

    /// Newest first; `agency` and `nip` narrow the list for callers who see only their own.
    func publishedList(kind: Int, scope: String, agency: String?, person: String?, after: String?, limit: Int) async throws -> [Binakarier_Reporting_V1_PublishedReport] {
        try await db.read { db in
            var conditions = ["1 = 1"]
            var arguments: StatementArguments = []
            if kind != 0 { conditions.append("kind = ?"); arguments += [kind] }
            if !scope.isEmpty { conditions.append("scope = ?"); arguments += [scope] }
            if let agency, let person {
                conditions.append("(agency = ? OR (kind = ? AND scope = ?))")
                arguments += [agency, Binakarier_Reporting_V1_ReportKind.person.rawValue, person]
            } else if let person {
                conditions.append("kind = ? AND scope = ?")
                arguments += [Binakarier_Reporting_V1_ReportKind.person.rawValue, person]
            }
            if let after { conditions.append("id < ?"); arguments += [after] }
            arguments += [limit]
            return try Row.fetchAll(
                db, sql: "SELECT id, kind, scope, year, quarter, title, sha256, report, publish_time, published_by FROM published_report WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC LIMIT ?",
                arguments: arguments
            ).map { row in
                let data: Data = row["report"]
                let positions = (try? Binakarier_Reporting_V1_Report(serializedBytes: [UInt8](data)))?.positions
                return .init(
                    id: row["id"], kind: .init(rawValue: row["kind"]) ?? .unspecified, scope: row["scope"], year: row["year"],
                    quarter: row["quarter"], title: row["title"], sha256: row["sha256"], positions: positions,
                    publishTimeUnix: row["publish_time"], publishedBy: row["published_by"])
            }
        }
    }
}
