import BKProto
import BKRPC
import BKTestSupport
import Foundation
import GRDB
import Testing
@testable import Reporting

/// A published report reads the same later, whatever the data became; altered numbers are detected.
@Suite("Reporting: published reports")
struct PublishedReportTests {
    /// The city's share of Baik or better in 2026 among active ASN with an SKP: Puskesmas A 23 of 25,
    /// Puskesmas B 12 of 25: 35 / 50 = 70 %. With 5 more good SKP (the Sekretariat): 40 / 55 = 72.73 %.
    static func goodShare2026(_ report: Binakarier_Reporting_V1_Report) -> Double? {
        report.table("Tren tahunan")?.row("2026")?.cells[3].value
    }

    static func publishCity(_ world: ReportingWorld) async throws -> (Binakarier_Reporting_V1_PublishedReport, Binakarier_Reporting_V1_Report) {
        let published = try await world.organizer.publishReport(.init(kind: .city, year: 2026))
        let read = try #require(try await world.organizer.getPublishedReport(.init(id: published.id)).report)
        return (published, read)
    }

    @Test func publishedReportKeepsItsNumbersAndHash() async throws {
        try await ReportingWorld.with { world in
            let (published, first) = try await Self.publishCity(world)
            #expect(published.kind == .city)
            #expect(published.sha256.count == 64)
            #expect(first.sha256 == published.sha256)
            #expect(first.publishedId == published.id)
            #expect(close(Self.goodShare2026(first), 70), "35 of 50: \(String(describing: Self.goodShare2026(first)))")

            // The hash by another implementation: SHA-256 of the report with its publication fields empty.
            var unsealed = first
            unsealed.publishedId = ""
            unsealed.sha256 = ""
            unsealed.signature = ""
            unsealed.publishTimeUnix = 0
            unsealed.publishedBy = ""
            #expect(try sha256sum(try unsealed.serializedBytes()) == published.sha256)
            #expect(first.signature.hasPrefix("V1."), "sealed with the daemon's key")

            // The data changes: five more SKP for 2026.
            let answer = try await world.organizer.importOutcome(.init(kind: .skp, csv: csvBytes(
                ["NIP,Tahun,Hasil Kerja,Perilaku"] + ([City.dinkesHead] + City.sekStaff).map { "\($0),2026,di atas ekspektasi,di atas ekspektasi" })))
            #expect(answer.rowsSaved == 5, "\(answer.errors)")
            let live = try #require(try await world.organizer.getCityReport(.init(year: 2026)).report)
            #expect(close(Self.goodShare2026(live), 40.0 / 55 * 100, 1e-9), "40 of 55 now")
            #expect((live.positions?.outcomeVersion ?? 0) > (first.positions?.outcomeVersion ?? 0))

            let again = try #require(try await world.organizer.getPublishedReport(.init(id: published.id)).report)
            #expect(again == first, "the published report reads the same")
            #expect(again.sha256 == published.sha256)
            #expect(close(Self.goodShare2026(again), 70))
            #expect(again.positions == first.positions)

            let list = try await world.organizer.listPublishedReports(.init(kind: .city))
            #expect(list.reports.map(\.id) == [published.id])
        }
    }

    @Test func alteredPublishedReportIsDataLoss() async throws {
        try await ReportingWorld.with { world in
            let (published, first) = try await Self.publishCity(world)
            // Someone with the database file changes one number of the stored report.
            var altered = first
            for (s, section) in altered.sections.enumerated() {
                for (t, table) in section.tables.enumerated() where table.title == "Tren tahunan" {
                    for (r, row) in table.rows.enumerated() where row.cells.first?.text == "2026" {
                        altered.sections[s].tables[t].rows[r].cells[3].number = 95
                    }
                }
            }
            #expect(altered != first)
            let bytes = Data(try altered.serializedBytes())
            try await world.store.db.write { db in
                try db.execute(sql: "UPDATE published_report SET report = ? WHERE id = ?", arguments: [bytes, published.id])
            }
            #expect(await code { try await world.organizer.getPublishedReport(.init(id: published.id)) } == .dataLoss)
            #expect(await code { try await world.organizer.getPublishedReport(.init(id: published.id, format: .csv)) } == .dataLoss)

            // Re-sealing it with a new hash does not help: the signature is the daemon key's.
            var resealed = altered
            resealed.sha256 = ""
            resealed.signature = ""
            resealed.publishedId = ""
            resealed.publishTimeUnix = 0
            resealed.publishedBy = ""
            var stored = altered
            stored.sha256 = try sha256sum(try resealed.serializedBytes())
            let restored = Data(try stored.serializedBytes())
            try await world.store.db.write { db in
                try db.execute(sql: "UPDATE published_report SET report = ? WHERE id = ?", arguments: [restored, published.id])
            }
            #expect(await code { try await world.organizer.getPublishedReport(.init(id: published.id)) } == .dataLoss)
        }
    }

    /// A stored report that no longer even decodes has lost its data too: restore from a backup.
    @Test func truncatedPublishedReportIsDataLoss() async throws {
        try await ReportingWorld.with { world in
            let (published, first) = try await Self.publishCity(world)
            let bytes = try first.serializedBytes()
            let truncated = Data(bytes.prefix(bytes.count / 2))
            try await world.store.db.write { db in
                try db.execute(sql: "UPDATE published_report SET report = ? WHERE id = ?", arguments: [truncated, published.id])
            }
            let answer = await code { try await world.organizer.getPublishedReport(.init(id: published.id)) }
            #expect(answer == .dataLoss, "got \(String(describing: answer))")
        }
    }

    /// Who may read a report may publish it; the city and program reports are the organisers'.
    @Test func onlyWhoMayReadAReportPublishesIt() async throws {
        try await ReportingWorld.with { world in
            let head = world.caller(City.dinkesHead)
            #expect(await code { try await head.publishReport(.init(kind: .city, year: 2026)) } == .permissionDenied)
            #expect(await code { try await head.publishReport(.init(kind: .program, scope: "LAT-A", year: 2026)) } == .permissionDenied)
            #expect(await code { try await world.caller(City.disdikHead).publishReport(.init(kind: .agency, scope: "DINKES", year: 2026)) } == .permissionDenied)
            let own = try await head.publishReport(.init(kind: .agency, scope: "DINKES", year: 2026))
            #expect(own.kind == .agency && own.scope == "DINKES")
            let list = try await world.organizer.listPublishedReports(.init())
            #expect(list.reports.map(\.id) == [own.id], "nothing else was published")
            // The other agency's head does not see it; its own does.
            #expect(await code { try await world.caller(City.disdikHead).getPublishedReport(.init(id: own.id)) } == .notFound)
            let read = try await head.getPublishedReport(.init(id: own.id))
            #expect(read.report?.sha256 == own.sha256)
        }
    }
}
