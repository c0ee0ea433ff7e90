import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing
@testable import Reporting

/// The four file formats, each read back by an independent reader.
@Suite("Reporting: exports")
struct ExportTests {
    typealias Cell = Binakarier_Reporting_V1_Cell
    typealias Column = Binakarier_Reporting_V1_Column

    static let hyperlink = #"=HYPERLINK("http://contoh.invalid";"klik")"#
    static let title = #"Evaluasi Program Uji; "Prima""#

    /// A report made by hand with every kind of cell, hostile texts, a hidden and a missing cell.
    static func sample() -> Binakarier_Reporting_V1_Report {
        let columns: [Column] = [
            .init(title: "Perangkat daerah", kind: .text), .init(title: "Peserta", kind: .count), .init(title: "% lulus", kind: .percent, decimals: 1),
            .init(title: "Rata-rata JP", kind: .number, decimals: 1), .init(title: "Biaya", kind: .rupiah), .init(title: "Tanggal", kind: .date),
        ]
        func value(_ number: Double) -> Cell { .init(number: number, state: .value) }
        func text(_ text: String) -> Cell { .init(text: text, state: .value) }
        let participants = Binakarier_Reporting_V1_Table(title: "Peserta per perangkat daerah", columns: columns, rows: [
            .init(cells: [text("DINKES; Dinas Kesehatan"), value(1234), value(79.2), value(17.4), value(1_250_000), text("2026-03-12")]),
            .init(cells: [text(hyperlink), .init(state: .suppressed), .init(state: .suppressed), .init(state: .missing), value(250_000), text("2026-02-01")]),
            .init(cells: [text("+62 812 3456"), value(7), value(100), value(3), value(0), text("2026-01-05")]),
            .init(cells: [text("-5 poin"), value(12), value(0), value(8), value(10), text("2026-04-30")]),
            .init(cells: [text("@SUM(A1:A2)"), value(9), value(55.5), value(20), value(20), text("2026-05-31")]),
            .init(cells: [text("Jumlah"), value(1265), value(80.1), value(17.1), value(1_500_030), text("2026-05-31")], total: true),
        ], note: "Angka di bawah 5 orang disembunyikan.")
        let facts = Binakarier_Reporting_V1_Table(title: "Ringkasan biaya", columns: [.init(title: "Uraian", kind: .text), .init(title: "Nilai", kind: .number, decimals: 1)], rows: [
            .init(cells: [text("Biaya per peserta"), .init(number: 1_500_000, state: .value, kind: .rupiah)]),
            .init(cells: [text("Persentase lulus"), .init(number: 66.66, state: .value, kind: .percent, decimals: 1)]),
            .init(cells: [text("Peserta"), .init(number: 2500, state: .value, kind: .count)]),
        ])
        let items = Binakarier_Reporting_V1_Table(title: "Butir penilaian", columns: [
            .init(title: "Butir", kind: .text), .init(title: "Jawaban", kind: .count), .init(title: "Rata-rata", kind: .number, decimals: 2),
        ], rows: [
            .init(cells: [text("Materi relevan"), value(40), value(3.456)]),
            .init(cells: [text("Fasilitator <b>jelas</b>"), .init(state: .suppressed), .init(state: .suppressed)]),
        ])
        return .init(
            kind: .program, scope: "LAT-X", year: 2026, title: title, subtitle: "LAT-X · Pelatihan · 16 JP · tahun 2026",
            sections: [
                .init(title: "Peserta", text: "Peserta yang terdaftar.", tables: [participants, facts], charts: [
                    .make(.bar, "Peserta per perangkat daerah", "Jumlah peserta per perangkat daerah.", categories: ["DINKES", "DISDIK"], series: [("Peserta", [1234, nil])]),
                ]),
                .init(title: "Level 1 — Reaksi", tables: [items], charts: [
                    .make(.horizontalBar, "Rata-rata butir", "Rata-rata jawaban per butir.", categories: ["Materi relevan"], series: [("Rata-rata", [3.456])]),
                ]),
            ],
            conclusions: [.init(topic: "L1", verdict: .positive, text: "=1+1 bukan rumus", evidence: "n = 40", n: 40, recommendation: "")],
            positions: .init(programsSequence: 12, feedbackSequence: 7, identitySyncedUnix: ReportingWorld.june2026, outcomeVersion: 3),
            generateTimeUnix: ReportingWorld.june2026, k: 5)
    }

    // MARK: CSV

    @Test func csvIsSemicolonSeparatedUtf8WithIndonesianNumbersAndNoFormulas() throws {
        let file = try ReportExport.file(Self.sample(), format: .csv)
        #expect(file.fileName.hasSuffix(".csv"))
        #expect(Array(file.content.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark")
        let text = try #require(String(bytes: file.content.dropFirst(3), encoding: .utf8))
        #expect(!text.hasPrefix("\u{FEFF}"), "one BOM")
        let records = try CSV.parse(text)
        /// The first record that starts with `first` and has more than one field (a title line has one).
        func record(_ first: String) -> [String]? { records.first { $0.first == first && $0.count > 1 } }

        #expect(records.first == [Self.title], "the title, quoted because of its ; and \"")
        #expect(record("Perangkat daerah") == ["Perangkat daerah", "Peserta", "% lulus", "Rata-rata JP", "Biaya", "Tanggal"])
        #expect(record("DINKES; Dinas Kesehatan") == ["DINKES; Dinas Kesehatan", "1.234", "79,2 %", "17,4", "Rp 1.250.000", "12/03/2026"])
        #expect(record("'" + Self.hyperlink) == ["'" + Self.hyperlink, "<5", "<5", "–", "Rp 250.000", "01/02/2026"],
                "a formula-looking cell is prefixed; the hidden count is \"<5\"")
        #expect(record("'+62 812 3456")?[1] == "7")
        #expect(record("'-5 poin")?[2] == "0,0 %")
        #expect(record("'@SUM(A1:A2)")?[2] == "55,5 %")
        #expect(record("Jumlah") == ["Jumlah", "1.265", "80,1 %", "17,1", "Rp 1.500.030", "31/05/2026"])
        #expect(record("Biaya per peserta") == ["Biaya per peserta", "Rp 1.500.000"])
        #expect(record("Persentase lulus") == ["Persentase lulus", "66,7 %"])
        #expect(record("Peserta") == ["Peserta", "2.500"])
        #expect(record("Materi relevan") == ["Materi relevan", "40", "3,46"])
        #expect(record("Fasilitator <b>jelas</b>") == ["Fasilitator <b>jelas</b>", "<5", "<5"])
        #expect(record("L1") == ["L1", "'=1+1 bukan rumus", "n = 40", "40", ""])
        for record in records {
            for field in record {
                let first = field.unicodeScalars.first
                #expect(first.map { !"=+-@\t\r".unicodeScalars.contains($0) } ?? true, "a field a spreadsheet would run: \(field)")
            }
        }
        #expect(!text.contains("1234"), "no number in the program's own format")
    }

    // MARK: JSON

    @Test func jsonHasNumbersAsNumbers() throws {
        let file = try ReportExport.file(Self.sample(), format: .json)
        #expect(file.contentType == "application/json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(file.content)) as? [String: Any])
        func number(_ value: Any?) -> Double? {
            guard let value, !(value is String), !(value is Bool), let number = value as? NSNumber else { return nil }
            return number.doubleValue
        }
        #expect(number(document["tahun"]) == 2026)
        #expect(number(document["k"]) == 5)
        #expect(document["judul"] as? String == Self.title)
        let sections = try #require(document["bagian"] as? [[String: Any]])
        #expect(sections.count == 2)
        let tables = try #require(sections[0]["tabel"] as? [[String: Any]])
        let rows = try #require(tables[0]["baris"] as? [[String: Any]])
        let first = try #require(rows[0]["sel"] as? [Any])
        #expect(first[0] as? String == "DINKES; Dinas Kesehatan")
        #expect(number(first[1]) == 1234)
        #expect(number(first[2]) == 79.2)
        #expect(number(first[3]) == 17.4)
        #expect(number(first[4]) == 1_250_000)
        #expect(first[5] as? String == "2026-03-12")
        let second = try #require(rows[1]["sel"] as? [Any])
        #expect(second[0] as? String == Self.hyperlink, "JSON is data: the text as it is")
        #expect((second[1] as? [String: Any])?["status"] as? String == "disembunyikan")
        #expect(number(second[1]) == nil, "a hidden count carries no number")
        #expect((second[3] as? [String: Any])?["status"] as? String == "tidak ada data")
        #expect((rows.last?["jumlah"] as? Bool) == true)
        let conclusions = try #require(document["kesimpulan"] as? [[String: Any]])
        #expect(number(conclusions.first?["n"]) == 40)
        #expect(conclusions.first?["penilaian"] as? String == "positif")
    }

    // MARK: XLSX

    @Test func xlsxHasASheetPerSectionWithRealNumbers() throws {
        let file = try ReportExport.file(Self.sample(), format: .xlsx)
        let book = try Workbook.read(file.content)
        // The summary first (its name is the exporter's choice), then one sheet per section, then the conclusions.
        #expect(book.sheets.count == 4)
        #expect(book.sheets.dropFirst().map(\.name) == ["Peserta", "Level 1 — Reaksi", "Kesimpulan"])
        #expect(book.formulaCount == 0, "no formula anywhere")

        let participants = try #require(book.sheets.first { $0.name == "Peserta" })
        let dinkes = try #require(participants.find("DINKES; Dinas Kesehatan"))
        #expect(dinkes.dataType == "s")
        let row = dinkes.row
        func cell(_ column: Int) -> Workbook.Cell? { participants.cell(row: row, column: column) }
        #expect(cell(2)?.dataType == "n" && cell(2)?.number == 1234, "\(String(describing: cell(2)))")
        #expect(cell(3)?.dataType == "n" && close(cell(3)?.number, 0.792), "a percent is its fraction under a % format")
        #expect(cell(4)?.dataType == "n" && close(cell(4)?.number, 17.4))
        #expect(cell(5)?.dataType == "n" && cell(5)?.number == 1_250_000)

        let formula = try #require(participants.find(Self.hyperlink), "the text is kept as text")
        #expect(formula.dataType == "s")
        #expect(participants.cell(row: formula.row, column: 2)?.text == "<5")
        #expect(participants.cell(row: formula.row, column: 2)?.dataType == "s")
        #expect(participants.find("@SUM(A1:A2)")?.dataType == "s")
        #expect(participants.find("+62 812 3456")?.dataType == "s")
        let total = try #require(participants.find("Jumlah"))
        #expect(participants.cell(row: total.row, column: 2)?.number == 1265)
        let count = try #require(participants.cells.first { $0.column == 1 && $0.text == "Peserta" && participants.cell(row: $0.row, column: 2)?.number != nil },
                                 "the count of the facts table")
        #expect(participants.cell(row: count.row, column: 2)?.number == 2500)
        #expect(participants.cell(row: count.row, column: 2)?.dataType == "n")

        let items = try #require(book.sheets.first { $0.name == "Level 1 — Reaksi" })
        let relevant = try #require(items.find("Materi relevan"))
        #expect(items.cell(row: relevant.row, column: 2)?.dataType == "n" && items.cell(row: relevant.row, column: 2)?.number == 40)
        #expect(close(items.cell(row: relevant.row, column: 3)?.number, 3.456))

        let conclusions = try #require(book.sheets.last)
        let l1 = try #require(conclusions.find("L1"))
        #expect(conclusions.cell(row: l1.row, column: 2)?.text == "=1+1 bukan rumus")
        #expect(conclusions.cell(row: l1.row, column: 2)?.dataType == "s")
        #expect(conclusions.cell(row: l1.row, column: 4)?.dataType == "n" && conclusions.cell(row: l1.row, column: 4)?.number == 40)
        let summary = try #require(book.sheets.first)
        #expect(summary.find("LAT-X · Pelatihan · 16 JP · tahun 2026") != nil)
    }

    /// A report the service builds: every section gets its sheet, also one that has only text (no
    /// reaction results yet; no action items), between the summary and the conclusions.
    @Test func xlsxOfAProgramReportHasOneSheetPerSection() async throws {
        try await ReportingWorld.with { world in
            let response = try await world.organizer.getProgramReport(.init(programCode: "LAT-A", year: 2026, format: .xlsx))
            let report = try #require(response.report)
            let file = try #require(response.file)
            #expect(file.fileName == "laporan-program-lat-a-2026.xlsx")
            let book = try Workbook.read(file.content)
            #expect(book.sheets.first?.find(report.subtitle) != nil, "the summary sheet first")
            #expect(book.sheets.last?.name == "Kesimpulan")
            #expect(book.sheets.count == report.sections.count + 2,
                    "sections \(report.sections.map(\.title)); sheets \(book.sheets.map(\.name))")
            let middle = book.sheets.dropFirst().dropLast().map(\.name)
            for (name, section) in zip(middle, report.sections) {
                #expect(section.title.hasPrefix(String(name.prefix(25))), "sheet \(name) for section \(section.title)")
            }
        }
    }

    // MARK: HTML

    @Test func htmlIsSelfContainedEscapedAndPrintable() async throws {
        try await ReportingWorld.with { world in
            let hostile = #"<script>alert(1)</script> "Prima" & 'Baik'"#
            try await world.store.saveProgram(.init(code: "LAT-A", title: hostile, kind: .pelatihan, jp: 16, organizerAgencyCode: "BKPSDM", costRupiah: 12_000_000))
            let response = try await world.organizer.getProgramReport(.init(programCode: "LAT-A", year: 2026, format: .html))
            let report = try #require(response.report)
            let file = try #require(response.file)
            #expect(file.contentType == "text/html; charset=utf-8")
            let html = String(decoding: file.content, as: UTF8.self)

            let markup = try PageMarkup(html)
            #expect(!markup.tags.contains { $0.name == "script" }, "no script element")
            #expect(html.range(of: "<script", options: .caseInsensitive) == nil)
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title is shown, escaped")
            #expect(!html.contains("alert(1)</script>"))
            #expect(markup.text.contains("<script>") == false, "text content holds the escaped form only")

            // Nothing fetched from elsewhere: no http(s) URL but SVG's namespace name, which is no request.
            let withoutNamespace = html.replacingOccurrences(of: #"xmlns="http://www.w3.org/2000/svg""#, with: "")
            #expect(withoutNamespace.range(of: "http://", options: .caseInsensitive) == nil)
            #expect(withoutNamespace.range(of: "https://", options: .caseInsensitive) == nil)
            for tag in markup.tags where !tag.closing {
                for attribute in [" src=", " href=", " xlink:href=", " action=", " srcset="] {
                    #expect(!tag.source.lowercased().contains(attribute), "no outside reference: \(tag.source)")
                }
            }
            #expect(!html.contains("url(") && !html.contains("@import"), "no stylesheet request")
            #expect(html.contains("default-src 'none'"), "and a policy that forbids any")

            // Each chart is an inline <svg> with a <title> and a <desc>.
            let charts = report.sections.flatMap(\.charts).filter { !$0.categories.isEmpty }
            #expect(!charts.isEmpty)
            let svgs = html.components(separatedBy: "<svg").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
            #expect(svgs.count == charts.count)
            for (svg, chart) in zip(svgs, charts) {
                #expect(svg.contains("<title") && svg.contains("</title>"), "\(chart.title)")
                #expect(svg.contains("<desc") && svg.contains("</desc>"), "\(chart.title)")
                #expect(svg.contains(chart.title), "the title names the chart")
            }
            #expect(markup.tags.filter { $0.name == "svg" && !$0.closing }.count == charts.count)

            #expect(html.contains("@media print"))
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("<html lang=\"id\">"))
        }
    }
}
