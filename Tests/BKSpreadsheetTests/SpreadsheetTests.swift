import BKSpreadsheet
import Foundation
import Testing

/// Files written by BKSpreadsheet, opened with another implementation (openpyxl, Debian's
/// python3-openpyxl under /usr/bin/python3) and checked cell by cell: values, types, formats.
@Suite("XLSX export (libxlsxwriter, read back with openpyxl)")
struct SpreadsheetTests {
    static let longName = "Peserta/Kelulusan: Provinsi [Maret 2025] dan Kabupaten*"
    static let created = Date(timeIntervalSince1970: 1_741_000_000)  // 2025-03-03T11:06:40Z

    static func reportSheets() -> [Sheet] {
        [
            Sheet(
                name: longName,
                title: "Rekapitulasi peserta pelatihan, Maret 2025",
                columns: [
                    Column("Provinsi"), Column("Peserta"), Column("Kelulusan"), Column("Anggaran"),
                    Column("Rata-rata nilai"), Column("Tanggal mulai"), Column("Catatan", width: 40),
                ],
                rows: [
                    [.text("Daerah Istimewa Yogyakarta"), .number(1234, .integer), .number(0.792, .percent(places: 1)),
                     .number(1_500_000, .rupiah), .number(78.456, .decimal(places: 2)),
                     .date(ExcelDate(year: 2025, month: 3, day: 14)), .text("=1+1")],
                    [.text("Nusa Tenggara Timur 🌴"), .number(87, .integer), .number(1, .percent(places: 0)),
                     .number(-250_000.5, .rupiah), .number(3, .decimal(places: 3)),
                     .date(ExcelDate(year: 2024, month: 2, day: 29)), .text(#"=HYPERLINK("http://contoh.invalid/x","klik")"#)],
                    [.text("Papua Pegunungan"), .empty, .number(0, .percent()), .empty, .empty, .empty, .text("+62 812 3456 7890")],
                    [.text("Jawa\u{0}Barat"), .number(0, .integer), .empty, .empty, .empty, .empty, .text("@SUM(B3:B5)")],
                    [.text("Baris pertama\nbaris kedua: é ñ ü 中文 😀"), .empty, .empty, .empty, .empty, .empty,
                     .text(String(repeating: "x", count: 32_766) + "😀" + String(repeating: "y", count: 100))],
                ],
                autofilter: false
            ),
            Sheet(
                name: longName,
                columns: [Column("Kabupaten/Kota"), Column("Tanggal"), Column("Jumlah")],
                rows: [
                    [.text("Kota Yogyakarta"), .date(ExcelDate(Date(timeIntervalSince1970: 1_741_024_800), in: TimeZone(identifier: "Asia/Jakarta")!)),
                     .number(12, .integer), .text("tanpa judul kolom")],
                    [.text("Sleman"), .date(ExcelDate(year: 1900, month: 3, day: 1)), .number(7, .integer)],
                ],
                autofilter: true
            ),
        ]
    }

    @Test func cellsAreNumbersDatesAndStringsForOpenpyxl() throws {
        let bytes = try Spreadsheet.xlsx(
            Self.reportSheets(),
            properties: DocumentProperties(title: "Laporan pelatihan Maret 2025", created: Self.created))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "an XLSX file is a ZIP archive")
        let book = try OpenpyxlReport.read(bytes)

        #expect(book.properties.title == "Laporan pelatihan Maret 2025")
        #expect(book.properties.creator == "BinaKarier")
        #expect(book.properties.created == "2025-03-03T11:06:40")
        #expect(book.sheets.map(\.name) == ["Peserta-Kelulusan- Provinsi -Ma", "Peserta-Kelulusan- Provinsi (2)"])
        #expect(book.sheets.map(\.name) == Spreadsheet.sheetNames(Self.reportSheets()))
        #expect(book.formulaCount == 0, "no <f> element anywhere in the worksheets")

        let report = book.sheets[0]
        // Title on row 1, bold header on row 2, data from row 3; frozen under the header.
        #expect(report["A1"]?.value == .string("Rekapitulasi peserta pelatihan, Maret 2025"))
        #expect(report["A1"]?.bold == true)
        #expect(report["A2"]?.value == .string("Provinsi"))
        #expect(report["E2"]?.value == .string("Rata-rata nilai"))
        #expect(report["B2"]?.bold == true)
        #expect(report["A3"]?.bold == false)
        #expect(report.freezePanes == "A3")
        #expect(report.autoFilter == nil)

        expectNumber(report["B3"], 1234, format: "#,##0")
        expectNumber(report["C3"], 0.792, format: "0.0%")
        expectNumber(report["D3"], 1_500_000, format: ##""Rp "#,##0"##)
        expectNumber(report["E3"], 78.456, format: "#,##0.00")
        expectNumber(report["C4"], 1, format: "0%")
        expectNumber(report["D4"], -250_000.5, format: ##""Rp "#,##0"##)
        expectNumber(report["E4"], 3, format: "#,##0.000")
        expectNumber(report["C5"], 0, format: "0.0%")
        expectNumber(report["B6"], 0, format: "#,##0")
        #expect(report["B5"] == nil, "empty cells are not written")

        #expect(report["F3"]?.dataType == "d")
        #expect(report["F3"]?.value == .string("2025-03-14T00:00:00"))
        #expect(report["F3"]?.numberFormat == "dd/mm/yyyy")
        #expect(report["F4"]?.value == .string("2024-02-29T00:00:00"))

        // Formula injection: stored as strings, read back as the same text.
        expectText(report["G3"], "=1+1")
        expectText(report["G4"], #"=HYPERLINK("http://contoh.invalid/x","klik")"#)
        expectText(report["G5"], "+62 812 3456 7890")
        expectText(report["G6"], "@SUM(B3:B5)")
        expectText(report["A4"], "Nusa Tenggara Timur 🌴")
        expectText(report["A6"], "JawaBarat")
        expectText(report["A7"], "Baris pertama\nbaris kedua: é ñ ü 中文 😀")
        // 32,766 x and an emoji would be 32,768 UTF-16 units: the emoji is not split but dropped.
        expectText(report["G7"], String(repeating: "x", count: 32_766))

        // Widths: explicit for G, fitted otherwise (A fits its longest name, not the title).
        // libxlsxwriter stores a width as Excel does, with the cell padding: 40 becomes 40.71.
        let g = try #require(report.widths["G"])
        #expect(g > 40 && g < 41, "column G is \(g) wide")
        let a = try #require(report.widths["A"])
        #expect(a > 20 && a < 40, "column A is \(a) wide")
        let b = try #require(report.widths["B"])
        #expect(b >= 6 && b < 15, "column B is \(b) wide")

        let districts = book.sheets[1]
        #expect(districts["A1"]?.value == .string("Kabupaten/Kota"))
        #expect(districts["A1"]?.bold == true)
        #expect(districts.freezePanes == "A2")
        #expect(districts.autoFilter == "A1:D3")
        #expect(districts["B2"]?.dataType == "d")
        // 2025-03-03T18:00:00Z is already 4 March in Jakarta (UTC+7).
        #expect(districts["B2"]?.value == .string("2025-03-04T00:00:00"))
        #expect(districts["B3"]?.value == .string("1900-03-01T00:00:00"))
        expectNumber(districts["C2"], 12, format: "#,##0")
        expectText(districts["D2"], "tanpa judul kolom")
    }

    @Test func noSheetsIsAnError() {
        #expect(throws: SpreadsheetError.noSheets) { try Spreadsheet.xlsx([]) }
    }

    @Test func aSheetWithoutRowsHasItsHeader() throws {
        let book = try OpenpyxlReport.read(Spreadsheet.xlsx([Sheet(name: "Kosong", columns: [Column("Nama")], autofilter: true)]))
        #expect(book.sheets.map(\.name) == ["Kosong"])
        #expect(book.sheets[0]["A1"]?.value == .string("Nama"))
        #expect(book.sheets[0].autoFilter == "A1")
        #expect(book.sheets[0].freezePanes == "A2")
    }

    @Test func errorsAndSuccessLeaveNoTemporaryFiles() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let table = [Column("Nama"), Column("Nilai")]

        let nan = #expect(throws: SpreadsheetError.self) {
            try Spreadsheet.xlsx(
                [Sheet(name: "Nilai", columns: table, rows: [[.text("a"), .number(1, .integer)], [.text("b"), .number(.nan, .integer)]])],
                temporaryDirectory: directory.path)
        }
        #expect(nan == .invalidCell(sheet: "Nilai", cell: "B3", reason: "the number is NaN"))
        #expect(try directory.entries() == [])

        let day = #expect(throws: SpreadsheetError.self) {
            try Spreadsheet.xlsx(
                [Sheet(name: "Nilai", title: "Judul", columns: table, rows: [[.text("a"), .date(ExcelDate(year: 2025, month: 2, day: 29))]])],
                temporaryDirectory: directory.path)
        }
        #expect(day == .invalidCell(sheet: "Nilai", cell: "B3", reason: "2025-02-29 is not a day between 1900-01-01 and 9999-12-31"))
        #expect(try directory.entries() == [])

        // libxlsxwriter's own refusal: column 16,385 (XFE) is beyond Excel's last column.
        let wide = #expect(throws: SpreadsheetError.self) {
            try Spreadsheet.xlsx(
                [Sheet(name: "Lebar", columns: table, rows: [Array(repeating: Cell.empty, count: 16_384) + [.text("terlalu jauh")]])],
                temporaryDirectory: directory.path)
        }
        #expect(wide == .library(code: 23, message: "Worksheet row or column index out of range.", operation: "writing Lebar!XFE2"))
        #expect(try directory.entries() == [])

        let bytes = try Spreadsheet.xlsx([Sheet(name: "Nilai", columns: table, rows: [[.text("a"), .number(1, .integer)]])], temporaryDirectory: directory.path)
        #expect(!bytes.isEmpty)
        #expect(try directory.entries() == [])

        let missing = directory.path + "/tidak-ada"
        let noDirectory = #expect(throws: SpreadsheetError.self) {
            try Spreadsheet.xlsx([Sheet(name: "Nilai", columns: table)], temporaryDirectory: missing)
        }
        #expect(noDirectory == .temporaryFile(directory: missing, operation: "creating the file", errno: ENOENT))
    }

    @Test func sheetNamesFollowExcelsRules() {
        let names = Spreadsheet.sheetNames([
            "Data", "data", "", "History", "'Kutip'", "  ", "a[b]c:d*e?f/g\\h",
            String(repeating: "🌴", count: 20), "Tab\tdan\u{0}NUL", "DATA",
        ].map { Sheet(name: $0, columns: []) })
        #expect(names == [
            "Data", "data (2)", "Sheet3", "History (2)", "Kutip", "Sheet6", "a-b-c-d-e-f-g-h",
            String(repeating: "🌴", count: 15), "TabdanNUL", "DATA (3)",
        ])
        for name in names { #expect(name.utf16.count <= 31) }
    }

    @Test func numberStylesHaveExcelFormats() {
        #expect(NumberStyle.integer.excelFormat == "#,##0")
        #expect(NumberStyle.decimal().excelFormat == "#,##0.00")
        #expect(NumberStyle.decimal(places: 0).excelFormat == "#,##0")
        #expect(NumberStyle.percent().excelFormat == "0.0%")
        #expect(NumberStyle.percent(places: 2).excelFormat == "0.00%")
        #expect(NumberStyle.rupiah.excelFormat == ##""Rp "#,##0"##)
        #expect(NumberStyle.decimal(places: 99).excelFormat == "#,##0." + String(repeating: "0", count: 10))
    }

    @Test func workbooksCanBeWrittenConcurrently() async throws {
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<4 {
                group.addTask {
                    let rows = (0..<2_000).map { row -> [Cell] in [.text("baris \(row)"), .number(Double(row * index), .integer)] }
                    return try Spreadsheet.xlsx([Sheet(name: "Lembar \(index)", columns: [Column("Nama"), Column("Nilai")], rows: rows)]).count
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(sizes.count == 4)
        #expect(sizes.allSatisfy { $0 > 1_000 })
    }

    // MARK: helpers

    func expectNumber(_ cell: OpenpyxlReport.Cell?, _ value: Double, format: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(cell?.dataType == "n", sourceLocation: sourceLocation)
        #expect(cell?.value == .number(value), sourceLocation: sourceLocation)
        #expect(cell?.numberFormat == format, sourceLocation: sourceLocation)
    }

    func expectText(_ cell: OpenpyxlReport.Cell?, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(cell?.dataType == "s", "a string, not a formula ('f')", sourceLocation: sourceLocation)
        #expect(cell?.value == .string(text), sourceLocation: sourceLocation)
    }
}

/// A private directory for one test.
struct ScratchDirectory {
    let path: String

    init() throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/bk-spreadsheet-test-XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw CocoaError(.fileWriteUnknown)
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
