import BKProto
import BKServiceKit
import Foundation
import GRDB

extension ProgramsSchema {
    /// What each agency's imported SIASN export holds (replaced whole by the next import of that agency).
    static func registerSiasn(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("programs-siasn-1") { db in
            try db.execute(sql: """
                CREATE TABLE siasn_import (
                    agency_code TEXT PRIMARY KEY NOT NULL,
                    rows INTEGER NOT NULL,
                    format INTEGER NOT NULL,
                    imported_by TEXT NOT NULL,
                    import_time INTEGER NOT NULL
                );
                CREATE TABLE siasn_course (
                    agency_code TEXT NOT NULL REFERENCES siasn_import(agency_code) ON DELETE CASCADE,
                    line INTEGER NOT NULL,
                    nip TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    -- The record as read (SiasnCourse), with the columns searched on apart.
                    message BLOB NOT NULL,
                    PRIMARY KEY (agency_code, line)
                ) WITHOUT ROWID;
                CREATE INDEX siasn_course_by_nip ON siasn_course(nip, year);
                """)
        }
    }
}

/// The facts of a session certificate and of a verified outside-learning entry that the SIASN records
/// are made of; the service turns them into SiasnCourse (names, links) once it knows the people.
public struct SiasnSourceRecords: Sendable {
    public struct SessionCertificate: Sendable {
        public var certificate: Certificate
        public var firstDay: String
        public var kind: Binakarier_Programs_V1_ProgramKind
        public var organizerAgencyCode: String
        public var competencyTypes: Set<Binakarier_Programs_V1_CompetencyType>
    }

    public var certificates: [SessionCertificate] = []
    public var outside: [LedgerEntry] = []
}

extension ProgramsStore {
    // MARK: what this system holds

    /// Valid certificates and verified outside learning of `nip` (or of everyone when empty), of a year
    /// (every year when 0: the year the learning ended).
    public func siasnSourceRecords(nip: String, year: Int32) async throws -> SiasnSourceRecords {
        try await db.read { db in
            var programs: [String: (kind: Binakarier_Programs_V1_ProgramKind, organizer: String)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT code, kind, message FROM program") {
                let program = try? Program(serializedBytes: [UInt8](row["message"] as Data))
                programs[row["code"]] = (.init(rawValue: row["kind"]) ?? .unspecified, program?.organizerAgencyCode ?? "")
            }
            var types: [String: Set<Binakarier_Programs_V1_CompetencyType>] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT pc.program_code, k.type FROM program_competency pc JOIN competency k ON k.code = pc.competency_code
                """) {
                types[row[0], default: []].insert(.init(rawValue: row[1]) ?? .unspecified)
            }
            var records = SiasnSourceRecords()
            var sql = """
                SELECT c.*, (SELECT MIN(d.date) FROM session_day d WHERE d.session_id = c.session_id) AS first_day
                FROM certificate c WHERE c.revoked = 0
                """
            var arguments: StatementArguments = []
            if !nip.isEmpty { sql += " AND c.nip = ?"; arguments += [nip] }
            if year != 0 { sql += " AND c.issue_date LIKE ?"; arguments += ["\(year)-%"] }
            for row in try Row.fetchAll(db, sql: sql + " ORDER BY c.nip, c.issue_date, c.number", arguments: arguments) {
                let certificate = Self.certificate(row)
                let program = programs[certificate.programCode]
                records.certificates.append(.init(
                    certificate: certificate, firstDay: row["first_day"] ?? certificate.issueDate, kind: program?.kind ?? .unspecified,
                    organizerAgencyCode: program?.organizer ?? "", competencyTypes: types[certificate.programCode] ?? []))
            }
            sql = "SELECT * FROM ledger_entry WHERE source = 2 AND state = 2"
            arguments = []
            if !nip.isEmpty { sql += " AND nip = ?"; arguments += [nip] }
            if year != 0 { sql += " AND year = ?"; arguments += [year] }
            records.outside = try Row.fetchAll(db, sql: sql + " ORDER BY nip, end_date, id", arguments: arguments).map(Self.ledgerEntry)
            return records
        }
    }

    // MARK: what SIASN holds

    /// Replaces the agency's imported SIASN export with `courses` (all or nothing); the rows replaced.
    public func replaceSiasnImport(
        agencyCode: String, courses: [SiasnCourse], format: Binakarier_Programs_V1_SiasnFileFormat, by subject: String
    ) async throws -> Int {
        let time = now()
        return try await write { db in
            let replaced = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM siasn_course WHERE agency_code = ?", arguments: [agencyCode]) ?? 0
            try db.execute(sql: "DELETE FROM siasn_import WHERE agency_code = ?", arguments: [agencyCode])
            try db.execute(
                sql: "INSERT INTO siasn_import (agency_code, rows, format, imported_by, import_time) VALUES (?, ?, ?, ?, ?)",
                arguments: [agencyCode, courses.count, format.rawValue, subject, time])
            let insert = try db.cachedStatement(sql: "INSERT INTO siasn_course (agency_code, line, nip, year, message) VALUES (?, ?, ?, ?, ?)")
            for course in courses {
                var stored = course
                stored.agencyCode = agencyCode
                try insert.execute(arguments: [agencyCode, Int(course.sourceId) ?? 0, course.nipBaru, course.tahunKursus, Data(try stored.serializedBytes())])
            }
            return replaced
        }
    }

    /// SIASN's records of an agency's import, or of one person in every agency's import; of a year (0: all).
    public func siasnCourses(agencyCode: String, nip: String, year: Int32) async throws -> [SiasnCourse] {
        try await db.read { db in
            var sql = "SELECT message FROM siasn_course WHERE 1 = 1"
            var arguments: StatementArguments = []
            if !agencyCode.isEmpty { sql += " AND agency_code = ?"; arguments += [agencyCode] }
            if !nip.isEmpty { sql += " AND nip = ?"; arguments += [nip] }
            if year != 0 { sql += " AND year = ?"; arguments += [year] }
            return try Data.fetchAll(db, sql: sql + " ORDER BY agency_code, line", arguments: arguments).map { try SiasnCourse(serializedBytes: [UInt8]($0)) }
        }
    }

    /// The imports of these agencies (every agency's when empty).
    public func siasnImports(agencyCodes: [String]) async throws -> [Binakarier_Programs_V1_SiasnImport] {
        try await db.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM siasn_import ORDER BY agency_code").compactMap { row -> Binakarier_Programs_V1_SiasnImport? in
                let agency: String = row["agency_code"]
                guard agencyCodes.isEmpty || agencyCodes.contains(agency) else { return nil }
                // Typed one by one: inferred in one expression, this took the type checker two seconds.
                let rows: Int32 = row["rows"], importedBy: String = row["imported_by"], importTime: Int64 = row["import_time"]
                let format: Int32 = row["format"]
                return .init(
                    agencyCode: agency, rows: rows, importedBy: importedBy, importTimeUnix: importTime,
                    format: .init(rawValue: format) ?? .unspecified)
            }
        }
    }

    /// SIASN's person ids (pnsOrangId) that imports told, by NIP.
    public func siasnPersonIDs(nips: Set<String>) async throws -> [String: String] {
        guard !nips.isEmpty else { return [:] }
        return try await db.read { db in
            var found: [String: String] = [:]
            let rows = try Data.fetchCursor(db, sql: "SELECT message FROM siasn_course")
            while let data = try rows.next() {
                guard let course = try? SiasnCourse(serializedBytes: [UInt8](data)), !course.pnsOrangId.isEmpty, nips.contains(course.nipBaru) else { continue }
                found[course.nipBaru] = course.pnsOrangId
            }
            return found
        }
    }
}
