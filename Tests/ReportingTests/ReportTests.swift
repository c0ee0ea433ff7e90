import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing
@testable import Reporting

/// Reports over a replica filled by hand (`City`): their numbers equal what the test works out from the
/// data it put in, and who may read them.
@Suite("Reporting: reports over a hand-filled replica")
struct ReportTests {
    // MARK: agency report: JP compliance

    /// From `City`'s ledger (see its comment), per unit of DINKES, active PNS only, verified JP of 2026:
    ///   Puskesmas A  25 PNS, 15 meet 20 JP: 60 %,  mean 550 / 25 = 22
    ///   Puskesmas B  25 PNS,  6 meet:       24 %,  mean 272 / 25 = 10.88
    ///   Sekretariat   5 PNS,  5 meet:      100 %,  mean 135 / 5  = 27
    ///   Jumlah       55 PNS, 26 meet: 47.27 %,     mean 957 / 55 = 17.4
    /// The PPPK (30 JP) and the retired PNS (40 JP) of Puskesmas A are not counted; pending and rejected
    /// lines and 2025's lines are not counted.
    @Test func agencyReportJpComplianceMatchesTheLedger() async throws {
        try await ReportingWorld.with { world in
            let report = try #require(try await world.organizer.getAgencyReport(.init(agencyCode: "DINKES", year: 2026)).report)
            let table = try #require(report.table("Pemenuhan 20 JP per unit"), "\(report.sections.flatMap(\.tables).map(\.title))")
            #expect(table.columns.map(\.title) == ["Unit", "Memenuhi 20 JP", "Belum memenuhi", "PNS aktif", "% memenuhi", "Rata-rata JP"])
            #expect(table.rows.map { $0.cells[0].text } == ["Puskesmas A", "Puskesmas B", "Sekretariat", "Jumlah"])
            let expected: [String: (pns: Double, meet: Double, share: Double, mean: Double)] = [
                "Puskesmas A": (25, 15, 60, 22), "Puskesmas B": (25, 6, 24, 10.88), "Sekretariat": (5, 5, 100, 27),
                "Jumlah": (55, 26, 26.0 / 55 * 100, 17.4),
            ]
            for (label, figures) in expected {
                let row = try #require(table.row(label))
                #expect(row.cells[1].value == figures.meet, "\(label): memenuhi")
                #expect(row.cells[2].value == figures.pns - figures.meet, "\(label): belum memenuhi")
                #expect(row.cells[3].value == figures.pns, "\(label): PNS aktif")
                #expect(close(row.cells[4].value, figures.share, 1e-6), "\(label): % memenuhi \(row.cells[4])")
                #expect(close(row.cells[5].value, figures.mean, 1e-6), "\(label): rata-rata JP \(row.cells[5])")
            }
            #expect(table.rows.last?.total == true)
            let jp = try #require(report.conclusion("JP"))
            #expect(jp.text.contains("47,3 %"), "\(jp.text)")
            #expect(jp.n == 55)
            #expect(jp.verdict == .negative, "under 80 %")
        }
    }

    // MARK: program report: levels 3 and 4

    /// LAT-A was completed by the 25 PNS of Puskesmas A (the treated unit); the comparison is the units
    /// none of whose staff enrolled, of which only Puskesmas B has SKP in both years.
    ///   treated    5/25 = 20 % → 23/25 = 92 %: +72
    ///   comparison 12/25 = 48 % → 12/25 = 48 %: 0
    ///   difference-in-differences 72 − 0 = 72 percentage points, shown in the table; but with one unit
    ///   on each side nothing tells the effect from one unit's luck: Level 4 is not concluded.
    @Test func programReportLevelFourIsTheDifferenceInDifferences() async throws {
        try await ReportingWorld.with { world in
            let report = try #require(try await world.organizer.getProgramReport(.init(programCode: "LAT-A", year: 2026)).report)
            let table = try #require(report.table("Unit peserta dibandingkan unit yang tidak mengikuti"))
            let performance = table.rows.filter { $0.cells[0].text == "% predikat Baik atau lebih" }
            #expect(performance.count == 2)
            let treated = try #require(performance.first { $0.cells[1].text == "Unit peserta" })
            let comparison = try #require(performance.first { $0.cells[1].text == "Unit pembanding" })
            #expect(treated.cells[2].value == 1 && treated.cells[3].value == 25)
            #expect(close(treated.cells[4].value, 20) && close(treated.cells[5].value, 92) && close(treated.cells[6].value, 72), "\(treated.cells)")
            #expect(comparison.cells[2].value == 1 && comparison.cells[3].value == 25)
            #expect(close(comparison.cells[4].value, 48) && close(comparison.cells[5].value, 48) && close(comparison.cells[6].value, 0), "\(comparison.cells)")
            let did = (try #require(treated.cells[6].value)) - (try #require(comparison.cells[6].value))
            #expect(close(did, 72))

            let l4 = try #require(report.conclusion("L4", containing: "kinerja"), "\(report.conclusions.map(\.text))")
            #expect(l4.verdict == .inconclusive, "one unit on each side: no unit-level error can be estimated")
            #expect(l4.text.contains("dua unit atau lebih"), "\(l4.text)")
        }
    }

    /// Three of the 25 graduates answered the follow-up: too few (k = 5) to conclude.
    @Test func programReportLevelThreeWithThreeAnswersOfTwentyFive() async throws {
        try await ReportingWorld.with { world in
            try await City.apply(world.store, feedback: [try City.campaign("CMP-L3", program: "LAT-A", purpose: .followUpSelf, audience: 25, responses: 3)])
            try await world.store.saveProgramResult(
                program: "LAT-A", year: 2026, purpose: Int(Binakarier_Feedback_V1_Purpose.followUpSelf.rawValue),
                results: .init(scope: "LAT-A", audienceSize: 25, responses: 3, responseRate: 12, suppressed: true, k: 5,
                               followUp: .init(selfResponses: 3), purpose: .followUpSelf))
            let report = try #require(try await world.organizer.getProgramReport(.init(programCode: "LAT-A", year: 2026)).report)
            let l3 = try #require(report.conclusion("L3"))
            #expect(l3.verdict == .inconclusive)
            #expect(l3.text.contains("belum dapat disimpulkan"), "\(l3.text)")
            #expect(l3.text.contains("3 dari 25"), "\(l3.text)")
            let follow = try #require(report.table("Penerapan di tempat kerja (60–90 hari)"))
            #expect(follow.row("Jawaban peserta")?.cells[1].isHidden == true, "3 answers are under k")
        }
    }

    // MARK: IP ASN through the service

    /// Kepala Puskesmas A, administrator, S1: 24 JP in 2026 with the ethics seminar, PKA completed in
    /// 2025, SKP 2026 sesuai × sesuai = Baik, 2026 discipline imported without a row of theirs:
    /// 15 + 40 + 25 + 5 = 85, "Tinggi".
    @Test func ipAsnOfAPersonFromTheReplica() async throws {
        try await ReportingWorld.with { world in
            let score = try await world.organizer.getIpAsn(.init(nip: City.supervisorA, year: 2026))
            #expect(FormulaTests.points(score.components) == ["kualifikasi": 15, "kompetensi": 40, "kinerja": 25, "disiplin": 5], "\(score.components)")
            #expect(score.complete)
            #expect(score.total == 85)
            #expect(score.band == "Tinggi")

            // The head of DINKES has no SKP: kinerja missing, no total.
            let head = try await world.organizer.getIpAsn(.init(nip: City.dinkesHead, year: 2026))
            #expect(head.components.first { $0.dimension == "kinerja" }?.missing == true)
            #expect(!head.complete)
            #expect(head.band.isEmpty)

            // 2025's discipline was never imported: disiplin missing, even with an SKP for 2025.
            let earlier = try await world.organizer.getIpAsn(.init(nip: City.supervisorA, year: 2025))
            #expect(earlier.components.first { $0.dimension == "disiplin" }?.missing == true)
            #expect(earlier.components.first { $0.dimension == "kinerja" }?.missing == false)
            #expect(!earlier.complete)
        }
    }

    // MARK: who may read what

    @Test func personReportIsServedToThePersonTheirSupervisorAgencyHeadAndOrganisers() async throws {
        try await ReportingWorld.with { world in
            let nip = City.staffA[0]
            let request = Binakarier_Reporting_V1_GetPersonReportRequest(nip: nip, year: 2026)
            for (who, client) in [("the person", world.caller(nip)), ("their supervisor", world.caller(City.supervisorA)),
                                  ("their agency's head", world.caller(City.dinkesHead)), ("an organiser", world.organizer)] {
                let report = try await client.getPersonReport(request).report
                #expect(report?.scope == nip, "\(who)")
                #expect(report?.kind == .person, "\(who)")
            }
            for (who, client) in [("a colleague", world.caller(City.staffA[1])), ("another unit's supervisor", world.caller(City.supervisorB)),
                                  ("another agency's head", world.caller(City.disdikHead)), ("a teacher", world.caller(City.teachers[0]))] {
                #expect(await code { try await client.getPersonReport(request) } == .notFound, "\(who)")
            }
            // The same answer as for a NIP that is nobody's.
            #expect(await code { try await world.caller(City.staffA[1]).getPersonReport(.init(nip: "199912312020121999", year: 2026)) } == .notFound)
            // And the same for the person's IP ASN.
            #expect(await code { try await world.caller(City.staffA[1]).getIpAsn(.init(nip: nip, year: 2026)) } == .notFound)
            #expect(try await world.caller(City.supervisorA).getIpAsn(.init(nip: nip, year: 2026)).nip == nip)
        }
    }

    @Test func agencyHeadCannotReadAnotherAgencysReport() async throws {
        try await ReportingWorld.with { world in
            let disdikHead = world.caller(City.disdikHead)
            #expect(await code { try await disdikHead.getAgencyReport(.init(agencyCode: "DINKES", year: 2026)) } == .permissionDenied)
            let own = try await disdikHead.getAgencyReport(.init(agencyCode: "DISDIK", year: 2026)).report
            #expect(own?.scope == "DISDIK")
            let dinkes = try await world.caller(City.dinkesHead).getAgencyReport(.init(agencyCode: "DINKES", year: 2026)).report
            #expect(dinkes?.scope == "DINKES")
            #expect(await code { try await world.caller(City.supervisorA).getAgencyReport(.init(agencyCode: "DINKES", year: 2026)) } == .permissionDenied,
                    "a supervisor is not an agency head")
            #expect(await code { try await disdikHead.getCityReport(.init(year: 2026)) } == .permissionDenied, "the city report is for organisers")
            #expect(await code { try await disdikHead.getProgramReport(.init(programCode: "LAT-A", year: 2026)) } == .permissionDenied)
        }
    }
}
