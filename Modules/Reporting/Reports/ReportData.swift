import BKProto
import BKServiceKit
import Foundation
import GRDB

/// The reads reports are made of, each one query over the replica and the outcome data, in the
/// report's snapshot.
enum ReportData {
    /// A reference type: reports filter and group thousands of people many times over, and copying a
    /// struct of nine strings at each step costs more than the report's own arithmetic.
    final class Person: Sendable {
        let nip: String
        let name: String
        let asnType: Binakarier_Identity_V1_AsnType
        let sex: Binakarier_Identity_V1_Sex
        let golongan: Binakarier_Identity_V1_Golongan
        let jobLevel: Binakarier_Identity_V1_JobLevel
        let education: Binakarier_Identity_V1_EducationLevel
        let agency: String
        let unit: String
        let supervisor: String
        let active: Bool
        /// The year service started (TMT), 0 when unknown: trends count a person only from then on.
        let serviceYear: Int
        /// The service unit a person works in: "AGENCY/UNIT" (UNIT empty when directly under the agency).
        let unitKey: String

        init(nip: String, name: String, asnType: Binakarier_Identity_V1_AsnType, sex: Binakarier_Identity_V1_Sex, golongan: Binakarier_Identity_V1_Golongan, jobLevel: Binakarier_Identity_V1_JobLevel, education: Binakarier_Identity_V1_EducationLevel, agency: String, unit: String, supervisor: String, active: Bool, serviceYear: Int) {
            self.nip = nip
            self.name = name
            self.asnType = asnType
            self.sex = sex
            self.golongan = golongan
            self.jobLevel = jobLevel
            self.education = education
            self.agency = agency
            self.unit = unit
            self.supervisor = supervisor
            self.active = active
            self.serviceYear = serviceYear
            self.unitKey = "\(agency)/\(unit)"
        }
    }

    final class Enrolment: Sendable {
        let session: String
        let nip: String
        let program: String
        let agency: String
        let enrolled: Bool
        let completed: Bool
        let attendance: Double
        let preTest: Double
        let postTest: Double
        let year: Int
        let quarter: Int
        let lastDay: String
        let certificate: String

        init(session: String, nip: String, program: String, agency: String, enrolled: Bool, completed: Bool, attendance: Double, preTest: Double, postTest: Double, year: Int, quarter: Int, lastDay: String, certificate: String) {
            self.session = session
            self.nip = nip
            self.program = program
            self.agency = agency
            self.enrolled = enrolled
            self.completed = completed
            self.attendance = attendance
            self.preTest = preTest
            self.postTest = postTest
            self.year = year
            self.quarter = quarter
            self.lastDay = lastDay
            self.certificate = certificate
        }
    }

    struct Program: Sendable {
        var code: String
        var title: String
        var kind: Binakarier_Programs_V1_ProgramKind
        var jp: Int
        var costRupiah: Int64
    }

    static func people(_ db: Database, agency: String? = nil, nips: [String]? = nil) throws -> [Person] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let agency { conditions.append("agency = ?"); arguments += [agency] }
        if let nips { conditions.append("nip IN (\(nips.map { _ in "?" }.joined(separator: ",")))"); arguments += StatementArguments(nips) }
        let sql = "SELECT nip, name, asn_type, sex, golongan, job_level, education, agency, unit, supervisor, status, service_start FROM person"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
        // Columns by position: GRDB's lookup by name lower-cases the name on every access.
        return try Row.fetchAll(db, sql: sql + " ORDER BY agency, unit, nip", arguments: arguments).map { row in
            Person(
                nip: row[0], name: row[1], asnType: .init(rawValue: row[2]) ?? .unspecified,
                sex: .init(rawValue: row[3]) ?? .unspecified, golongan: .init(rawValue: row[4]) ?? .unspecified,
                jobLevel: .init(rawValue: row[5]) ?? .unspecified, education: .init(rawValue: row[6]) ?? .unspecified,
                agency: row[7], unit: row[8], supervisor: row[9],
                active: (row[10] as Int32) == Binakarier_Identity_V1_EmployeeStatus.active.rawValue,
                serviceYear: Int((row[11] as String).prefix(4)) ?? 0)
        }
    }

    static func agencies(_ db: Database) throws -> [(code: String, name: String)] {
        try Row.fetchAll(db, sql: "SELECT code, name FROM agency ORDER BY code").map { ($0["code"], $0["name"]) }
    }

    static func units(_ db: Database, agency: String) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT code, name FROM unit WHERE agency = ?", arguments: [agency]).map { ($0["code"], $0["name"]) })
    }

    static func programs(_ db: Database) throws -> [String: Program] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT code, title, kind, jp, cost_rupiah FROM program").map { row in
            (row["code"], Program(code: row["code"], title: row["title"], kind: .init(rawValue: row["kind"]) ?? .unspecified, jp: row["jp"], costRupiah: row["cost_rupiah"]))
        })
    }

    /// Enrolments (enrolled, not waitlisted or cancelled) of sessions ending in `years` (and a quarter).
    static func enrolments(_ db: Database, years: ClosedRange<Int>, quarter: Int = 0, program: String? = nil, nip: String? = nil, agency: String? = nil) throws -> [Enrolment] {
        var sql = """
            SELECT e.session_id, e.nip, e.program_code, e.agency, e.state, e.completion, e.attendance, e.pre_test, e.post_test,
                e.certificate, s.year, s.quarter, s.last_day
            FROM enrolment e JOIN session s ON s.id = e.session_id
            WHERE s.year BETWEEN ? AND ? AND e.state = ? AND s.state != ?
            """
        var arguments: StatementArguments = [years.lowerBound, years.upperBound, Binakarier_Programs_V1_EnrolmentState.enrolled.rawValue,
                                             Binakarier_Programs_V1_SessionState.cancelled.rawValue]
        if quarter > 0 { sql += " AND s.quarter = ?"; arguments += [quarter] }
        if let program { sql += " AND e.program_code = ?"; arguments += [program] }
        if let nip { sql += " AND e.nip = ?"; arguments += [nip] }
        if let agency { sql += " AND e.agency = ?"; arguments += [agency] }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            Enrolment(
                session: row[0], nip: row[1], program: row[2], agency: row[3], enrolled: true,
                completed: (row[5] as Int32) == Binakarier_Programs_V1_CompletionState.completed.rawValue,
                attendance: row[6], preTest: row[7], postTest: row[8], year: row[10],
                quarter: row[11], lastDay: row[12], certificate: row[9])
        }
    }

    /// Verified JP per person in a year.
    static func jp(_ db: Database, year: Int, only nips: [String]? = nil) throws -> [String: Int] {
        var result: [String: Int] = [:]
        let (filter, arguments) = only(nips)
        for row in try Row.fetchAll(
            db, sql: "SELECT nip, SUM(jp) AS jp FROM ledger_line WHERE year = ? AND state = ?\(filter) GROUP BY nip",
            arguments: [year, Binakarier_Programs_V1_LearningState.verified.rawValue] + arguments)
        { result[row[0]] = row[1] }
        return result
    }

    /// What each person completed in `years`: sessions of this system and verified outside learning.
    static func learning(_ db: Database, years: ClosedRange<Int>, only nips: [String]? = nil) throws -> [String: [(code: String, kind: Binakarier_Programs_V1_ProgramKind)]] {
        var result: [String: [(code: String, kind: Binakarier_Programs_V1_ProgramKind)]] = [:]
        let (filter, arguments) = only(nips)
        for row in try Row.fetchAll(
            db, sql: "SELECT nip, kind, title FROM ledger_line WHERE year BETWEEN ? AND ? AND state = ?\(filter)",
            arguments: [years.lowerBound, years.upperBound, Binakarier_Programs_V1_LearningState.verified.rawValue] + arguments)
        {
            result[row[0], default: []].append((row[2], .init(rawValue: row[1]) ?? .unspecified))
        }
        return result
    }

    static func predicates(_ db: Database, year: Int, only nips: [String]? = nil) throws -> [String: Predicate] {
        var result: [String: Predicate] = [:]
        let (filter, arguments) = only(nips)
        for row in try Row.fetchAll(db, sql: "SELECT nip, predicate FROM skp WHERE year = ?\(filter)", arguments: [year] + arguments) {
            result[row[0]] = Predicate(rawValue: row[1])
        }
        return result
    }

    /// The agencies whose discipline data covers `year` ("" for the whole city).
    static func disciplineCoverage(_ db: Database, year: Int) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT agency FROM discipline_year WHERE year = ?", arguments: [year]))
    }

    static func disciplineCovered(_ db: Database, year: Int, agency: String) throws -> Bool {
        let coverage = try disciplineCoverage(db, year: year)
        return coverage.contains("") || coverage.contains(agency)
    }

    static func heaviestSanctions(_ db: Database, year: Int, only nips: [String]? = nil) throws -> [String: SanctionLevel] {
        var result: [String: SanctionLevel] = [:]
        let (filter, arguments) = only(nips)
        for row in try Row.fetchAll(db, sql: "SELECT nip, MAX(level) AS level FROM discipline WHERE year = ?\(filter) GROUP BY nip", arguments: [year] + arguments) {
            result[row["nip"]] = SanctionLevel(rawValue: row["level"])
        }
        return result
    }

    /// " AND nip IN (…)" for a few people (a person's record), nothing for a group: one index lookup each
    /// instead of a scan of the city.
    static func only(_ nips: [String]?) -> (String, StatementArguments) {
        guard let nips, nips.count <= 100 else { return ("", []) }
        return (" AND nip IN (\(nips.map { _ in "?" }.joined(separator: ",")))", StatementArguments(nips))
    }

    /// IP ASN of each of `people` for `year`, from `reads` (each year's data read once per report).
    static func ipAsn(_ reads: Reads, rules: IpAsnRules, year: Int, people: [Person]) throws -> [String: (components: [Binakarier_Reporting_V1_IpAsnComponent], total: Double?)] {
        let jp = try reads.jp(year)
        let learningCovered = try reads.learningCovered(year)
        let learningBefore = try reads.learning(year - 1), learningNow = try reads.learning(year)
        let leadership = try reads.leadership(upTo: year)
        let predicates = try reads.predicates(year)
        let coverage = try reads.disciplineCoverage(year)
        let sanctions = try reads.sanctions(year)
        var result: [String: (components: [Binakarier_Reporting_V1_IpAsnComponent], total: Double?)] = [:]
        result.reserveCapacity(people.count)
        for person in people {
            var facts = IpAsnRules.Facts()
            facts.education = person.education
            facts.jobLevel = person.jobLevel
            facts.jp = jp[person.nip] ?? 0
            facts.learningCovered = learningCovered
            facts.recentLearning = (learningBefore[person.nip] ?? []) + (learningNow[person.nip] ?? [])
            facts.leadershipCodes = leadership[person.nip] ?? []
            facts.predicate = predicates[person.nip]
            facts.disciplineCovered = coverage.contains("") || coverage.contains(person.agency)
            facts.heaviestSanction = sanctions[person.nip]
            result[person.nip] = rules.score(facts, withBasis: people.count == 1)
        }
        return result
    }

    /// The per-year reads of one report, each made once (a city report asks for a year's JP or SKP in
    /// several sections). `only` narrows every read to a few people (a person's record).
    final class Reads {
        let db: Database
        let rules: IpAsnRules
        let only: [String]?
        private var jpByYear: [Int: [String: Int]] = [:]
        private var predicatesByYear: [Int: [String: Predicate]] = [:]
        private var learningByYear: [Int: [String: [(code: String, kind: Binakarier_Programs_V1_ProgramKind)]]] = [:]
        private var sanctionsByYear: [Int: [String: SanctionLevel]] = [:]
        private var coverageByYear: [Int: Set<String>] = [:]
        private var ledgerYears: Set<Int>?
        private var leadershipRows: [(nip: String, code: String, year: Int)]?

        init(_ db: Database, rules: IpAsnRules, only: [String]? = nil) {
            self.db = db
            self.rules = rules
            self.only = only
        }

        func jp(_ year: Int) throws -> [String: Int] {
            try once(\.jpByYear, year) { try ReportData.jp(db, year: year, only: only) }
        }

        func predicates(_ year: Int) throws -> [String: Predicate] {
            try once(\.predicatesByYear, year) { try ReportData.predicates(db, year: year, only: only) }
        }

        func learning(_ year: Int) throws -> [String: [(code: String, kind: Binakarier_Programs_V1_ProgramKind)]] {
            try once(\.learningByYear, year) { try ReportData.learning(db, years: year...year, only: only) }
        }

        func sanctions(_ year: Int) throws -> [String: SanctionLevel] {
            try once(\.sanctionsByYear, year) { try ReportData.heaviestSanctions(db, year: year, only: only) }
        }

        func disciplineCoverage(_ year: Int) throws -> Set<String> {
            try once(\.coverageByYear, year) { try ReportData.disciplineCoverage(db, year: year) }
        }

        /// A year's read, made the first time it is asked for and kept for the rest of the report.
        private func once<T>(_ cache: ReferenceWritableKeyPath<Reads, [Int: T]>, _ year: Int, _ read: () throws -> T) rethrows -> T {
            if let cached = self[keyPath: cache][year] { return cached }
            let value = try read()
            self[keyPath: cache][year] = value
            return value
        }

        /// Whether the year has any JP record at all.
        func learningCovered(_ year: Int) throws -> Bool {
            if ledgerYears == nil { ledgerYears = Set(try Int.fetchAll(db, sql: "SELECT DISTINCT year FROM ledger_line")) }
            return ledgerYears?.contains(year) ?? false
        }

        /// The leadership programs each person completed up to the end of `year`.
        func leadership(upTo year: Int) throws -> [String: [String]] {
            if leadershipRows == nil {
                let (filter, arguments) = ReportData.only(only)
                leadershipRows = try Row.fetchAll(
                    db, sql: "SELECT e.nip, e.program_code, s.year FROM enrolment e JOIN session s ON s.id = e.session_id WHERE e.completion = ?"
                        + filter.replacingOccurrences(of: " nip IN", with: " e.nip IN"),
                    arguments: [Binakarier_Programs_V1_CompletionState.completed.rawValue] + arguments
                ).compactMap { row in rules.isLeadership(row[1]) ? (row[0], row[1], row[2]) : nil }
            }
            var result: [String: [String]] = [:]
            for row in leadershipRows ?? [] where row.year <= year { result[row.nip, default: []].append(row.code) }
            return result
        }
    }

    /// The IKM of each service unit ("AGENCY/UNIT") in a year: the mean of its outside surveys' semesters
    /// and feedback's closed IKM campaigns for it.
    static func unitIkm(_ db: Database, year: Int) throws -> [String: (index: Double, respondents: Int)] {
        var parts: [String: [(Double, Int)]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT agency, unit, ikm, respondents FROM outside_ikm WHERE year = ?", arguments: [year]) {
            parts["\(row["agency"] as String)/\(row["unit"] as String)", default: []].append((row["ikm"], row["respondents"]))
        }
        let (from, to) = Replicator.yearBounds(year)
        for row in try Row.fetchAll(
            db, sql: "SELECT agency, unit, results FROM campaign WHERE purpose = ? AND open_time >= ? AND open_time < ? AND results IS NOT NULL",
            arguments: [Binakarier_Feedback_V1_Purpose.ikm.rawValue, from, to])
        {
            let data: Data = row["results"]
            guard let results = try? Binakarier_Feedback_V1_Results(serializedBytes: [UInt8](data)), !results.suppressed,
                let ikm = results.ikm, ikm.respondents > 0 else { continue }
            parts["\(row["agency"] as String)/\(row["unit"] as String)", default: []].append((ikm.index, Int(ikm.respondents)))
        }
        return parts.mapValues { values in
            (values.reduce(0.0) { $0 + $1.0 } / Double(values.count), values.reduce(0) { $0 + $1.1 })
        }
    }

    static func programResults(_ db: Database, program: String, year: Int, purpose: Binakarier_Feedback_V1_Purpose) throws -> Binakarier_Feedback_V1_Results? {
        guard let data = try Data.fetchOne(
            db, sql: "SELECT results FROM program_result WHERE program_code = ? AND year = ? AND purpose = ? AND results IS NOT NULL",
            arguments: [program, year, purpose.rawValue])
        else { return nil }
        return try? Binakarier_Feedback_V1_Results(serializedBytes: [UInt8](data))
    }

    struct Action: Sendable {
        var id: String
        var title: String
        var agency: String
        var source: Binakarier_Feedback_V1_ActionSource
        var sourceID: String
        var state: Binakarier_Feedback_V1_ActionState
        var dueDate: String
        var createTime: Int64
    }

    static func actions(_ db: Database, agency: String? = nil, year: Int) throws -> [Action] {
        let (from, to) = Replicator.yearBounds(year)
        return try Row.fetchAll(
            db, sql: "SELECT id, title, agency, source, source_id, state, due_date, create_time FROM action_item WHERE create_time >= ? AND create_time < ?"
                + (agency == nil ? "" : " AND agency = ?") + " ORDER BY due_date",
            arguments: agency.map { [from, to, $0] } ?? [from, to]
        ).map { row in
            Action(
                id: row["id"], title: row["title"], agency: row["agency"], source: .init(rawValue: row["source"]) ?? .unspecified,
                sourceID: row["source_id"], state: .init(rawValue: row["state"]) ?? .unspecified, dueDate: row["due_date"], createTime: row["create_time"])
        }
    }

    static func dialogues(_ db: Database, agency: String? = nil, year: Int) throws -> [(agency: String, aspirations: Int, closed: Bool)] {
        try Row.fetchAll(
            db, sql: "SELECT agency, aspirations, state FROM dialogue WHERE date LIKE ?" + (agency == nil ? "" : " AND agency = ?"),
            arguments: agency.map { ["\(year)-%", $0] } ?? ["\(year)-%"]
        ).map { ($0["agency"], $0["aspirations"], ($0["state"] as Int32) == Binakarier_Feedback_V1_DialogueState.closed.rawValue) }
    }

    /// Campaign ids of a program (the source of the action items its weak results opened).
    static func campaignIDs(_ db: Database, program: String) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT id FROM campaign WHERE program_code = ?", arguments: [program]))
    }
}

extension Binakarier_Feedback_V1_ActionState {
    var isClosed: Bool { self == .done || self == .dropped }
}

extension ReportData.Action {
    /// Open past its due date; an item without a due date is never overdue.
    func isOverdue(today: CalendarDate) -> Bool {
        !state.isClosed && !dueDate.isEmpty && dueDate < today.description
    }
}
