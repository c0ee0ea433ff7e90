import BKCharts
import BKProto
import BKReportView
import BKServiceKit
import BKSpreadsheet
import Foundation

/// A report as a file, in Bahasa Indonesia with Indonesian number and date formats: CSV, JSON, XLSX or
/// a self-contained HTML page with SVG charts. Hidden cells are written as "<k" (never their value);
/// missing ones as "–" (JSON: null with a state).
public enum ReportExport {
    public static func file(_ report: Binakarier_Reporting_V1_Report, format: Binakarier_Reporting_V1_ReportFormat,
                            temporaryDirectory: String? = nil) throws -> Binakarier_Reporting_V1_ReportFile {
        let base = fileName(report)
        switch format {
        case .csv: return .init(fileName: base + ".csv", contentType: "text/csv; charset=utf-8", content: csv(report))
        case .json: return .init(fileName: base + ".json", contentType: "application/json", content: try json(report))
        case .xlsx: return .init(fileName: base + ".xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content: try xlsx(report, temporaryDirectory: temporaryDirectory))
        case .html: return .init(fileName: base + ".html", contentType: "text/html; charset=utf-8", content: Array(ReportView.page(report).utf8))
        default: throw ServiceError.invalid(field: "format", reason: .init(id: "pilih csv, json, xlsx atau html", en: "choose csv, json, xlsx or html"))
        }
    }

    /// The report's kind in Indonesian, as file names and the JSON's "jenis" name it.
    static func kindName(_ kind: Binakarier_Reporting_V1_ReportKind) -> String {
        switch kind {
        case .program: "program"
        case .agency: "perangkat-daerah"
        case .city: "kota"
        case .person: "pegawai"
        default: "laporan"
        }
    }

    static func fileName(_ report: Binakarier_Reporting_V1_Report) -> String {
        let kind = kindName(report.kind)
        let scope = String(report.scope.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : "-" })
        return "laporan-\(kind)-\(scope)-\(report.year)" + (report.quarter > 0 ? "-t\(report.quarter)" : "")
    }

    // MARK: CSV

    /// `;`-separated (what an Indonesian Excel opens), UTF-8 with a BOM; a cell that starts with
    /// = + - @ (or a tab or carriage return) gets a leading apostrophe so that no spreadsheet runs it.
    static func csv(_ report: Binakarier_Reporting_V1_Report) -> [UInt8] {
        // Every text that is not a table cell is the report's own or quotes a title: neutralised too.
        var lines: [[String]] = [[neutralised(report.title)], [neutralised(report.subtitle)], ["Dibuat \(ReportText.stamp(report.generateTimeUnix))", ReportText.positions(report)]]
        if !report.publishedId.isEmpty { lines.append(["Terbit \(report.publishedId)", "SHA-256 \(report.sha256)"]) }
        for section in report.sections {
            lines.append([])
            lines.append([neutralised(section.title)])
            if !section.text.isEmpty { lines.append([neutralised(section.text)]) }
            for table in section.tables {
                lines.append([neutralised(table.title)])
                lines.append(table.columns.map { neutralised($0.title) })
                for row in table.rows {
                    lines.append(zip(row.cells, table.columns).map { csvCell($0, $1, k: report.k) })
                }
                if !table.note.isEmpty { lines.append([neutralised(table.note)]) }
            }
        }
        lines.append([])
        lines.append(["Kesimpulan"])
        lines.append(["Topik", "Kesimpulan", "Bukti", "n", "Rekomendasi"])
        for conclusion in report.conclusions {
            lines.append([neutralised(conclusion.topic), neutralised(conclusion.text), neutralised(conclusion.evidence), "\(conclusion.n)",
                          neutralised(conclusion.recommendation)])
        }
        let body = lines.map { $0.map(csvField).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(body.utf8)
    }

    /// A cell of a table: text that looks like a formula is neutralised; our own numbers (a negative
    /// change "-2,5") are written as they are, so that a spreadsheet reads them as numbers.
    static func csvCell(_ cell: Binakarier_Reporting_V1_Cell, _ column: Binakarier_Reporting_V1_Column, k: Int32) -> String {
        let value = ReportText.text(cell, column, k: k)
        let isText = cell.state == .value && (ReportText.kind(cell, column) == .text || !cell.text.isEmpty)
        return isText ? neutralised(value) : value
    }

    /// A leading apostrophe on text that a spreadsheet would run (= + - @, a tab or a carriage return).
    static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }

    /// Quoted when it holds the separator, a quote or a line break.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: JSON

    /// Indonesian keys; numbers as JSON numbers, hidden and missing cells as null with their state.
    static func json(_ report: Binakarier_Reporting_V1_Report) throws -> [UInt8] {
        func cell(_ cell: Binakarier_Reporting_V1_Cell, _ column: Binakarier_Reporting_V1_Column) -> Any {
            switch cell.state {
            case .suppressed: return ["status": "disembunyikan"]
            case .missing: return ["status": "tidak ada data"]
            default:
                switch ReportText.kind(cell, column) {
                case .text, .date: return cell.text
                default: return cell.text.isEmpty ? cell.number as Any : cell.text
                }
            }
        }
        let document: [String: Any] = [
            "judul": report.title, "subjudul": report.subtitle, "jenis": kindName(report.kind),
            "cakupan": report.scope, "tahun": report.year, "triwulan": report.quarter, "k": report.k,
            "dibuat": ReportText.stamp(report.generateTimeUnix), "dibuat_unix": report.generateTimeUnix,
            "posisi_data": [
                "programs": report.positions?.programsSequence ?? 0, "feedback": report.positions?.feedbackSequence ?? 0,
                "data_pegawai_unix": report.positions?.identitySyncedUnix ?? 0, "data_hasil": report.positions?.outcomeVersion ?? 0,
            ],
            "terbit": report.publishedId.isEmpty ? NSNull() : ["id": report.publishedId, "sha256": report.sha256, "oleh": report.publishedBy, "waktu_unix": report.publishTimeUnix] as Any,
            "bagian": report.sections.map { section in
                [
                    "judul": section.title, "teks": section.text,
                    "tabel": section.tables.map { table in
                        [
                            "judul": table.title, "catatan": table.note, "kolom": table.columns.map(\.title),
                            "baris": table.rows.map { row in
                                ["jumlah": row.total, "sel": zip(row.cells, table.columns).map { cell($0, $1) }] as [String: Any]
                            },
                        ] as [String: Any]
                    },
                ] as [String: Any]
            },
            "kesimpulan": report.conclusions.map { conclusion in
                ["topik": conclusion.topic, "kesimpulan": conclusion.text, "bukti": conclusion.evidence, "n": conclusion.n,
                 "rekomendasi": conclusion.recommendation, "penilaian": ReportText.verdict(conclusion.verdict)] as [String: Any]
            },
        ]
        return Array(try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]))
    }

    // MARK: XLSX

    /// One sheet per section (and one for the conclusions); numbers are real numbers with formats, and
    /// hidden or missing cells are text ("<5", "–").
    static func xlsx(_ report: Binakarier_Reporting_V1_Report, temporaryDirectory: String? = nil) throws -> [UInt8] {
        var sheets: [Sheet] = [Sheet(
            name: "Laporan", title: report.title, columns: [Column("Uraian"), Column("Isi")],
            rows: [[.text("Subjudul"), .text(report.subtitle)], [.text("Dibuat"), .text(ReportText.stamp(report.generateTimeUnix))],
                   [.text("Posisi data"), .text(ReportText.positions(report))]]
                + (report.publishedId.isEmpty ? [] : [[.text("Terbit"), .text(report.publishedId)], [.text("SHA-256"), .text(report.sha256)]]))]
        for section in report.sections {
            guard !section.tables.isEmpty else {
                // A section of words only still gets its sheet: one per section, as the proto promises.
                sheets.append(Sheet(name: section.title, title: section.title, columns: [Column("Keterangan", width: 100)],
                                    rows: section.text.isEmpty ? [] : [[.text(section.text)]]))
                continue
            }
            var rows: [[BKSpreadsheet.Cell]] = []
            var columns: [Column] = []
            for (index, table) in section.tables.enumerated() {
                // The first table's header is the sheet's; the others follow with their title and header.
                if index == 0 {
                    columns = table.columns.map { Column($0.title) }
                } else {
                    rows.append([])
                    rows.append([.text(table.title)])
                    rows.append(table.columns.map { .text($0.title) })
                }
                for row in table.rows {
                    rows.append(zip(row.cells, table.columns).map { spreadsheetCell($0, $1, k: report.k) })
                }
                if !table.note.isEmpty { rows.append([.text(table.note)]) }
            }
            if !section.text.isEmpty { rows += [[], [.text(section.text)]] }
            let width = max(columns.count, rows.map(\.count).max() ?? 0)
            while columns.count < width { columns.append(Column("")) }
            let firstTitle = section.tables[0].title
            let title = firstTitle.isEmpty || firstTitle == section.title ? section.title : "\(section.title) — \(firstTitle)"
            sheets.append(Sheet(name: section.title, title: title, columns: columns, rows: rows))
        }
        sheets.append(Sheet(
            name: "Kesimpulan", title: "Kesimpulan",
            columns: [Column("Topik"), Column("Kesimpulan", width: 60), Column("Bukti", width: 50), Column("n"), Column("Rekomendasi", width: 50)],
            rows: report.conclusions.map { [.text($0.topic), .text($0.text), .text($0.evidence), .number(Double($0.n), .integer), .text($0.recommendation)] }))
        return try Spreadsheet.xlsx(sheets, properties: .init(title: report.title, subject: report.subtitle), temporaryDirectory: temporaryDirectory)
    }

    static func spreadsheetCell(_ cell: Binakarier_Reporting_V1_Cell, _ column: Binakarier_Reporting_V1_Column, k: Int32) -> BKSpreadsheet.Cell {
        guard cell.state == .value || cell.state == .unspecified else { return .text(ReportText.text(cell, column, k: k)) }
        switch ReportText.kind(cell, column) {
        case .text: return .text(cell.text)
        case .date:
            guard let date = CalendarDate(parsing: cell.text) else { return .text(cell.text) }
            return .date(ExcelDate(year: date.year, month: date.month, day: date.day))
        case .count: return .number(cell.number, .integer)
        case .percent: return .number(cell.number / 100, .percent(places: ReportText.decimals(cell, column)))
        case .rupiah: return .number(cell.number, .rupiah)
        default:
            guard cell.text.isEmpty else { return .text(cell.text) }
            return .number(cell.number, .decimal(places: ReportText.decimals(cell, column)))
        }
    }
}
