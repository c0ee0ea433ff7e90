import BKCharts
import BKProto
import BKServiceKit
import BKStore
import Foundation
import GRDB

/// Level-3 evidence from the change projects (aksi perubahan) of leadership training: the milestones a
/// participant reported and their mentor (usually the direct supervisor) confirmed in feedback. Kept
/// apart from the L3 follow-up forms: their figures are not changed by it, and a program without
/// change projects shows nothing of it. The replica holds what feedback's feed says of each project:
/// states, terms and dates, no text.
enum ChangeProjectEvidence {
    typealias Project = Binakarier_Feedback_V1_ChangeProject

    static let migrationName = "reporting-change-projects"

    static func registerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration(migrationName) { db in
            try db.execute(sql: """
                CREATE TABLE change_project (
                    id TEXT PRIMARY KEY NOT NULL, session_id TEXT NOT NULL, program_code TEXT NOT NULL, nip TEXT NOT NULL,
                    agency TEXT NOT NULL, project BLOB NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX change_project_program ON change_project (program_code, session_id);
                """)
        }
    }

    static let feedKind = "change_project.changed"

    /// One change of feedback's feed: the project as it now stands (an upsert).
    static func apply(_ db: Database, _ change: FeedChange) throws {
        guard let project = try? Project(serializedBytes: change.payload), !project.id.isEmpty else { return }
        try db.execute(
            sql: "INSERT OR REPLACE INTO change_project (id, session_id, program_code, nip, agency, project) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [project.id, project.sessionId, project.programCode, project.participantNip, project.agencyCode, Data(try project.serializedBytes())])
    }

    /// The projects of a program's batches of the year (the session's year, as for participants).
    static func projects(_ db: Database, program: String, year: Int) throws -> [Project] {
        try Data.fetchAll(
            db, sql: """
                SELECT c.project FROM change_project c JOIN session s ON s.id = c.session_id
                WHERE c.program_code = ? AND s.year = ? AND s.state != ? ORDER BY c.id
                """,
            arguments: [program, year, Binakarier_Programs_V1_SessionState.cancelled.rawValue]
        ).compactMap { try? Project(serializedBytes: [UInt8]($0)) }
    }

    struct Figures {
        var tables: [ReportTable]
        var conclusion: Conclusion
    }

    /// The evidence tables and their conclusion; nil when the program's year has no change project.
    static func figures(_ db: Database, program: String, year: Int, k: Int) throws -> Figures? {
        let projects = try projects(db, program: program, year: year)
        guard !projects.isEmpty else { return nil }

        // People: participants with at least one milestone confirmed by their mentor, and the others.
        var people = CountTable(
            title: "Aksi perubahan: peserta dengan tahapan yang dikonfirmasi mentor", labelTitle: "Peserta",
            countTitles: ["Ada tahapan dikonfirmasi mentor", "Belum ada", "Jumlah"])
        people.totalRow = false
        people.lastColumnIsRowTotal = true
        people.ratios = [.init(title: "% dikonfirmasi", part: 0, whole: 2)]
        let withEvidence = Set(projects.filter { $0.milestones.contains { $0.state == .confirmed } }.map(\.participantNip)).count
        let participants = Set(projects.map(\.participantNip)).count
        people.rows = [("Peserta dengan aksi perubahan", [withEvidence, participants - withEvidence, participants])]
        people.note = "Bukti Level 3 dari aksi perubahan pelatihan kepemimpinan: tahapan yang dilaporkan peserta dan dikonfirmasi oleh mentornya (biasanya atasan langsung). Terpisah dari formulir tindak lanjut di atas; angkanya tidak berubah karenanya."
        let peopleTable = people.build(k: k)

        // Milestones by term.
        var milestones = CountTable(
            title: "Aksi perubahan: tahapan menurut jangka waktu", labelTitle: "Tahapan",
            countTitles: ["Dikonfirmasi mentor", "Menunggu konfirmasi", "Belum dilaporkan atau dikembalikan", "Jumlah"])
        milestones.lastColumnIsRowTotal = true
        milestones.ratios = [.init(title: "% dikonfirmasi", part: 0, whole: 3)]
        let terms: [(Binakarier_Feedback_V1_MilestoneTerm, String)] = [(.short, "Jangka pendek"), (.medium, "Jangka menengah"), (.long, "Jangka panjang")]
        let all = projects.flatMap(\.milestones)
        for (term, label) in terms {
            let ofTerm = all.filter { $0.term == term }
            guard !ofTerm.isEmpty else { continue }
            let confirmed = ofTerm.count { $0.state == .confirmed }, waiting = ofTerm.count { $0.state == .reported }
            milestones.rows.append((label, [confirmed, waiting, ofTerm.count - confirmed - waiting, ofTerm.count]))
        }
        milestones.note = "Tahapan (milestone) aksi perubahan peserta; dikonfirmasi: diterima mentor setelah laporan kemajuan peserta."
        let milestoneTable = milestones.build(k: k)

        return Figures(tables: [peopleTable, milestoneTable], conclusion: conclusion(peopleTable, participants: participants, k: k))
    }

    /// Quotes the people table's cells only: a count it hides is not said here either.
    static func conclusion(_ table: ReportTable, participants: Int, k: Int) -> Conclusion {
        let row = table.rows.first
        guard let row, participants >= k, row.cells.count > 4, row.cells[1].state == .value, row.cells[4].state == .value else {
            return .init(topic: "L3-AP", verdict: .inconclusive,
                         text: "Bukti Level 3 dari aksi perubahan belum dapat disimpulkan: kurang dari \(k) peserta, atau angkanya disembunyikan.",
                         evidence: "peserta dengan aksi perubahan: \(participants < k ? "kurang dari \(k)" : "\(participants)")", n: participants >= k ? Int32(participants) : 0,
                         recommendation: "Pastikan setiap peserta melaporkan kemajuan tahapannya dan mentornya mengonfirmasi.")
        }
        let confirmed = Int(row.cells[1].number), share = row.cells[4].number
        let evidence = "\(confirmed) dari \(participants) peserta (\(IndonesianNumber.format(share, decimals: 1)) %) mempunyai tahapan yang dikonfirmasi mentor"
        return .init(topic: "L3-AP", verdict: share >= 50 ? .positive : .neutral,
                     text: share >= 50
                        ? "Aksi perubahan menunjukkan penerapan di tempat kerja: \(evidence)."
                        : "Aksi perubahan baru sebagian terbukti di tempat kerja: \(evidence).",
                     evidence: evidence, n: Int32(participants),
                     recommendation: share >= 50 ? "" : "Mentor dan coach mendampingi peserta yang tahapannya belum dikonfirmasi.")
    }
}
