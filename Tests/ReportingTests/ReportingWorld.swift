import BKAuth
import BKProto
import BKRPC
import BKServiceKit
import BKStore
import BKTestSupport
import Foundation
import GRDB
import Testing
@testable import Reporting

typealias API = Binakarier_Reporting_V1_ReportingService
typealias Staff = Binakarier_Identity_V1_Employee

// MARK: - the world: the service in-process, on a real socket, with a replica the test fills

/// The reporting service over a real socket on an in-memory store, with tokens signed by a test key
/// for every role and a fixed clock (1 June 2026, WIB). The replica is filled by the test through the
/// store's own entry points (`replacePeople`, `applyProgramChange`, `applyFeedbackChange`,
/// `saveProgram`, `saveProgramResult`, `saveSkp`, `saveSanctions`), never through the sync.
final class ReportingWorld: Stoppable {
    static let june2026: Int64 = 1_780_272_000 // 2026-06-01 00:00 UTC, 07:00 WIB
    static let year = 2026

    let key = SigningKey.generate()
    let store: ReportingStore
    let service: ReportingService
    let server: InProcessServer

    init(configuration: ReportingService.Configuration = .init()) async throws {
        store = try ReportingStore.inMemory(now: { ReportingWorld.june2026 })
        service = ReportingService(store: store, configuration: configuration, replicator: nil)
        server = try await InProcessServer(
            [service], authenticator: TokenAuthenticator(keys: PublicKeySet(signingKeys: [key])), socket: .reporting)
    }

    func stop() async {
        await server.stop()
        try? store.close()
    }

    /// A world whose replica holds `City` (people, sessions, ledger, SKP, discipline 2026).
    static func with<T>(filled: Bool = true, _ body: (ReportingWorld) async throws -> T) async throws -> T {
        let world = try await ReportingWorld()
        return try await world.stopping { world in
            if filled { try await City.fill(world.store) }
            return try await body(world)
        }
    }

    // MARK: callers

    func token(subject: String, roles: [Role], nip: String = "", agency: String = "") -> String {
        try! key.sign(.init(
            tokenId: UUID().uuidString, subject: subject, roles: roles.map(\.protoName), agencyCode: agency, nip: nip,
            expireTimeUnix: 4_000_000_000, keyId: key.keyID))
    }

    func client(_ token: String) -> API.Client { API.Client(server.client, metadata: .bearer(token)) }

    var organizer: API.Client { client(token(subject: "bkpsdm", roles: [.organizer], agency: "BKPSDM")) }

    /// An ASN of `City` with the roles their records give: supervisors and agency heads.
    func caller(_ nip: String) -> API.Client {
        let person = City.people.first { $0.nip == nip }!
        var roles: [Role] = [.employee]
        if City.people.contains(where: { $0.supervisorNip == nip }) { roles.append(.supervisor) }
        if City.agencies.contains(where: { $0.headNip == nip }) { roles.append(.agencyHead) }
        return client(token(subject: nip, roles: roles, nip: nip, agency: person.agencyCode))
    }
}

// MARK: - the city: a hand-made dataset whose figures the tests work out by hand

/// Two agencies. DINKES: the head and 4 staff in SEK (Sekretariat); 25 PNS in PKM-A (the supervisor SA
/// and 24 staff) plus a PPPK and a retired PNS; 25 PNS in PKM-B (SB and 24 staff). DISDIK: a head
/// directly under the agency and 5 teachers in SD-1.
///
/// JP verified in 2026 (the tests' year):
///   SEK     head 20, staff 24, 30, 21, 40                     → 5 PNS, 5 meet 20 JP, sum 135
///   PKM-A   SA and staff 0–13: 16 (LAT-A) + 8 (seminar) = 24  → 15 meet
///           staff 14–23: 16 (LAT-A) + 3 outside, + 8 pending   → 19 each, 10 do not meet; sum 15×24 + 10×19 = 550
///           the PPPK 30 and the retired PNS 40: not counted (not PNS / not active)
///   PKM-B   SB and staff 0–4: 20                              → 6 meet (exactly 20)
///           staff 5–23: 8 verified + 16 rejected (+ 30 verified in 2025) → 19 do not meet; sum 6×20 + 19×8 = 272
///   DINKES: 55 active PNS, 26 meet (47.27 %), mean JP (135 + 550 + 272) / 55 = 957 / 55 = 17.4.
///
/// Program LAT-A (session LAT-A-01, March 2026): all 25 PNS of PKM-A enrolled and completed.
/// SKP (good = Baik or Sangat Baik):
///   PKM-A (SA first): 2025 5 of 25 good (20 %), 2026 23 of 25 good (92 %): +72 points
///   PKM-B (SB first): 2025 12 of 25 good (48 %), 2026 12 of 25 (48 %, other people): 0 points
///   → Level 4 of LAT-A: difference-in-differences 72 − 0 = 72 percentage points.
/// Discipline: 2026 imported (covered) with one sanction, of a PKM-B staff member; 2025 not imported.
enum City {
    static func nip(_ n: Int) -> String { "199001012015032" + String(repeating: "0", count: 3 - String(n).count) + String(n) }

    static let dinkesHead = nip(1)
    static let sekStaff = (2...5).map(nip)
    static let supervisorA = nip(10)
    static let staffA = (11...34).map(nip)
    static let contractA = "199505052022212001"
    static let retiredA = nip(40)
    static let supervisorB = nip(50)
    static let staffB = (51...74).map(nip)
    static let disdikHead = nip(80)
    static let teachers = (81...85).map(nip)

    /// The 25 PNS of each Puskesmas, supervisor first.
    static let pkmA = [supervisorA] + staffA
    static let pkmB = [supervisorB] + staffB

    static let people: [Staff] = {
        func person(_ nip: String, _ name: String, agency: String, unit: String, level: Binakarier_Identity_V1_JobLevel,
                    education: Binakarier_Identity_V1_EducationLevel, supervisor: String,
                    type: Binakarier_Identity_V1_AsnType = .pns, status: Binakarier_Identity_V1_EmployeeStatus = .active) -> Staff {
            Staff(nip: nip, name: name, asnType: type, sex: nip.hasSuffix("1") ? .male : .female, golongan: type == .pns ? .iiiA : .unspecified,
                  pppkGrade: type == .pppk ? 9 : 0, jobLevel: level, education: education, agencyCode: agency, unitCode: unit,
                  supervisorNip: supervisor, status: status)
        }
        var people: [Staff] = [
            person(dinkesHead, "Kepala Dinas Kesehatan", agency: "DINKES", unit: "SEK", level: .jptPratama, education: .s2, supervisor: ""),
            person(supervisorA, "Kepala Puskesmas A", agency: "DINKES", unit: "PKM-A", level: .administrator, education: .s1, supervisor: dinkesHead),
            person(contractA, "Bidan PPPK", agency: "DINKES", unit: "PKM-A", level: .jfTerampil, education: .d3, supervisor: supervisorA, type: .pppk),
            person(retiredA, "Perawat Pensiun", agency: "DINKES", unit: "PKM-A", level: .pelaksana, education: .d3, supervisor: supervisorA, status: .retired),
            person(supervisorB, "Kepala Puskesmas B", agency: "DINKES", unit: "PKM-B", level: .administrator, education: .s1, supervisor: dinkesHead),
            person(disdikHead, "Kepala Dinas Pendidikan", agency: "DISDIK", unit: "", level: .jptPratama, education: .s2, supervisor: ""),
        ]
        people += sekStaff.enumerated().map { person($1, "Staf Sekretariat \($0 + 1)", agency: "DINKES", unit: "SEK", level: .pelaksana, education: .s1, supervisor: dinkesHead) }
        people += staffA.enumerated().map { person($1, "Perawat A\($0 + 1)", agency: "DINKES", unit: "PKM-A", level: .pelaksana, education: .d3, supervisor: supervisorA) }
        people += staffB.enumerated().map { person($1, "Perawat B\($0 + 1)", agency: "DINKES", unit: "PKM-B", level: .pelaksana, education: .d3, supervisor: supervisorB) }
        people += teachers.enumerated().map { person($1, "Guru \($0 + 1)", agency: "DISDIK", unit: "SD-1", level: .jfAhliPertama, education: .s1, supervisor: disdikHead) }
        return people
    }()

    static let agencies: [Binakarier_Identity_V1_Agency] = [
        .init(code: "DINKES", name: "Dinas Kesehatan", kind: .dinas, headNip: dinkesHead, units: [
            .init(agencyCode: "DINKES", code: "SEK", name: "Sekretariat", headNip: dinkesHead),
            .init(agencyCode: "DINKES", code: "PKM-A", name: "Puskesmas A", headNip: supervisorA),
            .init(agencyCode: "DINKES", code: "PKM-B", name: "Puskesmas B", headNip: supervisorB),
        ]),
        .init(code: "DISDIK", name: "Dinas Pendidikan", kind: .dinas, headNip: disdikHead, units: [
            .init(agencyCode: "DISDIK", code: "SD-1", name: "SD Negeri 1", headNip: disdikHead),
        ]),
    ]

    static func fill(_ store: ReportingStore) async throws {
        try await store.replacePeople(people, agencies: agencies)
        try await store.saveProgram(.init(code: "LAT-A", title: "Pelatihan Pelayanan Prima", kind: .pelatihan, jp: 16, organizerAgencyCode: "BKPSDM", costRupiah: 12_000_000))
        try await store.saveProgram(.init(code: "SEM-ETIKA", title: "Seminar Etika ASN", kind: .seminar, jp: 8, organizerAgencyCode: "BKPSDM"))
        try await store.saveProgram(.init(code: "PKA-2025", title: "Pelatihan Kepemimpinan Administrator", kind: .pelatihan, jp: 40, organizerAgencyCode: "BKPSDM"))

        var changes: [FeedChange] = []
        changes.append(try session("LAT-A-01", program: "LAT-A", days: ["2026-03-02", "2026-03-03"]))
        changes.append(try session("SEM-ETIKA-01", program: "SEM-ETIKA", days: ["2026-04-10"]))
        changes.append(try session("PKA-2025-01", program: "PKA-2025", days: ["2025-09-15", "2025-09-16"]))
        for nip in pkmA { changes.append(try enrolment("LAT-A-01", program: "LAT-A", nip: nip, agency: "DINKES")) }
        for nip in pkmA.prefix(15) { changes.append(try enrolment("SEM-ETIKA-01", program: "SEM-ETIKA", nip: nip, agency: "DINKES")) }
        changes.append(try enrolment("PKA-2025-01", program: "PKA-2025", nip: supervisorA, agency: "DINKES"))

        // JP ledger, 2026 unless said.
        var lines: [Binakarier_Programs_V1_LedgerEntry] = []
        func line(_ nip: String, _ jp: Int32, _ state: Binakarier_Programs_V1_LearningState = .verified, year: Int32 = 2026,
                  kind: Binakarier_Programs_V1_ProgramKind = .eLearning, session: String = "", title: String = "E-learning LAN") {
            lines.append(.init(id: "L\(lines.count + 1)", nip: nip, year: year, source: session.isEmpty ? .outside : .session, title: title,
                               sessionId: session, kind: kind, jp: jp, endDate: "\(year)-05-01", state: state))
        }
        for (nip, jp) in zip([dinkesHead] + sekStaff, [20, 24, 30, 21, 40] as [Int32]) { line(nip, jp) }
        for (index, nip) in pkmA.enumerated() {
            line(nip, 16, kind: .pelatihan, session: "LAT-A-01", title: "Pelatihan Pelayanan Prima")
            if index < 15 {
                line(nip, 8, kind: .seminar, session: "SEM-ETIKA-01", title: "Seminar Etika ASN")
            } else {
                line(nip, 3)
                line(nip, 8, .pending)
            }
        }
        line(contractA, 30)
        line(retiredA, 40)
        for (index, nip) in pkmB.enumerated() {
            if index < 6 {
                line(nip, 20)
            } else {
                line(nip, 8)
                line(nip, 16, .rejected)
                line(nip, 30, year: 2025)
            }
        }
        for nip in [disdikHead] + teachers { line(nip, 10) }
        for entry in lines {
            changes.append(FeedChange(kind: "ledger.changed", key: entry.id, payload: try entry.serializedBytes(), timeUnix: ReportingWorld.june2026))
        }
        try await apply(store, programs: changes)

        // SKP 2025 and 2026.
        var skp: [ReportingStore.SkpRow] = []
        func good(_ nip: String, _ year: Int, _ index: Int) {
            // Baik (sesuai × sesuai) for the supervisors, otherwise Sangat Baik or Baik (sesuai × di atas).
            let (work, behaviour): (Rating, Rating) = index == 0 ? (.meets, .meets) : index % 2 == 1 ? (.above, .above) : (.meets, .above)
            skp.append(.init(nip: nip, year: year, work: work, behaviour: behaviour))
        }
        func notGood(_ nip: String, _ year: Int, _ index: Int) {
            // Butuh Perbaikan (di bawah × sesuai), Kurang (di atas × di bawah) or Sangat Kurang (di bawah × di bawah).
            let (work, behaviour): (Rating, Rating) = [(.below, .meets), (.above, .below), (.below, .below)][index % 3]
            skp.append(.init(nip: nip, year: year, work: work, behaviour: behaviour))
        }
        for (index, nip) in pkmA.enumerated() {
            index < 5 ? good(nip, 2025, index) : notGood(nip, 2025, index)
            index < 23 ? good(nip, 2026, index) : notGood(nip, 2026, index)
        }
        for (index, nip) in pkmB.enumerated() {
            index < 12 ? good(nip, 2025, index) : notGood(nip, 2025, index)
            index >= 13 ? good(nip, 2026, index) : notGood(nip, 2026, index)
        }
        try await store.saveSkp(skp)
        try await store.saveSanctions([.init(nip: staffB[3], year: 2026, level: .ringan, kind: "teguran lisan", decree: "SK-1")], years: [2026])
    }

    // MARK: programs' and feedback's feeds, as their payloads

    static func session(_ id: String, program: String, days: [String], state: Binakarier_Programs_V1_SessionState = .completed) throws -> FeedChange {
        let session = Binakarier_Programs_V1_Session(
            id: id, programCode: program, batch: 1, days: days.map { .init(date: $0, startTime: "08:00", endTime: "16:00", jp: 8) }, state: state)
        return FeedChange(kind: "session.completed", key: id, payload: try session.serializedBytes(), timeUnix: ReportingWorld.june2026)
    }

    static func enrolment(_ session: String, program: String, nip: String, agency: String,
                          completion: Binakarier_Programs_V1_CompletionState = .completed) throws -> FeedChange {
        let enrolment = Binakarier_Programs_V1_Enrolment(
            sessionId: session, nip: nip, state: .enrolled, source: .assigned, completion: completion, attendancePercent: 100,
            preTestScore: -1, postTestScore: -1, certificateNumber: completion == .completed ? "SRT-\(session)-\(nip.suffix(3))" : "",
            programCode: program, agencyCode: agency)
        return FeedChange(kind: completion == .completed ? "completion.changed" : "enrolment.changed", key: "\(session)/\(nip)",
                          payload: try enrolment.serializedBytes(), timeUnix: ReportingWorld.june2026)
    }

    static func apply(_ store: ReportingStore, programs changes: [FeedChange]) async throws {
        try await store.db.write { db in
            for change in changes { try ReportingStore.applyProgramChange(db, change) }
        }
    }

    static func apply(_ store: ReportingStore, feedback changes: [FeedChange]) async throws {
        try await store.db.write { db in
            for change in changes { try ReportingStore.applyFeedbackChange(db, change) }
        }
    }

    /// A campaign of feedback about `program`, opened in May 2026.
    static func campaign(_ id: String, program: String, purpose: Binakarier_Feedback_V1_Purpose, audience: Int32, responses: Int32) throws -> FeedChange {
        let campaign = Binakarier_Feedback_V1_Campaign(
            id: id, title: "Tindak lanjut \(program)", purpose: purpose, anonymous: false, openTimeUnix: 1_778_000_000,
            closeTimeUnix: 1_779_000_000, state: .closed, programCode: program, agencyCode: "BKPSDM", audienceSize: audience, responses: responses)
        return FeedChange(kind: "campaign.closed", key: id, payload: try campaign.serializedBytes(), timeUnix: ReportingWorld.june2026)
    }
}

// MARK: - reading reports

extension Binakarier_Reporting_V1_Report {
    func table(_ title: String) -> Binakarier_Reporting_V1_Table? {
        sections.lazy.flatMap(\.tables).first { $0.title == title }
    }

    func conclusion(_ topic: String, containing text: String = "") -> Binakarier_Reporting_V1_Conclusion? {
        conclusions.first { $0.topic == topic && (text.isEmpty || $0.text.contains(text) || $0.evidence.contains(text)) }
    }
}

extension Binakarier_Reporting_V1_Table {
    /// The row whose first cell is `label`.
    func row(_ label: String) -> Binakarier_Reporting_V1_Row? { rows.first { $0.cells.first?.text == label } }
}

extension Binakarier_Reporting_V1_Cell {
    /// The number of a shown cell; nil when hidden or missing.
    var value: Double? { state == .value ? number : nil }
    var isHidden: Bool { state == .suppressed }
}

/// a ≈ b to within `tolerance`.
func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

func csvBytes(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

// MARK: - the attacker of suppressed tables

/// A table as published: the shown counts, nil where hidden. The lines are those `Suppression.hidden`
/// documents: with row totals the last column holds each row's total, with column totals the last row
/// holds each column's total (the corner cell is the grand total, the total of both total lines).
struct PublishedTable: CustomStringConvertible {
    typealias Position = [Int] // [row, column]

    var truth: [[Int]]
    var hidden: [[Bool]]
    var rowTotals: Bool
    var columnTotals: Bool

    var rows: Int { truth.count }
    var columns: Int { truth.first?.count ?? 0 }
    func shown(_ row: Int, _ column: Int) -> Int? { hidden[row][column] ? nil : truth[row][column] }

    /// Each equation: the inner cells of a line add up to its total.
    var lines: [(cells: [Position], total: Position)] {
        var lines: [(cells: [Position], total: Position)] = []
        let innerRows = columnTotals ? rows - 1 : rows, innerColumns = rowTotals ? columns - 1 : columns
        if rowTotals {
            for row in 0..<rows { lines.append(((0..<innerColumns).map { [row, $0] }, [row, columns - 1])) }
        }
        if columnTotals {
            for column in 0..<columns { lines.append(((0..<innerRows).map { [$0, column] }, [rows - 1, column])) }
        }
        return lines
    }

    var hiddenPositions: [Position] {
        (0..<rows).flatMap { row in (0..<columns).filter { hidden[row][$0] }.map { [row, $0] } }
    }

    var description: String {
        (0..<rows).map { row in (0..<columns).map { hidden[row][$0] ? "[\(truth[row][$0])]" : " \(truth[row][$0]) " }.joined(separator: " ") }
            .joined(separator: " / ")
    }

    /// Inner counts with their totals added as `Suppression.hidden` takes them.
    static func grid(_ inner: [[Int]], rowTotals: Bool, columnTotals: Bool) -> [[Int]] {
        var grid = rowTotals ? inner.map { $0 + [$0.reduce(0, +)] } : inner
        if columnTotals, let width = grid.first?.count {
            grid.append((0..<width).map { column in grid.reduce(0) { $0 + $1[column] } })
        }
        return grid
    }
}

/// What someone who sees only the published table can work out. Two attacks, both exact:
/// - subtraction: every line with exactly one unknown cell gives it away; solved cells are used again;
/// - search: every assignment of whole numbers to the hidden cells (each at least `minimum`: 0, or 1
///   since zeros are always shown) that fits every line's total; a hidden cell that takes a single value
///   in all of them is recovered.
/// The search branches on cells after bounds propagation. A cell that can differ from its value can
/// differ by exactly 1 (the difference of two solutions is a circulation on the hidden cells, and one
/// cycle of it, conforming in sign, keeps every bound), so searching values up to the largest count + 2
/// loses no alternative.
enum Attacker {
    static func subtraction(_ table: PublishedTable) -> [PublishedTable.Position: Int] {
        var known: [PublishedTable.Position: Int] = [:]
        func value(_ position: PublishedTable.Position) -> Int? { table.shown(position[0], position[1]) ?? known[position] }
        var changed = true
        while changed {
            changed = false
            for line in table.lines {
                let unknown = (line.cells + [line.total]).filter { value($0) == nil }
                guard unknown.count == 1, let cell = unknown.first else { continue }
                let innerSum = line.cells.compactMap(value).reduce(0, +)
                known[cell] = cell == line.total ? innerSum : value(line.total)! - innerSum
                changed = true
            }
        }
        return known
    }

    struct Problem {
        var unknowns: [PublishedTable.Position]
        var truth: [Int]
        /// Σ coefficient × unknown = right-hand side.
        var equations: [(terms: [(index: Int, coefficient: Int)], rhs: Int)]
        var cap: Int

        init(_ table: PublishedTable) {
            unknowns = table.hiddenPositions
            truth = unknowns.map { table.truth[$0[0]][$0[1]] }
            let index = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
            equations = table.lines.map { line in
                var terms: [(index: Int, coefficient: Int)] = []
                var rhs = 0
                for cell in line.cells {
                    if let i = index[cell] { terms.append((i, 1)) } else { rhs -= table.truth[cell[0]][cell[1]] }
                }
                if let i = index[line.total] { terms.append((i, -1)) } else { rhs += table.truth[line.total[0]][line.total[1]] }
                return (terms, rhs)
            }
            cap = (table.truth.flatMap { $0 }.max() ?? 0) + 2
        }
    }

    struct BudgetExceeded: Error {}

    /// Bounds propagation to a fixed point; false when some line cannot be met.
    static func propagate(_ problem: Problem, _ lo: inout [Int], _ hi: inout [Int]) -> Bool {
        var changed = true
        while changed {
            changed = false
            for equation in problem.equations {
                var minSum = 0, maxSum = 0
                for term in equation.terms {
                    if term.coefficient > 0 { minSum += lo[term.index]; maxSum += hi[term.index] } else { minSum -= hi[term.index]; maxSum -= lo[term.index] }
                }
                guard minSum <= equation.rhs, equation.rhs <= maxSum else { return false }
                for term in equation.terms {
                    let termMin = term.coefficient > 0 ? lo[term.index] : -hi[term.index]
                    let termMax = term.coefficient > 0 ? hi[term.index] : -lo[term.index]
                    // coefficient × x lies in [rhs − (maxSum − termMax), rhs − (minSum − termMin)].
                    let low = equation.rhs - (maxSum - termMax), high = equation.rhs - (minSum - termMin)
                    let (newLo, newHi) = term.coefficient > 0 ? (low, high) : (-high, -low)
                    if newLo > lo[term.index] { lo[term.index] = newLo; changed = true }
                    if newHi < hi[term.index] { hi[term.index] = newHi; changed = true }
                    if lo[term.index] > hi[term.index] { return false }
                }
            }
        }
        return true
    }

    /// Depth-first search over the domains; `visit` gets each solution and returns false to stop.
    /// Returns false when stopped by `visit`.
    static func search(_ problem: Problem, lo: [Int], hi: [Int], budget: inout Int, nearTruth: Bool, visit: ([Int]) -> Bool) throws -> Bool {
        var lo = lo, hi = hi
        budget -= 1
        if budget < 0 { throw BudgetExceeded() }
        guard propagate(problem, &lo, &hi) else { return true }
        guard let branch = lo.indices.filter({ lo[$0] < hi[$0] }).min(by: { hi[$0] - lo[$0] < hi[$1] - lo[$1] }) else {
            return visit(lo)
        }
        var values = Array(lo[branch]...hi[branch])
        if nearTruth { values.sort { abs($0 - problem.truth[branch]) < abs($1 - problem.truth[branch]) } }
        for value in values {
            var fixedLo = lo, fixedHi = hi
            fixedLo[branch] = value
            fixedHi[branch] = value
            guard try search(problem, lo: fixedLo, hi: fixedHi, budget: &budget, nearTruth: nearTruth, visit: visit) else { return false }
        }
        return true
    }

    /// The hidden cells with a single possible value, found cell by cell: is there any solution in which
    /// the cell is below its value, or above it?
    static func recovered(_ table: PublishedTable, minimum: Int) throws -> [PublishedTable.Position: Int] {
        let problem = Problem(table)
        var result: [PublishedTable.Position: Int] = [:]
        for (index, position) in problem.unknowns.enumerated() {
            let truth = problem.truth[index]
            var alternative = false
            for (low, high) in [(minimum, truth - 1), (truth + 1, problem.cap)] where low <= high && !alternative {
                var lo = Array(repeating: minimum, count: problem.unknowns.count), hi = Array(repeating: problem.cap, count: problem.unknowns.count)
                lo[index] = low
                hi[index] = high
                var budget = 2_000_000
                _ = try search(problem, lo: lo, hi: hi, budget: &budget, nearTruth: true) { _ in
                    alternative = true
                    return false
                }
            }
            if !alternative { result[position] = truth }
        }
        return result
    }

    /// Every solution (values up to the cap), stopping once every hidden cell has taken two values: the
    /// values each hidden cell takes, and whether the enumeration is complete.
    static func enumerate(_ table: PublishedTable, minimum: Int, budget: Int = 500_000) throws -> (values: [PublishedTable.Position: Set<Int>], solutions: Int) {
        let problem = Problem(table)
        var seen = Array(repeating: Set<Int>(), count: problem.unknowns.count)
        var solutions = 0
        var budget = budget
        _ = try search(
            problem, lo: Array(repeating: minimum, count: problem.unknowns.count), hi: Array(repeating: problem.cap, count: problem.unknowns.count),
            budget: &budget, nearTruth: false
        ) { solution in
            solutions += 1
            for (index, value) in solution.enumerated() { seen[index].insert(value) }
            return !seen.allSatisfy { $0.count >= 2 }
        }
        return (Dictionary(uniqueKeysWithValues: zip(problem.unknowns, seen)), solutions)
    }

    /// Everything recovered by any of the attacks (subtraction; search with ≥ 0; search with ≥ 1).
    static func attack(_ table: PublishedTable) throws -> [String] {
        var found: [String] = []
        for (cell, value) in subtraction(table) { found.append("subtraction: cell \(cell) = \(value)") }
        for minimum in [0, 1] {
            for (cell, value) in try recovered(table, minimum: minimum) { found.append("search (hidden ≥ \(minimum)): cell \(cell) = \(value)") }
        }
        return found.sorted()
    }
}

// MARK: - reading exported files

/// RFC 4180 with a chosen separator: quoted fields, doubled quotes, CRLF or LF between records. Throws on
/// a quote in an unquoted field or text after a closing quote.
enum CSV {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String, separator: Character = ";") throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var characters = Array(text)
        if characters.last != "\n" && characters.last != "\r\n" { characters.append("\n") }
        var index = 0
        var quoted = false, wasQuoted = false
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        wasQuoted = true
                    }
                } else {
                    field.append(character)
                }
            } else if character == separator {
                record.append(field)
                field = ""
                wasQuoted = false
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
                wasQuoted = false
            } else if character == "\"" {
                guard field.isEmpty, !wasQuoted else { throw Malformed(description: "a quote inside an unquoted field, record \(records.count + 1)") }
                quoted = true
            } else {
                guard !wasQuoted else { throw Malformed(description: "text after a closing quote, record \(records.count + 1)") }
                field.append(character)
            }
            index += 1
        }
        guard !quoted else { throw Malformed(description: "an unterminated quoted field") }
        return records
    }
}

/// What openpyxl (Debian's python3-openpyxl under /usr/bin/python3, not the pyenv python on PATH) reads.
struct Workbook: Decodable {
    struct Cell: Decodable {
        var coordinate: String
        var row: Int
        var column: Int
        var dataType: String
        var number: Double?
        var text: String?
    }
    struct Sheet: Decodable {
        var name: String
        var cells: [Cell]
        func cell(row: Int, column: Int) -> Cell? { cells.first { $0.row == row && $0.column == column } }
        func find(_ text: String) -> Cell? { cells.first { $0.text == text } }
    }
    var sheets: [Sheet]
    var formulaCount: Int

    static let python = "/usr/bin/python3"

    struct Unavailable: Error, CustomStringConvertible {
        var problem: String
        var description: String { "\(Workbook.python) cannot import openpyxl (\(problem)): run tools/install-deps, which installs python3-openpyxl" }
    }

    static let script = #"""
        import json, sys, zipfile
        import openpyxl
        path = sys.argv[1]
        book = openpyxl.load_workbook(path)
        sheets = []
        for sheet in book.worksheets:
            cells = []
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is None:
                        continue
                    value = cell.value
                    number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
                    text = value if isinstance(value, str) else None
                    cells.append({"coordinate": cell.coordinate, "row": cell.row, "column": cell.column,
                                  "data_type": cell.data_type, "number": number, "text": text})
            sheets.append({"name": sheet.title, "cells": cells})
        formulas = 0
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    xml = archive.read(name)
                    formulas += xml.count(b"<f>") + xml.count(b"<f ")
        print(json.dumps({"sheets": sheets, "formula_count": formulas}))
        """#

    static func read(_ bytes: [UInt8]) throws -> Workbook {
        let check = try run(["-c", "import openpyxl"])
        guard check.status == 0 else {
            throw Unavailable(problem: check.error.split(separator: "\n").last.map(String.init) ?? "exit \(check.status)")
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("report.xlsx")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try run(["-c", script, path])
        try #require(result.status == 0, "openpyxl could not read the file: \(result.error)")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Workbook.self, from: result.output)
    }

    static func run(_ arguments: [String], executable: String = python) throws -> (status: Int32, output: Data, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, out, String(decoding: err, as: UTF8.self))
    }
}

/// SHA-256 by another implementation (coreutils' sha256sum), lower-case hex.
func sha256sum(_ bytes: [UInt8]) throws -> String {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.appending("bytes")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let result = try Workbook.run([path], executable: "/usr/bin/sha256sum")
    return String(String(decoding: result.output, as: UTF8.self).prefix(64))
}

/// An HTML page read as XML-ish markup: tags with their attributes, text between them, raw text of
/// <style> and <script> skipped. Throws when a tag is unterminated or closes one that is not open
/// (HTML's void elements need no end tag).
struct PageMarkup {
    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var source: String
    }
    var tags: [Tag] = []
    var text = ""

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]

    init(_ html: String) throws {
        let characters = Array(html)
        var index = 0
        var open: [String] = []
        while index < characters.count {
            guard characters[index] == "<" else {
                text.append(characters[index])
                index += 1
                continue
            }
            if String(characters[index..<min(index + 4, characters.count)]) == "<!--" {
                var end = index + 4
                while end + 2 < characters.count, String(characters[end..<end + 3]) != "-->" { end += 1 }
                index = end + 3
                continue
            }
            var end = index + 1
            var quote: Character?
            while end < characters.count {
                let character = characters[end]
                if let open = quote { if character == open { quote = nil } } else if character == "\"" || character == "'" { quote = character } else if character == ">" { break }
                if character == "<", quote == nil { throw Malformed(description: "a '<' inside a tag at \(index)") }
                end += 1
            }
            guard end < characters.count else { throw Malformed(description: "an unterminated tag at \(index)") }
            let source = String(characters[index...end])
            index = end + 1
            if source.hasPrefix("<!") { continue } // <!DOCTYPE html>
            let closing = source.hasPrefix("</")
            let selfClosing = source.hasSuffix("/>")
            let name = String(source.dropFirst(closing ? 2 : 1).prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" }).lowercased()
            guard !name.isEmpty else { throw Malformed(description: "a tag without a name: \(source)") }
            tags.append(Tag(name: name, closing: closing, selfClosing: selfClosing, source: source))
            if closing {
                guard open.last == name else { throw Malformed(description: "</\(name)> closes <\(open.last ?? "nothing")>") }
                open.removeLast()
            } else if !selfClosing && !Self.void.contains(name) {
                open.append(name)
                if name == "style" || name == "script" {
                    // Raw text up to the end tag.
                    let rest = String(characters[index...])
                    guard let range = rest.range(of: "</\(name)", options: .caseInsensitive) else { throw Malformed(description: "<\(name)> never ends") }
                    index += rest.distance(from: rest.startIndex, to: range.lowerBound)
                }
            }
        }
        guard open.isEmpty else { throw Malformed(description: "never closed: \(open)") }
    }
}
