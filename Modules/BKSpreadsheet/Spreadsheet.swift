import CXLSXWriter
import Foundation

/// Turns sheets into the bytes of an XLSX file, with libxlsxwriter.
public enum Spreadsheet {
    /// The XLSX file holding `sheets`, in order (the first is the one Excel opens on).
    ///
    /// libxlsxwriter only writes to a path, so this creates a private file (mode 0600, a unique name
    /// `bk-spreadsheet-XXXXXX.xlsx`) in `temporaryDirectory` (default: the system's, `TMPDIR` or
    /// /tmp), has libxlsxwriter write it there (its own scratch files go to the same directory),
    /// reads it back and deletes it, whether writing succeeded or not. It blocks while doing so.
    ///
    /// - Throws: `SpreadsheetError.noSheets` for no sheets (no file with an invented empty sheet),
    ///   `.invalidCell` for a number or date Excel cannot hold, `.library` when libxlsxwriter
    ///   refuses (for example beyond Excel's 1,048,576 rows or 16,384 columns), `.temporaryFile`.
    public static func xlsx(
        _ sheets: [Sheet],
        properties: DocumentProperties = DocumentProperties(),
        temporaryDirectory: String? = nil
    ) throws(SpreadsheetError) -> [UInt8] {
        guard !sheets.isEmpty else { throw .noSheets }
        var directory = temporaryDirectory.flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.temporaryDirectory.path
        while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }

        var template = Array("\(directory)/bk-spreadsheet-XXXXXX.xlsx".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 5) }
        guard descriptor >= 0 else {
            throw .temporaryFile(directory: directory, operation: "creating the file", errno: errno)
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer {
            close(descriptor)
            unlink(path)
        }

        try write(sheets, properties: properties, to: path, scratchDirectory: directory)
        // libxlsxwriter truncates and rewrites the same file, so our descriptor reads what it wrote.
        return try readAll(descriptor, directory: directory)
    }

    /// The names `xlsx` gives these sheets in the file (see `Sheet.name`).
    public static func sheetNames(_ sheets: [Sheet]) -> [String] {
        ExcelRules.sheetNames(sheets.map(\.name))
    }

    // MARK: writing

    private static func write(
        _ sheets: [Sheet], properties: DocumentProperties, to path: String, scratchDirectory: String
    ) throws(SpreadsheetError) {
        var options = lxw_workbook_options()
        let created = scratchDirectory.withCString { directory in
            options.tmpdir = UnsafeMutablePointer(mutating: directory)  // copied by libxlsxwriter
            return workbook_new_opt(path, &options)
        }
        guard let workbook = created else { throw library(LXW_ERROR_MEMORY_MALLOC_FAILED, "creating the workbook") }
        do throws(SpreadsheetError) {
            try setProperties(properties, of: workbook)
            let formats = try Formats(workbook)
            for (sheet, name) in zip(sheets, sheetNames(sheets)) {
                try check(workbook_validate_sheet_name(workbook, name), "naming sheet \(name)")
                guard let worksheet = workbook_add_worksheet(workbook, name) else {
                    throw library(LXW_ERROR_MEMORY_MALLOC_FAILED, "adding sheet \(name)")
                }
                try write(sheet, named: name, to: worksheet, formats: formats)
            }
        } catch {
            lxw_workbook_free(workbook)  // frees without writing the file
            throw error
        }
        try check(workbook_close(workbook), "closing the workbook")  // writes the file and frees
    }

    private static func setProperties(
        _ properties: DocumentProperties, of workbook: UnsafeMutablePointer<lxw_workbook>
    ) throws(SpreadsheetError) {
        var copies: [UnsafeMutablePointer<CChar>] = []
        defer { copies.forEach { free($0) } }
        func copy(_ text: String?) -> UnsafeMutablePointer<CChar>? {
            guard let text, let pointer = strdup(ExcelRules.cleanText(text)) else { return nil }
            copies.append(pointer)
            return pointer
        }
        var document = lxw_doc_properties()
        document.title = copy(properties.title)
        document.subject = copy(properties.subject)
        document.author = copy(properties.author)
        if let created = properties.created {
            // 0 means "now" to libxlsxwriter; a second later is close enough for the epoch itself.
            document.created = max(time_t(created.timeIntervalSince1970.rounded(.down)), 1)
        }
        try check(workbook_set_properties(workbook, &document), "setting the document properties")
    }

    private static func write(
        _ sheet: Sheet, named name: String, to worksheet: UnsafeMutablePointer<lxw_worksheet>, formats: Formats
    ) throws(SpreadsheetError) {
        var row = 0
        if let title = sheet.title {
            try writeText(title, worksheet, row: 0, column: 0, format: formats.title, sheet: name)
            row = 1
        }
        let headerRow = row
        let hasHeader = !sheet.columns.isEmpty
        var headerWidths = sheet.columns.map { ExcelRules.displayWidth($0.title) }
        var contentWidths = [Int](repeating: 0, count: sheet.columns.count)
        if hasHeader {
            for (column, header) in sheet.columns.enumerated() {
                try writeText(header.title, worksheet, row: headerRow, column: column, format: formats.header, sheet: name)
            }
            row += 1
        }
        let firstDataRow = row

        for (offset, cells) in sheet.rows.enumerated() {
            let row = firstDataRow + offset
            if cells.count > contentWidths.count {
                contentWidths.append(contentsOf: repeatElement(0, count: cells.count - contentWidths.count))
            }
            for (column, cell) in cells.enumerated() {
                try write(cell, worksheet, row: row, column: column, formats: formats, sheet: name)
                contentWidths[column] = max(contentWidths[column], ExcelRules.displayWidth(cell))
            }
        }

        headerWidths.append(contentsOf: repeatElement(0, count: contentWidths.count - headerWidths.count))
        for column in contentWidths.indices {
            let explicit = column < sheet.columns.count ? sheet.columns[column].width.flatMap { $0.isFinite ? $0 : nil } : nil
            if explicit == nil, headerWidths[column] == 0, contentWidths[column] == 0 { continue }
            let width = explicit.map { min(max($0, 0), 255) }
                ?? ExcelRules.fittedWidth(headerWidth: headerWidths[column], contentWidth: contentWidths[column])
            try check(
                worksheet_set_column(worksheet, lxw_col_t(clamping: column), lxw_col_t(clamping: column), width, nil),
                "setting the width of column \(column + 1) of \(name)")
        }

        if hasHeader {
            worksheet_freeze_panes(worksheet, lxw_row_t(clamping: headerRow + 1), 0)
            if sheet.autofilter {
                let lastRow = max(headerRow, firstDataRow + sheet.rows.count - 1)
                try check(
                    worksheet_autofilter(
                        worksheet, lxw_row_t(clamping: headerRow), 0,
                        lxw_row_t(clamping: lastRow), lxw_col_t(clamping: max(sheet.columns.count, contentWidths.count) - 1)),
                    "setting the autofilter of \(name)")
            }
        }
    }

    private static func write(
        _ cell: Cell, _ worksheet: UnsafeMutablePointer<lxw_worksheet>, row: Int, column: Int, formats: Formats, sheet: String
    ) throws(SpreadsheetError) {
        switch cell {
        case .empty:
            return
        case .text(let text):
            try writeText(text, worksheet, row: row, column: column, format: text.contains(where: \.isNewline) ? formats.wrapped : nil, sheet: sheet)
        case .number(let value, let style):
            guard value.isFinite else {
                throw .invalidCell(
                    sheet: sheet, cell: ExcelRules.cellName(row: row, column: column),
                    reason: value.isNaN ? "the number is NaN" : "the number is infinite")
            }
            try check(
                worksheet_write_number(worksheet, lxw_row_t(clamping: row), lxw_col_t(clamping: column), value, try formats.number(style)),
                "writing \(sheet)!\(ExcelRules.cellName(row: row, column: column))")
        case .date(let date):
            guard date.isValid else {
                throw .invalidCell(
                    sheet: sheet, cell: ExcelRules.cellName(row: row, column: column),
                    reason: "\(date) is not a day between 1900-01-01 and 9999-12-31")
            }
            var datetime = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day), hour: 0, min: 0, sec: 0)
            try check(
                worksheet_write_datetime(worksheet, lxw_row_t(clamping: row), lxw_col_t(clamping: column), &datetime, try formats.date()),
                "writing \(sheet)!\(ExcelRules.cellName(row: row, column: column))")
        }
    }

    /// Always `worksheet_write_string`: a shared string, never a formula, whatever the text starts with.
    private static func writeText(
        _ text: String, _ worksheet: UnsafeMutablePointer<lxw_worksheet>, row: Int, column: Int,
        format: UnsafeMutablePointer<lxw_format>?, sheet: String
    ) throws(SpreadsheetError) {
        try check(
            worksheet_write_string(worksheet, lxw_row_t(clamping: row), lxw_col_t(clamping: column), ExcelRules.cleanText(text), format),
            "writing \(sheet)!\(ExcelRules.cellName(row: row, column: column))")
    }

    // MARK: libxlsxwriter plumbing

    /// The formats of one workbook, made on first use; libxlsxwriter owns and frees them with it.
    private final class Formats {
        private let workbook: UnsafeMutablePointer<lxw_workbook>
        private var numbers: [NumberStyle: UnsafeMutablePointer<lxw_format>] = [:]
        private var dateFormat: UnsafeMutablePointer<lxw_format>?
        private(set) var title: UnsafeMutablePointer<lxw_format>!
        private(set) var header: UnsafeMutablePointer<lxw_format>!
        private(set) var wrapped: UnsafeMutablePointer<lxw_format>!

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) throws(SpreadsheetError) {
            self.workbook = workbook
            title = try make { format_set_bold($0) }
            header = try make { format_set_bold($0) }
            wrapped = try make { format_set_text_wrap($0) }
        }

        func date() throws(SpreadsheetError) -> UnsafeMutablePointer<lxw_format> {
            if let dateFormat { return dateFormat }
            let format = try make { format_set_num_format($0, "dd/mm/yyyy") }
            dateFormat = format
            return format
        }

        func number(_ style: NumberStyle) throws(SpreadsheetError) -> UnsafeMutablePointer<lxw_format> {
            let key: NumberStyle = switch style {
            case .decimal(let places): .decimal(places: NumberStyle.clamped(places))
            case .percent(let places): .percent(places: NumberStyle.clamped(places))
            case .integer, .rupiah: style
            }
            if let format = numbers[key] { return format }
            let format = try make { format_set_num_format($0, key.excelFormat) }
            numbers[key] = format
            return format
        }

        private func make(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) throws(SpreadsheetError) -> UnsafeMutablePointer<lxw_format> {
            guard let format = workbook_add_format(workbook) else {
                throw Spreadsheet.library(LXW_ERROR_MEMORY_MALLOC_FAILED, "adding a format")
            }
            configure(format)
            return format
        }
    }

    fileprivate static func library(_ status: lxw_error, _ operation: String) -> SpreadsheetError {
        let message = lxw_strerror(status).map { String(cString: $0) } ?? "unknown error"
        return .library(code: Int(status.rawValue), message: message, operation: operation)
    }

    private static func check(_ status: lxw_error, _ operation: @autoclosure () -> String) throws(SpreadsheetError) {
        guard status != LXW_NO_ERROR else { return }
        throw library(status, operation())
    }

    private static func readAll(_ descriptor: Int32, directory: String) throws(SpreadsheetError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(bytes.count)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .temporaryFile(directory: directory, operation: "reading the file back", errno: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        guard !bytes.isEmpty else {
            throw .temporaryFile(directory: directory, operation: "reading the file back (empty)", errno: EIO)
        }
        return bytes
    }
}
