import BKProto
import BKRPC
import BKTestSupport
import Foundation
import GRDB
import Testing
@testable import Reporting

/// Outcome imports through the service with an organiser's token: all or nothing, every refusal with its
/// line (the header is line 1).
@Suite("Reporting: outcome imports")
struct ImportTests {
    static let skpHeader = "NIP,Tahun,Hasil Kerja,Perilaku,Predikat"

    static func request(_ kind: Binakarier_Reporting_V1_OutcomeKind, _ lines: [String], dryRun: Bool = false) -> Binakarier_Reporting_V1_ImportOutcomeRequest {
        .init(kind: kind, csv: csvBytes(lines), dryRun: dryRun)
    }

    static func skp(_ world: ReportingWorld, _ nip: String, year: Int) async throws -> (work: Int, behaviour: Int, predicate: Int)? {
        try await world.store.db.read { db in
            try Row.fetchOne(db, sql: "SELECT work, behaviour, predicate FROM skp WHERE nip = ? AND year = ?", arguments: [nip, year])
                .map { ($0["work"], $0["behaviour"], $0["predicate"]) }
        }
    }

    static func count(_ world: ReportingWorld, _ sql: String) async throws -> Int {
        try await world.store.db.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    @Test func skpFileWithOneBadRowSavesNothing() async throws {
        try await ReportingWorld.with { world in
            let before = try await Self.count(world, "SELECT COUNT(*) FROM skp")
            let answer = try await world.organizer.importOutcome(Self.request(.skp, [
                Self.skpHeader,
                "\(City.dinkesHead),2026,sesuai ekspektasi,sesuai ekspektasi,Baik",
                "\(City.sekStaff[0]),2026,luar biasa,sesuai ekspektasi,",
                "\(City.sekStaff[1]),2026,di atas ekspektasi,di atas ekspektasi,Sangat Baik",
            ]))
            #expect(answer.rowsTotal == 3)
            #expect(answer.rowsSaved == 0)
            #expect(answer.errorsTotal == 1)
            #expect(answer.errors.map(\.line) == [3], "the second data row is line 3")
            #expect(answer.errors.first?.reason.contains("Hasil Kerja") == true, "\(answer.errors)")
            #expect(try await Self.skp(world, City.dinkesHead, year: 2026) == nil, "the good rows are not saved either")
            #expect(try await Self.skp(world, City.sekStaff[1], year: 2026) == nil)
            #expect(try await Self.count(world, "SELECT COUNT(*) FROM skp") == before)
        }
    }

    @Test func skpPredicateThatContradictsTheMatrixIsRefused() async throws {
        try await ReportingWorld.with { world in
            let answer = try await world.organizer.importOutcome(Self.request(.skp, [
                Self.skpHeader,
                "\(City.dinkesHead),2026,di atas ekspektasi,di bawah ekspektasi,Kurang", // right: above × below = Kurang
                "\(City.sekStaff[0]),2026,sesuai ekspektasi,di atas ekspektasi,Sangat Baik", // wrong: meets × above = Baik
                "\(City.sekStaff[1]),2026,di bawah ekspektasi,di atas ekspektasi,Butuh Perbaikan", // right
            ]))
            #expect(answer.errors.map(\.line) == [3])
            #expect(answer.errors.first?.reason.contains("Predikat") == true, "\(answer.errors)")
            #expect(answer.rowsSaved == 0)
            #expect(try await Self.skp(world, City.dinkesHead, year: 2026) == nil)
        }
    }

    @Test func skpOfAnUnknownNipIsRefused() async throws {
        try await ReportingWorld.with { world in
            let stranger = "199912312020121999"
            let answer = try await world.organizer.importOutcome(Self.request(.skp, [
                Self.skpHeader,
                "\(City.dinkesHead),2026,sesuai ekspektasi,sesuai ekspektasi,",
                "\(City.sekStaff[0]),2026,sesuai ekspektasi,sesuai ekspektasi,",
                "\(stranger),2026,sesuai ekspektasi,sesuai ekspektasi,",
                "12345,2026,sesuai ekspektasi,sesuai ekspektasi,",
            ]))
            #expect(answer.errors.map(\.line) == [4, 5])
            #expect(answer.errors.first?.reason.contains(stranger) == true, "\(answer.errors)")
            #expect(answer.rowsSaved == 0)
            #expect(try await Self.skp(world, City.dinkesHead, year: 2026) == nil)
        }
    }

    /// A clean file is saved whole, with the predicate of the matrix (Predicate raw values: 1 sangat
    /// kurang … 5 sangat baik).
    @Test func skpCleanFileIsSavedWithTheMatrixPredicate() async throws {
        try await ReportingWorld.with { world in
            let answer = try await world.organizer.importOutcome(Self.request(.skp, [
                Self.skpHeader,
                "\(City.dinkesHead),2026,di atas ekspektasi,di atas ekspektasi,",
                "\(City.sekStaff[0]),2026,sesuai ekspektasi,di bawah ekspektasi,Kurang",
                "\(City.sekStaff[1]),2026,bawah,bawah,",
            ]))
            #expect(answer.errors.isEmpty, "\(answer.errors)")
            #expect(answer.rowsSaved == 3)
            #expect(try await Self.skp(world, City.dinkesHead, year: 2026)?.predicate == Predicate.sangatBaik.rawValue)
            #expect(try await Self.skp(world, City.sekStaff[0], year: 2026)?.predicate == Predicate.kurang.rawValue)
            #expect(try await Self.skp(world, City.sekStaff[1], year: 2026)?.predicate == Predicate.sangatKurang.rawValue)
        }
    }

    @Test func dryRunSavesNothing() async throws {
        try await ReportingWorld.with { world in
            let version = try await world.organizer.getDataStatus(.init()).positions?.outcomeVersion
            let answer = try await world.organizer.importOutcome(Self.request(.skp, [
                Self.skpHeader,
                "\(City.dinkesHead),2026,sesuai ekspektasi,sesuai ekspektasi,Baik",
                "\(City.sekStaff[0]),2026,sesuai ekspektasi,sesuai ekspektasi,",
            ], dryRun: true))
            #expect(answer.errors.isEmpty)
            #expect(answer.rowsTotal == 2)
            #expect(answer.rowsSaved == 0, "a dry run saves nothing")
            #expect(try await Self.skp(world, City.dinkesHead, year: 2026) == nil)
            #expect(try await world.organizer.getDataStatus(.init()).positions?.outcomeVersion == version, "nor raises the data version")
        }
    }

    /// A discipline file replaces the sanctions of its years and marks them covered; other years stay.
    @Test func disciplineReplacesItsYear() async throws {
        try await ReportingWorld.with { world in
            let header = "NIP,Tahun,Tingkat,Jenis,Nomor SK"
            func rows(_ year: Int) async throws -> [String] {
                try await world.store.db.read { db in
                    try Row.fetchAll(db, sql: "SELECT nip, level FROM discipline WHERE year = ? ORDER BY nip, level", arguments: [year])
                        .map { "\($0["nip"] as String):\($0["level"] as Int)" }
                }
            }
            var answer = try await world.organizer.importOutcome(Self.request(.discipline, [header, "\(City.sekStaff[3]),2025,berat,pemberhentian,SK-9"]))
            #expect(answer.errors.isEmpty && answer.rowsSaved == 1, "\(answer.errors)")
            answer = try await world.organizer.importOutcome(Self.request(.discipline, [
                header,
                "\(City.sekStaff[0]),2026,berat,penurunan jabatan,SK-1",
                "\(City.sekStaff[1]),2026,ringan,teguran lisan,SK-2",
                "\(City.sekStaff[1]),2026,sedang,penundaan kenaikan pangkat,SK-3",
            ]))
            #expect(answer.errors.isEmpty && answer.rowsSaved == 3, "\(answer.errors)")
            #expect(try await rows(2026) == ["\(City.sekStaff[0]):3", "\(City.sekStaff[1]):1", "\(City.sekStaff[1]):2"],
                    "the file replaced the sanction the world had for 2026")

            answer = try await world.organizer.importOutcome(Self.request(.discipline, [header, "\(City.sekStaff[2]),2026,ringan,teguran tertulis,SK-4"]))
            #expect(answer.errors.isEmpty && answer.rowsSaved == 1)
            #expect(try await rows(2026) == ["\(City.sekStaff[2]):1"], "a second 2026 file replaces the first")
            #expect(try await rows(2025) == ["\(City.sekStaff[3]):3"], "2025 is untouched")
            #expect(try await Self.count(world, "SELECT COUNT(*) FROM discipline_year WHERE year IN (2025, 2026)") == 2)

            // A bad row: nothing of the file is applied, 2026 keeps its last file.
            answer = try await world.organizer.importOutcome(Self.request(.discipline, [
                header, "\(City.sekStaff[0]),2026,ringan,teguran lisan,SK-5", "\(City.sekStaff[1]),2026,fatal,?,SK-6",
            ]))
            #expect(answer.errors.map(\.line) == [3])
            #expect(try await rows(2026) == ["\(City.sekStaff[2]):1"])

            // Who had no sanction in a covered year earns the full 5 points of disiplin.
            let score = try await world.organizer.getIpAsn(.init(nip: City.dinkesHead, year: 2026))
            let disiplin = score.components.first { $0.dimension == "disiplin" }
            #expect(disiplin?.missing == false && disiplin?.points == 5)
        }
    }

    @Test func ikmRowsAreCheckedAndSaved() async throws {
        try await ReportingWorld.with { world in
            let header = "Instansi;Unit;Tahun;Semester;Responden;U1;U2;U3;U4;U5;U6;U7;U8;U9;IKM"
            // NRR sum 28.2: IKM 28.2 / 9 × 25 = 78.33.
            let elements = "3,2;3,0;2,8;3,5;3,1;2,9;3,3;3,4;3,0"
            var answer = try await world.organizer.importOutcome(Self.request(.ikm, [
                header,
                "DINKES;PKM-A;2026;1;120;\(elements);78,33",
                "DINKES;PKM-B;2026;1;80;\(elements);78,50",
                "DINKES;PKM-Z;2026;1;80;\(elements);",
                "DINKES;PKM-B;2026;3;80;\(elements);",
                "DINKES;PKM-B;2026;2;80;3,2;3,0;2,8;3,5;3,1;2,9;3,3;3,4;4,5;",
            ]))
            #expect(answer.errors.map(\.line) == [3, 4, 5, 6], "\(answer.errors)")
            #expect(answer.rowsSaved == 0)
            #expect(try await Self.count(world, "SELECT COUNT(*) FROM outside_ikm") == 0)

            answer = try await world.organizer.importOutcome(Self.request(.ikm, [
                header, "DINKES;PKM-A;2026;1;120;\(elements);78,33", "DINKES;PKM-B;2026;1;80;\(elements);",
            ]))
            #expect(answer.errors.isEmpty && answer.rowsSaved == 2, "\(answer.errors)")
            let saved = try await world.store.db.read { db in
                try Double.fetchAll(db, sql: "SELECT ikm FROM outside_ikm WHERE year = 2026 AND semester = 1 ORDER BY unit")
            }
            #expect(saved.count == 2 && saved.allSatisfy { abs($0 - 78.33) < 1e-9 }, "\(saved)")
        }
    }

    @Test func importsAreForOrganisers() async throws {
        try await ReportingWorld.with { world in
            let request = Self.request(.skp, [Self.skpHeader, "\(City.dinkesHead),2026,sesuai,sesuai,"])
            #expect(await code { try await world.caller(City.dinkesHead).importOutcome(request) } == .permissionDenied)
            let saved = try await Self.skp(world, City.dinkesHead, year: 2026)
            #expect(saved == nil)
        }
    }
}
